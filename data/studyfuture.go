package data

import "time"

// CheckSessionNotFuture is the rule a session logged by hand is held to as
// its form is typed: its day is not after today, and when a start is given
// (start non-nil) it has begun, and ended by now once its duration d is
// known. The messages are short enough for the form's line. The error names the field to fix: "date" or "start". The store
// holds the saved session to the same rule (StudySession.Validate).
func CheckSessionNotFuture(day Date, start *Clock, d time.Duration, loc *time.Location, now time.Time) error {
	if day.IsZero() {
		return nil // the date's own check says what is missing
	}
	today := DateOf(now, loc)
	if day.After(today) {
		return Invalid("date", "%s is after today: a session cannot be in the future", day)
	}
	if start == nil {
		return nil
	}
	at := start.On(day, loc)
	switch {
	case at.After(now):
		return Invalid("start", "%s is after now (%s): it cannot be in the future",
			at.In(loc).Format("15:04"), now.In(loc).Format("15:04"))
	case d > 0 && at.Add(d).After(now):
		return Invalid("start", "ends at %s, after now (%s): start earlier",
			at.Add(d).In(loc).Format("15:04"), now.In(loc).Format("15:04"))
	}
	return nil
}
