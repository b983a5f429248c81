package app

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/masterplan-app/masterplan/app/widgets"
	"github.com/masterplan-app/masterplan/data"
)

// readingItemForm is the dialog that adds or edits a reading item. Every
// field is checked as it is typed and the domain checks the whole item
// again on save.
type readingItemForm struct {
	r    *readingScreen
	base data.ReadingItem // the item edited (ID 0 adds it)

	title, author, url, size, done *widgets.Entry
	kind, unit, status             *widget.Select
	topic                          *widgets.SelectEntry
	priority                       *widget.RadioGroup
	due                            *widgets.DateEntry
	notes                          *widgets.Entry
}

// editItem opens the add/edit form on it.
func (r *readingScreen) editItem(it data.ReadingItem) { newReadingItemForm(r, it).show() }

// newReadingItemForm makes the form's fields, filled from it.
func newReadingItemForm(r *readingScreen, it data.ReadingItem) *readingItemForm {
	f := &readingItemForm{r: r, base: it,
		title: widgets.NewEntry(), author: widgets.NewEntry(), url: widgets.NewEntry(), size: widgets.NewEntry(), done: widgets.NewEntry(),
		kind: widget.NewSelect(data.ReadingKinds(), nil), unit: widget.NewSelect(data.ReadingUnits(), nil),
		status: widget.NewSelect(data.ReadingStatuses(), nil), topic: newTopicChoice(r.topicChoices()),
		priority: widget.NewRadioGroup([]string{"1", "2", "3"}, nil), due: r.shell.dateEntry("due", true),
		notes: widgets.NewMultiLineEntry()}
	f.title.SetText(it.Title)
	f.title.Validator = func(s string) error { return data.CheckLine("title", s, true, data.MaxNameLen) }
	f.author.SetText(it.Author)
	f.author.Validator = func(s string) error { return data.CheckLine("author", s, false, data.MaxNameLen) }
	f.kind.SetSelected(orDefault(it.Kind, data.ReadingBook))
	f.topic.SetText(it.Topic)
	f.url.SetText(it.URL)
	f.url.SetPlaceHolder("https://…")
	f.url.Validator = func(s string) error { return data.CheckURL("url", s) }
	f.size.SetPlaceHolder("empty when not known")
	if it.Size > 0 {
		f.size.SetText(strconv.Itoa(it.Size))
	}
	f.size.Validator = intValidator("size", true)
	f.unit.SetSelected(orDefault(it.Unit, data.ReadingPages))
	f.done.SetText(strconv.Itoa(it.Done))
	f.done.Validator = f.validateDone
	// Progress is checked against the size and unit as either is changed.
	f.size.OnChanged = func(string) { f.done.Validate() }
	f.unit.OnChanged = func(string) { f.done.Validate() }
	// The unit follows the kind (minutes for a video) until the user
	// chooses another.
	kind := f.kind.Selected
	f.kind.OnChanged = func(k string) {
		f.unit.SetSelected(data.UnitForKind(f.unit.Selected, kind, k))
		kind = k
	}
	f.status.SetSelected(orDefault(it.Status, data.ReadingToRead))
	f.priority.Horizontal = true
	f.priority.Required = true
	f.priority.SetSelected(strconv.Itoa(max(1, orDefaultInt(it.Priority, data.DefaultPriority))))
	f.due.SetDate(it.Due)
	f.notes.SetText(it.Notes)
	f.notes.SetMinRowsVisible(3)
	f.notes.Validator = func(s string) error { return data.CheckText("notes", s, false, data.MaxNoteLen) }
	return f
}

// show opens the form in a dialog.
func (f *readingItemForm) show() {
	items := []*widget.FormItem{
		widget.NewFormItem("Title", f.title),
		widget.NewFormItem("Author", f.author),
		widget.NewFormItem("Kind", f.kind),
		widget.NewFormItem("Topic", f.topic),
		widget.NewFormItem("URL", f.url),
		{Text: "Size", Widget: f.size, HintText: "pages, minutes for a video; 100 with percent"},
		widget.NewFormItem("Counted in", f.unit),
		// The hint reserves the line its message takes: the dialog keeps
		// its size when the progress is more than the size.
		{Text: "Done so far", Widget: f.done, HintText: "at most the size"},
		widget.NewFormItem("Status", f.status),
		{Text: "Priority", Widget: f.priority, HintText: "1 = read first"},
		widget.NewFormItem("Due", f.due),
		widget.NewFormItem("Notes", f.notes),
	}
	fields := map[string]fyne.Validatable{"title": f.title, "author": f.author, "topic": f.topic, "url": f.url,
		"size": f.size, "done": f.done, "due": f.due, "notes": f.notes}
	heading, submit := "Add to the reading list", "Add"
	if f.base.ID != 0 {
		heading, submit = "Edit reading item", "Save"
	}
	showFormDialog(f.r.shell.Window, heading, submit, items, fields, f.save)
}

// item reads the form into a copy of the item edited.
func (f *readingItemForm) item() (data.ReadingItem, error) {
	it, next := f.base, f.base
	next.Title, next.Author, next.Kind, next.Topic, next.URL = f.title.Text, f.author.Text, f.kind.Selected, f.topic.Text, f.url.Text
	next.Unit, next.Notes, next.Due = f.unit.Selected, f.notes.Text, f.due.Date()
	var errs []error
	var err error
	if next.Size, err = parseOptionalInt("size", f.size.Text); err != nil {
		errs = append(errs, err)
	}
	if next.Done, err = parseOptionalInt("done", f.done.Text); err != nil {
		errs = append(errs, err)
	}
	if f.due.Text != "" && next.Due.IsZero() {
		errs = append(errs, f.due.Validate())
	}
	next.Priority, _ = strconv.Atoi(f.priority.Selected)
	next.Status = f.status.Selected
	if next.Status == data.ReadingDone && it.Status != data.ReadingDone {
		// Ticking done fills the progress, as it does from the list.
		if _, err := next.SetStatus(data.ReadingDone, f.r.day()); err != nil {
			errs = append(errs, err)
		}
	}
	return next, errors.Join(errs...)
}

// save stores the item and selects it; the store validates it again.
func (f *readingItemForm) save() error {
	next, err := f.item()
	if err != nil {
		return err
	}
	r := f.r
	saved, err := r.shell.Store.SaveReadingItem(r.shell.ctx(), next, r.day())
	if err != nil {
		return err
	}
	if before := f.base; before.ID != 0 {
		r.undos.offer(fmt.Sprintf("Edited “%s”.", saved.Title), func() error {
			r.sel = before.ID
			_, err := r.shell.Store.SaveReadingItem(r.shell.ctx(), before, r.day())
			return err
		})
	} else {
		r.undos.forget()
	}
	r.sel = saved.ID
	r.refresh()
	return nil
}

// validateDone checks the progress typed, and against the size and unit
// chosen (data.CheckReadingDone); a size not yet a number is the size
// field's own message.
func (f *readingItemForm) validateDone(s string) error {
	done, err := parseOptionalInt("done", s)
	if err != nil {
		return err
	}
	size, err := parseOptionalInt("size", f.size.Text)
	if err != nil {
		return nil
	}
	unit := f.unit.Selected
	if unit == data.ReadingPercent && size == 0 {
		size = 100
	}
	return data.CheckReadingDone(done, size, unit)
}

// intValidator accepts a whole number of at least 0 (at least 1 for a
// size), or nothing when empty is allowed.
func intValidator(field string, optional bool) func(string) error {
	return func(s string) error {
		if strings.TrimSpace(s) == "" && optional {
			return nil
		}
		_, err := parseOptionalInt(field, s)
		return err
	}
}

// parseOptionalInt reads a count typed in a form: empty is 0.
func parseOptionalInt(field, s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, data.Invalid(field, "%q is not a whole number", s)
	}
	if n < 0 {
		return 0, data.Invalid(field, "is %d; it cannot be negative", n)
	}
	if field == "size" && n == 0 {
		return 0, data.Invalid(field, "is 0; enter at least 1, or leave it empty when you do not know it")
	}
	return n, nil
}
