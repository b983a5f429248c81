package report

import (
	"context"
	"time"

	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/store"
	"github.com/masterplan-app/masterplan/data/summary"
)

// Input is everything the report shows: the summary (the numbers `status
// --json` gives, which the report repeats to the cent) and the details
// behind them that the summary leaves out.
type Input struct {
	Summary summary.Summary
	// Budget is every category's planned and actual spend in the home
	// currency, from the same items and rates as Summary.Budget.
	Budget data.BudgetTotals
	Rates  []data.Rate // the rates on file for the home currency
	// StudyWeeks are the hours of the last data.StudyChartWeeks weeks.
	StudyWeeks []data.StudyPoint
	WeeklyGoal float64
	// ReadingTopics is the pace of each topic of the reading list.
	ReadingTopics []data.TopicPace
	// Practice is the readiness of every exam and topic.
	Practice data.PracticeReport
}

// Gather reads the report's input from st at instant now.
func Gather(ctx context.Context, st *store.Store, now time.Time) (Input, error) {
	sum, err := summary.Build(ctx, st, now)
	if err != nil {
		return Input{}, err
	}
	in := Input{Summary: sum}
	set, err := st.Settings(ctx)
	if err != nil {
		return in, err
	}
	rot, err := st.Rotation(ctx)
	if err != nil {
		return in, err
	}
	home := set.HomeCurrency
	if in.Budget, err = st.BudgetTotals(ctx, rot.ID, home); err != nil {
		return in, err
	}
	if in.Rates, err = st.Rates(ctx, home); err != nil {
		return in, err
	}

	// The same per-day study as the study screen's chart.
	study, err := st.StudyTotals(ctx, set.Location(), sum.Today, 0)
	if err != nil {
		return in, err
	}
	in.StudyWeeks = data.WeeklyStudyOfDays(study.Recent, sum.Today, set.WeekStart, data.StudyChartWeeks)
	in.WeeklyGoal = set.WeeklyGoalHours

	pace, err := summary.LoadReadingPace(ctx, st, rot, sum.Today)
	if err != nil {
		return in, err
	}
	in.ReadingTopics = pace.Topics

	p, err := summary.LoadPractice(ctx, st, rot, set, now)
	if err != nil {
		return in, err
	}
	in.Practice = p.Report
	return in, nil
}
