package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Fyne hands every key to the focused widget, and its entries ignore Esc, so
// a dialog cannot see the Esc a user presses while typing in it. The entries
// here report Esc to whoever set OnEscape (a form dialog closes itself), and
// behave exactly like Fyne's otherwise.

// Escapable is a widget that can report the Esc key.
type Escapable interface {
	SetOnEscape(func())
}

// escaper holds the Esc handler shared by the entries below.
type escaper struct{ onEscape func() }

// SetOnEscape sets what Esc does; nil gives the key back to the entry.
func (e *escaper) SetOnEscape(f func()) { e.onEscape = f }

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

// SelectEntry is a widget.SelectEntry (an entry with a list of suggestions)
// that reports Esc.
type SelectEntry struct {
	widget.SelectEntry
	escaper
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
	if !e.escaped(k) {
		e.SelectEntry.TypedKey(k)
	}
}
