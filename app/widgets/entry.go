package widgets

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// Fyne hands every key and shortcut to the focused widget first. Its entries
// ignore Esc, so a dialog cannot see the Esc a user presses while typing, and
// they swallow every Ctrl shortcut, so Ctrl+1..8, Ctrl+N, Ctrl+F and Ctrl+Q
// would do nothing while the cursor is in a field. The entries here report
// Esc to whoever set OnEscape (a form dialog closes itself), pass the app's
// shortcuts on to the window, and behave exactly like Fyne's otherwise.

// Escapable is a widget that can report the Esc key.
type Escapable interface {
	SetOnEscape(func())
}

// escaper holds the Esc handler shared by the entries below.
type escaper struct{ onEscape func() }

// SetOnEscape sets what Esc does; nil gives the key back to the entry.
func (e *escaper) SetOnEscape(f func()) { e.onEscape = f }

// appShortcut reports whether s is one of the window's Ctrl+letter or
// Ctrl+digit shortcuts rather than one the entry handles itself (copy,
// paste, undo, select all are their own types; Ctrl+Backspace and the
// arrows edit the text).
func appShortcut(s fyne.Shortcut) bool {
	cs, ok := s.(*desktop.CustomShortcut)
	if !ok || cs.Modifier&(fyne.KeyModifierControl|fyne.KeyModifierSuper) == 0 {
		return false
	}
	k := string(cs.KeyName)
	return len(k) == 1 && (k[0] >= 'A' && k[0] <= 'Z' || k[0] >= '0' && k[0] <= '9')
}

// toWindow passes an app shortcut from the entry w to its window's canvas
// and reports whether it did.
func toWindow(w fyne.CanvasObject, s fyne.Shortcut) bool {
	if !appShortcut(s) {
		return false
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(w)
	sc, ok := c.(fyne.Shortcutable)
	if !ok {
		return false
	}
	sc.TypedShortcut(s)
	return true
}

// escaped runs the handler for an Esc key and reports whether it did.
func (e *escaper) escaped(k *fyne.KeyEvent) bool {
	if k.Name != fyne.KeyEscape || e.onEscape == nil {
		return false
	}
	e.onEscape()
	return true
}

// Entry is a widget.Entry that reports Esc.
type Entry struct {
	widget.Entry
	escaper
	clickFocus
}

var (
	_ fyne.Widget = (*Entry)(nil)
	_ Escapable   = (*Entry)(nil)
)

// NewEntry makes a single-line entry.
func NewEntry() *Entry {
	e := &Entry{}
	e.ExtendBaseWidget(e)
	return e
}

// NewMultiLineEntry makes an entry for several lines of text.
func NewMultiLineEntry() *Entry {
	e := NewEntry()
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	return e
}

// TypedKey reports Esc, and passes every other key to the entry.
func (e *Entry) TypedKey(k *fyne.KeyEvent) {
	if !e.escaped(k) {
		e.Entry.TypedKey(k)
	}
}

// TypedShortcut passes the app's shortcuts to the window, the rest to the entry.
func (e *Entry) TypedShortcut(s fyne.Shortcut) {
	if !toWindow(e, s) {
		e.Entry.TypedShortcut(s)
	}
}

// SelectEntry is a widget.SelectEntry (an entry with a list of suggestions)
// that reports Esc.
type SelectEntry struct {
	widget.SelectEntry
	escaper
	clickFocus
	// all are the options of a completing entry (see NewCompletingEntry);
	// nil for an entry that takes any text as typed.
	all []string
	// offered are the options the list shows now.
	offered []string
}

var (
	_ fyne.Widget = (*SelectEntry)(nil)
	_ Escapable   = (*SelectEntry)(nil)
)

// NewSelectEntry makes an entry that also offers options.
func NewSelectEntry(options []string) *SelectEntry {
	e := &SelectEntry{}
	e.ExtendBaseWidget(e)
	e.SetOptions(options)
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	return e
}

// TypedKey reports Esc, and passes every other key to the entry.
func (e *SelectEntry) TypedKey(k *fyne.KeyEvent) {
	if e.escaped(k) {
		return
	}
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		e.complete() // before OnSubmitted reads the text
	case fyne.KeyBackspace, fyne.KeyDelete:
		defer e.narrow()
	}
	e.SelectEntry.TypedKey(k)
}

// TypedShortcut passes the app's shortcuts to the window, the rest to the entry.
func (e *SelectEntry) TypedShortcut(s fyne.Shortcut) {
	if !toWindow(e, s) {
		e.SelectEntry.TypedShortcut(s)
	}
}

// selectOnFocus selects all of e's text when it gains the focus, so that
// typing into a prefilled field replaces what it holds ("MeasureUp" typed
// into "MeasureUp" gives "MeasureUp", not "MeasureUpMeasureUp"). Several
// lines of notes are left as they are: they are added to, not replaced.
func selectOnFocus(e *widget.Entry) {
	if !e.MultiLine && e.Text != "" {
		e.TypedShortcut(&fyne.ShortcutSelectAll{})
	}
}

// clickFocus makes a click that gives an entry the focus select its text,
// as Tab does. Fyne's MouseDown focuses the entry (selectOnFocus selects
// all) and then moves the cursor to the click, which drops the selection:
// "20" clicked and typed "0" gave "200". So a focus gained during a click
// selects once the click has placed the cursor; a click into an entry that
// has the focus already only places the cursor.
type clickFocus struct {
	inClick, gainedInClick bool
}

// click runs the entry's own MouseDown (down), then selects if it gave the
// entry the focus.
func (c *clickFocus) click(e *widget.Entry, down func()) {
	c.inClick, c.gainedInClick = true, false
	down()
	c.inClick = false
	if c.gainedInClick {
		selectOnFocus(e)
	}
}

// gained selects e's text on a focus by keyboard or code, and leaves it to
// click when the focus came with a click.
func (c *clickFocus) gained(e *widget.Entry) {
	if c.inClick {
		c.gainedInClick = true
		return
	}
	selectOnFocus(e)
}

// FocusGained selects the text, see selectOnFocus and clickFocus.
func (e *Entry) FocusGained() {
	e.Entry.FocusGained()
	e.gained(&e.Entry)
}

// MouseDown selects the text when the click gives the focus, see clickFocus.
func (e *Entry) MouseDown(m *desktop.MouseEvent) {
	e.click(&e.Entry, func() { e.Entry.MouseDown(m) })
}

// FocusGained selects the text, see selectOnFocus and clickFocus.
func (e *SelectEntry) FocusGained() {
	e.SelectEntry.FocusGained()
	e.gained(&e.SelectEntry.Entry)
}

// MouseDown selects the text when the click gives the focus, see clickFocus.
func (e *SelectEntry) MouseDown(m *desktop.MouseEvent) {
	e.click(&e.SelectEntry.Entry, func() { e.SelectEntry.MouseDown(m) })
}

// unselect drops e's selection before its text is replaced from code: Fyne
// keeps the old selection's range, and the next key typed would erase
// from the new text what the old selection covered.
func unselect(e *widget.Entry) {
	if e.SelectedText() != "" {
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	}
}

// SetText replaces the text, dropping any selection (see unselect).
func (e *Entry) SetText(text string) {
	unselect(&e.Entry)
	e.Entry.SetText(text)
}

// SetText replaces the text, dropping any selection (see unselect).
func (e *SelectEntry) SetText(text string) {
	unselect(&e.SelectEntry.Entry)
	e.SelectEntry.SetText(text)
}

// NewCompletingEntry is a SelectEntry for a value from a known list (a time
// zone, a currency): as the user types, the list offers only the options
// that contain the text, and Enter or leaving the field completes the
// text to the one option it matches ("Europe/Lon" gives Europe/London,
// "gbp" gives GBP). Text that matches several or none stays as typed.
func NewCompletingEntry(options []string) *SelectEntry {
	e := NewSelectEntry(options)
	e.all = options
	return e
}

// TypedRune narrows a completing entry's options to the text.
func (e *SelectEntry) TypedRune(r rune) {
	e.SelectEntry.TypedRune(r)
	e.narrow()
}

// FocusLost completes the text (see NewCompletingEntry).
func (e *SelectEntry) FocusLost() {
	e.complete()
	e.SelectEntry.FocusLost()
}

// narrow offers the options that contain the text, all when none does.
func (e *SelectEntry) narrow() {
	if e.all == nil {
		return
	}
	e.offered = matching(e.all, e.Text)
	if len(e.offered) == 0 {
		e.offered = e.all
	}
	e.SetOptions(e.offered)
}

// complete replaces the text with the one option it matches.
func (e *SelectEntry) complete() {
	if e.all == nil {
		return
	}
	if m := matching(e.all, e.Text); len(m) == 1 && m[0] != e.Text {
		e.SetText(m[0])
	}
	e.offered = e.all
	e.SetOptions(e.all)
}

// matching are the options that contain text, ignoring case: all of them
// when one is text itself.
func matching(options []string, text string) []string {
	t := strings.ToLower(strings.TrimSpace(text))
	if t == "" {
		return nil
	}
	var out []string
	for _, o := range options {
		lo := strings.ToLower(o)
		if lo == t {
			return []string{o}
		}
		if strings.Contains(lo, t) {
			out = append(out, o)
		}
	}
	return out
}
