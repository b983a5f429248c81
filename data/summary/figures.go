package summary

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/masterplan-app/masterplan/data"
)

// Figure is one dashboard card's content: a big figure, what it means, a
// few lines of detail and, where a picture says it faster, bars. Every
// number the card shows is decided here, so that the dashboard only draws.
type Figure struct {
	Value   string   // the big figure: "42 days", "64 %", "7.5 h"
	Caption string   // what the figure is, in words
	State   State    // colours the figure: good news, bad news, or neither
	Details []string // lines under the figure
	Bars    []Bar    // stacked bars under the details, top to bottom
	Empty   bool     // there is nothing to show yet: Details say what to do
}

// State says whether a figure is good or bad news.
type State int

const (
	Neutral State = iota
	Good
	Bad
)

// Bar is one stacked bar: Parts fill it from the left, Of is its full
// length (the parts may leave some of it empty).
type Bar struct {
	Label string
	Parts []BarPart
	Of    float64
	Mark  float64 // where a tick is drawn, on the scale of Of (a pass mark); 0 for none
}

// BarPart is a segment of a bar, drawn in its Ink.
type BarPart struct {
	Label string
	Value float64
	Ink   Ink
}

// Ink is how a bar's segment is drawn.
type Ink int

const (
	Strong Ink = iota // the accent colour
	Pale              // a paler accent: the rest of a whole
	Blank             // not drawn: the bar's empty track shows
)

// RotationFigure is the countdown to the rotation, with each exam's.
func (s Summary) RotationFigure() Figure {
	f := Figure{Caption: "to the rotation"}
	switch {
	case s.Rotation.Over:
		f.Value, f.Caption, f.State = "Done", "the rotation is over", Good
	case s.Rotation.DaysLeft <= 0:
		f.Value, f.Caption = "On site", "the rotation has begun"
	default:
		f.Value = dayCount(s.Rotation.DaysLeft)
	}
	for i, b := range s.Rotation.Blocks {
		f.Details = append(f.Details, fmt.Sprintf("Block %d, %s: %s to %s, %s", i+1, b.Location, b.Start, b.End, blockWhen(b)))
	}
	if s.Practice != nil {
		for _, e := range s.Practice.Exams {
			f.Details = append(f.Details, e.Name+": "+examWhen(e.Date, s.Today))
		}
	}
	return f
}

// blockWhen is a block's countdown in words.
func blockWhen(b BlockEntry) string {
	switch {
	case b.Phase == "finished" || b.Phase == "in progress":
		return b.Phase
	case b.DaysLeft == 0:
		return "starts today"
	case b.DaysLeft == 1:
		return "starts tomorrow"
	}
	return "in " + dayCount(b.DaysLeft)
}

// examWhen is an exam's countdown in words.
func examWhen(date, today data.Date) string {
	if date.IsZero() {
		return "no date yet"
	}
	switch n := today.DaysUntil(date); {
	case n == 0:
		return "today"
	case n < 0:
		return fmt.Sprintf("sat %s", date)
	default:
		return fmt.Sprintf("in %s (%s)", dayCount(n), date)
	}
}

// ReadingFigure is the share of the reading list done, with its verdict
// and a progress bar.
func (s Summary) ReadingFigure() Figure {
	r := s.Reading
	if r == nil || r.Items == 0 {
		return Figure{Value: "0 %", Caption: "of the reading list", Empty: true,
			Details: []string{"The list is empty: add books, papers and videos on the Reading screen (Ctrl+3)."}}
	}
	f := Figure{Value: fmt.Sprintf("%.0f %%", r.Percent), Caption: "read, " + r.TrackWord(), Details: []string{r.Verdict}}
	switch {
	case r.OnTrack == nil:
	case *r.OnTrack:
		f.State = Good
	default:
		f.State = Bad
	}
	f.Details = append(f.Details, fmt.Sprintf("%d of %s done", r.Done, data.Count(r.Items, "item", "items")))
	if r.Left > 0 {
		f.Details = append(f.Details, fmt.Sprintf("%.0f %s left", r.Left, r.LeftUnit))
	}
	f.Bars = []Bar{{Label: "read", Of: 100, Parts: []BarPart{{Label: "read", Value: r.Percent}}}}
	return f
}

// TrackWord is "on track", "behind by N days" or "too early to tell".
func (r ReadingStatus) TrackWord() string {
	switch {
	case r.Items > 0 && r.Done == r.Items:
		return "all read"
	case r.OnTrack == nil:
		return "too early to tell"
	case *r.OnTrack:
		return "on track"
	case r.BehindDays > 0:
		return "behind by " + dayCount(r.BehindDays)
	}
	return "behind"
}

// StudyFigure is this week's hours against the goal, with the streak.
func (s Summary) StudyFigure() Figure {
	st := s.Study
	if st == nil || st.Sessions == 0 {
		return Figure{Value: "0 h", Caption: "studied this week", Empty: true,
			Details: []string{"Start the timer on the Study screen (Ctrl+4), or run `masterplan log 45m`."}}
	}
	f := Figure{Value: trimHours(st.WeekHours) + " h", Caption: "studied this week"}
	if st.WeekGoal > 0 {
		f.Caption = fmt.Sprintf("of %s h this week", trimHours(st.WeekGoal))
		if st.WeekHours >= st.WeekGoal {
			f.State = Good
			f.Details = append(f.Details, "goal reached")
		} else {
			f.Details = append(f.Details, trimHours(hours(st.WeekGoal-st.WeekHours))+" h to go")
		}
		f.Bars = []Bar{{Label: "this week", Of: max(st.WeekGoal, st.WeekHours),
			Parts: []BarPart{{Label: "studied", Value: st.WeekHours}}}}
	} else {
		f.Details = append(f.Details, "no weekly goal: set one in Settings")
	}
	f.Details = append(f.Details, fmt.Sprintf("streak %s (best %s)", dayCount(st.StreakDays), dayCount(st.BestStreakDays)))
	return f
}

// ReadinessFigure is each exam's readiness: the projection's range and the
// chance to pass, or "too early".
func (s Summary) ReadinessFigure() Figure {
	p := s.Practice
	if p == nil || len(p.Exams) == 0 {
		return Figure{Value: "—", Caption: "readiness", Empty: true,
			Details: []string{"Add the exams and your practice scores on the Practice screen (Ctrl+5)."}}
	}
	f := Figure{Value: "too early", Caption: "to tell readiness"}
	for i, e := range p.Exams {
		f.Details = append(f.Details, fmt.Sprintf("%s: %s (pass mark %s)", e.Name, e.ReadinessLine(), data.PassMarkText(e.PassMark, e.PassMarkAssumed)))
		if i == 0 && e.PassChance != nil {
			f.Value = fmt.Sprintf("%.0f %%", *e.PassChance)
			f.Caption = "chance to pass"
			f.State = Bad
			if *e.PassChance >= 50 {
				f.State = Good
			}
		}
		if e.Low != nil && e.High != nil {
			f.Bars = append(f.Bars, Bar{Label: e.Name, Of: 100, Mark: e.PassMark, Parts: []BarPart{
				{Label: "below the range", Value: *e.Low, Ink: Blank},
				{Label: "80 % range", Value: *e.High - *e.Low},
			}})
		}
	}
	if len(p.WeakestTopics) > 0 {
		f.Details = append(f.Details, "weakest topics: "+strings.Join(p.WeakestTopics, ", "))
	}
	return f
}

// ReadinessLine is "projected 85 % (80 % range 46-97 %), chance about 81 %"
// or "too early".
func (e PracticeExam) ReadinessLine() string {
	if e.Projected == nil || e.Low == nil || e.High == nil || e.PassChance == nil {
		return "too early"
	}
	return fmt.Sprintf("projected %.0f %% (80 %% range %.0f-%.0f %%), chance about %.0f %%", *e.Projected, *e.Low, *e.High, *e.PassChance)
}

// BudgetFigure is the forecast cost with two stacked bars: spent against
// planned, and the employer's share against the candidate's.
func (s Summary) BudgetFigure() Figure {
	b := s.Budget
	if b == nil || b.Items == 0 {
		return Figure{Value: "—", Caption: "forecast cost", Empty: true,
			Details: []string{"Add the program fee, flights, hotel and meals on the Budget screen (Ctrl+6)."}}
	}
	money := func(v string) string {
		d, err := decimal.NewFromString(v)
		if err != nil {
			return v
		}
		return data.Money{Amount: d, Currency: b.HomeCurrency}.Format()
	}
	num := func(v string) float64 {
		d, err := decimal.NewFromString(v)
		if err != nil {
			return 0
		}
		return d.InexactFloat64() // for drawing only, never for money
	}
	planned, actual, forecast := num(b.Planned), num(b.Actual), num(b.Forecast)
	f := Figure{Value: money(b.Forecast), Caption: "forecast cost", Details: []string{
		fmt.Sprintf("spent %s of %s planned", money(b.Actual), money(b.Planned)),
		fmt.Sprintf("employer pays %s, you %s", money(b.Employer), money(b.Self)),
	}}
	if !isZero(b.Actual) { // who paid at the till, and what of it is owed back
		f.Details = append(f.Details, b.SpentText(money))
	}
	if len(b.MissingRates) > 0 {
		f.State = Bad
		f.Details = append(f.Details, "no exchange rate for some amounts: see Budget")
	}
	f.Bars = []Bar{
		{Label: "spent of planned", Of: max(planned, forecast), Parts: []BarPart{{Label: "spent", Value: actual}}},
		{Label: "employer and you", Of: forecast, Parts: []BarPart{{Label: "employer", Value: num(b.Employer)}, {Label: "you", Value: num(b.Self), Ink: Pale}}},
	}
	return f
}

// MilestoneLine is one open milestone as the dashboard lists it.
type MilestoneLine struct {
	Text    string
	Overdue bool
}

// MilestonesFigure is the next n open milestones, overdue ones first and
// marked, with how many are overdue as the figure.
func (s Summary) MilestonesFigure(n int) (Figure, []MilestoneLine) {
	next := s.NextMilestones(n)
	if len(next) == 0 {
		return Figure{Value: "0", Caption: "milestones open", Empty: true,
			Details: []string{"Nothing open: add milestones on the Rotation screen (Ctrl+2), or let MasterPlan suggest the usual ones."}}, nil
	}
	open, overdue := 0, 0
	for _, m := range s.Milestones {
		if !m.Done {
			open++
			if s.Today.DaysUntil(m.Due) < 0 {
				overdue++
			}
		}
	}
	f := Figure{Value: fmt.Sprint(open), Caption: "milestones open"}
	if open == 1 {
		f.Caption = "milestone open"
	}
	if overdue > 0 {
		f.Value, f.Caption, f.State = fmt.Sprint(overdue), fmt.Sprintf("overdue of %d open", open), Bad
	}
	lines := make([]MilestoneLine, len(next))
	for i, m := range next {
		days := s.Today.DaysUntil(m.Due)
		when := "in " + dayCount(days)
		switch {
		case days == 0:
			when = "due today"
		case days == 1:
			when = "due tomorrow"
		case days < 0:
			when = "OVERDUE by " + dayCount(-days)
		}
		text := fmt.Sprintf("%s  %s (%s)", m.Due, m.Title, when)
		if paid := m.milestone().PaidText(); paid != "" { // a line of its own: a card is narrow
			text += "\n" + paid
		}
		lines[i] = MilestoneLine{Text: text, Overdue: days < 0}
	}
	return f, lines
}
