package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/masterplan-app/masterplan/data"
)

// checkStudyTotals compares the totals the store keeps per day with a
// recount from every session (data.StudyByDayTopic, the definition
// Store.VerifyKept holds them to), both summed by the one function every
// front end gets its study figures from (data.SumStudy), as of testNow.
func checkStudyTotals(t *testing.T, s *Store, loc *time.Location, when string) {
	t.Helper()
	ctx := context.Background()
	if err := s.VerifyKept(ctx); err != nil {
		t.Fatalf("%s: %v", when, err)
	}
	all, err := s.StudySessions(ctx, time.Time{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	today := data.DateOf(testNow, loc)
	days, topics := data.StudyDayTotals(data.StudyByDayTopic(all, loc), loc)
	for _, streakMin := range []time.Duration{0, time.Hour, 3*time.Hour + 30*time.Second} {
		got, err := s.StudyTotals(ctx, loc, today, streakMin)
		if err != nil {
			t.Fatalf("%s: %v", when, err)
		}
		want := data.SumStudy(days, topics, len(all), today, streakMin)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: kept totals with streaks of %s a day\n got %+v\nwant %+v", when, streakMin, got, want)
		}
	}
}

func setZone(t *testing.T, s *Store, name string) *time.Location {
	t.Helper()
	set, err := s.Settings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	set.TimeZone = name
	if err := s.SaveSettings(context.Background(), set); err != nil {
		t.Fatal(err)
	}
	return set.Location()
}

// TestStudyTotalsFollowEveryWrite adds, edits and deletes sessions at random
// (many across midnight and across the nights the clocks change) and
// checks after each that the totals kept in the same transaction equal the
// sums over every session.
func TestStudyTotalsFollowEveryWrite(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	loc := setZone(t, s, "Europe/Paris")
	checkStudyTotals(t, s, loc, "empty")
	topics := []string{"Exchange", "exchange", "Active Directory", "", "Lab prep", "active-directory"}
	r := rand.New(rand.NewPCG(8, 8))
	from := time.Date(2025, 10, 20, 0, 0, 0, 0, time.UTC) // the clocks go back on 2025-10-26
	randomSession := func() data.StudySession {
		// Up to the eve of testNow, so that there is a current streak.
		start := from.Add(time.Duration(r.IntN(138*24*60-12*60)) * time.Minute)
		return data.StudySession{Start: start, Duration: time.Duration(1+r.IntN(20*60)) * time.Minute, Topic: topics[r.IntN(len(topics))]}
	}
	// freeSession is a random session that overlaps none stored (but the
	// one with id, being edited) nor those in also: one at a time.
	freeSession := func(id int64, also ...data.StudySession) data.StudySession {
		stored, err := s.StudySessions(ctx, time.Time{}, time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		for {
			ss := randomSession()
			ss.ID = id
			if data.CheckSessionOverlap(ss, append(stored, also...), loc) == nil {
				return ss
			}
		}
	}
	var ids []int64
	for step := range 300 {
		switch op := r.IntN(10); {
		case op < 5 || len(ids) == 0:
			batch := make([]data.StudySession, 1+r.IntN(3))
			for i := range batch {
				batch[i] = freeSession(0, batch[:i]...)
			}
			saved, err := s.AddStudySessions(ctx, batch)
			if err != nil {
				t.Fatal(err)
			}
			for _, ss := range saved {
				ids = append(ids, ss.ID)
			}
		case op < 8:
			ss := freeSession(ids[r.IntN(len(ids))])
			if _, err := s.SaveStudySession(ctx, ss); err != nil {
				t.Fatal(err)
			}
		default:
			i := r.IntN(len(ids))
			if _, err := s.DeleteStudySession(ctx, ids[i]); err != nil {
				t.Fatal(err)
			}
			ids = append(ids[:i], ids[i+1:]...)
		}
		if step%10 == 0 {
			checkStudyTotals(t, s, loc, fmt.Sprintf("after step %d", step))
		}
	}
	checkStudyTotals(t, s, loc, "at the end")

	// A refused batch changes neither the sessions nor the totals.
	bad := []data.StudySession{freeSession(0), {Start: testNow, Duration: time.Hour}}
	if _, err := s.AddStudySessions(ctx, bad); err == nil {
		t.Fatal("a session ending after now was accepted")
	}
	checkStudyTotals(t, s, loc, "after a refused batch")
}

// TestStudyTotalsFollowTheZone: after the user's zone changes, the totals
// are summed again in the new zone, including when a session was written
// in between (the write drops the old zone's totals instead of mixing).
func TestStudyTotalsFollowTheZone(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	paris := setZone(t, s, "Europe/Paris")
	late := data.StudySession{Start: time.Date(2026, 3, 1, 22, 30, 0, 0, time.UTC), Duration: 2 * time.Hour, Topic: "Exchange"}
	if _, err := s.AddStudySessions(ctx, []data.StudySession{late}); err != nil {
		t.Fatal(err)
	}
	checkStudyTotals(t, s, paris, "in Paris")
	kolkata := setZone(t, s, "Asia/Kolkata")
	if _, err := s.AddStudySessions(ctx, []data.StudySession{{Start: late.Start.Add(-24 * time.Hour), Duration: time.Hour}}); err != nil {
		t.Fatal(err)
	}
	checkStudyTotals(t, s, kolkata, "in Kolkata")
	got, err := s.StudyTotals(ctx, kolkata, data.DateOf(testNow, kolkata), 0)
	if err != nil {
		t.Fatal(err)
	}
	// 22:30 UTC is 04:00 the next day in Kolkata: all two hours on 2 March.
	if d := got.Recent[data.NewDate(2026, 3, 2)]; d != 2*time.Hour {
		t.Errorf("2 March in Kolkata has %s of study, want 2h", d)
	}
	checkStudyTotals(t, s, paris, "asked in Paris again")
}

// TestStudyTotalsAfterTimer: the timer's stop writes a session through its
// own statement; the totals follow it. (The JSON import's test is in
// data/transfer/dbjson: it writes through saveSessions.)
func TestStudyTotalsAfterTimer(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dst, _ := openTemp(t)
	setUp(t, dst)
	loc := setZone(t, dst, "America/Los_Angeles")
	if err := dst.SaveTimer(ctx, data.TimerState{StartedAt: testNow.Add(-90 * time.Minute), RunningSince: testNow.Add(-90 * time.Minute), Topic: "Lab"}); err != nil {
		t.Fatal(err)
	}
	if _, err := dst.StopTimer(ctx, testNow, ""); err != nil {
		t.Fatal(err)
	}
	checkStudyTotals(t, dst, loc, "after the timer stopped")
}

// StudySince counts a topic's study on its day and after, in the user's
// zone, whatever its spelling, and nothing of other topics.
func TestStudySinceCountsFromTheDay(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	berlin := setZone(t, s, "Europe/Berlin")
	utc := func(v string) time.Time {
		x, err := time.Parse(time.RFC3339, v)
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	if _, err := s.AddStudySessions(ctx, []data.StudySession{
		{Topic: "replication sites", Start: utc("2026-01-10T00:00:00Z"), Duration: time.Hour},           // 01:00 in Berlin on the 10th: counts
		{Topic: "Replication & sites", Start: utc("2026-01-09T21:30:00Z"), Duration: 150 * time.Minute}, // 22:30 on the 9th: its last hour counts
		{Topic: "REPLICATION AND SITES", Start: utc("2026-01-12T08:00:00Z"), Duration: time.Hour},       // another topic
		{Topic: "Replication & Sites", Start: utc("2026-01-15T08:00:00Z"), Duration: 90 * time.Minute},
		{Topic: "PKI", Start: utc("2026-01-15T10:00:00Z"), Duration: time.Hour},
	}); err != nil {
		t.Fatal(err)
	}
	rep := data.TopicDay{Topic: "Replication & Sites", Day: data.NewDate(2026, 1, 10)}
	later := data.TopicDay{Topic: "Replication & Sites", Day: data.NewDate(2026, 1, 11)}
	dns := data.TopicDay{Topic: "DNS", Day: data.NewDate(2026, 1, 1)}
	got, err := s.StudySince(ctx, berlin, []data.TopicDay{rep, later, dns})
	if err != nil {
		t.Fatal(err)
	}
	if got[rep] != 210*time.Minute || got[later] != 90*time.Minute || got[dns] != 0 {
		t.Errorf("study since = %v; want 3h30m from the 10th, 1h30m from the 11th, none of DNS", got)
	}
}

// The study list's pages, put end to end, are every session newest first.
func TestStudySessionsNewestFirstPages(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	var in []data.StudySession
	for i := range 25 {
		// Seven days, sessions an hour apart within a day: none overlaps.
		in = append(in, data.StudySession{Start: testNow.Add(-time.Duration(i%7+1)*24*time.Hour - time.Duration(i/7)*time.Hour), Duration: time.Duration(i+1) * time.Minute})
	}
	if _, err := s.AddStudySessions(ctx, in); err != nil {
		t.Fatal(err)
	}
	all, err := s.StudySessions(ctx, time.Time{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	var paged []data.StudySession
	for offset := 0; ; offset += 10 {
		page, err := s.StudySessionsNewestFirst(ctx, offset, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			break
		}
		paged = append(paged, page...)
	}
	slices.Reverse(all)
	if !reflect.DeepEqual(paged, all) {
		t.Errorf("pages =\n%+v\nwant\n%+v", paged, all)
	}
}

// The current streak runs up to today, or up to yesterday while today has
// no study yet; a gap ends it.
func TestStudyTotalsCurrentStreak(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	loc := setZone(t, s, "Europe/Paris")
	today := data.DateOf(testNow, loc)
	var in []data.StudySession
	for _, back := range []int{1, 2, 3, 5, 6} { // yesterday and the two days before; a gap; two more
		in = append(in, data.StudySession{Start: today.AddDays(-back).In(loc).Add(9 * time.Hour), Duration: time.Hour})
	}
	if _, err := s.AddStudySessions(ctx, in); err != nil {
		t.Fatal(err)
	}
	check := func(want data.StudyStreak) {
		t.Helper()
		got, err := s.StudyTotals(ctx, loc, today, 0)
		if err != nil {
			t.Fatal(err)
		}
		if got.Streak != want {
			t.Errorf("streaks = %+v, want %+v", got.Streak, want)
		}
		checkStudyTotals(t, s, loc, "current streak")
	}
	check(data.StudyStreak{Current: 3, Longest: 3})
	if _, err := s.AddStudySessions(ctx, []data.StudySession{{Start: today.In(loc).Add(6 * time.Hour), Duration: time.Hour}}); err != nil {
		t.Fatal(err)
	}
	check(data.StudyStreak{Current: 4, Longest: 4})
}

// Totals that no longer match the sessions (a file changed by hand) are
// summed again instead of going below zero or refusing the user's delete.
func TestStudyTotalsOutOfStepAreSummedAgain(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	loc := setZone(t, s, "Europe/Paris")
	saved, err := s.AddStudySessions(ctx, []data.StudySession{
		{Start: testNow.Add(-5 * time.Hour), Duration: 2 * time.Hour, Topic: "DNS"},
		{Start: testNow.Add(-29 * time.Hour), Duration: time.Hour, Topic: "DNS"},
	})
	if err != nil {
		t.Fatal(err)
	}
	checkStudyTotals(t, s, loc, "before")
	if _, err := s.db.ExecContext(ctx, `UPDATE study_days SET seconds = 60`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DeleteStudySession(ctx, saved[0].ID); err != nil {
		t.Fatalf("delete with totals out of step: %v", err)
	}
	checkStudyTotals(t, s, loc, "after the delete")
}
