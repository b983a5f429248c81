package report

import (
	"fmt"
	"image"
	"image/color"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/chart"
)

// Charts in the report are drawn for paper: dark on white whatever the
// app's theme, at twice the screen's pixels so they print sharp.
const (
	chartW     = 1600
	chartH     = 640
	chartScale = 2
)

var (
	ink    = color.RGBA{0x20, 0x20, 0x20, 0xff}
	paper  = color.White
	accent = color.RGBA{0x1f, 0x5f, 0xbf, 0xff}
	muted  = color.RGBA{0x9a, 0x9a, 0x9a, 0xff}
	warn   = color.RGBA{0xc0, 0x39, 0x2b, 0xff}
	pale   = color.RGBA{0xee, 0xee, 0xee, 0xff}
)

// money shows an amount in the home currency the way the app does.
func money(d decimal.Decimal, currency string) string {
	return data.Money{Amount: d, Currency: currency}.Format()
}

// statusMoney shows an amount from the summary (a plain decimal string),
// so the report prints exactly the figure `status --json` gives.
func statusMoney(s, currency string) string {
	d, err := decimal.NewFromString(s)
	if err != nil {
		return s
	}
	return money(d, currency)
}

func costSection(in Input) Section {
	sec := Section{Title: SectionTitle(SectionCost)}
	b := in.Summary.Budget
	if b == nil || b.Items == 0 {
		sec.Empty = "No budget items yet: add the program fee, flights, hotel and meals on the Budget screen, then make the report again."
		return sec
	}
	home := b.HomeCurrency
	text := fmt.Sprintf("%d budget items. Planned %s; spent so far %s; forecast (spent where known, planned elsewhere) %s. Of the forecast, the candidate pays %s and the employer %s.",
		b.Items, statusMoney(b.Planned, home), statusMoney(b.Actual, home), statusMoney(b.Forecast, home), statusMoney(b.Self, home), statusMoney(b.Employer, home))
	if b.CostPerDay != "" {
		text += fmt.Sprintf(" That is %s per day on site.", statusMoney(b.CostPerDay, home))
	}
	sec.Blocks = append(sec.Blocks, Para(text))
	t := Table{Header: []string{"Category", "Items", "Planned", "Actual"}, Numeric: []bool{false, true, true, true}}
	for _, r := range in.Budget.Rows {
		t.Rows = append(t.Rows, []string{r.Category.Label(), fmt.Sprint(r.Items), money(r.PlannedShown, home), money(r.ActualShown, home)})
	}
	t.Rows = append(t.Rows, []string{"Total", fmt.Sprint(b.Items), statusMoney(b.Planned, home), statusMoney(b.Actual, home)})
	sec.Blocks = append(sec.Blocks, TableBlock(t))
	if spent, _ := decimal.NewFromString(b.Actual); spent.Sign() != 0 {
		sec.Blocks = append(sec.Blocks, Para(b.SpentText(func(s string) string { return statusMoney(s, home) })+"."))
	}
	if len(in.Rates) > 0 {
		rt := Table{Header: []string{"Currency", "1 unit in " + home, "As of"}, Numeric: []bool{false, true, false}}
		for _, r := range in.Rates {
			rt.Rows = append(rt.Rows, []string{r.Currency, r.ToHome.String(), r.AsOf.String()})
		}
		sec.Blocks = append(sec.Blocks, Para("Exchange rates used (each amount is converted at the latest rate on or before its date):"), TableBlock(rt))
	}
	if len(b.MissingRates) > 0 {
		sec.Blocks = append(sec.Blocks, Para(fmt.Sprintf("No exchange rate is on file for %s: amounts in those currencies are left out of every total above, not counted at 1:1.", strings.Join(b.MissingRates, ", "))))
	}
	// Drawn at screen size, at scale 1: its text keeps its proportion to the bars.
	img, err := chart.BudgetBars(in.Budget, chart.Style{Background: paper, Foreground: ink, Primary: muted, Secondary: accent}, chartW/2, chartH/2)
	if err == nil {
		sec.Blocks = append(sec.Blocks, ChartBlock(img, "Planned (grey) and actual (blue) spend per category, in "+home)...)
	}
	return sec
}

func preparationSection(in Input) Section {
	sec := Section{Title: SectionTitle(SectionPreparation)}
	st, rd := in.Summary.Study, in.Summary.Reading
	if (st == nil || st.Sessions == 0) && (rd == nil || rd.Items == 0) {
		sec.Empty = "No study logged and no reading list yet: time or log study on the Study screen and add the reading list on the Reading screen."
		return sec
	}
	if st != nil && st.Sessions > 0 {
		sec.Blocks = append(sec.Blocks, Para(fmt.Sprintf("Study: %.1f hours in %d sessions. This week %.1f of a %.1f-hour goal; current streak %s (best %d).",
			st.TotalHours, st.Sessions, st.WeekHours, st.WeeklyGoalHours, data.Count(st.StreakDays, "day", "days"), st.BestStreakDays)))
		style := chart.Style{Background: paper, Foreground: ink, Primary: accent, Empty: pale, Scale: chartScale}
		if img, err := chart.WeeklyStudyChart(in.StudyWeeks, in.WeeklyGoal, style, chartW, chartH); err == nil {
			sec.Blocks = append(sec.Blocks, ChartBlock(img, fmt.Sprintf("Study hours per week, the last %d weeks; the dashed line is the weekly goal", data.StudyChartWeeks))...)
		}
		if len(st.Topics) > 0 {
			t := Table{Header: []string{"Topic", "Hours"}, Numeric: []bool{false, true}}
			for _, tp := range st.Topics {
				name := tp.Topic
				if name == "" {
					name = "(no topic)"
				}
				t.Rows = append(t.Rows, []string{name, fmt.Sprintf("%.1f", tp.Hours)})
			}
			sec.Blocks = append(sec.Blocks, TableBlock(t))
		}
	}
	if rd != nil && rd.Items > 0 {
		text := fmt.Sprintf("Reading: %d of %s done (%.0f %%).", rd.Done, data.Count(rd.Items, "item", "items"), rd.Percent)
		if rd.Left > 0 {
			text += fmt.Sprintf(" %.0f %s left", rd.Left, rd.LeftUnit)
			if rd.PaceWindowDays != nil {
				text += fmt.Sprintf("; %.1f a day over the last %s", rd.ActualPerDay, data.Count(*rd.PaceWindowDays, "day", "days"))
			}
			text += "."
		}
		if rd.Verdict != "" {
			text += " " + rd.Verdict
		}
		sec.Blocks = append(sec.Blocks, Para(text))
		t := Table{Header: []string{"Topic", "Done", "Left", "Per day needed", "Projected finish"}, Numeric: []bool{false, true, true, true, false}}
		for _, tp := range in.ReadingTopics {
			name := tp.Topic
			if name == "" {
				name = "(no topic)"
			}
			finish := "too early to tell"
			if !tp.Report.TooEarly && !tp.Report.ProjectedFinish.IsZero() {
				finish = tp.Report.ProjectedFinish.String()
				if r := tp.Report.FinishRangeText(); r != "" {
					finish += " (" + r + ")"
				}
			}
			t.Rows = append(t.Rows, []string{name, fmt.Sprintf("%d of %d", tp.Report.DoneItems, tp.Report.Items),
				fmt.Sprintf("%.0f %s", tp.Report.Left, tp.Report.LeftUnit), fmt.Sprintf("%.1f", tp.Report.PerDayNeeded), finish})
		}
		if len(t.Rows) > 0 {
			sec.Blocks = append(sec.Blocks, TableBlock(t))
		}
	}
	return sec
}

func readinessSection(in Input) Section {
	sec := Section{Title: SectionTitle(SectionReadiness)}
	pr := in.Summary.Practice
	attempts := 0
	for _, f := range in.Practice.Exams {
		attempts += f.Attempts()
	}
	if pr == nil || len(pr.Exams) == 0 || attempts == 0 {
		sec.Empty = "No practice-test results yet: record attempts on the Practice screen to show readiness per exam and topic."
		return sec
	}
	sec.Blocks = append(sec.Blocks, Para("Each exam's score is projected to its date from its last 8 practice attempts within 180 days: "+
		"a least-squares line on the logit scale, carried forward no longer than it was observed, with an 80 % range from the scatter "+
		"of the scores (never narrower than a practice test's own noise) and Student's t. Ready means the whole range clears the pass mark, "+
		"not ready that none of it does, borderline anything between; a projection needs 3 attempts over at least 14 days."))
	t := Table{Header: []string{"Exam", "Pass mark", "Latest", "Forecast", "Readiness"}, Numeric: []bool{false, true, true, false, false}}
	assumed := 0.0
	for _, e := range pr.Exams {
		t.Rows = append(t.Rows, []string{e.Name, data.PassMarkText(e.PassMark, e.PassMarkAssumed), percent(e.Latest), e.Summary, e.Readiness})
		if e.PassMarkAssumed {
			assumed = e.PassMark
		}
	}
	sec.Blocks = append(sec.Blocks, TableBlock(t))
	if assumed > 0 {
		sec.Blocks = append(sec.Blocks, Para("Assumed pass marks: "+data.AssumedPassMarkWhy(assumed)+"."))
	}
	tt := Table{Header: []string{"Topic", "Latest", "Forecast", "Pass mark", "Hours studied since first attempt"}, Numeric: []bool{false, true, false, true, true}}
	for _, f := range in.Practice.Topics {
		if f.Attempts() == 0 {
			continue
		}
		name := f.Topic.Name
		if f.BelowPass() {
			name += " (below pass)"
		}
		tt.Rows = append(tt.Rows, []string{name, fmt.Sprintf("%.1f %%", f.Latest), f.Summary(), f.PassMarkText(), fmt.Sprintf("%.1f", f.StudyHours)})
	}
	if len(tt.Rows) > 0 {
		sec.Blocks = append(sec.Blocks, Para("Topics, weakest first (lowest chance to pass):"), TableBlock(tt))
	}
	colors := chart.Style{Background: paper, Foreground: ink, Primary: accent, Warning: warn, Success: muted}
	for _, f := range in.Practice.Exams {
		if f.Attempts() == 0 {
			continue
		}
		var img image.Image
		if img, _ = chart.PracticeTrend(f, in.Summary.Today, colors, chartW/2, chartH/2); img != nil {
			sec.Blocks = append(sec.Blocks, ChartBlock(img, f.Exam.Name+": scores over time, the pass mark (red) and the projection (grey)")...)
		}
	}
	return sec
}

// percent writes an optional percentage.
func percent(p *float64) string {
	if p == nil {
		return "none"
	}
	return fmt.Sprintf("%.1f %%", *p)
}

func returnSection(in Input, r data.ReturnInput) Section {
	sec := Section{Title: SectionTitle(SectionReturn)}
	b := in.Summary.Budget
	if b == nil || b.Items == 0 {
		sec.Empty = "The return is measured against the total cost: add the budget first."
		return sec
	}
	if r.AnnualRaise.IsZero() && r.OneOffValue.IsZero() {
		sec.Empty = "No expected return entered: give the expected yearly salary change or a one-off value when making the report."
		return sec
	}
	home := b.HomeCurrency
	cost, err := decimal.NewFromString(b.Forecast)
	if err != nil {
		sec.Empty = "The budget's total could not be read: " + err.Error()
		return sec
	}
	rep := data.ComputeReturn(cost, r)
	sec.Blocks = append(sec.Blocks, TableBlock(Table{
		Header:  []string{"Input", "Amount"},
		Numeric: []bool{false, true},
		Rows: [][]string{
			{"Total cost (forecast, all payers)", money(cost, home)},
			{"Expected salary change per year", money(r.AnnualRaise, home)},
			{"One-off value", money(r.OneOffValue, home)},
			{"Value in the first year", money(rep.FirstYearValue, home)},
		},
	}))
	var text string
	switch {
	case rep.Never:
		text = "With no yearly gain, the one-off value does not cover the cost: the program does not pay back on these figures."
	case rep.PaybackMonths == 0:
		text = "The one-off value covers the cost at once."
	default:
		text = fmt.Sprintf("The cost is paid back after %d months.", rep.PaybackMonths)
	}
	if rep.HasCost {
		text += fmt.Sprintf(" First-year return on the cost: %s %%.", rep.FirstYearReturn.StringFixed(1))
	}
	sec.Blocks = append(sec.Blocks, Para(text))
	return sec
}
