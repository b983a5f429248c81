package data

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

func validBudgetItem(t *testing.T) BudgetItem {
	t.Helper()
	return BudgetItem{
		Category:      CategoryFlights,
		Description:   "LHR to SEA, return",
		Date:          day(t, "2026-03-14"),
		Planned:       NewMoney("1200", "GBP"),
		PaidBy:        PaidByMe,
		Reimbursement: NotClaimed,
	}
}

func TestBudgetItemValidate(t *testing.T) {
	if err := validBudgetItem(t).Validate(); err != nil {
		t.Fatalf("valid item: %v", err)
	}
	tests := []struct {
		name       string
		edit       func(*BudgetItem)
		field, msg string
	}{
		{"no category", func(it *BudgetItem) { it.Category = "" }, "category", "is required; choose one of program fee"},
		{"label is not a stored category", func(it *BudgetItem) { it.Category = "Hotel" }, "category", `"Hotel" is not a category`},
		{"description too long", func(it *BudgetItem) { it.Description = strings.Repeat("x", MaxNameLen+1) }, "description", "the limit is 200"},
		{"end before start", func(it *BudgetItem) { it.EndDate = it.Date.AddDays(-1) }, "end date", "2026-03-13 is before the start 2026-03-14"},
		{"end without start", func(it *BudgetItem) { it.EndDate, it.Date = it.Date, Date{} }, "end date", "without a start date"},
		{"range too long", func(it *BudgetItem) { it.EndDate = it.Date.AddDays(MaxItemDays) }, "end date", "367 days long; at most 366"},
		{"no planned currency", func(it *BudgetItem) { it.Planned = Money{} }, "planned currency", "is required"},
		{"unknown planned currency", func(it *BudgetItem) { it.Planned.Currency = "XBT" }, "planned currency", "not a currency"},
		{"negative without refund", func(it *BudgetItem) { it.Planned = NewMoney("-12.50", "GBP") }, "planned", "only a refund may be negative: mark the item as a refund, or remove the minus sign"},
		{"refund with a positive amount", func(it *BudgetItem) { it.Refund = true }, "planned", "write money coming back with a minus sign (-1,200.00)"},
		{"planned too fine", func(it *BudgetItem) { it.Planned = NewMoney("10.005", "GBP") }, "planned", "more decimal places than GBP"},
		{"twenty digits", func(it *BudgetItem) { it.Planned = NewMoney("12345678901234567890", "GBP") }, "planned", "too large"},
		{"actual without currency", func(it *BudgetItem) { it.Actual = Money{Amount: decimal.NewFromInt(5)} }, "actual currency", "is missing for the amount 5"},
		{"actual in unknown currency", func(it *BudgetItem) { it.Actual = NewMoney("5", "ABC") }, "actual currency", "not a currency"},
		{"actual negative", func(it *BudgetItem) { it.Actual = NewMoney("-5", "GBP") }, "actual", "only a refund may be negative"},
		{"yen with decimals", func(it *BudgetItem) { it.Actual = NewMoney("5.5", "JPY") }, "actual", "JPY has no minor unit"},
		{"charged without actual", func(it *BudgetItem) { it.ActualHome = NewMoney("5", "USD") }, "actual home", "without an actual amount"},
		{"charged negative", func(it *BudgetItem) {
			it.Actual, it.ActualHome = NewMoney("5", "GBP"), NewMoney("-6", "USD")
		}, "actual home", "only a refund may be negative"},
		{"split above 100", func(it *BudgetItem) { it.PaidBy, it.EmployerPercent = PaidBySplit, 101 }, "employer percent", "101 is not a percent; the employer's share is 0 to 100"},
		{"split below 0", func(it *BudgetItem) { it.PaidBy, it.EmployerPercent = PaidBySplit, -1 }, "employer percent", "0 to 100"},
		{"me with a share", func(it *BudgetItem) { it.EmployerPercent = 40 }, "employer percent", "choose split"},
		{"employer with a partial share", func(it *BudgetItem) { it.PaidBy, it.EmployerPercent = PaidByEmployer, 50 }, "employer percent", "choose split"},
		{"no payer", func(it *BudgetItem) { it.PaidBy = "" }, "paid by", "choose me, employer or split"},
		{"no reimbursement state", func(it *BudgetItem) { it.Reimbursement = "" }, "reimbursement", "choose not claimed, claimed or reimbursed"},
		{"date but not claimed", func(it *BudgetItem) { it.ReimbursementDate = it.Date }, "reimbursement date", "nothing is claimed"},
		{"claimed but self-paid", func(it *BudgetItem) {
			it.Actual, it.Reimbursement = NewMoney("5", "GBP"), Claimed
		}, "reimbursement", "you pay the item yourself"},
		{"claimed before spending", func(it *BudgetItem) { it.PaidBy, it.Reimbursement = PaidByEmployer, Reimbursed }, "reimbursement", "nothing was spent yet"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			it := validBudgetItem(t)
			tc.edit(&it)
			wantFieldError(t, it.Validate(), tc.field, tc.msg)
		})
	}
	valid := []struct {
		name string
		edit func(*BudgetItem)
	}{
		{"refund with negative amounts", func(it *BudgetItem) {
			it.Refund, it.Planned, it.Actual, it.ActualHome = true, NewMoney("0", "GBP"), NewMoney("-120", "GBP"), NewMoney("-151.20", "USD")
		}},
		{"zero planned, unplanned spend", func(it *BudgetItem) { it.Planned, it.Actual = NewMoney("0", "GBP"), NewMoney("30", "EUR") }},
		{"undated", func(it *BudgetItem) { it.Date = Date{} }},
		{"one-day range", func(it *BudgetItem) { it.EndDate = it.Date }},
		{"longest range", func(it *BudgetItem) { it.EndDate = it.Date.AddDays(MaxItemDays - 1) }},
		{"split 0", func(it *BudgetItem) { it.PaidBy = PaidBySplit }},
		{"split 100", func(it *BudgetItem) { it.PaidBy, it.EmployerPercent = PaidBySplit, 100 }},
		{"employer written as 100", func(it *BudgetItem) { it.PaidBy, it.EmployerPercent = PaidByEmployer, 100 }},
		{"reimbursed with date", func(it *BudgetItem) {
			it.PaidBy, it.Actual, it.Reimbursement, it.ReimbursementDate = PaidByEmployer, NewMoney("1100", "GBP"), Reimbursed, day(t, "2026-04-20")
		}},
		{"claimed without date", func(it *BudgetItem) {
			it.PaidBy, it.EmployerPercent, it.Actual, it.Reimbursement = PaidBySplit, 30, NewMoney("1100", "GBP"), Claimed
		}},
	}
	for _, tc := range valid {
		t.Run(tc.name, func(t *testing.T) {
			it := validBudgetItem(t)
			tc.edit(&it)
			if err := it.Validate(); err != nil {
				t.Errorf("Validate() = %v, want nil", err)
			}
		})
	}
}

func TestBudgetParseCategory(t *testing.T) {
	for in, want := range map[string]BudgetCategory{
		"Program fee": CategoryProgramFee, "program_fee": CategoryProgramFee, "PROGRAM-FEE": CategoryProgramFee,
		"application fee": CategoryApplicationFee, "Flight": CategoryFlights, " hotel ": CategoryHotel,
		"per diem": CategoryMeals, "Ground transport": CategoryGroundTransport, "Visa/insurance": CategoryVisaInsurance,
		"visa & insurance": CategoryVisaInsurance, "insurance": CategoryVisaInsurance, "Materials": CategoryMaterials, "other": CategoryOther,
	} {
		got, err := ParseBudgetCategory("category", in)
		if err != nil || got != want {
			t.Errorf("ParseBudgetCategory(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for in, msg := range map[string]string{"": "is required", "hotel 2": `"hotel 2" is not a category`, "snacks": "choose one of program fee, application fee, flights"} {
		_, err := ParseBudgetCategory("category", in)
		wantFieldError(t, err, "category", msg)
	}
	cats := BudgetCategories()
	if len(cats) != 9 || cats[0] != CategoryProgramFee || cats[8] != CategoryOther {
		t.Errorf("BudgetCategories() = %v", cats)
	}
	for _, c := range cats {
		if !c.Valid() || c.Label() == string(c) && c != CategoryOther && c != CategoryHotel {
			t.Errorf("category %q: valid %v, label %q", c, c.Valid(), c.Label())
		}
	}
	if CategoryVisaInsurance.Label() != "Visa/insurance" || BudgetCategory("x").Valid() || BudgetCategory("x").Label() != "x" {
		t.Error("labels or validity wrong")
	}
}

func TestBudgetParsePayer(t *testing.T) {
	for in, want := range map[string]Payer{"me": PaidByMe, "Self": PaidByMe, "EMPLOYER": PaidByEmployer, "company": PaidByEmployer, "split": PaidBySplit, " Shared ": PaidBySplit} {
		got, err := ParsePayer("paid by", in)
		if err != nil || got != want {
			t.Errorf("ParsePayer(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	_, err := ParsePayer("paid by", "boss")
	wantFieldError(t, err, "paid by", `"boss" is not a payer; write me, employer or split`)
}

func TestBudgetParseReimbursement(t *testing.T) {
	tests := []struct {
		in   string
		want Reimbursement
		on   string
	}{
		{"", NotClaimed, ""},
		{"not claimed", NotClaimed, ""},
		{"Not_Claimed", NotClaimed, ""},
		{"claimed", Claimed, ""},
		{"claimed 2026-04-01", Claimed, "2026-04-01"},
		{"Reimbursed: 2026-04-20", Reimbursed, "2026-04-20"},
		{"reimbursed;2026-04-20", Reimbursed, "2026-04-20"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, on, err := ParseReimbursement("reimbursement", tc.in)
			if err != nil || got != tc.want || on.String() != tc.on {
				t.Errorf("ParseReimbursement(%q) = %q, %s, %v; want %q, %s", tc.in, got, on, err, tc.want, tc.on)
			}
		})
	}
	for _, tc := range []struct{ in, field, msg string }{
		{"2026-04-20", "reimbursement", "not a reimbursement state"},
		{"maybe", "reimbursement", "write not claimed, claimed or reimbursed"},
		{"not claimed 2026-04-01", "reimbursement", "a date belongs to claimed or reimbursed"},
		{"reimbursed 2026-02-30", "reimbursement date", "is not a date"},
	} {
		_, _, err := ParseReimbursement("reimbursement", tc.in)
		wantFieldError(t, err, tc.field, tc.msg)
	}
	if Claimed.Label() != "claimed" || NotClaimed.Label() != "not claimed" || Reimbursed.Label() != "reimbursed" {
		t.Error("reimbursement labels wrong")
	}
}

func TestBudgetConvertItem(t *testing.T) {
	rates := []Rate{
		{Currency: "GBP", ToHome: dec(t, "1.25"), AsOf: day(t, "2026-01-01")},
		{Currency: "USD", ToHome: dec(t, "0.92"), AsOf: day(t, "2026-01-01")},
		{Currency: "GBP", ToHome: dec(t, "1.17"), AsOf: day(t, "2026-01-01")},
	}
	it := validBudgetItem(t)
	it.Actual, it.ActualHome = NewMoney("1100", "GBP"), NewMoney("1402.37", "USD")

	t.Run("charged amount wins over the rate", func(t *testing.T) {
		h := ConvertItem(it, NewRateTable("USD", rates[:1]))
		if !h.HasActual || h.Actual.Choice.Rule != RateCharged || !h.Actual.Home.Equal(dec(t, "1402.37")) {
			t.Errorf("actual = %+v, want the charged USD 1402.37", h.Actual)
		}
		if h.Planned.Choice.Rule != RateOnOrBefore || !h.Planned.Home.Equal(dec(t, "1500")) {
			t.Errorf("planned = %+v, want 1500 at 1.25", h.Planned)
		}
		if f := h.Forecast(); f.Choice.Rule != RateCharged {
			t.Errorf("forecast = %+v, want the actual", f)
		}
	})
	t.Run("charged in a former home currency falls back to rates", func(t *testing.T) {
		h := ConvertItem(it, NewRateTable("EUR", rates[1:]))
		if h.Actual.Choice.Rule != RateOnOrBefore || !h.Actual.Home.Equal(dec(t, "1287")) {
			t.Errorf("actual = %+v, want GBP 1100 at 1.17 = 1287", h.Actual)
		}
	})
	t.Run("nothing spent: forecast is the plan", func(t *testing.T) {
		h := ConvertItem(validBudgetItem(t), NewRateTable("USD", rates[:1]))
		if h.HasActual || !h.Forecast().Home.Equal(dec(t, "1500")) {
			t.Errorf("item home = %+v", h)
		}
	})
}

// budgetFixture is a plan in three currencies plus one with no rate (JPY).
func budgetFixture(t *testing.T) []BudgetItem {
	t.Helper()
	on := day(t, "2026-03-01")
	return []BudgetItem{
		{Category: CategoryProgramFee, Date: on, Planned: NewMoney("18500", "USD"), Actual: NewMoney("18500", "USD"),
			PaidBy: PaidByEmployer, Reimbursement: Claimed},
		{Category: CategoryFlights, Date: on, Planned: NewMoney("800", "GBP"), Actual: NewMoney("760.40", "GBP"),
			ActualHome: NewMoney("968.12", "USD"), PaidBy: PaidByMe, Reimbursement: NotClaimed},
		{Category: CategoryHotel, Date: on, EndDate: on.AddDays(20), Planned: NewMoney("3000", "GBP"),
			PaidBy: PaidBySplit, EmployerPercent: 50, Reimbursement: NotClaimed},
		{Category: CategoryMeals, Date: on, Planned: NewMoney("1200", "EUR"), Actual: NewMoney("1234.56", "EUR"),
			PaidBy: PaidBySplit, EmployerPercent: 25, Reimbursement: NotClaimed},
		{Category: CategoryMaterials, Date: on, Planned: NewMoney("5000", "JPY"), PaidBy: PaidByMe, Reimbursement: NotClaimed},
		{Category: CategoryOther, Description: "taxi refund", Date: on, Planned: NewMoney("0", "USD"), Actual: NewMoney("-45.50", "USD"),
			PaidBy: PaidByMe, Reimbursement: NotClaimed, Refund: true},
	}
}

func fixtureRates(t *testing.T) RateTable {
	t.Helper()
	return NewRateTable("USD", []Rate{
		{Currency: "GBP", ToHome: dec(t, "1.25"), AsOf: day(t, "2026-01-01")},
		{Currency: "EUR", ToHome: dec(t, "1.10"), AsOf: day(t, "2026-01-01")},
	})
}

func wantDec(t *testing.T, what string, got decimal.Decimal, want string) {
	t.Helper()
	if !got.Equal(dec(t, want)) {
		t.Errorf("%s = %s, want %s", what, got, want)
	}
}

func TestBudgetSum(t *testing.T) {
	items := budgetFixture(t)
	for i, it := range items {
		if err := it.Validate(); err != nil {
			t.Fatalf("fixture item %d: %v", i, err)
		}
	}
	tot := SumBudget(items, fixtureRates(t))

	wantDec(t, "planned total", tot.Planned.Total, "24570")
	wantDec(t, "planned employer", tot.Planned.Employer, "20705")
	wantDec(t, "planned self", tot.Planned.Self, "3865")
	wantDec(t, "actual total", tot.Actual.Total, "20780.636")
	wantDec(t, "actual employer", tot.Actual.Employer, "18839.504")
	wantDec(t, "actual self", tot.Actual.Self, "1941.132")
	wantDec(t, "forecast total", tot.Forecast.Total, "24530.636")
	wantDec(t, "not claimed", tot.Reimbursement.NotClaimed, "339.504")
	wantDec(t, "claimed", tot.Reimbursement.Claimed, "18500")
	wantDec(t, "reimbursed", tot.Reimbursement.Reimbursed, "0")
	wantDec(t, "outstanding", tot.Reimbursement.Outstanding(), "18839.504")
	wantDec(t, "planned shown", tot.PlannedShown(), "24570")
	wantDec(t, "actual shown", tot.ActualShown(), "20780.64")

	if tot.Home != "USD" || tot.Complete() || len(tot.Missing) != 1 || tot.Missing[0] != "JPY" || tot.Unconverted != 1 {
		t.Errorf("home %s, missing %v, unconverted %d; want USD, [JPY], 1", tot.Home, tot.Missing, tot.Unconverted)
	}

	wantRows := []struct {
		cat                                  BudgetCategory
		items, spent                         int
		planned, actual, plannedShown, shown string
	}{
		{CategoryProgramFee, 1, 1, "18500", "18500", "18500", "18500"},
		{CategoryFlights, 1, 1, "1000", "968.12", "1000", "968.12"},
		{CategoryHotel, 1, 0, "3750", "0", "3750", "0"},
		{CategoryMeals, 1, 1, "1320", "1358.016", "1320", "1358.02"},
		{CategoryMaterials, 1, 0, "0", "0", "0", "0"},
		{CategoryOther, 1, 1, "0", "-45.50", "0", "-45.50"},
	}
	if len(tot.Rows) != len(wantRows) {
		t.Fatalf("rows = %+v", tot.Rows)
	}
	for i, w := range wantRows {
		r := tot.Rows[i]
		if r.Category != w.cat || r.Items != w.items || r.Spent != w.spent {
			t.Errorf("row %d = %s items %d spent %d, want %s %d %d", i, r.Category, r.Items, r.Spent, w.cat, w.items, w.spent)
		}
		wantDec(t, string(w.cat)+" planned", r.Planned, w.planned)
		wantDec(t, string(w.cat)+" actual", r.Actual, w.actual)
		wantDec(t, string(w.cat)+" planned shown", r.PlannedShown, w.plannedShown)
		wantDec(t, string(w.cat)+" actual shown", r.ActualShown, w.shown)
	}

	shown := tot.Actual.Shown("USD")
	wantDec(t, "actual shown total", shown.Total, "20780.64")
	wantDec(t, "actual shown self", shown.Self, "1941.13")
	wantDec(t, "actual shown employer (largest remainder)", shown.Employer, "18839.51")

	perDay, err := CostPerDay(tot.Forecast.Total, 20, "USD")
	if err != nil {
		t.Fatal(err)
	}
	wantDec(t, "forecast per day", perDay, "1226.53")

	t.Run("empty budget", func(t *testing.T) {
		empty := SumBudget(nil, fixtureRates(t))
		if len(empty.Rows) != 0 || !empty.Planned.Total.IsZero() || !empty.Complete() || empty.Unconverted != 0 {
			t.Errorf("empty totals = %+v", empty)
		}
	})
	t.Run("actual with no rate is missing, not the plan", func(t *testing.T) {
		it := budgetFixture(t)[1]
		it.Actual, it.ActualHome = NewMoney("9000", "SEK"), Money{}
		got := SumBudget([]BudgetItem{it}, fixtureRates(t))
		if len(got.Missing) != 1 || got.Missing[0] != "SEK" || got.Unconverted != 1 {
			t.Errorf("missing = %v, unconverted %d", got.Missing, got.Unconverted)
		}
		wantDec(t, "planned", got.Planned.Total, "1000")
		wantDec(t, "forecast", got.Forecast.Total, "0")
	})
	t.Run("unknown category counts as other", func(t *testing.T) {
		it := budgetFixture(t)[0]
		it.Category = "legacy"
		got := SumBudget([]BudgetItem{it}, fixtureRates(t))
		if len(got.Rows) != 1 || got.Rows[0].Category != CategoryOther {
			t.Errorf("rows = %+v", got.Rows)
		}
	})
}

func TestBudgetSplitArithmetic(t *testing.T) {
	tests := []struct {
		name                     string
		payer                    Payer
		percent                  int
		amount                   string
		employer, self           string
		shownEmployer, shownSelf string
	}{
		{"a third to the employer", PaidBySplit, 33, "100.01", "33.0033", "67.0067", "33.00", "67.01"},
		{"half of an odd cent goes to self on the tie", PaidBySplit, 50, "0.01", "0.005", "0.005", "0.00", "0.01"},
		{"employer pays all", PaidByEmployer, 0, "250", "250", "0", "250", "0"},
		{"me", PaidByMe, 0, "250", "0", "250", "0", "250"},
		{"split 0", PaidBySplit, 0, "99.99", "0", "99.99", "0", "99.99"},
		{"split 100", PaidBySplit, 100, "99.99", "99.99", "0", "99.99", "0"},
		{"refund shared", PaidBySplit, 25, "-40", "-10", "-30", "-10", "-30"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			it := BudgetItem{Category: CategoryOther, Planned: NewMoney(tc.amount, "USD"), PaidBy: tc.payer, EmployerPercent: tc.percent, Reimbursement: NotClaimed}
			got := SumBudget([]BudgetItem{it}, NewRateTable("USD", nil)).Planned
			wantDec(t, "employer", got.Employer, tc.employer)
			wantDec(t, "self", got.Self, tc.self)
			shown := got.Shown("USD")
			wantDec(t, "shown employer", shown.Employer, tc.shownEmployer)
			wantDec(t, "shown self", shown.Self, tc.shownSelf)
			if !shown.Self.Add(shown.Employer).Equal(shown.Total) {
				t.Errorf("shown %s + %s != %s", shown.Self, shown.Employer, shown.Total)
			}
		})
	}
}

func TestBudgetReimbursements(t *testing.T) {
	base := BudgetItem{Category: CategoryHotel, Planned: NewMoney("1000", "USD"), Actual: NewMoney("900", "USD"), PaidBy: PaidBySplit, EmployerPercent: 60}
	tests := []struct {
		name                            string
		state                           Reimbursement
		payer                           Payer
		notClaimed, claimed, reimbursed string
	}{
		{"not claimed", NotClaimed, PaidBySplit, "540", "0", "0"},
		{"claimed", Claimed, PaidBySplit, "0", "540", "0"},
		{"reimbursed is no longer outstanding", Reimbursed, PaidBySplit, "0", "0", "540"},
		{"self-paid owes nothing", NotClaimed, PaidByMe, "0", "0", "0"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			it := base
			it.Reimbursement, it.PaidBy = tc.state, tc.payer
			if tc.payer == PaidByMe {
				it.EmployerPercent = 0
			}
			planOnly := it
			planOnly.Actual, planOnly.Reimbursement = Money{}, NotClaimed
			r := SumBudget([]BudgetItem{it, planOnly}, NewRateTable("USD", nil)).Reimbursement
			wantDec(t, "not claimed", r.NotClaimed, tc.notClaimed)
			wantDec(t, "claimed", r.Claimed, tc.claimed)
			wantDec(t, "reimbursed", r.Reimbursed, tc.reimbursed)
			wantDec(t, "outstanding", r.Outstanding(), dec(t, tc.notClaimed).Add(dec(t, tc.claimed)).String())
		})
	}
}

func TestBudgetCostPerDay(t *testing.T) {
	tests := []struct {
		name, total string
		days        int
		currency    string
		want        string
	}{
		{"fee over three weeks", "18500", 21, "USD", "880.95"},
		{"tie rounds to even, down", "0.25", 2, "USD", "0.12"},
		{"tie rounds to even, up", "0.35", 2, "USD", "0.18"},
		{"negative tie", "-0.25", 2, "USD", "-0.12"},
		{"just above a tie", "0.2500001", 2, "USD", "0.13"},
		{"yen tie down", "1001", 2, "JPY", "500"},
		{"yen tie up", "1003", 2, "JPY", "502"},
		{"exact", "2100", 21, "EUR", "100"},
		{"zero", "0", 5, "USD", "0"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := CostPerDay(dec(t, tc.total), tc.days, tc.currency)
			if err != nil {
				t.Fatal(err)
			}
			wantDec(t, "per day", got, tc.want)
		})
	}
	_, err := CostPerDay(dec(t, "100"), 0, "USD")
	wantFieldError(t, err, "days", "add its blocks")
}

func splitRotation(t *testing.T) []Block {
	t.Helper()
	// The split format: a two-week block listed before the earlier one-week
	// block, to check the generators sort.
	return []Block{
		{Start: day(t, "2009-10-05"), End: day(t, "2009-10-18"), Location: "Redmond", TimeZone: "America/Los_Angeles"},
		{Start: day(t, "2009-07-06"), End: day(t, "2009-07-12"), Location: "Redmond", TimeZone: "America/Los_Angeles"},
	}
}

func TestBudgetGenerators(t *testing.T) {
	t.Run("hotel for a split rotation", func(t *testing.T) {
		items, err := HotelForRotation(splitRotation(t), NewMoney("189", "USD"))
		if err != nil {
			t.Fatal(err)
		}
		want := []struct{ from, to, amount, desc string }{
			{"2009-07-05", "2009-07-12", "1323", "Hotel in Redmond, 7 nights × USD 189.00"},
			{"2009-10-04", "2009-10-18", "2646", "Hotel in Redmond, 14 nights × USD 189.00"},
		}
		if len(items) != len(want) {
			t.Fatalf("items = %+v", items)
		}
		for i, w := range want {
			it := items[i]
			if it.Date.String() != w.from || it.EndDate.String() != w.to || it.Description != w.desc || it.Category != CategoryHotel {
				t.Errorf("item %d = %s..%s %q %s", i, it.Date, it.EndDate, it.Description, it.Category)
			}
			if !it.Planned.Equal(NewMoney(w.amount, "USD")) {
				t.Errorf("item %d planned %v, want USD %s", i, it.Planned, w.amount)
			}
			if err := it.Validate(); err != nil {
				t.Errorf("generated item %d invalid: %v", i, err)
			}
		}
	})
	t.Run("hotel over a leap day, one night, no location", func(t *testing.T) {
		items, err := HotelForRotation([]Block{
			{Start: day(t, "2028-02-27"), End: day(t, "2028-03-01")},
			{Start: day(t, "2028-05-01"), End: day(t, "2028-05-01")},
		}, NewMoney("150.50", "GBP"))
		if err != nil {
			t.Fatal(err)
		}
		if items[0].Date.String() != "2028-02-26" || !items[0].Planned.Equal(NewMoney("602", "GBP")) || items[0].Description != "Hotel, 4 nights × GBP 150.50" {
			t.Errorf("leap block item = %s %v %q", items[0].Date, items[0].Planned, items[0].Description)
		}
		if items[1].Description != "Hotel, 1 night × GBP 150.50" {
			t.Errorf("one-night description %q", items[1].Description)
		}
	})
	t.Run("meals per diem", func(t *testing.T) {
		items, err := MealsPerDiem(splitRotation(t), NewMoney("45.50", "EUR"))
		if err != nil {
			t.Fatal(err)
		}
		if len(items) != 2 || !items[0].Planned.Equal(NewMoney("318.50", "EUR")) || !items[1].Planned.Equal(NewMoney("637", "EUR")) {
			t.Fatalf("items = %+v", items)
		}
		if items[0].Date.String() != "2009-07-06" || items[0].EndDate.String() != "2009-07-12" || items[0].Description != "Meals in Redmond, 7 days × EUR 45.50" {
			t.Errorf("first item = %s..%s %q", items[0].Date, items[0].EndDate, items[0].Description)
		}
		for _, it := range items {
			if err := it.Validate(); err != nil {
				t.Error(err)
			}
		}
	})
	t.Run("program fee", func(t *testing.T) {
		fee := ProgramFee(day(t, "2009-05-01"))
		if fee.Category != CategoryProgramFee || !fee.Planned.Equal(NewMoney("18500", "USD")) || fee.Date.String() != "2009-05-01" {
			t.Errorf("fee = %+v", fee)
		}
		if err := fee.Validate(); err != nil {
			t.Error(err)
		}
		if err := ProgramFee(Date{}).Validate(); err != nil {
			t.Errorf("undated fee: %v", err)
		}
	})
	bad := []struct {
		name       string
		blocks     []Block
		rate       Money
		field, msg string
	}{
		{"no blocks", nil, NewMoney("100", "USD"), "blocks", "no blocks yet"},
		{"end before start", []Block{{Start: day(t, "2009-07-06"), End: day(t, "2009-07-01")}}, NewMoney("100", "USD"), "blocks", "block 1 ends 2009-07-01 before it starts"},
		{"undated block", []Block{{Start: day(t, "2009-07-06")}}, NewMoney("100", "USD"), "blocks", "no start or end date"},
		{"too long", []Block{{Start: day(t, "2009-01-01"), End: day(t, "2009-12-31")}}, NewMoney("100", "USD"), "blocks", "at most 92"},
		{"zero rate", splitRotation(t), NewMoney("0", "USD"), "nightly rate", "must be above zero"},
		{"negative rate", splitRotation(t), NewMoney("-5", "USD"), "nightly rate", "must be above zero"},
		{"unknown currency", splitRotation(t), NewMoney("100", "ZZZ"), "nightly rate currency", "not a currency"},
		{"yen decimals", splitRotation(t), NewMoney("100.5", "JPY"), "nightly rate", "no minor unit"},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			items, err := HotelForRotation(tc.blocks, tc.rate)
			if items != nil {
				t.Errorf("items = %+v, want none", items)
			}
			wantFieldError(t, err, tc.field, tc.msg)
		})
	}
	_, err := MealsPerDiem(nil, Money{})
	wantFieldError(t, err, "daily rate currency", "is required")
}

func TestBudgetDuplicate(t *testing.T) {
	it := budgetFixture(t)[0]
	it.ID, it.ReimbursementDate, it.Reimbursement = 42, day(t, "2026-04-01"), Reimbursed
	cp := it.Duplicate()
	if cp.ID != 0 || cp.Actual.IsSet() || cp.ActualHome.IsSet() || cp.Reimbursement != NotClaimed || !cp.ReimbursementDate.IsZero() {
		t.Errorf("duplicate kept the original's spend: %+v", cp)
	}
	if cp.Category != it.Category || !cp.Planned.Equal(it.Planned) || cp.PaidBy != it.PaidBy || cp.Date != it.Date {
		t.Errorf("duplicate lost the plan: %+v", cp)
	}
	if err := cp.Validate(); err != nil {
		t.Error(err)
	}
	if it.ID != 42 || !it.Actual.IsSet() {
		t.Error("Duplicate changed the original")
	}
}

func TestBudgetCompareScenario(t *testing.T) {
	blocks := []Block{{Start: day(t, "2009-01-05"), End: day(t, "2009-01-25"), Location: "Redmond"}}
	hotel, err := HotelForRotation(blocks, NewMoney("189", "USD"))
	if err != nil {
		t.Fatal(err)
	}
	hotel[0].PaidBy, hotel[0].EmployerPercent = PaidBySplit, 50
	meals, err := MealsPerDiem(blocks, NewMoney("60", "USD"))
	if err != nil {
		t.Fatal(err)
	}
	items := append([]BudgetItem{ProgramFee(day(t, "2008-11-01"))}, append(hotel, meals...)...)
	rates := NewRateTable("USD", []Rate{{Currency: "GBP", ToHome: dec(t, "1.25"), AsOf: day(t, "2009-01-01")}})

	t.Run("London hotel and meals", func(t *testing.T) {
		c, err := CompareScenario(items, blocks, rates, Scenario{Label: "London", Nightly: NewMoney("150", "GBP"), Daily: NewMoney("40", "GBP")})
		if err != nil {
			t.Fatal(err)
		}
		wantDec(t, "base planned", c.Base.Planned.Total, "23729")
		wantDec(t, "alt planned", c.Alt.Planned.Total, "23487.5")
		wantDec(t, "difference", c.Difference, "-241.5")
		wantDec(t, "alt employer keeps the hotel split", c.Alt.Planned.Employer, "1968.75")
		if len(c.AltItems) != 3 || !c.Base.Complete() || !c.Alt.Complete() {
			t.Errorf("alt items %d, missing %v / %v", len(c.AltItems), c.Base.Missing, c.Alt.Missing)
		}
		if len(items) != 3 || items[1].Planned.Currency != "USD" {
			t.Error("CompareScenario changed the caller's items")
		}
	})
	t.Run("hotel only keeps the plan's meals", func(t *testing.T) {
		c, err := CompareScenario(items, blocks, rates, Scenario{Label: "London", Nightly: NewMoney("150", "GBP")})
		if err != nil {
			t.Fatal(err)
		}
		wantDec(t, "alt planned", c.Alt.Planned.Total, "23697.5") // 18500 + 3937.5 + 1260
	})
	t.Run("a currency with no rate is named, not taken at 1:1", func(t *testing.T) {
		c, err := CompareScenario(items, blocks, rates, Scenario{Label: "Munich", Nightly: NewMoney("170", "EUR")})
		if err != nil {
			t.Fatal(err)
		}
		if c.Alt.Complete() || len(c.Alt.Missing) != 1 || c.Alt.Missing[0] != "EUR" {
			t.Errorf("alt missing = %v, want [EUR]", c.Alt.Missing)
		}
	})
	t.Run("bad scenario", func(t *testing.T) {
		_, err := CompareScenario(items, blocks, rates, Scenario{Label: "Nowhere", Nightly: NewMoney("0", "USD")})
		wantFieldError(t, err, "nightly rate", "above zero")
		_, err = CompareScenario(items, blocks, rates, Scenario{Nightly: NewMoney("100", "USD"), Daily: NewMoney("-1", "USD")})
		wantFieldError(t, err, "daily rate", "above zero")
	})
}

// TestBudgetRowsAddUpProperty checks, over random budgets in random
// currencies, that the rounded rows shown always add up to the rounded
// total shown, that no row moves by a whole minor unit, and that the self
// and employer shares add up to the total both exactly and as shown.
func TestBudgetRowsAddUpProperty(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 2026))
	currencies := []string{"USD", "GBP", "EUR", "JPY", "BHD", "KWD", "CHF", "INR", "KRW"}
	on := day(t, "2026-01-01")
	randAmount := func(currency string, refund bool) Money {
		units := MinorUnits(currency)
		d := decimal.New(rng.Int64N(100_000_000), -units)
		if refund {
			d = d.Neg()
		}
		return Money{Amount: d, Currency: currency}
	}
	for iter := range 3000 {
		home := currencies[rng.IntN(len(currencies))]
		var rates []Rate
		for _, c := range currencies {
			if c != home && rng.IntN(6) > 0 {
				rates = append(rates, Rate{Currency: c, ToHome: decimal.New(rng.Int64N(10_000_000)+1, -int32(rng.IntN(9))), AsOf: on.AddDays(rng.IntN(60) - 30)})
			}
		}
		table := NewRateTable(home, rates)
		cats := BudgetCategories()
		var items []BudgetItem
		for range rng.IntN(25) {
			refund := rng.IntN(8) == 0
			it := BudgetItem{
				Category:        cats[rng.IntN(len(cats))],
				Date:            on.AddDays(rng.IntN(90) - 45),
				Planned:         randAmount(currencies[rng.IntN(len(currencies))], refund),
				PaidBy:          PaidBySplit,
				EmployerPercent: rng.IntN(101),
				Reimbursement:   NotClaimed,
				Refund:          refund,
			}
			if rng.IntN(2) == 0 {
				it.Actual = randAmount(currencies[rng.IntN(len(currencies))], refund)
			}
			items = append(items, it)
		}
		tot := SumBudget(items, table)
		unit := decimal.New(1, -MinorUnits(home))
		var plannedRows, actualRows, plannedExact decimal.Decimal
		for _, r := range tot.Rows {
			plannedRows = plannedRows.Add(r.PlannedShown)
			actualRows = actualRows.Add(r.ActualShown)
			plannedExact = plannedExact.Add(r.Planned)
			if r.PlannedShown.Sub(r.Planned).Abs().Cmp(unit) >= 0 || r.ActualShown.Sub(r.Actual).Abs().Cmp(unit) >= 0 {
				t.Fatalf("iteration %d: row %s shown %s/%s is a unit or more from %s/%s", iter, r.Category, r.PlannedShown, r.ActualShown, r.Planned, r.Actual)
			}
		}
		if !plannedRows.Equal(tot.PlannedShown()) || !actualRows.Equal(tot.ActualShown()) {
			t.Fatalf("iteration %d (%s): rows add up to %s/%s, totals shown %s/%s", iter, home, plannedRows, actualRows, tot.PlannedShown(), tot.ActualShown())
		}
		if !plannedExact.Equal(tot.Planned.Total) {
			t.Fatalf("iteration %d: exact rows %s != total %s", iter, plannedExact, tot.Planned.Total)
		}
		for _, s := range []Split{tot.Planned, tot.Actual, tot.Forecast} {
			if !s.Self.Add(s.Employer).Equal(s.Total) {
				t.Fatalf("iteration %d: exact split %s + %s != %s", iter, s.Self, s.Employer, s.Total)
			}
			sh := s.Shown(home)
			if !sh.Self.Add(sh.Employer).Equal(sh.Total) || !sh.Total.Equal(RoundMinor(s.Total, home)) {
				t.Fatalf("iteration %d: shown split %s + %s != %s", iter, sh.Self, sh.Employer, sh.Total)
			}
		}
	}
}
