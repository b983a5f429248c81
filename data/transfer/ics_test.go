package transfer

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	ics "github.com/arran4/golang-ical"

	"github.com/masterplan-app/masterplan/data"
)

// calFixture is a split rotation with milestones, exams and study
// reminders, each kind with the cases the export must leave out.
func calFixture(t *testing.T) CalendarInput {
	t.Helper()
	study := data.NewReminder(data.ReminderStudy, data.NewDate(2026, 3, 7)) // a Saturday: first ring on Monday 9th
	study.ID = 5
	study.TimeZone = "America/Los_Angeles"
	study.Body = "Labs, then notes"
	off := data.NewReminder(data.ReminderStudy, data.NewDate(2026, 3, 7))
	off.ID = 6
	off.Enabled = false
	return CalendarInput{
		Rotation: data.Rotation{ID: 1, Track: "MCM: SQL Server 2008", Blocks: []data.Block{
			{ID: 13, Start: data.NewDate(2026, 5, 4), End: data.NewDate(2026, 5, 17), Location: "Redmond, WA", TimeZone: "America/Los_Angeles"},
			{ID: 12, Start: data.NewDate(2026, 3, 16), End: data.NewDate(2026, 3, 22), Location: "Redmond, WA", TimeZone: "America/Los_Angeles"},
		}},
		Milestones: []data.Milestone{
			{ID: 3, Title: "Flights, hotel; visa\nand the car", Due: data.NewDate(2026, 2, 27)},
			{ID: 4, Title: "Fee paid", Due: data.NewDate(2026, 2, 1), Done: true},
			{ID: 7, Title: "Leave approved", Due: data.NewDate(2026, 2, 10)},
			{ID: 8, Title: "Someday", Due: data.Date{}},
		},
		MilestoneAlarmDays: map[int64]int{3: 3, 4: 3},
		MilestoneAlarmAt:   data.Clock{Hour: 9},
		Exams: []ExamDate{
			{ID: 1, Name: "Lab exam", Date: data.NewDate(2026, 5, 17)},
			{ID: 2, Name: "Written exam 3", Date: data.Date{}},
		},
		Study: []data.Reminder{study, off},
		Zone:  time.UTC,
		Now:   time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC),
	}
}

func calWrite(t *testing.T, in CalendarInput) (string, *ics.Calendar) {
	t.Helper()
	var b bytes.Buffer
	if err := WriteCalendar(&b, in); err != nil {
		t.Fatal(err)
	}
	cal, err := ics.ParseCalendar(strings.NewReader(b.String()))
	if err != nil {
		t.Fatalf("the export does not parse: %v\n%s", err, b.String())
	}
	return b.String(), cal
}

// calProp returns a property's value and parameters, failing if it is absent.
func calProp(t *testing.T, c *ics.ComponentBase, p ics.ComponentProperty) (string, map[string][]string) {
	t.Helper()
	prop := c.GetProperty(p)
	if prop == nil {
		t.Fatalf("%s missing in %s", p, c.Id())
	}
	return prop.Value, prop.ICalParameters
}

func calWant(t *testing.T, c *ics.ComponentBase, p ics.ComponentProperty, want string) {
	t.Helper()
	if got, _ := calProp(t, c, p); got != want {
		t.Errorf("%s %s = %q, want %q", c.Id(), p, got, want)
	}
}

func TestWriteCalendar(t *testing.T) {
	in := calFixture(t)
	raw, cal := calWrite(t, in)

	events := map[string]*ics.VEvent{}
	var order []string
	for _, e := range cal.Events() {
		if events[e.Id()] != nil {
			t.Fatalf("UID %s twice", e.Id())
		}
		events[e.Id()] = e
		order = append(order, e.Id())
	}
	wantOrder := []string{"block-12@masterplan", "block-13@masterplan", "milestone-3@masterplan", "milestone-4@masterplan",
		"milestone-7@masterplan", "exam-1@masterplan", "study-5@masterplan"}
	if strings.Join(order, " ") != strings.Join(wantOrder, " ") {
		t.Fatalf("events %v, want %v", order, wantOrder)
	}
	for _, id := range order {
		calWant(t, &events[id].ComponentBase, ics.ComponentPropertyDtstamp, "20260102T030405Z")
	}

	allDay := func(t *testing.T, e *ics.VEvent, start, end string) {
		t.Helper()
		for _, p := range []struct {
			prop ics.ComponentProperty
			want string
		}{{ics.ComponentPropertyDtStart, start}, {ics.ComponentPropertyDtEnd, end}} {
			v, params := calProp(t, &e.ComponentBase, p.prop)
			if v != p.want || strings.Join(params["VALUE"], ",") != "DATE" {
				t.Errorf("%s %s = %q %v, want %q;VALUE=DATE", e.Id(), p.prop, v, params, p.want)
			}
		}
	}

	t.Run("blocks: all-day, end exclusive, in date order", func(t *testing.T) {
		b1, b2 := events["block-12@masterplan"], events["block-13@masterplan"]
		allDay(t, b1, "20260316", "20260323")
		allDay(t, b2, "20260504", "20260518")
		calWant(t, &b1.ComponentBase, ics.ComponentPropertySummary, "MCM: SQL Server 2008 rotation, block 1 of 2")
		calWant(t, &b2.ComponentBase, ics.ComponentPropertySummary, "MCM: SQL Server 2008 rotation, block 2 of 2")
		calWant(t, &b1.ComponentBase, ics.ComponentPropertyLocation, "Redmond, WA")
		calWant(t, &b1.ComponentBase, ics.ComponentPropertyDescription, "On site in Redmond, WA from 2026-03-16 to 2026-03-22 (7 days).")
		if len(b1.Alarms()) != 0 {
			t.Error("a block has an alarm")
		}
	})
	t.Run("milestone with a reminder: escaped title, display alarm", func(t *testing.T) {
		m := events["milestone-3@masterplan"]
		allDay(t, m, "20260227", "20260228")
		calWant(t, &m.ComponentBase, ics.ComponentPropertySummary, "Flights, hotel; visa\nand the car")
		calWant(t, &m.ComponentBase, ics.ComponentPropertyTransp, "TRANSPARENT")
		alarms := m.Alarms()
		if len(alarms) != 2 {
			t.Fatalf("%d alarms, want 3 days before and on the day", len(alarms))
		}
		a := &alarms[0].ComponentBase
		calWant(t, a, ics.ComponentPropertyAction, "DISPLAY")
		calWant(t, a, ics.ComponentPropertyTrigger, "-P2DT15H")
		calWant(t, a, ics.ComponentPropertyDescription, "Flights, hotel; visa\nand the car is due in 3 days.")
		onTheDay := &alarms[1].ComponentBase
		calWant(t, onTheDay, ics.ComponentPropertyTrigger, "PT9H")
		calWant(t, onTheDay, ics.ComponentPropertyDescription, "Flights, hotel; visa\nand the car is due today.")
		if !strings.Contains(raw, `SUMMARY:Flights\, hotel\; visa\nand the car`) {
			t.Error("the raw SUMMARY is not escaped as RFC 5545 says")
		}
	})
	t.Run("milestones done or without a reminder have no alarm", func(t *testing.T) {
		done := events["milestone-4@masterplan"]
		calWant(t, &done.ComponentBase, ics.ComponentPropertyDescription, "Done.")
		if len(done.Alarms()) != 0 || len(events["milestone-7@masterplan"].Alarms()) != 0 {
			t.Error("an alarm on a milestone done or without a reminder")
		}
	})
	t.Run("exam", func(t *testing.T) {
		x := events["exam-1@masterplan"]
		allDay(t, x, "20260517", "20260518")
		calWant(t, &x.ComponentBase, ics.ComponentPropertySummary, "Lab exam")
	})
	t.Run("study: wall clock with TZID, its RRULE, from the first real occurrence", func(t *testing.T) {
		s := &events["study-5@masterplan"].ComponentBase
		v, params := calProp(t, s, ics.ComponentPropertyDtStart)
		if v != "20260309T193000" || strings.Join(params["TZID"], ",") != "America/Los_Angeles" {
			t.Errorf("DTSTART = %q %v", v, params)
		}
		calWant(t, s, ics.ComponentPropertyRrule, "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=19;BYMINUTE=30")
		calWant(t, s, ics.ComponentPropertySummary, "Study session")
		calWant(t, s, ics.ComponentPropertyDescription, "Labs, then notes")
		start, err := s.GetStartAt()
		if err != nil || !start.Equal(time.Date(2026, 3, 10, 2, 30, 0, 0, time.UTC)) {
			t.Errorf("DTSTART reads back as %v, %v", start, err)
		}
	})
	t.Run("a VTIMEZONE for the TZID, with its changes", func(t *testing.T) {
		tzs := cal.Timezones()
		if len(tzs) != 1 {
			t.Fatalf("%d VTIMEZONEs", len(tzs))
		}
		calWant(t, &tzs[0].ComponentBase, ics.ComponentPropertyTzid, "America/Los_Angeles")
		var spring *ics.ComponentBase
		kinds := map[string]int{}
		for _, c := range tzs[0].Components {
			switch o := c.(type) {
			case *ics.Daylight:
				kinds["daylight"]++
				if v, _ := calProp(t, &o.ComponentBase, ics.ComponentPropertyDtStart); v == "20260308T020000" {
					spring = &o.ComponentBase
				}
			case *ics.Standard:
				kinds["standard"]++
			}
		}
		if spring == nil || kinds["daylight"] < 5 || kinds["standard"] < 5 {
			t.Fatalf("observances %v, 2026 spring found: %v", kinds, spring != nil)
		}
		calWant(t, spring, ics.ComponentProperty(ics.PropertyTzoffsetfrom), "-0800")
		calWant(t, spring, ics.ComponentProperty(ics.PropertyTzoffsetto), "-0700")
		calWant(t, spring, ics.ComponentProperty(ics.PropertyTzname), "PDT")
	})
	t.Run("calendar properties", func(t *testing.T) {
		for _, want := range []string{"VERSION:2.0\r\n", "PRODID:-//MasterPlan//MasterPlan//EN\r\n", "CALSCALE:GREGORIAN\r\n", "METHOD:PUBLISH\r\n"} {
			if !strings.Contains(raw, want) {
				t.Errorf("missing %q", want)
			}
		}
	})
	t.Run("left out: undated, disabled", func(t *testing.T) {
		for _, id := range []string{"milestone-8@masterplan", "exam-2@masterplan", "study-6@masterplan"} {
			if events[id] != nil {
				t.Errorf("%s exported", id)
			}
		}
	})
	calWantLines(t, raw)
}

// calWantLines checks the file's lines: CRLF, at most 75 octets, no bare CR or LF.
func calWantLines(t *testing.T, raw string) {
	t.Helper()
	if !strings.HasSuffix(raw, "END:VCALENDAR\r\n") {
		t.Fatal("the file does not end with END:VCALENDAR and CRLF")
	}
	for i, line := range strings.Split(strings.TrimSuffix(raw, "\r\n"), "\r\n") {
		if len(line) > 75 {
			t.Errorf("line %d is %d octets: %q", i+1, len(line), line)
		}
		if strings.ContainsAny(line, "\r\n") {
			t.Errorf("line %d holds a bare CR or LF: %q", i+1, line)
		}
		if !utf8.ValidString(line) {
			t.Errorf("line %d is cut inside a character: %q", i+1, line)
		}
	}
}

func TestWriteCalendarFoldsLongTitles(t *testing.T) {
	in := calFixture(t)
	long := "Book the flights to Seattle, the hotel in Redmond; and ask about the shuttle to the campus (twice)"
	accented := strings.Repeat("é", 60) + "—ünïcödé"
	in.Milestones = []data.Milestone{{ID: 1, Title: long, Due: data.NewDate(2026, 2, 1)}, {ID: 2, Title: accented, Due: data.NewDate(2026, 2, 2)}}
	raw, cal := calWrite(t, in)
	calWantLines(t, raw)
	if !strings.Contains(raw, "\r\n ") {
		t.Fatal("no folded line")
	}
	got := map[string]string{}
	for _, e := range cal.Events() {
		v, _ := calProp(t, &e.ComponentBase, ics.ComponentPropertySummary)
		got[e.Id()] = v
	}
	if got["milestone-1@masterplan"] != long || got["milestone-2@masterplan"] != accented {
		t.Fatalf("titles read back as %q", got)
	}
}

func TestWriteCalendarIsStable(t *testing.T) {
	in := calFixture(t)
	first, _ := calWrite(t, in)
	in.Now = in.Now.Add(48 * time.Hour)
	second, _ := calWrite(t, in)
	if first == second {
		t.Fatal("DTSTAMP did not follow Now")
	}
	strip := func(s string) string {
		var kept []string
		for _, l := range strings.Split(s, "\r\n") {
			if !strings.HasPrefix(l, "DTSTAMP:") {
				kept = append(kept, l)
			}
		}
		return strings.Join(kept, "\r\n")
	}
	if strip(first) != strip(second) {
		t.Fatal("a second export differs in more than DTSTAMP, so a re-import would not just update")
	}
}

func TestWriteCalendarStudyZones(t *testing.T) {
	tests := []struct {
		name      string
		zone      string         // the reminder's own
		user      *time.Location // CalendarInput.Zone
		wantStart string
		wantTZID  string
		wantTZs   int
	}{
		{"the user's zone when the reminder names none", "", mustLoad(t, "Europe/London"), "20260309T193000", "Europe/London", 1},
		{"UTC is written in UTC", "UTC", nil, "20260309T193000Z", "", 0},
		{"the system's unnamed zone floats", "", time.Local, "20260309T193000", "", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := data.NewReminder(data.ReminderStudy, data.NewDate(2026, 3, 7))
			r.ID, r.TimeZone = 9, tc.zone
			_, cal := calWrite(t, CalendarInput{Study: []data.Reminder{r}, Zone: tc.user, Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
			e := cal.Events()[0]
			v, params := calProp(t, &e.ComponentBase, ics.ComponentPropertyDtStart)
			if v != tc.wantStart || strings.Join(params["TZID"], "") != tc.wantTZID || len(cal.Timezones()) != tc.wantTZs {
				t.Fatalf("DTSTART %q %v with %d VTIMEZONEs", v, params, len(cal.Timezones()))
			}
		})
	}
}

func mustLoad(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func TestWriteCalendarRefuses(t *testing.T) {
	tests := []struct {
		name string
		edit func(*CalendarInput)
		want string
	}{
		{"no time", func(in *CalendarInput) { in.Now = time.Time{} }, "Now"},
		{"nothing to export", func(in *CalendarInput) { *in = CalendarInput{Now: in.Now} }, "nothing to export"},
		{"block without ID", func(in *CalendarInput) { in.Rotation.Blocks[0].ID = 0 }, "block 2026-05-04 to 2026-05-17 has no record ID"},
		{"milestone without ID", func(in *CalendarInput) { in.Milestones[0].ID = 0 }, "has no record ID"},
		{"exam without ID", func(in *CalendarInput) { in.Exams[0].ID = 0 }, `exam "Lab exam" has no record ID`},
		{"study without ID", func(in *CalendarInput) { in.Study[0].ID = 0 }, "has no record ID"},
		{"study rule spoiled", func(in *CalendarInput) { in.Study[0].RRule = "FREQ=SOMETIMES" }, `study reminder "Study session": rule:`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := calFixture(t)
			tc.edit(&in)
			var b bytes.Buffer
			err := WriteCalendar(&b, in)
			if !errors.Is(err, data.ErrInvalid) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error = %v, want ErrInvalid containing %q", err, tc.want)
			}
			if b.Len() != 0 {
				t.Fatal("wrote part of a calendar")
			}
		})
	}
}

func TestAlarmTrigger(t *testing.T) {
	tests := []struct {
		days int
		at   data.Clock
		want string
	}{
		{3, data.Clock{Hour: 9}, "-P2DT15H"},
		{3, data.Clock{}, "-P3D"},
		{0, data.Clock{Hour: 9}, "PT9H"},
		{0, data.Clock{}, "PT0S"},
		{1, data.Clock{Hour: 23, Minute: 30}, "-PT30M"},
		{2, data.Clock{Hour: 8, Minute: 15, Second: 30}, "-P1DT15H44M30S"},
		{1, data.Clock{Hour: 0, Minute: 0, Second: 1}, "-PT23H59M59S"},
	}
	for _, tc := range tests {
		t.Run(tc.want, func(t *testing.T) {
			if got := alarmTrigger(tc.days, tc.at); got != tc.want {
				t.Fatalf("alarmTrigger(%d, %v) = %q, want %q", tc.days, tc.at, got, tc.want)
			}
		})
	}
}

func TestUTCOffset(t *testing.T) {
	for secs, want := range map[int]string{0: "+0000", 3600: "+0100", -8 * 3600: "-0800", 19800: "+0530", -(3600 + 75): "-010115", 45*60 + 12*3600: "+1245"} {
		if got := utcOffset(secs); got != want {
			t.Errorf("utcOffset(%d) = %q, want %q", secs, got, want)
		}
	}
}

func TestICSText(t *testing.T) {
	tests := map[string]string{
		"plain":              "plain",
		"a\r\nb\rc\nd":       "a\nb\nc\nd",
		"bell\a and nul\x00": "bell and nul",
		"tab\tkept":          "tab\tkept",
		"bad \xff byte":      "bad \uFFFD byte",
	}
	for in, want := range tests {
		if got := icsText(in); got != want {
			t.Errorf("icsText(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzCalendarText writes any title and location into a calendar and reads
// them back: the export must never panic, always parse, keep its lines
// within 75 octets, and give back the text as icsText prepared it.
func FuzzCalendarText(f *testing.F) {
	for _, s := range []string{"", "Flights, hotel; visa", "line\nbreak\r\nand CR\r", `back\slash \n \, \;`, "é" + strings.Repeat("x", 80),
		strings.Repeat("word ", 40), ":colon;param=\"quoted\"", "\x00\x01 control", "  leading and trailing  ", strings.Repeat("日本語", 30)} {
		f.Add(s, "Redmond, WA")
	}
	f.Fuzz(func(t *testing.T, title, location string) {
		in := CalendarInput{
			Rotation:           data.Rotation{Track: title, Blocks: []data.Block{{ID: 1, Start: data.NewDate(2026, 3, 16), End: data.NewDate(2026, 3, 22), Location: location}}},
			Milestones:         []data.Milestone{{ID: 2, Title: title, Due: data.NewDate(2026, 3, 1)}},
			MilestoneAlarmDays: map[int64]int{2: 3},
			Now:                time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
		}
		raw, cal := calWrite(t, in)
		calWantLines(t, raw)
		events := cal.Events()
		if len(events) != 2 {
			t.Fatalf("%d events", len(events))
		}
		if got, _ := calProp(t, &events[0].ComponentBase, ics.ComponentPropertyLocation); got != icsText(location) {
			t.Fatalf("location %q read back as %q", icsText(location), got)
		}
		if got, _ := calProp(t, &events[1].ComponentBase, ics.ComponentPropertySummary); got != icsText(title) {
			t.Fatalf("title %q read back as %q", icsText(title), got)
		}
	})
}
