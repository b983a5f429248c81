package summary

import (
	"fmt"
	"math"
	"strings"

	"github.com/masterplan-app/masterplan/data"
)

// StudyStatus is the study part of the summary (status --json "study").
// Hours are rounded to the hundredth.
type StudyStatus struct {
	WeekHours       float64      `json:"week_hours"`
	WeekGoal        float64      `json:"week_goal"`         // the weekly goal in hours, as the issue names it
	WeeklyGoalHours float64      `json:"weekly_goal_hours"` // the same goal under its settings name
	StreakDays      int          `json:"streak_days"`
	BestStreakDays  int          `json:"best_streak_days"`
	TotalHours      float64      `json:"total_hours"`
	Sessions        int          `json:"sessions"`
	Topics          []TopicHours `json:"topics"` // all time, most studied first
	Timer           string       `json:"timer"`  // idle, running or paused
}

// TopicHours is the study time of one topic ("" for sessions without one).
type TopicHours struct {
	Topic string  `json:"topic"`
	Hours float64 `json:"hours"`
}

func buildStudy(a area) (*StudyStatus, error) {
	loc := a.settings.Location()
	// The per-day totals the store keeps: a few thousand days instead of
	// every session ever logged.
	opts, err := a.st.StudyOptions(a.ctx)
	if err != nil {
		return nil, err
	}
	totals, err := a.st.StudyTotals(a.ctx, loc, a.today, opts.StreakMinimum)
	if err != nil {
		return nil, err
	}
	timer, err := a.st.Timer(a.ctx)
	if err != nil {
		// A timer row that no longer reads is offered for discarding by the
		// app; the rest of the status still holds.
		timer = data.TimerState{}
	}
	st := &StudyStatus{
		WeekHours:       hours(data.WeekHoursOfDays(totals.Recent, a.today, a.settings.WeekStart)),
		WeekGoal:        a.settings.WeeklyGoalHours,
		WeeklyGoalHours: a.settings.WeeklyGoalHours,
		StreakDays:      totals.Streak.Current,
		BestStreakDays:  totals.Streak.Longest,
		TotalHours:      hours(totals.Total.Hours()),
		Sessions:        totals.Sessions,
		Topics:          []TopicHours{},
		Timer:           timer.Phase().String(),
	}
	for _, t := range totals.Topics {
		st.Topics = append(st.Topics, TopicHours{Topic: t.Topic, Hours: hours(t.Hours)})
	}
	return st, nil
}

func hours(h float64) float64 { return math.Round(h*100) / 100 }

// Text is the study line of the dashboard and `masterplan status`.
func (s StudyStatus) Text() string {
	if s.Sessions == 0 {
		return "No study logged yet: start the timer on the Study screen or run `masterplan log 45m`."
	}
	line := fmt.Sprintf("This week %s h", trimHours(s.WeekHours))
	if s.WeekGoal > 0 {
		line += fmt.Sprintf(" of %s h goal", trimHours(s.WeekGoal))
		if s.WeekHours >= s.WeekGoal {
			line += " (reached)"
		} else {
			line += fmt.Sprintf(" (%s h to go)", trimHours(hours(s.WeekGoal-s.WeekHours)))
		}
	}
	line += fmt.Sprintf(". Streak %s (best %s). Total %s h.", dayCount(s.StreakDays), dayCount(s.BestStreakDays), trimHours(s.TotalHours))
	if s.Timer != data.TimerIdle.String() {
		line += " Timer " + s.Timer + "."
	}
	return line
}

// trimHours writes hours to the tenth, without a trailing ".0".
func trimHours(h float64) string { return strings.TrimSuffix(fmt.Sprintf("%.1f", h), ".0") }

func dayCount(n int) string { return data.Count(n, "day", "days") }
