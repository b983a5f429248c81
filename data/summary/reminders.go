package summary

import (
	"fmt"
	"strings"
	"time"

	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/remind"
)

// nextReminders is how many coming reminders the status lists.
const nextReminders = 3

// RemindersStatus is the reminders part of the summary (status --json
// "reminders").
type RemindersStatus struct {
	Next []NextReminder `json:"next"` // soonest first, within data.NextHorizon
	// Missed counts occurrences that came due and were not delivered yet
	// (no app or `masterplan remind` was running); the next run delivers
	// them as one catch-up notification per reminder.
	Missed  int        `json:"missed"`
	Open    int        `json:"open"`    // delivered, waiting for Done or Snooze
	Snoozed int        `json:"snoozed"` // put off, ringing again later
	Enabled int        `json:"enabled"` // reminders turned on
	LastRun *time.Time `json:"last_run,omitempty"`
	// Overdue says which open milestones are past their day (they no
	// longer ring); "" when none is.
	Overdue string `json:"overdue_milestones,omitempty"`
}

// overdueNamed is how many overdue milestones the reminders line names.
const overdueNamed = 3

// NextReminder is one coming occurrence, at an instant in the user's zone.
type NextReminder struct {
	Title string    `json:"title"`
	At    time.Time `json:"at"`
}

func buildReminders(a area) (*RemindersStatus, error) {
	plan, err := a.st.ReminderPlan(a.ctx)
	if err != nil {
		return nil, err
	}
	loc := a.settings.Location()
	out := &RemindersStatus{Next: []NextReminder{}}
	for _, r := range plan.Schedule.Reminders {
		if r.Enabled {
			out.Enabled++
		}
	}
	// A reminder the schedule cannot expand (a rule spoiled by hand) leaves
	// the others listed: the runner logs it, the status shows the rest.
	next, _ := plan.Schedule.Next(a.now, nextReminders)
	for _, o := range next {
		out.Next = append(out.Next, NextReminder{Title: o.Title, At: o.At.In(loc)})
	}
	due, _ := remind.Due(plan, a.now)
	keys := make([]string, len(due))
	for i, o := range due {
		keys[i] = o.Key
	}
	claimed, err := a.st.Claimed(a.ctx, keys)
	if err != nil {
		return nil, err
	}
	out.Missed = len(keys) - len(claimed)
	notices, err := a.st.Notices(a.ctx)
	if err != nil {
		return nil, err
	}
	for _, n := range notices {
		if n.SnoozeUntil.IsZero() {
			out.Open++
		} else {
			out.Snoozed++
		}
	}
	out.Overdue = data.OverdueText(plan.Schedule.Milestones, a.today, overdueNamed)
	if !plan.LastRun.IsZero() {
		last := plan.LastRun.In(loc)
		out.LastRun = &last
	}
	return out, nil
}

// Text says in one line what comes next and what is waiting, for the
// terminal and the dashboard: "Next: Mon 24 Nov 19:30 Study session.
// 1 waiting for Done."
func (r *RemindersStatus) Text() string {
	var parts []string
	if len(r.Next) == 0 {
		parts = append(parts, "No reminder coming up.")
	} else {
		parts = append(parts, fmt.Sprintf("Next: %s %s.", r.Next[0].At.Format("Mon 2 Jan 15:04"), r.Next[0].Title))
	}
	if r.Overdue != "" {
		parts = append(parts, r.Overdue)
	}
	if r.Missed > 0 {
		parts = append(parts, fmt.Sprintf("%d due but not delivered (is MasterPlan or `masterplan remind` running?).", r.Missed))
	}
	if r.Open > 0 {
		parts = append(parts, fmt.Sprintf("%d waiting for Done.", r.Open))
	}
	if r.Snoozed > 0 {
		parts = append(parts, fmt.Sprintf("%d snoozed.", r.Snoozed))
	}
	return strings.Join(parts, " ")
}
