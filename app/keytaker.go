package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// keyTaker holds the focus for a dialog's content, so that the dialog's
// own actions get its keys: Enter runs enter, Esc runs escape (which may
// do more than close, such as reopen a form). A focused widget gets every
// key before the window's Enter/Esc rule (Shell.dialogKeys), so without
// this a focused button swallows both. When the content is focusable (a
// button), it shows the focus and gets the other keys (Space presses it).
type keyTaker struct {
	widget.BaseWidget
	content       fyne.CanvasObject
	enter, escape func()
}

var _ fyne.Focusable = (*keyTaker)(nil)

func newKeyTaker(content fyne.CanvasObject, enter, escape func()) *keyTaker {
	k := &keyTaker{content: content, enter: enter, escape: escape}
	k.ExtendBaseWidget(k)
	return k
}

// CreateRenderer implements fyne.Widget: the content itself.
func (k *keyTaker) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(k.content) }

// FocusGained shows the focus on a focusable content.
func (k *keyTaker) FocusGained() {
	if f, ok := k.content.(fyne.Focusable); ok {
		f.FocusGained()
	}
}

// FocusLost hides it.
func (k *keyTaker) FocusLost() {
	if f, ok := k.content.(fyne.Focusable); ok {
		f.FocusLost()
	}
}

// TypedRune implements fyne.Focusable.
func (k *keyTaker) TypedRune(rune) {}

// TypedKey runs enter on Enter and escape on Esc, and gives other keys to
// a focusable content.
func (k *keyTaker) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyEscape:
		k.escape()
	case fyne.KeyReturn, fyne.KeyEnter:
		k.enter()
	default:
		if f, ok := k.content.(fyne.Focusable); ok {
			f.TypedKey(e)
		}
	}
}
