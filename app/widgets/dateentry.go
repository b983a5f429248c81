// Package widgets holds MasterPlan's own Fyne widgets.
package widgets

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/masterplan-app/masterplan/data"
)

// DateEntry is a text entry for a calendar date typed as YYYY-MM-DD, the
// format used everywhere else in MasterPlan (Fyne's own DateEntry follows the
// locale), with a calendar button for those who prefer to pick.
type DateEntry struct {
	widget.Entry
	escaper
	clickFocus
	field    string
	optional bool
	popUp    *widget.PopUp
	// start is the date this one ends a range from (NotBefore); ends are
	// the entries that end a range starting here, checked again when this
	// date changes.
	start *DateEntry
	ends  []*DateEntry
	// WeekStart is the first day of the calendar's weeks, asked when it
	// opens (Settings may have changed since); nil starts them on Monday.
	WeekStart func() time.Weekday
	calendar  *Calendar // the calendar while it shows (tests)
}

var (
	_ fyne.Widget = (*DateEntry)(nil)
	_ Escapable   = (*DateEntry)(nil)
)

// NewDateEntry makes a date entry whose validation messages name field. An
// optional entry accepts being left empty.
func NewDateEntry(field string, optional bool) *DateEntry {
	e := &DateEntry{field: field, optional: optional}
	e.ExtendBaseWidget(e)
	e.PlaceHolder = "YYYY-MM-DD"
	e.Validator = e.validate
	e.ActionItem = widget.NewButtonWithIcon("", theme.CalendarIcon(), e.showCalendar)
	return e
}

// NotBefore makes e the end of a range that starts at start: an end before
// the start shows at e as soon as either date is typed, and goes as soon
// as it is right; e's calendar opens on the start's month.
func (e *DateEntry) NotBefore(start *DateEntry) {
	e.start = start
	start.ends = append(start.ends, e)
}

func (e *DateEntry) validate(s string) error {
	for _, end := range e.ends {
		end.Validate() // the range's rule shows, or goes, at the end
	}
	if s == "" {
		if e.optional {
			return nil
		}
		return data.Invalid(e.field, "is required; write it as YYYY-MM-DD")
	}
	d, err := data.ParseDate(e.field, s)
	if err != nil || e.start == nil {
		return err
	}
	return data.CheckEndNotBefore(e.field, e.start.Date(), d)
}

// Date returns the typed date; the zero Date when empty or not a date.
func (e *DateEntry) Date() data.Date {
	d, err := data.ParseDate(e.field, e.Text)
	if err != nil {
		return data.Date{}
	}
	return d
}

// TypedKey reports Esc, and passes every other key to the entry.
func (e *DateEntry) TypedKey(k *fyne.KeyEvent) {
	if !e.escaped(k) {
		e.Entry.TypedKey(k)
	}
}

// TypedShortcut passes the app's shortcuts to the window, the rest to the entry.
func (e *DateEntry) TypedShortcut(s fyne.Shortcut) {
	if !toWindow(e, s) {
		e.Entry.TypedShortcut(s)
	}
}

// FocusGained selects the date, so that typing replaces it (see clickFocus).
func (e *DateEntry) FocusGained() {
	e.Entry.FocusGained()
	e.gained(&e.Entry)
}

// MouseDown selects the date when the click gives the focus, see clickFocus.
func (e *DateEntry) MouseDown(m *desktop.MouseEvent) {
	e.click(&e.Entry, func() { e.Entry.MouseDown(m) })
}

// SetText replaces the text, dropping any selection (see unselect).
func (e *DateEntry) SetText(text string) {
	unselect(&e.Entry)
	e.Entry.SetText(text)
}

// SetDate shows d (the zero Date clears the entry).
func (e *DateEntry) SetDate(d data.Date) { e.SetText(d.String()) }

func (e *DateEntry) showCalendar() {
	c := fyne.CurrentApp().Driver().CanvasForObject(e)
	if c == nil {
		return
	}
	shown := e.Date()
	if shown.IsZero() && e.start != nil {
		shown = e.start.Date() // an end opens on its start's month
	}
	weekStart := time.Monday
	if e.WeekStart != nil {
		weekStart = e.WeekStart()
	}
	e.calendar = NewCalendar(shown, e.Date(), weekStart, func(d data.Date) {
		e.SetDate(d)
		if e.popUp != nil {
			e.popUp.Hide()
		}
	})
	e.popUp = widget.NewPopUp(e.calendar, c)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(e)
	e.popUp.ShowAtPosition(pos.Add(fyne.NewPos(0, e.Size().Height)))
}

// ShowCalendar opens the calendar as its button does.
func (e *DateEntry) ShowCalendar() { e.showCalendar() }

// Calendar is the calendar opened last, nil before.
func (e *DateEntry) Calendar() *Calendar { return e.calendar }
