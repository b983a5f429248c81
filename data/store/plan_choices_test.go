package store

import (
	"context"
	"reflect"
	"testing"

	"github.com/masterplan-app/masterplan/data/plan"
)

// The Plan screen's undo reads the plan's settings before a change and
// puts them back after it: exactly what was stored, the past days off and
// an availability never set included.
func TestRestorePlanChoicesPutsBackWhatWasStored(t *testing.T) {
	ctx := context.Background()
	st, _, today, _ := planStore(t, "UTC")
	if err := st.SetDaysOff(ctx, today.AddDays(-3), today.AddDays(-3), true); err != nil {
		t.Fatal(err)
	}
	if err := st.SetDaysOff(ctx, today.AddDays(2), today.AddDays(3), true); err != nil {
		t.Fatal(err)
	}
	book := plan.Kind{Kind: "book", Unit: "pages"}
	if err := st.SetPlanSpeed(ctx, book, 30); err != nil {
		t.Fatal(err)
	}
	before, err := st.PlanChoices(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(before.DaysOff) != 3 || before.Speeds[book] != 30 || !reflect.DeepEqual(before.Availability, plan.Availability{}) {
		t.Fatalf("read %+v", before)
	}
	a, _ := plan.ParseAvailability("Mon-Fri 18:00-20:00")
	if err := st.SetPlanAvailability(ctx, a); err != nil {
		t.Fatal(err)
	}
	if err := st.SetDaysOff(ctx, today, today.AddDays(9), true); err != nil {
		t.Fatal(err)
	}
	if err := st.SetPlanSpeed(ctx, book, 50); err != nil {
		t.Fatal(err)
	}
	if err := st.RestorePlanChoices(ctx, before); err != nil {
		t.Fatal(err)
	}
	after, err := st.PlanChoices(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(after, before) {
		t.Errorf("put back %+v, want %+v", after, before)
	}
}
