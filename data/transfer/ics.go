package transfer

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"unicode"

	ics "github.com/arran4/golang-ical"

	"github.com/masterplan-app/masterplan/data"
)

// ExamDate is an exam as the calendar shows it: an all-day event on its day.
type ExamDate struct {
	ID   int64
	Name string
	Date data.Date // zero when not known yet: left out
}

// CalendarInput is what the calendar export holds.
type CalendarInput struct {
	Rotation   data.Rotation
	Milestones []data.Milestone
	// MilestoneAlarmDays gives, by milestone ID, the days before its due
	// date its alarm rings (data.MilestoneAlarmDays); a milestone absent
	// from it has no alarm.
	MilestoneAlarmDays map[int64]int
	// MilestoneAlarmAt is the alarm's time of day (the milestone reminder's
	// At), so the phone rings when the app would; zero rings at midnight.
	MilestoneAlarmAt data.Clock
	Exams            []ExamDate
	Study            []data.Reminder // study reminders; disabled ones are left out
	Zone             *time.Location  // the user's zone, for study reminders that name none
	Now              time.Time       // DTSTAMP of every event
	Planned          []PlannedBlock  // the study plan's blocks (ics_plan.go); empty unless asked for
}

// uidDomain ends every UID: "block-12@masterplan".
const uidDomain = "@masterplan"

// calendarYearsAhead is how far past now the VTIMEZONE observances reach:
// beyond any rotation's preparation, and calendars that know the zone by
// name (most do) ignore them anyway.
const calendarYearsAhead = 5

// WriteCalendar writes in as an RFC 5545 calendar to w:
//   - each rotation block as an all-day event from its first day to the day
//     after its last (DTEND is exclusive). Block dates are the location's
//     calendar dates and all-day dates float, so every calendar shows them
//     on the days printed on the schedule, wherever it is;
//   - each milestone with a due date as an all-day event, with DISPLAY
//     alarms N days before and on the day (at MilestoneAlarmAt) when its
//     reminder is set and it is not done;
//   - each exam with a date as an all-day event, unless a milestone of the
//     same name (data.NameKey) falls on that day: the suggested "Lab exam"
//     milestone and the Practice screen's "Lab exam" are one thing, shown
//     once, as the milestone (which carries the alarm);
//   - each enabled study reminder as a timed event on its wall clock (with
//     TZID and a VTIMEZONE, or floating when the zone is the system's
//     unnamed one) repeating by its own RRULE text.
//
// UIDs come from record IDs ("block-12@masterplan"), so importing a newer
// export updates the events instead of adding copies; a record without an
// ID is refused, and so is a date outside the years data.MinYear-MaxYear
// (ics_years.go). A calendar with no event at all is refused too (RFC 5545
// wants at least one component).
func WriteCalendar(w io.Writer, in CalendarInput) error {
	if in.Now.IsZero() {
		return fmt.Errorf("write calendar: %w: the time of the export (Now) is required", data.ErrInvalid)
	}
	if err := checkCalendarYears(in); err != nil {
		return fmt.Errorf("write calendar: %w", err)
	}
	cal := ics.NewCalendar()
	cal.SetProductId("-//MasterPlan//MasterPlan//EN")
	cal.SetCalscale("GREGORIAN")
	cal.SetMethod(ics.MethodPublish)
	cal.SetXWRCalName("MasterPlan")

	series, err := studySeries(in)
	if err != nil {
		return fmt.Errorf("write calendar: %w", err)
	}
	addTimezones(cal, series, in.Now)

	events := 0
	newEvent := func(kind string, id int64) *ics.VEvent {
		events++
		e := cal.AddEvent(fmt.Sprintf("%s-%d%s", kind, id, uidDomain))
		e.SetDtStampTime(in.Now)
		return e
	}
	allDay := func(e *ics.VEvent, first, last data.Date) {
		e.SetAllDayStartAt(first.Time())
		e.SetAllDayEndAt(last.AddDays(1).Time())
	}

	blocks := data.SortedBlocks(in.Rotation.Blocks)
	for i, b := range blocks {
		if b.ID == 0 {
			return fmt.Errorf("write calendar: %w: the block %s to %s has no record ID; save the rotation first", data.ErrInvalid, b.Start, b.End)
		}
		e := newEvent("block", b.ID)
		allDay(e, b.Start, b.End)
		summary := strings.TrimSpace(in.Rotation.Track) + " rotation"
		if len(blocks) > 1 {
			summary += fmt.Sprintf(", block %d of %d", i+1, len(blocks))
		}
		e.SetSummary(icsText(summary))
		e.SetLocation(icsText(b.Location))
		e.SetDescription(icsText(fmt.Sprintf("On site in %s from %s to %s (%d days).", b.Location, b.Start, b.End, b.Days())))
	}

	for _, m := range in.Milestones {
		if m.Due.IsZero() {
			continue
		}
		if m.ID == 0 {
			return fmt.Errorf("write calendar: %w: the milestone %q has no record ID; save it first", data.ErrInvalid, m.Title)
		}
		e := newEvent("milestone", m.ID)
		allDay(e, m.Due, m.Due)
		e.SetSummary(icsText(m.Title))
		e.SetTimeTransparency(ics.TransparencyTransparent)
		if m.Done {
			e.SetDescription("Done.")
		}
		if days, ok := in.MilestoneAlarmDays[m.ID]; ok && !m.Done {
			// As the app rings: the days before, and on the due day.
			for _, d := range slices.Compact([]int{days, 0}) {
				a := e.AddAlarm()
				a.SetAction(ics.ActionDisplay)
				a.SetProperty(ics.ComponentPropertyDescription, icsText(alarmText(m.Title, d)))
				a.SetTrigger(alarmTrigger(d, in.MilestoneAlarmAt))
			}
		}
	}

	milestoneDays := map[string]bool{}
	for _, m := range in.Milestones {
		milestoneDays[sameThingKey(m.Title, m.Due)] = true
	}
	for _, x := range in.Exams {
		if x.Date.IsZero() || milestoneDays[sameThingKey(x.Name, x.Date)] {
			continue
		}
		if x.ID == 0 {
			return fmt.Errorf("write calendar: %w: the exam %q has no record ID; save it first", data.ErrInvalid, x.Name)
		}
		e := newEvent("exam", x.ID)
		allDay(e, x.Date, x.Date)
		e.SetSummary(icsText(x.Name))
	}

	for _, s := range series {
		e := newEvent("study", s.rem.ID)
		start := fmt.Sprintf("%04d%02d%02dT%02d%02d%02d", s.FirstDay.Year(), s.FirstDay.Month(), s.FirstDay.Day(), s.At.Hour, s.At.Minute, s.At.Second)
		switch name := s.Location.String(); name {
		case "Local":
			e.SetProperty(ics.ComponentPropertyDtStart, start)
		case "UTC":
			e.SetProperty(ics.ComponentPropertyDtStart, start+"Z")
		default:
			e.SetProperty(ics.ComponentPropertyDtStart, start, ics.WithTZID(name))
		}
		e.AddRrule(s.Rule)
		e.SetSummary(icsText(s.rem.Title))
		if body := strings.TrimSpace(s.rem.Body); body != "" {
			e.SetDescription(icsText(body))
		}
		e.SetTimeTransparency(ics.TransparencyTransparent)
	}

	addPlanned(in, newEvent)

	if events == 0 {
		return fmt.Errorf("write calendar: %w: there is nothing to export; add the rotation, a milestone, an exam or a study reminder first", data.ErrInvalid)
	}
	// golang-ical ends lines with the platform's newline; RFC 5545 wants CRLF.
	if err := cal.SerializeTo(w, ics.WithNewLineWindows); err != nil {
		return fmt.Errorf("write calendar: %w", err)
	}
	return nil
}

// sameThingKey names an event by what a reader sees: its name, in any
// case and spacing, on its day.
func sameThingKey(name string, day data.Date) string {
	return data.NameKey(name) + "|" + day.String()
}

// calSeries is one study reminder ready for the calendar.
type calSeries struct {
	data.StudySeries
	rem data.Reminder
}

func studySeries(in CalendarInput) ([]calSeries, error) {
	var out []calSeries
	for _, r := range in.Study {
		if !r.Enabled {
			continue
		}
		if r.ID == 0 {
			return nil, fmt.Errorf("%w: the study reminder %q has no record ID; save it first", data.ErrInvalid, r.Title)
		}
		s, err := r.Series(in.Zone)
		if err != nil {
			return nil, fmt.Errorf("study reminder %q: %w", r.Title, err)
		}
		out = append(out, calSeries{StudySeries: s, rem: r})
	}
	return out, nil
}

// addTimezones adds a VTIMEZONE for each named zone a study event uses
// (RFC 5545 wants one per TZID), with every change of offset from the
// year of its first event to calendarYearsAhead past now, taken from Go's
// zone database.
func addTimezones(cal *ics.Calendar, series []calSeries, now time.Time) {
	first := map[string]data.Date{}
	var names []string
	locs := map[string]*time.Location{}
	for _, s := range series {
		name := s.Location.String()
		if name == "Local" || name == "UTC" {
			continue
		}
		if d, ok := first[name]; !ok || s.FirstDay.Before(d) {
			if !ok {
				names = append(names, name)
			}
			first[name] = s.FirstDay
			locs[name] = s.Location
		}
	}
	for _, name := range names {
		loc := locs[name]
		from := time.Date(first[name].Year(), time.January, 1, 0, 0, 0, 0, loc)
		to := time.Date(max(first[name].Year(), now.In(loc).Year())+calendarYearsAhead+1, time.January, 1, 0, 0, 0, 0, loc)
		addTimezone(cal, name, loc, from, to)
	}
}

// addTimezone writes one observance per period of loc's offset that
// overlaps [from, to): the period in force at from (from its real onset),
// then one per change.
func addTimezone(cal *ics.Calendar, name string, loc *time.Location, from, to time.Time) {
	tz := cal.AddTimezone(name)
	t, _ := from.ZoneBounds()
	if t.IsZero() {
		t = from
	}
	for {
		abbrev, off := t.In(loc).Zone()
		_, prev := t.Add(-time.Second).In(loc).Zone()
		var obs *ics.ComponentBase
		if t.In(loc).IsDST() {
			d := &ics.Daylight{}
			tz.Components = append(tz.Components, d)
			obs = &d.ComponentBase
		} else {
			obs = &tz.AddStandard().ComponentBase
		}
		// An onset is written on the wall clock of the offset it ends.
		obs.AddProperty(ics.ComponentPropertyDtStart, t.In(time.FixedZone("", prev)).Format("20060102T150405"))
		obs.AddProperty(ics.ComponentProperty(ics.PropertyTzoffsetfrom), utcOffset(prev))
		obs.AddProperty(ics.ComponentProperty(ics.PropertyTzoffsetto), utcOffset(off))
		obs.AddProperty(ics.ComponentProperty(ics.PropertyTzname), abbrev)
		_, end := t.In(loc).ZoneBounds()
		if end.IsZero() || !end.Before(to) {
			return
		}
		t = end
	}
}

// utcOffset writes seconds east of UTC as RFC 5545 does: +0100, -0800,
// and with seconds where a zone has them.
func utcOffset(secs int) string {
	sign := "+"
	if secs < 0 {
		sign, secs = "-", -secs
	}
	s := fmt.Sprintf("%s%02d%02d", sign, secs/3600, secs/60%60)
	if secs%60 != 0 {
		s += fmt.Sprintf("%02d", secs%60)
	}
	return s
}

// alarmTrigger is the alarm's offset from the start of the all-day event
// (midnight of the due day): days before, plus the time of day. Three days
// before at 09:00 is -P2DT15H.
func alarmTrigger(days int, at data.Clock) string {
	secs := -days*24*3600 + at.Hour*3600 + at.Minute*60 + at.Second
	sign := ""
	if secs < 0 {
		sign, secs = "-", -secs
	}
	if secs == 0 {
		return "PT0S"
	}
	var b strings.Builder
	b.WriteString(sign + "P")
	if d := secs / 86400; d > 0 {
		fmt.Fprintf(&b, "%dD", d)
	}
	if rest := secs % 86400; rest > 0 {
		b.WriteString("T")
		for _, part := range []struct {
			n    int
			unit string
		}{{rest / 3600, "H"}, {rest / 60 % 60, "M"}, {rest % 60, "S"}} {
			if part.n > 0 {
				fmt.Fprintf(&b, "%d%s", part.n, part.unit)
			}
		}
	}
	return b.String()
}

func alarmText(title string, days int) string {
	switch days {
	case 0:
		return title + " is due today."
	case 1:
		return title + " is due tomorrow."
	default:
		return fmt.Sprintf("%s is due in %d days.", title, days)
	}
}

// icsText prepares a TEXT value for golang-ical, which escapes backslashes,
// commas, semicolons and newlines and folds long lines, but leaves carriage
// returns and other control characters as they are, which would break the
// file's lines: newlines become "\n" and the other controls go.
func icsText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Map(func(r rune) rune {
		if r != '\n' && r != '\t' && unicode.IsControl(r) {
			return -1
		}
		return r
	}, s)
}
