package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// ActionList is a widget.List that acts on the keys a list of records
// needs without the mouse: Enter selects the highlighted row (as Space
// does), Delete asks to delete the selected one, and typed characters go
// to OnRune (the reading list starts a progress update on a digit and
// moves the priority on + and -).
type ActionList struct {
	widget.List
	// OnDelete runs when Delete is pressed while the list has the focus.
	OnDelete func()
	// OnRune runs when a character is typed while the list has the focus.
	OnRune func(r rune)
}

var (
	_ fyne.Widget    = (*ActionList)(nil)
	_ fyne.Focusable = (*ActionList)(nil)
)

// NewActionList makes an ActionList with the callbacks of widget.NewList.
func NewActionList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *ActionList {
	l := &ActionList{}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey handles Enter and Delete, and leaves the arrows and Space to the list.
func (l *ActionList) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		l.List.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	case fyne.KeyDelete:
		if l.OnDelete != nil {
			l.OnDelete()
		}
	default:
		l.List.TypedKey(ev)
	}
}

// TypedRune passes the character to OnRune.
func (l *ActionList) TypedRune(r rune) {
	if l.OnRune != nil {
		l.OnRune(r)
	}
}

// ShortcutEntry is a widget.Entry that passes the window's own shortcuts
// (Ctrl+N, Ctrl+F, Ctrl+1..8: any Ctrl+letter or digit the entry does not
// use itself) on to the window. A plain Entry swallows every shortcut while
// it has the focus, so they would stop working whenever the user is typing.
type ShortcutEntry struct {
	widget.Entry
	// OnEscape, when set, runs on Esc (the reading list goes back from the
	// progress entry to the list).
	OnEscape func()
}

var _ fyne.Shortcutable = (*ShortcutEntry)(nil)

// NewShortcutEntry makes a one-line ShortcutEntry.
func NewShortcutEntry() *ShortcutEntry {
	e := &ShortcutEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey runs OnEscape on Esc and leaves the other keys to the entry.
func (e *ShortcutEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && e.OnEscape != nil {
		e.OnEscape()
		return
	}
	e.Entry.TypedKey(ev)
}

// TypedShortcut gives Ctrl+letter and Ctrl+digit shortcuts to the window
// and the others (copy, paste, word moves...) to the entry.
func (e *ShortcutEntry) TypedShortcut(s fyne.Shortcut) {
	if cs, ok := s.(*desktop.CustomShortcut); ok && cs.Modifier == fyne.KeyModifierShortcutDefault && windowKey(cs.KeyName) {
		if c, ok := fyne.CurrentApp().Driver().CanvasForObject(e).(fyne.Shortcutable); ok {
			c.TypedShortcut(s)
			return
		}
	}
	e.Entry.TypedShortcut(s)
}

// windowKey reports whether k is a letter or a digit: the keys of window
// shortcuts, as opposed to the arrows, Backspace and Delete that the entry
// combines with Ctrl to move and delete by word.
func windowKey(k fyne.KeyName) bool {
	return len(k) == 1 && (k[0] >= 'A' && k[0] <= 'Z' || k[0] >= '0' && k[0] <= '9')
}
