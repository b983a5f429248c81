package data

import (
	"fmt"
	"strconv"
	"time"
)

// This file lists every key of the settings table with the rule its value
// must follow, so that a value that comes from outside (a JSON import) is
// checked by its key before it is stored. A new setting adds one row to
// settingRules; an import refuses a key that is not listed.

// MaxSettingLen bounds any setting's value: the longest is a free-text
// reason for the report, a note's worth.
const MaxSettingLen = MaxNoteLen

// settingRule is one key's check; machine marks the machine's own state
// (when reminders last ran), which is not the user's data: it is neither
// exported nor imported.
type settingRule struct {
	check   func(v string) error
	machine bool
}

// settingRules holds every key the app stores, with its rule.
var settingRules = map[string]settingRule{
	"home_currency": {check: func(v string) error {
		if !ValidCurrency(v) {
			return Invalid("value", "%q is not an ISO 4217 currency code such as USD, EUR or GBP", v)
		}
		return nil
	}},
	"weekly_goal_hours": {check: func(v string) error {
		h, err := strconv.ParseFloat(v, 64)
		if err != nil || !(h >= MinWeeklyGoalHours && h <= MaxWeeklyGoalHours) {
			return Invalid("value", "%q is not a number of hours from %g to %d", v, MinWeeklyGoalHours, MaxWeeklyGoalHours)
		}
		return nil
	}},
	"time_zone": {check: func(v string) error {
		if v == "" {
			return nil
		}
		_, err := LoadZone(v)
		return err
	}},
	"week_start": {check: intSetting("a day of the week (0 Sunday to 6 Saturday)", 0, 6)},
	"theme": {check: func(v string) error {
		switch v {
		case ThemeSystem, ThemeLight, ThemeDark:
			return nil
		}
		return Invalid("value", "%q is not a theme; use system, light or dark", v)
	}},
	"backup.keep": {check: func(v string) error {
		_, err := ParseBackupKeep(v)
		return err
	}},
	"reading.deadline_lead_days":   {check: intSetting("a number of days", 0, MaxReadingLeadDays)},
	"study.streak_minimum_minutes": {check: intSetting("a number of minutes", 1, int(MaxStudySession/time.Minute))},
	"study.pomodoro_work_minutes":  {check: intSetting("a number of minutes", 1, 240)},
	"study.pomodoro_break_minutes": {check: intSetting("a number of minutes", 1, 60)},
	"study.pomodoro_enabled": {check: func(v string) error {
		if _, err := strconv.ParseBool(v); err != nil {
			return Invalid("value", "%q is not true or false", v)
		}
		return nil
	}},
	"practice.defaults_done": {check: oneOf("1")},
	"budget.decimal_mark":    {check: oneOf("", ".", ",")},
	"budget.hotel_nightly":   {check: moneySetting},
	"budget.meals_daily":     {check: moneySetting},
	"budget.scenario": {check: func(v string) error {
		_, err := ParseScenarioSetting(v)
		return err
	}},
	"report.why":     {check: textSetting},
	"report.raise":   {check: textSetting},
	"report.one_off": {check: textSetting},
	"reminders.last_run": {machine: true, check: func(v string) error {
		if _, err := time.Parse(time.RFC3339, v); err != nil {
			return Invalid("value", "%q is not an instant such as 2026-01-31T12:00:00Z", v)
		}
		return nil
	}},
}

func intSetting(what string, lo, hi int) func(string) error {
	return func(v string) error {
		n, err := strconv.Atoi(v)
		if err != nil || n < lo || n > hi {
			return Invalid("value", "%q is not %s from %d to %d", v, what, lo, hi)
		}
		return nil
	}
}

func oneOf(values ...string) func(string) error {
	return func(v string) error {
		for _, ok := range values {
			if v == ok {
				return nil
			}
		}
		return Invalid("value", "%q is not one of %q", v, values)
	}
}

// moneySetting checks an amount remembered as "USD 189.00".
func moneySetting(v string) error {
	_, err := ParseRateSetting(v)
	return err
}

func textSetting(v string) error { return CheckText("value", v, false, MaxSettingLen) }

// CheckSetting checks value against the rule of key: an unknown key, a
// value over MaxSettingLen or one its key does not accept is refused,
// matching ErrInvalid.
func CheckSetting(key, value string) error {
	rule, ok := settingRules[key]
	switch {
	case !ok:
		return Invalid("key", "%q is not a setting MasterPlan knows", key)
	case len(value) > MaxSettingLen:
		return Invalid("value", "is %d bytes long; no setting is longer than %d", len(value), MaxSettingLen)
	}
	if err := rule.check(value); err != nil {
		return fmt.Errorf("%s: %w", key, err)
	}
	return nil
}

// MachineSetting reports whether key is the machine's state (when
// reminders last ran) rather than the user's choice: an export leaves it
// out and an import skips it, since it describes this machine's runs.
func MachineSetting(key string) bool { return settingRules[key].machine }
