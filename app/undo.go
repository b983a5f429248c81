package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// undoer is a screen's one step of undo, the same on every screen: a delete
// happens at once (no question first) and the last delete or edit made on
// the screen is offered back in a bar, and by Ctrl+Z, until the next change
// there replaces or forgets it.
type undoer struct {
	shell   *Shell
	refresh func() // the screen's refresh, after an undo
	bar     *fyne.Container
	label   *widget.Label
	undo    func() error
	// after runs after an undo, before the screen refreshes: it selects
	// what came back, say.
	after func()
}

// undoScreen is a screen whose last change Ctrl+Z undoes.
type undoScreen interface{ undoer() *undoer }

// newUndoer makes the undo bar of the screen refresh reloads, hidden until
// something is offered.
// The message wraps rather than ending in "…" (it names what the Undo
// button brings back) and never widens the window.
func newUndoer(s *Shell, refresh func()) *undoer {
	u := &undoer{shell: s, refresh: refresh, label: widget.NewLabel("")}
	u.label.Wrapping = fyne.TextWrapWord
	button := widget.NewButtonWithIcon("Undo (Ctrl+Z)", theme.ContentUndoIcon(), u.run)
	u.bar = container.NewBorder(nil, nil, nil, button, u.label)
	u.bar.Hide()
	return u
}

// offer shows msg ("Deleted “LHR-SEA”.") with the Undo button; undo puts
// back what the change took. It replaces any earlier offer.
func (u *undoer) offer(msg string, undo func() error) {
	u.label.SetText(msg)
	u.undo = undo
	u.bar.Show()
	u.relayout()
}

// forget drops the offer: a newer change was made that undo would not
// bring back.
func (u *undoer) forget() {
	u.undo = nil
	if u.bar.Visible() {
		u.bar.Hide()
		u.relayout()
	}
}

// relayout lays the window out again after the bar came or went: Fyne
// repaints a container shown or hidden but does not lay out its parent,
// which would keep the bar's room (empty, or over the list).
func (u *undoer) relayout() {
	if c := u.shell.Window.Content(); c != nil {
		c.Refresh()
	}
}

// pending reports whether a change can be undone.
func (u *undoer) pending() bool { return u.undo != nil }

// run undoes the change offered, once.
func (u *undoer) run() {
	if u.undo == nil {
		return
	}
	undo := u.undo
	u.forget()
	if err := undo(); err != nil {
		u.shell.showError(err)
	}
	if u.after != nil {
		u.after()
	}
	u.refresh()
}

// undoOnScreen is Ctrl+Z outside a text field: it undoes the last delete or
// edit on the visible screen.
func (s *Shell) undoOnScreen() {
	if s.tabs == nil {
		return
	}
	if us, ok := s.screen(s.tabs.SelectedIndex()).(undoScreen); ok {
		us.undoer().run()
	}
}
