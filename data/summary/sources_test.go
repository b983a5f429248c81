package summary

import (
	"context"
	"testing"
	"time"

	"github.com/masterplan-app/masterplan/data"
)

// The reminder runner sees the other areas' records through the sources:
// the reading deadline, this week's study hours, and the exams.
func TestReminderSources(t *testing.T) {
	ctx := context.Background()
	st, _, es, ts := practiceStore(t) // first block 2027-03-01, Los Angeles
	src := ReminderSources(st)
	now := time.Date(2026, 11, 20, 20, 0, 0, 0, time.UTC) // Friday noon in Los Angeles

	today := data.NewDate(2026, 11, 20)
	finish, deadline, err := src.ReadingPace(ctx, today)
	if err != nil || deadline != data.NewDate(2027, 2, 22) || finish != today {
		t.Errorf("ReadingPace = %v, %v, %v; want finished today (nothing to read) and the deadline 7 days before the block", finish, deadline, err)
	}
	item, err := st.SaveReadingItem(ctx, data.ReadingItem{Title: "Exchange internals", Size: 100}, today)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.SetReadingProgress(ctx, item.ID, 20, today); err != nil {
		t.Fatal(err)
	}
	// One day of reading is too early for a verdict: no nudge either way.
	if finish, deadline, err := src.ReadingPace(ctx, today); err != nil || !finish.IsZero() || !deadline.IsZero() {
		t.Errorf("ReadingPace after one day = %v, %v, %v; want no verdict", finish, deadline, err)
	}
	// Three days over a week: 20 pages, 5 and 5, 30 pages in 7 days.
	for _, step := range []struct{ done, day int }{{25, 3}, {30, 6}} {
		if _, err := st.SetReadingProgress(ctx, item.ID, step.done, today.AddDays(step.day)); err != nil {
			t.Fatal(err)
		}
	}
	today = today.AddDays(6)
	rot, err := st.Rotation(ctx)
	if err != nil {
		t.Fatal(err)
	}
	screen, err := LoadReadingPace(ctx, st, rot, today)
	if err != nil {
		t.Fatal(err)
	}
	// 70 pages left at 30 a week: 17 more days, as the Reading screen says.
	finish, _, err = src.ReadingPace(ctx, today)
	if err != nil || finish != today.AddDays(17) || finish != screen.Report.ProjectedFinish {
		t.Errorf("ReadingPace finish = %v, %v; want %v, the screen's %v", finish, err, today.AddDays(17), screen.Report.ProjectedFinish)
	}

	if _, err := st.AddStudySessions(ctx, []data.StudySession{
		{Start: time.Date(2026, 11, 18, 17, 0, 0, 0, time.UTC), Duration: 90 * time.Minute, Topic: ts[0].Name}, // this week
		{Start: time.Date(2026, 11, 14, 17, 0, 0, 0, time.UTC), Duration: 3 * time.Hour, Topic: ts[0].Name},    // last week
	}); err != nil {
		t.Fatal(err)
	}
	if h, err := src.WeekStudyHours(ctx, now); err != nil || h != 1.5 {
		t.Errorf("WeekStudyHours = %v, %v; want 1.5", h, err)
	}

	exams, err := src.ExamDates(ctx)
	if err != nil || len(exams) != len(es) || exams[0].Name != es[0].Name {
		t.Errorf("ExamDates = %+v, %v; want the %d exams", exams, err, len(es))
	}
}
