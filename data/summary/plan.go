package summary

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/masterplan-app/masterplan/data/plan"
	"github.com/masterplan-app/masterplan/data/store"
)

// LoadPlan reads the planner's inputs at instant now and plans at least
// days days: the one plan the Plan screen, the dashboard's Tonight card,
// `masterplan plan`, `status` and the study reminder all show.
func LoadPlan(ctx context.Context, st *store.Store, now time.Time, days int) (plan.Plan, plan.Input, error) {
	in, err := st.PlanInput(ctx, now)
	if err != nil {
		return plan.Plan{}, in, err
	}
	return makePlan(in, days), in, nil
}

// makePlan plans from in for at least days days.
func makePlan(in plan.Input, days int) plan.Plan {
	in.MinDays = days
	return plan.Make(in)
}

// PlanStatus is how the whole plan stands (status --json "plan"); tonight's
// tasks are the summary's "today".
type PlanStatus struct {
	Feasible       bool    `json:"feasible"`
	ShortfallHours float64 `json:"shortfall_hours"`
	Summary        string  `json:"summary"`
}

// buildToday plans from today, as LoadPlan: tonight's day in the JSON
// form of `plan --json`'s days, and how the whole plan stands; and it
// hands back the practice the plan read, for the practice area
// (buildPractice) to show without reading it again.
func buildToday(a area) (plan.JSONDay, *PlanStatus, store.PlanPractice, error) {
	in, practice, err := a.st.PlanInputAndPractice(a.ctx, a.now)
	if err != nil {
		return plan.JSONDay{}, nil, practice, err
	}
	p := makePlan(in, 1)
	return p.Tonight().JSON(), &PlanStatus{Feasible: p.Feasible, ShortfallHours: p.ShortfallHours(), Summary: p.Summary}, practice, nil
}

// Text is the plan for today as `status` prints it.
func (ps *PlanStatus) Text(tonight plan.JSONDay) string {
	var b strings.Builder
	if len(tonight.Tasks) == 0 {
		fmt.Fprintf(&b, "  nothing planned today (%d min free)\n", tonight.AvailableMin)
	}
	for _, task := range tonight.Tasks {
		fmt.Fprintf(&b, "  %s: %s\n", task.Title, task.Why)
	}
	if !ps.Feasible {
		fmt.Fprintf(&b, "  %s\n", ps.Summary)
	}
	return b.String()
}

// TonightText says tonight's plan in one line, for the study reminder:
// "Tonight: Read X, pp. 1-40 (...); Practise Transport (45 min)".
func TonightText(p plan.Plan) string {
	tonight := p.Tonight()
	if len(tonight.Tasks) == 0 {
		return "Nothing planned tonight."
	}
	titles := make([]string, 0, len(tonight.Tasks))
	for _, t := range tonight.Tasks {
		titles = append(titles, t.Title)
	}
	return "Tonight: " + strings.Join(titles, "; ")
}
