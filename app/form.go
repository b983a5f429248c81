package app

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/masterplan-app/masterplan/app/widgets"
	"github.com/masterplan-app/masterplan/data"
)

// showFieldErrors puts each field's message from err next to its entry, so
// that the user sees what is wrong where it is wrong.
func showFieldErrors(err error, fields map[string]fyne.Validatable) {
	placeFieldErrors(err, fields, func(fe error) error { return fe })
}

// placeFieldErrors is showFieldErrors with each message made to fit first.
func placeFieldErrors(err error, fields map[string]fyne.Validatable, fit func(error) error) {
	for _, fe := range data.FieldErrors(err) {
		if w, ok := fields[fe.Field]; ok {
			if e, ok := w.(interface{ SetValidationError(error) }); ok {
				e.SetValidationError(fit(fe))
			}
		}
	}
}

// formDialogWidth is how wide a form dialog opens.
const formDialogWidth = 560

// cutMessage is a field's message cut to fit under the field; the whole
// message (Unwrap) is in the dialog's message line below the form.
type cutMessage struct {
	short string
	whole error
}

func (m cutMessage) Error() string { return m.short }
func (m cutMessage) Unwrap() error { return m.whole }

// fitMessage returns err when its message fits in room points, else its
// first clause ("rate: \"lots\" is not a number" of "...; enter an amount
// such as 18500.00"), cut at a word with "…" when even that is too long.
// Fyne draws a field's message as one line that never wraps, so a longer
// one would widen the dialog past its box and be cut at the edge.
func fitMessage(err error, room float32) error {
	size := theme.CaptionTextSize()
	fits := func(s string) bool { return fyne.MeasureText(s, size, fyne.TextStyle{}).Width <= room }
	msg := err.Error()
	if fits(msg) {
		return err
	}
	if i := strings.Index(msg, ";"); i > 0 && fits(msg[:i]) {
		return cutMessage{short: msg[:i] + " (see below)", whole: err}
	}
	words := strings.Fields(msg)
	short := ""
	for _, w := range words {
		next := strings.TrimSpace(short + " " + w)
		if !fits(next + "… (see below)") {
			break
		}
		short = next
	}
	return cutMessage{short: short + "… (see below)", whole: err}
}

// messageRoom is how wide a field's message may be in a form dialog of
// items: the dialog less its labels' column and the paddings around.
func messageRoom(items []*widget.FormItem) float32 {
	var labels float32
	for _, it := range items {
		labels = max(labels, fyne.MeasureText(it.Text, theme.TextSize(), fyne.TextStyle{Bold: true}).Width)
	}
	return formDialogWidth - labels - 10*theme.Padding()
}

// unplacedError is what of err no field in fields shows: a field error for
// another field, or an error that is no field's (a failed write); nil when
// the fields show it all.
func unplacedError(err error, fields map[string]fyne.Validatable) error {
	fes := data.FieldErrors(err)
	if len(fes) == 0 {
		return err
	}
	var rest []error
	for _, fe := range fes {
		if _, ok := fields[fe.Field]; !ok {
			rest = append(rest, fe)
		}
	}
	return errors.Join(rest...)
}

func layoutSpacer() fyne.CanvasObject { return layout.NewSpacer() }

// formDialog is a modal form that stays open until save succeeds: a save
// that fails (an overlap found by the store, say) shows its messages at the
// fields and in the dialog, and nothing the user typed is lost.
type formDialog struct {
	dlg    dialog.Dialog
	errors *widget.Label
	// submit saves as the form's button does, whatever the fields show
	// (the save reports what is wrong).
	submit func()
	// next, when save sets it, runs once the dialog has closed: a dialog
	// shown while this one is still open would be closed with it.
	next func()
}

// showFormDialog opens a form titled title; save is called on submit and
// its field errors are mapped onto fields.
func showFormDialog(w fyne.Window, title, submit string, items []*widget.FormItem, fields map[string]fyne.Validatable, save func() error) *formDialog {
	fd := &formDialog{errors: messageLine()}
	room := messageRoom(items)
	// A message too long for its field shows cut there and whole below.
	fit := func(err error) error {
		short := fitMessage(err, room)
		if _, cut := short.(cutMessage); cut {
			fd.errors.SetText(userError(err).Error())
		}
		return short
	}
	// The message line stays, empty, so that the dialog keeps its size
	// when a message appears, and it empties as soon as every field is
	// right again: no stale red message after the fix.
	form := widget.NewForm(items...)
	form.SetOnValidationChanged(func(err error) {
		if err == nil {
			fd.errors.SetText("")
		}
	})
	form.SubmitText = submit
	form.OnSubmit = func() {
		if err := save(); err != nil {
			placeFieldErrors(err, fields, fit)
			fd.errors.SetText(userError(err).Error())
			return
		}
		fd.dlg.Hide()
		if next := fd.next; next != nil {
			fd.next = nil
			next()
		}
	}
	fd.submit = form.OnSubmit
	form.OnCancel = func() { fd.dlg.Hide() }
	// From whichever field the user is typing in, Esc cancels and Enter
	// saves as the button does: not while a field shows an error.
	enter := func(string) {
		if form.Validate() == nil {
			form.OnSubmit()
		}
	}
	var first fyne.Focusable // the first text field, where typing starts
	for _, it := range items {
		eachField(it.Widget, func(o fyne.CanvasObject) {
			if e, ok := o.(widgets.Escapable); ok {
				e.SetOnEscape(form.OnCancel)
			}
			passKeysOnAfterChoice(w.Canvas(), o)
			e := baseEntry(o)
			if e == nil {
				return
			}
			if !e.MultiLine && e.OnSubmitted == nil {
				e.OnSubmitted = enter
			}
			if check := e.Validator; check != nil {
				e.Validator = func(v string) error {
					if err := check(v); err != nil {
						return fit(err)
					}
					return nil
				}
			}
			if f, ok := o.(fyne.Focusable); ok && first == nil {
				first = f
			}
		})
	}
	content := container.NewVBox(form, fd.errors)
	fd.dlg = dialog.NewCustomWithoutButtons(title, content, w)
	fd.dlg.Resize(fyne.NewSize(formDialogWidth, content.MinSize().Height+80))
	fd.dlg.Show()
	if first != nil {
		w.Canvas().Focus(first)
	}
	return fd
}

// passKeysOnAfterChoice makes a select, box or radio group of a dialog
// give up the focus once the user picks with it. Fyne focuses them on a
// click and they take only Space and the arrows, so Enter and Esc would
// die there; unfocused, the keys reach the window's dialog keys (Enter
// presses the default button, Esc closes).
func passKeysOnAfterChoice(c fyne.Canvas, o fyne.CanvasObject) {
	unfocus := func() {
		if c.Focused() != nil && baseEntry(c.Focused().(fyne.CanvasObject)) == nil {
			c.Unfocus()
		}
	}
	switch v := o.(type) {
	case *widget.Select:
		v.OnChanged = thenRun(v.OnChanged, unfocus)
	case *widget.Check:
		v.OnChanged = thenRun(v.OnChanged, unfocus)
	case *widget.RadioGroup:
		v.OnChanged = thenRun(v.OnChanged, unfocus)
	}
}

// thenRun is f (which may be nil) followed by after.
func thenRun[T any](f func(T), after func()) func(T) {
	return func(v T) {
		if f != nil {
			f(v)
		}
		after()
	}
}

// messageLine is a line that says what is wrong (red, wrapped), empty
// until something is: under a form, under a field outside a form.
func messageLine() *widget.Label {
	l := wrapped("")
	l.Importance = widget.DangerImportance
	return l
}

// eachField calls visit for o and, when o is a container (an amount beside
// its currency, say), for every object inside it.
func eachField(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	visit(o)
	if c, ok := o.(*fyne.Container); ok {
		for _, child := range c.Objects {
			eachField(child, visit)
		}
	}
}

// baseEntry is the Fyne entry inside o, nil when o is no text entry.
func baseEntry(o fyne.CanvasObject) *widget.Entry {
	switch v := o.(type) {
	case *widget.Entry:
		return v
	case *widget.SelectEntry:
		return &v.Entry
	case *widgets.Entry:
		return &v.Entry
	case *widgets.SelectEntry:
		return &v.SelectEntry.Entry
	case *widgets.DateEntry:
		return &v.Entry
	}
	return nil
}

// choiceSelect is a select over a fixed list of choices shown by their
// labels: the form reads back the choice, not the label.
type choiceSelect[T comparable] struct {
	sel     *widget.Select
	choices []T
}

// newChoiceSelect shows choices by label, with selected chosen when it is
// one of them.
func newChoiceSelect[T comparable](choices []T, label func(T) string, selected T) *choiceSelect[T] {
	labels := make([]string, len(choices))
	for i, c := range choices {
		labels[i] = label(c)
	}
	c := &choiceSelect[T]{sel: widget.NewSelect(labels, nil), choices: choices}
	c.setChosen(selected)
	return c
}

// chosen is the choice selected, false when none is.
func (c *choiceSelect[T]) chosen() (T, bool) {
	if i := c.sel.SelectedIndex(); i >= 0 && i < len(c.choices) {
		return c.choices[i], true
	}
	var zero T
	return zero, false
}

// setChosen selects v, when it is one of the choices and not already chosen.
func (c *choiceSelect[T]) setChosen(v T) {
	for i, ch := range c.choices {
		if ch == v && c.sel.SelectedIndex() != i {
			c.sel.SetSelectedIndex(i)
		}
	}
}
