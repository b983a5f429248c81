package plan

import (
	"strconv"
	"strings"

	"github.com/masterplan-app/masterplan/data"
)

// MaxDaysOff bounds one change of days off: a year and a day.
const MaxDaysOff = 366

// CheckDaysOff validates a range of days off as the user gives it: both
// days, the last not before the first, and at most MaxDaysOff of them.
// The messages name the field that is wrong ("first day", "last day").
func CheckDaysOff(from, to data.Date) error {
	switch {
	case from.IsZero():
		return data.Invalid("first day", "is required; write it as YYYY-MM-DD")
	case to.IsZero():
		return data.Invalid("last day", "is required; write it as YYYY-MM-DD")
	case to.Before(from):
		return data.CheckEndNotBefore("last day", from, to)
	case from.DaysUntil(to) >= MaxDaysOff:
		return data.Invalid("last day", "that is %d days; mark at most %d at once", from.DaysUntil(to)+1, MaxDaysOff)
	}
	return nil
}

// ParseSpeed reads a speed as the user types it ("35", " 12.5 ") and
// checks its range.
func ParseSpeed(s string) (float64, error) {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		return 0, data.Invalid("speed", "%q is not a number", s)
	}
	return v, CheckSpeed(v)
}
