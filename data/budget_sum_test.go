package data

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/shopspring/decimal"
)

// randomParts are n one-item parts over a few categories, shares and
// states, with amounts of 0 to 6 decimals (rates make long ones).
func randomParts(rng *rand.Rand, n int) []budgetPart {
	cats := []BudgetCategory{CategoryHotel, CategoryFlights, CategoryOther, CategoryProgramFee}
	states := []Reimbursement{NotClaimed, Claimed, Reimbursed}
	amount := func() decimal.Decimal { return decimal.New(rng.Int64N(2_000_000)-100_000, -int32(rng.IntN(7))) }
	parts := make([]budgetPart, n)
	for i := range parts {
		p := budgetPart{partKind: partKind{Category: cats[rng.IntN(len(cats))], EmployerShare: []int{0, 50, 100, 33}[rng.IntN(4)],
			Reimbursement: states[rng.IntN(len(states))], FrontedByMe: rng.IntN(3) > 0}, Items: 1, Planned: amount()}
		if rng.IntN(2) == 0 {
			p.Spent, p.Actual = 1, amount()
			p.Forecast = p.Actual
		} else {
			p.Forecast = p.Planned
		}
		if rng.IntN(20) == 0 {
			p.Unconverted = 1
		}
		parts[i] = p
	}
	return parts
}

// sumPartsOneByOne is sumParts before the parts were merged: every
// share and split worked out item by item, the definition it is held to.
func sumPartsOneByOne(home string, parts []budgetPart) BudgetTotals {
	t := BudgetTotals{Home: home}
	rows := make([]CategoryTotal, len(budgetCategoryTable))
	for i, e := range budgetCategoryTable {
		rows[i].Category = e.cat
	}
	for _, p := range parts {
		row := &rows[p.Category.order()]
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
	return t
}

// The totals from merged parts are exactly those worked out item by item.
func TestSumPartsMergedEqualsItemByItem(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 2026))
	for run := range 300 {
		parts := randomParts(rng, rng.IntN(200))
		got, want := sumParts("EUR", parts, nil), sumPartsOneByOne("EUR", parts)
		eq := func(what string, a, b decimal.Decimal) {
			if !a.Equal(b) {
				t.Fatalf("run %d: %s = %s, item by item %s", run, what, a, b)
			}
		}
		for _, s := range [][2]Split{{got.Planned, want.Planned}, {got.Actual, want.Actual}, {got.Forecast, want.Forecast}} {
			eq("total", s[0].Total, s[1].Total)
			eq("self", s[0].Self, s[1].Self)
			eq("employer", s[0].Employer, s[1].Employer)
		}
		eq("fronted by you", got.Fronted.Self, want.Fronted.Self)
		eq("fronted by the employer", got.Fronted.Employer, want.Fronted.Employer)
		eq("not claimed", got.Reimbursement.NotClaimed, want.Reimbursement.NotClaimed)
		eq("claimed", got.Reimbursement.Claimed, want.Reimbursement.Claimed)
		eq("reimbursed", got.Reimbursement.Reimbursed, want.Reimbursement.Reimbursed)
		if got.Unconverted != want.Unconverted || len(got.Rows) != len(want.Rows) {
			t.Fatalf("run %d: %d unconverted, %d rows; item by item %d, %d", run, got.Unconverted, len(got.Rows), want.Unconverted, len(want.Rows))
		}
		for i := range got.Rows {
			g, w := got.Rows[i], want.Rows[i]
			if g.Category != w.Category || g.Items != w.Items || g.Spent != w.Spent {
				t.Fatalf("run %d: row %+v, item by item %+v", run, g, w)
			}
			eq("row planned", g.Planned, w.Planned)
			eq("row actual", g.Actual, w.Actual)
		}
	}
}

// Allocate's remainders compared as integers of one scale order the rows
// as comparing the decimals does (ties included).
func TestAllocateMatchesDecimalOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 2026))
	for run := range 500 {
		exact := make([]decimal.Decimal, rng.IntN(60))
		for i := range exact {
			exact[i] = decimal.New(rng.Int64N(4000)-1000, -int32(rng.IntN(6)))
		}
		got := Allocate(exact, "USD")
		// The definition: round down, then a cent each to the largest
		// remainders, earlier rows first on ties.
		want := make([]decimal.Decimal, len(exact))
		rem := make([]decimal.Decimal, len(exact))
		sum, floors := decimal.Zero, decimal.Zero
		for i, x := range exact {
			want[i] = x.RoundFloor(2)
			rem[i] = x.Sub(want[i])
			sum, floors = sum.Add(x), floors.Add(want[i])
		}
		order := make([]int, len(exact))
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(a, b int) int { return rem[b].Cmp(rem[a]) })
		for _, i := range order[:sum.RoundBank(2).Sub(floors).Shift(2).IntPart()] {
			want[i] = want[i].Add(decimal.New(1, -2))
		}
		for i := range got {
			if !got[i].Equal(want[i]) {
				t.Fatalf("run %d: row %d of %v = %s, want %s", run, i, exact, got[i], want[i])
			}
		}
	}
}
