package summary

import (
	"testing"
	"time"

	"github.com/masterplan-app/masterplan/data"
)

// The week's hours from the tail thisWeek keeps are those of all sessions,
// including a long session begun the evening before the week started.
func TestThisWeekKeepsWhatReachesIntoTheWeek(t *testing.T) {
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, time.March, 4, 12, 0, 0, 0, loc) // a Wednesday
	monday := time.Date(2026, time.March, 2, 0, 0, 0, 0, loc)
	var sessions []data.StudySession
	for d := 40; d >= 1; d-- { // an hour a day for 40 days before the week
		sessions = append(sessions, data.StudySession{Start: monday.AddDate(0, 0, -d).Add(19 * time.Hour), Duration: time.Hour})
	}
	sessions = append(sessions,
		data.StudySession{Start: monday.Add(-22 * time.Hour), Duration: 23 * time.Hour}, // 1 h of it on Monday
		data.StudySession{Start: monday.Add(-2 * time.Hour), Duration: 3 * time.Hour},   // 1 h on Monday
		data.StudySession{Start: monday.Add(26 * time.Hour), Duration: time.Hour},
	)
	for _, ws := range []time.Weekday{time.Monday, time.Sunday, time.Saturday} {
		all := data.WeekHours(sessions, loc, now, ws)
		tail := thisWeek(sessions, loc, now, ws)
		if got := data.WeekHours(tail, loc, now, ws); got != all {
			t.Errorf("week from %s: %v h from the tail of %d sessions, %v h from all", ws, got, len(tail), all)
		}
		if len(tail) > 6 {
			t.Errorf("week from %s: the tail keeps %d sessions, want only those near the week", ws, len(tail))
		}
	}
	if got := data.WeekHours(thisWeek(sessions, loc, now, time.Monday), loc, now, time.Monday); got != 3 {
		t.Errorf("week hours = %v, want 3", got)
	}
}
