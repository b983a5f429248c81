package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// Typing into a prefilled field replaces what it holds: each entry selects
// its text when it gains the focus. Notes of several lines are added to.
func TestPrefilledFieldsSelectedOnFocus(t *testing.T) {
	test.NewTempApp(t)
	single := NewEntry()
	sel := NewSelectEntry([]string{"MeasureUp"})
	date := NewDateEntry("date", false)
	notes := NewMultiLineEntry()
	w := test.NewWindow(nil)
	defer w.Close()
	for _, c := range []struct {
		name  string
		e     fyne.Focusable
		set   func(string)
		text  func() string
		typed string
		want  string
	}{
		{"entry", single, single.SetText, func() string { return single.Text }, "189.5", "189.5"},
		{"select entry", sel, sel.SetText, func() string { return sel.Text }, "MeasureUp", "MeasureUp"},
		{"date", date, date.SetText, func() string { return date.Text }, "2027-03-02", "2027-03-02"},
	} {
		t.Run(c.name, func(t *testing.T) {
			w.SetContent(c.e.(fyne.CanvasObject))
			c.set(c.typed)
			w.Canvas().Focus(c.e)
			test.Type(c.e, c.typed)
			if got := c.text(); got != c.want {
				t.Errorf("typing %q into the prefilled field gives %q, want %q", c.typed, got, c.want)
			}
		})
	}
	w.SetContent(notes)
	notes.SetText("first line")
	w.Canvas().Focus(notes)
	if got := notes.SelectedText(); got != "" {
		t.Errorf("notes selected %q on focus; they are added to, not replaced", got)
	}
}
