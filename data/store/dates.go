package store

import "github.com/masterplan-app/masterplan/data"

// optionalDate reads a stored day that may be empty (not known).
func optionalDate(field, s string) (data.Date, error) {
	if s == "" {
		return data.Date{}, nil
	}
	return data.ParseDate(field, s)
}

// dateText stores a day, empty for the zero Date.
func dateText(d data.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}
