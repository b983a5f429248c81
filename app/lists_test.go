package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// A long "Deleted …" message must not make the window wider than it is.
func TestUndoBarDoesNotWidenTheWindow(t *testing.T) {
	test.NewTempApp(t)
	msg := widget.NewLabel("Deleted " + strings.Repeat("Microsoft Exchange Server 2010 Inside Out ", 10))
	bar := newUndoBar(msg, func() {})
	if w := bar.MinSize().Width; w > 300 {
		t.Fatalf("the undo bar asks for %v px for a long message; it should cut the message, not widen", w)
	}
}
