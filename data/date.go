package data

import (
	"fmt"
	"hash/fnv"
	"time"
)

// DateLayout is how a calendar date is written everywhere: in the database,
// in CSV, in JSON and in the GUI's entries.
const DateLayout = "2006-01-02"

// Date is a calendar day as the user means it ("the rotation starts on
// 2009-01-05"), with no time and no zone. It is kept as midnight UTC so that
// day arithmetic never crosses a DST change. The zero Date means "no date".
type Date struct{ t time.Time }

// NewDate builds a Date; out-of-range parts normalise as time.Date does.
func NewDate(year int, month time.Month, day int) Date {
	return Date{time.Date(year, month, day, 0, 0, 0, 0, time.UTC)}
}

// The years every date the app takes lies in, typed or imported: wide
// enough for any real plan or history, and narrow enough that 0001-01-01
// (Go's zero time, "no date") and year 9999 (whose next day, a calendar
// file's DTEND, has five digits) never get in.
const (
	MinYear = 1900
	MaxYear = 2200
)

// ParseDate reads a YYYY-MM-DD date and refuses days that do not exist
// (2025-02-29, 2024-13-01) and years outside MinYear-MaxYear, naming the
// field in the error.
func ParseDate(field, s string) (Date, error) {
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		return Date{}, Invalid(field, "%q is not a date; write it as YYYY-MM-DD, e.g. 2026-03-16", s)
	}
	if err := CheckYears(field, Date{t}); err != nil {
		return Date{}, err
	}
	return Date{t}, nil
}

// CheckYears refuses a date outside the years MinYear-MaxYear, with the
// one message every front end shows. Validators call it for dates built in
// code rather than parsed (a date picker, an importer's own format).
func CheckYears(field string, d Date) error {
	if y := d.t.Year(); y < MinYear || y > MaxYear {
		return Invalid(field, "%q is outside the years %d to %d; write a date in them as YYYY-MM-DD", d.t.Format(DateLayout), MinYear, MaxYear)
	}
	return nil
}

// DateOf returns the calendar day of instant t as seen in zone loc.
func DateOf(t time.Time, loc *time.Location) Date {
	y, m, d := t.In(loc).Date()
	return NewDate(y, m, d)
}

// IsZero reports whether d is the "no date" value.
func (d Date) IsZero() bool { return d.t.IsZero() }

// String formats d as YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format(DateLayout)
}

// Time returns midnight UTC of d.
func (d Date) Time() time.Time { return d.t }

// In returns the start of day d in zone loc (the first instant that exists,
// should a DST change skip midnight).
func (d Date) In(loc *time.Location) time.Time {
	t := time.Date(d.t.Year(), d.t.Month(), d.t.Day(), 0, 0, 0, 0, loc)
	if t.Day() != d.t.Day() {
		// Midnight fell in the gap (America/Santiago, America/Havana): time.Date
		// went back to the previous evening, but the day begins when the clocks jump.
		_, t = t.ZoneBounds()
	}
	return t
}

// AddDays returns d moved by n days (n may be negative).
func (d Date) AddDays(n int) Date { return Date{d.t.AddDate(0, 0, n)} }

// DaysUntil counts the days from d to other: positive when other is later.
func (d Date) DaysUntil(other Date) int {
	// Unix seconds rather than Sub: a Duration saturates after 292 years.
	return int((other.t.Unix() - d.t.Unix()) / (24 * 60 * 60))
}

// Before reports whether d is an earlier day than other.
func (d Date) Before(other Date) bool { return d.t.Before(other.t) }

// After reports whether d is a later day than other.
func (d Date) After(other Date) bool { return d.t.After(other.t) }

// Weekday returns d's day of the week.
func (d Date) Weekday() time.Weekday { return d.t.Weekday() }

// Year, Month and Day return d's parts.
func (d Date) Year() int { return d.t.Year() }

// Month returns d's month.
func (d Date) Month() time.Month { return d.t.Month() }

// Day returns d's day of the month.
func (d Date) Day() int { return d.t.Day() }

// MarshalText writes d as YYYY-MM-DD (JSON, CSV).
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads YYYY-MM-DD; the empty string is the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	p, err := ParseDate("date", string(b))
	if err != nil {
		return err
	}
	*d = p
	return nil
}

// GoString helps test failures print dates readably.
func (d Date) GoString() string { return fmt.Sprintf("data.Date(%s)", d) }

// epoch is day number 0.
var epoch = NewDate(1970, 1, 1)

// DayNumber counts the days from 1970-01-01 to d: a date as one integer,
// for storing many and reading them back quickly.
func (d Date) DayNumber() int { return epoch.DaysUntil(d) }

// DateOfDayNumber is the date n days after 1970-01-01.
func DateOfDayNumber(n int) Date { return epoch.AddDays(n) }

// ZoneKey names zone loc by its name and its rules (a hash of every clock
// change from 1970 to 2100): the same zone loaded twice has the same key,
// and "Local" gets another key once the machine's zone changes. Study per day is kept under the key of the zone its days
// are in, so it is summed again when the user's zone changes.
func ZoneKey(loc *time.Location) string {
	h := fnv.New64a()
	end := time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)
	for t := time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC); t.Before(end); {
		_, offset := t.In(loc).Zone()
		_, next := t.In(loc).ZoneBounds()
		fmt.Fprintf(h, "%d@%d;", offset, t.Unix())
		if next.IsZero() || !next.After(t) {
			break
		}
		t = next
	}
	return fmt.Sprintf("%s %016x", loc, h.Sum64())
}

// CheckEndNotBefore is the rule every date range follows (a rotation block,
// hotel nights): its end is on or after its start. Either date unset
// passes; field names the end in the message.
func CheckEndNotBefore(field string, start, end Date) error {
	if start.IsZero() || end.IsZero() || !end.Before(start) {
		return nil
	}
	return Invalid(field, "%s is before the start %s; the end must be on or after the start", end, start)
}
