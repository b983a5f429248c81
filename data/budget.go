package data

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/shopspring/decimal"
)

// BudgetCategory groups budget items for the totals and the chart.
type BudgetCategory string

// The budget categories, as stored.
const (
	CategoryProgramFee      BudgetCategory = "program_fee"
	CategoryApplicationFee  BudgetCategory = "application_fee"
	CategoryFlights         BudgetCategory = "flights"
	CategoryHotel           BudgetCategory = "hotel"
	CategoryMeals           BudgetCategory = "meals"
	CategoryGroundTransport BudgetCategory = "ground_transport"
	CategoryVisaInsurance   BudgetCategory = "visa_insurance"
	CategoryMaterials       BudgetCategory = "materials"
	CategoryOther           BudgetCategory = "other"
)

// budgetCategoryTable is the display order and the labels; aliases are the
// other spellings an import or a typist may use, folded to letters only.
var budgetCategoryTable = [...]struct {
	cat     BudgetCategory
	label   string
	aliases []string
}{
	{CategoryProgramFee, "Program fee", []string{"programfee", "fee", "rotationfee"}},
	{CategoryApplicationFee, "Application fee", []string{"applicationfee", "application"}},
	{CategoryFlights, "Flights", []string{"flights", "flight", "airfare"}},
	{CategoryHotel, "Hotel", []string{"hotel", "hotels", "lodging", "accommodation"}},
	{CategoryMeals, "Meals", []string{"meals", "meal", "food", "perdiem"}},
	{CategoryGroundTransport, "Ground transport", []string{"groundtransport", "transport", "taxi", "car"}},
	{CategoryVisaInsurance, "Visa/insurance", []string{"visainsurance", "visa", "insurance"}},
	{CategoryMaterials, "Materials", []string{"materials", "material", "books"}},
	{CategoryOther, "Other", []string{"other"}},
}

// BudgetCategories lists the categories in display order.
func BudgetCategories() []BudgetCategory {
	out := make([]BudgetCategory, len(budgetCategoryTable))
	for i, c := range budgetCategoryTable {
		out[i] = c.cat
	}
	return out
}

// Label is the category as a person reads it ("Program fee").
func (c BudgetCategory) Label() string {
	for _, e := range budgetCategoryTable {
		if e.cat == c {
			return e.label
		}
	}
	return string(c)
}

// Valid reports whether c is one of BudgetCategories.
func (c BudgetCategory) Valid() bool { return c.order() >= 0 }

func (c BudgetCategory) order() int {
	for i, e := range budgetCategoryTable {
		if e.cat == c {
			return i
		}
	}
	return -1
}

// ParseBudgetCategory reads a category by its stored name, its label or a
// common synonym, ignoring case, spaces and punctuation ("Visa/insurance",
// "visa_insurance", "Hotel").
func ParseBudgetCategory(field, s string) (BudgetCategory, error) {
	key := foldLetters(s)
	for _, e := range budgetCategoryTable {
		if key == foldLetters(string(e.cat)) || slices.Contains(e.aliases, key) {
			return e.cat, nil
		}
	}
	return "", categoryError(field, s)
}

func categoryError(field, s string) error {
	labels := make([]string, len(budgetCategoryTable))
	for i, e := range budgetCategoryTable {
		labels[i] = strings.ToLower(e.label)
	}
	if strings.TrimSpace(s) == "" {
		return Invalid(field, "is required; choose one of %s", strings.Join(labels, ", "))
	}
	return Invalid(field, "%q is not a category; choose one of %s", s, strings.Join(labels, ", "))
}

// foldLetters keeps only letters (lower-cased) and digits, so that "Visa /
// Insurance" and "visa_insurance" compare equal while "hotel 2" does not
// pass for "hotel".
func foldLetters(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case unicode.IsLetter(r):
			return unicode.ToLower(r)
		case unicode.IsDigit(r):
			return r
		}
		return -1
	}, s)
}

// Payer says who pays an item: the candidate, the employer, or both in a
// percent split.
type Payer string

// The payers, as stored.
const (
	PaidByMe       Payer = "me"
	PaidByEmployer Payer = "employer"
	PaidBySplit    Payer = "split"
)

// ParsePayer reads who pays; "self" and "company" are understood too.
func ParsePayer(field, s string) (Payer, error) {
	switch foldLetters(s) {
	case "me", "self", "myself":
		return PaidByMe, nil
	case "employer", "company", "work":
		return PaidByEmployer, nil
	case "split", "shared", "both":
		return PaidBySplit, nil
	}
	return "", Invalid(field, "%q is not a payer; write me, employer or split", s)
}

// Reimbursement is how far the employer's share of an item has got.
type Reimbursement string

// The reimbursement states, in the order they happen.
const (
	NotClaimed Reimbursement = "not_claimed"
	Claimed    Reimbursement = "claimed"
	Reimbursed Reimbursement = "reimbursed"
)

// Label is the state as a person reads it.
func (r Reimbursement) Label() string {
	switch r {
	case NotClaimed:
		return "not claimed"
	case Claimed:
		return "claimed"
	case Reimbursed:
		return "reimbursed"
	}
	return string(r)
}

// ParseReimbursement reads a state, optionally followed by its date:
// "claimed", "reimbursed 2026-04-20", "not claimed". Empty means not claimed.
func ParseReimbursement(field, s string) (Reimbursement, Date, error) {
	s = strings.TrimSpace(s)
	word, rest := s, ""
	if i := strings.LastIndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == ':' || r == ';' }); i >= 0 && strings.IndexFunc(s[i:], unicode.IsDigit) >= 0 {
		word, rest = strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1:])
	}
	var state Reimbursement
	switch foldLetters(word) {
	case "", "notclaimed", "none", "no", "unclaimed":
		state = NotClaimed
	case "claimed", "submitted":
		state = Claimed
	case "reimbursed", "paid", "repaid":
		state = Reimbursed
	default:
		return "", Date{}, Invalid(field, "%q is not a reimbursement state; write not claimed, claimed or reimbursed, optionally followed by a date (reimbursed 2026-04-20)", s)
	}
	if rest == "" {
		return state, Date{}, nil
	}
	d, err := ParseDate(field+" date", rest)
	if err != nil {
		return "", Date{}, err
	}
	if state == NotClaimed {
		return "", Date{}, Invalid(field, "%q gives a date to an item not claimed; a date belongs to claimed or reimbursed", s)
	}
	return state, d, nil
}

// BudgetItem is one cost of the rotation: planned first, then the actual
// spend once it happened, with who pays and how far the employer's share
// has been reimbursed.
type BudgetItem struct {
	ID          int64
	Category    BudgetCategory
	Description string
	Date        Date // the day paid, or the first day of a range; zero while not known
	EndDate     Date // the last day of a range such as hotel nights; zero for one day
	Planned     Money
	// Actual is what was spent, in the currency charged (which may differ
	// from the planned one); the zero Money until spent.
	Actual Money
	// ActualHome is the exact home-currency amount the bank charged for
	// Actual; when set and still in the home currency it wins over rates.
	ActualHome        Money
	PaidBy            Payer
	EmployerPercent   int // the employer's share for PaidBySplit, 0-100
	Reimbursement     Reimbursement
	ReimbursementDate Date // when it was claimed or reimbursed; optional
	// Refund marks money coming back (a cancelled booking): only refunds
	// may have negative amounts, so a stray minus sign cannot hide a cost.
	Refund bool
	// FrontedBy is who paid the money at the till, PaidByMe or
	// PaidByEmployer ("" reads as PaidByMe); PaidBy is who finally bears
	// it. Only what you fronted can be owed back to you.
	FrontedBy Payer
	// GeneratedBy is the generator that made the item; its nights or days
	// are the item's own Date..EndDate (see Covers).
	GeneratedBy Generator
}

// MaxItemDays bounds a date range: a year covers any stay or insurance.
const MaxItemDays = 366

// EmployerShare is the employer's percent of the item: 0 for me, 100 for
// the employer, EmployerPercent for a split.
func (it BudgetItem) EmployerShare() int {
	switch it.PaidBy {
	case PaidByEmployer:
		return 100
	case PaidBySplit:
		return it.EmployerPercent
	}
	return 0
}

// Fronter is who paid the money at the till: FrontedBy, you when unset.
func (it BudgetItem) Fronter() Payer {
	if it.FrontedBy == PaidByEmployer {
		return PaidByEmployer
	}
	return PaidByMe
}

// Duplicate copies the item as a new plan: no ID, no actual spend and no
// reimbursement, since those belong to the original's money, and not
// generated, since the generator did not make the copy.
func (it BudgetItem) Duplicate() BudgetItem {
	it.ID = 0
	it.GeneratedBy = ""
	it.Actual, it.ActualHome = Money{}, Money{}
	it.Reimbursement, it.ReimbursementDate = NotClaimed, Date{}
	return it
}

// Validate checks the item and says how to fix each problem.
func (it BudgetItem) Validate() error {
	var errs []error
	add := func(err error) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	if !it.Category.Valid() {
		add(categoryError("category", string(it.Category)))
	}
	add(CheckText("description", it.Description, false, MaxNameLen))
	add(it.validateDates())
	add(it.validateAmount("planned", it.Planned, true))
	add(it.validateAmount("actual", it.Actual, false))
	add(it.validateAmount("actual home", it.ActualHome, false))
	if it.ActualHome.IsSet() && !it.Actual.IsSet() {
		add(Invalid("actual home", "is set without an actual amount; enter what was spent first"))
	}
	add(it.validatePayer())
	add(it.validateFronted())
	add(it.validateReimbursement())
	if !it.GeneratedBy.Valid() {
		add(Invalid("generated by", "%q is not a generator; hotel, meals or none", it.GeneratedBy))
	}
	return errors.Join(errs...)
}

func (it BudgetItem) validateDates() error {
	switch {
	case it.EndDate.IsZero():
		return nil
	case it.Date.IsZero():
		return Invalid("end date", "is set without a start date; give the first day too")
	case it.EndDate.Before(it.Date):
		return CheckEndNotBefore("end date", it.Date, it.EndDate)
	case it.Date.DaysUntil(it.EndDate) >= MaxItemDays:
		return Invalid("end date", "the range is %d days long; at most %d", it.Date.DaysUntil(it.EndDate)+1, MaxItemDays)
	}
	return nil
}

func (it BudgetItem) validateAmount(field string, m Money, required bool) error {
	if !m.IsSet() {
		if required {
			return Invalid(field+" currency", "is required; use a three-letter ISO 4217 code such as USD, EUR or GBP")
		}
		if !m.Amount.IsZero() {
			return Invalid(field+" currency", "is missing for the amount %s; give its three-letter code", m.Amount.String())
		}
		return nil
	}
	if err := m.Validate(field); err != nil {
		return err
	}
	switch {
	case m.Amount.Sign() < 0 && !it.Refund:
		return Invalid(field, "%s is negative; only a refund may be negative: mark the item as a refund, or remove the minus sign", m)
	case m.Amount.Sign() > 0 && it.Refund:
		return Invalid(field, "%s is positive but the item is a refund; write money coming back with a minus sign (-%s), or unmark refund", m, FormatAmount(m.Amount, m.Currency))
	}
	return nil
}

func (it BudgetItem) validatePayer() error {
	p := it.EmployerPercent
	switch it.PaidBy {
	case PaidBySplit:
		if p < 0 || p > 100 {
			return Invalid("employer percent", "%d is not a percent; the employer's share is 0 to 100", p)
		}
	case PaidByMe:
		if p != 0 {
			return Invalid("employer percent", "is %d but you pay it all; choose split to share it with the employer", p)
		}
	case PaidByEmployer:
		if p != 0 && p != 100 {
			return Invalid("employer percent", "is %d but the employer pays it all; choose split to share it", p)
		}
	default:
		return Invalid("paid by", "%q is not a payer; choose me, employer or split", it.PaidBy)
	}
	return nil
}

func (it BudgetItem) validateFronted() error {
	switch it.FrontedBy {
	case "", PaidByMe:
		return nil
	case PaidByEmployer:
		if it.Reimbursement != NotClaimed {
			return Invalid("reimbursement", "is %s but the employer paid the item directly; only money you paid yourself is claimed back: choose \"paid by me\" or not claimed", it.Reimbursement.Label())
		}
		return nil
	}
	return Invalid("fronted by", "%q is not who paid; choose me or employer", it.FrontedBy)
}

func (it BudgetItem) validateReimbursement() error {
	switch it.Reimbursement {
	case NotClaimed:
		if !it.ReimbursementDate.IsZero() {
			return Invalid("reimbursement date", "is set but nothing is claimed; clear it, or mark the item claimed or reimbursed")
		}
	case Claimed, Reimbursed:
		if it.EmployerShare() == 0 {
			return Invalid("reimbursement", "is %s but you pay the item yourself; only the employer's share is claimed: choose employer or split", it.Reimbursement.Label())
		}
		if !it.Actual.IsSet() {
			return Invalid("reimbursement", "is %s but nothing was spent yet; enter the actual amount first", it.Reimbursement.Label())
		}
	default:
		return Invalid("reimbursement", "%q is not a reimbursement state; choose not claimed, claimed or reimbursed", it.Reimbursement)
	}
	return nil
}

// ItemHome is one item's amounts in the home currency, each with the rule
// that converted it.
type ItemHome struct {
	Planned   Conversion
	Actual    Conversion // meaningful only when HasActual
	HasActual bool
}

// Forecast is the best estimate of the item's cost: the actual once spent,
// the plan until then.
func (h ItemHome) Forecast() Conversion {
	if h.HasActual {
		return h.Actual
	}
	return h.Planned
}

// ConvertItem takes the item's amounts into rates' home currency at the
// rate in force on the item's (first) date. The exact amount charged, when
// recorded in the current home currency, wins over any rate.
func ConvertItem(it BudgetItem, rates RateTable) ItemHome {
	h := ItemHome{Planned: rates.Convert(it.Planned, it.Date), HasActual: it.Actual.IsSet()}
	switch {
	case !h.HasActual:
	case it.ActualHome.IsSet() && it.ActualHome.Currency == rates.Home():
		h.Actual = Conversion{From: it.Actual, Home: it.ActualHome.Amount, Choice: RateChoice{Rule: RateCharged, On: it.Date}}
	default:
		h.Actual = rates.Convert(it.Actual, it.Date)
	}
	return h
}

// Split is a home-currency amount and who bears it: Self + Employer = Total.
type Split struct {
	Total    decimal.Decimal
	Self     decimal.Decimal
	Employer decimal.Decimal
}

func (s Split) add(home decimal.Decimal, employerPercent int) Split {
	employer := home.Mul(decimal.NewFromInt(int64(employerPercent))).Shift(-2)
	return Split{
		Total:    s.Total.Add(home),
		Self:     s.Self.Add(home.Sub(employer)),
		Employer: s.Employer.Add(employer),
	}
}

// Shown rounds the split to currency's minor unit for display, so that the
// two shares shown add up to the total shown.
func (s Split) Shown(currency string) Split {
	parts := Allocate([]decimal.Decimal{s.Self, s.Employer}, currency)
	return Split{Total: RoundMinor(s.Total, currency), Self: parts[0], Employer: parts[1]}
}

// CategoryTotal is one category's row in the budget, in home currency.
type CategoryTotal struct {
	Category BudgetCategory
	Items    int // items in the category
	Spent    int // of which have an actual amount
	Planned  decimal.Decimal
	Actual   decimal.Decimal
	// PlannedShown and ActualShown are Planned and Actual rounded so that
	// the rows shown add up to the totals shown (see Allocate).
	PlannedShown decimal.Decimal
	ActualShown  decimal.Decimal
}

// ReimbursementTotals follow the employer's share of actual spend.
type ReimbursementTotals struct {
	NotClaimed decimal.Decimal // spent, not yet claimed
	Claimed    decimal.Decimal // claimed, awaiting payment
	Reimbursed decimal.Decimal // paid back
}

// Fronted is actual spend by who paid it at the till.
type Fronted struct {
	Self     decimal.Decimal
	Employer decimal.Decimal
}

// Shown rounds both to currency's minor unit for display.
func (f Fronted) Shown(currency string) Fronted {
	return Fronted{Self: RoundMinor(f.Self, currency), Employer: RoundMinor(f.Employer, currency)}
}

// Outstanding is the employer's share still owed: not claimed plus claimed.
func (r ReimbursementTotals) Outstanding() decimal.Decimal { return r.NotClaimed.Add(r.Claimed) }

// BudgetTotals is the whole budget in the home currency. All amounts are
// exact sums of exact conversions; round them only to show them (the
// Shown fields and methods do so consistently).
type BudgetTotals struct {
	Home string
	Rows []CategoryTotal // categories with items, in BudgetCategories order
	// Planned sums every item's plan; Actual the items spent so far;
	// Forecast the actual where spent and the plan elsewhere.
	Planned  Split
	Actual   Split
	Forecast Split
	// Fronted is the actual spend by who paid it at the till: Self is
	// "spent by you" (out of your pocket), Employer what the employer paid
	// directly. Fronted.Self + Fronted.Employer = Actual.Total.
	Fronted Fronted
	// Reimbursement covers the employer's share of the actual spend you
	// fronted: it never exceeds Fronted.Self.
	Reimbursement ReimbursementTotals
	// Missing lists the currencies without a rate (sorted): amounts in
	// them are left out of every sum above, never taken at 1:1.
	Missing []string
	// Unconverted counts the items with at least one amount left out.
	Unconverted int
}

// PlannedShown is the planned total as shown, rounded half-even.
func (t BudgetTotals) PlannedShown() decimal.Decimal { return RoundMinor(t.Planned.Total, t.Home) }

// ActualShown is the actual total as shown, rounded half-even.
func (t BudgetTotals) ActualShown() decimal.Decimal { return RoundMinor(t.Actual.Total, t.Home) }

// Complete reports whether every amount was converted.
func (t BudgetTotals) Complete() bool { return len(t.Missing) == 0 }

// budgetPart is the home-currency sum of items alike in everything the
// totals tell apart (its partKind).
type budgetPart struct {
	partKind
	Items       int
	Spent       int // items with an actual amount
	Unconverted int // items with an amount left out for want of a rate
	Planned     decimal.Decimal
	Actual      decimal.Decimal
	Forecast    decimal.Decimal
}

// partKind is everything the totals tell items apart by: category,
// employer's share and reimbursement state. Parts of one kind are merged
// before the totals are worked out (mergeParts), so a field the totals
// read besides the counts and amounts belongs here, or parts it tells
// apart would be mixed.
type partKind struct {
	Category      BudgetCategory
	EmployerShare int // percent
	Reimbursement Reimbursement
	FrontedByMe   bool // who paid at the till: the fronted-by figures tell these apart
}

// itemPart is item it's part of the totals at rates, and the currencies
// it lacks a rate for.
func itemPart(it BudgetItem, h ItemHome) (budgetPart, []string) {
	p := budgetPart{partKind: partKind{Category: it.Category, EmployerShare: it.EmployerShare(), Reimbursement: it.Reimbursement,
		FrontedByMe: it.Fronter() == PaidByMe}, Items: 1}
	if p.Category.order() < 0 {
		p.Category = CategoryOther
	}
	var missing []string
	if h.Planned.OK() {
		p.Planned = h.Planned.Home
	} else {
		missing = append(missing, it.Planned.Currency)
	}
	if h.HasActual {
		p.Spent = 1
		if h.Actual.OK() {
			p.Actual = h.Actual.Home
		} else {
			missing = append(missing, it.Actual.Currency)
		}
	}
	if f := h.Forecast(); f.OK() {
		p.Forecast = f.Home
	}
	if len(missing) > 0 {
		p.Unconverted = 1
	}
	return p, missing
}

// SumBudget totals items in rates' home currency: per category and overall,
// planned against actual, self against employer, and the reimbursements
// outstanding.
func SumBudget(items []BudgetItem, rates RateTable) BudgetTotals {
	t, _ := sumConverted(items, rates)
	return t
}

// BudgetList is SumBudget, and each item's forecast in the home currency
// by item ID rounded to the minor unit so that the rows add up to the
// forecast total shown (Allocate, a tie going to the item added first, the
// lower ID; an item without a rate counts zero): what the budget list
// shows, each item converted once.
func BudgetList(items []BudgetItem, rates RateTable) (BudgetTotals, map[int64]decimal.Decimal) {
	t, converted := sumConverted(items, rates)
	byID := make([]int, len(items)) // indexes: sorting the items themselves costs more
	for i := range byID {
		byID[i] = i
	}
	slices.SortFunc(byID, func(a, b int) int { return cmp.Compare(items[a].ID, items[b].ID) })
	exact := make([]decimal.Decimal, len(byID))
	for i, k := range byID {
		if f := converted[k].Forecast(); f.OK() {
			exact[i] = f.Home
		}
	}
	shown := make(map[int64]decimal.Decimal, len(byID))
	for i, d := range Allocate(exact, rates.Home()) {
		shown[items[byID[i]].ID] = d
	}
	return t, shown
}

// sumConverted is SumBudget, and each item converted.
func sumConverted(items []BudgetItem, rates RateTable) (BudgetTotals, []ItemHome) {
	parts := make([]budgetPart, 0, len(items))
	converted := make([]ItemHome, len(items))
	var missing []string
	for i, it := range items {
		converted[i] = ConvertItem(it, rates)
		p, m := itemPart(it, converted[i])
		parts = append(parts, p)
		missing = append(missing, m...)
	}
	return sumParts(rates.Home(), parts, missing), converted
}

// sumParts totals parts in currency home, missing being the currencies
// without a rate (in any order, repeats allowed).
func sumParts(home string, parts []budgetPart, missing []string) BudgetTotals {
	t := BudgetTotals{Home: home}
	rows := make([]CategoryTotal, len(budgetCategoryTable))
	for i, e := range budgetCategoryTable {
		rows[i].Category = e.cat
	}
	for _, p := range mergeParts(parts) {
		i := p.Category.order()
		if i < 0 {
			i = CategoryOther.order()
		}
		row := &rows[i]
		row.Items += p.Items
		row.Spent += p.Spent
		row.Planned = row.Planned.Add(p.Planned)
		row.Actual = row.Actual.Add(p.Actual)
		t.Planned = t.Planned.add(p.Planned, p.EmployerShare)
		t.Actual = t.Actual.add(p.Actual, p.EmployerShare)
		if p.FrontedByMe {
			t.Fronted.Self = t.Fronted.Self.Add(p.Actual)
			t.Reimbursement = t.Reimbursement.add(p.Reimbursement, p.EmployerShare, p.Actual)
		} else {
			t.Fronted.Employer = t.Fronted.Employer.Add(p.Actual)
		}
		t.Forecast = t.Forecast.add(p.Forecast, p.EmployerShare)
		t.Unconverted += p.Unconverted
	}
	for _, r := range rows {
		if r.Items > 0 {
			t.Rows = append(t.Rows, r)
		}
	}
	planned := make([]decimal.Decimal, len(t.Rows))
	actual := make([]decimal.Decimal, len(t.Rows))
	for i, r := range t.Rows {
		planned[i], actual[i] = r.Planned, r.Actual
	}
	planned, actual = Allocate(planned, t.Home), Allocate(actual, t.Home)
	for i := range t.Rows {
		t.Rows[i].PlannedShown, t.Rows[i].ActualShown = planned[i], actual[i]
	}
	t.Missing = slices.Compact(slices.Sorted(slices.Values(missing)))
	return t
}

// mergeParts adds up the parts of one partKind, in the order each kind
// first occurs. The totals are sums of exact products, so they are the
// same from the merged parts, and a few dozen parts take the shares and
// splits instead of thousands of items (issue 15: 5,000 items).
func mergeParts(parts []budgetPart) []budgetPart {
	index := map[partKind]int{}
	var merged []budgetPart
	for _, p := range parts {
		i, ok := index[p.partKind]
		if !ok {
			index[p.partKind] = len(merged)
			merged = append(merged, p)
			continue
		}
		m := &merged[i]
		m.Items += p.Items
		m.Spent += p.Spent
		m.Unconverted += p.Unconverted
		m.Planned = m.Planned.Add(p.Planned)
		m.Actual = m.Actual.Add(p.Actual)
		m.Forecast = m.Forecast.Add(p.Forecast)
	}
	return merged
}

func (r ReimbursementTotals) add(state Reimbursement, share int, actualHome decimal.Decimal) ReimbursementTotals {
	if share == 0 {
		return r
	}
	employer := actualHome.Mul(decimal.NewFromInt(int64(share))).Shift(-2)
	switch state {
	case Reimbursed:
		r.Reimbursed = r.Reimbursed.Add(employer)
	case Claimed:
		r.Claimed = r.Claimed.Add(employer)
	default:
		r.NotClaimed = r.NotClaimed.Add(employer)
	}
	return r
}

// CostPerDay divides total by the rotation's days and rounds half-even to
// currency's minor unit, for the "cost per rotation day" figure.
func CostPerDay(total decimal.Decimal, days int, currency string) (decimal.Decimal, error) {
	if days <= 0 {
		return decimal.Decimal{}, Invalid("days", "the rotation has %d days; add its blocks to see the cost per day", days)
	}
	return divRound(total, int64(days), currency), nil
}

// ProgramFeeUSD is the MCM rotation fee the sources state: USD 18,500,
// including the lab exam and one retake.
const ProgramFeeUSD = 18500

// ProgramFee is the rotation fee as a planned item, dated due (which may be
// the zero Date when the payment day is not known).
func ProgramFee(due Date) BudgetItem {
	return BudgetItem{
		Category:      CategoryProgramFee,
		Description:   "Rotation fee (includes the lab exam and one retake)",
		Date:          due,
		Planned:       Money{Amount: decimal.NewFromInt(ProgramFeeUSD), Currency: "USD"},
		PaidBy:        PaidByMe,
		Reimbursement: NotClaimed,
	}
}

// HotelForRotation plans one hotel item per block: a night for every day of
// the block, checking in the evening before the first day and out on the
// last day (after class, or the morning after at the user's own edit).
// Nightly is the location's rate in its own currency.
func HotelForRotation(blocks []Block, nightly Money) ([]BudgetItem, error) {
	if err := checkGenerator("nightly rate", blocks, nightly); err != nil {
		return nil, err
	}
	var out []BudgetItem
	for _, b := range SortedBlocks(blocks) {
		nights := b.Days()
		out = append(out, BudgetItem{
			Category:      CategoryHotel,
			Description:   fmt.Sprintf("Hotel%s, %s × %s", blockPlace(b), unitCount(nights, "night"), nightly),
			Date:          b.Start.AddDays(-1),
			EndDate:       b.End,
			Planned:       Money{Amount: nightly.Amount.Mul(decimal.NewFromInt(int64(nights))), Currency: nightly.Currency},
			PaidBy:        PaidByMe,
			Reimbursement: NotClaimed,
			GeneratedBy:   GeneratedHotel,
		})
	}
	return out, nil
}

// MealsPerDiem plans one meals item per block: the block's days × the daily
// rate, in the rate's currency.
func MealsPerDiem(blocks []Block, daily Money) ([]BudgetItem, error) {
	if err := checkGenerator("daily rate", blocks, daily); err != nil {
		return nil, err
	}
	var out []BudgetItem
	for _, b := range SortedBlocks(blocks) {
		days := b.Days()
		out = append(out, BudgetItem{
			Category:      CategoryMeals,
			Description:   fmt.Sprintf("Meals%s, %s × %s", blockPlace(b), unitCount(days, "day"), daily),
			Date:          b.Start,
			EndDate:       b.End,
			Planned:       Money{Amount: daily.Amount.Mul(decimal.NewFromInt(int64(days))), Currency: daily.Currency},
			PaidBy:        PaidByMe,
			Reimbursement: NotClaimed,
			GeneratedBy:   GeneratedMeals,
		})
	}
	return out, nil
}

func checkGenerator(field string, blocks []Block, rate Money) error {
	var errs []error
	if len(blocks) == 0 {
		errs = append(errs, Invalid("blocks", "the rotation has no blocks yet; add its dates first"))
	}
	for i, b := range blocks {
		switch {
		case b.Start.IsZero() || b.End.IsZero():
			errs = append(errs, Invalid("blocks", "block %d has no start or end date; complete the rotation first", i+1))
		case b.End.Before(b.Start):
			errs = append(errs, Invalid("blocks", "block %d ends %s before it starts %s; fix the rotation first", i+1, b.End, b.Start))
		case b.Days() > MaxBlockDays:
			errs = append(errs, Invalid("blocks", "block %d is %d days long; at most %d", i+1, b.Days(), MaxBlockDays))
		}
	}
	if err := rate.Validate(field); err != nil {
		errs = append(errs, err)
	} else if rate.Amount.Sign() <= 0 {
		errs = append(errs, Invalid(field, "%s must be above zero", rate))
	}
	return errors.Join(errs...)
}

func blockPlace(b Block) string {
	if loc := strings.TrimSpace(b.Location); loc != "" {
		return " in " + loc
	}
	return ""
}

func unitCount(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// Scenario is another location to price the same plan at: its hotel rate
// and, optionally, its meals per diem, each in the location's currency.
type Scenario struct {
	Label   string // e.g. "London"
	Nightly Money
	Daily   Money // the zero Money keeps the plan's own meals
	// Changes drop or re-price any other item there (ApplyScenarioChanges).
	Changes []ScenarioChange
}

// Comparison sets the plan beside the same plan at another location.
type Comparison struct {
	Base     BudgetTotals
	Alt      BudgetTotals
	AltItems []BudgetItem // the plan as priced at the other location
	// Difference is Alt's planned total minus Base's, exact; it is only
	// meaningful when both totals are Complete.
	Difference decimal.Decimal
}

// CompareScenario prices the plan at another location: the hotel items (and
// the meals, when the scenario has a per diem) are replaced by ones
// generated from the blocks at the scenario's rates, keeping who pays from
// the first item they replace. The scenario's Changes drop or re-price
// any other item; everything else stays as planned.
func CompareScenario(items []BudgetItem, blocks []Block, rates RateTable, alt Scenario) (Comparison, error) {
	changed, err := ApplyScenarioChanges(items, alt.Changes)
	if err != nil {
		return Comparison{}, err
	}
	hotel, err := HotelForRotation(blocks, alt.Nightly)
	if err != nil {
		return Comparison{}, err
	}
	var meals []BudgetItem
	if alt.Daily.IsSet() {
		if meals, err = MealsPerDiem(blocks, alt.Daily); err != nil {
			return Comparison{}, err
		}
	}
	replaced := func(c BudgetCategory) bool {
		return c == CategoryHotel || (c == CategoryMeals && alt.Daily.IsSet())
	}
	var altItems []BudgetItem
	payer := map[BudgetCategory]BudgetItem{}
	for _, it := range changed {
		if !replaced(it.Category) {
			altItems = append(altItems, it)
			continue
		}
		if _, ok := payer[it.Category]; !ok {
			payer[it.Category] = it
		}
	}
	for _, g := range slices.Concat(hotel, meals) {
		if p, ok := payer[g.Category]; ok {
			g.PaidBy, g.EmployerPercent = p.PaidBy, p.EmployerPercent
		}
		altItems = append(altItems, g)
	}
	c := Comparison{Base: SumBudget(items, rates), Alt: SumBudget(altItems, rates), AltItems: altItems}
	c.Difference = c.Alt.Planned.Total.Sub(c.Base.Planned.Total)
	return c, nil
}
