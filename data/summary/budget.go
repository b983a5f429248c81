package summary

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/masterplan-app/masterplan/data"
)

// BudgetStatus is the budget part of the summary (status --json "budget").
// Amounts are decimal strings in the home currency, rounded half-even to its
// minor unit and written with a point and no grouping ("18500.00"); they
// leave out the amounts in MissingRates, which are never taken at 1:1.
type BudgetStatus struct {
	HomeCurrency string `json:"home_currency"`
	Items        int    `json:"items"`
	Planned      string `json:"planned"`
	Actual       string `json:"actual"`
	// Forecast is the actual where spent and the plan elsewhere.
	Forecast string `json:"forecast"`
	// Employer and Self split the forecast by who pays.
	Employer string `json:"employer"`
	Self     string `json:"self"`
	// SpentByYou is the actual spend you paid at the till (out of your
	// pocket), PaidByEmployer what the employer paid directly; together
	// they are Actual.
	SpentByYou     string `json:"spent_by_you"`
	PaidByEmployer string `json:"paid_by_employer_directly"`
	// OutstandingReimbursement is the employer's share of what you spent
	// not yet paid back (not claimed plus claimed); never above SpentByYou.
	OutstandingReimbursement string `json:"outstanding_reimbursement"`
	// CostPerDay is the forecast over the rotation's days on site; "" when
	// the rotation has no days.
	CostPerDay   string   `json:"cost_per_day"`
	MissingRates []string `json:"missing_rates"`
}

// buildBudget totals the rotation's budget in the home currency.
func buildBudget(a area) (*BudgetStatus, error) {
	home := a.settings.HomeCurrency
	t, err := a.st.BudgetTotals(a.ctx, a.rotation.ID, home)
	if err != nil {
		return nil, err
	}
	items := 0
	for _, r := range t.Rows {
		items += r.Items
	}
	forecast := t.Forecast.Shown(home)
	fronted := t.Fronted.Shown(home)
	b := &BudgetStatus{
		HomeCurrency:             home,
		Items:                    items,
		Planned:                  plainAmount(t.PlannedShown(), home),
		Actual:                   plainAmount(t.ActualShown(), home),
		Forecast:                 plainAmount(forecast.Total, home),
		Employer:                 plainAmount(forecast.Employer, home),
		Self:                     plainAmount(forecast.Self, home),
		SpentByYou:               plainAmount(fronted.Self, home),
		PaidByEmployer:           plainAmount(fronted.Employer, home),
		OutstandingReimbursement: plainAmount(data.RoundMinor(t.Reimbursement.Outstanding(), home), home),
		MissingRates:             append([]string{}, t.Missing...),
	}
	if perDay, err := data.CostPerDay(t.Forecast.Total, a.rotation.TotalDays(), home); err == nil {
		b.CostPerDay = plainAmount(perDay, home)
	}
	return b, nil
}

func plainAmount(d decimal.Decimal, currency string) string {
	return data.RoundMinor(d, currency).StringFixed(data.MinorUnits(currency))
}

// Text is the budget in a few lines, for the dashboard card and `masterplan
// status`.
func (b *BudgetStatus) Text() string {
	if b.Items == 0 {
		return "No budget items yet: add the program fee, flights, hotel and meals on the Budget screen (Ctrl+6)."
	}
	show := func(s string) string {
		d, err := decimal.NewFromString(s)
		if err != nil {
			return s
		}
		return data.Money{Amount: d, Currency: b.HomeCurrency}.Format()
	}
	lines := []string{
		fmt.Sprintf("Planned %s, spent %s, forecast %s", show(b.Planned), show(b.Actual), show(b.Forecast)),
		fmt.Sprintf("You pay %s, the employer %s", show(b.Self), show(b.Employer)),
	}
	if b.Actual != "" && !isZero(b.Actual) {
		lines = append(lines, b.SpentText(show))
	}
	if len(b.MissingRates) > 0 {
		lines = append(lines, fmt.Sprintf("No exchange rate for %s: those amounts are left out; add a rate on the Budget screen",
			strings.Join(b.MissingRates, ", ")))
	}
	return strings.Join(lines, "\n")
}

// SpentText says who paid the actual spend at the till, and what of yours
// the employer still owes: "Spent by you USD 2,300.00 (reimbursement
// outstanding USD 1,000.00); paid by the employer directly USD 18,500.00".
// The outstanding part is never more than what you spent (data.SumBudget).
func (b *BudgetStatus) SpentText(show func(string) string) string {
	text := "Spent by you " + show(b.SpentByYou)
	if !isZero(b.OutstandingReimbursement) {
		text += " (reimbursement outstanding " + show(b.OutstandingReimbursement) + ")"
	}
	if !isZero(b.PaidByEmployer) {
		text += "; paid by the employer directly " + show(b.PaidByEmployer)
	}
	return text
}

func isZero(s string) bool {
	d, err := decimal.NewFromString(s)
	return err == nil && d.IsZero()
}
