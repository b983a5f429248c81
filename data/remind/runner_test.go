package remind

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/store"
	"github.com/masterplan-app/masterplan/data/transfer"
)

// fakeNotifier records what it was asked to show, or fails with err.
type fakeNotifier struct {
	mu    sync.Mutex
	shown []string // "title|body"
	err   error
}

func (f *fakeNotifier) Notify(_ context.Context, title, body string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.err != nil {
		return f.err
	}
	f.shown = append(f.shown, title+"|"+body)
	return nil
}

func (f *fakeNotifier) got() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.shown...)
}

// clock is a settable fake clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) set(t time.Time) {
	c.mu.Lock()
	c.t = t
	c.mu.Unlock()
}

var london = mustZone("Europe/London")

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// at is a wall time in London.
func at(day string, hh, mm int) time.Time {
	d, err := data.ParseDate("day", day)
	if err != nil {
		panic(err)
	}
	return data.LocalInstant(d, data.Clock{Hour: hh, Minute: mm}, london)
}

// fixture is a set-up database (user in London) with a runner on it.
type fixture struct {
	st    *store.Store
	path  string
	clock *clock
	notes *fakeNotifier
	run   *Runner
	logs  []string
}

func newFixture(t *testing.T, start time.Time) *fixture {
	t.Helper()
	f := &fixture{path: filepath.Join(t.TempDir(), "mp.db"), clock: &clock{t: start}, notes: &fakeNotifier{}}
	f.st = openStore(t, f.path, f.clock)
	set := data.DefaultSettings()
	set.TimeZone = "Europe/London"
	rot := data.Rotation{Track: "MCM: Exchange Server 2010", Blocks: []data.Block{{
		Start: data.NewDate(2027, 3, 1), End: data.NewDate(2027, 3, 21), Location: "Redmond, Washington", TimeZone: "America/Los_Angeles",
	}}}
	if _, err := f.st.Setup(context.Background(), rot, set); err != nil {
		t.Fatal(err)
	}
	f.run = f.runner(f.st, "test")
	return f
}

func openStore(t *testing.T, path string, c *clock, opts ...store.Option) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), path, append([]store.Option{store.WithClock(c.now)}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func (f *fixture) runner(st *store.Store, name string) *Runner {
	return &Runner{Store: st, Notifier: f.notes, Now: f.clock.now, Name: name,
		Logf: func(format string, args ...any) { f.logs = append(f.logs, fmt.Sprintf(format, args...)) }}
}

func (f *fixture) save(t *testing.T, r data.Reminder) data.Reminder {
	t.Helper()
	r, err := f.st.SaveReminder(context.Background(), r)
	if err != nil {
		t.Fatalf("save reminder: %v", err)
	}
	return r
}

// once runs one pass at t and returns what the notifier showed in it.
func (f *fixture) once(t *testing.T, now time.Time) []string {
	t.Helper()
	before := len(f.notes.got())
	f.clock.set(now)
	if _, err := f.run.Once(context.Background()); err != nil {
		t.Fatalf("pass at %v: %v", now, err)
	}
	return f.notes.got()[before:]
}

func oneOff(day data.Date, hh, mm int, title string) data.Reminder {
	r := data.NewReminder(data.ReminderOneOff, day)
	r.At, r.Title, r.Body = data.Clock{Hour: hh, Minute: mm}, title, "Bring the passport."
	return r
}

func TestOnceDeliversOneOffOnce(t *testing.T) {
	f := newFixture(t, at("2026-11-23", 9, 0))
	f.save(t, oneOff(data.NewDate(2026, 11, 23), 12, 0, "Call the hotel"))
	if got := f.once(t, at("2026-11-23", 11, 59)); len(got) != 0 {
		t.Fatalf("before its time: %v", got)
	}
	if got := f.once(t, at("2026-11-23", 12, 0)); len(got) != 1 || got[0] != "Call the hotel|Bring the passport." {
		t.Fatalf("at its time: %v", got)
	}
	if got := f.once(t, at("2026-11-23", 12, 1)); len(got) != 0 {
		t.Fatalf("a second pass delivered again: %v", got)
	}
	notices, _ := f.st.Notices(context.Background())
	if len(notices) != 1 || notices[0].State != store.NoticeOpen || notices[0].InApp {
		t.Errorf("notices = %+v", notices)
	}
}

func TestCatchUpAfterSleep(t *testing.T) {
	f := newFixture(t, at("2026-11-23", 8, 0))                                  // a Monday
	f.save(t, data.NewReminder(data.ReminderStudy, data.NewDate(2026, 11, 23))) // Mon-Fri 19:30
	f.once(t, at("2026-11-23", 8, 0))
	// The laptop sleeps until Thursday evening: Mon, Tue, Wed and Thu 19:30 passed.
	got := f.once(t, at("2026-11-26", 21, 0))
	if len(got) != 1 {
		t.Fatalf("after sleeping: %d notifications %v, want one", len(got), got)
	}
	if !strings.HasPrefix(got[0], "4 missed: Study session|Mon 19:30, Tue 19:30, Wed 19:30, Thu 19:30") {
		t.Errorf("catch-up = %q", got[0])
	}
	if got := f.once(t, at("2026-11-27", 19, 31)); len(got) != 1 || got[0] != "Study session|" {
		t.Errorf("Friday on time = %v", got)
	}
}

func TestSavedReminderDoesNotRingForEarlierToday(t *testing.T) {
	f := newFixture(t, at("2026-11-23", 20, 0))
	f.once(t, at("2026-11-23", 19, 0))
	f.clock.set(at("2026-11-23", 20, 0))
	f.save(t, data.NewReminder(data.ReminderStudy, data.NewDate(2026, 11, 23))) // 19:30, saved at 20:00
	if got := f.once(t, at("2026-11-23", 20, 1)); len(got) != 0 {
		t.Errorf("a reminder saved at 20:00 rang for 19:30 the same day: %v", got)
	}
}

func TestClockGoingBackDoesNotRingTwice(t *testing.T) {
	f := newFixture(t, at("2026-11-23", 11, 0))
	f.save(t, oneOff(data.NewDate(2026, 11, 23), 12, 0, "Call the hotel"))
	if got := f.once(t, at("2026-11-23", 12, 5)); len(got) != 1 {
		t.Fatalf("first: %v", got)
	}
	for _, now := range []time.Time{at("2026-11-23", 11, 0), at("2026-11-23", 11, 59), at("2026-11-23", 12, 3), at("2026-11-23", 13, 0)} {
		if got := f.once(t, now); len(got) != 0 {
			t.Fatalf("after the clock went back, at %v: %v", now, got)
		}
	}
}

func TestSnoozeRingsAgainOnce(t *testing.T) {
	f := newFixture(t, at("2026-11-23", 11, 0))
	f.save(t, oneOff(data.NewDate(2026, 11, 23), 12, 0, "Call the hotel"))
	f.once(t, at("2026-11-23", 12, 0))
	notices, _ := f.st.Notices(context.Background())
	until, err := Snooze(context.Background(), f.st, notices[0].ID, data.Snooze10Minutes, at("2026-11-23", 12, 1), london)
	if err != nil || !until.Equal(at("2026-11-23", 12, 11)) {
		t.Fatalf("snooze = %v, %v", until, err)
	}
	if next, err := f.run.NextAt(context.Background(), at("2026-11-23", 12, 2)); err != nil || !next.Equal(until) {
		t.Errorf("NextAt = %v, %v; want the snooze %v", next, err, until)
	}
	if got := f.once(t, at("2026-11-23", 12, 10)); len(got) != 0 {
		t.Fatalf("before the snooze ends: %v", got)
	}
	if got := f.once(t, at("2026-11-23", 12, 11)); len(got) != 1 || got[0] != "Call the hotel|Bring the passport." {
		t.Fatalf("when the snooze ends: %v", got)
	}
	if got := f.once(t, at("2026-11-23", 12, 12)); len(got) != 0 {
		t.Fatalf("after the snooze rang: %v", got)
	}
	if _, err := Snooze(context.Background(), f.st, notices[0].ID, data.Snooze(9), at("2026-11-23", 12, 1), london); !errors.Is(err, data.ErrInvalid) {
		t.Errorf("unknown snooze: %v, want ErrInvalid", err)
	}
}

func TestNoNotificationServiceKeepsItInApp(t *testing.T) {
	f := newFixture(t, at("2026-11-23", 9, 0))
	f.notes.err = errors.New("org.freedesktop.Notifications was not provided")
	f.save(t, oneOff(data.NewDate(2026, 11, 23), 10, 0, "First"))
	f.save(t, oneOff(data.NewDate(2026, 11, 23), 11, 0, "Second"))
	var heard []Delivery
	f.run.Delivered = func(d []Delivery) { heard = append(heard, d...) }
	f.once(t, at("2026-11-23", 10, 0))
	f.once(t, at("2026-11-23", 11, 0))
	if len(heard) != 2 || heard[0].Err == nil || !heard[0].Notice.InApp || heard[1].Notice.Title != "Second" {
		t.Fatalf("deliveries = %+v", heard)
	}
	notices, _ := f.st.Notices(context.Background())
	if len(notices) != 2 || !notices[0].InApp || !notices[1].InApp {
		t.Errorf("notices = %+v, want both kept for the app", notices)
	}
	if len(f.logs) != 1 || !strings.Contains(f.logs[0], "was not provided") {
		t.Errorf("logs = %q, want the failure once", f.logs)
	}
}

// TestTwoRunnersOneFile runs the GUI's runner and `masterplan remind`'s
// on one database file at once, over many passes: every occurrence is
// shown exactly once.
func TestTwoRunnersOneFile(t *testing.T) {
	f := newFixture(t, at("2026-11-23", 8, 0))
	for i := range 6 {
		f.save(t, oneOff(data.NewDate(2026, 11, 23), 9, i+1, fmt.Sprintf("Note %d", i)))
	}
	gui := f.runner(f.st, "gui")
	cli := f.runner(openStore(t, f.path, f.clock), "remind")
	f.clock.set(at("2026-11-23", 9, 10))
	var wg sync.WaitGroup
	for range 4 {
		for _, r := range []*Runner{gui, cli} {
			wg.Go(func() {
				if _, err := r.Once(context.Background()); err != nil {
					t.Errorf("%s: %v", r.Name, err)
				}
			})
		}
	}
	wg.Wait()
	got := f.notes.got()
	seen := map[string]int{}
	for _, s := range got {
		seen[s]++
	}
	if len(got) != 6 || len(seen) != 6 {
		t.Errorf("shown %d times (%d distinct), want each of 6 once: %v", len(got), len(seen), got)
	}
}

func TestMilestoneReminder(t *testing.T) {
	f := newFixture(t, at("2026-11-23", 8, 0))
	ctx := context.Background()
	rot, _ := f.st.Rotation(ctx)
	m, err := f.st.SaveMilestone(ctx, data.Milestone{RotationID: rot.ID, Title: "Flights booked", Due: data.NewDate(2026, 11, 26)})
	if err != nil {
		t.Fatal(err)
	}
	off, err := f.st.SaveMilestone(ctx, data.Milestone{RotationID: rot.ID, Title: "Hotel booked", Due: data.NewDate(2026, 11, 26)})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.st.SetMilestoneReminder(ctx, off.ID, &data.MilestoneSetting{Off: true}); err != nil {
		t.Fatal(err)
	}
	got := f.once(t, at("2026-11-23", 9, 0)) // three days before, at 09:00
	if len(got) != 1 || !strings.HasPrefix(got[0], "Flights booked|Due in 3 days") {
		t.Fatalf("milestone reminders = %v", got)
	}
	in, err := Calendar(ctx, f.st, Sources{ExamDates: func(context.Context) ([]transfer.ExamDate, error) {
		return []transfer.ExamDate{{ID: 1, Name: "Lab exam", Date: data.NewDate(2027, 3, 20)}}, nil
	}}, at("2026-11-23", 9, 0))
	if err != nil {
		t.Fatal(err)
	}
	if days, ok := in.MilestoneAlarmDays[m.ID]; !ok || days != 3 || in.MilestoneAlarmAt != (data.Clock{Hour: 9}) || len(in.Exams) != 1 || len(in.Milestones) != 2 {
		t.Errorf("calendar input = %+v", in)
	}
	if _, ok := in.MilestoneAlarmDays[off.ID]; ok {
		t.Error("the milestone whose reminder is off has an alarm")
	}
}

func TestNudges(t *testing.T) {
	f := newFixture(t, at("2026-11-25", 8, 0)) // a Wednesday: Mon and Tue are over
	ctx := context.Background()
	plan, _ := f.st.ReminderPlan(ctx)
	for _, r := range plan.Schedule.Reminders {
		if r.Kind == data.ReminderNudgeStudy {
			r.Enabled = true
			f.save(t, r)
		}
	}
	if got := f.once(t, at("2026-11-25", 18, 30)); len(got) != 0 {
		t.Fatalf("a nudge with no study records to judge by: %v", got)
	}
	hours := 1.0
	f.run.Sources.WeekStudyHours = func(context.Context, time.Time) (float64, error) { return hours, nil }
	if got := f.once(t, at("2026-11-25", 17, 0)); len(got) != 0 {
		t.Fatalf("before the nudge's time: %v", got)
	}
	got := f.once(t, at("2026-11-25", 18, 31))
	if len(got) != 1 || !strings.HasPrefix(got[0], "Below the study goal this week|1 of 10 hours studied this week") {
		t.Fatalf("study nudge = %v", got)
	}
	if got := f.once(t, at("2026-11-25", 21, 0)); len(got) != 0 {
		t.Errorf("a second nudge the same day: %v", got)
	}
	hours = 9
	if got := f.once(t, at("2026-11-26", 19, 0)); len(got) != 0 {
		t.Errorf("a nudge on track: %v", got)
	}
}

func TestRunDeliversThenStops(t *testing.T) {
	f := newFixture(t, at("2026-11-23", 12, 0))
	f.save(t, oneOff(data.NewDate(2026, 11, 23), 12, 0, "Call the hotel"))
	ctx, cancel := context.WithCancel(context.Background())
	f.run.Delivered = func([]Delivery) { cancel() }
	done := make(chan struct{})
	go func() { f.run.Run(ctx); close(done) }()
	<-done
	if got := f.notes.got(); len(got) != 1 {
		t.Errorf("Run delivered %v", got)
	}
	f.run.Wake() // a wake with nobody listening does not block
	f.run.Wake()
}

// TestLockedDatabase holds the file's write lock from another connection
// (the other process mid-transaction) past the busy timeout: the pass
// fails with store.ErrLocked and shows nothing; the next pass delivers,
// once.
func TestLockedDatabase(t *testing.T) {
	f := newFixture(t, at("2026-11-23", 11, 0))
	f.save(t, oneOff(data.NewDate(2026, 11, 23), 12, 0, "Call the hotel"))
	// The runner waits a short time for the lock, not the app's 5 s.
	f.run = f.runner(openStore(t, f.path, f.clock, store.WithBusyTimeout(200*time.Millisecond)), "test")
	other, err := sql.Open("sqlite", store.DSN(f.path))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	tx, err := other.Begin()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(`INSERT INTO settings (key, value) VALUES ('test.lock', 'held')`); err != nil {
		t.Fatal(err)
	}
	f.clock.set(at("2026-11-23", 12, 0))
	if _, err := f.run.Once(context.Background()); !errors.Is(err, store.ErrLocked) {
		t.Errorf("pass while locked: %v, want ErrLocked", err)
	}
	if got := f.notes.got(); len(got) != 0 {
		t.Errorf("shown while the file was locked: %v", got)
	}
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	if got := f.once(t, at("2026-11-23", 12, 1)); len(got) != 1 {
		t.Errorf("after the lock was released: %v, want the reminder once", got)
	}
}
