package data

import (
	"testing"
	"time"
)

func TestCheckSessionNotFuture(t *testing.T) {
	loc, _ := time.LoadLocation("Europe/London")
	now := time.Date(2026, 12, 5, 14, 0, 0, 0, loc)
	today := NewDate(2026, time.December, 5)
	at := func(h, m int) *Clock { return &Clock{Hour: h, Minute: m} }
	for _, tc := range []struct {
		name  string
		day   Date
		start *Clock
		d     time.Duration
		field string // "" when right
	}{
		{"today, untimed", today, nil, time.Hour, ""},
		{"tomorrow", today.AddDays(1), nil, time.Hour, "date"},
		{"ended an hour ago", today, at(12, 0), time.Hour, ""},
		{"ends exactly now", today, at(13, 0), time.Hour, ""},
		{"ends after now", today, at(13, 30), time.Hour, "start"},
		{"starts after now", today, at(15, 0), 0, "start"},
		{"yesterday late", today.AddDays(-1), at(23, 0), 2 * time.Hour, ""},
		{"no date yet", Date{}, at(23, 0), time.Hour, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := CheckSessionNotFuture(tc.day, tc.start, tc.d, loc, now)
			switch {
			case tc.field == "" && err != nil:
				t.Errorf("got %v, want no error", err)
			case tc.field != "" && FieldMessage(err, tc.field) == "":
				t.Errorf("got %v, want an error on %s", err, tc.field)
			}
		})
	}
}
