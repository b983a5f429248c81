package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// newEditList is the shape of most lists in the app: a virtualised list
// whose rows are a line of text with Edit and Delete buttons at the end.
// items is read on every redraw, so the list follows the screen's slice;
// text writes row i, and a line too long for the window ends in "…".
func newEditList[T any](items func() []T, text func(i int, it T) string, edit, del func(T)) *widget.List {
	return newLazyEditList(func() int { return len(items()) }, func(i int) T { return items()[i] }, text, edit, del)
}

// newLazyEditList is newEditList for rows that are read only when they
// come into view: count is the number of rows, at reads row i.
func newLazyEditList[T any](count func() int, at func(i int) T, text func(i int, it T) string, edit, del func(T)) *widget.List {
	return widget.NewList(
		count,
		func() fyne.CanvasObject {
			label := widget.NewLabel("")
			label.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, nil,
				container.NewHBox(
					widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), nil),
					widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)),
				label)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			it := at(id)
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Label).SetText(text(id, it))
			buttons := row.Objects[1].(*fyne.Container)
			buttons.Objects[0].(*widget.Button).OnTapped = func() { edit(it) }
			buttons.Objects[1].(*widget.Button).OnTapped = func() { del(it) }
		})
}

// listPage is how many rows a paged list reads at a time.
const listPage = 100

// pagedRows are the rows of a list read a page at a time as they come into
// view, so that years of records are not read to show a screenful.
type pagedRows[T any] struct {
	pages map[int][]T // the pages read so far
	// read reads at most limit rows from offset.
	read func(offset, limit int) ([]T, error)
	// fail says that a page could not be read.
	fail func(error)
}

func newPagedRows[T any](read func(offset, limit int) ([]T, error), fail func(error)) *pagedRows[T] {
	return &pagedRows[T]{pages: map[int][]T{}, read: read, fail: fail}
}

// restart drops the pages read and keeps first as the first page: a
// screen reads it off the UI goroutine with the rest of its data (see
// loader), so that showing the list's top reads nothing more.
func (p *pagedRows[T]) restart(first []T) {
	clear(p.pages)
	p.pages[0] = first
}

// at is row i, reading its page when it first comes into view.
func (p *pagedRows[T]) at(i int) T {
	var zero T
	n := i / listPage
	page, ok := p.pages[n]
	if !ok {
		var err error
		if page, err = p.read(n*listPage, listPage); err != nil {
			p.fail(err)
			return zero // an empty row; the page is read again when it next shows
		}
		p.pages[n] = page
	}
	if j := i % listPage; j < len(page) {
		return page[j]
	}
	return zero // deleted elsewhere since the count: the next refresh drops the row
}
