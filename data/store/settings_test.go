package store

import (
	"context"
	"errors"
	"math"
	"testing"
	"time"

	"github.com/masterplan-app/masterplan/data"
)

func TestSettings(t *testing.T) {
	// Not parallel: a case sets TZ, the zone a new database is given.
	ctx := context.Background()
	t.Run("defaults before anything is saved", func(t *testing.T) {
		s, _ := openTemp(t)
		if got, err := s.Settings(ctx); err != nil || got != data.DefaultSettings() {
			t.Errorf("Settings = %+v, %v", got, err)
		}
	})
	t.Run("saved and read back, twice; no zone stores the system's by name", func(t *testing.T) {
		t.Setenv("TZ", "Asia/Tokyo")
		s, _ := openTemp(t)
		for _, want := range []data.Settings{
			testSettings(),
			{HomeCurrency: "EUR", WeeklyGoalHours: 0.5, TimeZone: "", WeekStart: time.Saturday, Theme: data.ThemeLight},
		} {
			if err := s.SaveSettings(ctx, want); err != nil {
				t.Fatal(err)
			}
			if want.TimeZone == "" {
				want.TimeZone = "Asia/Tokyo"
			}
			if got, err := s.Settings(ctx); err != nil || got != want {
				t.Errorf("Settings = %+v, %v; want %+v", got, err, want)
			}
		}
		if n := count(t, s, "settings"); n != 5 {
			t.Errorf("%d setting rows, want one per key", n)
		}
	})
	refusals := []struct {
		name  string
		edit  func(set *data.Settings)
		field string
	}{
		{"currency", func(set *data.Settings) { set.HomeCurrency = "Dollars" }, "home currency"},
		{"goal NaN", func(set *data.Settings) { set.WeeklyGoalHours = math.NaN() }, "weekly goal"},
		{"goal too high", func(set *data.Settings) { set.WeeklyGoalHours = 200 }, "weekly goal"},
		{"zone", func(set *data.Settings) { set.TimeZone = "Mars/Olympus" }, "time zone"},
		{"theme", func(set *data.Settings) { set.Theme = "neon" }, "theme"},
	}
	for _, tc := range refusals {
		t.Run("refuses "+tc.name, func(t *testing.T) {
			s, _ := openTemp(t)
			if err := s.SaveSettings(ctx, testSettings()); err != nil {
				t.Fatal(err)
			}
			bad := testSettings()
			tc.edit(&bad)
			err := s.SaveSettings(ctx, bad)
			if !errors.Is(err, data.ErrInvalid) || data.FieldMessage(err, tc.field) == "" {
				t.Fatalf("SaveSettings: %v, want ErrInvalid on %q", err, tc.field)
			}
			if got, _ := s.Settings(ctx); got != testSettings() {
				t.Errorf("settings changed to %+v by a refused save", got)
			}
		})
	}
	t.Run("unreadable stored values fall back to the defaults", func(t *testing.T) {
		s, _ := openTemp(t)
		if _, err := s.db.Exec(`INSERT INTO settings (key, value) VALUES ('weekly_goal_hours', 'lots'), ('week_start', '9'), ('some_later_key', 'x')`); err != nil {
			t.Fatal(err)
		}
		got, err := s.Settings(ctx)
		def := data.DefaultSettings()
		if err != nil || got.WeeklyGoalHours != def.WeeklyGoalHours || got.WeekStart != def.WeekStart {
			t.Errorf("Settings = %+v, %v", got, err)
		}
	})
}
