package transfer

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/masterplan-app/masterplan/data"
)

// BudgetColumns are the columns of the budget CSV, in export order: the ten
// of the documented format, then end_date, actual_home,
// actual_home_currency, refund and fronted_by (who paid at the till: me or
// employer; empty means me), which an export needs to give back the same
// items. On import the names are case-insensitive, in any order; only
// category and an amount (planned or actual) with its currency are required.
func BudgetColumns() []string {
	return []string{"date", "category", "description", "planned", "planned_currency", "actual", "actual_currency",
		"paid_by", "employer_percent", "reimbursement", "end_date", "actual_home", "actual_home_currency", "refund", "fronted_by"}
}

// RateColumns are the columns of the exchange rates CSV.
func RateColumns() []string { return []string{"currency", "rate_to_home", "as_of"} }

// budgetFieldColumns maps data's field names to the budget CSV's columns,
// so a rejected row names the column to fix.
var budgetFieldColumns = map[string]string{
	"end date": "end_date", "planned currency": "planned_currency", "actual currency": "actual_currency",
	"actual home": "actual_home", "actual home currency": "actual_home_currency", "paid by": "paid_by",
	"employer percent": "employer_percent", "reimbursement date": "reimbursement", "fronted by": "fronted_by",
}

// BudgetImport says how to read a budget file.
type BudgetImport struct {
	// Home is the home currency, taken for actual_home when the file has no
	// actual_home_currency.
	Home string
	// Mark is the decimal mark of the file's amounts. Zero means: infer it
	// from the amounts that only one mark can read ("18500.00", "12,50"),
	// and refuse the rows still ambiguous ("1,234") when the file does not
	// settle it.
	Mark data.DecimalMark
	// Existing are the items already in the budget: a row with the key
	// (data.BudgetItem.Key) of one of them, or of an earlier row, is
	// skipped and counted in Preview.Repeats.
	Existing []data.BudgetItem
}

// ImportBudget reads a budget CSV named name (for messages) and returns the
// items it would add; nothing is written. Rows are checked with
// BudgetItem.Validate; a rejected row names its line, the column and how to
// fix it. A row repeating an item of opt.Existing or an earlier row is
// skipped and counted, so importing one file twice adds nothing. Defaults for empty cells: actual_currency is planned_currency,
// paid_by follows employer_percent (none or 0: me, 100: employer, else
// split), reimbursement is not claimed. The error is for a file refused as
// a whole: then nothing is accepted.
func ImportBudget(name string, b []byte, opt BudgetImport) (Preview[data.BudgetItem], error) {
	h, rows, err := readTable(b)
	if err != nil {
		return Preview[data.BudgetItem]{}, fmt.Errorf("import %s: %w", name, err)
	}
	if !h.Has("category") || !(h.Has("planned") || h.Has("actual")) {
		return Preview[data.BudgetItem]{}, fmt.Errorf("import %s: %w: the first line must name the columns, with at least category and planned; e.g. %s",
			name, data.ErrInvalid, strings.Join(BudgetColumns()[:10], ","))
	}
	if len(rows) == 0 {
		return Preview[data.BudgetItem]{}, fmt.Errorf("import %s: %w", name, errNoRows)
	}
	p := Preview[data.BudgetItem]{Format: "csv"}
	if u := h.Unknown(BudgetColumns()...); len(u) > 0 {
		p.Warnings = append(p.Warnings, fmt.Sprintf("ignored the columns %s: MasterPlan does not use them", strings.Join(u, ", ")))
	}
	mark := opt.Mark
	if mark == 0 {
		var cells []string
		for _, rec := range rows {
			for _, col := range []string{"planned", "actual", "actual_home"} {
				cells = append(cells, h.Get(rec.Fields, col))
			}
		}
		if mark = inferMark(cells); mark != 0 {
			p.Warnings = append(p.Warnings, fmt.Sprintf("read amounts with %q as the decimal mark, as the file's unambiguous amounts use it", rune(mark)))
		}
	}
	columns := map[string]string{}
	for k, v := range budgetFieldColumns {
		columns[k] = h.Name(v)
	}
	for _, c := range BudgetColumns() {
		columns[c] = h.Name(c)
	}
	seen := data.BudgetKeys(opt.Existing)
	for _, rec := range rows {
		it, err := budgetRow(h, rec.Fields, opt.Home, mark)
		if err == nil {
			err = it.Validate()
		}
		if err != nil {
			p.Rejected = append(p.Rejected, RejectError(rec.Line, err, columns)...)
			continue
		}
		k := it.Key()
		if seen[k] {
			p.Repeats++
			continue
		}
		seen[k] = true
		p.accept(rec.Line, it)
	}
	return p, nil
}

// inferMark settles the decimal mark of a file from the amounts only one
// mark can read: a point if some do and none needs a comma, and so on.
// Amounts both marks read alike ("18500") say nothing; a file that uses
// both marks settles nothing.
func inferMark(cells []string) data.DecimalMark {
	seen := map[data.DecimalMark]bool{}
	for _, c := range cells {
		if c == "" {
			continue
		}
		_, errPoint := data.ParseAmount("amount", c, data.DecimalPoint)
		_, errComma := data.ParseAmount("amount", c, data.DecimalComma)
		switch {
		case errPoint == nil && errComma != nil:
			seen[data.DecimalPoint] = true
		case errComma == nil && errPoint != nil:
			seen[data.DecimalComma] = true
		}
	}
	if len(seen) != 1 {
		return 0
	}
	for m := range seen {
		return m
	}
	return 0
}

// budgetRow builds the item of one row. Errors in reading a cell are
// returned alone: validating a half-read item would only add noise.
func budgetRow(h Header, row []string, home string, mark data.DecimalMark) (data.BudgetItem, error) {
	get := func(col string) string { return h.Get(row, col) }
	it := data.BudgetItem{Description: NormaliseNewlines(get("description")), Reimbursement: data.NotClaimed}
	var errs []error
	try := func(err error) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	date := func(field, col string) data.Date {
		v := get(col)
		if v == "" {
			return data.Date{}
		}
		d, err := data.ParseDate(field, v)
		try(err)
		return d
	}
	it.Date = date("date", "date")
	it.EndDate = date("end date", "end_date")

	var err error
	it.Category, err = data.ParseBudgetCategory("category", get("category"))
	try(err)

	plannedCur, actualCur := get("planned_currency"), get("actual_currency")
	if actualCur == "" {
		actualCur = plannedCur
	}
	if plannedCur == "" && get("planned") == "" {
		plannedCur = actualCur
	}
	switch planned := get("planned"); {
	case planned != "":
		it.Planned, err = data.ParseMoney("planned", planned, plannedCur, mark)
		try(err)
	case get("actual") == "":
		try(data.Invalid("planned", "is empty; give the planned amount, or the actual one for an unplanned cost"))
	default:
		// An unplanned cost: planned nothing, in the currency spent.
		it.Planned, err = data.ParseMoney("planned", "0", plannedCur)
		try(err)
	}
	if v := get("actual"); v != "" {
		it.Actual, err = data.ParseMoney("actual", v, actualCur, mark)
		try(err)
	}
	if v := get("actual_home"); v != "" {
		cur := get("actual_home_currency")
		if cur == "" {
			cur = home
		}
		if cur == "" {
			try(data.Invalid("actual home currency", "is empty and the home currency is not known; give the currency of actual_home"))
		} else {
			it.ActualHome, err = data.ParseMoney("actual home", v, cur, mark)
			try(err)
		}
	}

	percent := get("employer_percent")
	if percent != "" {
		it.EmployerPercent, err = ParseIntCell("employer percent", strings.TrimSpace(strings.TrimSuffix(percent, "%")), 0, 100)
		try(err)
	}
	switch v := get("paid_by"); {
	case v != "":
		it.PaidBy, err = data.ParsePayer("paid by", v)
		try(err)
	case percent == "" || it.EmployerPercent == 0:
		it.PaidBy = data.PaidByMe
	case it.EmployerPercent == 100:
		it.PaidBy = data.PaidByEmployer
	default:
		it.PaidBy = data.PaidBySplit
	}

	if v := get("reimbursement"); v != "" {
		it.Reimbursement, it.ReimbursementDate, err = data.ParseReimbursement("reimbursement", v)
		try(err)
	}
	if v := get("refund"); v != "" {
		it.Refund, err = parseYesNo("refund", v)
		try(err)
	}
	if v := get("fronted_by"); v != "" {
		it.FrontedBy, err = data.ParsePayer("fronted by", v)
		if err == nil && it.FrontedBy == data.PaidBySplit {
			err = data.Invalid("fronted by", "%q: one of you paid at the till; write me or employer", v)
		}
		try(err)
	}
	return it, errors.Join(errs...)
}

func parseYesNo(field, s string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "yes", "y", "true", "1", "refund", "x":
		return true, nil
	case "no", "n", "false", "0":
		return false, nil
	}
	return false, data.Invalid(field, "%q is not yes or no; write yes for money coming back, or leave it empty", s)
}

// ExportBudget writes items as the budget CSV (BudgetColumns), safe to open
// in a spreadsheet: amounts are plain decimals with a point and the
// currency's decimal places ("18500.00"), and a cell that would start a
// formula ("-12.50" included) is quoted by SafeCell. Importing the file back
// gives the same items.
func ExportBudget(w io.Writer, items []data.BudgetItem) error {
	rows := make([][]string, 0, len(items))
	for _, it := range items {
		percent := ""
		if it.PaidBy == data.PaidBySplit || it.EmployerPercent != 0 {
			percent = strconv.Itoa(it.EmployerPercent)
		}
		reimb := string(it.Reimbursement)
		if !it.ReimbursementDate.IsZero() {
			reimb += " " + it.ReimbursementDate.String()
		}
		refund := ""
		if it.Refund {
			refund = "yes"
		}
		rows = append(rows, []string{
			it.Date.String(), string(it.Category), it.Description,
			plainAmount(it.Planned), it.Planned.Currency, plainAmount(it.Actual), it.Actual.Currency,
			string(it.PaidBy), percent, reimb, it.EndDate.String(),
			plainAmount(it.ActualHome), it.ActualHome.Currency, refund, string(it.Fronter()),
		})
	}
	if err := WriteCSV(w, BudgetColumns(), rows); err != nil {
		return fmt.Errorf("export budget: %w", err)
	}
	return nil
}

// plainAmount writes m without grouping, with a point and the currency's
// decimal places; "" for no amount.
func plainAmount(m data.Money) string {
	if !m.IsSet() {
		return ""
	}
	return m.Amount.StringFixed(data.MinorUnits(m.Currency))
}

// rateFieldColumns maps data's rate field names to the rates CSV's columns.
var rateFieldColumns = map[string]string{"rate": "rate_to_home", "as of": "as_of"}

// ImportRates reads an exchange rates CSV (RateColumns) named name: one
// unit of currency is worth rate_to_home units of home as of the date.
// Rates of zero or below, rates for home itself, and a second rate for the
// same currency and day are rejected with their line. Mark is the decimal
// mark of the rates; zero infers it as ImportBudget does.
func ImportRates(name string, b []byte, home string, mark data.DecimalMark) (Preview[data.Rate], error) {
	if err := data.CheckCurrency("home currency", home); err != nil {
		return Preview[data.Rate]{}, fmt.Errorf("import %s: %w", name, err)
	}
	h, rows, err := readTable(b)
	if err != nil {
		return Preview[data.Rate]{}, fmt.Errorf("import %s: %w", name, err)
	}
	for _, c := range RateColumns() {
		if !h.Has(c) {
			return Preview[data.Rate]{}, fmt.Errorf("import %s: %w: the first line has no %s column; it must name the columns %s",
				name, data.ErrInvalid, c, strings.Join(RateColumns(), ","))
		}
	}
	if len(rows) == 0 {
		return Preview[data.Rate]{}, fmt.Errorf("import %s: %w", name, errNoRows)
	}
	p := Preview[data.Rate]{Format: "csv"}
	if u := h.Unknown(RateColumns()...); len(u) > 0 {
		p.Warnings = append(p.Warnings, fmt.Sprintf("ignored the columns %s: MasterPlan does not use them", strings.Join(u, ", ")))
	}
	if mark == 0 {
		cells := make([]string, len(rows))
		for i, rec := range rows {
			cells[i] = h.Get(rec.Fields, "rate_to_home")
		}
		if mark = inferMark(cells); mark != 0 {
			p.Warnings = append(p.Warnings, fmt.Sprintf("read rates with %q as the decimal mark, as the file's unambiguous rates use it", rune(mark)))
		}
	}
	columns := map[string]string{}
	for k, v := range rateFieldColumns {
		columns[k] = h.Name(v)
	}
	columns["currency"] = h.Name("currency")
	first := map[string]int{}
	for _, rec := range rows {
		r, err := rateRow(h, rec.Fields, mark)
		if err == nil {
			err = r.Validate(home)
		}
		if err != nil {
			p.Rejected = append(p.Rejected, RejectError(rec.Line, err, columns)...)
			continue
		}
		key := r.Currency + " " + r.AsOf.String()
		if prev, dup := first[key]; dup {
			p.Rejected = append(p.Rejected, Rejected{Line: rec.Line, Field: columns["as of"],
				Reason: fmt.Sprintf("%s already has a rate as of %s on line %d; keep one of them", r.Currency, r.AsOf, prev)})
			continue
		}
		first[key] = rec.Line
		p.accept(rec.Line, r)
	}
	return p, nil
}

func rateRow(h Header, row []string, mark data.DecimalMark) (data.Rate, error) {
	var (
		r    data.Rate
		errs []error
	)
	r.Currency = strings.ToUpper(h.Get(row, "currency"))
	if err := data.CheckCurrency("currency", r.Currency); err != nil {
		errs = append(errs, err)
	}
	rate, err := data.ParseRate("rate", h.Get(row, "rate_to_home"), mark)
	if err != nil {
		errs = append(errs, err)
	}
	r.ToHome = rate
	if v := h.Get(row, "as_of"); v == "" {
		errs = append(errs, data.Invalid("as of", "is empty; give the day the rate was quoted, as YYYY-MM-DD"))
	} else if r.AsOf, err = data.ParseDate("as of", v); err != nil {
		errs = append(errs, err)
	}
	return r, errors.Join(errs...)
}
