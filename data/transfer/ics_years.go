package transfer

import (
	"fmt"

	"github.com/masterplan-app/masterplan/data"
)

// checkCalendarYears refuses a calendar holding a date outside the years
// every front end takes (data.MinYear-MaxYear). Only a database written
// before that rule can hold one; writing it would give a five-digit DTEND
// or a year-1 event, so the export names the record to change instead.
func checkCalendarYears(in CalendarInput) error {
	inYears := func(what, field string, d data.Date) error {
		if d.IsZero() {
			return nil
		}
		if err := data.CheckYears(field, d); err != nil {
			return fmt.Errorf("%s: %w (change it, then export again)", what, err)
		}
		return nil
	}
	for _, b := range in.Rotation.Blocks {
		what := fmt.Sprintf("block %s to %s", b.Start, b.End)
		if err := inYears(what, "start", b.Start); err != nil {
			return err
		}
		if err := inYears(what, "end", b.End); err != nil {
			return err
		}
	}
	for _, m := range in.Milestones {
		if err := inYears(fmt.Sprintf("milestone %q", m.Title), "due", m.Due); err != nil {
			return err
		}
	}
	for _, x := range in.Exams {
		if err := inYears(fmt.Sprintf("exam %q", x.Name), "date", x.Date); err != nil {
			return err
		}
	}
	for _, r := range in.Study {
		if !r.Enabled {
			continue
		}
		if err := inYears(fmt.Sprintf("study reminder %q", r.Title), "day", r.Day); err != nil {
			return err
		}
	}
	return nil
}
