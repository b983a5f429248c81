package data

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// StudySession is a stretch of study: timed with the timer or logged by
// hand afterwards.
type StudySession struct {
	ID            int64
	Start         time.Time // UTC instant the session began
	Duration      time.Duration
	Topic         string
	ReadingItemID int64 // the reading item studied, 0 for none
	Note          string
}

// Study limits and defaults.
const (
	// MaxStudySession bounds one session: a day. Longer study is several sessions,
	// and a longer one is a timer left running, not study.
	MaxStudySession = 24 * time.Hour
	// DefaultStreakMinimum is how much study makes a day count for the streak.
	DefaultStreakMinimum = 15 * time.Minute
	// StudyChartWeeks and StudyHeatmapWeeks are the spans of the study charts.
	StudyChartWeeks   = 12
	StudyHeatmapWeeks = 26
)

// End is the instant the session ended.
func (s StudySession) End() time.Time { return s.Start.Add(s.Duration) }

// Validate checks the session at instant now: it has a start, lasts more
// than nothing and at most a day, and has ended by now.
func (s StudySession) Validate(now time.Time) error {
	var errs []error
	switch {
	case s.Duration <= 0:
		errs = append(errs, Invalid("duration", "is %s; a session must last more than zero, e.g. 45m or 1h30m", FormatStudyDuration(s.Duration)))
	case s.Duration > MaxStudySession:
		errs = append(errs, Invalid("duration", "is %s; a session is at most 24 hours, log longer study as several sessions", FormatStudyDuration(s.Duration)))
	}
	if s.Start.IsZero() {
		errs = append(errs, Invalid("start", "is required"))
	} else if s.Duration > 0 && s.End().After(now) {
		errs = append(errs, Invalid("start", "the session would end at %s, after now (%s); a session cannot be in the future",
			s.End().UTC().Format(time.RFC3339), now.UTC().Format(time.RFC3339)))
	}
	if err := CheckLine("topic", s.Topic, false, MaxNameLen); err != nil {
		errs = append(errs, err)
	}
	if err := CheckText("note", s.Note, false, MaxNoteLen); err != nil {
		errs = append(errs, err)
	}
	if s.ReadingItemID < 0 {
		errs = append(errs, Invalid("reading item", "is %d; choose an item from the list or none", s.ReadingItemID))
	}
	return errors.Join(errs...)
}

// ParseStudyDuration reads how long a session lasted the way people type
// it: "1h30m", "1h 30m", "45m", "45 min", "1.5h", "2:15" (hours:minutes), or
// a plain whole number of minutes ("90"). Seconds ("45m30s") are accepted;
// the result is rounded to the second. Zero, negative and over-24-hour
// values are refused, as are units smaller than a second.
func ParseStudyDuration(s string) (time.Duration, error) {
	const how = "write it like 1h30m, 45m or 90 (minutes)"
	raw := strings.TrimSpace(s)
	if raw == "" {
		return 0, Invalid("duration", "is empty; %s", how)
	}
	t := strings.ToLower(strings.Join(strings.Fields(raw), ""))
	for _, w := range [][2]string{{"hours", "h"}, {"hour", "h"}, {"hrs", "h"}, {"hr", "h"},
		{"minutes", "m"}, {"minute", "m"}, {"mins", "m"}, {"min", "m"}, {"seconds", "s"}, {"secs", "s"}, {"sec", "s"}} {
		t = strings.ReplaceAll(t, w[0], w[1])
	}
	if h := strings.LastIndexByte(t, 'h'); h >= 0 && studyDigits(t[h+1:]) {
		t += "m" // "1h30" means 1h30m
	}
	var d time.Duration
	switch {
	case strings.HasPrefix(t, "-"):
		return 0, Invalid("duration", "%q is negative; %s", raw, how)
	case studyDigits(t):
		n, err := strconv.Atoi(t)
		if err != nil || n > int(MaxStudySession/time.Minute) {
			return 0, Invalid("duration", "%q minutes is more than 24 hours; a session is at most 24 hours", raw)
		}
		d = time.Duration(n) * time.Minute
	case strings.Count(t, ":") == 1:
		h, m, _ := strings.Cut(t, ":")
		hours, err1 := strconv.Atoi(h)
		mins, err2 := strconv.Atoi(m)
		if !studyDigits(h) || !studyDigits(m) || len(m) != 2 || err1 != nil || err2 != nil || mins > 59 || hours > 24 {
			return 0, Invalid("duration", "%q is not a duration; as hours:minutes write e.g. 1:30", raw)
		}
		d = time.Duration(hours)*time.Hour + time.Duration(mins)*time.Minute
	default:
		if strings.Trim(t, "0123456789.hms") != "" || strings.Contains(t, "ms") {
			return 0, Invalid("duration", "%q is not a duration; %s", raw, how)
		}
		p, err := time.ParseDuration(t)
		if err != nil {
			return 0, Invalid("duration", "%q is not a duration; %s", raw, how)
		}
		if p > MaxStudySession {
			return 0, Invalid("duration", "%q is more than 24 hours; a session is at most 24 hours", raw)
		}
		d = p.Round(time.Second)
	}
	if d <= 0 {
		return 0, Invalid("duration", "%q is zero; a session must last more than zero, %s", raw, how)
	}
	if d > MaxStudySession {
		return 0, Invalid("duration", "%q is more than 24 hours; a session is at most 24 hours", raw)
	}
	return d, nil
}

func studyDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// FormatStudyDuration writes d the way ParseStudyDuration reads it: "1h30m",
// "45m", "2h", with seconds only when there are some ("45m30s").
func FormatStudyDuration(d time.Duration) string {
	sign := ""
	if d < 0 {
		sign, d = "-", -d
	}
	d = d.Round(time.Second)
	h, m, s := int64(d/time.Hour), int64(d%time.Hour/time.Minute), int64(d%time.Minute/time.Second)
	var b strings.Builder
	b.WriteString(sign)
	if h > 0 {
		fmt.Fprintf(&b, "%dh", h)
	}
	if m > 0 || (h == 0 && s == 0) {
		fmt.Fprintf(&b, "%dm", m)
	}
	if s > 0 {
		fmt.Fprintf(&b, "%ds", s)
	}
	return b.String()
}

// UntimedSessionStart places a session logged only by its day and length
// ("1h on 2026-03-02"): on a past day it ends at the day's end, so all of it
// lands on that day; on today it ends now. A day after today is refused.
func UntimedSessionStart(day Date, d time.Duration, loc *time.Location, now time.Time) (time.Time, error) {
	if day.IsZero() {
		return time.Time{}, Invalid("date", "is required; write it as YYYY-MM-DD")
	}
	if today := DateOf(now, loc); day.After(today) {
		return time.Time{}, Invalid("date", "%s is after today (%s); a session cannot be in the future", day, today)
	}
	end := dayStart(day.AddDays(1), loc)
	if now.Before(end) {
		return now.Add(-d).UTC(), nil
	}
	start := end.Add(-d)
	if first := dayStart(day, loc); start.Before(first) {
		start = first
	}
	return start.UTC(), nil
}

// Clock is a time of day on the wall clock, as the user types a session's start.
type Clock struct{ Hour, Minute, Second int }

// ParseClock reads a time of day for field: "HH:MM" or "HH:MM:SS", 24-hour.
func ParseClock(field, v string) (Clock, error) {
	v = strings.TrimSpace(v)
	for _, layout := range []string{"15:04", "15:04:05"} {
		if t, err := time.Parse(layout, v); err == nil {
			return Clock{t.Hour(), t.Minute(), t.Second()}, nil
		}
	}
	return Clock{}, Invalid(field, "%q is not a time of day; write it as HH:MM, e.g. 09:30 or 21:15", v)
}

// On returns the instant (UTC) the wall clock shows c on day in zone loc,
// resolving DST gaps and overlaps as LocalInstant does.
func (c Clock) On(day Date, loc *time.Location) time.Time { return LocalInstant(day, c, loc) }

// dayStart is the first instant of day in loc. Where a DST change skips
// midnight (America/Santiago, Asia/Beirut) that is 01:00; time.Date would
// give 23:00 of the day before, which is why Clock.On is used.
func dayStart(day Date, loc *time.Location) time.Time { return Clock{}.On(day, loc) }

// Key identifies a session for duplicate detection on import: its local
// start to the minute and its length in whole minutes, which is what a CSV
// export keeps, so importing an export twice adds nothing.
func (s StudySession) Key(loc *time.Location) string {
	return fmt.Sprintf("%s|%d", s.Start.In(loc).Format("2006-01-02 15:04"), s.Duration.Round(time.Minute)/time.Minute)
}

// StudySessionKeys returns the set of keys of sessions, for an importer.
func StudySessionKeys(sessions []StudySession, loc *time.Location) map[string]bool {
	keys := make(map[string]bool, len(sessions))
	for _, s := range sessions {
		keys[s.Key(loc)] = true
	}
	return keys
}

// WeekStartDate returns the first day of the week holding d, for weeks
// starting on weekStart (the user's setting; Monday by default).
func WeekStartDate(d Date, weekStart time.Weekday) Date {
	back := (int(d.Weekday()) - int(weekStart) + 7) % 7
	return d.AddDays(-back)
}

// DayTopic is one calendar day's study on one topic, the topic as stored.
type DayTopic struct {
	Day   Date
	Topic string
}

// StudyByDayTopic sums study per calendar day in zone loc and per topic as
// stored: the rows of the store's per-day totals, and their definition
// (Store.VerifyKept recounts them with it). A session that runs past
// midnight is split at the local midnight, so each day gets the time
// actually spent on it, whatever DST did to that day's length.
func StudyByDayTopic(sessions []StudySession, loc *time.Location) map[DayTopic]time.Duration {
	out := map[DayTopic]time.Duration{}
	sp := daySplitter{loc: loc}
	for _, s := range sessions {
		sp.split(s, func(day Date, d time.Duration) { out[DayTopic{day, s.Topic}] += d })
	}
	return out
}

// TopicDay is a topic and a day: "study on this topic from this day on".
type TopicDay struct {
	Topic string
	Day   Date
}

// daySplitter cuts sessions at local midnights. It keeps the bounds of the
// last day it found: sessions come mostly in time order, so most fall in
// the day of the one before, and the zone's rules are looked up once a day
// instead of twice a session.
type daySplitter struct {
	loc            *time.Location
	cur            Date
	curFrom, curTo time.Time
}

// split calls part for every day session s touches, with the time spent
// on that day; sessions without a start or a length touch none.
func (sp *daySplitter) split(s StudySession, part func(Date, time.Duration)) {
	if s.Duration <= 0 || s.Start.IsZero() {
		return
	}
	end := s.End()
	for t := s.Start; t.Before(end); {
		var day Date
		var next time.Time
		if !t.Before(sp.curFrom) && t.Before(sp.curTo) {
			day, next = sp.cur, sp.curTo
		} else {
			day = DateOf(t, sp.loc)
			next = dayStart(day.AddDays(1), sp.loc)
			// Only a day without a clock change inside is kept: in it
			// every instant has the same date.
			from := dayStart(day, sp.loc)
			if _, change := from.ZoneBounds(); !t.Before(from) && next.After(t) && (change.IsZero() || !change.Before(next)) {
				sp.cur, sp.curFrom, sp.curTo = day, from, next
			}
		}
		if end.Before(next) || !next.After(t) {
			next = end
		}
		part(day, next.Sub(t))
		t = next
	}
}

func sumDays(byDay map[Date]time.Duration, from Date, n int) time.Duration {
	var total time.Duration
	for i := range n {
		total += byDay[from.AddDays(i)]
	}
	return total
}

// WeekHoursOfDays is the study in the week holding today (weeks starting
// on weekStart), in hours, from study per day.
func WeekHoursOfDays(byDay map[Date]time.Duration, today Date, weekStart time.Weekday) float64 {
	return sumDays(byDay, WeekStartDate(today, weekStart), 7).Hours()
}

// StudyStreak is the run of consecutive study days.
type StudyStreak struct {
	Current int // days up to today, or up to yesterday while today is still open
	Longest int // the longest run ever, the current one included
}

// StreakOfDays is the streak on today of counted, the days that reached
// the minimum, in ascending order and none after today. Today not yet
// reaching the minimum does not break the current streak: the day is not
// over.
func StreakOfDays(counted []Date, today Date) StudyStreak {
	var st StudyStreak
	run := 0
	for i, d := range counted {
		if i > 0 && counted[i-1].AddDays(1) == d {
			run++
		} else {
			run = 1
		}
		st.Longest = max(st.Longest, run)
	}
	// The current run ends on the last counted day: today, or yesterday
	// while today is still open.
	if n := len(counted); n > 0 && (counted[n-1] == today || counted[n-1] == today.AddDays(-1)) {
		st.Current = run
	}
	return st
}

// StudyTopicHours is the study time spent on one topic.
type StudyTopicHours struct {
	Topic string // as first written; "" for sessions without topic
	Hours float64
}

// TopicTotal is the study on one topic as stored, and when it began.
type TopicTotal struct {
	Topic    string
	Duration time.Duration
	First    time.Time // the earliest study on it: its name as written then is kept
}

// GroupTopicHours merges topics written differently (case, punctuation)
// into one, named as written first, most studied first.
func GroupTopicHours(totals []TopicTotal) []StudyTopicHours {
	type group struct {
		name  string
		first time.Time
		total time.Duration
	}
	groups := map[string]*group{}
	var keys []string
	for _, t := range totals {
		if t.Duration <= 0 {
			continue
		}
		k := normaliseWords(t.Topic)
		g, ok := groups[k]
		if !ok {
			g = &group{name: strings.TrimSpace(t.Topic), first: t.First}
			groups[k] = g
			keys = append(keys, k)
		} else if t.First.Before(g.first) {
			g.name, g.first = strings.TrimSpace(t.Topic), t.First
		}
		g.total += t.Duration
	}
	out := make([]StudyTopicHours, 0, len(groups))
	for _, k := range keys {
		out = append(out, StudyTopicHours{Topic: groups[k].name, Hours: groups[k].total.Hours()})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Hours != out[j].Hours {
			return out[i].Hours > out[j].Hours
		}
		return strings.ToLower(out[i].Topic) < strings.ToLower(out[j].Topic)
	})
	return out
}

// StudyTotals is what the study screen and the dashboard show, in one
// zone as of one day: the recent days, the streaks, the topics, the total
// and the number of sessions.
type StudyTotals struct {
	Recent   map[Date]time.Duration // per day, the StudyDaysShown days up to today
	Streak   StudyStreak
	Topics   []StudyTopicHours // all time, most studied first
	Total    time.Duration
	Sessions int
}

// StudyDaysShown is how many days up to today the study screen and the
// dashboard show day by day: the heat map's weeks and the days of the
// current week before it.
const StudyDaysShown = 7 * (StudyHeatmapWeeks + 1)

// StudyPoint is the study of one day or one week (Start is its first day).
type StudyPoint struct {
	Start Date
	Hours float64
}

// WeeklyStudyOfDays returns the hours of the last weeks weeks from study
// per day, oldest first, the week holding today last even though it is
// not over.
func WeeklyStudyOfDays(byDay map[Date]time.Duration, today Date, weekStart time.Weekday, weeks int) []StudyPoint {
	if weeks <= 0 {
		return nil
	}
	current := WeekStartDate(today, weekStart)
	out := make([]StudyPoint, 0, weeks)
	for i := weeks - 1; i >= 0; i-- {
		start := current.AddDays(-7 * i)
		out = append(out, StudyPoint{Start: start, Hours: sumDays(byDay, start, 7).Hours()})
	}
	return out
}

// DailyStudyOfDays returns the hours of each day for a heat map of weeks
// weeks, from study per day: from the first day of the week weeks-1 weeks
// before the one holding today up to today, oldest first, so the grid's
// columns are whole weeks and the last one stops at today.
func DailyStudyOfDays(byDay map[Date]time.Duration, today Date, weekStart time.Weekday, weeks int) []StudyPoint {
	if weeks <= 0 {
		return nil
	}
	first := WeekStartDate(today, weekStart).AddDays(-7 * (weeks - 1))
	out := make([]StudyPoint, 0, first.DaysUntil(today)+1)
	for d := first; !d.After(today); d = d.AddDays(1) {
		out = append(out, StudyPoint{Start: d, Hours: byDay[d].Hours()})
	}
	return out
}

// DayTotal is one calendar day's study.
type DayTotal struct {
	Day      Date
	Duration time.Duration
}

// SumStudy is the one function behind the study sums the study screen,
// the dashboard, `masterplan status`, the report and the reminders show:
// StudyTotals as of day today of days (each day's study, ascending),
// topics (each topic's study and first day) and the number of sessions,
// the streak counting the days with at least streakMin
// (DefaultStreakMinimum when 0 or less). The store gives it the totals it
// keeps, or sums them from the sessions when they are kept in another zone.
func SumStudy(days []DayTotal, topics []TopicTotal, sessions int, today Date, streakMin time.Duration) StudyTotals {
	if streakMin <= 0 {
		streakMin = DefaultStreakMinimum
	}
	out := StudyTotals{Recent: map[Date]time.Duration{}, Sessions: sessions}
	first := today.AddDays(1 - StudyDaysShown)
	var counted []Date
	for _, d := range days {
		out.Total += d.Duration
		if !d.Day.Before(first) && !d.Day.After(today) {
			out.Recent[d.Day] = d.Duration
		}
		if d.Duration >= streakMin && !d.Day.After(today) {
			counted = append(counted, d.Day)
		}
	}
	out.Streak = StreakOfDays(counted, today)
	// Spellings first used on the same day: the first in byte order names
	// the topic.
	topics = slices.Clone(topics)
	slices.SortStableFunc(topics, func(a, b TopicTotal) int {
		if c := a.First.Compare(b.First); c != 0 {
			return c
		}
		return strings.Compare(a.Topic, b.Topic)
	})
	out.Topics = GroupTopicHours(topics)
	return out
}

// StudyDayTotals is days and topics for SumStudy from study per day and
// topic (StudyByDayTopic in zone loc): each day's study in order, and each
// topic as written with its study and its first day's start in loc.
func StudyDayTotals(byDayTopic map[DayTopic]time.Duration, loc *time.Location) ([]DayTotal, []TopicTotal) {
	perDay := map[Date]time.Duration{}
	index := map[string]int{}
	var topics []TopicTotal
	for k, d := range byDayTopic {
		perDay[k.Day] += d
		start := k.Day.In(loc)
		i, ok := index[k.Topic]
		if !ok {
			i = len(topics)
			index[k.Topic] = i
			topics = append(topics, TopicTotal{Topic: k.Topic, First: start})
		}
		topics[i].Duration += d
		if start.Before(topics[i].First) {
			topics[i].First = start
		}
	}
	days := make([]DayTotal, 0, len(perDay))
	for day, d := range perDay {
		days = append(days, DayTotal{Day: day, Duration: d})
	}
	slices.SortFunc(days, func(a, b DayTotal) int { return cmp.Compare(a.Day.DayNumber(), b.Day.DayNumber()) })
	return days, topics
}

// StudySinceOfDays is the study of topic t.Topic (compared with TopicKey)
// on day t.Day and after, from study per day and topic.
func StudySinceOfDays(byDayTopic map[DayTopic]time.Duration, t TopicDay) time.Duration {
	key := TopicKey(t.Topic)
	var total time.Duration
	for k, d := range byDayTopic {
		if !k.Day.Before(t.Day) && TopicKey(k.Topic) == key {
			total += d
		}
	}
	return total
}
