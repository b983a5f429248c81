package store

import (
	"context"
	"errors"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/masterplan-app/masterplan/data"
)

// reminderByKind returns the stored reminder of kind (the defaults are
// there from the migration).
func reminderByKind(t *testing.T, s *Store, kind string) data.Reminder {
	t.Helper()
	rs, err := s.Reminders(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		if r.Kind == kind {
			return r
		}
	}
	t.Fatalf("no %s reminder in %+v", kind, rs)
	return data.Reminder{}
}

func TestReminderMigrationFromFoundation(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "masterplan.db")
	old := foundationStore(t, path)
	r := setUp(t, old)
	// Written as the foundation's schema has it: today's code writes
	// columns later migrations add.
	res, err := old.db.ExecContext(ctx, `INSERT INTO milestones (rotation_id, title, due_date) VALUES (?, 'Fee paid', '2026-04-01')`, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	var m data.Milestone
	if m.ID, err = res.LastInsertId(); err != nil {
		t.Fatal(err)
	}
	old.Close()

	s := openAt(t, path)
	if ms, err := s.Milestones(ctx, r.ID); err != nil || len(ms) != 1 || ms[0].ID != m.ID {
		t.Fatalf("milestones after migrating = %+v, %v", ms, err)
	}
	if baks, _ := filepath.Glob(path + "*.bak"); len(baks) != 1 {
		t.Errorf("backups before migrating = %v, want one", baks)
	}
	ms := reminderByKind(t, s, data.ReminderMilestone)
	if !ms.Enabled || ms.DaysBefore != 3 || ms.At != (data.Clock{Hour: 9}) {
		t.Errorf("default milestone reminder = %+v, want on, 3 days before at 09:00", ms)
	}
	for _, kind := range []string{data.ReminderNudgeReading, data.ReminderNudgeStudy} {
		if n := reminderByKind(t, s, kind); n.Enabled {
			t.Errorf("the %s nudge is on by default", kind)
		}
	}
}

func TestSaveReminder(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	setUp(t, s) // Europe/London
	today := data.DateOf(testNow, time.UTC)

	study := data.NewReminder(data.ReminderStudy, today)
	study.Body = "  Chapter 4  "
	saved, err := s.SaveReminder(ctx, study)
	if err != nil {
		t.Fatalf("save study reminder: %v", err)
	}
	got, err := s.Reminder(ctx, saved.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.RRule != study.RRule || got.Body != "Chapter 4" || got.Day != today || !got.Enabled {
		t.Errorf("stored %+v, want %+v with the body trimmed", got, study)
	}

	t.Run("a one-off in the past is refused and nothing is written", func(t *testing.T) {
		before := count(t, s, "reminders")
		r := data.NewReminder(data.ReminderOneOff, today.AddDays(-1))
		r.Title = "Call the hotel"
		_, err := s.SaveReminder(ctx, r)
		if !errors.Is(err, data.ErrInvalid) || data.FieldMessage(err, "day") == "" {
			t.Fatalf("past one-off: %v, want a day error", err)
		}
		if n := count(t, s, "reminders"); n != before {
			t.Errorf("reminders %d after a refused save, want %d", n, before)
		}
	})
	t.Run("a second milestone reminder is a conflict", func(t *testing.T) {
		_, err := s.SaveReminder(ctx, data.NewReminder(data.ReminderMilestone, today))
		if !errors.Is(err, data.ErrConflict) {
			t.Fatalf("second milestone reminder: %v, want ErrConflict", err)
		}
	})
	t.Run("edit, turn off and on, delete", func(t *testing.T) {
		saved.Title = "Evening study"
		if _, err := s.SaveReminder(ctx, saved); err != nil {
			t.Fatal(err)
		}
		if err := s.SetReminderEnabled(ctx, saved.ID, false); err != nil {
			t.Fatal(err)
		}
		if r, _ := s.Reminder(ctx, saved.ID); r.Enabled || r.Title != "Evening study" {
			t.Errorf("after edit and off: %+v", r)
		}
		if err := s.SetReminderEnabled(ctx, saved.ID, true); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteReminder(ctx, saved.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Reminder(ctx, saved.ID); !errors.Is(err, data.ErrNotFound) {
			t.Errorf("deleted reminder: %v, want ErrNotFound", err)
		}
		if err := s.DeleteReminder(ctx, saved.ID); !errors.Is(err, data.ErrNotFound) {
			t.Errorf("delete twice: %v, want ErrNotFound", err)
		}
	})
	t.Run("turning on a one-off that has passed is refused", func(t *testing.T) {
		r := data.NewReminder(data.ReminderOneOff, today.AddDays(-2))
		r.Title, r.Enabled = "Old note", false
		r, err := s.SaveReminder(ctx, r)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.SetReminderEnabled(ctx, r.ID, true); !errors.Is(err, data.ErrInvalid) {
			t.Errorf("turn on a past one-off: %v, want ErrInvalid", err)
		}
		if got, _ := s.Reminder(ctx, r.ID); got.Enabled {
			t.Error("the past one-off was turned on")
		}
	})
}

func TestMilestoneReminderSettings(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	r := setUp(t, s)
	m := addMilestone(t, s, r, "Flights booked", "2026-04-01")
	if err := s.SetMilestoneReminder(ctx, m.ID, &data.MilestoneSetting{DaysBefore: 10}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetMilestoneReminder(ctx, m.ID, &data.MilestoneSetting{DaysBefore: 999}); !errors.Is(err, data.ErrInvalid) {
		t.Errorf("999 days before: %v, want ErrInvalid", err)
	}
	if err := s.SetMilestoneReminder(ctx, 4242, &data.MilestoneSetting{Off: true}); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("unknown milestone: %v, want ErrNotFound", err)
	}
	got, err := s.MilestoneReminderSettings(ctx)
	if err != nil || got[m.ID] != (data.MilestoneSetting{DaysBefore: 10}) {
		t.Fatalf("settings = %+v, %v", got, err)
	}
	p, err := s.ReminderPlan(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Schedule.Milestones) != 1 || p.Schedule.MilestoneSettings[m.ID].DaysBefore != 10 || p.Schedule.Zone.String() != "Europe/London" || !p.LastRun.IsZero() {
		t.Errorf("plan = %+v", p)
	}
	if _, err := s.DeleteMilestone(ctx, m.ID); err != nil {
		t.Fatal(err)
	}
	if n := count(t, s, "milestone_reminders"); n != 0 {
		t.Errorf("a deleted milestone's setting stayed (%d rows)", n)
	}
}

// occurrence is a due study occurrence of reminder id at at.
func occurrence(id int64, at time.Time) data.Occurrence {
	return data.Occurrence{Key: data.ReminderKey(id, at), ReminderID: id, Kind: data.ReminderStudy, At: at, Title: "Study session"}
}

func TestDeliverClaimsOnce(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	setUp(t, s)
	rem, err := s.SaveReminder(ctx, data.NewReminder(data.ReminderStudy, data.DateOf(testNow, time.UTC)))
	if err != nil {
		t.Fatal(err)
	}
	due := []data.Occurrence{
		occurrence(rem.ID, testNow.Add(-48*time.Hour)),
		occurrence(rem.ID, testNow.Add(-24*time.Hour)),
	}
	got, err := s.Deliver(ctx, due, testNow, time.UTC, "test")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Occurrences != 2 || got[0].Title != "2 missed: Study session" || got[0].ReminderID != rem.ID {
		t.Fatalf("first delivery = %+v, want one catch-up for two occurrences", got)
	}
	again, err := s.Deliver(ctx, due, testNow, time.UTC, "test")
	if err != nil || len(again) != 0 {
		t.Fatalf("second delivery of the same occurrences = %+v, %v; want none", again, err)
	}
	p, _ := s.ReminderPlan(ctx)
	if !p.LastRun.Equal(testNow) {
		t.Errorf("last run = %v, want %v", p.LastRun, testNow)
	}
	claimed, err := s.Claimed(ctx, []string{due[0].Key, "reminder:1:2000-01-01T00:00:00Z"})
	if err != nil || !claimed[due[0].Key] || len(claimed) != 1 {
		t.Errorf("Claimed = %v, %v", claimed, err)
	}
	// One new occurrence with one already claimed: only the new one rings.
	later := append(due, occurrence(rem.ID, testNow.Add(time.Hour)))
	got, err = s.Deliver(ctx, later, testNow.Add(time.Hour), time.UTC, "test")
	if err != nil || len(got) != 1 || got[0].Occurrences != 1 || got[0].Title != "Study session" {
		t.Fatalf("delivery with one new occurrence = %+v, %v", got, err)
	}
}

// TestDeliverTwoStoresAtOnce races two stores on one file (the GUI and
// `masterplan remind`) over the same occurrences: each is delivered once.
func TestDeliverTwoStoresAtOnce(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	a, path := openTemp(t)
	setUp(t, a)
	b := openAt(t, path)
	var due []data.Occurrence
	for i := range 20 {
		due = append(due, data.Occurrence{
			Key: data.ReminderKey(int64(100+i), testNow), ReminderID: int64(100 + i), Kind: data.ReminderOneOff, At: testNow, Title: "Note",
		})
	}
	var wg sync.WaitGroup
	results := make([][]Notice, 8)
	errs := make([]error, 8)
	for i := range 8 {
		st := a
		if i%2 == 1 {
			st = b
		}
		wg.Go(func() { results[i], errs[i] = st.Deliver(ctx, due, testNow, time.UTC, "racer") })
	}
	wg.Wait()
	total := 0
	for i := range 8 {
		if errs[i] != nil {
			t.Errorf("runner %d: %v", i, errs[i])
		}
		total += len(results[i])
	}
	if total != len(due) {
		t.Errorf("%d notices delivered for %d occurrences", total, len(due))
	}
	if n := count(t, a, "reminder_notices"); n != len(due) {
		t.Errorf("%d notices stored, want %d", n, len(due))
	}
}

func TestSnoozeAndDone(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, path := openTemp(t)
	setUp(t, s)
	got, err := s.Deliver(ctx, []data.Occurrence{occurrence(7, testNow)}, testNow, time.UTC, "test")
	if err != nil || len(got) != 1 {
		t.Fatalf("deliver: %+v, %v", got, err)
	}
	n := got[0]
	if n.ReminderID != 0 {
		t.Errorf("a notice of a reminder that does not exist kept its ID %d", n.ReminderID)
	}
	until := testNow.Add(10 * time.Minute)
	if err := s.SnoozeNotice(ctx, n.ID, until); err != nil {
		t.Fatal(err)
	}
	if woken, err := s.WakeSnoozed(ctx, until.Add(-time.Second), "test"); err != nil || len(woken) != 0 {
		t.Fatalf("woken before its time: %+v, %v", woken, err)
	}
	other := openAt(t, path)
	w1, err1 := s.WakeSnoozed(ctx, until, "gui")
	w2, err2 := other.WakeSnoozed(ctx, until, "remind")
	if err1 != nil || err2 != nil || len(w1)+len(w2) != 1 {
		t.Fatalf("woken by two runners: %+v %v / %+v %v; want once", w1, err1, w2, err2)
	}
	list, err := s.Notices(ctx)
	if err != nil || len(list) != 1 || list[0].State != NoticeOpen {
		t.Fatalf("notices after waking = %+v, %v", list, err)
	}
	if err := s.MarkNoticeInApp(ctx, n.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DoneNotice(ctx, n.ID); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.Notices(ctx); len(list) != 0 {
		t.Errorf("notices after done = %+v", list)
	}
	if err := s.SnoozeNotice(ctx, n.ID, until); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("snooze a done notice: %v, want ErrNotFound", err)
	}
	if err := s.DoneNotice(ctx, 999); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("done of an unknown notice: %v, want ErrNotFound", err)
	}
}
