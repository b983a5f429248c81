package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
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

// A time zone is found by typing part of it: "Europe/Lon" and Enter sets
// up the rotation in Europe/London.
func TestSetupZoneTypeAhead(t *testing.T) {
	sh, st := newTestShell(t)
	sh.Start()
	f := currentSetup(t, sh)
	test.Type(f.track, "My custom track")
	test.Type(f.start, "2027-03-01")
	test.Type(f.end, "2027-03-21")
	f.zone.SetText("")
	sh.Window.Canvas().Focus(f.zone)
	for _, r := range "Europe/Lon" {
		f.zone.TypedRune(r)
	}
	f.zone.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	rot, err := st.Rotation(context.Background())
	if err != nil {
		t.Fatalf("Enter after \"Europe/Lon\" did not set up: %v", err)
	}
	if z := rot.Blocks[0].TimeZone; z != "Europe/London" {
		t.Errorf("stored zone %q, want Europe/London", z)
	}
}
