package app

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/masterplan-app/masterplan/app/widgets"
	"github.com/masterplan-app/masterplan/data"
)

// budgetItemForm is the dialog that adds or edits a budget item: the
// amounts in their own currencies, who pays, the reimbursement, and a line
// that says which exchange rate converts it.
type budgetItemForm struct {
	b    *budgetScreen
	base data.BudgetItem // the item edited (ID 0 adds one)

	category    *choiceSelect[data.BudgetCategory]
	description *widgets.Entry
	date, end   *widgets.DateEntry
	planned     *widgets.Entry
	plannedCur  *widgets.SelectEntry
	actual      *widgets.Entry
	actualCur   *widgets.SelectEntry
	charged     *widgets.Entry
	paidBy      *widget.RadioGroup
	frontedBy   *widget.RadioGroup // who paid at the till
	percent     *widgets.Entry
	reimb       *choiceSelect[data.Reimbursement]
	reimbDate   *widgets.DateEntry
	refund      *widget.Check
	rateInfo    *widget.Label
	dlg         *formDialog
}

// payerChoices are the "paid by" options, in order; reimbChoices the
// reimbursement states.
var (
	payerChoices = []struct {
		label string
		payer data.Payer
	}{{"Me", data.PaidByMe}, {"Employer", data.PaidByEmployer}, {"Split", data.PaidBySplit}}
	reimbChoices = []data.Reimbursement{data.NotClaimed, data.Claimed, data.Reimbursed}
	// frontedChoices are who paid at the till: you (the employer may
	// reimburse you) or the employer directly.
	frontedChoices = []struct {
		label string
		payer data.Payer
	}{{"Me", data.PaidByMe}, {"Employer directly", data.PaidByEmployer}}
)

// editItem opens the item form on it; an item with ID 0 is added.
func (b *budgetScreen) editItem(it data.BudgetItem, title string) {
	f := newBudgetItemForm(b, it)
	b.form = f
	f.show(title)
}

// newBudgetItemForm makes the form's fields, filled from it.
func newBudgetItemForm(b *budgetScreen, it data.BudgetItem) *budgetItemForm {
	f := &budgetItemForm{
		b:           b,
		base:        it,
		category:    newChoiceSelect(data.BudgetCategories(), data.BudgetCategory.Label, it.Category),
		description: widgets.NewEntry(),
		date:        b.shell.dateEntry("date", true),
		end:         b.shell.dateEntry("end date", true),
		planned:     amountEntry("planned", false, b.mark),
		plannedCur:  currencyEntry("planned currency", false),
		actual:      amountEntry("actual", true, b.mark),
		actualCur:   currencyEntry("actual currency", true),
		charged:     amountEntry("actual home", true, b.mark),
		percent:     widgets.NewEntry(),
		reimb:       newChoiceSelect(reimbChoices, data.Reimbursement.Label, it.Reimbursement),
		reimbDate:   b.shell.dateEntry("reimbursement date", true),
		refund:      widget.NewCheck("Refund: money coming back, written with a minus sign", nil),
		rateInfo:    widget.NewLabel(""),
	}
	f.description.SetText(it.Description)
	f.description.Validator = func(v string) error { return data.CheckText("description", v, false, data.MaxNameLen) }
	f.date.SetDate(it.Date)
	f.end.SetDate(it.EndDate)
	f.end.PlaceHolder = "end (optional)"
	f.end.NotBefore(f.date)
	if it.Planned.IsSet() && (it.ID != 0 || !it.Planned.Amount.IsZero()) {
		f.planned.SetText(editAmount(it.Planned, b.mark))
	}
	f.plannedCur.SetText(it.Planned.Currency)
	f.actual.SetText(editAmount(it.Actual, b.mark))
	f.actualCur.SetText(it.Actual.Currency)
	f.actualCur.SetPlaceHolder("same")
	if it.ActualHome.Currency == b.home {
		f.charged.SetText(editAmount(it.ActualHome, b.mark))
	}
	f.charged.SetPlaceHolder("the exact " + b.home + " amount, if known")
	payLabels := make([]string, len(payerChoices))
	for i, p := range payerChoices {
		payLabels[i] = p.label
	}
	f.paidBy = widget.NewRadioGroup(payLabels, nil)
	f.paidBy.Horizontal = true
	f.paidBy.Required = true
	for _, p := range payerChoices {
		if p.payer == it.PaidBy {
			f.paidBy.SetSelected(p.label)
		}
	}
	if it.PaidBy == data.PaidBySplit {
		f.percent.SetText(strconv.Itoa(it.EmployerPercent))
	}
	f.percent.SetPlaceHolder("0–100")
	f.percent.Validator = func(v string) error {
		if f.paidBy.Selected != "Split" {
			return nil
		}
		_, err := parsePercent(v)
		return err
	}
	frontLabels := make([]string, len(frontedChoices))
	for i, p := range frontedChoices {
		frontLabels[i] = p.label
	}
	f.frontedBy = widget.NewRadioGroup(frontLabels, nil)
	f.frontedBy.Horizontal = true
	f.frontedBy.Required = true
	for _, p := range frontedChoices {
		if p.payer == it.Fronter() {
			f.frontedBy.SetSelected(p.label)
		}
	}
	f.reimbDate.SetDate(it.ReimbursementDate)
	f.refund.SetChecked(it.Refund)
	f.rateInfo.Wrapping = fyne.TextWrapWord
	f.rateInfo.Importance = widget.LowImportance
	showRate := func(string) { f.showRate() }
	f.plannedCur.OnChanged, f.actualCur.OnChanged, f.date.OnChanged, f.actual.OnChanged = showRate, showRate, showRate, showRate
	f.showRate()
	f.syncPayer()
	f.paidBy.OnChanged = func(string) { f.syncPayer() }
	f.frontedBy.OnChanged = func(string) { f.syncPayer() }
	return f
}

// show opens the form in a dialog titled title.
func (f *budgetItemForm) show(title string) {
	b, it := f.b, f.base
	items := []*widget.FormItem{
		{Text: "Category", Widget: f.category.sel},
		{Text: "Description", Widget: f.description},
		{Text: "Date", Widget: container.NewGridWithColumns(2, f.date, f.end), HintText: "the day paid; an end date makes a range (hotel nights)"},
		{Text: "Planned", Widget: money(f.planned, f.plannedCur)},
		{Text: "Actual", Widget: money(f.actual, f.actualCur), HintText: "once spent; the currency may differ from the plan"},
		{Text: "Charged in " + b.home, Widget: f.charged, HintText: "wins over any exchange rate"},
		{Text: "", Widget: f.rateInfo},
		{Text: "Who bears it", Widget: container.NewHBox(f.paidBy, layoutSpacer(), widget.NewLabel("employer %"), fixedWidth(f.percent, 110))},
		{Text: "Who paid it", Widget: f.frontedBy, HintText: "at the till: you (the employer may reimburse you) or the employer directly"},
		{Text: "Reimbursement", Widget: container.NewGridWithColumns(2, f.reimb.sel, f.reimbDate)},
		{Text: "", Widget: f.refund},
	}
	if it.ID != 0 {
		items = append(items, &widget.FormItem{Text: "", Widget: container.NewHBox(
			widget.NewButtonWithIcon("Duplicate", theme.ContentCopyIcon(), func() {
				f.dlg.dlg.Hide()
				b.editItem(it.Duplicate(), "Duplicate budget item")
			}),
			widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), func() {
				f.dlg.dlg.Hide()
				b.deleteItem(it)
			}))})
	}
	fields := map[string]fyne.Validatable{
		"description": f.description, "date": f.date, "end date": f.end,
		"planned": f.planned, "planned currency": f.plannedCur, "actual": f.actual, "actual currency": f.actualCur,
		"actual home": f.charged, "employer percent": f.percent, "reimbursement date": f.reimbDate,
	}
	f.dlg = showFormDialog(b.shell.Window, title, "Save", items, fields, f.save)
	f.dlg.dlg.SetOnClosed(func() {
		if b.form == f {
			b.form = nil
		}
	})
	b.shell.Window.Canvas().Focus(f.description)
}

// save stores the item; the store validates it whole again.
func (f *budgetItemForm) save() error {
	b := f.b
	saved, err := f.item(f.base, b.home, b.mark)
	if err != nil {
		return err
	}
	if _, err := b.shell.Store.SaveBudgetItem(b.shell.ctx(), b.rot.ID, saved); err != nil {
		return err
	}
	b.form = nil
	if before := f.base; before.ID != 0 {
		b.undos.offer(fmt.Sprintf("Edited %q.", itemTitle(saved)), func() error {
			_, err := b.shell.Store.SaveBudgetItem(b.shell.ctx(), b.rot.ID, before)
			return err
		})
	} else {
		b.undos.forget()
	}
	b.shell.changed()
	return nil
}

// showRate says which exchange rate converts the item, in red when none
// does.
func (f *budgetItemForm) showRate() {
	b := f.b
	cur, d := normCurrency(f.plannedCur.Text), f.date.Date()
	if a := normCurrency(f.actualCur.Text); a != "" && strings.TrimSpace(f.actual.Text) != "" {
		cur = a
	}
	if !data.ValidCurrency(cur) {
		f.rateInfo.SetText("")
		return
	}
	choice := b.table.Lookup(cur, d)
	f.rateInfo.Importance = widget.LowImportance
	if choice.Rule == data.RateMissing {
		f.rateInfo.Importance = widget.DangerImportance
	}
	f.rateInfo.SetText("Conversion: " + choice.Explain(cur, b.home))
}

// syncPayer enables the percent and the reimbursement only where they mean
// something: a split has a percent, and only the employer's share is claimed.
func (f *budgetItemForm) syncPayer() {
	if f.paidBy.Selected == "Split" {
		f.percent.Enable()
	} else {
		f.percent.Disable()
	}
	if f.paidBy.Selected == "Me" || f.paidBy.Selected == "" || f.frontedBy.Selected == "Employer directly" {
		f.reimb.sel.SetSelectedIndex(0)
		f.reimbDate.SetText("")
		f.reimb.sel.Disable()
		f.reimbDate.Disable()
	} else {
		f.reimb.sel.Enable()
		f.reimbDate.Enable()
	}
}

// item reads the form into base (which keeps its ID). The store validates
// the whole item again before it saves.
func (f *budgetItemForm) item(base data.BudgetItem, home string, mark data.DecimalMark) (data.BudgetItem, error) {
	if err := validateAll(f.description, f.date, f.end, f.planned, f.plannedCur, f.actual, f.actualCur, f.charged, f.percent, f.reimbDate); err != nil {
		return base, err
	}
	it := base
	var errs []error
	try := func(err error) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	if c, ok := f.category.chosen(); ok {
		it.Category = c
	} else {
		try(data.Invalid("category", "is required; choose one from the list"))
	}
	it.Description = strings.TrimSpace(f.description.Text)
	it.Date, it.EndDate = f.date.Date(), f.end.Date()
	it.Refund = f.refund.Checked
	var err error
	it.Planned, err = data.ParseMoney("planned", f.planned.Text, f.plannedCur.Text, mark)
	try(err)
	it.Actual, it.ActualHome = data.Money{}, data.Money{}
	if strings.TrimSpace(f.actual.Text) != "" {
		cur := f.actualCur.Text
		if strings.TrimSpace(cur) == "" {
			cur = f.plannedCur.Text
		}
		it.Actual, err = data.ParseMoney("actual", f.actual.Text, cur, mark)
		try(err)
	}
	switch {
	case strings.TrimSpace(f.charged.Text) != "":
		it.ActualHome, err = data.ParseMoney("actual home", f.charged.Text, home, mark)
		try(err)
	case base.ActualHome.IsSet() && base.ActualHome.Currency != home && it.Actual.IsSet():
		// Charged in an earlier home currency: the form cannot show it, so
		// it is kept rather than silently dropped.
		it.ActualHome = base.ActualHome
	}
	it.PaidBy, it.EmployerPercent = "", 0
	for _, p := range payerChoices {
		if p.label == f.paidBy.Selected {
			it.PaidBy = p.payer
		}
	}
	if it.PaidBy == data.PaidBySplit {
		it.EmployerPercent, err = parsePercent(f.percent.Text)
		try(err)
	}
	it.FrontedBy = data.PaidByMe
	for _, p := range frontedChoices {
		if p.label == f.frontedBy.Selected {
			it.FrontedBy = p.payer
		}
	}
	if r, ok := f.reimb.chosen(); ok {
		it.Reimbursement = r
	} else {
		it.Reimbursement = data.NotClaimed
	}
	it.ReimbursementDate = f.reimbDate.Date()
	return it, errors.Join(errs...)
}

func parsePercent(s string) (int, error) {
	v := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, data.Invalid("employer percent", "%q is not a whole percent; write the employer's share from 0 to 100", s)
	}
	if n < 0 || n > 100 {
		return 0, data.Invalid("employer percent", "%d is not a percent; the employer's share is 0 to 100", n)
	}
	return n, nil
}

// editAmount writes m for the entry in the user's decimal mark, without
// grouping, so that reading it back gives the same amount.
func editAmount(m data.Money, mark data.DecimalMark) string {
	if !m.IsSet() {
		return ""
	}
	s := m.Amount.StringFixed(data.MinorUnits(m.Currency))
	if mark == data.DecimalComma {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}
