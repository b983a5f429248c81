package store_test

import (
	"context"
	"testing"

	"github.com/masterplan-app/masterplan/data/plan"
	"github.com/masterplan-app/masterplan/data/store/seed/seedbench"
)

// BenchmarkPlanTenYears reads the planner's inputs from the ten-year
// database (2,000 items, 20,000 sessions, 1,000 attempts) and plans 120
// days, as `masterplan plan --days 120` and the Plan screen do. Target:
// under 50 ms (issue 19).
func BenchmarkPlanTenYears(b *testing.B) {
	ctx := context.Background()
	st := seedbench.OpenCopy(b)
	cpu := seedbench.StartCPU()
	for b.Loop() {
		in, err := st.PlanInput(ctx, seedbench.Now())
		if err != nil {
			b.Fatal(err)
		}
		in.MinDays = 120
		if p := plan.Make(in); len(p.Days) < 120 {
			b.Fatalf("%d days planned", len(p.Days))
		}
	}
	cpu.Report(b)
}

// BenchmarkPlanMakeTenYears is the scheduler alone on the ten-year
// inputs (read once): what the 50 ms leaves for the store's reads.
func BenchmarkPlanMakeTenYears(b *testing.B) {
	ctx := context.Background()
	st := seedbench.OpenCopy(b)
	in, err := st.PlanInput(ctx, seedbench.Now())
	if err != nil {
		b.Fatal(err)
	}
	in.MinDays = 120
	cpu := seedbench.StartCPU()
	for b.Loop() {
		plan.Make(in)
	}
	cpu.Report(b)
}
