package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/masterplan-app/masterplan/app/widgets"
	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/plan"
	"github.com/masterplan-app/masterplan/data/store"
)

// textField is what the tests need of an entry on the Plan screen, whatever
// its type.
type textField interface {
	fyne.Focusable
	fyne.CanvasObject
	SetText(string)
	SelectedText() string
}

// openPlanSettings shows the Plan screen on its "Availability and speeds"
// tab, with the plan loaded.
func openPlanSettings(t *testing.T) (*Shell, *store.Store, *planScreen) {
	t.Helper()
	sh, st := newTestShell(t)
	setUpRotation(t, st, block("2027-03-01", "2027-03-07"))
	sh.Start()
	i := screenIndex("Plan")
	sh.Select(i)
	ps := sh.screen(i).(*planScreen)
	ps.refresh()
	for _, o := range objectsIn(sh.Window.Canvas().Content()) {
		if tabs, ok := o.(*container.AppTabs); ok {
			for _, it := range tabs.Items {
				if it.Text == "Availability and speeds" {
					tabs.Select(it)
				}
			}
		}
	}
	return sh, st, ps
}

// planField is the object o as a text field; the test fails when it is none.
func planField(t *testing.T, o fyne.CanvasObject) textField {
	t.Helper()
	f, ok := o.(textField)
	if !ok {
		t.Fatalf("%T is no text field", o)
	}
	return f
}

// planButton taps the Plan screen's button with the text (the first one).
func planButton(t *testing.T, sh *Shell, text string) {
	t.Helper()
	for _, o := range objectsIn(sh.Window.Canvas().Content()) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no %q button on the Plan screen", text)
}

// planMessages joins the visible red messages on the Plan screen.
func planMessages(sh *Shell) string {
	var out []string
	for _, o := range objectsIn(sh.Window.Canvas().Content()) {
		if l, ok := o.(*widget.Label); ok && l.Importance == widget.DangerImportance && l.Visible() && l.Text != "" {
			out = append(out, l.Text)
		}
	}
	return strings.Join(out, "\n")
}

// speedField is the entry of the first reading speed (books, in pages).
func speedField(t *testing.T, ps *planScreen) textField {
	t.Helper()
	if len(ps.speeds.Objects) == 0 {
		t.Fatal("no speeds shown")
	}
	for _, o := range objectsIn(ps.speeds.Objects[0]) {
		if f, ok := o.(textField); ok {
			return f
		}
	}
	t.Fatal("no entry in the first speed's row")
	return nil
}

// The days-off fields are the app's date fields: a calendar that starts
// weeks on the day Settings says, the last day's opening on the first
// day's month.
func TestPlanDaysOffPickDatesWithTheWeekStart(t *testing.T) {
	sh, st, ps := openPlanSettings(t)
	ctx := context.Background()
	set, err := st.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	set.WeekStart = time.Sunday
	if err := st.SaveSettings(ctx, set); err != nil {
		t.Fatal(err)
	}
	var fromObj, toObj fyne.CanvasObject = ps.offFrom, ps.offTo
	from, ok1 := fromObj.(*widgets.DateEntry)
	to, ok2 := toObj.(*widgets.DateEntry)
	if !ok1 || !ok2 {
		t.Fatalf("the days-off fields are %T and %T, want date fields with a calendar", fromObj, toObj)
	}
	from.ShowCalendar()
	if c := from.Calendar(); c == nil || c.WeekStart() != time.Sunday {
		t.Fatalf("the first day's calendar starts weeks on %v, want Sunday from Settings", c.WeekStart())
	}
	from.SetText("2027-01-20")
	to.ShowCalendar()
	if c := to.Calendar(); c == nil || c.WeekStart() != time.Sunday {
		t.Fatal("the last day's calendar does not start on Sunday")
	}
	sh.Window.Canvas().Overlays().Top().Hide()
}

// An end before the start shows next to the last day as it is typed, and
// goes as soon as it is right; so does a span too long to mark at once.
func TestPlanDaysOffEndBeforeStartShownAsYouType(t *testing.T) {
	sh, _, ps := openPlanSettings(t)
	from, to := planField(t, ps.offFrom), planField(t, ps.offTo)
	test.Type(from, "2026-12-20")
	test.Type(to, "2026-12-18")
	if got := planMessages(sh); !strings.Contains(got, "before") {
		t.Fatalf("end before start shows %q next to the fields, want the rule", got)
	}
	to.SetText("")
	test.Type(to, "2026-12-22")
	if got := planMessages(sh); got != "" {
		t.Errorf("after the fix the screen still shows %q", got)
	}
	// Moving the start past the end shows the rule again, at the end.
	from.SetText("")
	test.Type(from, "2026-12-23")
	if got := planMessages(sh); !strings.Contains(got, "before") {
		t.Errorf("start moved past the end shows %q", got)
	}
	from.SetText("")
	test.Type(from, "2025-12-01")
	if got := planMessages(sh); !strings.Contains(got, "at most") {
		t.Errorf("a span over a year shows %q, want the limit", got)
	}
	from.SetText("")
	test.Type(from, "2026-12-21")
	if got := planMessages(sh); got != "" {
		t.Errorf("after the fix the screen still shows %q", got)
	}
	// A wrong availability says what is wrong as it is typed.
	avail := planField(t, ps.availability)
	avail.SetText("")
	test.Type(avail, "Mon 21:00-19:00")
	if got := planMessages(sh); got == "" {
		t.Error("a wrong availability shows no message")
	}
	avail.SetText("")
	test.Type(avail, "Mon 19:00-21:00")
	if got := planMessages(sh); got != "" {
		t.Errorf("after the fix the screen still shows %q", got)
	}
	// So does a speed out of range.
	speed := speedField(t, ps)
	speed.SetText("")
	test.Type(speed, "0")
	if got := planMessages(sh); !strings.Contains(got, "out of range") {
		t.Errorf("a speed of 0 shows %q", got)
	}
	test.Type(speed, "5")
	if got := planMessages(sh); got != "" {
		t.Errorf("a speed of 05 still shows %q", got)
	}
}

// Esc in a Plan field cancels what was typed there: the saved value comes
// back. The app's Ctrl shortcuts work while typing.
func TestPlanFieldsEscAndShortcuts(t *testing.T) {
	sh, _, ps := openPlanSettings(t)
	esc := &fyne.KeyEvent{Name: fyne.KeyEscape}
	avail := planField(t, ps.availability)
	saved := ps.availability.Text
	sh.Window.Canvas().Focus(avail)
	test.Type(avail, "Sat 09:00-13:00")
	avail.(fyne.Focusable).TypedKey(esc)
	if ps.availability.Text != saved {
		t.Errorf("Esc left the availability at %q, want the saved %q", ps.availability.Text, saved)
	}
	speed := speedField(t, ps)
	savedSpeed := objectText(speed)
	sh.Window.Canvas().Focus(speed)
	test.Type(speed, "77")
	speed.TypedKey(esc)
	if got := objectText(speed); got != savedSpeed {
		t.Errorf("Esc left the speed at %q, want the saved %q", got, savedSpeed)
	}
	from := planField(t, ps.offFrom)
	test.Type(from, "2026-12-2")
	from.TypedKey(esc)
	if got := objectText(from); got != "" {
		t.Errorf("Esc left the first day off at %q, want it cleared", got)
	}
	sh.Window.Canvas().Focus(avail)
	avail.(fyne.Shortcutable).TypedShortcut(ctrl(fyne.Key1))
	if got := sh.SelectedTitle(); got != "Dashboard" {
		t.Errorf("Ctrl+1 typed in the availability field shows %q, want the Dashboard", got)
	}
}

// objectText is the text of an entry.
func objectText(o fyne.CanvasObject) string {
	switch e := o.(type) {
	case *widget.Entry:
		return e.Text
	case *widgets.Entry:
		return e.Text
	case *widgets.DateEntry:
		return e.Text
	}
	return ""
}

// Typing into a prefilled Plan field replaces what it holds.
func TestPlanPrefilledFieldsSelectedOnFocus(t *testing.T) {
	sh, _, ps := openPlanSettings(t)
	c := sh.Window.Canvas()
	avail := planField(t, ps.availability)
	c.Focus(avail)
	if got := avail.SelectedText(); got == "" || got != ps.availability.Text {
		t.Errorf("the availability selected %q on focus, want all of %q", got, ps.availability.Text)
	}
	speed := speedField(t, ps)
	c.Focus(speed)
	test.Type(speed, "35")
	if got := objectText(speed); got != "35" {
		t.Errorf("typing 35 into the prefilled speed gives %q", got)
	}
	from := planField(t, ps.offFrom)
	from.SetText("2026-12-20")
	c.Focus(from)
	if got := from.SelectedText(); got != "2026-12-20" {
		t.Errorf("the first day off selected %q on focus", got)
	}
}

// Ctrl+Z (outside a field) undoes the Plan screen's last change, as the
// Undo bar does: a saved availability, a speed, days marked off and days
// opened again, each back to exactly what was there before.
func TestPlanChangesUndo(t *testing.T) {
	sh, st, ps := openPlanSettings(t)
	ctx := context.Background()
	c := sh.Window.Canvas()
	var screen any = ps
	us, ok := screen.(undoScreen)
	if !ok {
		t.Fatal("the Plan screen has no undo")
	}
	// Ctrl+Z as the window gets it: to the field with the focus if any
	// (saving a change leaves the field), else to the window.
	ctrlZ := func() {
		if f, ok := c.Focused().(fyne.Shortcutable); ok {
			f.TypedShortcut(&fyne.ShortcutUndo{})
			return
		}
		c.(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutUndo{})
	}
	input := func() plan.Input {
		t.Helper()
		in, err := st.PlanInput(ctx, fixedNow)
		if err != nil {
			t.Fatal(err)
		}
		return in
	}
	def := plan.DefaultAvailability(10).String()

	avail := planField(t, ps.availability)
	c.Focus(avail)
	test.Type(avail, "Mon-Fri 18:00-20:00")
	avail.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Enter saves
	if got := input().Availability.String(); got != "Mon-Fri 18:00-20:00" {
		t.Fatalf("saved availability %q", got)
	}
	if !strings.Contains(us.undoer().label.Text, "availability") {
		t.Errorf("the Undo bar says %q", us.undoer().label.Text)
	}
	ctrlZ()
	if got := input().Availability.String(); got != def {
		t.Errorf("after Ctrl+Z the availability is %q, want the default %q back", got, def)
	}
	if ps.availability.Text != def {
		t.Errorf("after Ctrl+Z the field shows %q", ps.availability.Text)
	}

	speed := speedField(t, ps)
	speed.SetText("35")
	planButton(t, sh, "Set")
	if sp := input().Speeds[0]; sp.Source != plan.SpeedSet || sp.PerHour != 35 {
		t.Fatalf("speed saved as %+v", sp)
	}
	ctrlZ()
	if sp := input().Speeds[0]; sp.Source == plan.SpeedSet {
		t.Errorf("after Ctrl+Z the speed is still the one set: %+v", sp)
	}

	day := data.NewDate(2026, 11, 25)
	if err := st.SetDaysOff(ctx, day, day, true); err != nil {
		t.Fatal(err)
	}
	ps.refresh()
	from, to := planField(t, ps.offFrom), planField(t, ps.offTo)
	from.SetText("2026-11-24")
	c.Focus(to)
	test.Type(to, "2026-11-26")
	planButton(t, sh, "Mark days off")
	if got := len(input().DaysOff); got != 3 {
		t.Fatalf("%d days off after marking three", got)
	}
	ctrlZ()
	if got := input().DaysOff; len(got) != 1 || got[0] != day {
		t.Errorf("after Ctrl+Z the days off are %v, want only %s, off before", got, day)
	}

	if err := st.SetDaysOff(ctx, day.AddDays(-1), day.AddDays(1), true); err != nil {
		t.Fatal(err)
	}
	ps.refresh()
	from.SetText("2026-11-25")
	to.SetText("")
	planButton(t, sh, "Open again")
	if got := len(input().DaysOff); got != 2 {
		t.Fatalf("%d days off after opening one of three", got)
	}
	ctrlZ()
	if got := len(input().DaysOff); got != 3 {
		t.Errorf("after Ctrl+Z %d days off, want the three back", got)
	}
	if us.undoer().pending() {
		t.Error("the undo is still offered after it ran")
	}
}
