package data

import (
	"maps"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
)

func studyZone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// at is a local wall-clock instant in loc.
func studyAt(loc *time.Location, y int, m time.Month, day, h, min int) time.Time {
	return time.Date(y, m, day, h, min, 0, 0, loc)
}

func studySess(start time.Time, d time.Duration, topic string) StudySession {
	return StudySession{Start: start.UTC(), Duration: d, Topic: topic}
}

func TestParseStudyDuration(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
		msg  string // part of the error message; "" when valid
	}{
		{"1h30m", 90 * time.Minute, ""},
		{"45m", 45 * time.Minute, ""},
		{"90", 90 * time.Minute, ""},
		{" 1h 30m ", 90 * time.Minute, ""},
		{"1H30M", 90 * time.Minute, ""},
		{"1h30", 90 * time.Minute, ""},
		{"1.5h", 90 * time.Minute, ""},
		{"2:15", 135 * time.Minute, ""},
		{"45 min", 45 * time.Minute, ""},
		{"2 hours", 2 * time.Hour, ""},
		{"1 hr 5 mins", 65 * time.Minute, ""},
		{"45m30s", 45*time.Minute + 30*time.Second, ""},
		{"24h", 24 * time.Hour, ""},
		{"1440", 24 * time.Hour, ""},
		{"", 0, "is empty"},
		{"0", 0, "is zero"},
		{"0h0m", 0, "is zero"},
		{"-5m", 0, "is negative"},
		{"25h", 0, "more than 24 hours"},
		{"1441", 0, "more than 24 hours"},
		{"99999999999999999999", 0, "more than 24 hours"},
		{"24:01", 0, "more than 24 hours"},
		{"abc", 0, "not a duration"},
		{"1.5", 0, "not a duration"},
		{"10ms", 0, "not a duration"},
		{"1:75", 0, "hours:minutes"},
		{"1:5", 0, "hours:minutes"},
		{"1d", 0, "not a duration"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ParseStudyDuration(tc.in)
			if tc.msg == "" {
				if err != nil || got != tc.want {
					t.Fatalf("= %v, %v; want %v", got, err, tc.want)
				}
				return
			}
			if msg := FieldMessage(err, "duration"); !strings.Contains(msg, tc.msg) {
				t.Fatalf("error = %v (duration message %q), want it to contain %q", err, msg, tc.msg)
			}
		})
	}
}

func TestFormatStudyDuration(t *testing.T) {
	tests := []struct {
		in   time.Duration
		want string
	}{
		{90 * time.Minute, "1h30m"},
		{45 * time.Minute, "45m"},
		{2 * time.Hour, "2h"},
		{45*time.Minute + 30*time.Second, "45m30s"},
		{0, "0m"},
		{-5 * time.Minute, "-5m"},
		{1499 * time.Millisecond, "1s"},
	}
	for _, tc := range tests {
		t.Run(tc.want, func(t *testing.T) {
			got := FormatStudyDuration(tc.in)
			if got != tc.want {
				t.Fatalf("FormatStudyDuration(%v) = %q, want %q", tc.in, got, tc.want)
			}
			if tc.in > 0 {
				back, err := ParseStudyDuration(got)
				if err != nil || back != tc.in.Round(time.Second) {
					t.Fatalf("round trip: ParseStudyDuration(%q) = %v, %v", got, back, err)
				}
			}
		})
	}
}

func TestStudySessionValidate(t *testing.T) {
	now := time.Date(2026, 3, 2, 18, 0, 0, 0, time.UTC)
	ok := StudySession{Start: now.Add(-time.Hour), Duration: time.Hour, Topic: "Exchange"}
	tests := []struct {
		name   string
		change func(*StudySession)
		field  string
		msg    string
	}{
		{"ends now", func(*StudySession) {}, "", ""},
		{"full day", func(s *StudySession) { s.Start, s.Duration = now.Add(-24*time.Hour), 24*time.Hour }, "", ""},
		{"zero duration", func(s *StudySession) { s.Duration = 0 }, "duration", "more than zero"},
		{"negative duration", func(s *StudySession) { s.Duration = -time.Minute }, "duration", "is -1m"},
		{"over a day", func(s *StudySession) { s.Start, s.Duration = now.Add(-25*time.Hour), 25*time.Hour }, "duration", "at most 24 hours"},
		{"ends a second in the future", func(s *StudySession) { s.Start = s.Start.Add(time.Second) }, "start", "cannot be in the future"},
		{"starts tomorrow", func(s *StudySession) { s.Start = now.Add(24 * time.Hour) }, "start", "cannot be in the future"},
		{"no start", func(s *StudySession) { s.Start = time.Time{} }, "start", "is required"},
		{"topic too long", func(s *StudySession) { s.Topic = strings.Repeat("t", MaxNameLen+1) }, "topic", "limit"},
		{"topic on two lines", func(s *StudySession) { s.Topic = "AD\nDNS" }, "topic", "one line"},
		{"note too long", func(s *StudySession) { s.Note = strings.Repeat("n", MaxNoteLen+1) }, "note", "limit"},
		{"negative item", func(s *StudySession) { s.ReadingItemID = -1 }, "reading item", "is -1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := ok
			tc.change(&s)
			err := s.Validate(now)
			if tc.field == "" {
				if err != nil {
					t.Fatalf("Validate = %v", err)
				}
				return
			}
			if msg := FieldMessage(err, tc.field); !strings.Contains(msg, tc.msg) {
				t.Fatalf("Validate = %v; %s message %q, want %q", err, tc.field, msg, tc.msg)
			}
		})
	}
}

func TestUntimedSessionStart(t *testing.T) {
	ny := studyZone(t, "America/New_York")
	now := studyAt(ny, 2026, 3, 10, 9, 0)
	tests := []struct {
		name string
		day  Date
		dur  time.Duration
		want time.Time
		err  bool
	}{
		{"past day ends at midnight", NewDate(2026, 3, 2), time.Hour, studyAt(ny, 2026, 3, 2, 23, 0), false},
		{"today ends now", NewDate(2026, 3, 10), 2 * time.Hour, studyAt(ny, 2026, 3, 10, 7, 0), false},
		{"spring-forward day of 23 hours", NewDate(2026, 3, 8), 24 * time.Hour, studyAt(ny, 2026, 3, 8, 0, 0), false},
		{"fall-back day", NewDate(2025, 11, 2), 3 * time.Hour, studyAt(ny, 2025, 11, 2, 21, 0), false},
		{"tomorrow", NewDate(2026, 3, 11), time.Hour, time.Time{}, true},
		{"no date", Date{}, time.Hour, time.Time{}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := UntimedSessionStart(tc.day, tc.dur, ny, now)
			if tc.err {
				if FieldMessage(err, "date") == "" {
					t.Fatalf("err = %v, want a date error", err)
				}
				return
			}
			if err != nil || !got.Equal(tc.want) || got.Location() != time.UTC {
				t.Fatalf("= %v, %v; want %v in UTC", got, err, tc.want.UTC())
			}
			s := StudySession{Start: got, Duration: tc.dur}
			if err := s.Validate(now); err != nil {
				t.Fatalf("placed session is invalid: %v", err)
			}
			if d := byDay([]StudySession{s}, ny)[tc.day]; d != min(tc.dur, tc.day.AddDays(1).In(ny).Sub(tc.day.In(ny))) {
				t.Fatalf("study on %s = %v, want all of it on that day", tc.day, d)
			}
		})
	}
}

func TestStudySessionKey(t *testing.T) {
	loc := studyZone(t, "Europe/London")
	a := studySess(studyAt(loc, 2026, 3, 2, 9, 15).Add(40*time.Second), 45*time.Minute+20*time.Second, "AD")
	b := studySess(studyAt(loc, 2026, 3, 2, 9, 15), 45*time.Minute, "other topic")
	c := studySess(studyAt(loc, 2026, 3, 2, 9, 16), 45*time.Minute, "AD")
	if a.Key(loc) != b.Key(loc) {
		t.Errorf("same minute and length: %q != %q", a.Key(loc), b.Key(loc))
	}
	if a.Key(loc) == c.Key(loc) {
		t.Errorf("different minute gave the same key %q", a.Key(loc))
	}
	if keys := StudySessionKeys([]StudySession{a, c}, loc); len(keys) != 2 || !keys[b.Key(loc)] {
		t.Errorf("StudySessionKeys = %v", keys)
	}
}

func TestWeekStartDate(t *testing.T) {
	tests := []struct {
		name  string
		day   string
		start time.Weekday
		want  string
	}{
		{"wednesday, monday weeks", "2026-03-04", time.Monday, "2026-03-02"},
		{"monday is its own start", "2026-03-02", time.Monday, "2026-03-02"},
		{"sunday, monday weeks", "2026-03-08", time.Monday, "2026-03-02"},
		{"sunday weeks", "2026-03-04", time.Sunday, "2026-03-01"},
		{"saturday weeks", "2026-03-06", time.Saturday, "2026-02-28"},
		{"across the year", "2026-01-01", time.Monday, "2025-12-29"},
		{"leap day week", "2024-03-01", time.Thursday, "2024-02-29"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := WeekStartDate(readingDate(t, tc.day), tc.start)
			if got != readingDate(t, tc.want) || got.Weekday() != tc.start {
				t.Fatalf("WeekStartDate(%s, %s) = %s, want %s", tc.day, tc.start, got, tc.want)
			}
		})
	}
}

func TestStudyByDayTopicSplitsDays(t *testing.T) {
	ny := studyZone(t, "America/New_York")
	tests := []struct {
		name     string
		sessions []StudySession
		want     map[Date]time.Duration
	}{
		{"split at local midnight", []StudySession{studySess(studyAt(ny, 2026, 3, 1, 23, 30), time.Hour, "")},
			map[Date]time.Duration{NewDate(2026, 3, 1): 30 * time.Minute, NewDate(2026, 3, 2): 30 * time.Minute}},
		{"utc date differs from local", []StudySession{studySess(studyAt(ny, 2026, 3, 1, 21, 0), time.Hour, "")},
			map[Date]time.Duration{NewDate(2026, 3, 1): time.Hour}},
		{"spring forward keeps real time", []StudySession{studySess(studyAt(ny, 2026, 3, 8, 1, 0), 2*time.Hour, "")},
			map[Date]time.Duration{NewDate(2026, 3, 8): 2 * time.Hour}},
		{"fall back night across midnight", []StudySession{studySess(studyAt(ny, 2025, 11, 1, 23, 0), 4*time.Hour, "")},
			map[Date]time.Duration{NewDate(2025, 11, 1): time.Hour, NewDate(2025, 11, 2): 3 * time.Hour}},
		{"full day session over three days", []StudySession{studySess(studyAt(ny, 2026, 3, 1, 12, 0), 24*time.Hour, "")},
			map[Date]time.Duration{NewDate(2026, 3, 1): 12 * time.Hour, NewDate(2026, 3, 2): 12 * time.Hour}},
		{"invalid sessions ignored", []StudySession{{Duration: time.Hour}, studySess(studyAt(ny, 2026, 3, 1, 12, 0), -time.Hour, "")},
			map[Date]time.Duration{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := byDay(tc.sessions, ny)
			if len(got) != len(tc.want) {
				t.Fatalf("study by day = %v, want %v", got, tc.want)
			}
			for day, w := range tc.want {
				if got[day] != w {
					t.Errorf("%s: %v, want %v", day, got[day], w)
				}
			}
		})
	}
}

func TestWeekHours(t *testing.T) {
	ny := studyZone(t, "America/New_York")
	now := studyAt(ny, 2026, 3, 4, 20, 0) // a Wednesday evening
	sessions := []StudySession{
		studySess(studyAt(ny, 2026, 3, 1, 22, 0), time.Hour, ""),     // Sunday evening: UTC already Monday
		studySess(studyAt(ny, 2026, 3, 2, 8, 0), 90*time.Minute, ""), // Monday
		studySess(studyAt(ny, 2026, 3, 4, 18, 0), time.Hour, ""),     // today
		studySess(studyAt(ny, 2026, 2, 28, 10, 0), 2*time.Hour, ""),  // Saturday before
	}
	tests := []struct {
		name  string
		start time.Weekday
		want  float64
	}{
		{"monday weeks", time.Monday, 2.5},
		{"sunday weeks", time.Sunday, 3.5},
		{"saturday weeks", time.Saturday, 5.5},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := WeekHoursOfDays(byDay(sessions, ny), DateOf(now, ny), tc.start); got != tc.want {
				t.Fatalf("WeekHoursOfDays = %v, want %v", got, tc.want)
			}
		})
	}
	if got := WeekHoursOfDays(byDay(nil, ny), DateOf(now, ny), time.Monday); got != 0 {
		t.Errorf("no sessions: %v", got)
	}
	if got := sumSessions(sessions, ny, now, 0).Total; got != 5*time.Hour+30*time.Minute {
		t.Errorf("total = %v, want 5h30m", got)
	}
}

func TestStudyStreaks(t *testing.T) {
	ny := studyZone(t, "America/New_York")
	daily := func(from Date, n int, d time.Duration) []StudySession {
		var out []StudySession
		for i := range n {
			day := from.AddDays(i)
			out = append(out, studySess(studyAt(ny, day.Year(), day.Month(), day.Day(), 19, 0), d, ""))
		}
		return out
	}
	now := studyAt(ny, 2026, 2, 2, 12, 0)
	tests := []struct {
		name     string
		sessions []StudySession
		now      time.Time
		min      time.Duration
		want     StudyStreak
	}{
		{"none", nil, now, 0, StudyStreak{}},
		{"across the month end, today counted", daily(NewDate(2026, 1, 28), 6, 30*time.Minute), now, 0, StudyStreak{6, 6}},
		{"today not yet studied keeps the streak", daily(NewDate(2026, 1, 28), 5, 30*time.Minute), now, 0, StudyStreak{5, 5}},
		{"yesterday missed breaks it", daily(NewDate(2026, 1, 28), 4, 30*time.Minute), now, 0, StudyStreak{0, 4}},
		{"below the minimum does not count", daily(NewDate(2026, 1, 28), 6, 14*time.Minute), now, 0, StudyStreak{}},
		{"exactly the minimum counts", daily(NewDate(2026, 1, 28), 6, 15*time.Minute), now, 0, StudyStreak{6, 6}},
		{"custom minimum", daily(NewDate(2026, 1, 28), 6, 30*time.Minute), now, time.Hour, StudyStreak{}},
		{"two short sessions add up", []StudySession{studySess(studyAt(ny, 2026, 2, 2, 8, 0), 10*time.Minute, ""), studySess(studyAt(ny, 2026, 2, 2, 9, 0), 5*time.Minute, "")}, now, 0, StudyStreak{1, 1}},
		{"longest in the past", append(daily(NewDate(2026, 1, 1), 10, time.Hour), daily(NewDate(2026, 1, 31), 3, time.Hour)...), now, 0, StudyStreak{3, 10}},
		{"across spring forward", daily(NewDate(2026, 3, 6), 5, 20*time.Minute), studyAt(ny, 2026, 3, 10, 21, 0), 0, StudyStreak{5, 5}},
		{"across fall back", daily(NewDate(2025, 10, 30), 6, 20*time.Minute), studyAt(ny, 2025, 11, 4, 23, 59), 0, StudyStreak{6, 6}},
		{"a session over midnight split below the minimum", []StudySession{studySess(studyAt(ny, 2026, 2, 1, 23, 50), 20*time.Minute, "")}, now, 0, StudyStreak{}},
		{"future days ignored", daily(NewDate(2026, 2, 3), 3, time.Hour), now, 0, StudyStreak{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := sumSessions(tc.sessions, ny, tc.now, tc.min).Streak; got != tc.want {
				t.Fatalf("streak = %+v, want %+v", got, tc.want)
			}
		})
	}
}

// Topics are grouped whatever their case and spacing, named as written
// first, most studied first; sessions without a topic count as "".
func TestStudyTopicsGroupSpellings(t *testing.T) {
	base := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	sessions := []StudySession{
		studySess(base, time.Hour, "Exchange"),
		studySess(base.Add(24*time.Hour), 30*time.Minute, " exchange"),
		studySess(base.Add(48*time.Hour), 2*time.Hour, "Active Directory"),
		studySess(base.Add(72*time.Hour), 45*time.Minute, ""),
	}
	got := sumSessions(sessions, time.UTC, base.Add(100*time.Hour), 0).Topics
	want := []StudyTopicHours{{"Active Directory", 2}, {"Exchange", 1.5}, {"", 0.75}}
	if !slices.Equal(got, want) {
		t.Fatalf("topics = %+v, want %+v", got, want)
	}
}

func TestWeeklyStudy(t *testing.T) {
	berlin := studyZone(t, "Europe/Berlin")
	now := studyAt(berlin, 2026, 4, 1, 12, 0) // Wednesday; DST began 2026-03-29
	sessions := []StudySession{
		studySess(studyAt(berlin, 2026, 3, 30, 9, 0), time.Hour, ""),   // this week
		studySess(studyAt(berlin, 2026, 3, 29, 1, 30), time.Hour, ""),  // Sunday of the DST change
		studySess(studyAt(berlin, 2026, 1, 12, 9, 0), 3*time.Hour, ""), // 11 weeks back: the first bar
		studySess(studyAt(berlin, 2026, 1, 11, 9, 0), 5*time.Hour, ""), // the Sunday before: outside
	}
	got := WeeklyStudyOfDays(byDay(sessions, berlin), DateOf(now, berlin), time.Monday, StudyChartWeeks)
	if len(got) != StudyChartWeeks {
		t.Fatalf("got %d weeks, want %d", len(got), StudyChartWeeks)
	}
	if got[0].Start != NewDate(2026, 1, 12) || got[0].Hours != 3 {
		t.Errorf("first week = %+v, want 2026-01-12 with 3h", got[0])
	}
	if got[11].Start != NewDate(2026, 3, 30) || got[11].Hours != 1 || got[10].Hours != 1 {
		t.Errorf("last weeks = %+v %+v", got[10], got[11])
	}
	for i := 1; i < len(got); i++ {
		if got[i-1].Start.DaysUntil(got[i].Start) != 7 {
			t.Errorf("weeks %d and %d are not 7 days apart: %s %s", i-1, i, got[i-1].Start, got[i].Start)
		}
	}
	if WeeklyStudyOfDays(byDay(sessions, berlin), DateOf(now, berlin), time.Monday, 0) != nil {
		t.Error("0 weeks should give nil")
	}
}

func TestDailyStudy(t *testing.T) {
	ny := studyZone(t, "America/New_York")
	now := studyAt(ny, 2026, 3, 4, 8, 0) // Wednesday
	sessions := []StudySession{
		studySess(studyAt(ny, 2026, 3, 4, 7, 0), 30*time.Minute, ""),
		studySess(studyAt(ny, 2025, 9, 8, 7, 0), 2*time.Hour, ""), // the first day of the grid
		studySess(studyAt(ny, 2025, 9, 7, 7, 0), 2*time.Hour, ""), // the day before: outside
	}
	tests := []struct {
		name      string
		start     time.Weekday
		wantFirst Date
	}{
		{"monday weeks", time.Monday, NewDate(2025, 9, 8)},
		{"sunday weeks", time.Sunday, NewDate(2025, 9, 7)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := DailyStudyOfDays(byDay(sessions, ny), DateOf(now, ny), tc.start, StudyHeatmapWeeks)
			if got[0].Start != tc.wantFirst || got[0].Hours != 2 {
				t.Errorf("first day = %+v, want %s with 2h", got[0], tc.wantFirst)
			}
			last := got[len(got)-1]
			if last.Start != NewDate(2026, 3, 4) || last.Hours != 0.5 {
				t.Errorf("last day = %+v, want today with 0.5h", last)
			}
			if wantLen := tc.wantFirst.DaysUntil(NewDate(2026, 3, 4)) + 1; len(got) != wantLen {
				t.Errorf("got %d days, want %d", len(got), wantLen)
			}
			var total float64
			for _, p := range got {
				total += p.Hours
			}
			if math.Abs(total-2.5) > 1e-9 && tc.start == time.Monday {
				t.Errorf("total %v, want 2.5", total)
			}
		})
	}
}

func TestParseClock(t *testing.T) {
	tests := []struct {
		in   string
		want Clock
		bad  bool
	}{
		{"09:30", Clock{9, 30, 0}, false},
		{" 21:15 ", Clock{21, 15, 0}, false},
		{"07:00:30", Clock{7, 0, 30}, false},
		{"00:00", Clock{}, false},
		{"24:00", Clock{}, true},
		{"9.30", Clock{}, true},
		{"", Clock{}, true},
		{"12:60", Clock{}, true},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ParseClock("start", tc.in)
			if tc.bad {
				if FieldMessage(err, "start") == "" {
					t.Fatalf("ParseClock(%q) = %+v, %v; want a start error", tc.in, got, err)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("ParseClock(%q) = %+v, %v; want %+v", tc.in, got, err, tc.want)
			}
		})
	}
}

func TestClockOn(t *testing.T) {
	tests := []struct {
		name  string
		zone  string
		day   Date
		clock Clock
		want  string // local wall clock of the result, with its offset
	}{
		{"ordinary", "America/New_York", NewDate(2026, 3, 2), Clock{9, 15, 0}, "2026-03-02 09:15:00 -0500"},
		{"spring-forward gap moves forward", "America/New_York", NewDate(2026, 3, 8), Clock{2, 30, 0}, "2026-03-08 03:30:00 -0400"},
		{"fall-back twice: the first", "America/New_York", NewDate(2025, 11, 2), Clock{1, 30, 0}, "2025-11-02 01:30:00 -0400"},
		{"fall-back twice east of UTC: the first", "Europe/London", NewDate(2026, 10, 25), Clock{1, 30, 0}, "2026-10-25 01:30:00 +0100"},
		{"half-hour gap", "Australia/Lord_Howe", NewDate(2025, 10, 5), Clock{2, 15, 0}, "2025-10-05 02:45:00 +1100"},
		{"midnight skipped", "America/Santiago", NewDate(2025, 9, 7), Clock{}, "2025-09-07 01:00:00 -0300"},
		{"midnight skipped, Beirut", "Asia/Beirut", NewDate(2025, 3, 30), Clock{}, "2025-03-30 01:00:00 +0300"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			loc := studyZone(t, tc.zone)
			got := tc.clock.On(tc.day, loc)
			if s := got.In(loc).Format("2006-01-02 15:04:05 -0700"); s != tc.want || got.Location() != time.UTC {
				t.Fatalf("On = %s (%v), want %s in UTC", s, got.Location(), tc.want)
			}
		})
	}
}

// In America/Santiago the clocks jump from 00:00 to 01:00, so the day
// begins at 01:00: a session over that midnight must be split there and
// counted, not loop or go negative.
func TestStudyWhereMidnightIsSkipped(t *testing.T) {
	scl := studyZone(t, "America/Santiago")
	s := studySess(studyAt(scl, 2025, 9, 6, 23, 30), time.Hour, "") // 23:30 to 01:30 local, one real hour
	got := byDay([]StudySession{s}, scl)
	if got[NewDate(2025, 9, 6)] != 30*time.Minute || got[NewDate(2025, 9, 7)] != 30*time.Minute || len(got) != 2 {
		t.Fatalf("study by day = %v, want 30m on each side of the skipped midnight", got)
	}
	now := studyAt(scl, 2025, 9, 8, 12, 0)
	daily := []StudySession{
		studySess(studyAt(scl, 2025, 9, 6, 20, 0), time.Hour, ""),
		studySess(studyAt(scl, 2025, 9, 7, 20, 0), time.Hour, ""),
		studySess(studyAt(scl, 2025, 9, 8, 9, 0), time.Hour, ""),
	}
	if st := sumSessions(daily, scl, now, 0).Streak; st != (StudyStreak{3, 3}) {
		t.Fatalf("streak over the skipped midnight = %+v, want 3", st)
	}
	start, err := UntimedSessionStart(NewDate(2025, 9, 6), 2*time.Hour, scl, now)
	if err != nil || !start.Equal(studyAt(scl, 2025, 9, 6, 22, 0)) {
		t.Fatalf("UntimedSessionStart = %v, %v; want 22:00 on 2025-09-06", start.In(scl), err)
	}
}

// studyByDaySimple is the per-day split without StudyByDayTopic's day
// cache: the definition that the faster one must match.
func studyByDaySimple(sessions []StudySession, loc *time.Location) map[Date]time.Duration {
	days := map[Date]time.Duration{}
	for _, s := range sessions {
		if s.Duration <= 0 || s.Start.IsZero() {
			continue
		}
		end := s.End()
		for t := s.Start; t.Before(end); {
			day := DateOf(t, loc)
			next := dayStart(day.AddDays(1), loc)
			if end.Before(next) || !next.After(t) {
				next = end
			}
			days[day] += next.Sub(t)
			t = next
		}
	}
	return days
}

// StudyByDayTopic gives the same days as the plain definition over years
// of sessions, in zones whose clocks change at midnight or not at all.
func TestStudyByDayTopicMatchesDefinition(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	for _, zone := range []string{"UTC", "Europe/London", "America/Havana", "America/Santiago", "Asia/Beirut", "Australia/Lord_Howe", "Asia/Kolkata"} {
		loc, err := time.LoadLocation(zone)
		if err != nil {
			t.Fatal(err)
		}
		var sessions []StudySession
		start := time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC)
		for range 20000 {
			start = start.Add(time.Duration(rnd.IntN(int(14 * time.Hour))))
			sessions = append(sessions, StudySession{Start: start, Duration: time.Duration(1 + rnd.IntN(int(MaxStudySession)))})
		}
		sessions = append(sessions, sessions[5000]) // one out of order
		got, want := byDay(sessions, loc), studyByDaySimple(sessions, loc)
		if !maps.Equal(got, want) {
			t.Errorf("%s: %d days, want %d, or sums differ", zone, len(got), len(want))
		}
	}
}
