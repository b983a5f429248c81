package plan

import (
	"strings"
	"testing"

	"github.com/masterplan-app/masterplan/data"
)

func TestCheckDaysOff(t *testing.T) {
	day := data.NewDate(2026, 12, 20)
	for _, c := range []struct {
		name     string
		from, to data.Date
		want     string // part of the message, "" for none
	}{
		{"one day", day, day, ""},
		{"a week", day, day.AddDays(6), ""},
		{"a year and a day", day, day.AddDays(MaxDaysOff - 1), ""},
		{"too long", day, day.AddDays(MaxDaysOff), "at most 366"},
		{"end before start", day, day.AddDays(-1), "before the start"},
		{"no first day", data.Date{}, day, "first day: is required"},
		{"no last day", day, data.Date{}, "last day: is required"},
	} {
		err := CheckDaysOff(c.from, c.to)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
}

func TestParseSpeed(t *testing.T) {
	if v, err := ParseSpeed(" 12.5 "); err != nil || v != 12.5 {
		t.Errorf("12.5 reads as %v, %v", v, err)
	}
	for _, bad := range []string{"", "fast", "0", "-3", "1e9"} {
		if _, err := ParseSpeed(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
