package app

import (
	"errors"
	"testing"

	"fyne.io/fyne/v2"
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
