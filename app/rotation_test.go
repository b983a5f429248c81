package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/masterplan-app/masterplan/data"
)

// Picking a published rotation in setup whose dates are past (every one:
// the program's history) says so, and "Use my own dates" goes back to
// typed dates.
func TestSetupSaysAPublishedRotationIsPast(t *testing.T) {
	sh, _ := newTestShell(t)
	sh.Start()
	f := currentSetup(t, sh)
	if f.past.box.Visible() {
		t.Fatal("the past note shows before any rotation is picked")
	}
	test.Type(f.track, "MCM: SQL Server 2008")
	f.published.SetSelected(f.published.Options[2])
	if !f.past.box.Visible() || !strings.Contains(f.past.label.Text, "2009-01-12 to 2009-01-31") || !strings.Contains(f.past.label.Text, "in the past") {
		t.Fatalf("past note: visible %v, %q", f.past.box.Visible(), f.past.label.Text)
	}
	test.Tap(f.past.own)
	if f.published.Selected != ownDates || f.start.Text != "" || f.end.Text != "" || f.past.box.Visible() {
		t.Errorf("after Use my own dates: choice %q, dates %q to %q, note visible %v", f.published.Selected, f.start.Text, f.end.Text, f.past.box.Visible())
	}
}

// The block form offers the track's published rotations; a past one says
// so, as in setup.
func TestBlockFormSaysAPublishedRotationIsPast(t *testing.T) {
	sh, st := newTestShell(t)
	setUpRotation(t, st, block("2027-03-01", "2027-03-07")) // track MCM: SQL Server 2008
	sh.Start()
	sh.Select(1)
	r := sh.screens[1].(*rotationScreen)
	r.editBlock(data.Block{})
	form := findForm(t, sh.Window.Canvas())
	last := form.Items[len(form.Items)-1]
	if last.Text != "Published" {
		t.Fatalf("the block form's last field is %q, want Published", last.Text)
	}
	var pick *widget.Select
	for _, o := range objectsIn(last.Widget) {
		if s, ok := o.(*widget.Select); ok {
			pick = s
		}
	}
	pick.SetSelected(pick.Options[1])
	if got := test.RenderToMarkup(sh.Window.Canvas()); !strings.Contains(got, "its dates are in the past") || !strings.Contains(got, "Use my own dates") {
		t.Errorf("the block form does not say the rotation is past:\n%s", got)
	}
	test.Tap(dialogButton(t, sh.Window.Canvas(), "Use my own dates"))
	if pick.Selected != ownDates {
		t.Errorf("after Use my own dates the choice is %q", pick.Selected)
	}
}

// Renaming the track and ticking a milestone are edits like the others on
// the screen: each offers the Undo bar, and Ctrl+Z takes it back.
func TestRotationRenameAndTickCtrlZ(t *testing.T) {
	f := newBlockMoveFixture(t, false)
	ctx := context.Background()
	st := f.sh.Store
	rot, _ := st.Rotation(ctx)
	f.r.renameTrack()
	form := findForm(t, f.c)
	baseEntry(form.Items[0].Widget).SetText("MCM: SQL Server 2008")
	form.OnSubmit()
	if got, _ := st.Rotation(ctx); got.Track != "MCM: SQL Server 2008" {
		t.Fatalf("renamed to %q", got.Track)
	}
	f.ctrlZ()
	if got, _ := st.Rotation(ctx); got.Track != rot.Track {
		t.Errorf("after Ctrl+Z the track is %q, want %q", got.Track, rot.Track)
	}

	m, err := st.SaveMilestone(ctx, data.Milestone{RotationID: rot.ID, Title: "Book flights", Due: data.NewDate(2027, 1, 15)})
	if err != nil {
		t.Fatal(err)
	}
	f.r.setDone(m, true)
	if !strings.Contains(f.r.undos.label.Text, "Ticked the milestone “Book flights”") {
		t.Errorf("the bar says %q", f.r.undos.label.Text)
	}
	f.ctrlZ()
	ms, _ := st.Milestones(ctx, rot.ID)
	for _, got := range ms {
		if got.ID == m.ID && got.Done {
			t.Error("after Ctrl+Z the milestone is still done")
		}
	}
}
