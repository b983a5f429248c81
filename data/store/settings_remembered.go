package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/masterplan-app/masterplan/data"
)

// Typed accessors of the values forms remember for next time; data owns
// their rules and their text in the settings table
// (data/settings_remembered.go).

// Keys of the report form's remembered inputs.
const (
	keyReportWhy    = "report.why"
	keyReportRaise  = "report.raise"
	keyReportOneOff = "report.one_off"
)

// rateKey is the setting that remembers the last rate generated for cat:
// a night at the hotel, or a day's meals.
func rateKey(cat data.BudgetCategory) (string, error) {
	switch cat {
	case data.CategoryHotel:
		return SettingHotelNightly, nil
	case data.CategoryMeals:
		return SettingMealsDaily, nil
	}
	return "", data.Invalid("category", "%q has no remembered rate; only hotel and meals are generated", cat)
}

// RememberedRate is the last rate the items of cat were generated at; ok
// is false when none was. A stored value that is not a rate is an error
// naming the setting (matching data.ErrInvalid).
func (s *Store) RememberedRate(ctx context.Context, cat data.BudgetCategory) (rate data.Money, ok bool, err error) {
	key, err := rateKey(cat)
	if err != nil {
		return data.Money{}, false, err
	}
	return typedSetting(ctx, s, key, data.ParseRateSetting)
}

// RememberRate keeps rate as the last rate the items of cat were
// generated at.
func (s *Store) RememberRate(ctx context.Context, cat data.BudgetCategory, rate data.Money) error {
	key, err := rateKey(cat)
	if err != nil {
		return err
	}
	if err := rate.Validate("rate"); err != nil {
		return fmt.Errorf("save setting %s: %w", key, err)
	}
	return s.SetSetting(ctx, key, data.RateSetting(rate))
}

// Scenario is the last "what if" location priced on the Budget screen; ok
// is false when none was. A stored value that is not a scenario is an
// error naming the setting (matching data.ErrInvalid).
func (s *Store) Scenario(ctx context.Context) (sc data.Scenario, ok bool, err error) {
	return typedSetting(ctx, s, SettingScenario, data.ParseScenarioSetting)
}

// typedSetting reads the setting key through parse; ok is false when it
// was never set, and a value parse refuses is an error naming the key.
func typedSetting[T any](ctx context.Context, s *Store, key string, parse func(string) (T, error)) (value T, ok bool, err error) {
	var zero T
	v, ok, err := s.Setting(ctx, key)
	if err != nil || !ok {
		return zero, false, err
	}
	if value, err = parse(v); err != nil {
		return zero, false, fmt.Errorf("read setting %s: %w", key, err)
	}
	return value, true, nil
}

// SaveScenario validates sc and keeps it as the last scenario.
func (s *Store) SaveScenario(ctx context.Context, sc data.Scenario) error {
	if err := sc.Validate(); err != nil {
		return fmt.Errorf("save setting %s: %w", SettingScenario, err)
	}
	return s.SetSetting(ctx, SettingScenario, data.ScenarioSetting(sc))
}

// ReportInputs are the report form's inputs as last saved; empty where
// never set.
func (s *Store) ReportInputs(ctx context.Context) (data.ReportInputs, error) {
	var in data.ReportInputs
	for _, f := range []struct {
		key string
		to  *string
	}{{keyReportWhy, &in.Why}, {keyReportRaise, &in.Raise}, {keyReportOneOff, &in.OneOff}} {
		v, _, err := s.Setting(ctx, f.key)
		if err != nil {
			return data.ReportInputs{}, err
		}
		*f.to = v
	}
	return in, nil
}

// SaveReportInputs validates in and keeps all three inputs in one
// transaction.
func (s *Store) SaveReportInputs(ctx context.Context, in data.ReportInputs) error {
	if err := in.Validate(); err != nil {
		return fmt.Errorf("save the report's inputs: %w", err)
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		for key, v := range map[string]string{keyReportWhy: in.Why, keyReportRaise: in.Raise, keyReportOneOff: in.OneOff} {
			if err := putSetting(ctx, tx, key, v); err != nil {
				return err
			}
		}
		return nil
	})
}
