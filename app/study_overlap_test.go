package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/masterplan-app/masterplan/data"
)

// A timer whose time overlaps a session already logged offers Keep both or
// Replace, done at once and undone from the bar (which sets the timer
// running again): no Discard, no "cannot be undone".
func TestTimerOverlapKeepsBothOrReplacesWithUndo(t *testing.T) {
	sh, st, sc, clock := newStudyShell(t, "", nil)
	test.Tap(sc.startPause)
	clock.Add(2 * time.Hour)
	if _, err := st.SaveStudySession(context.Background(), data.StudySession{Start: fixedNow.Add(30 * time.Minute), Duration: time.Hour, Topic: "logged"}); err != nil {
		t.Fatal(err)
	}
	sc.refresh()
	c := sh.Window.Canvas()

	test.Tap(sc.stop)
	markup := test.RenderToMarkup(c)
	if strings.Contains(markup, "Discard") || strings.Contains(markup, "cannot be undone") {
		t.Fatalf("the overlap dialog still offers to discard:\n%s", markup)
	}
	test.Tap(dialogButton(t, c, "Replace"))
	if ss := sessions(t, st); len(ss) != 1 || ss[0].Duration != 2*time.Hour {
		t.Fatalf("after Replace: %v, want the timer's 2h alone", ss)
	}
	if !sc.undos.pending() {
		t.Fatal("Replace offers no undo")
	}
	sc.undos.run()
	if ss := sessions(t, st); len(ss) != 1 || ss[0].Topic != "logged" {
		t.Fatalf("after undo: %v, want the logged session back alone", ss)
	}
	if sc.timer.Phase() == data.TimerIdle {
		t.Fatal("after undo the timer is not running again")
	}

	test.Tap(sc.stop)
	test.Tap(dialogButton(t, c, "Keep both"))
	var total time.Duration
	for _, s := range sessions(t, st) {
		total += s.Duration
	}
	if total != 2*time.Hour {
		t.Errorf("after Keep both %v are logged, want 2h: each minute once", total)
	}
	if !sc.undos.pending() {
		t.Error("Keep both offers no undo")
	}
}
