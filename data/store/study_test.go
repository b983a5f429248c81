package store

import (
	"context"
	"database/sql"
	"errors"
	"io/fs"
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"

	"github.com/masterplan-app/masterplan/data"
)

// session is a valid session of d minutes starting at start (UTC).
func session(start time.Time, minutes int, topic string) data.StudySession {
	return data.StudySession{Start: start, Duration: time.Duration(minutes) * time.Minute, Topic: topic}
}

// addReadingItem inserts a reading item row directly, as the reading area would.
func addReadingItem(t *testing.T, s *Store, title string) int64 {
	t.Helper()
	res, err := s.db.Exec(`INSERT INTO reading_items (title, kind, unit, status, added_on) VALUES (?, 'book', 'pages', 'to read', '2026-03-01')`, title)
	if err != nil {
		t.Fatalf("add reading item: %v", err)
	}
	id, _ := res.LastInsertId()
	return id
}

func TestStudySessionsCRUD(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	day := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	item := addReadingItem(t, s, "Inside SQL Server")

	a, err := s.SaveStudySession(ctx, data.StudySession{Start: day.Add(9*time.Hour + 300*time.Millisecond), Duration: 90*time.Minute + 400*time.Millisecond,
		Topic: "  Storage  ", ReadingItemID: item, Note: "chapter 3"})
	if err != nil {
		t.Fatalf("save: %v", err)
	}
	b, err := s.SaveStudySession(ctx, session(day.Add(-24*time.Hour), 30, "Indexes"))
	if err != nil {
		t.Fatalf("save: %v", err)
	}
	got, err := s.StudySession(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := data.StudySession{ID: a.ID, Start: day.Add(9 * time.Hour), Duration: 90 * time.Minute, Topic: "Storage", ReadingItemID: item, Note: "chapter 3"}
	if got != want {
		t.Fatalf("stored %+v, want %+v (start and length to the second, topic trimmed)", got, want)
	}

	tests := []struct {
		name     string
		from, to time.Time
		want     []int64
	}{
		{"all, by start", time.Time{}, time.Time{}, []int64{b.ID, a.ID}},
		{"from is inclusive", day.Add(9 * time.Hour), time.Time{}, []int64{a.ID}},
		{"to is exclusive", time.Time{}, day.Add(9 * time.Hour), []int64{b.ID}},
		{"a from within the second after a start excludes it", day.Add(9*time.Hour + time.Millisecond), time.Time{}, nil},
		{"empty range", day.Add(10 * time.Hour), day.Add(11 * time.Hour), nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ss, err := s.StudySessions(ctx, tc.from, tc.to)
			if err != nil {
				t.Fatal(err)
			}
			var ids []int64
			for _, x := range ss {
				ids = append(ids, x.ID)
			}
			if len(ids) != len(tc.want) || (len(ids) > 0 && ids[0] != tc.want[0]) || len(ids) == 2 && ids[1] != tc.want[1] {
				t.Fatalf("ids %v, want %v", ids, tc.want)
			}
		})
	}

	b.Duration, b.Note = 45*time.Minute, "changed"
	if _, err := s.SaveStudySession(ctx, b); err != nil {
		t.Fatalf("edit: %v", err)
	}
	if got, _ := s.StudySession(ctx, b.ID); got.Duration != 45*time.Minute || got.Note != "changed" {
		t.Fatalf("edited session reads %+v", got)
	}

	deleted, err := s.DeleteStudySession(ctx, a.ID)
	if err != nil || deleted.ID != a.ID || deleted.Note != "chapter 3" {
		t.Fatalf("delete returned %+v, %v", deleted, err)
	}
	if _, err := s.StudySession(ctx, a.ID); !errors.Is(err, data.ErrNotFound) {
		t.Fatalf("deleted session reads with %v, want ErrNotFound", err)
	}
	if _, err := s.DeleteStudySession(ctx, a.ID); !errors.Is(err, data.ErrNotFound) {
		t.Fatalf("second delete: %v, want ErrNotFound", err)
	}
	deleted.ID = 0 // undo
	if _, err := s.SaveStudySession(ctx, deleted); err != nil {
		t.Fatalf("undo: %v", err)
	}
	if n := count(t, s, "study_sessions"); n != 2 {
		t.Fatalf("%d sessions after undo, want 2", n)
	}

	// Deleting the reading item unlinks its sessions instead of losing them.
	if _, err := s.db.Exec(`DELETE FROM reading_items WHERE id = ?`, item); err != nil {
		t.Fatal(err)
	}
	all, _ := s.StudySessions(ctx, time.Time{}, time.Time{})
	for _, x := range all {
		if x.ReadingItemID != 0 {
			t.Fatalf("session %d still points at deleted item %d", x.ID, x.ReadingItemID)
		}
	}
}

func TestStudySessionBadInput(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	ok := session(testNow.Add(-2*time.Hour), 60, "x")
	tests := []struct {
		name  string
		edit  func(*data.StudySession)
		field string
	}{
		{"zero duration", func(ss *data.StudySession) { ss.Duration = 0 }, "duration"},
		{"negative duration", func(ss *data.StudySession) { ss.Duration = -time.Minute }, "duration"},
		{"in the future", func(ss *data.StudySession) { ss.Start = testNow.Add(-30 * time.Minute) }, "start"},
		{"unknown reading item", func(ss *data.StudySession) { ss.ReadingItemID = 999 }, "reading item"},
		{"unknown id", func(ss *data.StudySession) { ss.ID = 999 }, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ss := ok
			tc.edit(&ss)
			_, err := s.SaveStudySession(ctx, ss)
			if tc.field == "" {
				if !errors.Is(err, data.ErrNotFound) {
					t.Fatalf("err %v, want ErrNotFound", err)
				}
			} else if fe := data.FieldErrors(err); len(fe) == 0 || fe[0].Field != tc.field {
				t.Fatalf("err %v, want a %s field error", err, tc.field)
			}
			if n := count(t, s, "study_sessions"); n != 0 {
				t.Fatalf("%d sessions stored after a refused save", n)
			}
		})
	}
}

func TestAddStudySessionsAllOrNothing(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	good := session(testNow.Add(-3*time.Hour), 60, "a")
	bad := session(testNow.Add(-time.Hour), 0, "b")
	if _, err := s.AddStudySessions(ctx, []data.StudySession{good, bad}); err == nil {
		t.Fatal("an import with a bad session succeeded")
	}
	if n := count(t, s, "study_sessions"); n != 0 {
		t.Fatalf("%d sessions stored after a failed import, want 0", n)
	}
	out, err := s.AddStudySessions(ctx, []data.StudySession{good, session(testNow.Add(-5*time.Hour), 30, "c")})
	if err != nil || len(out) != 2 || out[0].ID == 0 || out[1].ID == 0 {
		t.Fatalf("import: %+v, %v", out, err)
	}
}

func TestTimerSurvivesReopen(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, path := openTemp(t)
	item := addReadingItem(t, s, "Book")
	if tm, err := s.Timer(ctx); err != nil || tm.Phase() != data.TimerIdle {
		t.Fatalf("new file timer %+v, %v; want idle", tm, err)
	}
	var tm data.TimerState
	start := testNow.Add(-50 * time.Minute)
	if err := tm.Start(start, "Replication", item, data.Pomodoro{}); err != nil {
		t.Fatal(err)
	}
	if err := tm.Pause(start.Add(20 * time.Minute)); err != nil {
		t.Fatal(err)
	}
	if err := tm.Resume(start.Add(30 * time.Minute)); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveTimer(ctx, tm); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s2 := openAt(t, path) // "after a crash"
	got, err := s2.Timer(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !got.StartedAt.Equal(tm.StartedAt) || !got.RunningSince.Equal(tm.RunningSince) || got.Accumulated != tm.Accumulated || got.Topic != "Replication" || got.ReadingItemID != item {
		t.Fatalf("timer read back %+v, want %+v", got, tm)
	}
	ss, err := s2.StopTimer(ctx, testNow, "kept after restart")
	if err != nil {
		t.Fatalf("stop: %v", err)
	}
	if ss.Duration != 40*time.Minute || !ss.Start.Equal(start) || ss.Topic != "Replication" || ss.ReadingItemID != item || ss.Note != "kept after restart" {
		t.Fatalf("logged %+v, want 40m from %s", ss, start)
	}
	if tm, _ := s2.Timer(ctx); tm.Phase() != data.TimerIdle {
		t.Fatalf("timer after stop is %s, want idle", tm.Phase())
	}
	if _, err := s2.StopTimer(ctx, testNow, ""); err == nil {
		t.Fatal("stopping an idle timer succeeded")
	}
	if n := count(t, s2, "study_sessions"); n != 1 {
		t.Fatalf("%d sessions, want 1", n)
	}
}

func TestStopTimerRefusedLeavesTimer(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	var tm data.TimerState
	if err := tm.Start(testNow.Add(-30*time.Hour), "", 0, data.Pomodoro{}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveTimer(ctx, tm); err != nil {
		t.Fatal(err)
	}
	if _, err := s.StopTimer(ctx, testNow, ""); err == nil {
		t.Fatal("a 30-hour session was logged")
	}
	if got, _ := s.Timer(ctx); got.Phase() != data.TimerRunning {
		t.Fatalf("timer after refused stop is %s, want still running", got.Phase())
	}
	// Discarding is saving the idle timer.
	if err := s.SaveTimer(ctx, data.TimerState{}); err != nil {
		t.Fatal(err)
	}
	if n := count(t, s, "study_timer"); n != 0 {
		t.Fatalf("%d timer rows after discard", n)
	}
}

func TestStopTimerDropsDeletedItem(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	item := addReadingItem(t, s, "Gone soon")
	var tm data.TimerState
	if err := tm.Start(testNow.Add(-time.Hour), "", item, data.Pomodoro{}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveTimer(ctx, tm); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`DELETE FROM reading_items`); err != nil {
		t.Fatal(err)
	}
	ss, err := s.StopTimer(ctx, testNow, "")
	if err != nil || ss.ReadingItemID != 0 {
		t.Fatalf("stop: %+v, %v; want a session without item", ss, err)
	}
}

func TestStudyOptions(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	o, err := s.StudyOptions(ctx)
	if err != nil || o != DefaultStudyOptions() {
		t.Fatalf("defaults %+v, %v", o, err)
	}
	want := StudyOptions{StreakMinimum: 30 * time.Minute, Pomodoro: data.Pomodoro{Work: 50 * time.Minute, Break: 10 * time.Minute}, PomodoroEnabled: true}
	if err := s.SaveStudyOptions(ctx, want); err != nil {
		t.Fatal(err)
	}
	if o, _ := s.StudyOptions(ctx); o != want {
		t.Fatalf("read back %+v, want %+v", o, want)
	}
	if v, _, _ := s.Setting(ctx, KeyStudyStreakMinimum); v != "30" {
		t.Fatalf("%s = %q, want minutes", KeyStudyStreakMinimum, v)
	}
	for name, bad := range map[string]StudyOptions{
		"no streak minimum": {Pomodoro: data.DefaultPomodoro()},
		"work too long":     {StreakMinimum: time.Minute, Pomodoro: data.Pomodoro{Work: 5 * time.Hour, Break: 5 * time.Minute}},
		"no pomodoro":       {StreakMinimum: time.Minute},
	} {
		if err := s.SaveStudyOptions(ctx, bad); !errors.Is(err, data.ErrInvalid) {
			t.Errorf("%s: %v, want ErrInvalid", name, err)
		}
	}
	if o, _ := s.StudyOptions(ctx); o != want {
		t.Fatalf("a refused save changed the options to %+v", o)
	}
}

// TestStudyMigrationFromFoundation migrates a file with a Store that knows
// only the foundation (as the previous release left it), then opens it with
// every migration: the study tables arrive and the old records stay.
func TestStudyMigrationFromFoundation(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	migrations, err := embeddedMigrations()
	if err != nil {
		t.Fatal(err)
	}
	foundation, err := fs.ReadFile(migrations, "00001_foundation.sql")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "foundation.db")
	if err := prepareFile(path); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", DSN(path))
	if err != nil {
		t.Fatal(err)
	}
	old := &Store{db: db, path: path, now: func() time.Time { return testNow }}
	if err := old.migrate(ctx, fstest.MapFS{"00001_foundation.sql": {Data: foundation}}); err != nil {
		t.Fatalf("migrate to the foundation: %v", err)
	}
	if _, err := old.Setup(ctx, splitRotation(t), testSettings()); err != nil {
		t.Fatal(err)
	}
	db.Close()

	up := openAt(t, path)
	if _, err := up.SaveStudySession(ctx, session(testNow.Add(-2*time.Hour), 60, "after upgrade")); err != nil {
		t.Fatalf("save after upgrade: %v", err)
	}
	if rot, err := up.Rotation(ctx); err != nil || len(rot.Blocks) != 2 {
		t.Fatalf("rotation after upgrade: %+v, %v", rot, err)
	}
}

func TestSaveStudySettingsWithGoal(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	setUp(t, s)
	o := DefaultStudyOptions()
	o.StreakMinimum = 20 * time.Minute
	if err := s.SaveStudySettings(ctx, o, 200); !errors.Is(err, data.ErrInvalid) || len(data.FieldErrors(err)) != 1 || data.FieldErrors(err)[0].Field != "weekly goal" {
		t.Fatalf("goal of 200 h: %v, want one weekly goal error", err)
	}
	if got, _ := s.StudyOptions(ctx); got != DefaultStudyOptions() {
		t.Fatalf("a refused save changed the options to %+v", got)
	}
	if err := s.SaveStudySettings(ctx, o, 7.5); err != nil {
		t.Fatal(err)
	}
	set, _ := s.Settings(ctx)
	if got, _ := s.StudyOptions(ctx); got != o || set.WeeklyGoalHours != 7.5 || set.HomeCurrency != testSettings().HomeCurrency {
		t.Fatalf("stored %+v and goal %g (settings %+v)", got, set.WeeklyGoalHours, set)
	}
}

// tenYearsOfStudy stores two sessions a day for ten years (7,300 sessions)
// in one import, as a heavy user would have.
func tenYearsOfStudy(b *testing.B) *Store {
	b.Helper()
	s, _ := openTemp(b)
	start := time.Date(2016, 3, 8, 7, 0, 0, 0, time.UTC)
	sessions := make([]data.StudySession, 0, 7300)
	for day := range 3650 {
		t := start.AddDate(0, 0, day)
		topic := []string{"Transport", "Storage", "Security", "Mailbox"}[day%4]
		sessions = append(sessions, session(t, 30+day%60, topic), session(t.Add(10*time.Hour), 45, "Labs"))
	}
	if _, err := s.AddStudySessions(context.Background(), sessions); err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkStudyTenYears computes what the Study screen and the dashboard
// show over ten years of sessions, as they do: the kept per-day totals
// (StudyTotals), then week hours and the 12-week and 26-week chart data
// from them.
func BenchmarkStudyTenYears(b *testing.B) {
	s := tenYearsOfStudy(b)
	ctx := context.Background()
	set, err := s.Settings(ctx)
	if err != nil {
		b.Fatal(err)
	}
	loc := set.Location() // the zone the totals are kept in
	today := data.DateOf(testNow, loc)
	for b.Loop() {
		tot, err := s.StudyTotals(ctx, loc, today, data.DefaultStreakMinimum)
		if err != nil || tot.Sessions != 7300 {
			b.Fatalf("%d sessions, %v", tot.Sessions, err)
		}
		data.WeekHoursOfDays(tot.Recent, today, time.Monday)
		data.WeeklyStudyOfDays(tot.Recent, today, time.Monday, data.StudyChartWeeks)
		data.DailyStudyOfDays(tot.Recent, today, time.Monday, data.StudyHeatmapWeeks)
	}
}

// BenchmarkStudyWeekRange reads one week of sessions out of ten years: the
// index on start_utc keeps it independent of the history's length.
func BenchmarkStudyWeekRange(b *testing.B) {
	s := tenYearsOfStudy(b)
	ctx := context.Background()
	from := testNow.AddDate(0, 0, -7)
	for b.Loop() {
		if _, err := s.StudySessions(ctx, from, testNow); err != nil {
			b.Fatal(err)
		}
	}
}
