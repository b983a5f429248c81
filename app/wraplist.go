package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// rowsFollowWidth makes list l's rows as tall as their content needs at
// the list's width, so that rows whose labels wrap (TextWrapWord, in
// place of a "…" cut) show every line: at 1024x700 a reminder's schedule
// or a topic's forecast is longer than its half of the window. Each row's
// height is measured when it is shown; when the list's width changes, the
// rows on view are shown again. It returns what to put in place of l.
func rowsFollowWidth(l *widget.List) fyne.CanvasObject { return rowsOfFollowWidth(l, l) }

// rowsOfFollowWidth is rowsFollowWidth for a widget that extends list l
// (widgets.ActionList): shown is what the window holds, keys and all.
func rowsOfFollowWidth(shown fyne.CanvasObject, l *widget.List) fyne.CanvasObject {
	create := l.CreateItem
	l.CreateItem = func() fyne.CanvasObject { return wrapCutLabels(create()) }
	update := l.UpdateItem
	l.UpdateItem = func(id widget.ListItemID, o fyne.CanvasObject) {
		update(id, o)
		// The row is already as wide as the list: its labels wrap there.
		o.Resize(fyne.NewSize(o.Size().Width, o.MinSize().Height))
		l.SetItemHeight(id, o.MinSize().Height)
	}
	return container.New(&widthWatch{onWidth: shown.Refresh}, shown)
}

// wrapRowLabel makes l wrap at its row's width instead of ending in "…".
func wrapRowLabel(l *widget.Label) *widget.Label {
	l.Truncation = fyne.TextTruncateOff
	l.Wrapping = fyne.TextWrapWord
	return l
}

// wrapCutLabels makes the labels of row o that would end in "…" wrap
// instead (shared row builders such as newLazyEditList cut), and returns o.
func wrapCutLabels(o fyne.CanvasObject) fyne.CanvasObject {
	switch o := o.(type) {
	case *widget.Label:
		if o.Truncation != fyne.TextTruncateOff {
			wrapRowLabel(o)
		}
	case *fyne.Container:
		for _, c := range o.Objects {
			wrapCutLabels(c)
		}
	}
	return o
}

// widthWatch lays its one object out at the full size and calls onWidth
// after the width changed: wrapped rows measure anew there.
type widthWatch struct {
	width   float32
	onWidth func()
}

func (w *widthWatch) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(size)
	}
	if size.Width != w.width {
		w.width = size.Width
		w.onWidth()
	}
}

func (w *widthWatch) MinSize(objs []fyne.CanvasObject) fyne.Size {
	min := fyne.NewSize(0, 0)
	for _, o := range objs {
		min = min.Max(o.MinSize())
	}
	return min
}
