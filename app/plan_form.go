package app

import (
	"context"
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/masterplan-app/masterplan/app/widgets"
	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/plan"
)

// The Plan screen's "Availability and speeds" tab follows the form rules
// of the other screens: the app's entries (Esc, the app's shortcuts while
// typing, prefilled text selected on focus), date fields with the
// calendar, the rules of data/plan shown under the fields as the user
// types, and one step of undo for every change.

// newPlanFields makes the tab's fields and their message lines.
func (ps *planScreen) newPlanFields() {
	s := ps.shell
	ps.availability = widgets.NewEntry()
	ps.availability.SetPlaceHolder("Mon-Fri 19:00-21:00; Sat 09:00-13:00")
	ps.availability.Validator = func(v string) error { _, err := plan.ParseAvailability(v); return err }
	ps.availability.OnSubmitted = func(string) { ps.onSaveAvailability() }
	ps.availability.SetOnEscape(func() {
		ps.availability.SetText(ps.savedAvailability)
		ps.unfocus()
	})
	ps.availabilityMsg = fieldMessage(&ps.availability.Entry)

	// The first day may stay empty while typing: CheckDaysOff says so on
	// Mark, rather than a red line each time the fields are cleared.
	ps.offFrom = s.dateEntry("first day", true)
	ps.offTo = s.dateEntry("last day", true)
	ps.offFrom.SetPlaceHolder("first day YYYY-MM-DD")
	ps.offTo.SetPlaceHolder("last day (optional)")
	ps.offTo.NotBefore(ps.offFrom)
	endRule := ps.offTo.Validator
	ps.offTo.Validator = func(v string) error {
		if err := endRule(v); err != nil || v == "" || ps.offFrom.Date().IsZero() {
			return err
		}
		to, _ := data.ParseDate("last day", v)
		return plan.CheckDaysOff(ps.offFrom.Date(), to)
	}
	for _, e := range []*widgets.DateEntry{ps.offFrom, ps.offTo} {
		e.SetOnEscape(func() {
			e.SetText("")
			ps.unfocus()
		})
	}
	ps.offMsg = fieldMessage(&ps.offFrom.Entry, &ps.offTo.Entry)
	ps.speedMsg = messageLine()
}

// settingsView is the "Availability and speeds" tab.
func (ps *planScreen) settingsView() fyne.CanvasObject {
	saveAvail := widget.NewButtonWithIcon("Save availability", theme.DocumentSaveIcon(), ps.onSaveAvailability)
	markOff := widget.NewButtonWithIcon("Mark days off", theme.ContentRemoveIcon(), func() { ps.onDaysOff(true) })
	clearOff := widget.NewButtonWithIcon("Open again", theme.ContentAddIcon(), func() { ps.onDaysOff(false) })
	return container.NewVBox(
		widget.NewLabel("Weekly availability"),
		container.NewBorder(nil, nil, nil, saveAvail, ps.availability),
		ps.availabilityMsg,
		widget.NewLabel("Days off (holidays, travel, a busy week)"),
		container.NewBorder(nil, nil, nil, container.NewHBox(markOff, clearOff), container.NewGridWithColumns(2, ps.offFrom, ps.offTo)),
		ps.offMsg,
		widget.NewLabel("Reading speeds (units an hour)"),
		ps.speeds,
		ps.speedMsg,
	)
}

// fieldMessage is the line under entries that says what is wrong with the
// first of them that is wrong, as the user types: outside a form an entry
// only shows an icon. It goes as soon as every entry is right, and the
// line is kept while empty, so that nothing moves when a message appears.
func fieldMessage(entries ...*widget.Entry) *widget.Label {
	l := messageLine()
	bindMessage(l, entries...)
	return l
}

// bindMessage makes l the message line of entries (see fieldMessage),
// empty until one of them is wrong.
func bindMessage(l *widget.Label, entries ...*widget.Entry) {
	l.SetText("")
	errs := make([]error, len(entries))
	for i, e := range entries {
		e.SetOnValidationChanged(func(err error) {
			errs[i] = err
			l.SetText("")
			for _, err := range errs {
				if err != nil {
					l.SetText(capitalise(err.Error()))
					break
				}
			}
		})
	}
}

// unfocus leaves the field typed in (after Esc, or a change saved), so
// that Ctrl+Z undoes the screen's last change rather than the field's
// typing.
func (ps *planScreen) unfocus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(ps.availability); c != nil {
		c.Unfocus()
	}
}

func (ps *planScreen) undoer() *undoer { return ps.undos }

// change makes one change of the plan's settings and offers to undo it:
// what was stored before is read first and put back whole, in one
// transaction. The field typed in loses the focus, so that the next
// Ctrl+Z undoes the change, not the field's typing.
func (ps *planScreen) change(done string, do func(context.Context) error) error {
	ctx := ps.shell.ctx()
	before, err := ps.shell.Store.PlanChoices(ctx)
	if err != nil {
		return err
	}
	if err := do(ctx); err != nil {
		return err
	}
	ps.undos.offer(done, func() error { return ps.shell.Store.RestorePlanChoices(ps.shell.ctx(), before) })
	ps.unfocus()
	ps.refresh()
	return nil
}

// showSaveError shows err under the fields it names, and in a dialog what
// no field shows (a failed write).
func (ps *planScreen) showSaveError(err error, fields map[string]fyne.Validatable) {
	showFieldErrors(err, fields)
	if rest := unplacedError(err, fields); rest != nil {
		ps.shell.showError(rest)
	}
}

func (ps *planScreen) onSaveAvailability() {
	a, err := plan.ParseAvailability(ps.availability.Text)
	if err == nil {
		err = ps.change("Saved the weekly availability.", func(ctx context.Context) error {
			return ps.shell.Store.SetPlanAvailability(ctx, a)
		})
	}
	if err != nil {
		ps.showSaveError(err, map[string]fyne.Validatable{"availability": ps.availability})
		return
	}
	ps.availability.SetText(a.String())
}

func (ps *planScreen) onDaysOff(off bool) {
	from, to := ps.offFrom.Date(), ps.offTo.Date()
	if ps.offTo.Text == "" {
		to = from
	}
	err := plan.CheckDaysOff(from, to)
	if err == nil {
		days := fmt.Sprintf("%s to %s", from, to)
		if from == to {
			days = from.String()
		}
		done := "Opened " + days + " again."
		if off {
			done = "Marked " + days + " off."
		}
		err = ps.change(done, func(ctx context.Context) error { return ps.shell.Store.SetDaysOff(ctx, from, to, off) })
	}
	if err != nil {
		ps.showSaveError(err, map[string]fyne.Validatable{"first day": ps.offFrom, "last day": ps.offTo})
	}
}

// speedEntry is the field of one kind's speed, showing what is stored.
func (ps *planScreen) speedEntry(sp plan.Speed) *widgets.Entry {
	saved := strconv.FormatFloat(sp.PerHour, 'f', -1, 64)
	entry := widgets.NewEntry()
	entry.SetText(saved)
	entry.Validator = func(v string) error { _, err := plan.ParseSpeed(v); return err }
	entry.OnSubmitted = func(string) { ps.onSetSpeed(sp.Kind, entry) }
	entry.SetOnEscape(func() {
		entry.SetText(saved)
		ps.unfocus()
	})
	return entry
}

func (ps *planScreen) onSetSpeed(k plan.Kind, entry *widgets.Entry) {
	v, err := plan.ParseSpeed(entry.Text)
	if err == nil {
		err = ps.change(fmt.Sprintf("Set the speed of %s to %g %s an hour.", k.Kind, v, k.Unit), func(ctx context.Context) error {
			return ps.shell.Store.SetPlanSpeed(ctx, k, v)
		})
	}
	if err != nil {
		ps.showSaveError(err, map[string]fyne.Validatable{"speed": entry})
	}
}
