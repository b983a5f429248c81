package app

import (
	"context"
	"errors"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/masterplan-app/masterplan/data"
)

// Enter presses the default button of every dialog, messages and questions
// included, and Esc closes them without it.
func TestEnterAndEscInEveryDialog(t *testing.T) {
	sh, st := newTestShell(t)
	setUpRotation(t, st, block("2027-03-01", "2027-03-21"))
	sh.Start()
	c := sh.Window.Canvas()
	key := func(k fyne.KeyName) { c.OnTypedKey()(&fyne.KeyEvent{Name: k}) }

	sh.showError(errors.New("the file is locked"))
	key(fyne.KeyReturn)
	if c.Overlays().Top() != nil {
		t.Fatal("Enter does not close an error message")
	}
	sh.showInfo("Done", "Saved.")
	key(fyne.KeyEnter)
	if c.Overlays().Top() != nil {
		t.Fatal("Enter (keypad) does not close a message")
	}

	yes := 0
	sh.confirm("Replace it?", "It exists.", "Replace", func() { yes++ })
	key(fyne.KeyEscape)
	if c.Overlays().Top() != nil || yes != 0 {
		t.Fatalf("Esc left the question open or answered yes (%d)", yes)
	}
	sh.confirm("Replace it?", "It exists.", "Replace", func() { yes++ })
	key(fyne.KeyReturn)
	if c.Overlays().Top() != nil || yes != 1 {
		t.Fatalf("Enter did not answer the question with its default button (%d)", yes)
	}
}

// pressKey sends a key as the desktop driver does: to the focused widget
// when there is one, else to the window. (Calling the window's handler
// directly would miss a focused button or select swallowing the key.)
func pressKey(c fyne.Canvas, k fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: k}
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	c.OnTypedKey()(ev)
}

// Enter and Esc reach a dialog whatever has the focus: the "Saved"
// message focused its Open button, which takes only Space, and a dialog
// whose first field is a select, or whose select or box was just picked
// with the mouse, had that widget swallow both keys.
func TestEnterAndEscWhateverHasTheFocus(t *testing.T) {
	sh, _, b := openBudget(t)
	rec := &openRecorder{App: sh.App}
	sh.App = rec
	c := sh.Window.Canvas()

	sh.showSaved("Saved /tmp/report.pdf", "/tmp/report.pdf")
	pressKey(c, fyne.KeyReturn)
	if len(rec.opened) != 1 || rec.opened[0] != "/tmp/report.pdf" || c.Overlays().Top() != nil {
		t.Fatalf("Enter on the Saved message opened %v and left a dialog: %v", rec.opened, c.Overlays().Top() != nil)
	}
	sh.showSaved("Saved /tmp/report.pdf", "/tmp/report.pdf")
	pressKey(c, fyne.KeyEscape)
	if c.Overlays().Top() != nil || len(rec.opened) != 1 {
		t.Fatal("Esc does not close the Saved message, or opened the file")
	}

	// The what-if dialog starts on its item select.
	b.newItem()
	typeItem(t, sh, b, data.CategoryFlights, "LHR-SEA return", "2027-02-27", "1000", "USD")
	b.scenario.changes.edit()
	pressKey(c, fyne.KeyEscape)
	if c.Overlays().Top() != nil {
		t.Fatal("Esc does not close the what-if dialog, whose first field is a select")
	}
	b.scenario.changes.edit()
	sel := findForm(t, c).Items[0].Widget.(*widget.Select)
	c.Focus(sel) // as a click on it does
	sel.SetSelectedIndex(0)
	pressKey(c, fyne.KeyReturn)
	if c.Overlays().Top() != nil || len(b.scenario.changes.changes) != 1 {
		t.Fatalf("Enter after picking the item did not apply the change (%d changes)", len(b.scenario.changes.changes))
	}

	// A box ticked with the mouse keeps the focus.
	b.newItem()
	refund := inDialog[*widget.Check](t, c)[0]
	c.Focus(refund)
	refund.SetChecked(true)
	pressKey(c, fyne.KeyEscape)
	if c.Overlays().Top() != nil {
		t.Fatal("Esc does not close the budget form after ticking a box")
	}
}

// The merge-topic question: Enter merges once the topic is picked with the
// mouse (which leaves the select focused), Esc cancels.
func TestMergeTopicEnterAfterPicking(t *testing.T) {
	sh, st, ps := openPractice(t)
	c := sh.Window.Canvas()
	ts, _ := st.Topics(context.Background(), ps.p.Rotation.ID)
	ps.mergeTopic(ts[0])
	pressKey(c, fyne.KeyEscape)
	if c.Overlays().Top() != nil {
		t.Fatal("Esc does not close the merge question")
	}
	ps.mergeTopic(ts[0])
	into := inDialog[*widget.Select](t, c)[0]
	c.Focus(into)
	into.SetSelected(ts[1].Name)
	pressKey(c, fyne.KeyReturn)
	if left, _ := st.Topics(context.Background(), ps.p.Rotation.ID); len(left) != len(ts)-1 {
		t.Errorf("Enter after picking did not merge: %d topics, want %d", len(left), len(ts)-1)
	}
}
