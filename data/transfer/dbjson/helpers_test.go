package dbjson

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/store"
	"github.com/masterplan-app/masterplan/data/transfer"
)

// testNow is the clock of every test here: 2026-03-08 08:30 UTC.
var testNow = time.Date(2026, 3, 8, 8, 30, 0, 0, time.UTC)

// openTemp opens a new database in a temporary folder.
func openTemp(t testing.TB) (*store.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "masterplan.db")
	return openAt(t, path), path
}

// openAt opens the database at path with the test clock; when the test
// ends, its kept totals must still match a recount from the records
// (every write path keeps them), and it is closed.
func openAt(t testing.TB, path string) *store.Store {
	t.Helper()
	return openAtClock(t, path, testNow)
}

// openAtClock is openAt with the clock stopped at now.
func openAtClock(t testing.TB, path string, now time.Time) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), path, store.WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	t.Cleanup(func() {
		if err := s.VerifyKept(context.Background()); err != nil {
			t.Errorf("after the test: %v", err)
		}
		s.Close()
	})
	return s
}

// importAll imports x into s at the test clock.
func importAll(t testing.TB, s *store.Store, x *transfer.Export) ([]Count, error) {
	t.Helper()
	return Import(context.Background(), s, x, testNow)
}

func date(t testing.TB, s string) data.Date {
	t.Helper()
	d, err := data.ParseDate("date", s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// setUp stores a split rotation and settings that differ from the defaults.
func setUp(t testing.TB, s *store.Store) data.Rotation {
	t.Helper()
	r, err := s.Setup(context.Background(), data.Rotation{Track: "MCM: Exchange Server 2010", Blocks: []data.Block{
		{Start: date(t, "2026-06-01"), End: date(t, "2026-06-07"), Location: "Redmond, WA", TimeZone: "America/Los_Angeles"},
		{Start: date(t, "2026-09-07"), End: date(t, "2026-09-20"), Location: "Redmond, WA", TimeZone: "America/Los_Angeles"},
	}}, data.Settings{HomeCurrency: "GBP", WeeklyGoalHours: 12.5, TimeZone: "Europe/London", WeekStart: time.Sunday, Theme: data.ThemeDark})
	if err != nil {
		t.Fatalf("setup: %v", err)
	}
	return r
}

// addMilestone stores one milestone of rotation r.
func addMilestone(t testing.TB, s *store.Store, r data.Rotation, title, due string) data.Milestone {
	t.Helper()
	m, err := s.SaveMilestone(context.Background(), data.Milestone{RotationID: r.ID, Title: title, Due: date(t, due)})
	if err != nil {
		t.Fatalf("save milestone %q: %v", title, err)
	}
	return m
}

// titles lists the titles of rotation r's milestones, by due date.
func titles(t testing.TB, s *store.Store, rotationID int64) []string {
	t.Helper()
	ms, err := s.Milestones(context.Background(), rotationID)
	if err != nil {
		t.Fatalf("milestones: %v", err)
	}
	out := []string{}
	for _, m := range ms {
		out = append(out, m.Title)
	}
	return out
}

// count counts the records of one table, as Everything reads them.
func count(t testing.TB, s *store.Store, table string) int {
	t.Helper()
	e, err := s.Everything(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	n := map[string]int{"rotations": len(e.Rotations), "milestones": len(e.Milestones), "reading_items": len(e.ReadingItems),
		"reading_progress": len(e.ReadingProgress), "study_sessions": len(e.StudySessions), "exams": len(e.Exams),
		"topics": len(e.Topics), "attempts": len(e.Attempts), "budget_items": len(e.BudgetItems),
		"exchange_rates": len(e.ExchangeRates), "reminders": len(e.Reminders), "milestone_reminders": len(e.MilestoneReminders)}
	for _, tp := range e.Topics {
		n["topic_exams"] += len(tp.ExamIDs)
	}
	for _, a := range e.Attempts {
		n["scores"] += len(a.Scores)
	}
	got, ok := n[table]
	if !ok {
		t.Fatalf("count: no table %s", table)
	}
	return got
}
