package store

import (
	"time"

	"github.com/masterplan-app/masterplan/data"
)

// storedDate reads a day the database holds. Unlike data.ParseDate it
// takes any year: a file written before the years were limited to
// data.MinYear-data.MaxYear may hold 0000-01-01 or 9999-12-31, and it must
// still open so that the user can see and correct such a date. Every new
// date passes data.ParseDate or a validator first.
func storedDate(field, s string) (data.Date, error) {
	t, err := time.Parse(data.DateLayout, s)
	if err != nil {
		return data.ParseDate(field, s) // for its message
	}
	return data.NewDate(t.Date()), nil
}

// optionalDate reads a stored day that may be empty (not known).
func optionalDate(field, s string) (data.Date, error) {
	if s == "" {
		return data.Date{}, nil
	}
	return storedDate(field, s)
}

// dateText stores a day, empty for the zero Date.
func dateText(d data.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}
