package summary

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/masterplan-app/masterplan/data"
)

// TestStatusSaysWhoFrontedAndWhatIsLinked: from a real database, the
// status never says more is owed to you than you spent (the employer paid
// the fee to the program), and a milestone linked to a budget item is done
// once the item's actual amount is recorded, saying what it waits for
// while open.
func TestStatusSaysWhoFrontedAndWhatIsLinked(t *testing.T) {
	ctx := context.Background()
	st := readingStore(t)
	rot, err := st.Rotation(ctx)
	if err != nil {
		t.Fatal(err)
	}
	fee := data.ProgramFee(mustDate(t, "2026-02-01"))
	fee.PaidBy, fee.FrontedBy, fee.Actual = data.PaidByEmployer, data.PaidByEmployer, data.NewMoney("18500", "USD")
	hotel := data.BudgetItem{Category: data.CategoryHotel, Description: "Hotel", Date: mustDate(t, "2026-04-19"), Planned: data.NewMoney("2000", "USD"),
		Actual: data.NewMoney("2000", "USD"), PaidBy: data.PaidBySplit, EmployerPercent: 50, Reimbursement: data.Claimed}
	flights := data.BudgetItem{Category: data.CategoryFlights, Description: "LHR-SEA", Date: mustDate(t, "2026-04-18"), Planned: data.NewMoney("900", "USD"),
		PaidBy: data.PaidByMe, Reimbursement: data.NotClaimed}
	saved, err := st.AddBudgetItems(ctx, rot.ID, []data.BudgetItem{fee, hotel, flights})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []data.Milestone{
		{RotationID: rot.ID, Title: "Program fee paid", Due: mustDate(t, "2026-02-15"), BudgetItemID: saved[0].ID},
		{RotationID: rot.ID, Title: "Flights paid", Due: mustDate(t, "2026-03-01"), BudgetItemID: saved[2].ID},
	} {
		if _, err := st.SaveMilestone(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	s, err := Build(ctx, st, time.Date(2026, 2, 20, 12, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	b := s.Budget
	if b.SpentByYou != "2000.00" || b.PaidByEmployer != "18500.00" || b.OutstandingReimbursement != "1000.00" {
		t.Errorf("spent by you %s, by the employer %s, outstanding %s; want 2000.00, 18500.00, 1000.00",
			b.SpentByYou, b.PaidByEmployer, b.OutstandingReimbursement)
	}
	if len(s.Milestones) != 2 || !s.Milestones[0].Done || s.Milestones[1].Done || s.Milestones[1].DoneWhenPaid != "Flights: LHR-SEA" {
		t.Errorf("milestones %+v, want the fee done and the flights open, linked", s.Milestones)
	}
	text := s.Text()
	for _, want := range []string{
		"Spent by you USD 2,000.00 (reimbursement outstanding USD 1,000.00); paid by the employer directly USD 18,500.00",
		"Flights paid  (id 2, due in 9 days; done when “Flights: LHR-SEA” is paid)",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("status text lacks %q:\n%s", want, text)
		}
	}
}
