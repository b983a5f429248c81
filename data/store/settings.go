package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"time"

	"github.com/masterplan-app/masterplan/data"
)

// Setting keys in the settings table. Other areas add their own keys.
const (
	keyHomeCurrency = "home_currency"
	keyWeeklyGoal   = "weekly_goal_hours"
	keyTimeZone     = "time_zone"
	keyWeekStart    = "week_start"
	keyTheme        = "theme"
)

// Settings returns the user's settings, with defaults for anything never set.
func (s *Store) Settings(ctx context.Context) (data.Settings, error) {
	out := data.DefaultSettings()
	rows, err := s.db.QueryContext(ctx, `SELECT key, value FROM settings`)
	if err != nil {
		return out, fmt.Errorf("read settings: %w", classify(err))
	}
	defer rows.Close()
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return out, fmt.Errorf("read settings: %w", err)
		}
		switch k {
		case keyHomeCurrency:
			out.HomeCurrency = v
		case keyWeeklyGoal:
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				out.WeeklyGoalHours = f
			}
		case keyTimeZone:
			out.TimeZone = v
		case keyWeekStart:
			if n, err := strconv.Atoi(v); err == nil && n >= 0 && n <= 6 {
				out.WeekStart = time.Weekday(n)
			}
		case keyTheme:
			out.Theme = v
		}
	}
	if err := rows.Err(); err != nil {
		return out, fmt.Errorf("read settings: %w", err)
	}
	return out, nil
}

// SaveSettings validates and stores every setting in one transaction.
func (s *Store) SaveSettings(ctx context.Context, set data.Settings) error {
	if err := set.Validate(); err != nil {
		return fmt.Errorf("save settings: %w", err)
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := saveSettings(ctx, tx, set); err != nil {
			return err
		}
		return keepStudyDaysInZone(ctx, tx) // the study totals are kept in the zone
	})
}

func saveSettings(ctx context.Context, tx *sql.Tx, set data.Settings) error {
	// The zone is stored by name, never left to each process's TZ: a
	// caller that names none gets the system's at this moment.
	if set.TimeZone == "" {
		set.TimeZone = SystemZone()
	}
	values := map[string]string{
		keyHomeCurrency: set.HomeCurrency,
		keyWeeklyGoal:   strconv.FormatFloat(set.WeeklyGoalHours, 'f', -1, 64),
		keyTimeZone:     set.TimeZone,
		keyWeekStart:    strconv.Itoa(int(set.WeekStart)),
		keyTheme:        set.Theme,
	}
	for k, v := range values {
		if err := putSetting(ctx, tx, k, v); err != nil {
			return err
		}
	}
	return nil
}

func putSetting(ctx context.Context, tx *sql.Tx, key, value string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
	if err != nil {
		return fmt.Errorf("save setting %s: %w", key, err)
	}
	return nil
}

// settleTimeZone makes the user's zone explicit in a set-up file that has
// none: "" used to mean each process's own TZ, so the GUI and cron rang
// the same reminder under two keys and read the same sessions file into
// two sets of instants. The zone in force when this version first opens
// the file (the migration to version 16) is written, once: later opens,
// whatever their TZ, find it set. A file not set up yet gets its zone at
// setup.
func (s *Store) settleTimeZone(ctx context.Context) error {
	var unset int
	err := s.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM rotations)
		AND NOT EXISTS (SELECT 1 FROM settings WHERE key = ? AND value <> '')`, keyTimeZone).Scan(&unset)
	if err != nil {
		return fmt.Errorf("read the time zone: %w", classify(err))
	}
	if unset == 0 {
		return nil
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE settings.value = ''`, keyTimeZone, SystemZone())
		return err
	})
	if err != nil {
		return fmt.Errorf("store the time zone: %w", err)
	}
	return nil
}
