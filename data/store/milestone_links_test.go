package store

import (
	"context"
	"strings"
	"testing"

	"github.com/masterplan-app/masterplan/data"
)

// TestMilestoneDoneWhenItsBudgetItemIsPaid: "Program fee paid" linked to
// the fee is open until the fee's actual amount is recorded, then done, on
// every read (the milestone list, the reminders); its box cannot be
// ticked by hand, and the link shows from the item's side.
func TestMilestoneDoneWhenItsBudgetItemIsPaid(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	r := setUp(t, s)
	fee, err := s.SaveBudgetItem(ctx, r.ID, data.ProgramFee(date(t, "2026-04-01")))
	if err != nil {
		t.Fatal(err)
	}
	m := addMilestone(t, s, r, "Program fee paid", "2026-04-01")
	m.BudgetItemID = fee.ID
	if m, err = s.SaveMilestone(ctx, m); err != nil {
		t.Fatal(err)
	}
	if m.Done || !strings.Contains(m.PaidText(), "Program fee: Rotation fee") {
		t.Errorf("saved: done %v, %q; want open, naming the fee", m.Done, m.PaidText())
	}
	read := func() data.Milestone {
		t.Helper()
		ms, err := s.Milestones(ctx, r.ID)
		if err != nil || len(ms) != 1 {
			t.Fatalf("milestones %v, %v", ms, err)
		}
		return ms[0]
	}
	if got := read(); got.Done || got.BudgetItemID != fee.ID {
		t.Errorf("before paying: %+v, want open and linked", got)
	}
	if err := s.SetMilestoneDone(ctx, m.ID, true); err == nil || !strings.Contains(err.Error(), "actual amount is recorded") {
		t.Errorf("ticking a linked milestone: %v, want it refused", err)
	}
	fee.Actual = data.NewMoney("18500", "USD")
	if _, err := s.SaveBudgetItem(ctx, r.ID, fee); err != nil {
		t.Fatal(err)
	}
	if got := read(); !got.Done {
		t.Errorf("after the fee's actual amount: %+v, want done", got)
	}
	plan, err := s.ReminderPlan(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, pm := range plan.Schedule.Milestones {
		if pm.ID == m.ID && !pm.Done {
			t.Errorf("the reminders still see the paid milestone open")
		}
	}
	links, err := s.MilestoneLinks(ctx, r.ID)
	if err != nil || len(links[fee.ID]) != 1 || links[fee.ID][0] != "Program fee paid" {
		t.Errorf("links from the item: %v, %v", links, err)
	}

	m.BudgetItemID = 1 << 40 // no item of this rotation

	if _, err := s.SaveMilestone(ctx, m); err == nil {
		t.Error("a link to an item outside the rotation was accepted")
	}
	m = read() // as the milestone dialog has it: done
	m.BudgetItemID = 0
	if m, err = s.SaveMilestone(ctx, m); err != nil || m.BudgetItem != "" {
		t.Fatalf("unlink: %+v, %v", m, err)
	}
	if got := read(); !got.Done || got.BudgetItemID != 0 {
		t.Errorf("unlinked: %+v, want it to stay done as it was shown", got)
	}
	if _, err := s.DeleteBudgetItem(ctx, fee.ID); err != nil {
		t.Fatal(err)
	}
}
