package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// The first submit of an empty setup shows every missing field at once,
// each at its field, and no dialog repeats them.
func TestSetupShowsEveryMissingFieldAtOnce(t *testing.T) {
	sh, st := newTestShell(t)
	sh.Start()
	f := currentSetup(t, sh)
	f.location.SetText("")
	test.Tap(f.submit)
	if needs, _ := st.NeedsSetup(context.Background()); !needs {
		t.Fatal("an empty setup was saved")
	}
	shown := test.RenderToMarkup(sh.Window.Canvas())
	if n := strings.Count(shown, "is required"); n < 4 {
		t.Errorf("the first submit shows %d \"is required\" messages, want one at each of track, first day, last day and location:\n%s", n, shown)
	}
	if top := sh.Window.Canvas().Overlays().Top(); top != nil {
		t.Error("a dialog repeats the messages the fields show")
	}
}
