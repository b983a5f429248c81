package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// A long "Deleted …" message must not make the window wider than it is,
// and must not be cut to "…" either: it wraps.
func TestUndoBarDoesNotWidenTheWindow(t *testing.T) {
	sh, _ := newTestShell(t)
	u := newUndoer(sh, func() {})
	msg := "Deleted “" + strings.Repeat("Microsoft Exchange Server 2010 Inside Out ", 10) + "”."
	u.offer(msg, func() error { return nil })
	if w := u.bar.MinSize().Width; w > 300 {
		t.Fatalf("the undo bar asks for %v px for a long message; it should wrap, not widen", w)
	}
	if u.label.Truncation != fyne.TextTruncateOff || u.label.Wrapping != fyne.TextWrapWord || u.label.Text != msg {
		t.Errorf("the message is cut (truncation %v, wrapping %v): %q", u.label.Truncation, u.label.Wrapping, u.label.Text)
	}
	u.bar.Resize(fyne.NewSize(500, u.bar.MinSize().Height))
	if h := u.bar.MinSize().Height; h < 2*u.bar.Objects[1].MinSize().Height-8 {
		t.Errorf("at 500 px the long message takes %v px high: it is not wrapped onto more lines", h)
	}
}
