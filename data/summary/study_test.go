package summary

import (
	"context"
	"testing"
	"time"

	"github.com/masterplan-app/masterplan/data"
)

// recountStudy sums sessions as the store would with no kept totals: per
// day from the sessions (data.StudyByDayTopic), then data.SumStudy.
func recountStudy(sessions []data.StudySession, loc *time.Location, now time.Time) data.StudyTotals {
	days, topics := data.StudyDayTotals(data.StudyByDayTopic(sessions, loc), loc)
	return data.SumStudy(days, topics, len(sessions), data.DateOf(now, loc), 0)
}

// The dashboard's study numbers come from the store's per-day totals; they
// are those of all sessions, including a long session begun the evening
// before the week started, whatever day the week starts on.
func TestStudyStatusMatchesTheSessions(t *testing.T) {
	ctx := context.Background()
	st, rot, _, _ := practiceStore(t)
	set, err := st.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	loc := set.Location()
	now := time.Date(2026, time.March, 4, 12, 0, 0, 0, loc) // a Wednesday
	monday := time.Date(2026, time.March, 2, 0, 0, 0, 0, loc)
	var sessions []data.StudySession
	for d := 40; d >= 2; d-- { // an hour a day for the 39 days before the Sunday
		sessions = append(sessions, data.StudySession{Start: monday.AddDate(0, 0, -d).Add(19 * time.Hour), Duration: time.Hour, Topic: "DNS"})
	}
	// Sessions never overlap: the Sunday is one long session into Monday.
	sessions = append(sessions,
		data.StudySession{Start: monday.Add(-23 * time.Hour), Duration: 24 * time.Hour, Topic: "dns"}, // 1 h of it on Monday
		data.StudySession{Start: monday.Add(time.Hour), Duration: time.Hour},                          // 1 h on Monday
		data.StudySession{Start: monday.Add(26 * time.Hour), Duration: time.Hour, Topic: "Transport"},
	)
	if _, err := st.AddStudySessions(ctx, sessions); err != nil {
		t.Fatal(err)
	}
	for _, ws := range []time.Weekday{time.Monday, time.Sunday, time.Saturday} {
		set.WeekStart = ws
		if err := st.SaveSettings(ctx, set); err != nil {
			t.Fatal(err)
		}
		a := area{ctx: ctx, st: st, settings: set, rotation: rot, today: data.DateOf(now, loc), now: now}
		got, err := buildStudy(a)
		if err != nil {
			t.Fatal(err)
		}
		recount := recountStudy(sessions, loc, now)
		if want := hours(data.WeekHoursOfDays(recount.Recent, data.DateOf(now, loc), ws)); got.WeekHours != want {
			t.Errorf("week from %s: %v h, want %v", ws, got.WeekHours, want)
		}
		if ws == time.Monday && got.WeekHours != 3 {
			t.Errorf("week from Monday: %v h, want 3", got.WeekHours)
		}
		streak := recount.Streak
		if got.StreakDays != streak.Current || got.BestStreakDays != streak.Longest {
			t.Errorf("streak %d (best %d), want %+v", got.StreakDays, got.BestStreakDays, streak)
		}
		if got.Sessions != len(sessions) || got.TotalHours != hours(recount.Total.Hours()) {
			t.Errorf("%d sessions, %v h; want %d, %v h", got.Sessions, got.TotalHours, len(sessions), recount.Total.Hours())
		}
		if len(got.Topics) != 3 || got.Topics[0] != (TopicHours{Topic: "DNS", Hours: 63}) {
			t.Errorf("topics = %+v, want DNS (63 h, as first written) first of 3", got.Topics)
		}
	}
}
