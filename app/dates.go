package app

import (
	"time"

	"github.com/masterplan-app/masterplan/app/widgets"
)

// dateEntry is a date field whose calendar starts weeks on the day
// Settings says, read when the calendar opens. Every date field of the app
// is made here.
func (s *Shell) dateEntry(field string, optional bool) *widgets.DateEntry {
	e := widgets.NewDateEntry(field, optional)
	e.WeekStart = s.weekStart
	return e
}

// weekStart is the first day of the week in Settings; Monday before setup
// or when the settings cannot be read (the calendar still works).
func (s *Shell) weekStart() time.Weekday {
	set, err := s.Store.Settings(s.ctx())
	if err != nil {
		return time.Monday
	}
	return set.WeekStart
}
