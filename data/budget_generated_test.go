package data

import (
	"strings"
	"testing"
)

// TestGeneratorRunTwiceNeverAddsASecondCopy: the hotel generator run
// again over nights already in the budget replaces them (when not spent)
// or keeps them (when spent), and says so, instead of doubling the hotel.
func TestGeneratorRunTwiceNeverAddsASecondCopy(t *testing.T) {
	blocks := splitRotation(t)
	first, err := HotelForRotation(blocks, NewMoney("189", "USD"))
	if err != nil {
		t.Fatal(err)
	}
	for i := range first {
		first[i].ID = int64(i + 1)
		if first[i].GeneratedBy != GeneratedHotel {
			t.Fatalf("generated item %d is not marked: %q", i, first[i].GeneratedBy)
		}
	}
	t.Run("same rate again: nothing to do", func(t *testing.T) {
		p := PlanGenerated(first, first)
		if !p.Nothing() || p.Covered() || len(p.Same) != len(first) {
			t.Errorf("plan %+v, want every item the same", p)
		}
	})
	t.Run("new rate: replace, never add", func(t *testing.T) {
		again, _ := HotelForRotation(blocks, NewMoney("205", "USD"))
		p := PlanGenerated(first, again)
		if !p.Covered() || len(p.Replace) != len(first) || len(p.Add) != len(again) {
			t.Fatalf("plan %+v, want %d replaced by %d", p, len(first), len(again))
		}
		q := p.Question()
		for _, want := range []string{"already in the budget (2 items)", first[0].Date.String(), "Replace them with the 2 items"} {
			if !strings.Contains(q, want) {
				t.Errorf("question %q lacks %q", q, want)
			}
		}
	})
	t.Run("spent block kept", func(t *testing.T) {
		spent := append([]BudgetItem{}, first...)
		spent[0].Actual = NewMoney("1900", "USD")
		again, _ := HotelForRotation(blocks, NewMoney("205", "USD"))
		p := PlanGenerated(spent, again)
		if len(p.Kept) != 1 || len(p.Replace) != 1 || len(p.Add) != 1 {
			t.Fatalf("plan %+v, want one kept, one replaced", p)
		}
		if !strings.Contains(p.Question(), "Already spent, so kept") {
			t.Errorf("question %q does not say what is kept", p.Question())
		}
	})
	t.Run("typed hotel over the nights counts too", func(t *testing.T) {
		typed := BudgetItem{ID: 9, Category: CategoryHotel, Description: "Hotel, booked by phone", Date: first[0].Date.AddDays(3),
			EndDate: first[0].Date.AddDays(5), Planned: NewMoney("600", "USD"), PaidBy: PaidByMe, Reimbursement: NotClaimed}
		p := PlanGenerated([]BudgetItem{typed}, first)
		if len(p.Replace) != 1 || p.Replace[0].ID != 9 || len(p.Add) != 2 {
			t.Errorf("plan %+v, want the typed item offered for replacing", p)
		}
	})
	t.Run("meals do not cover hotel nights; checkout day is no night", func(t *testing.T) {
		meals, _ := MealsPerDiem(blocks, NewMoney("60", "USD"))
		if p := PlanGenerated(first, meals); p.Covered() || len(p.Add) != len(meals) {
			t.Errorf("meals plan %+v, want all added", p)
		}
		h := first[0]
		next := BudgetItem{Category: CategoryHotel, Date: h.EndDate, EndDate: h.EndDate.AddDays(2), Planned: NewMoney("1", "USD"), GeneratedBy: GeneratedHotel}
		if p := PlanGenerated(first[:1], []BudgetItem{next}); p.Covered() {
			t.Errorf("a stay starting on the checkout day %s is taken as covered", h.EndDate)
		}
	})
}
