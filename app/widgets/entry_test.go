package widgets

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
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

// A time zone or a currency is found by typing part of it: the list offers
// only what matches, and Enter or leaving the field completes it.
func TestCompletingEntryTypeAhead(t *testing.T) {
	test.NewTempApp(t)
	zones := []string{"America/Los_Angeles", "Europe/London", "Europe/Berlin", "UTC"}
	e := NewCompletingEntry(zones)
	w := test.NewWindow(e)
	defer w.Close()
	test.Type(e, "Europe/")
	if len(e.offered) != 2 {
		t.Errorf("after \"Europe/\" the list offers %v, want the two European zones", e.offered)
	}
	test.Type(e, "Lon")
	submitted := ""
	e.OnSubmitted = func(s string) { submitted = s }
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if e.Text != "Europe/London" || submitted != "Europe/London" {
		t.Fatalf("Enter after \"Europe/Lon\" gives %q (submitted %q), want Europe/London", e.Text, submitted)
	}

	cur := NewCompletingEntry([]string{"EUR", "GBP", "USD"})
	w.SetContent(cur)
	test.Type(cur, "gb")
	cur.FocusLost()
	if cur.Text != "GBP" {
		t.Errorf("leaving \"gb\" gives %q, want GBP", cur.Text)
	}
	cur.SetText("")
	test.Type(cur, "U")
	cur.FocusLost()
	if cur.Text != "U" {
		t.Errorf("an ambiguous \"U\" became %q; it should stay as typed", cur.Text)
	}
}

// An end before its start shows at the end as soon as either date makes it
// wrong, and goes as soon as either makes it right: no stale message.
func TestDateRangeCheckedAsYouType(t *testing.T) {
	test.NewTempApp(t)
	start, end := NewDateEntry("start", false), NewDateEntry("end", true)
	end.NotBefore(start)
	w := test.NewWindow(nil)
	defer w.Close()
	w.SetContent(end)
	start.SetText("2027-03-10")
	end.SetText("2027-03-01")
	if err := end.Validate(); err == nil || !strings.Contains(err.Error(), "before the start") {
		t.Fatalf("an end before the start: %v", err)
	}
	start.SetText("2027-02-28") // fixed from the start's side
	if got := end.Entry.Validate(); got != nil {
		t.Errorf("after moving the start the end still says %v", got)
	}
	start.SetText("2027-03-05")
	if end.Validate() == nil {
		t.Error("moving the start past the end shows nothing at the end")
	}
	end.SetText("")
	if err := end.Validate(); err != nil {
		t.Errorf("an empty optional end: %v", err)
	}
}

// A click that gives a prefilled field the focus selects its text too, as
// Tab does: Fyne moved the cursor to the click after the focus selected
// it, so "20" clicked and typed "0" gave "200". A click in a field that
// already has the focus only moves the cursor.
func TestClickIntoPrefilledFieldSelectsIt(t *testing.T) {
	test.NewTempApp(t)
	single := NewEntry()
	sel := NewSelectEntry([]string{"MeasureUp"})
	date := NewDateEntry("date", false)
	other := NewEntry()
	click := func(e desktop.Mouseable) {
		ev := &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(4, 8)}, Button: desktop.MouseButtonPrimary}
		e.MouseDown(ev)
		e.MouseUp(ev)
	}
	for _, c := range []struct {
		name string
		e    interface {
			fyne.Focusable
			desktop.Mouseable
		}
		set   func(string)
		text  func() string
		typed string
	}{
		{"entry", single, single.SetText, func() string { return single.Text }, "20"},
		{"select entry", sel, sel.SetText, func() string { return sel.Text }, "MeasureUp"},
		{"date", date, date.SetText, func() string { return date.Text }, "2027-03-02"},
	} {
		t.Run(c.name, func(t *testing.T) {
			w := test.NewWindow(container.NewVBox(other, c.e.(fyne.CanvasObject)))
			defer w.Close()
			c.set(c.typed)
			w.Canvas().Focus(other)
			click(c.e)
			if w.Canvas().Focused() != c.e {
				t.Fatal("the click did not give the field the focus")
			}
			// Keys as the driver sends them (test.Type would focus again).
			for _, r := range c.typed {
				c.e.TypedRune(r)
			}
			if got := c.text(); got != c.typed {
				t.Errorf("typing %q after clicking into the prefilled field gives %q", c.typed, got)
			}
			click(c.e)
			if got := c.e.(interface{ SelectedText() string }).SelectedText(); got != "" {
				t.Errorf("a second click kept %q selected: it should place the cursor", got)
			}
		})
	}
}
