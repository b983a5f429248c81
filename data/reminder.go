package data

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/teambition/rrule-go"
)

// Kinds of reminder.
const (
	ReminderStudy        = "study"         // recurring, by an RRULE (Mon-Fri 19:30)
	ReminderMilestone    = "milestone"     // N days before each milestone that is not done
	ReminderOneOff       = "one-off"       // once, at a day and time
	ReminderNudgeReading = "nudge-reading" // at most once a day, when the reading is behind
	ReminderNudgeStudy   = "nudge-study"   // at most once a day, when this week's study is below the goal
)

// ReminderKinds lists the kinds in the order the Reminders screen offers them.
func ReminderKinds() []string {
	return []string{ReminderStudy, ReminderMilestone, ReminderOneOff, ReminderNudgeReading, ReminderNudgeStudy}
}

// Reminder defaults and limits. Three days leave time to act on a milestone
// (book, pay, ask for leave) without crying wolf a week ahead.
const (
	DefaultMilestoneDaysBefore = 3
	MaxMilestoneDaysBefore     = 365
	// SnoozeMorningHour is when "tomorrow morning" rings.
	SnoozeMorningHour = 8
	// NextHorizon bounds how far Schedule.Next looks ahead: far enough for a
	// one-off set for next year's rotation.
	NextHorizon = 366 * 24 * time.Hour
	// LateAfter is how late an occurrence may be delivered and still count
	// as on time rather than missed.
	LateAfter = 10 * time.Minute
	// MaxRingsPerDay bounds the times of day a study rule lists (BYHOUR
	// times BYMINUTE): a reminder every few minutes is noise, and expanding
	// it over months of catch-up would stall the runner.
	MaxRingsPerDay = 24
	// maxListed bounds the times a catch-up notification spells out.
	maxListed = 5
)

// ruleExample is what messages suggest when a rule is wrong.
const ruleExample = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=19;BYMINUTE=30"

// Reminder is something the app tells the user at a moment: a study
// session, a milestone coming up, a one-off note, or a nudge.
//
// Which fields count depends on Kind:
//   - study: RRule (the time of day is in its BYHOUR and BYMINUTE) and Day,
//     the first day it may fire (the calendar's DTSTART day);
//   - milestone: DaysBefore and At, for every milestone that does not say
//     otherwise (see MilestoneSetting);
//   - one-off: Day and At;
//   - nudges: At, the time of day from which the day's nudge may come.
//
// Wall times are read in TimeZone, or in the user's zone when it is empty,
// so a study reminder left without a zone follows the user who moves to
// the rotation's city and changes the setting.
type Reminder struct {
	ID         int64
	Kind       string
	Title      string
	Body       string
	Enabled    bool
	TimeZone   string // IANA name; "" follows the user's zone
	RRule      string // study: the recurrence, stored once; drives scheduling and the calendar export
	Day        Date   // study: first day; one-off: the day
	At         Clock  // one-off, milestone, nudges: time of day
	DaysBefore int    // milestone: days before each due date
}

// NewReminder returns a reminder of kind with the defaults the form starts
// from: study Mon-Fri 19:30 from today; milestones 3 days before at 09:00;
// a one-off today at 09:00 (the user types the text); nudges at 18:00 and
// off, as they are opt-in.
func NewReminder(kind string, today Date) Reminder {
	r := Reminder{Kind: kind, Enabled: true}
	switch kind {
	case ReminderStudy:
		r.Title = "Study session"
		r.Day = today
		weekdays := []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday}
		r.RRule, _ = StudyRule(weekdays, Clock{Hour: 19, Minute: 30})
	case ReminderMilestone:
		r.Title = "Milestone coming up"
		r.At = Clock{Hour: 9}
		r.DaysBefore = DefaultMilestoneDaysBefore
	case ReminderOneOff:
		r.Day = today
		r.At = Clock{Hour: 9}
	case ReminderNudgeReading:
		r.Title = "Behind on reading"
		r.At = Clock{Hour: 18}
		r.Enabled = false
	case ReminderNudgeStudy:
		r.Title = "Below the study goal this week"
		r.At = Clock{Hour: 18}
		r.Enabled = false
	}
	return r
}

// Location returns the zone the reminder's wall times are read in: its own,
// or user (UTC when nil) when it names none.
func (r Reminder) Location(user *time.Location) (*time.Location, error) {
	if strings.TrimSpace(r.TimeZone) == "" {
		if user == nil {
			return time.UTC, nil
		}
		return user, nil
	}
	return LoadZone(r.TimeZone)
}

// Validate checks the reminder at instant now for a user in zone user. An
// enabled reminder must still have something to say: a one-off in the past
// or a rule whose last occurrence has gone is refused (turn it off to keep
// it in the list), and a rule that never fires at all is refused always.
// A one-off within the current minute counts as now and is accepted.
func (r Reminder) Validate(now time.Time, user *time.Location) error {
	var errs []error
	if !slices.Contains(ReminderKinds(), r.Kind) {
		errs = append(errs, Invalid("kind", "%q is not a kind of reminder; use %s", r.Kind, strings.Join(ReminderKinds(), ", ")))
	}
	if err := CheckText("title", r.Title, true, MaxNameLen); err != nil {
		errs = append(errs, err)
	}
	if err := CheckText("body", r.Body, false, MaxNoteLen); err != nil {
		errs = append(errs, err)
	}
	loc, err := r.Location(user)
	if err != nil {
		errs = append(errs, err)
		loc = time.UTC
	}
	switch r.Kind {
	case ReminderOneOff, ReminderMilestone, ReminderNudgeReading, ReminderNudgeStudy:
		if err := checkClock("time", r.At); err != nil {
			errs = append(errs, err)
		}
	}
	switch r.Kind {
	case ReminderStudy:
		if r.Day.IsZero() {
			errs = append(errs, Invalid("day", "is required; it is the first day the reminder may ring, e.g. today"))
		} else if err := r.checkStudyRule(now, loc); err != nil {
			errs = append(errs, err)
		}
	case ReminderOneOff:
		if r.Day.IsZero() {
			errs = append(errs, Invalid("day", "is required; write it as YYYY-MM-DD"))
		} else if checkClock("time", r.At) == nil && r.Enabled {
			at := LocalInstant(r.Day, r.At, loc)
			if at.Before(now.Truncate(time.Minute)) {
				errs = append(errs, Invalid("day", "%s is in the past (it is now %s); pick a later day or time",
					at.In(loc).Format("2006-01-02 15:04"), now.In(loc).Format("2006-01-02 15:04")))
			}
		}
	case ReminderMilestone:
		if err := checkMilestoneDays("days before", r.DaysBefore); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

func checkClock(field string, c Clock) error {
	if c.Hour < 0 || c.Hour > 23 || c.Minute < 0 || c.Minute > 59 || c.Second < 0 || c.Second > 59 {
		return Invalid(field, "%02d:%02d:%02d is not a time of day; write it as HH:MM, e.g. 09:30", c.Hour, c.Minute, c.Second)
	}
	return nil
}

func checkMilestoneDays(field string, n int) error {
	if n < 0 || n > MaxMilestoneDaysBefore {
		return Invalid(field, "is %d; enter between 0 (on the day) and %d days", n, MaxMilestoneDaysBefore)
	}
	return nil
}

func (r Reminder) checkStudyRule(now time.Time, loc *time.Location) error {
	opt, err := parseStudyRule(r.RRule)
	if err != nil {
		return err
	}
	rule, err := floatingRule(opt, r.Day, loc)
	if err != nil {
		return err
	}
	if rule.After(floating(r.Day.Time()), true).IsZero() {
		return Invalid("rule", "never rings from %s on (no day matches it); check the days, or use the day checkboxes", r.Day)
	}
	if r.Enabled && rule.After(floating(now.In(loc)), false).IsZero() {
		return Invalid("rule", "has no occurrence after now; remove its COUNT or UNTIL, or turn the reminder off")
	}
	return nil
}

// rruleDays maps time.Weekday (Sunday = 0) to rrule's weekdays.
var rruleDays = [7]rrule.Weekday{rrule.SU, rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR, rrule.SA}

// mondayFirst orders days as the form shows them, Monday to Sunday.
func mondayFirst(d time.Weekday) int { return (int(d) + 6) % 7 }

// StudyRule builds the RRULE text of a study reminder from the form's day
// checkboxes and time, e.g. Mon-Fri 19:30 gives
// FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=19;BYMINUTE=30. Days come out
// Monday first whatever their order, duplicates dropped.
func StudyRule(days []time.Weekday, at Clock) (string, error) {
	var errs []error
	if len(days) == 0 {
		errs = append(errs, Invalid("days", "none is ticked; tick at least one day of the week"))
	}
	for _, d := range days {
		if d < time.Sunday || d > time.Saturday {
			errs = append(errs, Invalid("days", "%d is not a day of the week", int(d)))
		}
	}
	if err := checkClock("time", at); err != nil {
		errs = append(errs, err)
	}
	if len(errs) > 0 {
		return "", errors.Join(errs...)
	}
	sorted := slices.Clone(days)
	slices.SortFunc(sorted, func(a, b time.Weekday) int { return mondayFirst(a) - mondayFirst(b) })
	sorted = slices.Compact(sorted)
	opt := rrule.ROption{Freq: rrule.WEEKLY, Byhour: []int{at.Hour}, Byminute: []int{at.Minute}}
	for _, d := range sorted {
		opt.Byweekday = append(opt.Byweekday, rruleDays[d])
	}
	if at.Second != 0 {
		opt.Bysecond = []int{at.Second}
	}
	return opt.RRuleString(), nil
}

// StudyRuleDays reads a rule back into days of the week (Monday first) and
// a time, for the form to edit. ok is false when the rule says more than
// checkboxes can show (another frequency, an interval, a count, an end,
// several times a day): the form then offers the rule as text.
func StudyRuleDays(rule string) (days []time.Weekday, at Clock, ok bool) {
	opt, err := parseStudyRule(rule)
	if err != nil || opt.Freq != rrule.WEEKLY || opt.Interval > 1 || opt.Count != 0 || !opt.Until.IsZero() ||
		len(opt.Bysetpos)+len(opt.Bymonth)+len(opt.Bymonthday)+len(opt.Byyearday)+len(opt.Byweekno)+len(opt.Byeaster) > 0 ||
		len(opt.Byweekday) == 0 || len(opt.Byhour) != 1 || len(opt.Byminute) != 1 || len(opt.Bysecond) > 1 {
		return nil, Clock{}, false
	}
	for _, w := range opt.Byweekday {
		if w.N() != 0 {
			return nil, Clock{}, false
		}
		d := time.Weekday((w.Day() + 1) % 7)
		if !slices.Contains(days, d) {
			days = append(days, d)
		}
	}
	slices.SortFunc(days, func(a, b time.Weekday) int { return mondayFirst(a) - mondayFirst(b) })
	at = Clock{Hour: opt.Byhour[0], Minute: opt.Byminute[0]}
	if len(opt.Bysecond) == 1 {
		at.Second = opt.Bysecond[0]
	}
	return days, at, true
}

// parseStudyRule reads RRULE text leniently (any case, spaces, an
// "RRULE:" prefix) and checks what a reminder needs of it.
func parseStudyRule(text string) (*rrule.ROption, error) {
	written := strings.Join(strings.Fields(text), "")
	if len(written) >= 6 && strings.EqualFold(written[:6], "RRULE:") {
		written = written[6:]
	}
	if written == "" {
		return nil, Invalid("rule", "is required; tick at least one day, or write a rule such as %s", ruleExample)
	}
	if err := checkRuleParts(written); err != nil {
		return nil, err
	}
	s := strings.ToUpper(written)
	if strings.Contains(s, "DTSTART") {
		return nil, Invalid("rule", "must not hold DTSTART; the reminder's first day sets it")
	}
	opt, err := rrule.StrToROption(s)
	if err != nil {
		return nil, Invalid("rule", "%q is not a recurrence rule (%v); write one such as %s", text, err, ruleExample)
	}
	if opt.Freq > rrule.DAILY {
		return nil, Invalid("rule", "repeats %s; a reminder repeats at most daily: use FREQ=DAILY, WEEKLY, MONTHLY or YEARLY", opt.Freq)
	}
	if len(opt.Byhour) == 0 || len(opt.Byminute) == 0 {
		return nil, Invalid("rule", "does not say the time of day; add BYHOUR and BYMINUTE, e.g. BYHOUR=19;BYMINUTE=30")
	}
	if n := len(opt.Byhour) * len(opt.Byminute) * max(1, len(opt.Bysecond)); n > MaxRingsPerDay {
		return nil, Invalid("rule", "rings %d times a day; a reminder rings at most %d times a day, so list fewer hours or minutes", n, MaxRingsPerDay)
	}
	if _, err := rrule.NewRRule(*opt); err != nil {
		return nil, Invalid("rule", "%q is not a valid recurrence rule (%v); write one such as %s", text, err, ruleExample)
	}
	return opt, nil
}

// floatingRule builds the rule over "floating" wall times: UTC values whose
// fields are the wall clock in loc. Expanding there and converting each
// result with LocalInstant keeps DST out of rrule's hands, so a gap or an
// overlap is decided in one place. UNTIL is an instant (RFC 5545 wants it
// in UTC when DTSTART has a zone) and becomes loc's wall clock.
func floatingRule(opt *rrule.ROption, first Date, loc *time.Location) (*rrule.RRule, error) {
	o := *opt
	o.Dtstart = floating(first.Time())
	if !o.Until.IsZero() {
		o.Until = floating(o.Until.In(loc))
	}
	rule, err := rrule.NewRRule(o)
	if err != nil {
		return nil, Invalid("rule", "is not a valid recurrence rule (%v); write one such as %s", err, ruleExample)
	}
	return rule, nil
}

// floating returns t's wall clock as a UTC value.
func floating(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
}

// LocalInstant returns the instant (UTC) at which the wall clock in loc
// shows c on day, deciding the two cases where that is not one instant the
// way RFC 5545 (section 3.3.5) does, so the app rings when the exported
// calendar shows the event:
//   - a time skipped when clocks go forward (02:30 on a spring-forward day
//     in America/Los_Angeles) moves forward by the length of the gap, to
//     03:30 PDT: the instant 02:30 would be had the clocks not changed;
//   - a time that happens twice when clocks go back (01:30 on a fall-back
//     day) is the first of the two, so it rings once, never twice.
//
// time.Date decides neither reliably: it gives 01:30 PST for the Los
// Angeles gap (backwards) and the second 01:30 for the London overlap.
func LocalInstant(day Date, c Clock, loc *time.Location) time.Time {
	wall := time.Date(day.Year(), day.Month(), day.Day(), c.Hour, c.Minute, c.Second, 0, time.UTC)
	// The offsets in force a day either side of the wall time are the only
	// candidates: no zone changes its offset twice within two days.
	_, before := wall.Add(-30 * time.Hour).In(loc).Zone()
	_, after := wall.Add(30 * time.Hour).In(loc).Zone()
	var found time.Time
	for _, off := range []int{before, after} {
		t := wall.Add(-time.Duration(off) * time.Second)
		if floating(t.In(loc)).Equal(wall) && (found.IsZero() || t.Before(found)) {
			found = t
		}
	}
	if found.IsZero() {
		found = wall.Add(-time.Duration(before) * time.Second)
	}
	return found.UTC()
}

// Occurrence is one moment a reminder rings.
//
// Key names the occurrence for good: the delivery runner claims "Key
// delivered" in the database, in a transaction, before it notifies, and
// skips keys already claimed. That record, not the clock, is what makes
// delivery exactly-once: when two runners (the GUI and `masterplan
// remind`) see the same occurrence, or the system clock jumps backwards
// and an hour of occurrences comes due a second time, the keys are
// already there and nothing rings twice. Keys are:
//   - "reminder:<reminder ID>:<instant, RFC 3339 UTC>" for study and one-off
//     reminders (moving a one-off gives a new key, which rings at the new time);
//   - "milestone:<milestone ID>:<due date>" for milestone reminders (a new
//     due date rings again; changing the days before does not), and
//     "milestone:<milestone ID>:<due date>:due-day" for the ring on the day;
//   - "<nudge kind>:<date in the user's zone>" for nudges, once a day;
//   - "snooze:<until>:<first key>" for a snoozed notification.
type Occurrence struct {
	Key         string
	ReminderID  int64
	Kind        string
	MilestoneID int64     // milestone reminders only
	At          time.Time // UTC
	Title       string
	Body        string
}

// ReminderKey is the key of a study or one-off occurrence.
func ReminderKey(reminderID int64, at time.Time) string {
	return fmt.Sprintf("reminder:%d:%s", reminderID, at.UTC().Format(time.RFC3339))
}

// MilestoneKey is the key of the reminder for one milestone due on due.
func MilestoneKey(milestoneID int64, due Date) string {
	return fmt.Sprintf("milestone:%d:%s", milestoneID, due)
}

// MilestoneDueDayKey is the key of the ring on a milestone's due day.
func MilestoneDueDayKey(milestoneID int64, due Date) string {
	return MilestoneKey(milestoneID, due) + ":due-day"
}

// NudgeKey is the key of a nudge of kind on day (in the user's zone), so a
// nudge rings at most once a day whatever the number of runs.
func NudgeKey(kind string, day Date) string { return kind + ":" + day.String() }

// SnoozeKey is the key of a snoozed notification ringing again at until;
// first is the first key of the notification snoozed.
func SnoozeKey(first string, until time.Time) string {
	return "snooze:" + until.UTC().Format(time.RFC3339) + ":" + first
}

// Occurrences returns the instants in (from, to] at which a study or
// one-off reminder rings, in order, with their keys. A disabled reminder
// has none. user is the user's zone, for a reminder that names none.
// Milestone reminders need the milestones (MilestoneOccurrences) and nudges
// their condition (NudgeOccurrence).
func Occurrences(rem Reminder, from, to time.Time, user *time.Location) ([]Occurrence, error) {
	if !rem.Enabled || !to.After(from) {
		return nil, nil
	}
	loc, err := rem.Location(user)
	if err != nil {
		return nil, err
	}
	occ := func(at time.Time) Occurrence {
		return Occurrence{Key: ReminderKey(rem.ID, at), ReminderID: rem.ID, Kind: rem.Kind, At: at, Title: rem.Title, Body: rem.Body}
	}
	if (rem.Kind == ReminderOneOff || rem.Kind == ReminderStudy) && rem.Day.IsZero() {
		return nil, Invalid("day", "is required; write it as YYYY-MM-DD")
	}
	switch rem.Kind {
	case ReminderOneOff:
		if err := checkClock("time", rem.At); err != nil {
			return nil, err
		}
		if at := LocalInstant(rem.Day, rem.At, loc); at.After(from) && !at.After(to) {
			return []Occurrence{occ(at)}, nil
		}
		return nil, nil
	case ReminderStudy:
		opt, err := parseStudyRule(rem.RRule)
		if err != nil {
			return nil, err
		}
		rule, err := floatingRule(opt, rem.Day, loc)
		if err != nil {
			return nil, err
		}
		// A day's margin either side: a gap moves a wall time forward, and
		// the wall clock and UTC differ by up to 14 hours.
		lo := floating(from.In(loc)).Add(-24 * time.Hour)
		hi := floating(to.In(loc)).Add(24 * time.Hour)
		var out []Occurrence
		for _, w := range rule.Between(lo, hi, true) {
			at := LocalInstant(DateOf(w, time.UTC), Clock{w.Hour(), w.Minute(), w.Second()}, loc)
			if at.After(from) && !at.After(to) {
				out = append(out, occ(at))
			}
		}
		// A time moved out of a gap may land on, or after, a later one of
		// the same rule (02:30 and 03:15 on a spring-forward day).
		sortOccurrences(out)
		return slices.CompactFunc(out, func(a, b Occurrence) bool { return a.Key == b.Key }), nil
	default:
		return nil, Invalid("kind", "a %s reminder has no schedule of its own; use MilestoneOccurrences or NudgeOccurrence", rem.Kind)
	}
}

// MilestoneSetting is one milestone's own choice, overriding the milestone
// reminder's default: off, or a different number of days before.
type MilestoneSetting struct {
	Off        bool
	DaysBefore int // 0 rings on the due day itself
}

// Validate checks the setting.
func (s MilestoneSetting) Validate() error { return checkMilestoneDays("days before", s.DaysBefore) }

// milestoneDays returns the days before m's due date its reminder rings,
// and false when it does not ring (done, no date, or turned off).
func milestoneDays(rem Reminder, m Milestone, settings map[int64]MilestoneSetting) (int, bool) {
	if m.Done || m.Due.IsZero() {
		return 0, false
	}
	days := rem.DaysBefore
	if s, ok := settings[m.ID]; ok {
		if s.Off {
			return 0, false
		}
		days = s.DaysBefore
	}
	return days, checkMilestoneDays("days before", days) == nil
}

// MilestoneOccurrences returns, for a milestone reminder, the instants in
// (from, to] at which it rings for each milestone not yet done: at rem.At,
// DaysBefore days before the due date (or what the milestone's own setting
// says), and again at rem.At on the due day. Every milestone rings unless
// its setting turns it off.
//
// since says, by milestone ID, from when the milestone's reminder counts:
// the moment it was added, its due date moved, or its reminder changed.
// When the lead time had already passed then, the milestone rings once at
// that moment (the runner's next pass delivers it) instead of never; one
// already overdue then does not ring, as the screens show it overdue. A
// milestone absent from since keeps the plain schedule.
func MilestoneOccurrences(rem Reminder, ms []Milestone, settings map[int64]MilestoneSetting, since map[int64]time.Time, from, to time.Time, user *time.Location) ([]Occurrence, error) {
	if rem.Kind != ReminderMilestone {
		return nil, Invalid("kind", "is %q; milestone occurrences need a milestone reminder", rem.Kind)
	}
	if !rem.Enabled || !to.After(from) {
		return nil, nil
	}
	loc, err := rem.Location(user)
	if err != nil {
		return nil, err
	}
	if err := checkClock("time", rem.At); err != nil {
		return nil, err
	}
	var out []Occurrence
	for _, m := range ms {
		days, ok := milestoneDays(rem, m, settings)
		if !ok {
			continue
		}
		for _, r := range milestoneRings(m, days, rem.At, since[m.ID], loc) {
			if !r.at.After(from) || r.at.After(to) {
				continue
			}
			out = append(out, Occurrence{
				Key: r.key, ReminderID: rem.ID, Kind: rem.Kind, MilestoneID: m.ID, At: r.at,
				Title: m.Title, Body: joinLines(dueText(r.daysLeft, m.Due), rem.Body),
			})
		}
	}
	sortOccurrences(out)
	return out, nil
}

// milestoneRing is one moment a milestone's reminder rings.
type milestoneRing struct {
	key      string
	at       time.Time
	daysLeft int // to the due date, on the day it rings
}

// milestoneRings returns when an open milestone rings with days of lead
// time at clock at (see MilestoneOccurrences for the rule): the lead ring
// (or a late one at since), then the due-day ring unless the first
// already falls on the due day.
func milestoneRings(m Milestone, days int, at Clock, since time.Time, loc *time.Location) []milestoneRing {
	first := LocalInstant(m.Due.AddDays(-days), at, loc)
	if !since.IsZero() && first.Before(since) {
		if DateOf(since, loc).After(m.Due) {
			return nil
		}
		first = since.UTC()
	}
	firstDay := DateOf(first, loc)
	out := []milestoneRing{{MilestoneKey(m.ID, m.Due), first, firstDay.DaysUntil(m.Due)}}
	if firstDay.Before(m.Due) {
		out = append(out, milestoneRing{MilestoneDueDayKey(m.ID, m.Due), LocalInstant(m.Due, at, loc), 0})
	}
	return out
}

// MilestoneAlarmDays returns, for the calendar export, the days before its
// due date each milestone's alarm rings, by milestone ID; milestones without
// a reminder are absent.
func MilestoneAlarmDays(rem Reminder, ms []Milestone, settings map[int64]MilestoneSetting) map[int64]int {
	out := map[int64]int{}
	if rem.Kind != ReminderMilestone || !rem.Enabled {
		return out
	}
	for _, m := range ms {
		if days, ok := milestoneDays(rem, m, settings); ok {
			out[m.ID] = days
		}
	}
	return out
}

func dueText(days int, due Date) string {
	on := due.Time().Format("Monday 2 January 2006")
	switch days {
	case 0:
		return "Due today, " + on + "."
	case 1:
		return "Due tomorrow, " + on + "."
	default:
		return fmt.Sprintf("Due in %d days, on %s.", days, on)
	}
}

func joinLines(lines ...string) string {
	var kept []string
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			kept = append(kept, l)
		}
	}
	return strings.Join(kept, "\n")
}

func sortOccurrences(occ []Occurrence) {
	sort.SliceStable(occ, func(i, j int) bool {
		if !occ[i].At.Equal(occ[j].At) {
			return occ[i].At.Before(occ[j].At)
		}
		return occ[i].Key < occ[j].Key
	})
}

// Schedule is everything that decides when reminders ring, except the
// nudges' conditions (see NudgeOccurrence).
type Schedule struct {
	Reminders         []Reminder
	Milestones        []Milestone
	MilestoneSettings map[int64]MilestoneSetting
	// MilestoneSince says, by milestone ID, from when its reminder counts
	// (see MilestoneOccurrences).
	MilestoneSince map[int64]time.Time
	Zone           *time.Location // the user's zone, for reminders that name none
}

// Between returns the occurrences of every enabled study, one-off and
// milestone reminder in (from, to], in time order, each key once. A
// reminder that cannot be scheduled (a rule spoiled in the database) does
// not hold up the others: their occurrences come back with an error that
// names it, for the runner to log.
func (s Schedule) Between(from, to time.Time) ([]Occurrence, error) {
	var out []Occurrence
	var errs []error
	for _, rem := range s.Reminders {
		var occ []Occurrence
		var err error
		switch rem.Kind {
		case ReminderStudy, ReminderOneOff:
			occ, err = Occurrences(rem, from, to, s.Zone)
		case ReminderMilestone:
			occ, err = MilestoneOccurrences(rem, s.Milestones, s.MilestoneSettings, s.MilestoneSince, from, to, s.Zone)
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("reminder %d %q: %w", rem.ID, rem.Title, err))
		}
		out = append(out, occ...)
	}
	sortOccurrences(out)
	seen := map[string]bool{}
	out = slices.DeleteFunc(out, func(o Occurrence) bool {
		dup := seen[o.Key]
		seen[o.Key] = true
		return dup
	})
	return out, errors.Join(errs...)
}

// Next returns up to n occurrences after now, within NextHorizon, soonest
// first: the tray's "next reminder" and `status --json`.
//
// It looks a week ahead first, then four times as far each time up to
// NextHorizon, and stops at the first span that holds n: the occurrences
// of (now, now+span] are the soonest of the whole horizon, and keying,
// sorting and removing the repeats of a year of fifty daily rules (some
// twenty thousand occurrences) for the first three cost the heavy
// dashboard a tenth of its time. The errors are the same whatever the
// span: they come from the rules and the zones, not the dates.
func (s Schedule) Next(now time.Time, n int) ([]Occurrence, error) {
	n = max(n, 0)
	for span := nextFirstSpan; ; span *= 4 {
		span = min(span, NextHorizon)
		occ, err := s.Between(now, now.Add(span))
		if len(occ) >= n || span == NextHorizon {
			return occ[:min(n, len(occ))], err
		}
	}
}

// nextFirstSpan is how far Schedule.Next looks first: a week holds the
// next rings of any weekly study rule.
const nextFirstSpan = 7 * 24 * time.Hour

// Notification is what the runner shows: one per reminder however many of
// its occurrences came due, with the keys to record as delivered.
type Notification struct {
	Title      string
	Body       string
	Keys       []string  // every occurrence it stands for, oldest first
	ReminderID int64     // for Snooze and Done in the Reminders screen
	At         time.Time // its latest occurrence
}

// CatchUp turns the occurrences that came due since the last run (many,
// after the laptop slept) into notifications: one per reminder (per
// milestone for milestone reminders), oldest first, so a missed week is
// one "5 missed: Study session" and not a flood. An occurrence alone that
// is later than LateAfter says when it was due; nudges never do, as they
// speak of now. Times are shown in loc, with the date once they go back
// a week or more. Repeated keys count once.
func CatchUp(due []Occurrence, now time.Time, loc *time.Location) []Notification {
	var order []string
	groups := map[string][]Occurrence{}
	seen := map[string]bool{}
	sorted := slices.Clone(due)
	sortOccurrences(sorted)
	for _, o := range sorted {
		if seen[o.Key] {
			continue
		}
		seen[o.Key] = true
		id := fmt.Sprintf("%s:%d:%d", o.Kind, o.ReminderID, o.MilestoneID)
		if _, ok := groups[id]; !ok {
			order = append(order, id)
		}
		groups[id] = append(groups[id], o)
	}
	var out []Notification
	for _, id := range order {
		occ := groups[id]
		last := occ[len(occ)-1]
		n := Notification{ReminderID: last.ReminderID, At: last.At, Title: last.Title, Body: last.Body}
		for _, o := range occ {
			n.Keys = append(n.Keys, o.Key)
		}
		layout := "Mon 15:04"
		if now.Sub(occ[0].At) >= 6*24*time.Hour {
			layout = "Mon 2 Jan 15:04"
		}
		switch {
		case len(occ) > 1:
			var when []string
			for _, o := range occ[:min(len(occ), maxListed)] {
				when = append(when, o.At.In(loc).Format(layout))
			}
			list := strings.Join(when, ", ")
			if len(occ) > maxListed {
				list += fmt.Sprintf(" and %d more", len(occ)-maxListed)
			}
			n.Title = fmt.Sprintf("%d missed: %s", len(occ), last.Title)
			n.Body = joinLines(list, last.Body)
		case last.Kind != ReminderNudgeReading && last.Kind != ReminderNudgeStudy && now.Sub(last.At) > LateAfter:
			n.Body = joinLines("Missed: "+last.At.In(loc).Format(layout), last.Body)
		}
		out = append(out, n)
	}
	return out
}

// Snooze is how long a notification is put off.
type Snooze int

// The snooze choices the Reminders screen offers.
const (
	Snooze10Minutes Snooze = iota + 1
	SnoozeHour
	SnoozeTomorrowMorning
)

func (s Snooze) String() string {
	switch s {
	case Snooze10Minutes:
		return "10 minutes"
	case SnoozeHour:
		return "1 hour"
	case SnoozeTomorrowMorning:
		return "tomorrow morning"
	default:
		return fmt.Sprintf("Snooze(%d)", int(s))
	}
}

// SnoozeUntil returns when a notification snoozed at now rings again. Ten
// minutes and an hour are elapsed time, whatever the clocks do meanwhile.
// Tomorrow morning is SnoozeMorningHour on the next day in loc, found by
// the wall clock so a DST change overnight does not move it; before 04:00
// the night still counts as the day before, so "tomorrow morning" at 01:00
// is this coming morning, not the one after.
func SnoozeUntil(s Snooze, now time.Time, loc *time.Location) (time.Time, error) {
	switch s {
	case Snooze10Minutes:
		return now.Add(10 * time.Minute).UTC(), nil
	case SnoozeHour:
		return now.Add(time.Hour).UTC(), nil
	case SnoozeTomorrowMorning:
		day := DateOf(now, loc).AddDays(1)
		if now.In(loc).Hour() < 4 {
			day = day.AddDays(-1)
		}
		return LocalInstant(day, Clock{Hour: SnoozeMorningHour}, loc), nil
	default:
		return time.Time{}, Invalid("snooze", "%d is not a snooze choice; use 10 minutes, 1 hour or tomorrow morning", int(s))
	}
}

// BehindOnReading decides the reading nudge on day today: the list is
// behind when, at the current pace, it ends after the deadline, or when
// nothing was read lately (no projected finish, the zero Date). There is
// nothing to say without a deadline, nor once it has passed. The message
// says by how much.
func BehindOnReading(projectedFinish, deadline, today Date) (behind bool, message string) {
	if deadline.IsZero() || today.After(deadline) {
		return false, ""
	}
	left := today.DaysUntil(deadline)
	if projectedFinish.IsZero() {
		return true, fmt.Sprintf("Nothing read lately, and the reading list is due in %s, on %s.", Count(left, "day", "days"), deadline)
	}
	if late := deadline.DaysUntil(projectedFinish); late > 0 {
		return true, fmt.Sprintf("At your pace the reading list ends on %s, %s after the deadline %s.", projectedFinish, Count(late, "day", "days"), deadline)
	}
	return false, ""
}

// BelowStudyGoal decides the study nudge: below when the hours studied so
// far this week fall short of the goal's share for the days of the week
// already over (daysDone, 0 on its first day: no nudge before a day has
// passed). The message says where the week stands.
func BelowStudyGoal(hours, goal float64, daysDone int) (below bool, message string) {
	daysDone = min(daysDone, 7)
	if !(goal > 0) || daysDone <= 0 {
		return false, ""
	}
	expected := goal * float64(daysDone) / 7
	if !(hours < expected) {
		return false, ""
	}
	return true, fmt.Sprintf("%s of %s hours studied this week; %s would be on track after %s.",
		hoursText(hours), hoursText(goal), hoursText(expected), Count(daysDone, "day", "days"))
}

// hoursText writes hours to a tenth, without a trailing ".0".
func hoursText(h float64) string { return strconv.FormatFloat(math.Round(h*10)/10, 'f', -1, 64) }

// WeekDaysDone counts the days of today's study week already over, for
// BelowStudyGoal (weeks start on weekStart).
func WeekDaysDone(today Date, weekStart time.Weekday) int {
	return WeekStartDate(today, weekStart).DaysUntil(today)
}

// NudgeOccurrence returns today's occurrence of a nudge whose condition
// holds now (call it only then; reason is the condition's message), once
// rem.At has come on the user's day. Its key is the day, so however many
// runs see the condition, it rings once a day.
func NudgeOccurrence(rem Reminder, now time.Time, user *time.Location, reason string) (Occurrence, bool, error) {
	if rem.Kind != ReminderNudgeReading && rem.Kind != ReminderNudgeStudy {
		return Occurrence{}, false, Invalid("kind", "is %q; only nudges ring on a condition", rem.Kind)
	}
	if !rem.Enabled {
		return Occurrence{}, false, nil
	}
	loc, err := rem.Location(user)
	if err != nil {
		return Occurrence{}, false, err
	}
	if err := checkClock("time", rem.At); err != nil {
		return Occurrence{}, false, err
	}
	today := DateOf(now, loc)
	at := LocalInstant(today, rem.At, loc)
	if now.Before(at) {
		return Occurrence{}, false, nil
	}
	return Occurrence{
		Key: NudgeKey(rem.Kind, today), ReminderID: rem.ID, Kind: rem.Kind, At: at,
		Title: rem.Title, Body: joinLines(reason, rem.Body),
	}, true, nil
}

// Describe says in a few words when the reminder rings, for the list on
// the Reminders screen: "Mon-Fri at 19:30", "3 days before each milestone
// and on its due day, at 09:00", "2026-03-16 at 09:00", "at most daily from 18:00".
func (r Reminder) Describe() string {
	switch r.Kind {
	case ReminderStudy:
		days, at, ok := StudyRuleDays(r.RRule)
		if !ok {
			return "Repeats " + strings.TrimPrefix(strings.TrimSpace(r.RRule), "RRULE:")
		}
		return describeDays(days) + " at " + clockText(at)
	case ReminderMilestone:
		if r.DaysBefore == 0 {
			return "On each milestone's due day at " + clockText(r.At)
		}
		return fmt.Sprintf("%s before each milestone and on its due day, at %s", Count(r.DaysBefore, "day", "days"), clockText(r.At))
	case ReminderOneOff:
		return r.Day.String() + " at " + clockText(r.At)
	case ReminderNudgeReading, ReminderNudgeStudy:
		return "At most daily, from " + clockText(r.At)
	default:
		return ""
	}
}

// describeDays writes Monday-first days, runs of three or more as a range.
func describeDays(days []time.Weekday) string {
	if len(days) == 7 {
		return "Every day"
	}
	name := func(d time.Weekday) string { return d.String()[:3] }
	var parts []string
	for i := 0; i < len(days); {
		j := i
		for j+1 < len(days) && mondayFirst(days[j+1]) == mondayFirst(days[j])+1 {
			j++
		}
		switch {
		case j-i >= 2:
			parts = append(parts, name(days[i])+"-"+name(days[j]))
		default:
			for k := i; k <= j; k++ {
				parts = append(parts, name(days[k]))
			}
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}

func clockText(c Clock) string {
	if c.Second != 0 {
		return fmt.Sprintf("%02d:%02d:%02d", c.Hour, c.Minute, c.Second)
	}
	return fmt.Sprintf("%02d:%02d", c.Hour, c.Minute)
}

// StudySeries is a study reminder as a calendar holds it: a first
// occurrence on the wall clock (DTSTART with its TZID) and the rule.
type StudySeries struct {
	FirstDay Date   // the day of the first occurrence on or after Reminder.Day
	At       Clock  // its wall-clock time
	Rule     string // the RRULE text, normalised (upper case, no "RRULE:")
	Location *time.Location
}

// Series returns the study reminder as a calendar series. DTSTART is the
// first real occurrence rather than Reminder.Day, since RFC 5545 counts
// DTSTART as an occurrence even when the rule does not match it.
func (r Reminder) Series(user *time.Location) (StudySeries, error) {
	if r.Kind != ReminderStudy {
		return StudySeries{}, Invalid("kind", "is %q; only study reminders repeat", r.Kind)
	}
	if r.Day.IsZero() {
		return StudySeries{}, Invalid("day", "is required; it is the first day the reminder may ring")
	}
	loc, err := r.Location(user)
	if err != nil {
		return StudySeries{}, err
	}
	opt, err := parseStudyRule(r.RRule)
	if err != nil {
		return StudySeries{}, err
	}
	rule, err := floatingRule(opt, r.Day, loc)
	if err != nil {
		return StudySeries{}, err
	}
	first := rule.After(floating(r.Day.Time()), true)
	if first.IsZero() {
		return StudySeries{}, Invalid("rule", "never rings from %s on (no day matches it)", r.Day)
	}
	return StudySeries{
		FirstDay: DateOf(first, time.UTC),
		At:       Clock{first.Hour(), first.Minute(), first.Second()},
		Rule:     opt.RRuleString(),
		Location: loc,
	}, nil
}
