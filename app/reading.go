package app

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	neturl "net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/masterplan-app/masterplan/app/widgets"
	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/store"
	"github.com/masterplan-app/masterplan/data/summary"
	"github.com/masterplan-app/masterplan/data/transfer"
)

// Labels of the filters' "everything" choices.
const (
	allStatuses = "All statuses"
	allTopics   = "All topics"
	noTopic     = "(no topic)"
)

// readingScreen is the reading list: the items in priority order with a
// filter and a find box, the selected item's details with a quick progress
// entry, and the pace of the whole list and of each topic.
type readingScreen struct {
	shell  *Shell
	today  data.Date      // the day the screen was last refreshed, in loc
	loc    *time.Location // the user's time zone
	pace   summary.ReadingPace
	loads  loader[readingData]
	shown  []data.ReadingItem // the items that pass the filter, in list order
	filter data.ReadingFilter
	sel    int64 // ID of the selected item, 0 for none

	findBox      *widgets.Entry
	statusFilter *widget.Select
	topicFilter  *widget.Select
	order        *widget.Select // data.ReadingOrders
	donePlace    *widget.Select // data.ReadingDonePlaces
	list         *widgets.ActionList
	empty        *widget.Label
	count        *widget.Label
	verdict      *widget.Label
	paceTable    *widget.Table
	undos        *undoer

	detail       *fyne.Container
	detailScroll *container.Scroll // the detail panel, scrolling only when it must
	noSelection  *widget.Label
	detailTitle  *widget.Label
	detailInfo   *widget.Label
	progress     *widgets.Entry
	progressOf   *widget.Label
	progressSave *widget.Button
	progressErr  *widget.Label
	status       *widget.Select
	openLink     *widget.Button
}

func newReadingScreen(s *Shell) *readingScreen {
	r := &readingScreen{shell: s}
	r.findBox = widgets.NewEntry()
	r.findBox.SetPlaceHolder("Find (Ctrl+F)")
	r.findBox.OnChanged = func(text string) { r.filter.Text = text; r.applyFilter() }
	// Enter in the find box opens the first match, ready for its progress.
	r.findBox.OnSubmitted = func(string) { r.openRow(0) }
	// The filters get their callbacks once they show "all", so that
	// choosing the first option does not filter a list not built yet.
	r.statusFilter = widget.NewSelect(append([]string{allStatuses}, data.ReadingStatuses()...), nil)
	r.statusFilter.SetSelectedIndex(0)
	r.statusFilter.OnChanged = func(v string) {
		r.filter.Status = ""
		if v != allStatuses {
			r.filter.Status = v
		}
		r.applyFilter()
	}
	r.topicFilter = widget.NewSelect([]string{allTopics}, nil)
	r.topicFilter.SetSelectedIndex(0)
	r.topicFilter.OnChanged = func(v string) {
		r.filter.Topic = ""
		if v != allTopics && v != noTopic {
			r.filter.Topic = v
		}
		r.applyFilter()
	}

	r.newOrderChoices()

	r.list = widgets.NewActionList(func() int { return len(r.shown) }, newReadingRow, func(id widget.ListItemID, o fyne.CanvasObject) {
		if id < len(r.shown) {
			updateReadingRow(o, r.shown[id], r.today)
		}
	})
	r.list.OnSelected = func(id widget.ListItemID) { r.openRow(id) }
	r.list.OnDelete = r.deleteSelected
	r.list.OnRune = r.listRune
	r.empty = widget.NewLabel("")
	r.empty.Wrapping = fyne.TextWrapWord
	r.count = widget.NewLabel("")
	r.verdict = widget.NewLabel("")
	r.verdict.Wrapping = fyne.TextWrapWord
	r.verdict.TextStyle.Bold = true
	r.paceTable = r.newPaceTable()

	r.undos = newUndoer(s, r.refresh)
	// Undo puts the cursor back on the list, where the item returned.
	r.undos.after = func() { r.shell.Window.Canvas().Focus(r.list) }

	r.noSelection = widget.NewLabel("Select an item to see it and update its progress: click it, move to it with the arrow keys and press Enter, or find it with Ctrl+F and press Enter. Then type the page you are on and press Enter (Esc goes back to the list). On the list, + and - change the priority and Delete deletes.")
	r.noSelection.Wrapping = fyne.TextWrapWord
	r.detailTitle = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	r.detailTitle.Wrapping = fyne.TextWrapWord
	r.detailInfo = widget.NewLabel("")
	r.detailInfo.Wrapping = fyne.TextWrapWord
	r.progress = widgets.NewEntry()
	r.progress.Validator = r.validateProgress
	r.progress.OnSubmitted = func(string) { r.saveProgress() }
	r.progress.SetOnEscape(func() {
		r.progress.SetText("")
		r.shell.Window.Canvas().Focus(r.list)
	})
	r.progressErr = messageLine()
	r.progressErr.Hide()
	r.progress.SetOnValidationChanged(r.showProgressError)
	r.progressOf = widget.NewLabel("")
	r.progressSave = widget.NewButtonWithIcon("Save (Enter)", theme.DocumentSaveIcon(), r.saveProgress)
	r.status = widget.NewSelect(data.ReadingStatuses(), nil)
	r.openLink = widget.NewButtonWithIcon("Open link", theme.ComputerIcon(), r.openSelectedLink)
	r.detail = r.newDetail()
	// Only a deletion made in this session can be undone: drop older ones.
	if err := s.Store.PurgeDeletedReading(s.ctx()); err != nil {
		s.showError(err)
	}

	return r
}

// newOrderChoices makes the list's sort and done-items choices, as the
// user last left them on this database.
func (r *readingScreen) newOrderChoices() {
	r.order = r.keptChoice(data.ReadingOrders(), data.ReadingByPriority, stateReadingSort)
	r.donePlace = r.keptChoice(data.ReadingDonePlaces(), data.DoneInPlace, stateReadingDone)
}

// keptChoice is a choice of options set to what the database keeps under
// key (def when nothing valid is kept), keeping each change and
// reordering the list.
func (r *readingScreen) keptChoice(options []string, def, key string) *widget.Select {
	sel := widget.NewSelect(options, nil)
	sel.SetSelected(def)
	if v, ok := r.shell.kept(key); ok && slices.Contains(options, v) {
		sel.SetSelected(v)
	}
	sel.OnChanged = func(v string) {
		r.shell.keep(key, v)
		r.applyFilter()
	}
	return sel
}

// openRow selects row id (when it is not already) and puts the cursor in
// its progress entry.
func (r *readingScreen) openRow(id widget.ListItemID) {
	if id < 0 || id >= len(r.shown) {
		return
	}
	if r.sel != r.shown[id].ID {
		r.sel = r.shown[id].ID
		onSelected := r.list.OnSelected
		r.list.OnSelected = nil
		r.list.Select(id)
		r.list.OnSelected = onSelected
		r.showDetail()
	}
	if !r.progress.Disabled() {
		r.shell.Window.Canvas().Focus(r.progress)
	}
}

// listRune handles a character typed on the list: a digit starts the
// progress update of the selected item with that digit, + and - move its
// priority up and down (which reorders the list).
func (r *readingScreen) listRune(c rune) {
	switch {
	case c == '+':
		r.movePriority(-1)
	case c == '-':
		r.movePriority(+1)
	case c >= '0' && c <= '9' && r.sel != 0 && !r.progress.Disabled():
		// Focus first: a focused field selects its text, and the digit
		// must stay to be typed after.
		r.shell.Window.Canvas().Focus(r.progress)
		r.progress.SetText(string(c))
		r.progress.CursorColumn = len(r.progress.Text)
		r.progress.Refresh()
	}
}

// day is today in the user's zone, read when a change is made: the window
// may have stayed open past midnight since the last refresh, and progress
// must be logged on the day it was made.
func (r *readingScreen) day() data.Date {
	if r.loc == nil {
		return r.today
	}
	return data.DateOf(r.shell.Now(), r.loc)
}

var _ finder = (*readingScreen)(nil)

// find puts the cursor in the find box: Ctrl+F, which the finder dispatch
// (study.go) sends to the visible screen.
func (r *readingScreen) find() { r.shell.Window.Canvas().Focus(r.findBox) }

func newReadingRow() fyne.CanvasObject {
	prio := widget.NewLabelWithStyle("P2", fyne.TextAlignCenter, fyne.TextStyle{Monospace: true})
	// Wrapped, not cut with "…": the list's rows follow its width (rowsFollowWidth).
	title := wrapRowLabel(widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	sub := wrapRowLabel(widget.NewLabel(""))
	// The bar carries no text (the numbers sit beside it) and is empty at 0 %.
	bar := widgets.NewMeter()
	amount := widget.NewLabel("")
	amount.Alignment = fyne.TextAlignTrailing
	return container.NewBorder(nil, nil, prio,
		container.New(&tightVBox{}, amount, container.NewCenter(container.NewGridWrap(fyne.NewSize(140, 8), bar))),
		container.New(&tightVBox{}, title, sub))
}

// tightVBox stacks a row's two lines of text without the theme's padding
// between them, so that each list row stays compact.
type tightVBox struct{}

func (tightVBox) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		m := o.MinSize()
		s.Width = max(s.Width, m.Width)
		s.Height += m.Height - theme.Padding()
	}
	return s
}

func (tightVBox) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for _, o := range objs {
		h := o.MinSize().Height - theme.Padding()
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h+theme.Padding()))
		y += h
	}
}

func updateReadingRow(o fyne.CanvasObject, it data.ReadingItem, today data.Date) {
	row := o.(*fyne.Container)
	lines := row.Objects[0].(*fyne.Container)
	lines.Objects[0].(*widget.Label).SetText(it.Title)
	lines.Objects[1].(*widget.Label).SetText(readingSubline(it, today))
	row.Objects[1].(*widget.Label).SetText("P" + strconv.Itoa(it.Priority))
	right := row.Objects[2].(*fyne.Container)
	right.Objects[0].(*widget.Label).SetText(progressText(it))
	bar := right.Objects[1].(*fyne.Container).Objects[0].(*fyne.Container).Objects[0].(*widgets.Meter)
	f, _ := it.Fraction()
	bar.SetValue(f)
}

// readingSubline is the second line of a row: who, what, which topic and
// where it stands, with an overdue item said in words, not only by colour.
func readingSubline(it data.ReadingItem, today data.Date) string {
	parts := []string{it.Status}
	if it.Author != "" {
		parts = append(parts, it.Author)
	}
	parts = append(parts, it.Kind)
	if it.Topic != "" {
		parts = append(parts, it.Topic)
	}
	switch {
	case it.Overdue(today):
		parts = append(parts, "OVERDUE since "+it.Due.String())
	case !it.Due.IsZero() && it.Status != data.ReadingDone && it.Status != data.ReadingDropped:
		parts = append(parts, "due "+it.Due.String())
	}
	return strings.Join(parts, " · ")
}

// progressText is "120 / 300 pages", "40 %" or "done".
func progressText(it data.ReadingItem) string {
	switch {
	case it.Size <= 0 && it.Status == data.ReadingDone:
		return "done"
	case it.Size <= 0:
		return "size unknown"
	case it.Unit == data.ReadingPercent:
		return fmt.Sprintf("%d %%", it.Done)
	default:
		return fmt.Sprintf("%d / %d %s", it.Done, it.Size, it.Unit)
	}
}

func (r *readingScreen) newDetail() *fyne.Container {
	r.status.OnChanged = r.changeStatus
	raise := widget.NewButtonWithIcon("Raise priority (+)", theme.MoveUpIcon(), func() { r.movePriority(-1) })
	lower := widget.NewButtonWithIcon("Lower priority (-)", theme.MoveDownIcon(), func() { r.movePriority(+1) })
	edit := widget.NewButtonWithIcon("Edit…", theme.DocumentCreateIcon(), func() {
		if it, ok := r.selected(); ok {
			r.editItem(it)
		}
	})
	del := widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), r.deleteSelected)
	del.Importance = widget.DangerImportance
	return container.NewVBox(
		r.detailTitle, r.detailInfo,
		r.progressOf,
		container.NewBorder(nil, nil, nil, r.progressSave, r.progress),
		r.progressErr,
		container.NewBorder(nil, nil, widget.NewLabel("Status"), nil, r.status),
		container.NewGridWithColumns(2, raise, lower, edit, r.openLink),
		container.NewHBox(layoutSpacer(), del),
	)
}

func (r *readingScreen) newPaceTable() *widget.Table {
	headers := paceHeaders()
	t := widget.NewTableWithHeaders(
		func() (int, int) { return 1 + len(r.pace.Topics), len(headers) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(r.paceCell(id.Row, id.Col))
		})
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(headers) {
			o.(*widget.Label).SetText(headers[id.Col])
		}
	}
	return t
}

// fitPaceColumns makes each column of the pace table as wide as its
// widest cell, so that "130.0 p + 55.0 min" is never cut to "130.0 p +
// 55...."; the table scrolls sideways when they do not all fit.
func (r *readingScreen) fitPaceColumns() {
	pad := 2*theme.InnerPadding() + 2
	size := theme.TextSize()
	for col, head := range paceHeaders() {
		w := fyne.MeasureText(head, size, fyne.TextStyle{Bold: true}).Width
		for row := 0; row <= len(r.pace.Topics); row++ {
			w = max(w, fyne.MeasureText(r.paceCell(row, col), size, fyne.TextStyle{}).Width)
		}
		r.paceTable.SetColumnWidth(col, w+pad)
	}
}

// paceHeaders are the pace table's column titles.
func paceHeaders() []string {
	return []string{"Topic", "Done", "Left", "Days", "Needed a day", "Pace a day", "Finish by", "Pace"}
}

// paceCell is one cell of the pace table: row 0 is the whole list, then
// one row per topic.
func (r *readingScreen) paceCell(row, col int) string {
	name, rep := "Whole list", r.pace.Report
	if row > 0 {
		if row-1 >= len(r.pace.Topics) {
			return ""
		}
		tp := r.pace.Topics[row-1]
		name, rep = tp.Topic, tp.Report
		if name == "" {
			name = noTopic
		}
	}
	switch col {
	case 0:
		return name
	case 1:
		return fmt.Sprintf("%d of %d", rep.DoneItems, rep.Items)
	case 2:
		return unitsText(rep.Units, func(u data.UnitPace) (float64, bool) { return float64(u.Left), u.Left > 0 }, "%.0f", "nothing")
	case 3:
		if rep.Deadline.IsZero() {
			return "no deadline"
		}
		return strconv.Itoa(max(0, rep.DaysLeft))
	case 4:
		if rep.Deadline.IsZero() {
			return "—"
		}
		return unitsText(rep.Units, func(u data.UnitPace) (float64, bool) { return u.PerDayNeeded, u.Left > 0 }, "%.1f", "—")
	case 5:
		if rep.WindowDays == 0 {
			return "none"
		}
		return unitsText(rep.Units, func(u data.UnitPace) (float64, bool) { return u.ActualPerDay, u.ActualPerDay > 0 }, "%.1f", "none") +
			fmt.Sprintf(" (%d d)", rep.WindowDays)
	case 6:
		switch {
		case rep.Items == 0 || rep.Finished:
			return "—"
		case rep.TooEarly:
			return "too early"
		case rep.ProjectedFinish.IsZero():
			return "—"
		case rep.FinishEarliest != rep.FinishLatest:
			return fmt.Sprintf("%s (%s to %s)", rep.ProjectedFinish, rep.FinishEarliest, rep.FinishLatest)
		}
		return rep.ProjectedFinish.String()
	case 7:
		return paceState(rep)
	}
	return ""
}

// unitsText joins one number per unit: "340 pages + 90 minutes".
func unitsText(units []data.UnitPace, value func(data.UnitPace) (float64, bool), format, none string) string {
	var parts []string
	for _, u := range units {
		if v, ok := value(u); ok {
			parts = append(parts, fmt.Sprintf(format, v)+" "+unitAbbrev(u.Unit))
		}
	}
	if len(parts) == 0 {
		return none
	}
	return strings.Join(parts, " + ")
}

// unitAbbrev keeps the table's columns narrow: "p", "min", "%".
func unitAbbrev(unit string) string {
	switch unit {
	case data.ReadingPages:
		return "p"
	case data.ReadingMinutes:
		return "min"
	case data.ReadingPercent:
		return "%"
	}
	return unit
}

// paceState is the short form of the pace verdict for a table cell.
func paceState(r data.PaceReport) string {
	switch {
	case r.Items == 0:
		return "—"
	case r.Finished:
		return "all read"
	case r.TooEarly:
		return "too early to tell"
	case r.Deadline.IsZero():
		return "no deadline"
	case r.ProjectedFinish.IsZero():
		return "no progress"
	case r.OnTrack:
		return "on track"
	case r.BehindDays == 1:
		return "behind by 1 day"
	default:
		return "behind by " + data.Count(r.BehindDays, "day", "days")
	}
}

func (r *readingScreen) view() fyne.CanvasObject {
	add := widget.NewButtonWithIcon("Add (Ctrl+N)", theme.ContentAddIcon(), r.newItem)
	add.Importance = widget.HighImportance
	imp := widget.NewButtonWithIcon("Import…", theme.DownloadIcon(), r.importFile)
	exp := widget.NewButtonWithIcon("Export…", theme.UploadIcon(), r.exportFile)
	settings := widget.NewButtonWithIcon("Pace settings…", theme.SettingsIcon(), r.paceSettings)
	actions := container.NewVBox(container.NewHBox(add, imp, exp, settings), r.undos.bar)
	paceBox := container.NewBorder(r.verdict, nil, nil, nil, r.paceTable)
	filters := container.NewBorder(nil, nil, nil, container.NewHBox(r.statusFilter, r.topicFilter), r.findBox)
	sortBy := container.NewHBox(widget.NewLabel("Sort by"), r.order, r.donePlace)
	listBox := container.NewBorder(container.NewVBox(filters, container.NewBorder(nil, nil, r.count, sortBy), r.empty), nil, nil, nil, rowsOfFollowWidth(r.list, &r.list.List))
	r.detailScroll = container.NewVScroll(container.NewPadded(container.NewStack(r.noSelection, r.detail)))
	// The details take the whole height beside the pace and the list: at
	// 700 pixels high, under the pace table, their Delete button was cut.
	left := container.NewVSplit(paceBox, listBox)
	left.Offset = 0.46 // the verdict and four rows of the table at 700 pixels high
	main := container.NewHSplit(left, r.detailScroll)
	main.Offset = 0.66
	return container.NewBorder(actions, nil, nil, nil, main)
}

// readingData is what the reading screen shows, read off the UI goroutine.
type readingData struct {
	loc   *time.Location
	today data.Date
	pace  summary.ReadingPace
}

// refresh reads the list and its pace off the UI goroutine (see loader).
func (r *readingScreen) refresh() {
	st, now := r.shell.Store, r.shell.Now()
	r.loads.load(r.shell, func(ctx context.Context) (readingData, error) {
		set, err := st.Settings(ctx)
		if err != nil {
			return readingData{}, err
		}
		d := readingData{loc: set.Location(), today: data.DateOf(now, set.Location())}
		rot, err := st.Rotation(ctx)
		if err != nil && !errors.Is(err, data.ErrNotFound) {
			return readingData{}, err
		}
		d.pace, err = summary.LoadReadingPace(ctx, st, rot, d.today)
		return d, err
	}, r.show)
}

// show puts the data read by refresh on the widgets.
func (r *readingScreen) show(d readingData) {
	r.loc, r.today, r.pace = d.loc, d.today, d.pace
	p := d.pace
	head := ""
	if p.Report.WindowDays > 0 {
		head = "Pace: " + p.Report.PaceText() + ". "
	}
	r.verdict.SetText(head + p.Report.Verdict() + deadlineNote(p))
	r.updateTopics()
	r.fitPaceColumns()
	r.paceTable.Refresh()
	r.applyFilter()
}

// deadlineNote says where the deadline comes from, so the user knows what
// "Pace settings" changes.
func deadlineNote(p summary.ReadingPace) string {
	if p.Deadline.IsZero() {
		return ""
	}
	return fmt.Sprintf(" — reading deadline %s, %s before the first block", p.Deadline, data.Count(p.LeadDays, "day", "days"))
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// updateTopics offers the topics now on the list in the topic filter,
// keeping the chosen one while it still exists.
func (r *readingScreen) updateTopics() {
	opts := []string{allTopics}
	hasNone := false
	for _, tp := range r.pace.Topics {
		if tp.Topic == "" {
			hasNone = true
			continue
		}
		opts = append(opts, tp.Topic)
	}
	if hasNone {
		opts = append(opts, noTopic)
	}
	cur := r.topicFilter.Selected
	r.topicFilter.Options = opts
	for _, o := range opts {
		if o == cur {
			r.topicFilter.Refresh()
			return
		}
	}
	r.topicFilter.SetSelectedIndex(0)
}

// applyFilter recomputes the rows shown and keeps the selection on the
// same item when it is still shown.
func (r *readingScreen) applyFilter() {
	items := data.FilterReading(data.OrderReading(r.pace.Items, r.order.Selected, r.donePlace.Selected), r.filter)
	if r.topicFilter.Selected == noTopic {
		var untopical []data.ReadingItem
		for _, it := range items {
			if strings.TrimSpace(it.Topic) == "" {
				untopical = append(untopical, it)
			}
		}
		items = untopical
	}
	r.shown = items
	r.list.UnselectAll()
	r.list.Refresh()
	switch {
	case len(r.pace.Items) == 0:
		r.empty.SetText("The reading list is empty. Add a book, whitepaper or video with Ctrl+N, or import a list (CSV, a Goodreads export, or a text file with one title or URL per line).")
		r.empty.Show()
	case len(items) == 0:
		msg := "No item matches the filter. Clear the find box or choose \"All statuses\" and \"All topics\"."
		if r.donePlace.Selected == data.DoneHidden {
			msg += " Done items are hidden: choose \"" + data.DoneLast + "\" to see them."
		}
		r.empty.SetText(msg)
		r.empty.Show()
	default:
		r.empty.Hide()
	}
	r.count.SetText(fmt.Sprintf("%d of %d %s shown", len(items), len(r.pace.Items), plural(len(r.pace.Items), "item", "items")))
	sel := -1
	for i, it := range items {
		if it.ID == r.sel {
			sel = i
		}
	}
	if sel < 0 {
		r.sel = 0
		r.showDetail()
		return
	}
	// Select without moving the focus: the user may be typing in the find box.
	onSelected := r.list.OnSelected
	r.list.OnSelected = nil
	r.list.Select(sel)
	r.list.OnSelected = onSelected
	r.showDetail()
}

func (r *readingScreen) selected() (data.ReadingItem, bool) {
	for _, it := range r.pace.Items {
		if it.ID == r.sel && r.sel != 0 {
			return it, true
		}
	}
	return data.ReadingItem{}, false
}

// showDetail fills the detail panel with the selected item.
func (r *readingScreen) showDetail() {
	it, ok := r.selected()
	if !ok {
		r.detail.Hide()
		r.noSelection.Show()
		return
	}
	r.noSelection.Hide()
	r.detail.Show()
	r.detailTitle.SetText(it.Title)
	r.detailInfo.SetText(readingInfo(it, r.today))
	r.progress.SetText("")
	r.progress.SetValidationError(nil)
	r.showProgressError(nil)
	switch {
	case it.Size <= 0:
		r.progress.SetPlaceHolder("")
		r.progressOf.SetText("Progress: enter the size with Edit… first")
		r.progress.Disable()
		r.progressSave.Disable()
	case it.Unit == data.ReadingPercent:
		r.progress.SetPlaceHolder(fmt.Sprintf("now %d", it.Done))
		r.progressOf.SetText("Percent read, 0 to 100:")
	case it.Unit == data.ReadingMinutes:
		r.progress.SetPlaceHolder(fmt.Sprintf("now %d", it.Done))
		r.progressOf.SetText(fmt.Sprintf("Minute you are at, of %d:", it.Size))
	default:
		r.progress.SetPlaceHolder(fmt.Sprintf("now %d", it.Done))
		r.progressOf.SetText(fmt.Sprintf("Page you are on, of %d:", it.Size))
	}
	if it.Size > 0 {
		r.progress.Enable()
		r.progressSave.Enable()
	}
	onChanged := r.status.OnChanged
	r.status.OnChanged = nil
	r.status.SetSelected(it.Status)
	r.status.OnChanged = onChanged
	if it.URL == "" {
		r.openLink.Disable()
	} else {
		r.openLink.Enable()
	}
}

func readingInfo(it data.ReadingItem, today data.Date) string {
	lines := []string{}
	if it.Author != "" {
		lines = append(lines, "By "+it.Author)
	}
	kind := capitalise(it.Kind)
	if it.Topic != "" {
		kind += " on " + it.Topic
	}
	lines = append(lines, fmt.Sprintf("%s, priority %d, %s", kind, it.Priority, it.Status))
	if f, ok := it.Fraction(); ok {
		lines = append(lines, fmt.Sprintf("%s read (%s)", strconv.FormatFloat(f*100, 'f', 0, 64)+" %", progressText(it)))
	} else {
		lines = append(lines, "Size not known yet: it does not count in the pace")
	}
	switch {
	case it.Overdue(today):
		lines = append(lines, fmt.Sprintf("OVERDUE: due %s", it.Due))
	case !it.Due.IsZero():
		lines = append(lines, "Due "+it.Due.String())
	}
	if it.URL != "" {
		lines = append(lines, it.URL)
	}
	lines = append(lines, "On the list since "+it.AddedOn.String())
	if it.Notes != "" {
		lines = append(lines, "", it.Notes)
	}
	return strings.Join(lines, "\n")
}

// validateProgress checks the quick progress entry as the user types.
func (r *readingScreen) validateProgress(s string) error {
	if s == "" {
		return nil
	}
	it, ok := r.selected()
	if !ok {
		return nil
	}
	n, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%")))
	if err != nil {
		return data.Invalid("done", "%q is not a whole number", s)
	}
	_, err = it.SetProgress(n, r.today)
	return err
}

// showProgressError puts the progress entry's message under it: outside a
// form an entry only shows an icon.
func (r *readingScreen) showProgressError(err error) {
	if err == nil {
		r.progressErr.Hide()
		return
	}
	r.progressErr.SetText(capitalise(err.Error()))
	r.progressErr.Show()
}

// saveProgress stores what was typed in the progress entry (Enter).
func (r *readingScreen) saveProgress() {
	it, ok := r.selected()
	text := strings.TrimSpace(r.progress.Text)
	if !ok || text == "" {
		return
	}
	if err := r.validateProgress(text); err != nil {
		r.progress.SetValidationError(err)
		r.showProgressError(err)
		return
	}
	n, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(text, "%")))
	if _, err := r.shell.Store.SetReadingProgress(r.shell.ctx(), it.ID, n, r.day()); err != nil {
		r.progress.SetValidationError(err)
		r.shell.showError(err)
		return
	}
	r.offerBack(it, "Updated the progress of")
	r.refresh()
	// Back to the list, so the next item is an arrow key away.
	r.shell.Window.Canvas().Focus(r.list)
}

func (r *readingScreen) changeStatus(status string) {
	it, ok := r.selected()
	if !ok || status == it.Status {
		return
	}
	if _, err := r.shell.Store.SetReadingStatus(r.shell.ctx(), it.ID, status, r.day()); err != nil {
		r.shell.showError(err)
	} else {
		r.offerBack(it, "Changed the status of")
	}
	r.refresh()
}

// offerBack offers to undo a quick change (progress, status, priority) of
// item before, as the form's edits are undone: the item saved back as it
// was, its progress log evened out.
func (r *readingScreen) offerBack(before data.ReadingItem, what string) {
	r.undos.offer(fmt.Sprintf("%s “%s”.", what, before.Title), func() error {
		r.sel = before.ID
		_, err := r.shell.Store.SaveReadingItem(r.shell.ctx(), before, r.day())
		return err
	})
}

// movePriority moves the selected item one priority up (-1) or down (+1):
// the list is ordered by priority, so this is how it is reordered.
func (r *readingScreen) movePriority(delta int) {
	it, ok := r.selected()
	if !ok {
		return
	}
	p := min(3, max(1, it.Priority+delta))
	if p == it.Priority {
		return
	}
	before := it
	it.Priority = p
	if _, err := r.shell.Store.SaveReadingItem(r.shell.ctx(), it, r.day()); err != nil {
		r.shell.showError(err)
	} else {
		r.offerBack(before, "Moved")
	}
	r.refresh()
}

func (r *readingScreen) openSelectedLink() {
	it, ok := r.selected()
	if !ok || it.URL == "" {
		return
	}
	u, err := neturl.Parse(it.URL)
	if err != nil {
		r.shell.showError(fmt.Errorf("open %s: %w", it.URL, err))
		return
	}
	if err := r.shell.App.OpenURL(u); err != nil {
		r.shell.showError(fmt.Errorf("open %s: %w", it.URL, err))
	}
}

// newItem opens the form for a new item (Ctrl+N).
func (r *readingScreen) newItem() { r.editItem(data.ReadingItem{}) }

func orDefault(v, def string) string {
	if v == "" {
		return def
	}
	return v
}

func orDefaultInt(v, def int) int {
	if v == 0 {
		return def
	}
	return v
}

// topicChoices is the one topic list for the item form's topic field
// (newTopicChoice), the same as the study timer's and practice's.
func (r *readingScreen) topicChoices() []string {
	names, err := r.shell.topicChoices()
	if err != nil {
		r.shell.showError(err)
	}
	return names
}

// deleteSelected deletes the selected item at once; Undo puts it back.
func (r *readingScreen) deleteSelected() {
	if it, ok := r.selected(); ok {
		r.deleteItem(it)
	}
}

// deleteItem takes it off the list, kept by the store until the next
// deletion so that Undo can put it back with its progress.
func (r *readingScreen) deleteItem(it data.ReadingItem) {
	if err := r.shell.Store.DeleteReadingItem(r.shell.ctx(), it.ID); err != nil {
		r.shell.showError(err)
		return
	}
	r.undos.offer(fmt.Sprintf("Deleted “%s”.", it.Title), func() error {
		r.sel = it.ID
		return r.shell.Store.UndeleteReadingItem(r.shell.ctx(), it.ID)
	})
	r.sel = 0
	r.refresh()
	r.shell.Window.Canvas().Focus(r.list)
}

func (r *readingScreen) undoer() *undoer { return r.undos }

// paceSettings edits how many days before the first block the reading
// should be finished.
func (r *readingScreen) paceSettings() {
	days := widgets.NewEntry()
	days.SetText(strconv.Itoa(r.pace.LeadDays))
	days.Validator = func(s string) error {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			return data.Invalid("reading deadline", "%q is not a whole number of days", s)
		}
		return data.CheckReadingLeadDays(n)
	}
	items := []*widget.FormItem{{Text: "Finish reading", Widget: days,
		HintText: fmt.Sprintf("days before the first block (default %d)", data.DefaultReadingLeadDays)}}
	showFormDialog(r.shell.Window, "Reading pace", "Save", items, map[string]fyne.Validatable{"reading deadline": days}, func() error {
		if err := days.Validate(); err != nil {
			return err
		}
		n, _ := strconv.Atoi(strings.TrimSpace(days.Text))
		if err := r.shell.Store.SetReadingLeadDays(r.shell.ctx(), n); err != nil {
			return err
		}
		r.refresh()
		return nil
	})
}

// importFile asks for a reading list file and previews it.
func (r *readingScreen) importFile() {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			r.shell.showError(err)
			return
		}
		if rc == nil {
			return
		}
		defer rc.Close()
		b, err := io.ReadAll(io.LimitReader(rc, transfer.MaxImportBytes+1))
		if err != nil {
			r.shell.showError(fmt.Errorf("read %s: %w", rc.URI().Name(), err))
			return
		}
		r.parseImport(rc.URI().Name(), b)
	}, r.shell.Window)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".csv", ".txt", ".tsv"}))
	d.Resize(fyne.NewSize(820, 560))
	d.Show()
}

// parseImport reads the file off the UI goroutine (a list of 100,000 rows
// takes a moment) with a progress dialog, then shows the preview.
func (r *readingScreen) parseImport(name string, b []byte) {
	bar := widget.NewProgressBarInfinite()
	wait := dialog.NewCustomWithoutButtons("Reading "+name+"…", bar, r.shell.Window)
	wait.Show()
	existing := data.ReadingKeys(r.pace.Items)
	today := r.day()
	go func() {
		// Read without the list, so that the preview tells the lines that
		// are wrong apart from those already on the list.
		p, err := transfer.ImportReading(name, b, transfer.ReadingAuto, nil, today)
		fyne.Do(func() {
			wait.Hide()
			bar.Stop()
			if err != nil {
				r.shell.showError(err)
				return
			}
			r.showPreview(name, p, existing)
		})
	}()
}

// showPreview lists the rows that will be added and the rows refused with
// their reasons, and counts those already on the list (keys in existing);
// confirming adds the new ones in one transaction.
func (r *readingScreen) showPreview(name string, all transfer.Preview[data.ReadingItem], existing map[string]bool) dialog.Dialog {
	p := transfer.Preview[data.ReadingItem]{Format: all.Format, Rejected: all.Rejected, Warnings: all.Warnings}
	already := all.Repeats // editions of one book, lines repeated in the file
	for i, it := range all.Accepted {
		if existing[it.Key()] {
			already++
			continue
		}
		p.Accepted = append(p.Accepted, it)
		p.Lines = append(p.Lines, all.Lines[i])
	}
	accepted := widget.NewList(func() int { return len(p.Accepted) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			it := p.Accepted[id]
			line := fmt.Sprintf("line %d: %s", p.Lines[id], it.Title)
			if it.Author != "" {
				line += " — " + it.Author
			}
			if it.Size > 0 {
				line += fmt.Sprintf(" (%d %s)", it.Size, it.Unit)
			}
			o.(*widget.Label).SetText(line)
		})
	rejected := widget.NewList(func() int { return len(p.Rejected) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(p.Rejected[id].String()) })
	head := fmt.Sprintf("%s (%s): %d %s to add, %d %s refused", name, p.Format,
		len(p.Accepted), plural(len(p.Accepted), "item", "items"), p.RejectedLines(), plural(p.RejectedLines(), "line", "lines"))
	if already > 0 {
		head += fmt.Sprintf(", %d already on the list or repeated in the file, skipped", already)
	}
	head += "."
	for _, w := range p.Warnings {
		head += "\nNote: " + w
	}
	summaryLabel := widget.NewLabel(head)
	summaryLabel.Wrapping = fyne.TextWrapWord
	tabs := container.NewAppTabs(
		container.NewTabItem(fmt.Sprintf("To add (%d)", len(p.Accepted)), accepted),
		container.NewTabItem(fmt.Sprintf("Refused (%d)", len(p.Rejected)), rejected),
	)
	if len(p.Accepted) == 0 && len(p.Rejected) > 0 {
		tabs.SelectIndex(1)
	}
	content := container.NewBorder(summaryLabel, nil, nil, nil, tabs)
	var d dialog.Dialog
	if len(p.Accepted) == 0 {
		summaryLabel.SetText(head + "\nNothing to add: every line is refused or already on the list.")
		d = dialog.NewCustom("Import reading list", "Close", content, r.shell.Window)
	} else {
		d = dialog.NewCustomConfirm("Import reading list", fmt.Sprintf("Add %d %s", len(p.Accepted), plural(len(p.Accepted), "item", "items")), "Cancel", content,
			func(ok bool) {
				if ok {
					r.commitImport(p.Accepted)
				}
			}, r.shell.Window)
	}
	d.Resize(fyne.NewSize(760, 520))
	d.Show()
	return d
}

// backgroundImport is the size from which an import runs off the UI
// goroutine behind a progress dialog; a short list is added at once, which
// spares the user a dialog that only flashes.
const backgroundImport = 2000

// commitImport adds the previewed items in one transaction.
func (r *readingScreen) commitImport(items []data.ReadingItem) {
	today := r.day()
	if len(items) < backgroundImport {
		res, err := r.shell.Store.ImportReadingItems(r.shell.ctx(), items, today)
		r.importDone(res, err)
		return
	}
	bar := widget.NewProgressBarInfinite()
	wait := dialog.NewCustomWithoutButtons(fmt.Sprintf("Adding %d items…", len(items)), bar, r.shell.Window)
	wait.Show()
	go func() {
		res, err := r.shell.Store.ImportReadingItems(r.shell.ctx(), items, today)
		fyne.Do(func() {
			wait.Hide()
			bar.Stop()
			r.importDone(res, err)
		})
	}()
}

func (r *readingScreen) importDone(res store.ReadingImport, err error) {
	if err != nil {
		r.shell.showError(err)
		return
	}
	msg := fmt.Sprintf("Added %d %s to the reading list.", len(res.Added), plural(len(res.Added), "item", "items"))
	if res.Existing > 0 {
		msg += fmt.Sprintf(" %d were already on it and were skipped.", res.Existing)
	}
	r.refresh()
	r.shell.showInfo("Import finished", msg)
}

// exportFile writes the whole list (not only the filtered rows) as CSV.
func (r *readingScreen) exportFile() {
	var buf bytes.Buffer
	if err := transfer.ExportReading(&buf, r.pace.Items); err != nil {
		r.shell.showError(err)
		return
	}
	n := len(r.pace.Items)
	r.shell.saveFile(saveRequest{
		title: "Export the reading list",
		name:  "reading-list.csv",
		busy:  "Exporting…",
		write: func(path string) error {
			return writeFileAtomic(path, func(w io.Writer) error { _, err := w.Write(buf.Bytes()); return err })
		},
		done: func(path string) string {
			return fmt.Sprintf("Wrote %d %s to %s.", n, plural(n, "item", "items"), path)
		},
	})
}
