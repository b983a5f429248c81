package dbjson

import (
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/transfer"
)

// The settings this version reads as data.Settings, by key.
const (
	keyHomeCurrency = "home_currency"
	keyTimeZone     = "time_zone"
	keyTheme        = "theme"
	keyWeeklyGoal   = "weekly_goal_hours"
	keyWeekStart    = "week_start"
	keyBackupKeep   = "backup.keep"
)

// checkSettings checks the file's user-wide settings together, as
// data.Settings, so that an import cannot store a home currency or a week
// start the app then misreads. transfer.Export.Validate checks each key
// on its own.
func checkSettings(list []transfer.Setting) error {
	set := data.DefaultSettings()
	var errs []error
	for i, st := range list {
		var err error
		switch st.Key {
		case keyHomeCurrency:
			set.HomeCurrency = st.Value
		case keyTimeZone:
			set.TimeZone = st.Value
		case keyTheme:
			set.Theme = st.Value
		case keyWeeklyGoal:
			if set.WeeklyGoalHours, err = strconv.ParseFloat(st.Value, 64); err != nil {
				err = data.Invalid("value", "%q is not a number of hours", st.Value)
			}
		case keyWeekStart:
			n, perr := strconv.Atoi(st.Value)
			if perr != nil || n < 0 || n > 6 {
				err = data.Invalid("value", "%q is not a day of the week (0 Sunday to 6 Saturday)", st.Value)
			}
			set.WeekStart = time.Weekday(n)
		case keyBackupKeep:
			_, err = data.ParseBackupKeep(st.Value)
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("setting %d (%s): %w", i+1, st.Key, err))
		}
	}
	if len(errs) == 0 {
		if err := set.Validate(); err != nil {
			errs = append(errs, fmt.Errorf("settings: %w", err))
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("check JSON: %w: %w", data.ErrInvalid, errors.Join(errs...))
	}
	return nil
}
