package data

import (
	"strings"
	"testing"
)

// TestWhatIfDropsOrReplacesAnyItem: a London rotation needs no LHR-SEA
// flight (dropped) and takes the train to the airport instead of a taxi
// (replaced); the plan itself is left as it was.
func TestWhatIfDropsOrReplacesAnyItem(t *testing.T) {
	blocks := []Block{{Start: day(t, "2009-01-05"), End: day(t, "2009-01-25"), Location: "Redmond"}}
	hotel, _ := HotelForRotation(blocks, NewMoney("189", "USD"))
	flight := BudgetItem{ID: 2, Category: CategoryFlights, Description: "LHR-SEA return", Date: day(t, "2009-01-04"),
		Planned: NewMoney("1200", "GBP"), PaidBy: PaidByEmployer, Reimbursement: NotClaimed}
	taxi := BudgetItem{ID: 3, Category: CategoryGroundTransport, Description: "Taxi to the airport", Date: day(t, "2009-01-04"),
		Planned: NewMoney("80", "USD"), Actual: NewMoney("85", "USD"), PaidBy: PaidByMe, Reimbursement: NotClaimed}
	fee := ProgramFee(day(t, "2008-11-01"))
	fee.ID = 1
	hotel[0].ID = 4
	items := []BudgetItem{fee, flight, taxi, hotel[0]}
	rates := NewRateTable("USD", []Rate{{Currency: "GBP", ToHome: dec(t, "1.25"), AsOf: day(t, "2009-01-01")}})

	changes := []ScenarioChange{{ItemID: 2, Drop: true}, {ItemID: 3, Replace: NewMoney("12", "GBP")}}
	c, err := CompareScenario(items, blocks, rates, Scenario{Label: "London", Nightly: NewMoney("150", "GBP"), Changes: changes})
	if err != nil {
		t.Fatal(err)
	}
	wantDec(t, "base planned", c.Base.Planned.Total, "24049") // 18500 + 1500 + 80 + 3969
	wantDec(t, "alt planned", c.Alt.Planned.Total, "22452.5") // 18500 + 15 + 3937.5
	for _, it := range c.AltItems {
		if it.ID == 2 {
			t.Error("the dropped flight is still in the other plan")
		}
		if it.ID == 3 && (it.Actual.IsSet() || !it.Planned.Equal(NewMoney("12", "GBP"))) {
			t.Errorf("replaced taxi = %+v, want planned GBP 12 and no actual", it)
		}
	}
	if !items[2].Planned.Equal(NewMoney("80", "USD")) || len(items) != 4 {
		t.Error("the what-if changed the plan itself")
	}

	t.Run("refused changes name the item", func(t *testing.T) {
		for _, tc := range []struct {
			c    ScenarioChange
			want string
		}{
			{ScenarioChange{ItemID: 9, Drop: true}, "item 9 is not in the budget"},
			{ScenarioChange{ItemID: 2, Drop: true, Replace: NewMoney("1", "USD")}, "both dropped and replaced"},
			{ScenarioChange{ItemID: 2}, "neither a drop nor an amount"},
			{ScenarioChange{ItemID: 2, Replace: NewMoney("-5", "USD")}, "Flights: LHR-SEA return"},
		} {
			_, err := ApplyScenarioChanges(items, []ScenarioChange{tc.c})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("%+v: %v, want %q", tc.c, err, tc.want)
			}
		}
	})
}
