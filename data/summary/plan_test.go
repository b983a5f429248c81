package summary_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/masterplan-app/masterplan/data/summary"
)

// `status --json`'s today is tonight's plan in the shape of `plan --json`'s
// days (its date is today.date), the same day the plan shows, and the
// plan's standing is under "plan"; there is no other key for it.
func TestStatusTodayIsTheFirstDayOfThePlan(t *testing.T) {
	ctx := context.Background()
	st, now := generatedYear(t)
	s, err := summary.Build(ctx, st, now)
	if err != nil {
		t.Fatal(err)
	}
	p, _, err := summary.LoadPlan(ctx, st, now, 1)
	if err != nil {
		t.Fatal(err)
	}
	var status map[string]json.RawMessage
	if err := json.Unmarshal([]byte(jsonOf(t, s)), &status); err != nil {
		t.Fatal(err)
	}
	if got, want := string(status["today"]), jsonOf(t, p.JSON(1).Days[0]); got != want {
		t.Errorf("status today\n%s\nplan's first day\n%s", got, want)
	}
	var today struct {
		Date         string            `json:"date"`
		AvailableMin *int              `json:"available_min"`
		Tasks        []json.RawMessage `json:"tasks"`
	}
	if err := json.Unmarshal(status["today"], &today); err != nil || today.Date != s.Today.String() || today.AvailableMin == nil || today.Tasks == nil {
		t.Errorf("today = %s (%v), want date %s, available_min and tasks", status["today"], err, s.Today)
	}
	if _, ok := status["today_plan"]; ok {
		t.Error("status still has today_plan")
	}
	var standing summary.PlanStatus
	if err := json.Unmarshal(status["plan"], &standing); err != nil || standing.Feasible != p.Feasible || standing.Summary != p.Summary {
		t.Errorf("plan = %s (%v), want feasible %v, %q", status["plan"], err, p.Feasible, p.Summary)
	}
}
