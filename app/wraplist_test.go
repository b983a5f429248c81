package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// A row whose label would be cut with "…" wraps instead and grows to show
// every line; when the list widens, the row shrinks back.
func TestRowsFollowTheListWidth(t *testing.T) {
	test.NewTempApp(t)
	long := strings.Repeat("Milestones: 3 days before each milestone and on its due day, at 09:00. ", 3)
	l := widget.NewList(func() int { return 2 },
		func() fyne.CanvasObject { return &widget.Label{Truncation: fyne.TextTruncateEllipsis} },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText([]string{long, "short"}[id])
		})
	w := test.NewTempWindow(t, rowsFollowWidth(l))
	oneLine := widget.NewLabel("short").MinSize().Height

	w.Resize(fyne.NewSize(300, 400))
	if cut := cutTexts(w.Content()); len(cut) > 0 {
		t.Errorf("cut at 300 wide: %q", cut)
	}
	if over := squeezedTexts(w.Content()); len(over) > 0 {
		t.Errorf("overflowing at 300 wide: %q", over)
	}
	narrow := rowLabel(t, w.Content(), long).Size().Height
	if narrow < 3*oneLine/2 {
		t.Errorf("the long row is %v high at 300 wide, want several lines (one is %v)", narrow, oneLine)
	}
	w.Resize(fyne.NewSize(1600, 400))
	if wide := rowLabel(t, w.Content(), long).Size().Height; wide >= narrow {
		t.Errorf("the long row is %v high at 1600 wide, not lower than at 300 (%v)", wide, narrow)
	}
}

// rowLabel is the visible label under o showing text.
func rowLabel(t *testing.T, o fyne.CanvasObject, text string) *widget.Label {
	t.Helper()
	var found *widget.Label
	walkVisible(o, func(o fyne.CanvasObject) bool {
		if l, ok := o.(*widget.Label); ok && l.Text == text {
			found = l
		}
		return found == nil
	})
	if found == nil {
		t.Fatalf("no row shows %q", text)
	}
	return found
}
