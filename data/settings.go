package data

import (
	"errors"
	"strconv"
	"strings"
	"time"
)

// Settings are the user's choices that shape every screen. They live in the
// database so that the GUI and the CLI agree.
type Settings struct {
	HomeCurrency    string       // ISO 4217 code all budget totals are shown in
	WeeklyGoalHours float64      // study hours aimed for each week
	TimeZone        string       // IANA zone the user lives in; stored by name (see Location)
	WeekStart       time.Weekday // first day of a study week
	Theme           string       // "system", "light" or "dark"
}

// Theme names accepted in Settings.Theme.
const (
	ThemeSystem = "system"
	ThemeLight  = "light"
	ThemeDark   = "dark"
)

// DefaultSettings are what a new database starts with.
func DefaultSettings() Settings {
	return Settings{HomeCurrency: "USD", WeeklyGoalHours: 10, WeekStart: time.Monday, Theme: ThemeSystem}
}

// MinWeeklyGoalHours and MaxWeeklyGoalHours bound the weekly goal: half an
// hour is the least worth planning, and a week has 168 hours.
const (
	MinWeeklyGoalHours = 0.5
	MaxWeeklyGoalHours = 168
)

// Validate checks every setting and says how to fix what is wrong.
func (s Settings) Validate() error {
	var errs []error
	if !ValidCurrency(s.HomeCurrency) {
		errs = append(errs, Invalid("home currency", "%q is not an ISO 4217 currency code; use three capital letters such as USD, EUR or GBP", s.HomeCurrency))
	}
	// Written so that NaN fails too.
	if !(s.WeeklyGoalHours >= MinWeeklyGoalHours && s.WeeklyGoalHours <= MaxWeeklyGoalHours) {
		errs = append(errs, Invalid("weekly goal", "%g hours is out of range; enter between %g and %d hours", s.WeeklyGoalHours, MinWeeklyGoalHours, MaxWeeklyGoalHours))
	}
	if s.TimeZone != "" {
		if _, err := LoadZone(s.TimeZone); err != nil {
			errs = append(errs, err)
		}
	}
	if s.WeekStart < time.Sunday || s.WeekStart > time.Saturday {
		errs = append(errs, Invalid("week start", "must be a day of the week"))
	}
	switch s.Theme {
	case ThemeSystem, ThemeLight, ThemeDark:
	default:
		errs = append(errs, Invalid("theme", "%q is not a theme; choose system, light or dark", s.Theme))
	}
	return errors.Join(errs...)
}

// Location returns the user's zone. It is never the process's own TZ:
// the GUI and `masterplan remind` under cron must compute the same days
// and occurrence keys. The store fills an empty zone with the system's at
// setup and when a file from before that rule is first opened, so ""
// (or a name this system does not know) reads as UTC.
func (s Settings) Location() *time.Location {
	if s.TimeZone == "" {
		return time.UTC
	}
	loc, err := LoadZone(s.TimeZone)
	if err != nil {
		return time.UTC
	}
	return loc
}

// DefaultBackupKeep is how many daily automatic backups are kept; the user
// may keep between 1 and MaxBackupKeep (a year of days).
const (
	DefaultBackupKeep = 7
	MaxBackupKeep     = 365
)

// ParseBackupKeep reads the number of automatic backups to keep.
func ParseBackupKeep(v string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < 1 || n > MaxBackupKeep {
		return 0, Invalid("backups kept", "%q is not a number from 1 to %d", v, MaxBackupKeep)
	}
	return n, nil
}
