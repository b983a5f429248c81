package summary

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

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
	// Start, length and topic are all these sums need: StudyTimes reads
	// them from one index, which keeps the dashboard quick on years of study.
	sessions, err := a.st.StudyTimes(a.ctx)
	if err != nil {
		return nil, err
	}
	opts, err := a.st.StudyOptions(a.ctx)
	if err != nil {
		return nil, err
	}
	timer, err := a.st.Timer(a.ctx)
	if err != nil {
		// A timer row that no longer reads is offered for discarding by the
		// app; the rest of the status still holds.
		timer = data.TimerState{}
	}
	loc := a.settings.Location()
	streak := data.StudyStreaks(sessions, loc, a.now, opts.StreakMinimum)
	st := &StudyStatus{
		WeekHours:       hours(data.WeekHours(thisWeek(sessions, loc, a.now, a.settings.WeekStart), loc, a.now, a.settings.WeekStart)),
		WeekGoal:        a.settings.WeeklyGoalHours,
		WeeklyGoalHours: a.settings.WeeklyGoalHours,
		StreakDays:      streak.Current,
		BestStreakDays:  streak.Longest,
		TotalHours:      hours(data.TotalStudyHours(sessions)),
		Sessions:        len(sessions),
		Topics:          []TopicHours{},
		Timer:           timer.Phase().String(),
	}
	for _, t := range data.StudyHoursByTopic(sessions, time.Time{}, time.Time{}) {
		st.Topics = append(st.Topics, TopicHours{Topic: t.Topic, Hours: hours(t.Hours)})
	}
	return st, nil
}

// thisWeek is the tail of sessions (ordered by start) that can reach into
// the current week: those starting at most one longest session before it,
// so that the week's sum need not walk ten years of days.
func thisWeek(sessions []data.StudySession, loc *time.Location, now time.Time, weekStart time.Weekday) []data.StudySession {
	from := data.WeekStartDate(data.DateOf(now, loc), weekStart).In(loc).Add(-data.MaxStudySession)
	i := sort.Search(len(sessions), func(i int) bool { return !sessions[i].Start.Before(from) })
	return sessions[i:]
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

func dayCount(n int) string {
	if n == 1 {
		return "1 day"
	}
	return fmt.Sprintf("%d days", n)
}
