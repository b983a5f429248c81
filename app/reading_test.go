package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/masterplan-app/masterplan/app/widgets"
	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/store"
	"github.com/masterplan-app/masterplan/data/transfer"
)

// readingToday is fixedNow's day in Los Angeles, the test settings' zone.
const readingToday = "2026-11-23"

// openReading sets up a rotation whose first block starts 2027-01-11 (the
// reading deadline is then 2027-01-04, 42 days away), stores items, starts
// the shell and shows the Reading screen.
func openReading(t *testing.T, items ...data.ReadingItem) (*Shell, *store.Store, *readingScreen) {
	t.Helper()
	sh, st := newTestShell(t)
	setUpRotation(t, st, block("2027-01-11", "2027-01-31"))
	for _, it := range items {
		if _, err := st.SaveReadingItem(context.Background(), it, mustDay(t, readingToday)); err != nil {
			t.Fatalf("save %q: %v", it.Title, err)
		}
	}
	sh.Start()
	sh.Select(2)
	r, ok := sh.screens[2].(*readingScreen)
	if !ok {
		t.Fatalf("screen 2 is %T, want the reading screen", sh.screens[2])
	}
	return sh, st, r
}

func mustDay(t *testing.T, s string) data.Date {
	t.Helper()
	d, err := data.ParseDate("test", s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func storedReading(t *testing.T, st *store.Store) []data.ReadingItem {
	t.Helper()
	items, err := st.ReadingItems(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return items
}

func shortcut(sh *Shell, s fyne.Shortcut) {
	sh.Window.Canvas().(fyne.Shortcutable).TypedShortcut(s)
}

func TestReadingAddByTyping(t *testing.T) {
	sh, st, r := openReading(t)
	if !r.empty.Visible() || !strings.Contains(r.empty.Text, "Ctrl+N") {
		t.Errorf("the empty list says %q (visible %v), want how to add", r.empty.Text, r.empty.Visible())
	}
	shortcut(sh, ctrl(fyne.KeyN))
	form := findForm(t, sh.Window.Canvas())
	test.Type(form.Items[0].Widget.(fyne.Focusable), "Exchange Server 2010 Inside Out")
	test.Type(form.Items[1].Widget.(fyne.Focusable), "Tony Redmond")
	test.Type(form.Items[3].Widget.(fyne.Focusable), "Architecture")
	test.Type(form.Items[5].Widget.(fyne.Focusable), "600")
	form.OnSubmit()

	items := storedReading(t, st)
	if len(items) != 1 {
		t.Fatalf("stored %d items, want 1", len(items))
	}
	want := data.ReadingItem{ID: items[0].ID, Title: "Exchange Server 2010 Inside Out", Author: "Tony Redmond", Kind: "book",
		Topic: "Architecture", Size: 600, Unit: "pages", Status: "to read", Priority: 2, AddedOn: mustDay(t, readingToday)}
	if items[0] != want {
		t.Errorf("stored %+v, want %+v", items[0], want)
	}
	if r.list.Length() != 1 || r.empty.Visible() {
		t.Errorf("the list shows %d rows (empty note visible %v), want the new item", r.list.Length(), r.empty.Visible())
	}
	if got := r.paceCell(0, 2); got != "600 p" {
		t.Errorf("whole list left = %q, want 600 p", got)
	}
	if got := r.paceCell(1, 0); got != "Architecture" {
		t.Errorf("first topic row = %q, want Architecture", got)
	}

	t.Run("a bad size is refused at the field and nothing is saved", func(t *testing.T) {
		r.newItem()
		form := findForm(t, sh.Window.Canvas())
		test.Type(form.Items[0].Widget.(fyne.Focusable), "Broken")
		test.Type(form.Items[5].Widget.(fyne.Focusable), "0")
		test.Type(form.Items[7].Widget.(fyne.Focusable), "5")
		form.OnSubmit()
		if n := len(storedReading(t, st)); n != 1 {
			t.Errorf("%d items stored, want the bad one refused", n)
		}
		size := form.Items[5].Widget.(fyne.Validatable)
		if err := size.Validate(); err == nil || !strings.Contains(err.Error(), "at least 1") {
			t.Errorf("size message = %v", err)
		}
	})
}

func TestReadingQuickProgress(t *testing.T) {
	sh, st, r := openReading(t,
		data.ReadingItem{Title: "Inside Out", Size: 420, Priority: 1},
		data.ReadingItem{Title: "Transport video", Kind: "video", Size: 90})
	if !strings.Contains(r.verdict.Text, "No progress") {
		t.Errorf("verdict before reading = %q", r.verdict.Text)
	}
	// Select the first row, type the page, Enter.
	r.list.Select(0)
	if sh.Window.Canvas().Focused() != r.progress {
		t.Fatal("selecting a row does not put the cursor in the progress entry")
	}
	test.Type(r.progress, "210")
	r.progress.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})

	items := storedReading(t, st)
	if items[0].Title != "Inside Out" || items[0].Done != 210 || items[0].Status != data.ReadingReading {
		t.Fatalf("after the update: %+v, want 210 pages and reading", items[0])
	}
	if got := r.paceCell(0, 5); got != "210.0 p (1 d)" {
		t.Errorf("pace = %q, want 210.0 p (1 d): all read today, a window of one day", got)
	}
	if got := r.paceCell(0, 2); got != "210 p + 90 min" {
		t.Errorf("left = %q, want 210 p + 90 min", got)
	}
	if sh.Window.Canvas().Focused() != r.list {
		t.Error("after Enter the focus does not go back to the list")
	}

	t.Run("typing a digit on the list starts the update", func(t *testing.T) {
		r.list.Select(1)
		sh.Window.Canvas().Focus(r.list)
		r.list.TypedRune('4')
		// The next key goes to the field the 4 moved to (test.Type would
		// focus it again, which selects the 4).
		r.progress.TypedRune('5')
		r.progress.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		if got := storedReading(t, st)[1]; got.Title != "Transport video" || got.Done != 45 {
			t.Errorf("after typing 4, 5, Enter: %+v, want 45 minutes", got)
		}
	})
	t.Run("more than the size is refused with a message", func(t *testing.T) {
		r.list.Select(0)
		test.Type(r.progress, "999")
		r.progress.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		if got := storedReading(t, st)[0]; got.Done != 210 {
			t.Errorf("done = %d after a refused update, want 210", got.Done)
		}
		if !r.progressErr.Visible() || !strings.Contains(r.progressErr.Text, "between 0 and 420") {
			t.Errorf("message = %q (visible %v)", r.progressErr.Text, r.progressErr.Visible())
		}
	})
	t.Run("reaching the size marks it done", func(t *testing.T) {
		r.list.Select(0)
		r.progress.SetText("")
		test.Type(r.progress, "420")
		r.progress.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		if got := storedReading(t, st)[0]; got.Status != data.ReadingDone {
			t.Errorf("status = %q, want done", got.Status)
		}
		if got := r.paceCell(0, 1); got != "1 of 2" {
			t.Errorf("done column = %q, want 1 of 2", got)
		}
	})
}

func TestReadingDeleteAndUndo(t *testing.T) {
	sh, st, r := openReading(t, data.ReadingItem{Title: "Keep"}, data.ReadingItem{Title: "Remove me", Priority: 1})
	r.list.Select(0)
	// Selecting puts the cursor in the progress entry; Esc goes back to the list.
	r.progress.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if sh.Window.Canvas().Focused() != r.list {
		t.Fatal("Esc in the progress entry does not go back to the list")
	}
	// Delete deletes at once: no question, Undo instead.
	r.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	if top := sh.Window.Canvas().Overlays().Top(); top != nil {
		t.Fatal("Delete asked a question; it should delete and offer Undo")
	}
	items := storedReading(t, st)
	if len(items) != 1 || items[0].Title != "Keep" {
		t.Fatalf("after delete: %v", items)
	}
	if !r.undos.bar.Visible() || !strings.Contains(r.undos.label.Text, "Remove me") {
		t.Fatalf("no undo offered: %q visible %v", r.undos.label.Text, r.undos.bar.Visible())
	}
	if r.list.Length() != 1 {
		t.Errorf("the list shows %d rows, want 1", r.list.Length())
	}
	r.undos.run()
	if items := storedReading(t, st); len(items) != 2 || items[0].Title != "Remove me" {
		t.Errorf("after undo: %v, want both back", items)
	}
	if r.undos.bar.Visible() || r.list.Length() != 2 {
		t.Errorf("after undo the bar shows %v and the list %d rows", r.undos.bar.Visible(), r.list.Length())
	}
}

func TestReadingFilterAndFind(t *testing.T) {
	sh, _, r := openReading(t,
		data.ReadingItem{Title: "Exchange Inside Out", Topic: "Architecture"},
		data.ReadingItem{Title: "HA whitepaper", Topic: "High availability", Status: "done"},
		data.ReadingItem{Title: "DAG lab", Topic: "High availability", Notes: "exchange lab", Size: 30},
		data.ReadingItem{Title: "Loose item"})
	shortcut(sh, ctrl(fyne.KeyF))
	if sh.Window.Canvas().Focused() != r.findBox {
		t.Fatal("Ctrl+F does not focus the find box")
	}
	test.Type(r.findBox, "EXCHANGE")
	if n := r.list.Length(); n != 2 {
		t.Errorf("find \"EXCHANGE\" shows %d rows, want 2 (title and notes)", n)
	}
	r.findBox.SetText("")
	r.topicFilter.SetSelected("High availability")
	if n := r.list.Length(); n != 2 {
		t.Errorf("topic filter shows %d rows, want 2", n)
	}
	r.statusFilter.SetSelected("done")
	if n := r.list.Length(); n != 1 || r.shown[0].Title != "HA whitepaper" {
		t.Errorf("status and topic filter show %d rows, want the whitepaper", n)
	}
	r.statusFilter.SetSelected(allStatuses)
	r.topicFilter.SetSelected(noTopic)
	if n := r.list.Length(); n != 1 || r.shown[0].Title != "Loose item" {
		t.Errorf("\"(no topic)\" shows %d rows, want the loose item", n)
	}
	r.topicFilter.SetSelected(allTopics)
	// Enter in the find box opens the first match for its progress.
	test.Type(r.findBox, "dag")
	r.findBox.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if it, ok := r.selected(); !ok || it.Title != "DAG lab" || sh.Window.Canvas().Focused() != r.progress {
		t.Errorf("Enter in the find box selected %q (focus on the progress entry: %v)", it.Title, sh.Window.Canvas().Focused() == r.progress)
	}
	r.findBox.SetText("")
	test.Type(r.findBox, "nothing like this")
	if !r.empty.Visible() || !strings.Contains(r.empty.Text, "No item matches") {
		t.Errorf("an empty result says %q", r.empty.Text)
	}
	// Shortcuts still reach the window while the find box has the cursor.
	shortcut(sh, ctrl(fyne.Key1))
	sh.Window.Canvas().Focus(r.findBox)
	r.findBox.TypedShortcut(ctrl(fyne.Key3))
	if got := sh.SelectedTitle(); got != "Reading" {
		t.Errorf("Ctrl+3 typed in the find box shows %q", got)
	}
}

func TestReadingPriorityReorders(t *testing.T) {
	_, st, r := openReading(t, data.ReadingItem{Title: "First", Priority: 1}, data.ReadingItem{Title: "Second", Priority: 2})
	r.list.Select(1)
	r.list.TypedRune('+')
	r.list.TypedRune('+') // already at 1: no change
	items := storedReading(t, st)
	if items[0].Priority != 1 || items[1].Priority != 1 {
		t.Fatalf("priorities %d, %d; want both 1", items[0].Priority, items[1].Priority)
	}
	if it, ok := r.selected(); !ok || it.Title != "Second" {
		t.Errorf("the selection moved to %+v", it)
	}
	r.list.TypedRune('-')
	r.list.TypedRune('-')
	if got := storedReading(t, st); got[0].Title != "First" || got[1].Title != "Second" || got[1].Priority != 3 {
		t.Errorf("after - twice: %v, want Second last at priority 3", got)
	}
}

func TestReadingEditMarksDone(t *testing.T) {
	sh, st, r := openReading(t, data.ReadingItem{Title: "Video", Kind: "video", Size: 90, Done: 30})
	it := storedReading(t, st)[0]
	r.editItem(it)
	form := findForm(t, sh.Window.Canvas())
	form.Items[8].Widget.(*widget.Select).SetSelected(data.ReadingDone)
	form.OnSubmit()
	got := storedReading(t, st)[0]
	if got.Status != data.ReadingDone || got.Done != 90 {
		t.Errorf("after ticking done in the form: %+v, want 90 of 90 minutes, done", got)
	}
	// The 60 minutes that took count in the pace.
	if cell := r.paceCell(0, 5); cell != "60.0 min (1 d)" {
		t.Errorf("pace = %q, want 60.0 min (1 d)", cell)
	}
}

func TestReadingImportPreview(t *testing.T) {
	sh, st, r := openReading(t, data.ReadingItem{Title: "Already here"})
	csv := []byte("title,size,done\nAlready here,,\nNew book,300,20\nBroken,10,50\nVideo notes,,\n")
	p, err := transfer.ImportReading("list.csv", csv, transfer.ReadingAuto, nil, r.today)
	if err != nil {
		t.Fatal(err)
	}
	r.showPreview("list.csv", p, data.ReadingKeys(r.pace.Items))
	markup := test.RenderToMarkup(sh.Window.Canvas())
	for _, want := range []string{"2 items to add, 1 line refused, 1 already on the list", "To add (2)", "Refused (1)"} {
		if !strings.Contains(markup, want) {
			t.Errorf("the preview does not say %q", want)
		}
	}
	if n := len(storedReading(t, st)); n != 1 {
		t.Fatalf("the preview stored items (%d) before confirming", n)
	}
	test.Tap(dialogButton(t, sh.Window.Canvas(), "Add 2 items"))
	items := storedReading(t, st)
	if len(items) != 3 {
		t.Fatalf("after import %d items, want 3", len(items))
	}
	if !strings.Contains(test.RenderToMarkup(sh.Window.Canvas()), "Added 2 items") {
		t.Error("no report of what was added")
	}

	// The same file again: nothing to add.
	again, err := transfer.ImportReading("list.csv", csv, transfer.ReadingAuto, nil, r.today)
	if err != nil {
		t.Fatal(err)
	}
	r.showPreview("list.csv", again, data.ReadingKeys(r.pace.Items))
	if !strings.Contains(test.RenderToMarkup(sh.Window.Canvas()), "Nothing to add") {
		t.Error("the second preview does not say there is nothing to add")
	}
	if n := len(storedReading(t, st)); n != 3 {
		t.Errorf("%d items after the second import, want 3", n)
	}
}

func TestReadingPaceSettings(t *testing.T) {
	sh, st, r := openReading(t, data.ReadingItem{Title: "Book", Size: 420})
	if !strings.Contains(r.verdict.Text, "2027-01-04") || !strings.Contains(r.verdict.Text, "7 days before") {
		t.Errorf("verdict %q, want the default deadline 2027-01-04", r.verdict.Text)
	}
	r.paceSettings()
	form := findForm(t, sh.Window.Canvas())
	days := form.Items[0].Widget.(*widgets.Entry)
	days.SetText("")
	test.Type(days, "-3")
	form.OnSubmit()
	if n, _ := st.ReadingLeadDays(context.Background()); n != data.DefaultReadingLeadDays {
		t.Errorf("a refused value was saved: %d", n)
	}
	days.SetText("")
	test.Type(days, "14")
	form.OnSubmit()
	if n, _ := st.ReadingLeadDays(context.Background()); n != 14 {
		t.Errorf("lead days = %d, want 14", n)
	}
	if !strings.Contains(r.verdict.Text, "2026-12-28") {
		t.Errorf("verdict %q, want the new deadline 2026-12-28", r.verdict.Text)
	}
	// 420 pages over the 35 days to 2026-12-28.
	if got := r.paceCell(0, 4); got != "12.0 p" {
		t.Errorf("needed a day = %q, want 12.0 p", got)
	}
}

func TestReadingCard(t *testing.T) {
	sh, st, _ := openReading(t, data.ReadingItem{Title: "Book", Size: 420})
	it := storedReading(t, st)[0]
	// 10 pages a day over the last week leaves 350 pages, 35 days: 2026-12-28.
	for i := range 7 {
		day := mustDay(t, readingToday).AddDays(-6 + i)
		if _, err := st.SetReadingProgress(context.Background(), it.ID, 10*(i+1), day); err != nil {
			t.Fatal(err)
		}
	}
	sh.Select(0)
	d := sh.screens[0].(*dashboardScreen)
	if card := cardText(t, d, "Reading"); !strings.Contains(card, "On track: at this pace you finish on 2026-12-28") || !strings.Contains(card, "read, on track") {
		t.Errorf("dashboard does not show the reading verdict:\n%s", card)
	}
	if err := st.SetReadingLeadDays(context.Background(), 17); err != nil {
		t.Fatal(err)
	}
	d.refresh()
	if card := cardText(t, d, "Reading"); !strings.Contains(card, "Behind by 3 days") || !strings.Contains(card, "read, behind by 3 days") {
		t.Errorf("with the deadline on 2026-12-25 the card does not say behind by 3 days")
	}
}

func TestReadingProgressLoggedOnTheDayItIsMade(t *testing.T) {
	sh, st, r := openReading(t, data.ReadingItem{Title: "Book", Size: 100})
	r.list.Select(0)
	// The window stays open past midnight without a refresh.
	sh.Now = func() time.Time { return fixedNow.Add(24 * time.Hour) }
	test.Type(r.progress, "30")
	r.progress.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	log, err := st.ReadingProgress(context.Background(), mustDay(t, readingToday))
	if err != nil {
		t.Fatal(err)
	}
	if len(log) != 1 || log[0].Date.String() != "2026-11-24" || log[0].Units != 30 {
		t.Errorf("log = %v, want 30 pages on 2026-11-24", log)
	}
}

// The quick changes on the detail (progress, status, priority) are edits
// like the form's: each offers the Undo bar, and Ctrl+Z puts the item back
// with its progress log evened out.
func TestReadingQuickChangesCtrlZ(t *testing.T) {
	sh, st, r := openReading(t, data.ReadingItem{Title: "Inside Out", Size: 420, Priority: 2})
	c := sh.Window.Canvas()
	ctrlZ := func() {
		c.Unfocus()
		c.(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutUndo{})
	}
	before := storedReading(t, st)[0]
	r.list.Select(0)
	test.Type(r.progress, "210")
	r.progress.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := storedReading(t, st)[0]; got.Done != 210 || !strings.Contains(r.undos.label.Text, "Updated the progress of “Inside Out”") {
		t.Fatalf("after the update: done %d, bar %q", got.Done, r.undos.label.Text)
	}
	ctrlZ()
	if got := storedReading(t, st)[0]; got.Done != before.Done || got.Status != before.Status {
		t.Errorf("after Ctrl+Z: %+v, want %+v", got, before)
	}
	log, err := st.ReadingProgress(context.Background(), mustDay(t, "2000-01-01"))
	if err != nil {
		t.Fatal(err)
	}
	read := 0
	for _, e := range log {
		read += e.Units
	}
	if read != 0 {
		t.Errorf("the progress log still counts %d pages read after the undo: %+v", read, log)
	}

	r.list.Select(0)
	r.changeStatus(data.ReadingDone)
	ctrlZ()
	if got := storedReading(t, st)[0]; got.Status != before.Status || got.Done != before.Done {
		t.Errorf("after undoing done: %+v, want %+v", got, before)
	}
	r.list.Select(0)
	r.movePriority(-1)
	ctrlZ()
	if got := storedReading(t, st)[0]; got.Priority != before.Priority {
		t.Errorf("after undoing the move: priority %d, want %d", got.Priority, before.Priority)
	}
}
