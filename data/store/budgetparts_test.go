package store

import (
	"cmp"
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/masterplan-app/masterplan/data"
)

// totalsText writes totals with every amount exact, to compare two.
func totalsText(t data.BudgetTotals) string {
	d := func(v decimal.Decimal) string { return v.String() }
	split := func(s data.Split) string { return d(s.Total) + "/" + d(s.Self) + "/" + d(s.Employer) }
	var b strings.Builder
	fmt.Fprintf(&b, "%s planned %s actual %s forecast %s reimb %s/%s/%s missing %v unconverted %d\n", t.Home,
		split(t.Planned), split(t.Actual), split(t.Forecast),
		d(t.Reimbursement.NotClaimed), d(t.Reimbursement.Claimed), d(t.Reimbursement.Reimbursed), t.Missing, t.Unconverted)
	for _, r := range t.Rows {
		fmt.Fprintf(&b, "  %s %d/%d %s %s shown %s %s\n", r.Category, r.Items, r.Spent, d(r.Planned), d(r.Actual), d(r.PlannedShown), d(r.ActualShown))
	}
	return b.String()
}

// checkBudgetTotals compares the totals added up from the kept parts with
// data.SumBudget over the items themselves.
func checkBudgetTotals(t *testing.T, s *Store, rotationID int64, home, when string) {
	t.Helper()
	ctx := context.Background()
	got, err := s.BudgetTotals(ctx, rotationID, home)
	if err != nil {
		t.Fatalf("%s: %v", when, err)
	}
	items, err := s.BudgetItems(ctx, rotationID)
	if err != nil {
		t.Fatal(err)
	}
	rates, err := s.Rates(ctx, home)
	if err != nil {
		t.Fatal(err)
	}
	table := data.NewRateTable(home, rates)
	want := data.SumBudget(items, table)
	if g, w := totalsText(got), totalsText(want); g != w {
		t.Fatalf("%s: totals from the parts\n%s\nwant, from the items\n%s", when, g, w)
	}
	checkBudgetList(t, s, rotationID, home, items, table, want, when)
}

// checkBudgetList compares what the budget list reads without reading
// every item (its pages, the rows' home amounts, whether a rate is needed)
// with their definitions over items, the rotation's items in list order.
func checkBudgetList(t *testing.T, s *Store, rotationID int64, home string, items []data.BudgetItem, table data.RateTable, totals data.BudgetTotals, when string) {
	t.Helper()
	ctx := context.Background()
	var paged []data.BudgetItem
	for offset := 0; ; offset += 7 {
		page, err := s.BudgetItemsPage(ctx, rotationID, offset, 7)
		if err != nil {
			t.Fatalf("%s: page at %d: %v", when, offset, err)
		}
		if paged = append(paged, page...); len(page) < 7 {
			break
		}
	}
	if fmt.Sprint(paged) != fmt.Sprint(items) {
		t.Fatalf("%s: the pages hold\n%v\nthe list\n%v", when, paged, items)
	}

	listTotals, shown, err := s.BudgetList(ctx, rotationID, home)
	if err != nil {
		t.Fatalf("%s: %v", when, err)
	}
	if totalsText(listTotals) != totalsText(totals) {
		t.Fatalf("%s: the list's totals\n%s\nthe totals\n%s", when, totalsText(listTotals), totalsText(totals))
	}
	byID := slices.Clone(items)
	slices.SortFunc(byID, func(a, b data.BudgetItem) int { return cmp.Compare(a.ID, b.ID) })
	exact := make([]decimal.Decimal, len(byID))
	for i, it := range byID {
		if f := data.ConvertItem(it, table).Forecast(); f.OK() {
			exact[i] = f.Home
		}
	}
	sum := decimal.Zero
	for i, want := range data.Allocate(exact, home) {
		if got, ok := shown[byID[i].ID]; !ok || !got.Equal(want) {
			t.Fatalf("%s: item %d shows %s (%v), want %s", when, byID[i].ID, got, ok, want)
		}
		sum = sum.Add(want)
	}
	if len(shown) != len(items) || !sum.Equal(totals.Forecast.Shown(home).Total) {
		t.Fatalf("%s: %d rows add up to %s, the total shown is %s", when, len(shown), sum, totals.Forecast.Shown(home).Total)
	}

	other := false
	for _, it := range items {
		for _, m := range []data.Money{it.Planned, it.Actual} {
			other = other || (m.IsSet() && m.Currency != home)
		}
	}
	if got, err := s.BudgetUsesOtherCurrency(ctx, rotationID, home); err != nil || got != other {
		t.Fatalf("%s: BudgetUsesOtherCurrency = %v, %v; want %v", when, got, err, other)
	}
}

// randomBudgetItem is a valid item with random amounts, currencies, dates,
// payers and states.
func randomBudgetItem(r *rand.Rand) data.BudgetItem {
	currencies := []string{"GBP", "USD", "EUR", "JPY", "CHF"}
	cats := data.BudgetCategories()
	for {
		it := data.BudgetItem{
			Category:      cats[r.IntN(len(cats))],
			Planned:       data.NewMoney(fmt.Sprintf("%d.%02d", r.IntN(5000), r.IntN(100)), currencies[r.IntN(len(currencies))]),
			PaidBy:        []data.Payer{data.PaidByMe, data.PaidByEmployer, data.PaidBySplit}[r.IntN(3)],
			Reimbursement: []data.Reimbursement{data.NotClaimed, data.Claimed, data.Reimbursed}[r.IntN(3)],
		}
		if it.Planned.Currency == "JPY" {
			it.Planned = data.NewMoney(fmt.Sprint(r.IntN(500000)), "JPY")
		}
		if it.PaidBy == data.PaidBySplit {
			it.EmployerPercent = []int{10, 25, 50, 75}[r.IntN(4)]
		}
		if r.IntN(4) > 0 {
			it.Date = data.NewDate(2026, 1, 1).AddDays(r.IntN(200))
		}
		if r.IntN(2) == 0 {
			it.Actual = data.NewMoney(fmt.Sprintf("%d.%02d", r.IntN(5000), r.IntN(100)), currencies[r.IntN(4)])
			if r.IntN(3) == 0 {
				it.ActualHome = data.NewMoney(fmt.Sprintf("%d.%02d", r.IntN(5000), r.IntN(100)), currencies[r.IntN(2)])
			}
		}
		if r.IntN(10) == 0 {
			it.Refund = true
			it.Planned.Amount = it.Planned.Amount.Neg()
		}
		if it.Validate() == nil {
			return it
		}
	}
}

// TestBudgetPartsFollowEveryWrite adds, changes and deletes items and
// rates and changes the home currency at random, and checks after each
// step that the totals added up in SQL equal those summed from the items.
func TestBudgetPartsFollowEveryWrite(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	rot := setUp(t, s)
	home := "GBP"
	r := rand.New(rand.NewPCG(5, 6))
	checkBudgetTotals(t, s, rot.ID, home, "empty")
	var ids []int64
	rateDays := 0
	for step := range 120 {
		switch op := r.IntN(12); {
		case op < 5 || len(ids) == 0:
			batch := make([]data.BudgetItem, 1+r.IntN(4))
			for i := range batch {
				batch[i] = randomBudgetItem(r)
			}
			saved, err := s.AddBudgetItems(ctx, rot.ID, batch)
			if err != nil {
				t.Fatal(err)
			}
			for _, it := range saved {
				ids = append(ids, it.ID)
			}
		case op < 7:
			it := randomBudgetItem(r)
			it.ID = ids[r.IntN(len(ids))]
			if _, err := s.SaveBudgetItem(ctx, rot.ID, it); err != nil {
				t.Fatal(err)
			}
		case op < 9:
			i := r.IntN(len(ids))
			if _, err := s.DeleteBudgetItem(ctx, ids[i]); err != nil {
				t.Fatal(err)
			}
			ids = append(ids[:i], ids[i+1:]...)
		case op < 11:
			cur := []string{"USD", "EUR", "JPY", "CHF", "GBP"}[r.IntN(5)]
			if cur == home {
				continue
			}
			rateDays++
			rate := data.Rate{Currency: cur, ToHome: decimal.New(int64(1+r.IntN(2000000)), -6), AsOf: data.NewDate(2026, 1, 1).AddDays(rateDays)}
			if _, err := s.SaveRate(ctx, home, rate); err != nil {
				t.Fatal(err)
			}
		default:
			home = []string{"GBP", "EUR", "USD"}[r.IntN(3)]
			set, err := s.Settings(ctx)
			if err != nil {
				t.Fatal(err)
			}
			set.HomeCurrency = home
			if err := s.SaveSettings(ctx, set); err != nil {
				t.Fatal(err)
			}
		}
		checkBudgetTotals(t, s, rot.ID, home, fmt.Sprintf("after step %d", step))
	}
}

// An amount too large for the kept parts is totalled from the items, as
// exactly as the rest.
func TestBudgetTotalsBeyondThePartsAreSummedFromTheItems(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	rot := setUp(t, s)
	checkBudgetTotals(t, s, rot.ID, "GBP", "empty") // the parts now hold
	if _, err := s.SaveRate(ctx, "GBP", data.Rate{Currency: "USD", ToHome: decimal.RequireFromString("987654.321"), AsOf: data.NewDate(2026, 1, 1)}); err != nil {
		t.Fatal(err)
	}
	big := data.BudgetItem{Category: data.CategoryOther, Planned: data.NewMoney("999999999999.99", "USD"), PaidBy: data.PaidByMe, Reimbursement: data.NotClaimed}
	saved, err := s.AddBudgetItems(ctx, rot.ID, []data.BudgetItem{big, randomBudgetItem(rand.New(rand.NewPCG(1, 1)))})
	if err != nil {
		t.Fatal(err)
	}
	checkBudgetTotals(t, s, rot.ID, "GBP", "with a part beyond the kept integers")
	key := func() string {
		var k string
		if err := s.db.QueryRowContext(ctx, `SELECT coalesce((SELECT key FROM budget_parts_key), '')`).Scan(&k); err != nil {
			t.Fatal(err)
		}
		return k
	}
	// The next reads sum the items without working the parts out again.
	if k := key(); !strings.HasPrefix(k, inexactMark) {
		t.Fatalf("key after the work-out = %q, want it marked inexact", k)
	}
	checkBudgetTotals(t, s, rot.ID, "GBP", "read again")
	// Once the large item is gone the parts hold again.
	if _, err := s.DeleteBudgetItem(ctx, saved[0].ID); err != nil {
		t.Fatal(err)
	}
	checkBudgetTotals(t, s, rot.ID, "GBP", "after the large item went")
	if k := key(); k == "" || strings.HasPrefix(k, inexactMark) {
		t.Errorf("key after the large item went = %q, want the parts to hold", k)
	}
}

func TestSplitExactRoundTrips(t *testing.T) {
	for _, v := range []string{"0", "1", "-1", "18500.00", "-45.5", "0.1234567890123456", "-99999999999999.9999999999999999", "123.000000010000002"} {
		d := decimal.RequireFromString(v)
		units, e8, e16, ok := splitExact(d)
		if !ok {
			t.Errorf("%s does not split", v)
			continue
		}
		if back := joinExact(units, e8, e16); !back.Equal(d) {
			t.Errorf("%s -> %d %d %d -> %s", v, units, e8, e16, back)
		}
	}
	for _, v := range []string{"0.12345678901234567", "100000000000000"} {
		if _, _, _, ok := splitExact(decimal.RequireFromString(v)); ok {
			t.Errorf("%s split, want it refused", v)
		}
	}
}

// The totals read the parts in their stored order and the missing
// currencies from their partial index: neither sorts nor scans every part.
func TestBudgetTotalsNeitherSortNorScan(t *testing.T) {
	s, _ := openTemp(t)
	if plan := queryPlan(t, s.db, budgetTotalsQuery, 1); strings.Contains(plan, "TEMP B-TREE") || !strings.Contains(plan, "PRIMARY KEY") {
		t.Errorf("budget totals plan:\n%s", plan)
	}
	if plan := queryPlan(t, s.db, budgetMissingQuery, 1); !strings.Contains(plan, "budget_parts_missing") {
		t.Errorf("missing currencies plan:\n%s", plan)
	}
}

// allocateParts is data.Allocate in integers: the same rows for amounts of
// either sign, ties in the remainders (to the lower ID) and in the total
// (half to even), at every number of minor decimals a currency has.
func TestAllocatePartsIsAllocate(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for round := range 2000 {
		currency := []string{"JPY", "GBP", "BHD", "CLF"}[round%4]
		minor := data.MinorUnits(currency)
		n := 1 + r.IntN(12)
		parts := make([]exactPart, n)
		exact := make([]decimal.Decimal, n)
		for i := range parts {
			// Coarse fractions make ties in the remainders and exact
			// halves in the total; fine ones use all sixteen decimals.
			frac := int64(r.IntN(4)) * 25e14
			if r.IntN(2) == 0 {
				frac = r.Int64N(1e16)
			}
			units := r.Int64N(1e6)
			if r.IntN(4) == 0 {
				units, frac = -units, -frac
			}
			parts[i] = exactPart{id: int64(n - i), units: units, frac: frac}
		}
		slices.SortFunc(parts, func(a, b exactPart) int { return cmp.Compare(a.id, b.id) })
		for i, p := range parts {
			exact[i] = joinExact(p.units, p.frac/1e8, p.frac%1e8)
		}
		// The store reads the parts in the totals' order, not by ID.
		shuffled := slices.Clone(parts)
		r.Shuffle(n, func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		shown, ok := allocateParts(shuffled, minor)
		if !ok {
			t.Fatalf("%s: not allocated", currency)
		}
		for i, want := range data.Allocate(exact, currency) {
			if got := shown[parts[i].id]; !got.Equal(want) {
				t.Fatalf("round %d, %s: part %d (%s) shows %s, want %s (all %v)", round, currency, i, exact[i], got, want, exact)
			}
		}
	}
}

// setPlannedUnits sets the planned whole units of the rotation's group
// totals, as if thousands of the largest amounts had been written.
func setPlannedUnits(t *testing.T, s *Store, rotationID, units int64) {
	t.Helper()
	if _, err := s.db.Exec(`UPDATE budget_totals SET planned_units = ? WHERE rotation_id = ?`, units, rotationID); err != nil {
		t.Fatal(err)
	}
}

// A group total that would grow beyond the integers does not refuse the
// user's write: the parts are worked out again at the next read, and the
// totals still equal those summed from the items.
func TestBudgetGroupTotalBeyondTheIntegersDoesNotRefuseTheWrite(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	rot := setUp(t, s)
	item := data.BudgetItem{Category: data.CategoryOther, Planned: data.NewMoney("10", "GBP"), PaidBy: data.PaidByMe, Reimbursement: data.NotClaimed}
	if _, err := s.AddBudgetItems(ctx, rot.ID, []data.BudgetItem{item}); err != nil {
		t.Fatal(err)
	}
	checkBudgetTotals(t, s, rot.ID, "GBP", "one item")
	setPlannedUnits(t, s, rot.ID, 9223372036854775000)
	item.Planned = data.NewMoney("5000", "GBP")
	if _, err := s.AddBudgetItems(ctx, rot.ID, []data.BudgetItem{item}); err != nil {
		t.Fatalf("the write was refused: %v", err)
	}
	var key int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM budget_parts_key`).Scan(&key); err != nil || key != 0 {
		t.Fatalf("the parts' key after the overflow: %d rows, %v; want it dropped", key, err)
	}
	checkBudgetTotals(t, s, rot.ID, "GBP", "after the group total overflowed")

	// Changing an item takes its old part away first, which can overflow.
	setPlannedUnits(t, s, rot.ID, -9223372036854775800)
	changed, err := s.BudgetItems(ctx, rot.ID)
	if err != nil {
		t.Fatal(err)
	}
	changed[0].Description = "changed"
	if _, err := s.SaveBudgetItem(ctx, rot.ID, changed[0]); err != nil {
		t.Fatalf("the change was refused: %v", err)
	}
	checkBudgetTotals(t, s, rot.ID, "GBP", "after a change overflowed the group total")

	// Taking a part away can overflow too.
	setPlannedUnits(t, s, rot.ID, -9223372036854775800)
	items, err := s.BudgetItems(ctx, rot.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.DeleteBudgetItem(ctx, items[0].ID); err != nil {
		t.Fatalf("the delete was refused: %v", err)
	}
	checkBudgetTotals(t, s, rot.ID, "GBP", "after a delete overflowed the group total")
}
