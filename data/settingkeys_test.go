package data

import (
	"errors"
	"strings"
	"testing"
)

func TestCheckSetting(t *testing.T) {
	tests := []struct {
		key, value string
		ok         bool
	}{
		{"home_currency", "GBP", true},
		{"home_currency", "pounds", false},
		{"weekly_goal_hours", "12.5", true},
		{"weekly_goal_hours", "NaN", false},
		{"time_zone", "Europe/London", true},
		{"time_zone", "Mars/Olympus", false},
		{"week_start", "1", true},
		{"week_start", "7", false},
		{"theme", "dark", true},
		{"theme", "neon", false},
		{"backup.keep", "30", true},
		{"backup.keep", "0", false},
		{"reading.deadline_lead_days", "21", true},
		{"reading.deadline_lead_days", "-1", false},
		{"study.streak_minimum_minutes", "15", true},
		{"study.pomodoro_work_minutes", "25", true},
		{"study.pomodoro_break_minutes", "90", false},
		{"study.pomodoro_enabled", "true", true},
		{"study.pomodoro_enabled", "maybe", false},
		{"practice.defaults_done", "1", true},
		{"budget.decimal_mark", ",", true},
		{"budget.decimal_mark", ";", false},
		{"budget.hotel_nightly", "USD 189.00", true},
		{"budget.hotel_nightly", "189", false},
		{"budget.scenario", "London|GBP 165.00|GBP 60.00", true},
		{"budget.scenario", "London|GBP 165.00|", true},
		{"budget.scenario", "London", false},
		{"report.why", "Lead the messaging migration.", true},
		{"report.why", strings.Repeat("x", 10<<20), false},
		{"reminders.last_run", "2026-11-23T09:00:00Z", true},
		{"reminders.last_run", "garbage", false},
		{"no.such.key", "1", false},
	}
	for _, tc := range tests {
		t.Run(tc.key+"="+tc.value[:min(len(tc.value), 20)], func(t *testing.T) {
			err := CheckSetting(tc.key, tc.value)
			if (err == nil) != tc.ok || (err != nil && !errors.Is(err, ErrInvalid)) {
				t.Errorf("CheckSetting = %v, want ok %v", err, tc.ok)
			}
		})
	}
	if !MachineSetting("reminders.last_run") || MachineSetting("home_currency") || MachineSetting("no.such.key") {
		t.Error("MachineSetting: only reminders.last_run is the machine's state")
	}
}
