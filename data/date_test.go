package data_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the zone tests must not depend on the machine's tzdata

	"github.com/masterplan-app/masterplan/data"
)

// fDate parses a YYYY-MM-DD date or fails the test.
func fDate(t testing.TB, s string) data.Date {
	t.Helper()
	d, err := data.ParseDate("test", s)
	if err != nil {
		t.Fatalf("ParseDate(%q): %v", s, err)
	}
	return d
}

// fZone loads an IANA zone or fails the test.
func fZone(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatalf("load zone %s: %v", name, err)
	}
	return loc
}

// fInstant parses an RFC 3339 instant or fails the test.
func fInstant(t testing.TB, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatalf("parse instant %q: %v", s, err)
	}
	return v
}

// fBlock is a valid block in Redmond from start to end.
func fBlock(t testing.TB, start, end string) data.Block {
	t.Helper()
	return data.Block{Start: fDate(t, start), End: fDate(t, end), Location: "Redmond, Washington", TimeZone: "America/Los_Angeles"}
}

func TestParseDate(t *testing.T) {
	valid := []struct {
		name, in string
		y        int
		m        time.Month
		d        int
	}{
		{"ordinary day", "2026-03-16", 2026, time.March, 16},
		{"leap day in a leap year", "2024-02-29", 2024, time.February, 29},
		{"leap day in a century divisible by 400", "2000-02-29", 2000, time.February, 29},
		{"last day of the year", "2026-12-31", 2026, time.December, 31},
		{"published rotation start", "2009-01-05", 2009, time.January, 5},
	}
	for _, tc := range valid {
		t.Run(tc.name, func(t *testing.T) {
			got, err := data.ParseDate("start", tc.in)
			if err != nil {
				t.Fatalf("ParseDate(%q) = %v, want no error", tc.in, err)
			}
			if got.Year() != tc.y || got.Month() != tc.m || got.Day() != tc.d {
				t.Errorf("ParseDate(%q) = %d-%d-%d, want %d-%d-%d", tc.in, got.Year(), got.Month(), got.Day(), tc.y, tc.m, tc.d)
			}
			if got.String() != tc.in {
				t.Errorf("String() = %q, want %q", got.String(), tc.in)
			}
			if got.IsZero() {
				t.Error("a parsed date must not be the zero Date")
			}
		})
	}

	invalid := []struct{ name, in string }{
		{"29 February in a common year", "2025-02-29"},
		{"29 February in a century not divisible by 400", "1900-02-29"},
		{"31 April", "2024-04-31"},
		{"30 February", "2024-02-30"},
		{"month 13", "2024-13-01"},
		{"month 0", "2024-00-10"},
		{"day 0", "2024-01-00"},
		{"day 32", "2024-01-32"},
		{"empty", ""},
		{"garbage", "next tuesday"},
		{"binary", "\x00\xff\xfe"},
		{"no leading zeros", "2024-1-5"},
		{"day first", "16/03/2026"},
		{"with a time", "2024-02-29T10:00:00Z"},
		{"leading space", " 2024-02-29"},
		{"trailing text", "2024-02-29x"},
	}
	for _, tc := range invalid {
		t.Run(tc.name, func(t *testing.T) {
			got, err := data.ParseDate("due", tc.in)
			if err == nil {
				t.Fatalf("ParseDate(%q) = %s, want an error", tc.in, got)
			}
			if !errors.Is(err, data.ErrInvalid) {
				t.Errorf("error %v does not match ErrInvalid", err)
			}
			msg := data.FieldMessage(err, "due")
			if msg == "" {
				t.Fatalf("error %v names no field \"due\"", err)
			}
			if !strings.Contains(msg, "YYYY-MM-DD") {
				t.Errorf("message %q does not say how to write a date", msg)
			}
			if !got.IsZero() {
				t.Errorf("a refused date came back as %s, want the zero Date", got)
			}
		})
	}
}

func TestDateArithmetic(t *testing.T) {
	tests := []struct {
		name     string
		from     string
		days     int
		want     string
		wantDiff int // from.DaysUntil(want); equals days
	}{
		{"into a leap day", "2024-02-28", 1, "2024-02-29", 1},
		{"over a leap day", "2024-02-28", 2, "2024-03-01", 2},
		{"no leap day in 2025", "2025-02-28", 1, "2025-03-01", 1},
		{"back over a leap day", "2024-03-01", -1, "2024-02-29", -1},
		{"over the US spring-forward night", "2026-03-07", 2, "2026-03-09", 2},
		{"over the US fall-back night", "2026-10-31", 2, "2026-11-02", 2},
		{"over the EU spring-forward night", "2026-03-28", 2, "2026-03-30", 2},
		{"over the EU fall-back night", "2026-10-24", 2, "2026-10-26", 2},
		{"a leap year", "2024-01-01", 366, "2025-01-01", 366},
		{"a common year", "2025-01-01", 365, "2026-01-01", 365},
		{"over the new year", "2026-12-31", 1, "2027-01-01", 1},
		{"zero days", "2026-03-16", 0, "2026-03-16", 0},
		{"back to the published rotation", "2026-03-08", -6271, "2009-01-05", -6271},
		{"beyond the 292 years a Duration holds", "1900-01-01", 109937, "2200-12-31", 109937},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			from, want := fDate(t, tc.from), fDate(t, tc.want)
			if got := from.AddDays(tc.days); got != want {
				t.Errorf("%s.AddDays(%d) = %s, want %s", from, tc.days, got, want)
			}
			if got := from.DaysUntil(want); got != tc.wantDiff {
				t.Errorf("%s.DaysUntil(%s) = %d, want %d", from, want, got, tc.wantDiff)
			}
			if got := want.DaysUntil(from); got != -tc.wantDiff {
				t.Errorf("%s.DaysUntil(%s) = %d, want %d", want, from, got, -tc.wantDiff)
			}
			if tc.days > 0 && (!from.Before(want) || !want.After(from) || from.After(want)) {
				t.Errorf("Before/After disagree with %s < %s", from, want)
			}
			if tc.days == 0 && (from.Before(want) || from.After(want)) {
				t.Errorf("a day is neither before nor after itself")
			}
		})
	}
}

func TestDateWeekday(t *testing.T) {
	tests := []struct {
		date string
		want time.Weekday
	}{
		{"2026-03-16", time.Monday},
		{"2028-02-29", time.Tuesday},
		{"2009-01-05", time.Monday},
		{"2026-03-08", time.Sunday},
	}
	for _, tc := range tests {
		t.Run(tc.date, func(t *testing.T) {
			if got := fDate(t, tc.date).Weekday(); got != tc.want {
				t.Errorf("Weekday = %s, want %s", got, tc.want)
			}
		})
	}
}

func TestDateOf(t *testing.T) {
	tests := []struct {
		name, instant, zone, want string
	}{
		{"Los Angeles just after midnight on DST day", "2026-03-08T08:30:00Z", "America/Los_Angeles", "2026-03-08"},
		{"Los Angeles still the evening before", "2026-03-08T07:30:00Z", "America/Los_Angeles", "2026-03-07"},
		{"London same instant", "2026-03-08T07:30:00Z", "Europe/London", "2026-03-08"},
		{"London after spring-forward, already tomorrow", "2026-03-29T23:30:00Z", "Europe/London", "2026-03-30"},
		{"London before spring-forward, still today", "2026-03-28T23:30:00Z", "Europe/London", "2026-03-28"},
		{"Auckland a day ahead", "2026-03-15T20:00:00Z", "Pacific/Auckland", "2026-03-16"},
		{"UTC leap day", "2028-02-29T23:59:59Z", "UTC", "2028-02-29"},
		{"Los Angeles on the leap day", "2028-03-01T07:59:59Z", "America/Los_Angeles", "2028-02-29"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := data.DateOf(fInstant(t, tc.instant), fZone(t, tc.zone))
			if got.String() != tc.want {
				t.Errorf("DateOf(%s, %s) = %s, want %s", tc.instant, tc.zone, got, tc.want)
			}
		})
	}
}

func TestDateIn(t *testing.T) {
	tests := []struct {
		name, date, zone, want string
	}{
		{"Los Angeles on the US DST day", "2026-03-08", "America/Los_Angeles", "2026-03-08T08:00:00Z"},
		{"London on the EU DST day", "2026-03-29", "Europe/London", "2026-03-29T00:00:00Z"},
		{"Auckland in summer time", "2026-03-16", "Pacific/Auckland", "2026-03-15T11:00:00Z"},
		// Here the clocks jump from 00:00 to 01:00: the day starts at the jump,
		// not on the evening before.
		{"Santiago skips midnight", "2022-09-11", "America/Santiago", "2022-09-11T04:00:00Z"},
		{"Havana skips midnight", "2023-03-12", "America/Havana", "2023-03-12T05:00:00Z"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, loc := fDate(t, tc.date), fZone(t, tc.zone)
			got := d.In(loc)
			if !got.Equal(fInstant(t, tc.want)) {
				t.Errorf("%s.In(%s) = %s, want %s", d, tc.zone, got.UTC().Format(time.RFC3339), tc.want)
			}
			if back := data.DateOf(got, loc); back != d {
				t.Errorf("DateOf(%s.In(%s)) = %s, want the same day", d, tc.zone, back)
			}
			if prev := data.DateOf(got.Add(-time.Second), loc); prev != d.AddDays(-1) {
				t.Errorf("the second before %s.In(%s) is on %s, want the day before", d, tc.zone, prev)
			}
		})
	}
}

func TestDateText(t *testing.T) {
	type doc struct {
		Due data.Date `json:"due"`
	}
	t.Run("round trip", func(t *testing.T) {
		in := doc{Due: fDate(t, "2028-02-29")}
		b, err := json.Marshal(in)
		if err != nil {
			t.Fatal(err)
		}
		if string(b) != `{"due":"2028-02-29"}` {
			t.Errorf("marshal = %s", b)
		}
		var out doc
		if err := json.Unmarshal(b, &out); err != nil {
			t.Fatal(err)
		}
		if out != in {
			t.Errorf("round trip = %#v, want %#v", out.Due, in.Due)
		}
	})
	t.Run("zero date is empty", func(t *testing.T) {
		b, err := json.Marshal(doc{})
		if err != nil {
			t.Fatal(err)
		}
		if string(b) != `{"due":""}` {
			t.Errorf("marshal zero = %s", b)
		}
		out := doc{Due: fDate(t, "2026-01-01")}
		if err := json.Unmarshal([]byte(`{"due":""}`), &out); err != nil {
			t.Fatal(err)
		}
		if !out.Due.IsZero() || out.Due.String() != "" {
			t.Errorf("unmarshal empty = %#v, want the zero Date", out.Due)
		}
	})
	t.Run("a day that does not exist is refused", func(t *testing.T) {
		var out doc
		err := json.Unmarshal([]byte(`{"due":"2025-02-29"}`), &out)
		if !errors.Is(err, data.ErrInvalid) {
			t.Errorf("unmarshal 2025-02-29: %v, want ErrInvalid", err)
		}
	})
}

func TestZoneKeyTellsZonesApart(t *testing.T) {
	load := func(name string) *time.Location {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Fatal(err)
		}
		return loc
	}
	paris, berlin, kolkata := load("Europe/Paris"), load("Europe/Berlin"), load("Asia/Kolkata")
	if data.ZoneKey(paris) != data.ZoneKey(load("Europe/Paris")) {
		t.Error("the same zone loaded twice has two keys")
	}
	if data.ZoneKey(paris) == data.ZoneKey(berlin) {
		t.Error("Paris and Berlin changed their clocks differently before 1980 but share a key")
	}
	if data.ZoneKey(kolkata) == data.ZoneKey(time.UTC) {
		t.Error("Kolkata and UTC share a key")
	}
	// A fixed zone with Paris's name but not its rules is another zone.
	if data.ZoneKey(time.FixedZone("Europe/Paris", 3600)) == data.ZoneKey(paris) {
		t.Error("a fixed +01:00 zone named Europe/Paris has Paris's key")
	}
}

func TestDayNumbers(t *testing.T) {
	for _, d := range []data.Date{data.NewDate(1970, 1, 1), data.NewDate(1969, 12, 31), data.NewDate(2026, 3, 29), data.NewDate(2100, 2, 28)} {
		if got := data.DateOfDayNumber(d.DayNumber()); got != d {
			t.Errorf("%s -> %d -> %s", d, d.DayNumber(), got)
		}
	}
	if n := data.NewDate(1970, 1, 2).DayNumber(); n != 1 {
		t.Errorf("1970-01-02 is day %d, want 1", n)
	}
}

// Every date is in the years 1900-2200, with one message (issue 16, item
// 20): 0001-01-01 is not read as "no date" (then "is required"), and a
// year 9999 cannot reach a calendar file whose DTEND would be in 10000.
func TestDatesAreInTheSupportedYears(t *testing.T) {
	for _, in := range []string{"0001-01-01", "0000-01-01", "1899-12-31", "2201-01-01", "9999-12-31"} {
		t.Run(in, func(t *testing.T) {
			_, err := data.ParseDate("due", in)
			want := fmt.Sprintf("%q is outside the years 1900 to 2200", in)
			if msg := data.FieldMessage(err, "due"); !strings.HasPrefix(msg, want) || !strings.Contains(msg, "YYYY-MM-DD") {
				t.Errorf("ParseDate(%q): %v; want %s", in, err, want)
			}
		})
	}
	for _, in := range []string{"1900-01-01", "2200-12-31"} {
		if _, err := data.ParseDate("due", in); err != nil {
			t.Errorf("ParseDate(%q): %v", in, err)
		}
	}
	// Dates built in code (a date picker, an importer's own parsing) meet
	// the same rule when their record is validated.
	far := data.NewDate(9999, 12, 31)
	m := data.Milestone{Title: "Far", Due: far}
	if msg := data.FieldMessage(m.Validate(), "due"); !strings.HasPrefix(msg, `"9999-12-31" is outside the years 1900 to 2200`) {
		t.Errorf("milestone due 9999-12-31: %q", msg)
	}
	b := data.Block{Start: data.NewDate(9999, 12, 20), End: far, Location: "Redmond", TimeZone: "UTC"}
	err := b.Validate()
	for _, field := range []string{"start", "end"} {
		if msg := data.FieldMessage(err, field); !strings.Contains(msg, "outside the years 1900 to 2200") {
			t.Errorf("block %s 9999-12: %q", field, msg)
		}
	}
	if err := data.CheckYears("day", data.NewDate(1, 1, 1)); !strings.Contains(data.FieldMessage(err, "day"), `"0001-01-01" is outside`) {
		t.Errorf("CheckYears(0001-01-01) = %v", err)
	}
}
