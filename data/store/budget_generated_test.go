package store

import (
	"context"
	"testing"

	"github.com/masterplan-app/masterplan/data"
)

// TestGeneratedItemsRoundTripAndReplace: the generator's mark and who
// fronted the money survive a save and a read, and a generator run again
// replaces its items in one transaction, which the same call undoes.
func TestGeneratedItemsRoundTripAndReplace(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	r := setUp(t, s)
	first, err := data.HotelForRotation(r.Blocks, data.NewMoney("189", "USD"))
	if err != nil {
		t.Fatal(err)
	}
	first[0].FrontedBy = data.PaidByEmployer
	first[0].PaidBy = data.PaidByEmployer
	saved, err := s.AddBudgetItems(ctx, r.ID, first)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.BudgetItem(ctx, saved[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.GeneratedBy != data.GeneratedHotel || got.FrontedBy != data.PaidByEmployer {
		t.Errorf("read back generated_by %q, fronted_by %q; want hotel, employer", got.GeneratedBy, got.FrontedBy)
	}
	if dup, _ := s.BudgetItem(ctx, saved[1].ID); dup.FrontedBy != data.PaidByMe {
		t.Errorf("an item saved without fronted_by reads %q, want me", dup.FrontedBy)
	}

	existing, _ := s.BudgetItems(ctx, r.ID)
	again, _ := data.HotelForRotation(r.Blocks, data.NewMoney("205", "USD"))
	plan := data.PlanGenerated(existing, again)
	var remove []int64
	for _, it := range plan.Replace {
		remove = append(remove, it.ID)
	}
	added, removed, err := s.ReplaceBudgetItems(ctx, r.ID, remove, plan.Add)
	if err != nil {
		t.Fatal(err)
	}
	after, _ := s.BudgetItems(ctx, r.ID)
	if len(after) != len(first) || len(removed) != len(first) {
		t.Fatalf("after replacing: %d items (removed %d), want %d: never a second copy", len(after), len(removed), len(first))
	}
	for _, it := range after {
		if it.Planned.Amount.IntPart()%205 != 0 {
			t.Errorf("item %q still at the old rate", it.Description)
		}
	}

	// Undo: the added go, the removed come back.
	var addedIDs []int64
	for _, it := range added {
		addedIDs = append(addedIDs, it.ID)
	}
	for i := range removed {
		removed[i].ID = 0
	}
	if _, _, err := s.ReplaceBudgetItems(ctx, r.ID, addedIDs, removed); err != nil {
		t.Fatal(err)
	}
	undone, _ := s.BudgetItems(ctx, r.ID)
	if len(undone) != len(first) || !undone[0].Planned.Equal(first[0].Planned) {
		t.Errorf("after undo: %+v, want the first run back", undone)
	}

	// All or nothing: an invalid item leaves the budget as it was.
	bad := again[0]
	bad.Planned = data.Money{}
	if _, _, err := s.ReplaceBudgetItems(ctx, r.ID, []int64{undone[0].ID}, []data.BudgetItem{bad}); err == nil {
		t.Fatal("an invalid item was accepted")
	}
	if n := len(must(s.BudgetItems(ctx, r.ID))); n != len(first) {
		t.Errorf("a refused replace left %d items, want %d", n, len(first))
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
