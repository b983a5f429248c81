package widgets

import (
	"fyne.io/fyne/v2"
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
