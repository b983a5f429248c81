package store

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"github.com/masterplan-app/masterplan/data"
)

// The study since a topic's first attempt is one figure read two ways: from
// the kept totals when they are kept in the zone asked for (SQL), else by
// data.StudySinceOfDays over the sessions summed in that zone. Both must
// give the same hours, whatever the topic's spelling and the day.
func TestStudySinceIsOneFigureBothWays(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	ctx := context.Background()
	setUp(t, s)
	set, err := s.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	loc := set.Location()
	var sessions []data.StudySession
	start := time.Date(2026, 2, 1, 19, 0, 0, 0, loc)
	for i, topic := range []string{"Transport", "transport ", "High availability", "Transport", "High  availability", "Backup"} {
		sessions = append(sessions, data.StudySession{Start: start.AddDate(0, 0, 3*i), Duration: time.Duration(30+15*i) * time.Minute, Topic: topic})
	}
	if _, err := s.AddStudySessions(ctx, sessions); err != nil {
		t.Fatal(err)
	}
	var asked []data.TopicDay
	for _, topic := range []string{"Transport", "High availability", "Backup", "Nothing studied"} {
		for _, day := range []string{"2026-01-15", "2026-02-04", "2026-02-10", "2026-03-01"} {
			asked = append(asked, data.TopicDay{Topic: topic, Day: date(t, day)})
		}
	}
	kept, err := s.StudySince(ctx, loc, asked)
	if err != nil {
		t.Fatal(err)
	}
	var byDayTopic map[data.DayTopic]time.Duration
	var zone string
	if err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		if zone, err = studyDaysZone(ctx, tx); err != nil {
			return err
		}
		byDayTopic, err = sumSessions(ctx, tx, loc)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if zone != data.ZoneKey(loc) {
		t.Fatalf("the totals are kept in %q, not the user's zone %s: the kept path was not read", zone, loc)
	}
	var some bool
	for _, td := range asked {
		if want := data.StudySinceOfDays(byDayTopic, td); kept[td] != want {
			t.Errorf("study of %q since %s: %v from the kept totals, %v from the sessions", td.Topic, td.Day, kept[td], want)
		}
		some = some || kept[td] > 0
	}
	if !some {
		t.Fatal("no study found at all: the test compares nothing")
	}
}
