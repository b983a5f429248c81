package data_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/masterplan-app/masterplan/data"
)

func remZone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// remAt is a wall-clock instant in loc; it must exist and be unambiguous.
func remAt(t *testing.T, loc *time.Location, s string) time.Time {
	t.Helper()
	v, err := time.ParseInLocation("2006-01-02 15:04", s, loc)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func remUTC(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// remWantError fails unless err is an ErrInvalid with a message on field
// containing want.
func remWantError(t *testing.T, err error, field, want string) {
	t.Helper()
	if !errors.Is(err, data.ErrInvalid) {
		t.Fatalf("error = %v, want ErrInvalid on %q", err, field)
	}
	if msg := data.FieldMessage(err, field); !strings.Contains(msg, want) {
		t.Fatalf("message on %q = %q (all: %v), want it to contain %q", field, msg, err, want)
	}
}

func remStudy(rule string, first data.Date, zone string) data.Reminder {
	return data.Reminder{ID: 7, Kind: data.ReminderStudy, Title: "Study session", Enabled: true, RRule: rule, Day: first, TimeZone: zone}
}

// remInstants lists the occurrences' instants in UTC, RFC 3339.
func remInstants(occ []data.Occurrence) []string {
	var out []string
	for _, o := range occ {
		out = append(out, o.At.UTC().Format(time.RFC3339))
	}
	return out
}

func TestLocalInstant(t *testing.T) {
	tests := []struct {
		name  string
		zone  string
		day   data.Date
		clock data.Clock
		want  string // the wall clock of the answer, with its offset
	}{
		{"ordinary", "Europe/London", data.NewDate(2026, 3, 2), data.Clock{Hour: 19, Minute: 30}, "2026-03-02 19:30 +0000"},
		{"Los Angeles gap moves forward by the gap", "America/Los_Angeles", data.NewDate(2026, 3, 8), data.Clock{Hour: 2, Minute: 30}, "2026-03-08 03:30 -0700"},
		{"Los Angeles gap at its start", "America/Los_Angeles", data.NewDate(2026, 3, 8), data.Clock{Hour: 2}, "2026-03-08 03:00 -0700"},
		{"Los Angeles overlap: the first", "America/Los_Angeles", data.NewDate(2026, 11, 1), data.Clock{Hour: 1, Minute: 30}, "2026-11-01 01:30 -0700"},
		{"Los Angeles after the overlap", "America/Los_Angeles", data.NewDate(2026, 11, 1), data.Clock{Hour: 2, Minute: 30}, "2026-11-01 02:30 -0800"},
		{"London gap moves forward by the gap", "Europe/London", data.NewDate(2026, 3, 29), data.Clock{Hour: 1, Minute: 30}, "2026-03-29 02:30 +0100"},
		{"London overlap: the first", "Europe/London", data.NewDate(2026, 10, 25), data.Clock{Hour: 1, Minute: 30}, "2026-10-25 01:30 +0100"},
		{"half-hour gap", "Australia/Lord_Howe", data.NewDate(2025, 10, 5), data.Clock{Hour: 2, Minute: 15}, "2025-10-05 02:45 +1100"},
		{"midnight skipped", "America/Santiago", data.NewDate(2025, 9, 7), data.Clock{}, "2025-09-07 01:00 -0300"},
		{"a whole day skipped (Samoa, 2011)", "Pacific/Apia", data.NewDate(2011, 12, 30), data.Clock{Hour: 9}, "2011-12-31 09:00 +1400"},
		{"leap day", "Europe/London", data.NewDate(2028, 2, 29), data.Clock{Hour: 9}, "2028-02-29 09:00 +0000"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			loc := remZone(t, tc.zone)
			got := data.LocalInstant(tc.day, tc.clock, loc)
			if s := got.In(loc).Format("2006-01-02 15:04 -0700"); s != tc.want || got.Location() != time.UTC {
				t.Fatalf("LocalInstant = %s (%v), want %s in UTC", s, got.Location(), tc.want)
			}
		})
	}
}

func TestStudyRuleRoundTrip(t *testing.T) {
	tests := []struct {
		name     string
		days     []time.Weekday
		at       data.Clock
		wantRule string
		wantDays []time.Weekday
	}{
		{"weekdays", []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday}, data.Clock{Hour: 19, Minute: 30},
			"FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=19;BYMINUTE=30", nil},
		{"unordered with a duplicate and Sunday", []time.Weekday{time.Sunday, time.Wednesday, time.Sunday, time.Monday}, data.Clock{Hour: 7},
			"FREQ=WEEKLY;BYDAY=MO,WE,SU;BYHOUR=7;BYMINUTE=0", []time.Weekday{time.Monday, time.Wednesday, time.Sunday}},
		{"with seconds", []time.Weekday{time.Saturday}, data.Clock{Hour: 23, Minute: 59, Second: 30},
			"FREQ=WEEKLY;BYDAY=SA;BYHOUR=23;BYMINUTE=59;BYSECOND=30", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rule, err := data.StudyRule(tc.days, tc.at)
			if err != nil || rule != tc.wantRule {
				t.Fatalf("StudyRule = %q, %v; want %q", rule, err, tc.wantRule)
			}
			days, at, ok := data.StudyRuleDays(rule)
			want := tc.wantDays
			if want == nil {
				want = tc.days
			}
			if !ok || !slices.Equal(days, want) || at != tc.at {
				t.Fatalf("StudyRuleDays(%q) = %v %v %v; want %v %v", rule, days, at, ok, want, tc.at)
			}
			// What the form builds is a valid study reminder.
			r := remStudy(rule, data.NewDate(2026, 3, 2), "Europe/London")
			if err := r.Validate(remUTC(t, "2026-03-01T00:00:00Z"), time.UTC); err != nil {
				t.Fatal(err)
			}
		})
	}
	t.Run("lenient reading", func(t *testing.T) {
		days, at, ok := data.StudyRuleDays(" rrule:freq=weekly; byday=tu ;byhour=6;byminute=5 ")
		if !ok || !slices.Equal(days, []time.Weekday{time.Tuesday}) || at != (data.Clock{Hour: 6, Minute: 5}) {
			t.Fatalf("got %v %v %v", days, at, ok)
		}
	})
	for _, rule := range []string{
		"FREQ=DAILY;BYHOUR=19;BYMINUTE=30",
		"FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;BYHOUR=19;BYMINUTE=30",
		"FREQ=WEEKLY;BYDAY=MO;BYHOUR=7,19;BYMINUTE=30",
		"FREQ=WEEKLY;BYDAY=MO;BYHOUR=19;BYMINUTE=30;COUNT=4",
		"FREQ=WEEKLY;BYDAY=MO;BYHOUR=19;BYMINUTE=30;UNTIL=20260601T000000Z",
		"FREQ=MONTHLY;BYDAY=1MO;BYHOUR=19;BYMINUTE=30",
		"FREQ=WEEKLY;BYDAY=MO;BYMONTH=3;BYHOUR=19;BYMINUTE=30",
		"not a rule",
		"",
	} {
		t.Run("not checkboxes: "+rule, func(t *testing.T) {
			if days, at, ok := data.StudyRuleDays(rule); ok {
				t.Fatalf("StudyRuleDays(%q) = %v %v, want not ok", rule, days, at)
			}
		})
	}
	t.Run("refused", func(t *testing.T) {
		_, err := data.StudyRule(nil, data.Clock{Hour: 9})
		remWantError(t, err, "days", "tick at least one day")
		_, err = data.StudyRule([]time.Weekday{time.Monday}, data.Clock{Hour: 24})
		remWantError(t, err, "time", "not a time of day")
		_, err = data.StudyRule([]time.Weekday{9}, data.Clock{Hour: 9})
		remWantError(t, err, "days", "not a day of the week")
	})
}

func TestReminderValidate(t *testing.T) {
	now := remUTC(t, "2026-03-10T12:00:30Z")
	today := data.NewDate(2026, 3, 10)
	valid := func(kind string) data.Reminder {
		r := data.NewReminder(kind, today)
		if kind == data.ReminderOneOff {
			r.Title = "Call the hotel"
			r.At = data.Clock{Hour: 15}
		}
		return r
	}
	for _, kind := range data.ReminderKinds() {
		t.Run("default "+kind+" is valid", func(t *testing.T) {
			if err := valid(kind).Validate(now, time.UTC); err != nil {
				t.Fatal(err)
			}
		})
	}
	t.Run("nudges are off by default, the others on", func(t *testing.T) {
		for _, kind := range data.ReminderKinds() {
			nudge := kind == data.ReminderNudgeReading || kind == data.ReminderNudgeStudy
			if got := data.NewReminder(kind, today).Enabled; got == nudge {
				t.Errorf("%s: Enabled = %v", kind, got)
			}
		}
		if m := data.NewReminder(data.ReminderMilestone, today); m.DaysBefore != 3 || m.At != (data.Clock{Hour: 9}) {
			t.Errorf("milestone defaults = %d days at %v, want 3 at 09:00", m.DaysBefore, m.At)
		}
	})

	tests := []struct {
		name  string
		edit  func(*data.Reminder)
		kind  string
		field string
		want  string
	}{
		{"unknown kind", func(r *data.Reminder) { r.Kind = "weekly" }, data.ReminderStudy, "kind", `"weekly" is not a kind`},
		{"no title", func(r *data.Reminder) { r.Title = "  " }, data.ReminderStudy, "title", "required"},
		{"long body", func(r *data.Reminder) { r.Body = strings.Repeat("x", data.MaxNoteLen+1) }, data.ReminderOneOff, "body", "limit"},
		{"unknown zone", func(r *data.Reminder) { r.TimeZone = "Mars/Olympus" }, data.ReminderStudy, "time zone", "not a known time zone"},
		{"study without rule", func(r *data.Reminder) { r.RRule = "" }, data.ReminderStudy, "rule", "is required"},
		{"study with garbage rule", func(r *data.Reminder) { r.RRule = "every monday" }, data.ReminderStudy, "rule", "not a recurrence rule"},
		{"study hourly", func(r *data.Reminder) { r.RRule = "FREQ=HOURLY;BYHOUR=9;BYMINUTE=0" }, data.ReminderStudy, "rule", "at most daily"},
		{"study without a time", func(r *data.Reminder) { r.RRule = "FREQ=WEEKLY;BYDAY=MO" }, data.ReminderStudy, "rule", "BYHOUR and BYMINUTE"},
		{"study every few minutes", func(r *data.Reminder) {
			r.RRule = "FREQ=DAILY;BYHOUR=9,10,11;BYMINUTE=0,5,10,15,20,25,30,35,40,45,50,55"
		}, data.ReminderStudy, "rule", "rings 36 times a day"},
		{"study hour out of range", func(r *data.Reminder) { r.RRule = "FREQ=WEEKLY;BYDAY=MO;BYHOUR=25;BYMINUTE=0" }, data.ReminderStudy, "rule", "BYHOUR=25: 25 is not an hour"},
		{"study with DTSTART", func(r *data.Reminder) { r.RRule = "DTSTART:20260301T090000Z\nRRULE:FREQ=DAILY;BYHOUR=9;BYMINUTE=0" }, data.ReminderStudy, "rule", "DTSTART"},
		{"study rule that never rings", func(r *data.Reminder) { r.RRule = "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;BYHOUR=9;BYMINUTE=0" }, data.ReminderStudy, "rule", "never rings"},
		{"study rule that has ended", func(r *data.Reminder) {
			r.Day = data.NewDate(2026, 3, 1)
			r.RRule = "FREQ=DAILY;COUNT=3;BYHOUR=9;BYMINUTE=0"
		}, data.ReminderStudy, "rule", "no occurrence after now"},
		{"study without first day", func(r *data.Reminder) { r.Day = data.Date{} }, data.ReminderStudy, "day", "is required"},
		{"one-off in the past", func(r *data.Reminder) { r.At = data.Clock{Hour: 11, Minute: 59} }, data.ReminderOneOff, "day", "2026-03-10 11:59 is in the past (it is now 2026-03-10 12:00)"},
		{"one-off yesterday", func(r *data.Reminder) { r.Day = today.AddDays(-1) }, data.ReminderOneOff, "day", "in the past"},
		{"one-off without day", func(r *data.Reminder) { r.Day = data.Date{} }, data.ReminderOneOff, "day", "is required"},
		{"one-off bad time", func(r *data.Reminder) { r.At = data.Clock{Hour: 9, Minute: 60} }, data.ReminderOneOff, "time", "not a time of day"},
		{"milestone days negative", func(r *data.Reminder) { r.DaysBefore = -1 }, data.ReminderMilestone, "days before", "is -1"},
		{"milestone days too many", func(r *data.Reminder) { r.DaysBefore = 400 }, data.ReminderMilestone, "days before", "between 0"},
		{"nudge bad time", func(r *data.Reminder) { r.At = data.Clock{Hour: -1} }, data.ReminderNudgeStudy, "time", "not a time of day"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := valid(tc.kind)
			tc.edit(&r)
			remWantError(t, r.Validate(now, time.UTC), tc.field, tc.want)
		})
	}

	accepted := []struct {
		name string
		edit func(*data.Reminder)
		kind string
	}{
		{"one-off within the current minute", func(r *data.Reminder) { r.At = data.Clock{Hour: 12} }, data.ReminderOneOff},
		{"one-off in the past but off", func(r *data.Reminder) { r.Day = today.AddDays(-30); r.Enabled = false }, data.ReminderOneOff},
		{"ended rule but off", func(r *data.Reminder) {
			r.Day = data.NewDate(2026, 3, 1)
			r.RRule = "FREQ=DAILY;COUNT=3;BYHOUR=9;BYMINUTE=0"
			r.Enabled = false
		}, data.ReminderStudy},
		{"milestone on the day", func(r *data.Reminder) { r.DaysBefore = 0 }, data.ReminderMilestone},
		{"rule in any case, with a prefix", func(r *data.Reminder) { r.RRule = "RRULE:freq=daily;byhour=6;byminute=0" }, data.ReminderStudy},
	}
	for _, tc := range accepted {
		t.Run(tc.name, func(t *testing.T) {
			r := valid(tc.kind)
			tc.edit(&r)
			if err := r.Validate(now, time.UTC); err != nil {
				t.Fatal(err)
			}
		})
	}

	t.Run("one-off past or not depends on its zone", func(t *testing.T) {
		// 15:00 in Los Angeles is 22:00 UTC: still ahead at 12:00 UTC, but
		// 09:00 in Tokyo (00:00 UTC) is gone.
		r := valid(data.ReminderOneOff)
		r.TimeZone = "America/Los_Angeles"
		if err := r.Validate(now, time.UTC); err != nil {
			t.Fatal(err)
		}
		r.TimeZone = ""
		r.At = data.Clock{Hour: 9}
		remWantError(t, r.Validate(now, remZone(t, "Asia/Tokyo")), "day", "in the past")
	})
}

func TestOccurrencesAcrossDST(t *testing.T) {
	tests := []struct {
		name     string
		zone     string
		rule     string
		first    data.Date
		from, to string // wall clock in zone
		want     []string
	}{
		{"Los Angeles spring forward: 02:30 rings at 03:30 PDT", "America/Los_Angeles",
			"FREQ=WEEKLY;BYDAY=SU;BYHOUR=2;BYMINUTE=30", data.NewDate(2026, 3, 1), "2026-03-01 00:00", "2026-03-16 00:00",
			[]string{"2026-03-01T10:30:00Z", "2026-03-08T10:30:00Z", "2026-03-15T09:30:00Z"}},
		{"Los Angeles fall back: 01:30 rings once, the first", "America/Los_Angeles",
			"FREQ=WEEKLY;BYDAY=SU;BYHOUR=1;BYMINUTE=30", data.NewDate(2026, 10, 1), "2026-10-25 00:00", "2026-11-09 00:00",
			[]string{"2026-10-25T08:30:00Z", "2026-11-01T08:30:00Z", "2026-11-08T09:30:00Z"}},
		{"London spring forward: 01:30 rings at 02:30 BST", "Europe/London",
			"FREQ=WEEKLY;BYDAY=SU;BYHOUR=1;BYMINUTE=30", data.NewDate(2026, 3, 1), "2026-03-22 00:00", "2026-04-06 00:00",
			[]string{"2026-03-22T01:30:00Z", "2026-03-29T01:30:00Z", "2026-04-05T00:30:00Z"}},
		{"London fall back: 01:30 rings once, the first", "Europe/London",
			"FREQ=WEEKLY;BYDAY=SU;BYHOUR=1;BYMINUTE=30", data.NewDate(2026, 10, 1), "2026-10-18 00:00", "2026-11-02 00:00",
			[]string{"2026-10-18T00:30:00Z", "2026-10-25T00:30:00Z", "2026-11-01T01:30:00Z"}},
		{"Los Angeles evenings keep 19:30 over the change", "America/Los_Angeles",
			"FREQ=DAILY;BYHOUR=19;BYMINUTE=30", data.NewDate(2026, 3, 1), "2026-03-07 00:00", "2026-03-09 00:00",
			[]string{"2026-03-08T03:30:00Z", "2026-03-09T02:30:00Z"}},
		{"London evenings keep 19:30 over the change", "Europe/London",
			"FREQ=DAILY;BYHOUR=19;BYMINUTE=30", data.NewDate(2026, 10, 1), "2026-10-24 00:00", "2026-10-26 00:00",
			[]string{"2026-10-24T18:30:00Z", "2026-10-25T19:30:00Z"}},
		{"two times, one moved out of the gap onto the other", "America/Los_Angeles",
			"FREQ=DAILY;BYHOUR=2,3;BYMINUTE=30", data.NewDate(2026, 3, 8), "2026-03-08 00:00", "2026-03-08 23:00",
			[]string{"2026-03-08T10:30:00Z"}},
		{"times moved out of the gap past later ones: in order, each once", "America/Los_Angeles",
			"FREQ=DAILY;BYHOUR=2,3;BYMINUTE=30,15", data.NewDate(2026, 3, 8), "2026-03-08 00:00", "2026-03-08 23:00",
			[]string{"2026-03-08T10:15:00Z", "2026-03-08T10:30:00Z"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			loc := remZone(t, tc.zone)
			occ, err := data.Occurrences(remStudy(tc.rule, tc.first, tc.zone), remAt(t, loc, tc.from), remAt(t, loc, tc.to), time.UTC)
			if err != nil {
				t.Fatal(err)
			}
			if got := remInstants(occ); !slices.Equal(got, tc.want) {
				t.Fatalf("occurrences = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestOccurrencesCalendarEdges(t *testing.T) {
	london := remZone(t, "Europe/London")
	tests := []struct {
		name     string
		rule     string
		first    data.Date
		from, to string
		want     []string // local dates
	}{
		{"the 31st skips shorter months", "FREQ=MONTHLY;BYMONTHDAY=31;BYHOUR=9;BYMINUTE=0", data.NewDate(2026, 1, 1), "2026-01-01 00:00", "2027-01-01 00:00",
			[]string{"2026-01-31", "2026-03-31", "2026-05-31", "2026-07-31", "2026-08-31", "2026-10-31", "2026-12-31"}},
		{"the last day of every month", "FREQ=MONTHLY;BYMONTHDAY=-1;BYHOUR=9;BYMINUTE=0", data.NewDate(2027, 1, 1), "2027-01-01 00:00", "2027-05-01 00:00",
			[]string{"2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30"}},
		{"the last day of February in a leap year", "FREQ=MONTHLY;BYMONTHDAY=-1;BYHOUR=9;BYMINUTE=0", data.NewDate(2028, 2, 1), "2028-02-01 00:00", "2028-03-01 00:00",
			[]string{"2028-02-29"}},
		{"a leap day rings in leap years only", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;BYHOUR=9;BYMINUTE=0", data.NewDate(2026, 1, 1), "2026-01-01 00:00", "2033-01-01 00:00",
			[]string{"2028-02-29", "2032-02-29"}},
		{"nothing before the first day", "FREQ=DAILY;BYHOUR=9;BYMINUTE=0", data.NewDate(2026, 3, 5), "2026-03-01 00:00", "2026-03-06 23:00",
			[]string{"2026-03-05", "2026-03-06"}},
		{"UNTIL is an instant, included", "FREQ=DAILY;BYHOUR=9;BYMINUTE=0;UNTIL=20260703T080000Z", data.NewDate(2026, 7, 1), "2026-07-01 00:00", "2026-07-10 00:00",
			[]string{"2026-07-01", "2026-07-02", "2026-07-03"}},
		{"COUNT counts from the first day", "FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=9;BYMINUTE=0;COUNT=3", data.NewDate(2026, 3, 1), "2026-03-01 00:00", "2026-04-01 00:00",
			[]string{"2026-03-02", "2026-03-05", "2026-03-09"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			occ, err := data.Occurrences(remStudy(tc.rule, tc.first, ""), remAt(t, london, tc.from), remAt(t, london, tc.to), london)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, o := range occ {
				if o.At.In(london).Format("15:04") != "09:00" {
					t.Errorf("%v is not at 09:00 in London", o.At)
				}
				got = append(got, data.DateOf(o.At, london).String())
			}
			if !slices.Equal(got, tc.want) {
				t.Fatalf("days = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestOccurrencesWindowAndKeys(t *testing.T) {
	rule := "FREQ=DAILY;BYHOUR=19;BYMINUTE=30"
	r := remStudy(rule, data.NewDate(2026, 3, 1), "UTC")
	at := remUTC(t, "2026-03-02T19:30:00Z")
	t.Run("from is excluded, to included", func(t *testing.T) {
		occ, _ := data.Occurrences(r, at, at.Add(24*time.Hour), nil)
		if got := remInstants(occ); !slices.Equal(got, []string{"2026-03-03T19:30:00Z"}) {
			t.Fatalf("got %v", got)
		}
	})
	t.Run("an empty or reversed window has none", func(t *testing.T) {
		for _, to := range []time.Time{at, at.Add(-time.Hour)} {
			if occ, err := data.Occurrences(r, at, to, nil); len(occ) != 0 || err != nil {
				t.Fatalf("got %v, %v", occ, err)
			}
		}
	})
	t.Run("disabled rings never", func(t *testing.T) {
		off := r
		off.Enabled = false
		if occ, err := data.Occurrences(off, at.Add(-48*time.Hour), at, nil); len(occ) != 0 || err != nil {
			t.Fatalf("got %v, %v", occ, err)
		}
	})
	t.Run("keys name reminder and instant, the same in any window", func(t *testing.T) {
		a, _ := data.Occurrences(r, at.Add(-time.Hour), at, nil)
		b, _ := data.Occurrences(r, at.Add(-72*time.Hour), at.Add(time.Hour), nil)
		if len(a) != 1 || a[0].Key != "reminder:7:2026-03-02T19:30:00Z" || b[len(b)-1].Key != a[0].Key {
			t.Fatalf("keys %v and %v", a, b)
		}
		if a[0].Title != "Study session" || a[0].ReminderID != 7 || a[0].Kind != data.ReminderStudy {
			t.Fatalf("occurrence = %+v", a[0])
		}
	})
	t.Run("a reminder without a zone follows the user's", func(t *testing.T) {
		noZone := remStudy(rule, data.NewDate(2026, 3, 1), "")
		la := remZone(t, "America/Los_Angeles")
		occ, _ := data.Occurrences(noZone, remAt(t, la, "2026-03-02 00:00"), remAt(t, la, "2026-03-03 00:00"), la)
		if got := remInstants(occ); !slices.Equal(got, []string{"2026-03-03T03:30:00Z"}) {
			t.Fatalf("got %v", got)
		}
	})
	t.Run("one-off", func(t *testing.T) {
		one := data.Reminder{ID: 3, Kind: data.ReminderOneOff, Title: "Pay the fee", Enabled: true, Day: data.NewDate(2028, 2, 29), At: data.Clock{Hour: 8, Minute: 15}, TimeZone: "Europe/London"}
		occ, err := data.Occurrences(one, remUTC(t, "2028-02-29T00:00:00Z"), remUTC(t, "2028-03-01T00:00:00Z"), nil)
		if err != nil || len(occ) != 1 || occ[0].Key != "reminder:3:2028-02-29T08:15:00Z" {
			t.Fatalf("got %v, %v", occ, err)
		}
		if occ, _ := data.Occurrences(one, remUTC(t, "2028-02-29T08:15:00Z"), remUTC(t, "2028-03-01T00:00:00Z"), nil); len(occ) != 0 {
			t.Fatalf("rang again after it rang: %v", occ)
		}
	})
	t.Run("milestone kinds need their own function", func(t *testing.T) {
		_, err := data.Occurrences(data.NewReminder(data.ReminderMilestone, data.NewDate(2026, 1, 1)), at, at.Add(time.Hour), nil)
		remWantError(t, err, "kind", "MilestoneOccurrences")
	})
	t.Run("a spoiled rule is an error, not a panic", func(t *testing.T) {
		bad := remStudy("FREQ=SOMETIMES", data.NewDate(2026, 3, 1), "")
		_, err := data.Occurrences(bad, at, at.Add(time.Hour), nil)
		remWantError(t, err, "rule", "not a recurrence rule")
		bad = remStudy(rule, data.Date{}, "")
		_, err = data.Occurrences(bad, at, at.Add(time.Hour), nil)
		remWantError(t, err, "day", "is required")
	})
}

func TestMilestoneOccurrences(t *testing.T) {
	la := remZone(t, "America/Los_Angeles")
	rem := data.NewReminder(data.ReminderMilestone, data.NewDate(2026, 1, 1))
	rem.ID = 2
	ms := []data.Milestone{
		{ID: 10, Title: "Flights booked", Due: data.NewDate(2026, 3, 11)},             // rings 03-08, a DST day
		{ID: 11, Title: "Hotel booked", Due: data.NewDate(2026, 3, 20)},               // own setting: 1 day before
		{ID: 12, Title: "Fee paid", Due: data.NewDate(2026, 3, 12)},                   // turned off
		{ID: 13, Title: "Leave approved", Due: data.NewDate(2026, 3, 12), Done: true}, // done
		{ID: 14, Title: "Someday", Due: data.Date{}},                                  // no date
		{ID: 15, Title: "Reading finished", Due: data.NewDate(2028, 3, 2)},            // over a leap day
	}
	settings := map[int64]data.MilestoneSetting{11: {DaysBefore: 1}, 12: {Off: true}}
	from := remAt(t, la, "2026-03-01 00:00")
	occ, err := data.MilestoneOccurrences(rem, ms, settings, nil, from, remAt(t, la, "2028-12-31 00:00"), la)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ key, local, body string }{
		{"milestone:10:2026-03-11", "2026-03-08 09:00 PDT", "Due in 3 days, on Wednesday 11 March 2026."},
		{"milestone:10:2026-03-11:due-day", "2026-03-11 09:00 PDT", "Due today, Wednesday 11 March 2026."},
		{"milestone:11:2026-03-20", "2026-03-19 09:00 PDT", "Due tomorrow, Friday 20 March 2026."},
		{"milestone:11:2026-03-20:due-day", "2026-03-20 09:00 PDT", "Due today, Friday 20 March 2026."},
		{"milestone:15:2028-03-02", "2028-02-28 09:00 PST", "Due in 3 days, on Thursday 2 March 2028."},
		{"milestone:15:2028-03-02:due-day", "2028-03-02 09:00 PST", "Due today, Thursday 2 March 2028."},
	}
	if len(occ) != len(want) {
		t.Fatalf("got %d occurrences %v, want %d", len(occ), occ, len(want))
	}
	for i, w := range want {
		o := occ[i]
		if o.Key != w.key || o.At.In(la).Format("2006-01-02 15:04 MST") != w.local || o.Body != w.body || o.ReminderID != 2 || o.MilestoneID == 0 {
			t.Errorf("occurrence %d = %+v (%s), want %+v", i, o, o.At.In(la), w)
		}
	}
	t.Run("on the day, with the reminder's own text", func(t *testing.T) {
		r := rem
		r.DaysBefore = 0
		r.Body = "Check the list."
		occ, _ := data.MilestoneOccurrences(r, ms[:1], nil, nil, from, remAt(t, la, "2026-04-01 00:00"), la)
		if len(occ) != 1 || occ[0].Body != "Due today, Wednesday 11 March 2026.\nCheck the list." {
			t.Fatalf("got %+v", occ)
		}
	})
	t.Run("turned off rings never", func(t *testing.T) {
		r := rem
		r.Enabled = false
		if occ, err := data.MilestoneOccurrences(r, ms, nil, nil, from, remAt(t, la, "2029-01-01 00:00"), la); len(occ) != 0 || err != nil {
			t.Fatalf("got %v, %v", occ, err)
		}
	})
	t.Run("alarm days for the calendar", func(t *testing.T) {
		got := data.MilestoneAlarmDays(rem, ms, settings)
		want := map[int64]int{10: 3, 11: 1, 15: 3}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("MilestoneAlarmDays = %v, want %v", got, want)
		}
		off := rem
		off.Enabled = false
		if got := data.MilestoneAlarmDays(off, ms, settings); len(got) != 0 {
			t.Fatalf("with the reminder off = %v", got)
		}
	})
	t.Run("wrong kind", func(t *testing.T) {
		_, err := data.MilestoneOccurrences(remStudy("FREQ=DAILY;BYHOUR=1;BYMINUTE=0", data.NewDate(2026, 1, 1), ""), ms, nil, nil, from, from.Add(time.Hour), la)
		remWantError(t, err, "kind", "milestone reminder")
	})
	t.Run("setting validation", func(t *testing.T) {
		remWantError(t, data.MilestoneSetting{DaysBefore: -2}.Validate(), "days before", "is -2")
		if err := (data.MilestoneSetting{Off: true}).Validate(); err != nil {
			t.Fatal(err)
		}
	})
}

func TestScheduleBetweenAndNext(t *testing.T) {
	london := remZone(t, "Europe/London")
	study := remStudy("FREQ=WEEKLY;BYDAY=MO,WE;BYHOUR=19;BYMINUTE=30", data.NewDate(2026, 3, 1), "")
	one := data.Reminder{ID: 8, Kind: data.ReminderOneOff, Title: "Pay the fee", Enabled: true, Day: data.NewDate(2026, 3, 3), At: data.Clock{Hour: 12}}
	ms := data.NewReminder(data.ReminderMilestone, data.NewDate(2026, 1, 1))
	ms.ID = 9
	twin := ms // a second milestone reminder must not ring the same milestone twice
	twin.ID = 10
	bad := remStudy("FREQ=NEVER", data.NewDate(2026, 3, 1), "")
	bad.ID = 11
	nudge := data.NewReminder(data.ReminderNudgeReading, data.NewDate(2026, 1, 1))
	nudge.Enabled = true
	s := data.Schedule{
		Reminders:  []data.Reminder{study, one, ms, twin, bad, nudge},
		Milestones: []data.Milestone{{ID: 20, Title: "Flights booked", Due: data.NewDate(2026, 3, 7)}},
		Zone:       london,
	}
	occ, err := s.Between(remAt(t, london, "2026-03-02 00:00"), remAt(t, london, "2026-03-05 00:00"))
	remWantError(t, err, "rule", "not a recurrence rule")
	if !strings.Contains(err.Error(), "reminder 11") {
		t.Errorf("error %v does not name the reminder", err)
	}
	var keys []string
	for _, o := range occ {
		keys = append(keys, o.Key)
	}
	want := []string{"reminder:7:2026-03-02T19:30:00Z", "reminder:8:2026-03-03T12:00:00Z", "milestone:20:2026-03-07", "reminder:7:2026-03-04T19:30:00Z"}
	if !slices.Equal(keys, want) {
		t.Fatalf("keys = %v, want %v", keys, want)
	}
	t.Run("next", func(t *testing.T) {
		s.Reminders = []data.Reminder{study, one}
		next, err := s.Next(remAt(t, london, "2026-03-03 12:00"), 2)
		if err != nil {
			t.Fatal(err)
		}
		if got := remInstants(next); !slices.Equal(got, []string{"2026-03-04T19:30:00Z", "2026-03-09T19:30:00Z"}) {
			t.Fatalf("next = %v", got)
		}
		if none, _ := s.Next(remAt(t, london, "2026-03-03 12:00"), 0); len(none) != 0 {
			t.Fatalf("n = 0 gave %v", none)
		}
	})
}

func TestCatchUp(t *testing.T) {
	london := remZone(t, "Europe/London")
	study := remStudy("FREQ=DAILY;BYHOUR=19;BYMINUTE=30", data.NewDate(2026, 3, 1), "")
	study.Body = "Chapter 4"
	occOf := func(r data.Reminder, from, to string) []data.Occurrence {
		t.Helper()
		occ, err := data.Occurrences(r, remAt(t, london, from), remAt(t, london, to), london)
		if err != nil {
			t.Fatal(err)
		}
		return occ
	}
	mon := occOf(study, "2026-03-02 00:00", "2026-03-05 00:00") // Mon, Tue, Wed 19:30
	one := data.Reminder{ID: 8, Kind: data.ReminderOneOff, Title: "Pay the fee", Enabled: true, Day: data.NewDate(2026, 3, 3), At: data.Clock{Hour: 12}}
	fee := occOf(one, "2026-03-01 00:00", "2026-03-10 00:00")

	t.Run("nothing due, nothing shown", func(t *testing.T) {
		if got := data.CatchUp(nil, time.Now(), london); len(got) != 0 {
			t.Fatalf("got %v", got)
		}
	})
	t.Run("on time", func(t *testing.T) {
		got := data.CatchUp(mon[:1], mon[0].At.Add(time.Minute), london)
		if len(got) != 1 || got[0].Title != "Study session" || got[0].Body != "Chapter 4" || !slices.Equal(got[0].Keys, []string{mon[0].Key}) {
			t.Fatalf("got %+v", got)
		}
	})
	t.Run("one, late", func(t *testing.T) {
		got := data.CatchUp(mon[:1], mon[0].At.Add(2*time.Hour), london)
		if len(got) != 1 || got[0].Title != "Study session" || got[0].Body != "Missed: Mon 19:30\nChapter 4" {
			t.Fatalf("got %+v", got)
		}
	})
	t.Run("three missed become one, with another reminder apart", func(t *testing.T) {
		due := append(slices.Clone(fee), mon...)
		due = append(due, mon[1]) // the same occurrence twice counts once
		got := data.CatchUp(due, remAt(t, london, "2026-03-05 08:00"), london)
		if len(got) != 2 {
			t.Fatalf("got %d notifications: %+v", len(got), got)
		}
		s := got[0]
		if s.Title != "3 missed: Study session" || s.Body != "Mon 19:30, Tue 19:30, Wed 19:30\nChapter 4" ||
			!slices.Equal(s.Keys, []string{mon[0].Key, mon[1].Key, mon[2].Key}) || s.ReminderID != 7 || !s.At.Equal(mon[2].At) {
			t.Fatalf("study notification = %+v", s)
		}
		if f := got[1]; f.Title != "Pay the fee" || f.Body != "Missed: Tue 12:00" || len(f.Keys) != 1 {
			t.Fatalf("fee notification = %+v", f)
		}
	})
	t.Run("a long absence lists dates and cuts the list", func(t *testing.T) {
		month := occOf(study, "2026-03-01 00:00", "2026-03-13 00:00") // 12 occurrences
		got := data.CatchUp(month, remAt(t, london, "2026-03-13 08:00"), london)
		if len(got) != 1 || got[0].Title != "12 missed: Study session" || len(got[0].Keys) != 12 ||
			got[0].Body != "Sun 1 Mar 19:30, Mon 2 Mar 19:30, Tue 3 Mar 19:30, Wed 4 Mar 19:30, Thu 5 Mar 19:30 and 7 more\nChapter 4" {
			t.Fatalf("got %+v", got)
		}
	})
	t.Run("milestones stay apart and a nudge is never 'missed'", func(t *testing.T) {
		ms := data.NewReminder(data.ReminderMilestone, data.NewDate(2026, 1, 1))
		occ, _ := data.MilestoneOccurrences(ms, []data.Milestone{
			{ID: 1, Title: "Flights booked", Due: data.NewDate(2026, 3, 5)},
			{ID: 2, Title: "Hotel booked", Due: data.NewDate(2026, 3, 5)},
		}, nil, nil, remAt(t, london, "2026-03-01 00:00"), remAt(t, london, "2026-03-05 00:00"), london)
		nudge := data.NewReminder(data.ReminderNudgeStudy, data.NewDate(2026, 1, 1))
		nudge.Enabled = true
		n, ok, _ := data.NudgeOccurrence(nudge, remAt(t, london, "2026-03-04 22:00"), london, "Behind.")
		if !ok {
			t.Fatal("no nudge")
		}
		got := data.CatchUp(append(occ, n), remAt(t, london, "2026-03-04 22:00"), london)
		if len(got) != 3 || got[0].Title != "Flights booked" || got[1].Title != "Hotel booked" || got[2].Body != "Behind." {
			t.Fatalf("got %+v", got)
		}
	})
}

func TestSnoozeUntil(t *testing.T) {
	la := remZone(t, "America/Los_Angeles")
	london := remZone(t, "Europe/London")
	tests := []struct {
		name  string
		loc   *time.Location
		s     data.Snooze
		now   time.Time
		local string // wall clock of the answer in loc
	}{
		{"10 minutes", la, data.Snooze10Minutes, remAt(t, la, "2026-03-02 19:30"), "2026-03-02 19:40 PST"},
		{"an hour across spring forward is an hour of time", la, data.SnoozeHour, remAt(t, la, "2026-03-08 01:30"), "2026-03-08 03:30 PDT"},
		{"an hour across fall back is an hour of time", london, data.SnoozeHour, remUTC(t, "2026-10-25T00:30:00Z"), "2026-10-25 01:30 GMT"},
		{"tomorrow morning over spring forward", la, data.SnoozeTomorrowMorning, remAt(t, la, "2026-03-07 22:00"), "2026-03-08 08:00 PDT"},
		{"tomorrow morning over fall back", london, data.SnoozeTomorrowMorning, remAt(t, london, "2026-10-24 20:00"), "2026-10-25 08:00 GMT"},
		{"tomorrow morning at breakfast is the next day", london, data.SnoozeTomorrowMorning, remAt(t, london, "2026-03-02 07:00"), "2026-03-03 08:00 GMT"},
		{"tomorrow morning over a month end", london, data.SnoozeTomorrowMorning, remAt(t, london, "2028-02-28 21:00"), "2028-02-29 08:00 GMT"},
		{"at 01:00 the night still counts as the day before", london, data.SnoozeTomorrowMorning, remAt(t, london, "2026-03-03 01:00"), "2026-03-03 08:00 GMT"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := data.SnoozeUntil(tc.s, tc.now, tc.loc)
			if err != nil {
				t.Fatal(err)
			}
			if s := got.In(tc.loc).Format("2006-01-02 15:04 MST"); s != tc.local || got.Location() != time.UTC {
				t.Fatalf("SnoozeUntil = %s, want %s", s, tc.local)
			}
		})
	}
	t.Run("unknown choice", func(t *testing.T) {
		_, err := data.SnoozeUntil(data.Snooze(9), time.Now(), la)
		remWantError(t, err, "snooze", "not a snooze choice")
	})
	t.Run("names and key", func(t *testing.T) {
		if got := fmt.Sprint(data.Snooze10Minutes, "|", data.SnoozeHour, "|", data.SnoozeTomorrowMorning); got != "10 minutes|1 hour|tomorrow morning" {
			t.Fatalf("names = %q", got)
		}
		if k := data.SnoozeKey("reminder:7:2026-03-02T19:30:00Z", remUTC(t, "2026-03-02T19:40:00Z")); k != "snooze:2026-03-02T19:40:00Z:reminder:7:2026-03-02T19:30:00Z" {
			t.Fatalf("key = %q", k)
		}
	})
}

func TestNudges(t *testing.T) {
	today := data.NewDate(2026, 3, 10)
	reading := []struct {
		name             string
		finish, deadline data.Date
		behind           bool
		msg              string
	}{
		{"on track", today.AddDays(10), today.AddDays(20), false, ""},
		{"finishing on the deadline", today.AddDays(20), today.AddDays(20), false, ""},
		{"behind", today.AddDays(25), today.AddDays(20), true, "ends on 2026-04-04, 5 days after the deadline 2026-03-30"},
		{"one day behind", today.AddDays(21), today.AddDays(20), true, "1 day after"},
		{"nothing read lately", data.Date{}, today.AddDays(1), true, "Nothing read lately, and the reading list is due in 1 day, on 2026-03-11"},
		{"no rotation, no deadline", data.Date{}, data.Date{}, false, ""},
		{"deadline passed", data.Date{}, today.AddDays(-1), false, ""},
	}
	for _, tc := range reading {
		t.Run("reading: "+tc.name, func(t *testing.T) {
			behind, msg := data.BehindOnReading(tc.finish, tc.deadline, today)
			if behind != tc.behind || !strings.Contains(msg, tc.msg) || (!behind && msg != "") {
				t.Fatalf("BehindOnReading = %v %q, want %v %q", behind, msg, tc.behind, tc.msg)
			}
		})
	}
	study := []struct {
		name        string
		hours, goal float64
		daysDone    int
		below       bool
		msg         string
	}{
		{"first day never nudges", 0, 10, 0, false, ""},
		{"on track", 3, 10, 2, false, ""},
		{"below", 1, 10, 3, true, "1 of 10 hours studied this week; 4.3 would be on track after 3 days."},
		{"below, to a tenth", 0.25, 7.5, 2, true, "0.3 of 7.5 hours studied this week; 2.1 would be"},
		{"week over, short", 9.5, 10, 7, true, "after 7 days"},
		{"past the week's end counts as the week", 9.5, 10, 9, true, "after 7 days"},
		{"goal reached", 10, 10, 7, false, ""},
		{"no goal", 0, 0, 5, false, ""},
	}
	for _, tc := range study {
		t.Run("study: "+tc.name, func(t *testing.T) {
			below, msg := data.BelowStudyGoal(tc.hours, tc.goal, tc.daysDone)
			if below != tc.below || !strings.Contains(msg, tc.msg) || (!below && msg != "") {
				t.Fatalf("BelowStudyGoal = %v %q, want %v %q", below, msg, tc.below, tc.msg)
			}
		})
	}
	t.Run("days done in the week", func(t *testing.T) {
		// 2026-03-10 is a Tuesday.
		if n := data.WeekDaysDone(today, time.Monday); n != 1 {
			t.Errorf("Monday weeks: %d", n)
		}
		if n := data.WeekDaysDone(today, time.Wednesday); n != 6 {
			t.Errorf("Wednesday weeks: %d", n)
		}
	})

	la := remZone(t, "America/Los_Angeles")
	nudge := data.NewReminder(data.ReminderNudgeReading, today)
	nudge.ID = 4
	t.Run("off by default", func(t *testing.T) {
		if _, ok, err := data.NudgeOccurrence(nudge, remAt(t, la, "2026-03-10 20:00"), la, "x"); ok || err != nil {
			t.Fatalf("got %v %v", ok, err)
		}
	})
	nudge.Enabled = true
	t.Run("not before its time", func(t *testing.T) {
		if _, ok, _ := data.NudgeOccurrence(nudge, remAt(t, la, "2026-03-10 17:59"), la, "x"); ok {
			t.Fatal("rang before 18:00")
		}
	})
	t.Run("once a day: the key is the day", func(t *testing.T) {
		a, ok1, _ := data.NudgeOccurrence(nudge, remAt(t, la, "2026-03-10 18:05"), la, "Behind by 5 days.")
		b, ok2, _ := data.NudgeOccurrence(nudge, remAt(t, la, "2026-03-10 23:30"), la, "Behind by 5 days.")
		c, ok3, _ := data.NudgeOccurrence(nudge, remAt(t, la, "2026-03-11 18:00"), la, "Behind by 5 days.")
		if !ok1 || !ok2 || !ok3 || a.Key != "nudge-reading:2026-03-10" || b.Key != a.Key || c.Key != "nudge-reading:2026-03-11" {
			t.Fatalf("keys %q %q %q", a.Key, b.Key, c.Key)
		}
		if a.Title != "Behind on reading" || a.Body != "Behind by 5 days." || a.At.In(la).Format("15:04") != "18:00" {
			t.Fatalf("occurrence = %+v", a)
		}
	})
	t.Run("only nudges", func(t *testing.T) {
		_, _, err := data.NudgeOccurrence(remStudy("FREQ=DAILY;BYHOUR=1;BYMINUTE=0", today, ""), time.Now(), la, "x")
		remWantError(t, err, "kind", "only nudges")
	})
}

func TestReminderDescribeAndSeries(t *testing.T) {
	today := data.NewDate(2026, 3, 7) // a Saturday
	describe := []struct {
		r    data.Reminder
		want string
	}{
		{data.NewReminder(data.ReminderStudy, today), "Mon-Fri at 19:30"},
		{remStudy("FREQ=WEEKLY;BYDAY=MO,WE,FR,SA,SU;BYHOUR=7;BYMINUTE=5", today, ""), "Mon, Wed, Fri-Sun at 07:05"},
		{remStudy("FREQ=WEEKLY;BYDAY=SU,MO,TU,WE,TH,FR,SA;BYHOUR=7;BYMINUTE=0", today, ""), "Every day at 07:00"},
		{remStudy("FREQ=MONTHLY;BYMONTHDAY=-1;BYHOUR=9;BYMINUTE=0", today, ""), "Repeats FREQ=MONTHLY;BYMONTHDAY=-1;BYHOUR=9;BYMINUTE=0"},
		{data.NewReminder(data.ReminderMilestone, today), "3 days before each milestone and on its due day, at 09:00"},
		{data.Reminder{Kind: data.ReminderMilestone, DaysBefore: 1, At: data.Clock{Hour: 9}}, "1 day before each milestone and on its due day, at 09:00"},
		{data.Reminder{Kind: data.ReminderMilestone, At: data.Clock{Hour: 8}}, "On each milestone's due day at 08:00"},
		{data.NewReminder(data.ReminderOneOff, today), "2026-03-07 at 09:00"},
		{data.NewReminder(data.ReminderNudgeStudy, today), "At most daily, from 18:00"},
	}
	for _, tc := range describe {
		t.Run("describe "+tc.want, func(t *testing.T) {
			if got := tc.r.Describe(); got != tc.want {
				t.Fatalf("Describe = %q, want %q", got, tc.want)
			}
		})
	}

	t.Run("series starts on the first real occurrence", func(t *testing.T) {
		r := data.NewReminder(data.ReminderStudy, today)
		r.RRule = "rrule:freq=weekly;byday=mo,tu,we,th,fr;byhour=19;byminute=30"
		s, err := r.Series(remZone(t, "Europe/London"))
		if err != nil {
			t.Fatal(err)
		}
		if s.FirstDay != data.NewDate(2026, 3, 9) || s.At != (data.Clock{Hour: 19, Minute: 30}) ||
			s.Rule != "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=19;BYMINUTE=30" || s.Location.String() != "Europe/London" {
			t.Fatalf("series = %+v", s)
		}
	})
	t.Run("series of a rule that never rings", func(t *testing.T) {
		r := remStudy("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;BYHOUR=9;BYMINUTE=0", today, "")
		_, err := r.Series(time.UTC)
		remWantError(t, err, "rule", "never rings")
		_, err = data.NewReminder(data.ReminderOneOff, today).Series(time.UTC)
		remWantError(t, err, "kind", "only study")
	})
}

func TestReminderKeysAreDistinct(t *testing.T) {
	at := time.Date(2026, 3, 2, 19, 30, 0, 0, time.UTC)
	keys := []string{
		data.ReminderKey(1, at),
		data.ReminderKey(2, at),
		data.ReminderKey(1, at.Add(time.Second)),
		data.MilestoneKey(1, data.NewDate(2026, 3, 2)),
		data.MilestoneDueDayKey(1, data.NewDate(2026, 3, 2)),
		data.NudgeKey(data.ReminderNudgeReading, data.NewDate(2026, 3, 2)),
		data.NudgeKey(data.ReminderNudgeStudy, data.NewDate(2026, 3, 2)),
		data.SnoozeKey(data.ReminderKey(1, at), at.Add(time.Hour)),
	}
	seen := map[string]bool{}
	for _, k := range keys {
		if seen[k] {
			t.Fatalf("key %q twice", k)
		}
		seen[k] = true
	}
	// The same instant in another zone is the same key.
	if data.ReminderKey(1, at.In(time.FixedZone("x", 3600))) != keys[0] {
		t.Fatal("key depends on the zone of the time value")
	}
}
