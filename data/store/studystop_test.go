package store

import (
	"context"
	"testing"
	"time"

	"github.com/masterplan-app/masterplan/data"
)

// A timer whose session overlaps one logged either replaces it or keeps it
// and logs only the time it does not cover; the undo puts everything back,
// timer included, and the kept totals stay true (openTemp checks them).
func TestStopTimerOverlapping(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for _, replace := range []bool{false, true} {
		s, _ := openTemp(t)
		setUp(t, s)
		logged, err := s.SaveStudySession(ctx, data.StudySession{Start: testNow.Add(-90 * time.Minute), Duration: time.Hour, Topic: "earlier"})
		if err != nil {
			t.Fatal(err)
		}
		var tm data.TimerState
		if err := tm.Start(testNow.Add(-2*time.Hour), "timer", 0, data.Pomodoro{}); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveTimer(ctx, tm); err != nil {
			t.Fatal(err)
		}
		if _, err := s.StopTimer(ctx, testNow, ""); err == nil {
			t.Fatal("StopTimer logged an overlapping session")
		}
		stopped, err := s.StopTimerOverlapping(ctx, testNow, replace)
		if err != nil {
			t.Fatal(err)
		}
		var total time.Duration
		ss, _ := s.StudySessions(ctx, time.Time{}, time.Time{})
		for _, x := range ss {
			total += x.Duration
		}
		switch {
		case replace && (len(ss) != 1 || ss[0].Duration != 2*time.Hour || len(stopped.Removed) != 1):
			t.Errorf("replace: %v, removed %v; want the timer's 2h alone", ss, stopped.Removed)
		case !replace && (len(ss) != 3 || total != 2*time.Hour):
			t.Errorf("keep both: %v; want the 1h logged and the timer's 1h around it", ss)
		}
		if got, _ := s.Timer(ctx); got.Phase() != data.TimerIdle {
			t.Error("the timer is still open")
		}
		if err := s.UndoStopTimer(ctx, stopped); err != nil {
			t.Fatal(err)
		}
		ss, _ = s.StudySessions(ctx, time.Time{}, time.Time{})
		if len(ss) != 1 || !ss[0].Start.Equal(logged.Start) || ss[0].Topic != "earlier" {
			t.Errorf("after undo: %v, want only the earlier session", ss)
		}
		if got, _ := s.Timer(ctx); got.Phase() == data.TimerIdle || got.Topic != "timer" {
			t.Errorf("after undo the timer is %+v, want it running again", got)
		}
	}
}
