package data

import (
	"errors"
	"strings"
)

// This file holds the values forms remember for next time (the budget's
// last hotel and meal rates, its last "what if" location, the report's
// last inputs): their types, their rules, and how each is written as the
// text of one settings row. The store reads and writes them through typed
// accessors, so no screen builds or splits these strings itself.

// ParseRateSetting reads a remembered rate, stored as "USD 189.00" (the
// code, one space, the amount with a decimal point).
func ParseRateSetting(v string) (Money, error) {
	cur, amount, ok := strings.Cut(v, " ")
	if !ok || !ValidCurrency(cur) {
		return Money{}, Invalid("value", "%q is not an amount such as \"USD 189.00\"", v)
	}
	m, err := ParseMoney("value", amount, cur, DecimalPoint)
	if err != nil {
		return Money{}, Invalid("value", "%q is not an amount such as \"USD 189.00\"", v)
	}
	return m, nil
}

// RateSetting is m as a remembered rate: "USD 189" (the amount as exact
// as it was entered).
func RateSetting(m Money) string { return m.Currency + " " + m.Amount.String() }

// scenarioExample is a stored scenario, for the messages.
const scenarioExample = `"London|GBP 165.00|GBP 60.00"`

// Validate checks a scenario before it is priced or remembered: a
// location name, a nightly rate, and a daily rate that may be left out.
func (sc Scenario) Validate() error {
	errs := []error{CheckText("location", sc.Label, true, MaxNameLen), sc.Nightly.Validate("nightly rate")}
	if sc.Daily.IsSet() {
		errs = append(errs, sc.Daily.Validate("daily rate"))
	}
	return errors.Join(errs...)
}

// ScenarioSetting is sc as the text of its settings row: "label|CUR
// amount|CUR amount", the daily rate empty when it is left out. The label
// may itself hold "|": the two rates are read from the right.
func ScenarioSetting(sc Scenario) string {
	v := sc.Label + "|" + RateSetting(sc.Nightly) + "|"
	if sc.Daily.IsSet() {
		v += RateSetting(sc.Daily)
	}
	return v
}

// ParseScenarioSetting reads what ScenarioSetting wrote; anything else is
// refused, saying what a scenario looks like.
func ParseScenarioSetting(v string) (Scenario, error) {
	bad := Invalid("value", "%q is not a scenario such as %s", v, scenarioExample)
	parts := strings.Split(v, "|")
	if len(parts) < 3 {
		return Scenario{}, bad
	}
	n := len(parts)
	sc := Scenario{Label: strings.Join(parts[:n-2], "|")}
	var err error
	if sc.Nightly, err = ParseRateSetting(parts[n-2]); err != nil {
		return Scenario{}, bad
	}
	if parts[n-1] != "" {
		if sc.Daily, err = ParseRateSetting(parts[n-1]); err != nil {
			return Scenario{}, bad
		}
	}
	if sc.Validate() != nil {
		return Scenario{}, bad
	}
	return sc, nil
}

// ReportInputs are the report form's free inputs, remembered for the next
// report: the "why this matters" paragraph and the expected salary change
// and one-off value, kept as typed (e.g. "2,500.00") so the form shows them
// as the user wrote them.
type ReportInputs struct {
	Why    string
	Raise  string
	OneOff string
}

// Validate checks each input is text of a setting's length; the amounts,
// where given, must read as amounts.
func (in ReportInputs) Validate() error {
	errs := []error{CheckText("why this matters", in.Why, false, MaxSettingLen)}
	for _, f := range []struct{ field, text string }{
		{"expected yearly salary change", in.Raise}, {"one-off value", in.OneOff},
	} {
		if err := CheckText(f.field, f.text, false, MaxSettingLen); err != nil {
			errs = append(errs, err)
			continue
		}
		if strings.TrimSpace(f.text) != "" {
			if _, err := ParseAmount(f.field, f.text); err != nil {
				errs = append(errs, err)
			}
		}
	}
	return errors.Join(errs...)
}
