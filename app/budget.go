package app

import (
	"context"
	"errors"
	"fmt"
	"image"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/shopspring/decimal"

	"github.com/masterplan-app/masterplan/app/widgets"
	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/chart"
	"github.com/masterplan-app/masterplan/data/store"
)

// budgetScreen is the travel budget: the items with planned and actual
// amounts in their own currencies, the exchange rates the user keeps, the
// totals in the home currency, and a "what if" at another location.
type budgetScreen struct {
	shell *Shell

	rot   data.Rotation
	today data.Date
	home  string
	mark  data.DecimalMark
	rates []data.Rate
	table data.RateTable
	// The list is read a page of listPage items at a time as it
	// scrolls; all of them only when Find, the "what if" or a missing
	// rate needs every item.
	count  int // the rotation's items
	pages  *pagedRows[data.BudgetItem]
	all    []data.BudgetItem         // every item, once read
	found  []data.BudgetItem         // the items matching the find text
	homeOf map[int64]decimal.Decimal // each item's forecast in home currency, as shown
	totals data.BudgetTotals         // data.SumBudget, through store.BudgetList
	// lost marks the categories with an amount left out for want of a
	// rate, planned [0] and actual [1], so their cells say so.
	lost map[data.BudgetCategory][2]bool
	// usesOther is whether any amount is in another currency than home.
	usesOther bool
	loads     loader[budgetData]
	// links are the titles of the milestones linked to each item, by ID.
	links map[int64][]string

	heading  *widget.Label
	missing  *widget.Label
	findBox  *widgets.Entry
	list     *widget.List
	empty    *widget.Label
	footer   *widget.Label
	undos    *undoer
	markPick *choiceSelect[data.DecimalMark]
	tabs     *container.AppTabs

	totalsTable *widget.Table
	totalsText  *widget.Label
	chart       *widgets.ChartImage

	rateList  *widget.List
	rateEmpty *widget.Label

	scenario *scenarioForm
	form     *budgetItemForm // the item form while it is open (tests type into it)
}

// markChoices are the decimal mark picker's options, in order.
var markChoices = []data.DecimalMark{0, data.DecimalPoint, data.DecimalComma}

// markLabel names a decimal mark choice with an example.
func markLabel(m data.DecimalMark) string {
	switch m {
	case data.DecimalPoint:
		return "Point: 1,234.56"
	case data.DecimalComma:
		return "Comma: 1.234,56"
	}
	return "Tell from the amount"
}

func newBudgetScreen(s *Shell) *budgetScreen {
	b := &budgetScreen{shell: s, heading: widget.NewLabel(""), missing: widget.NewLabel(""), footer: widget.NewLabel("")}
	b.pages = newPagedRows(func(offset, limit int) ([]data.BudgetItem, error) {
		return s.Store.BudgetItemsPage(s.ctx(), b.rot.ID, offset, limit)
	}, s.showError)
	b.heading.TextStyle.Bold = true
	b.missing.Wrapping = fyne.TextWrapWord
	b.missing.Importance = widget.DangerImportance
	b.footer.TextStyle.Bold = true

	b.findBox = widgets.NewEntry()
	b.findBox.SetPlaceHolder("Find items by category, description, currency or date")
	b.findBox.OnChanged = func(string) { b.applyFind() }

	b.list = widget.NewList(
		b.rowCount,
		func() fyne.CanvasObject {
			top := widget.NewLabel("")
			top.TextStyle.Bold = true
			top.Truncation = fyne.TextTruncateEllipsis
			detail := widget.NewLabel("")
			detail.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, nil,
				container.NewHBox(
					widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), nil),
					widget.NewButtonWithIcon("", theme.ContentCopyIcon(), nil),
					widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)),
				container.NewVBox(top, detail))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			it := b.rowAt(id)
			row := o.(*fyne.Container)
			lines := row.Objects[0].(*fyne.Container)
			lines.Objects[0].(*widget.Label).SetText(itemTitle(it))
			lines.Objects[1].(*widget.Label).SetText(b.itemDetail(it))
			buttons := row.Objects[1].(*fyne.Container)
			buttons.Objects[0].(*widget.Button).OnTapped = func() { b.editItem(it, "Edit budget item") }
			buttons.Objects[1].(*widget.Button).OnTapped = func() { b.editItem(it.Duplicate(), "Duplicate budget item") }
			buttons.Objects[2].(*widget.Button).OnTapped = func() { b.deleteItem(it) }
		})
	// Arrow keys move through the list and Space (or a click) opens the
	// item, whose dialog also offers duplicate and delete: every action is
	// reachable without the mouse.
	b.list.OnSelected = func(id widget.ListItemID) {
		b.list.Unselect(id)
		if id >= 0 && id < b.rowCount() {
			b.editItem(b.rowAt(id), "Edit budget item")
		}
	}
	b.empty = widget.NewLabel("No budget items yet. Press Ctrl+N to add one, or start from the program fee, the hotel for the rotation or the meals per diem above.")
	b.empty.Wrapping = fyne.TextWrapWord

	b.undos = newUndoer(s, b.refresh)

	b.markPick = newChoiceSelect(markChoices, markLabel, -1)
	b.markPick.sel.OnChanged = func(string) { b.setMark() }

	b.totalsTable = widget.NewTableWithHeaders(
		func() (int, int) { return len(b.totals.Rows) + 1, 4 },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		b.updateTotalsCell)
	b.totalsTable.ShowHeaderColumn = false
	b.totalsTable.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		l.TextStyle.Bold = true
		if id.Row < 0 && id.Col >= 0 {
			l.SetText([]string{"Category", "Items", "Planned", "Actual"}[id.Col])
		}
	}
	for col, w := range []float32{160, 70, 125, 125} {
		b.totalsTable.SetColumnWidth(col, w)
	}
	b.totalsText = widget.NewLabel("")
	b.totalsText.Wrapping = fyne.TextWrapWord
	b.chart = widgets.NewChartImage(fyne.NewSize(320, 240))

	b.rateList = newEditList(func() []data.Rate { return b.rates },
		func(id int, r data.Rate) string {
			return fmt.Sprintf("1 %s = %s %s   as of %s", r.Currency, r.ToHome.String(), b.home, r.AsOf)
		},
		b.editRate, b.deleteRate)
	b.rateEmpty = widget.NewLabel("")
	b.rateEmpty.Wrapping = fyne.TextWrapWord
	b.scenario = newScenarioForm(b)
	return b
}

func (b *budgetScreen) view() fyne.CanvasObject {
	add := widget.NewButtonWithIcon("Add item (Ctrl+N)", theme.ContentAddIcon(), b.newItem)
	add.Importance = widget.HighImportance
	fee := widget.NewButtonWithIcon("Program fee", theme.ContentAddIcon(), b.addProgramFee)
	hotel := widget.NewButtonWithIcon("Hotel for the rotation", theme.ContentAddIcon(), func() { b.generate(data.CategoryHotel) })
	meals := widget.NewButtonWithIcon("Meals per diem", theme.ContentAddIcon(), func() { b.generate(data.CategoryMeals) })
	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewHBox(widget.NewLabel("Decimal mark"), fixedWidth(b.markPick.sel, 230)), b.heading),
		container.NewHBox(add, fee, hotel, meals),
		b.missing,
	)
	items := container.NewBorder(container.NewVBox(b.findBox, b.empty), container.NewVBox(b.undos.bar, b.footer), nil, nil, b.list)

	totals := container.NewHSplit(
		container.NewBorder(nil, b.totalsText, nil, nil, b.totalsTable),
		b.chart)
	totals.Offset = 0.6

	addRate := widget.NewButtonWithIcon("Add rate", theme.ContentAddIcon(), func() { b.editRate(data.Rate{}) })
	rates := container.NewBorder(
		container.NewVBox(container.NewHBox(
			widget.NewLabelWithStyle("Exchange rates to the home currency", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
			layoutSpacer(), addRate), b.rateEmpty),
		nil, nil, nil, b.rateList)

	b.tabs = container.NewAppTabs(
		container.NewTabItem("Items", items),
		container.NewTabItem("Totals", totals),
		container.NewTabItem("Exchange rates", rates),
		container.NewTabItem("What if", b.scenario.view()),
	)
	return container.NewBorder(top, nil, nil, nil, b.tabs)
}

// refresh reads the totals, the rates and what the list needs to show its
// rows off the UI goroutine (see loader); the rows after the first page
// are read as they come into view.
func (b *budgetScreen) refresh() {
	st, now, finding := b.shell.Store, b.shell.Now(), b.finding()
	b.loads.load(b.shell, func(ctx context.Context) (budgetData, error) { return readBudget(ctx, st, now, finding) }, b.show)
}

// show puts the data read by refresh on the widgets.
func (b *budgetScreen) show(d budgetData) {
	b.rot, b.home, b.today, b.mark = d.rot, d.home, d.today, d.mark
	b.links = d.links
	b.totals, b.homeOf, b.rates, b.usesOther = d.totals, d.homeOf, d.rates, d.usesOther
	b.table, b.count, b.lost, b.all = d.table, d.count, d.lost, d.all
	b.pages.restart(d.firstPage)
	b.markPick.setChosen(b.mark)
	b.heading.SetText(fmt.Sprintf("Travel budget in %s, your home currency", b.home))
	b.refreshMissing()
	b.applyFind()
	if b.count == 0 {
		b.empty.Show()
	} else {
		b.empty.Hide()
	}
	b.footer.SetText(b.footerText())
	b.refreshTotals()
	b.refreshRates()
	b.scenario.refresh()
}

// budgetData is what the budget screen shows but the list's rows after
// the first page, read off the UI goroutine.
type budgetData struct {
	rot       data.Rotation
	home      string
	today     data.Date
	mark      data.DecimalMark
	totals    data.BudgetTotals
	homeOf    map[int64]decimal.Decimal
	rates     []data.Rate
	table     data.RateTable
	usesOther bool
	count     int
	firstPage []data.BudgetItem
	lost      map[data.BudgetCategory][2]bool
	all       []data.BudgetItem  // every item when Find or a missing rate needs them, else nil
	links     map[int64][]string // the titles of the milestones linked to each item, by ID
}

// readBudget reads the totals and each row's home amount
// (store.BudgetList), the rates and the list's first page; every item too
// when finding (Find searches them all) or when a rate is missing.
func readBudget(ctx context.Context, st *store.Store, now time.Time, finding bool) (budgetData, error) {
	var d budgetData
	rot, err := st.Rotation(ctx)
	if err != nil {
		return d, err
	}
	set, err := st.Settings(ctx)
	if err != nil {
		return d, err
	}
	d.rot, d.home, d.today = rot, set.HomeCurrency, data.DateOf(now, set.Location())
	if d.totals, d.homeOf, err = st.BudgetList(ctx, rot.ID, d.home); err != nil {
		return d, err
	}
	if d.rates, err = st.Rates(ctx, d.home); err != nil {
		return d, err
	}
	if d.usesOther, err = st.BudgetUsesOtherCurrency(ctx, rot.ID, d.home); err != nil {
		return d, err
	}
	if d.mark, err = st.DecimalMark(ctx); err != nil {
		return d, err
	}
	if d.links, err = st.MilestoneLinks(ctx, rot.ID); err != nil {
		return d, err
	}
	if d.firstPage, err = st.BudgetItemsPage(ctx, rot.ID, 0, listPage); err != nil {
		return d, err
	}
	d.table = data.NewRateTable(d.home, d.rates)
	for _, r := range d.totals.Rows {
		d.count += r.Items
	}
	// Which categories lack a rate is known only from their items; a
	// rate missing is rare and the screen says so until it is added.
	d.lost = map[data.BudgetCategory][2]bool{}
	if finding || len(d.totals.Missing) > 0 {
		if d.all, err = st.BudgetItems(ctx, rot.ID); err != nil {
			return d, err
		}
	}
	if len(d.totals.Missing) > 0 {
		for _, it := range d.all {
			h := data.ConvertItem(it, d.table)
			l := d.lost[it.Category]
			l[0] = l[0] || !h.Planned.OK()
			l[1] = l[1] || (h.HasActual && !h.Actual.OK())
			d.lost[it.Category] = l
		}
	}
	return d, nil
}

// allItems is every item in the list's order, read the first time one of
// Find, the "what if" or a missing rate needs them.
func (b *budgetScreen) allItems() []data.BudgetItem {
	if b.all == nil {
		all, err := b.shell.Store.BudgetItems(b.shell.ctx(), b.rot.ID)
		if err != nil {
			b.shell.showError(err)
			all = []data.BudgetItem{} // said once; the next refresh reads again
		}
		b.all = all
	}
	return b.all
}

// rowCount is the number of rows in the list: every item, or those
// matching Find.
func (b *budgetScreen) rowCount() int {
	if b.finding() {
		return len(b.found)
	}
	return b.count
}

// rowAt is row i of the list, reading its page when it first comes into view.
func (b *budgetScreen) rowAt(i int) data.BudgetItem {
	if b.finding() {
		return b.found[i]
	}
	return b.pages.at(i)
}

func (b *budgetScreen) refreshMissing() {
	if len(b.totals.Missing) == 0 {
		b.missing.Hide()
		return
	}
	b.missing.SetText(fmt.Sprintf("No exchange rate from %s to %s: %d item(s) are left out of the totals, not guessed at 1:1. Add the rate under Exchange rates.",
		strings.Join(b.totals.Missing, ", "), b.home, b.totals.Unconverted))
	b.missing.Show()
}

func (b *budgetScreen) footerText() string {
	if b.count == 0 {
		return ""
	}
	f := b.totals.Forecast.Shown(b.home)
	text := fmt.Sprintf("Forecast %s   (planned %s, spent %s)", b.money(f.Total), b.money(b.totals.PlannedShown()), b.money(b.totals.ActualShown()))
	if len(b.totals.Missing) > 0 {
		text += "   incomplete: no rate for " + strings.Join(b.totals.Missing, ", ")
	}
	return text
}

func (b *budgetScreen) money(d decimal.Decimal) string {
	return data.Money{Amount: d, Currency: b.home}.Format()
}

// itemTitle is an item's first line: when, what and which category.
func itemTitle(it data.BudgetItem) string {
	when := "no date"
	switch {
	case !it.EndDate.IsZero():
		when = fmt.Sprintf("%s to %s", it.Date, it.EndDate)
	case !it.Date.IsZero():
		when = it.Date.String()
	}
	title := fmt.Sprintf("%s   %s", when, it.Category.Label())
	if it.Description != "" {
		title += ": " + it.Description
	}
	if it.Refund {
		title += "   (REFUND)"
	}
	return title
}

// itemDetail is an item's second line: the amounts, who pays and how far
// the claim has got, with the home amount or the missing rate said plainly.
func (b *budgetScreen) itemDetail(it data.BudgetItem) string {
	h := data.ConvertItem(it, b.table)
	parts := []string{"planned " + it.Planned.Format()}
	if it.Actual.IsSet() {
		parts = append(parts, "actual "+it.Actual.Format())
	} else {
		parts = append(parts, "not spent yet")
	}
	if f := h.Forecast(); f.OK() {
		if f.From.Currency != b.home || f.Choice.Rule == data.RateCharged {
			parts = append(parts, "= "+b.money(b.homeOf[it.ID]))
		}
	} else {
		parts = append(parts, "NO RATE for "+f.From.Currency)
	}
	switch {
	case it.PaidBy == data.PaidByMe:
		parts = append(parts, "you pay")
	case it.Fronter() == data.PaidByEmployer && it.PaidBy == data.PaidByEmployer:
		parts = append(parts, "employer pays directly")
	case it.Fronter() == data.PaidByEmployer:
		parts = append(parts, fmt.Sprintf("employer %d%%, paid directly", it.EmployerPercent))
	case it.PaidBy == data.PaidByEmployer:
		parts = append(parts, "paid by you, employer reimburses: "+it.Reimbursement.Label())
	default:
		parts = append(parts, fmt.Sprintf("paid by you, employer %d%%: %s", it.EmployerPercent, it.Reimbursement.Label()))
	}
	if !it.ReimbursementDate.IsZero() {
		parts[len(parts)-1] += " " + it.ReimbursementDate.String()
	}
	if it.GeneratedBy != "" {
		parts = append(parts, "generated")
	}
	if ms := b.links[it.ID]; len(ms) > 0 {
		parts = append(parts, "milestone: "+strings.Join(ms, ", "))
	}
	return strings.Join(parts, "  ·  ")
}

// finding is whether the find box holds words to look for.
func (b *budgetScreen) finding() bool { return strings.TrimSpace(b.findBox.Text) != "" }

// applyFind shows the items whose text contains every word typed; the
// first search reads every item.
func (b *budgetScreen) applyFind() {
	words := strings.Fields(strings.ToLower(b.findBox.Text))
	b.found = b.found[:0]
	if len(words) > 0 {
		for _, it := range b.allItems() {
			hay := strings.ToLower(itemTitle(it) + " " + it.Planned.Format() + " " + it.Actual.Format() + " " + string(it.PaidBy))
			ok := true
			for _, w := range words {
				ok = ok && strings.Contains(hay, w)
			}
			if ok {
				b.found = append(b.found, it)
			}
		}
	}
	b.list.Refresh()
}

func (b *budgetScreen) updateTotalsCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	l.TextStyle.Bold = id.Row == len(b.totals.Rows)
	l.Alignment = fyne.TextAlignTrailing
	if id.Col == 0 {
		l.Alignment = fyne.TextAlignLeading
	}
	var cells [4]string
	if id.Row < len(b.totals.Rows) {
		r := b.totals.Rows[id.Row]
		lost := b.lost[r.Category]
		cells = [4]string{r.Category.Label(), fmt.Sprintf("%d (%d)", r.Items, r.Spent),
			data.FormatAmount(r.PlannedShown, b.home) + incompleteMark(lost[0]), data.FormatAmount(r.ActualShown, b.home) + incompleteMark(lost[1])}
	} else {
		cells = [4]string{"Total " + b.home, strconv.Itoa(b.count),
			data.FormatAmount(b.totals.PlannedShown(), b.home), data.FormatAmount(b.totals.ActualShown(), b.home)}
	}
	l.SetText(cells[id.Col])
}

// incompleteMark flags a total that leaves out an amount without a rate;
// the note under the table explains the star.
func incompleteMark(lost bool) string {
	if lost {
		return " *"
	}
	return ""
}

func (b *budgetScreen) refreshTotals() {
	b.totalsTable.Refresh()
	if b.count == 0 {
		b.totalsText.SetText("Totals appear here once the budget has items.")
		b.chart.Draw = nil
		b.chart.Refresh()
		return
	}
	t := b.totals
	pl, ac, fc := t.Planned.Shown(b.home), t.Actual.Shown(b.home), t.Forecast.Shown(b.home)
	lines := []string{
		"Items: how many, and (in brackets) how many are spent.",
		fmt.Sprintf("Forecast (actual where spent, plan elsewhere): %s", b.money(fc.Total)),
		fmt.Sprintf("Who pays the forecast: you %s, employer %s", b.money(fc.Self), b.money(fc.Employer)),
		fmt.Sprintf("Shares: planned you %s, employer %s;  spent so far you %s, employer %s", b.money(pl.Self), b.money(pl.Employer), b.money(ac.Self), b.money(ac.Employer)),
	}
	// Who paid at the till, apart from who bears it: only what you
	// fronted can be owed back to you (data.SumBudget).
	fr := t.Fronted.Shown(b.home)
	r := t.Reimbursement
	parts := data.Allocate([]decimal.Decimal{r.NotClaimed, r.Claimed}, b.home)
	lines = append(lines,
		fmt.Sprintf("Spent by you %s; paid by the employer directly %s", b.money(fr.Self), b.money(fr.Employer)),
		fmt.Sprintf("Reimbursement outstanding: %s (not claimed %s, claimed %s); reimbursed %s",
			b.money(data.RoundMinor(r.Outstanding(), b.home)), b.money(parts[0]), b.money(parts[1]), b.money(data.RoundMinor(r.Reimbursed, b.home))))
	if perDay, err := data.CostPerDay(t.Forecast.Total, b.rot.TotalDays(), b.home); err == nil {
		lines = append(lines, fmt.Sprintf("Cost per rotation day: %s over %s", b.money(perDay), data.Count(b.rot.TotalDays(), "day", "days")))
	} else {
		lines = append(lines, userError(err).Error())
	}
	if len(t.Missing) > 0 {
		lines = append(lines, fmt.Sprintf("* Incomplete: no rate for %s, so %d item(s) are left out of the totals.", strings.Join(t.Missing, ", "), t.Unconverted))
	}
	b.totalsText.SetText(strings.Join(lines, "\n"))
	b.chart.Draw = func(w, h int, scale float32) (image.Image, error) {
		return chart.BudgetBars(t, chartStyle(b.shell.App, scale), w, h)
	}
	b.chart.Refresh()
}

func (b *budgetScreen) refreshRates() {
	switch {
	case len(b.totals.Missing) > 0:
		b.rateEmpty.SetText(fmt.Sprintf("Missing: %s. Type in the rate (1 unit = how many %s) and the day it was quoted; conversions use the latest rate on or before an item's date, else the earliest after it.",
			strings.Join(b.totals.Missing, ", "), b.home))
		b.rateEmpty.Show()
	case len(b.rates) == 0 && !b.usesOther:
		b.rateEmpty.SetText(fmt.Sprintf("Every item is in %s, so no rate is needed yet. Add a rate when an item is in another currency (or import a CSV with `masterplan import rates`).", b.home))
		b.rateEmpty.Show()
	default:
		b.rateEmpty.Hide()
	}
	b.rateList.Refresh()
}

func (b *budgetScreen) newItem() {
	if b.tabs != nil {
		b.tabs.SelectIndex(0)
	}
	it := data.BudgetItem{Category: data.CategoryOther, PaidBy: data.PaidByMe, Reimbursement: data.NotClaimed,
		Planned: data.Money{Currency: b.home}}
	b.editItem(it, "Add a budget item")
}

func (b *budgetScreen) addProgramFee() {
	due := data.Date{}
	if first, ok := b.rot.FirstBlock(); ok {
		// Fees are usually due well before the rotation; a month ahead is
		// a sensible start the user can move.
		due = first.Start.AddDays(-30)
	}
	b.editItem(data.ProgramFee(due), "Add the program fee")
}

func (b *budgetScreen) setMark() {
	m, ok := b.markPick.chosen()
	if !ok || m == b.mark {
		return
	}
	if err := b.shell.Store.SetDecimalMark(b.shell.ctx(), m); err != nil {
		b.shell.showError(err)
		return
	}
	b.mark = m
}

// deleteItem deletes at once and offers to undo, which is quicker than a
// question and just as safe.
func (b *budgetScreen) deleteItem(it data.BudgetItem) {
	linked, err := b.shell.Store.LinkedMilestones(b.shell.ctx(), it.ID)
	if err != nil {
		b.shell.showError(err)
		return
	}
	gone, err := b.shell.Store.DeleteBudgetItem(b.shell.ctx(), it.ID)
	if err != nil {
		b.shell.showError(err)
		b.shell.changed()
		return
	}
	b.undos.offer(fmt.Sprintf("Deleted %q.", itemTitle(gone)), func() error {
		_, err := b.shell.Store.RestoreBudgetItem(b.shell.ctx(), b.rot.ID, gone, linked)
		return err
	})
	b.shell.changed()
}

func (b *budgetScreen) deleteRate(r data.Rate) {
	gone, err := b.shell.Store.DeleteRate(b.shell.ctx(), b.home, r.ID)
	if err != nil {
		b.shell.showError(err)
		b.shell.changed()
		return
	}
	b.undos.offer(fmt.Sprintf("Deleted the %s rate as of %s.", gone.Currency, gone.AsOf), func() error {
		gone.ID = 0
		_, err := b.shell.Store.SaveRate(b.shell.ctx(), b.home, gone)
		return err
	})
	b.shell.changed()
}

func (b *budgetScreen) undoer() *undoer { return b.undos }

func (b *budgetScreen) editRate(r data.Rate) {
	cur := currencyEntry("currency", false)
	cur.SetText(r.Currency)
	rate := widgets.NewEntry()
	rate.SetPlaceHolder("e.g. 0.7905")
	rate.Validator = func(v string) error { _, err := data.ParseRate("rate", v, b.mark); return err }
	if !r.ToHome.IsZero() {
		rate.SetText(r.ToHome.String())
	}
	asOf := b.shell.dateEntry("as of", false)
	if r.AsOf.IsZero() {
		r.AsOf = b.today
	}
	asOf.SetDate(r.AsOf)
	title := "Edit exchange rate"
	if r.ID == 0 {
		title = "Add an exchange rate"
		if r.Currency == "" && len(b.totals.Missing) > 0 {
			// The rate the budget lacks is the one most likely wanted.
			cur.SetText(b.totals.Missing[0])
		}
	}
	var fd *formDialog
	fd = showFormDialog(b.shell.Window, title, "Save",
		[]*widget.FormItem{
			{Text: "Currency", Widget: cur, HintText: "ISO 4217 code, e.g. USD"},
			{Text: "Rate to " + b.home, Widget: rate, HintText: "how many " + b.home + " one unit is worth"},
			{Text: "As of", Widget: asOf, HintText: "the day the rate was quoted"},
		},
		map[string]fyne.Validatable{"currency": cur, "rate": rate, "as of": asOf},
		func() error {
			if err := validateAll(cur, rate, asOf); err != nil {
				return err
			}
			r.Currency = normCurrency(cur.Text)
			r.ToHome, _ = data.ParseRate("rate", rate.Text, b.mark)
			r.AsOf = asOf.Date()
			if err := r.Validate(b.home); err != nil {
				return err
			}
			reverse, err := b.shell.Store.Rates(b.shell.ctx(), r.Currency)
			if err != nil {
				return err
			}
			if doubt, ok := data.CheckRateDirection(b.home, r, b.rates, reverse); ok {
				fd.next = func() { b.askRateDirection(doubt) }
				return nil
			}
			return b.saveRate(r)
		})
}

// saveRate stores r and refreshes what it converts; an edit offers to
// put the old rate back.
func (b *budgetScreen) saveRate(r data.Rate) error {
	if _, err := b.shell.Store.SaveRate(b.shell.ctx(), b.home, r); err != nil {
		return err
	}
	b.undos.forget()
	for _, old := range b.rates {
		if r.ID != 0 && old.ID == r.ID {
			b.undos.offer(fmt.Sprintf("Edited the %s rate as of %s.", old.Currency, old.AsOf), func() error {
				_, err := b.shell.Store.SaveRate(b.shell.ctx(), b.home, old)
				return err
			})
		}
	}
	b.shell.changed()
	return nil
}

// askRateDirection asks which reading of a doubted rate was meant, with
// both: the other reading is the default (Enter), Esc saves nothing.
func (b *budgetScreen) askRateDirection(doubt data.RateDoubt) {
	text := widget.NewLabel(doubt.Question())
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomWithoutButtons("Is the rate the right way round?", text, b.shell.Window)
	save := func(r data.Rate) func() {
		return func() {
			d.Hide()
			if err := b.saveRate(r); err != nil {
				b.shell.showError(err)
			}
		}
	}
	use := widget.NewButton("Use "+doubt.ReversedText(), save(doubt.Reversed))
	use.Importance = widget.HighImportance
	d.SetButtons([]fyne.CanvasObject{
		widget.NewButton("Cancel", d.Hide),
		widget.NewButton("Keep "+doubt.TypedText(), save(doubt.Typed)),
		use,
	})
	d.Resize(fyne.NewSize(640, text.MinSize().Height+160))
	d.Show()
}

// generate asks for the nightly or daily rate and adds one item per block.
func (b *budgetScreen) generate(cat data.BudgetCategory) {
	title, label, hint := "Hotel for the rotation", "Nightly rate", "one night at the location's hotel, in its currency"
	if cat == data.CategoryMeals {
		title, label, hint = "Meals per diem", "Daily rate", "meals for one day, in the location's currency"
	}
	amount := amountEntry("rate", false, b.mark)
	cur := currencyEntry("rate currency", false)
	cur.SetText("USD")
	last, ok, err := b.shell.Store.RememberedRate(b.shell.ctx(), cat)
	if ok {
		cur.SetText(last.Currency)
		amount.SetText(last.Amount.String())
	}
	days := 0
	for _, bl := range b.rot.Blocks {
		days += bl.Days()
	}
	about := fmt.Sprintf("One item per block: %d block(s), %d day(s) on site. Nights already in the budget are offered for replacing, never added twice.", len(b.rot.Blocks), days)
	if err != nil {
		about += "\nThe last rate could not be read (" + userError(err).Error() + "); enter it again."
	}
	info := widget.NewLabel(about)
	info.Wrapping = fyne.TextWrapWord
	var fd *formDialog
	fd = showFormDialog(b.shell.Window, title, "Add",
		[]*widget.FormItem{
			{Text: label, Widget: amount, HintText: hint},
			{Text: "Currency", Widget: cur},
			{Text: "", Widget: info},
		},
		map[string]fyne.Validatable{"rate": amount, "rate currency": cur, "nightly rate": amount, "daily rate": amount},
		func() error {
			if err := validateAll(amount, cur); err != nil {
				return err
			}
			rate, err := data.ParseMoney("rate", amount.Text, cur.Text, b.mark)
			if err != nil {
				return err
			}
			var items []data.BudgetItem
			if cat == data.CategoryMeals {
				items, err = data.MealsPerDiem(b.rot.Blocks, rate)
			} else {
				items, err = data.HotelForRotation(b.rot.Blocks, rate)
			}
			if err != nil {
				return err
			}
			existing, err := b.shell.Store.BudgetItems(b.shell.ctx(), b.rot.ID)
			if err != nil {
				return err
			}
			if err := b.shell.Store.RememberRate(b.shell.ctx(), cat, rate); err != nil {
				return err
			}
			plan := data.PlanGenerated(existing, items)
			if plan.Covered() || plan.Nothing() {
				fd.next = func() { b.askReplaceGenerated(title, plan) }
				return nil
			}
			b.applyGenerated(title, plan)
			return nil
		})
}

// askReplaceGenerated shows which nights are already in the budget and
// replaces them only when asked; a run that would change nothing says so.
func (b *budgetScreen) askReplaceGenerated(title string, plan data.GeneratedPlan) {
	if plan.Nothing() {
		msg := "Every night is already in the budget at this rate, or already spent: nothing to add."
		if q := plan.Question(); q != "" {
			msg += "\n\n" + q
		}
		dialog.ShowInformation(title, msg, b.shell.Window)
		return
	}
	text := widget.NewLabel(plan.Question())
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(title, "Replace", "Cancel", text, func(ok bool) {
		if ok {
			b.applyGenerated(title, plan)
		}
	}, b.shell.Window)
	d.Resize(fyne.NewSize(620, text.MinSize().Height+160))
	d.Show()
}

// applyGenerated adds plan's items and removes those they replace in one
// transaction, and offers to undo both.
func (b *budgetScreen) applyGenerated(title string, plan data.GeneratedPlan) {
	ctx := b.shell.ctx()
	remove := make([]int64, len(plan.Replace))
	for i, it := range plan.Replace {
		remove[i] = it.ID
	}
	added, removed, err := b.shell.Store.ReplaceBudgetItems(ctx, b.rot.ID, remove, plan.Add)
	if err != nil {
		b.shell.showError(err)
		return
	}
	msg := fmt.Sprintf("%s: added %d item(s).", title, len(added))
	if len(removed) > 0 {
		msg = fmt.Sprintf("%s: replaced %d item(s) with %d.", title, len(removed), len(added))
	}
	b.undos.offer(msg, func() error {
		ids := make([]int64, len(added))
		for i, it := range added {
			ids[i] = it.ID
		}
		back := make([]data.BudgetItem, len(removed))
		for i, it := range removed {
			it.ID = 0
			back[i] = it
		}
		_, _, err := b.shell.Store.ReplaceBudgetItems(b.shell.ctx(), b.rot.ID, ids, back)
		return err
	})
	b.shell.changed()
}

// money lays an amount and its currency side by side, the code in a box
// wide enough for "GBP", the validation mark and the list button.
func money(amount, cur fyne.CanvasObject) fyne.CanvasObject {
	return container.NewBorder(nil, nil, nil, fixedWidth(cur, 140), amount)
}

// fixedWidth gives o a fixed width at its own height.
func fixedWidth(o fyne.CanvasObject, w float32) fyne.CanvasObject {
	return container.NewGridWrap(fyne.NewSize(w, o.MinSize().Height), o)
}

// validateAll runs each field's validator and joins their messages, so a
// form refuses to save while any field shows an error.
func validateAll(fields ...fyne.Validatable) error {
	var errs []error
	for _, f := range fields {
		if err := f.Validate(); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// amountEntry is an entry for an amount typed with the user's decimal mark
// (or an unambiguous one); an optional one may stay empty.
func amountEntry(field string, optional bool, mark data.DecimalMark) *widgets.Entry {
	return amountEntryFunc(field, optional, func() data.DecimalMark { return mark })
}

// amountEntryFunc is amountEntry for a long-lived entry whose decimal mark
// may change while it shows.
func amountEntryFunc(field string, optional bool, mark func() data.DecimalMark) *widgets.Entry {
	e := widgets.NewEntry()
	e.SetPlaceHolder("e.g. 1,234.50")
	if mark() == data.DecimalComma {
		e.SetPlaceHolder("e.g. 1.234,50")
	}
	e.Validator = func(v string) error {
		if optional && strings.TrimSpace(v) == "" {
			return nil
		}
		_, err := data.ParseAmount(field, v, mark())
		return err
	}
	return e
}

// currencyEntry picks or types an ISO 4217 code; lower case is accepted.
func currencyEntry(field string, optional bool) *widgets.SelectEntry {
	var codes []string
	for _, c := range data.Currencies() {
		codes = append(codes, c.Code)
	}
	e := widgets.NewCompletingEntry(codes)
	e.SetPlaceHolder("e.g. USD")
	e.Validator = func(v string) error {
		if optional && strings.TrimSpace(v) == "" {
			return nil
		}
		return data.CheckCurrency(field, normCurrency(v))
	}
	return e
}

func normCurrency(s string) string { return strings.ToUpper(strings.TrimSpace(s)) }

// scenarioForm is the "what if" tab: the same plan priced at another
// location's hotel rate (and per diem), side by side with the plan.
type scenarioForm struct {
	b          *budgetScreen
	label      *widgets.Entry
	nightly    *widgets.Entry
	nightlyCur *widgets.SelectEntry
	daily      *widgets.Entry
	dailyCur   *widgets.SelectEntry
	note       *widget.Label
	result     *widget.Table
	rows       [][3]string
	compared   bool
	loaded     bool
	changes    *whatIfChanges // items dropped or re-priced there
}

func newScenarioForm(b *budgetScreen) *scenarioForm {
	s := &scenarioForm{b: b, label: widgets.NewEntry(), nightlyCur: currencyEntry("nightly rate currency", false),
		dailyCur: currencyEntry("daily rate currency", true), note: widget.NewLabel("")}
	markNow := func() data.DecimalMark { return b.mark }
	s.nightly = amountEntryFunc("nightly rate", false, markNow)
	s.daily = amountEntryFunc("daily rate", true, markNow)
	for _, e := range []*widget.Entry{&s.label.Entry, &s.nightly.Entry, &s.nightlyCur.Entry, &s.daily.Entry, &s.dailyCur.Entry} {
		e.OnSubmitted = func(string) { s.compare() }
	}
	s.label.SetPlaceHolder("e.g. London")
	s.label.Validator = func(v string) error { return data.CheckText("location", v, true, data.MaxNameLen) }
	s.note.Wrapping = fyne.TextWrapWord
	s.note.SetText("Type the other location's rates and press Compare to see both plans side by side.")
	s.result = widget.NewTableWithHeaders(
		func() (int, int) { return len(s.rows), 3 },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.TextStyle.Bold = id.Row >= len(s.rows)-2
			l.Alignment = fyne.TextAlignTrailing
			if id.Col == 0 {
				l.Alignment = fyne.TextAlignLeading
			}
			l.SetText(s.rows[id.Row][id.Col])
		})
	s.result.ShowHeaderColumn = false
	s.result.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		l.TextStyle.Bold = true
		if id.Row < 0 && id.Col >= 0 {
			alt := strings.TrimSpace(s.label.Text)
			if alt == "" {
				alt = "Other location"
			}
			l.SetText([]string{"Category (planned)", "This plan", alt}[id.Col])
		}
	}
	for col, w := range []float32{200, 180, 180} {
		s.result.SetColumnWidth(col, w)
	}
	s.changes = newWhatIfChanges(s)
	return s
}

func (s *scenarioForm) view() fyne.CanvasObject {
	compare := widget.NewButtonWithIcon("Compare", theme.ViewRefreshIcon(), s.compare)
	compare.Importance = widget.HighImportance
	form := widget.NewForm(
		widget.NewFormItem("Location", s.label),
		&widget.FormItem{Text: "Nightly hotel rate", Widget: money(s.nightly, s.nightlyCur), HintText: "in the location's currency"},
		&widget.FormItem{Text: "Meals per day", Widget: money(s.daily, s.dailyCur), HintText: "optional; empty keeps your meals as planned"},
	)
	intro := widget.NewLabel("Price the same plan at another location: the hotel (and, if given, the meals) are generated from the rotation's blocks at these rates; any other item can be dropped or re-priced there.")
	intro.Wrapping = fyne.TextWrapWord
	return container.NewBorder(container.NewVBox(intro, form, s.changes.view(), container.NewHBox(compare), s.note), nil, nil, nil, s.result)
}

// refresh loads the last scenario once, and recomputes a comparison shown
// before so that it follows edits to the plan.
func (s *scenarioForm) refresh() {
	if !s.loaded {
		s.loaded = true
		sc, ok, err := s.b.shell.Store.Scenario(s.b.shell.ctx())
		switch {
		case err != nil:
			s.note.SetText("The last scenario could not be read (" + userError(err).Error() + "); enter it again.")
		case ok:
			s.label.SetText(sc.Label)
			s.nightlyCur.SetText(sc.Nightly.Currency)
			s.nightly.SetText(editAmount(sc.Nightly, s.b.mark))
			if sc.Daily.IsSet() {
				s.dailyCur.SetText(sc.Daily.Currency)
				s.daily.SetText(editAmount(sc.Daily, s.b.mark))
			}
		}
	}
	if s.compared {
		s.run(false)
	}
}

func (s *scenarioForm) compare() { s.run(true) }

// run prices the scenario; remember stores it for next time.
func (s *scenarioForm) run(remember bool) {
	b := s.b
	if err := validateAll(s.label, s.nightly, s.nightlyCur, s.daily, s.dailyCur); err != nil {
		s.note.SetText(userError(err).Error())
		return
	}
	nightly, err := data.ParseMoney("nightly rate", s.nightly.Text, s.nightlyCur.Text, b.mark)
	if err != nil {
		s.note.SetText(userError(err).Error())
		return
	}
	sc := data.Scenario{Label: strings.TrimSpace(s.label.Text), Nightly: nightly, Changes: s.changes.changes}
	if strings.TrimSpace(s.daily.Text) != "" {
		cur := s.dailyCur.Text
		if strings.TrimSpace(cur) == "" {
			cur = s.nightlyCur.Text
		}
		if sc.Daily, err = data.ParseMoney("daily rate", s.daily.Text, cur, b.mark); err != nil {
			s.note.SetText(userError(err).Error())
			return
		}
	}
	cmp, err := data.CompareScenario(b.allItems(), b.rot.Blocks, b.table, sc)
	if err != nil {
		s.note.SetText(userError(err).Error())
		return
	}
	s.compared = true
	if remember {
		if err := b.shell.Store.SaveScenario(b.shell.ctx(), sc); err != nil {
			b.shell.showError(err)
		}
	}
	s.rows = scenarioRows(cmp, b.home)
	diff := cmp.Alt.PlannedShown().Sub(cmp.Base.PlannedShown())
	switch {
	case !cmp.Base.Complete() || !cmp.Alt.Complete():
		missing := append(append([]string{}, cmp.Base.Missing...), cmp.Alt.Missing...)
		s.note.SetText(fmt.Sprintf("Incomplete: no exchange rate for %s, so those amounts are left out on both sides; add the rate to compare fairly.", strings.Join(uniq(missing), ", ")))
	case diff.Sign() > 0:
		s.note.SetText(fmt.Sprintf("%s would cost %s more than your plan.", sc.Label, b.money(diff)))
	case diff.Sign() < 0:
		s.note.SetText(fmt.Sprintf("%s would cost %s less than your plan.", sc.Label, b.money(diff.Neg())))
	default:
		s.note.SetText(fmt.Sprintf("%s would cost the same as your plan.", sc.Label))
	}
	s.result.Refresh()
}

// scenarioRows lays the two plans out per category, then the totals and
// the difference; each column adds up to its total (see data.Allocate).
func scenarioRows(cmp data.Comparison, home string) [][3]string {
	find := func(t data.BudgetTotals, c data.BudgetCategory) string {
		for _, r := range t.Rows {
			if r.Category == c {
				return data.FormatAmount(r.PlannedShown, home)
			}
		}
		return "–"
	}
	var rows [][3]string
	for _, c := range data.BudgetCategories() {
		base, alt := find(cmp.Base, c), find(cmp.Alt, c)
		if base == "–" && alt == "–" {
			continue
		}
		rows = append(rows, [3]string{c.Label(), base, alt})
	}
	rows = append(rows, [3]string{"Total " + home, data.FormatAmount(cmp.Base.PlannedShown(), home), data.FormatAmount(cmp.Alt.PlannedShown(), home)})
	diff := cmp.Alt.PlannedShown().Sub(cmp.Base.PlannedShown())
	sign := ""
	if diff.Sign() > 0 {
		sign = "+"
	}
	rows = append(rows, [3]string{"Difference", "", sign + data.FormatAmount(diff, home)})
	return rows
}

func uniq(ss []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

var _ finder = (*budgetScreen)(nil)

// find shows the items and puts the cursor in their find box (Ctrl+F).
func (b *budgetScreen) find() {
	if b.tabs == nil {
		return
	}
	b.tabs.SelectIndex(0)
	b.shell.Window.Canvas().Focus(b.findBox)
}
