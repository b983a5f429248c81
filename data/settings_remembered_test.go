package data

import (
	"errors"
	"strings"
	"testing"
)

// A remembered rate and scenario read back as they were written, a label
// holding "|" included; the text on disk is the one older versions wrote.
func TestRememberedSettingsRoundTrip(t *testing.T) {
	t.Parallel()
	rate := NewMoney("189.50", "USD")
	if v := RateSetting(rate); v != "USD 189.5" {
		t.Errorf("RateSetting = %q", v)
	}
	if got, err := ParseRateSetting("USD 189.50"); err != nil || !got.Amount.Equal(rate.Amount) || got.Currency != "USD" {
		t.Errorf("ParseRateSetting = %v, %v", got, err)
	}
	for _, tc := range []struct {
		sc   Scenario
		text string
	}{
		{Scenario{Label: "London", Nightly: NewMoney("165.00", "GBP"), Daily: NewMoney("60", "GBP")}, "London|GBP 165|GBP 60"},
		{Scenario{Label: "Oslo", Nightly: NewMoney("1800", "NOK")}, "Oslo|NOK 1800|"},
		{Scenario{Label: "Paris | Lyon", Nightly: NewMoney("140", "EUR"), Daily: NewMoney("45.5", "EUR")}, "Paris | Lyon|EUR 140|EUR 45.5"},
	} {
		if got := ScenarioSetting(tc.sc); got != tc.text {
			t.Errorf("ScenarioSetting(%+v) = %q, want %q", tc.sc, got, tc.text)
		}
		back, err := ParseScenarioSetting(tc.text)
		if err != nil || back.Label != tc.sc.Label || !back.Nightly.Amount.Equal(tc.sc.Nightly.Amount) || back.Nightly.Currency != tc.sc.Nightly.Currency ||
			back.Daily.IsSet() != tc.sc.Daily.IsSet() || !back.Daily.Amount.Equal(tc.sc.Daily.Amount) {
			t.Errorf("ParseScenarioSetting(%q) = %+v, %v; want %+v", tc.text, back, err, tc.sc)
		}
	}
	// What older versions stored reads as it did.
	if sc, err := ParseScenarioSetting("London|GBP 165.00|GBP 60.00"); err != nil || sc.Label != "London" || sc.Daily.Currency != "GBP" {
		t.Errorf("a stored scenario: %+v, %v", sc, err)
	}
}

// A malformed stored value is refused with a message that shows the value
// and what one looks like, never a panic or a half-read value.
func TestMalformedRememberedSettings(t *testing.T) {
	t.Parallel()
	for _, v := range []string{"", "USD", "USD ", "189.00", "usd 189.00", "USD 1,89", "XXX 10", "USD 10.001", " USD 10"} {
		if m, err := ParseRateSetting(v); !errors.Is(err, ErrInvalid) || m.IsSet() || !strings.Contains(err.Error(), `such as "USD 189.00"`) {
			t.Errorf("ParseRateSetting(%q) = %+v, %v", v, m, err)
		}
	}
	for _, v := range []string{"", "London", "London|GBP 165", "|GBP 165|", "London|GBP|", "London|165 GBP|", "London|GBP 165|GBP", "London|GBP 165|60", "London||GBP 60"} {
		sc, err := ParseScenarioSetting(v)
		if !errors.Is(err, ErrInvalid) || sc.Label != "" || !strings.Contains(err.Error(), "is not a scenario such as") {
			t.Errorf("ParseScenarioSetting(%q) = %+v, %v", v, sc, err)
		}
	}
	if err := CheckSetting("budget.scenario", "London|GBP 165"); !errors.Is(err, ErrInvalid) {
		t.Errorf("CheckSetting of a malformed scenario: %v", err)
	}
}

func TestScenarioAndReportInputsValidate(t *testing.T) {
	t.Parallel()
	good := Scenario{Label: "London", Nightly: NewMoney("165", "GBP")}
	if err := good.Validate(); err != nil {
		t.Errorf("a good scenario: %v", err)
	}
	for name, sc := range map[string]Scenario{
		"no label":     {Nightly: NewMoney("165", "GBP")},
		"no rate":      {Label: "London"},
		"bad per diem": {Label: "London", Nightly: NewMoney("165", "GBP"), Daily: Money{Currency: "XXX"}},
	} {
		if err := sc.Validate(); !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: %v", name, err)
		}
	}
	if err := (ReportInputs{Why: "Fewer escalations.", Raise: "6000", OneOff: "2,500.00"}).Validate(); err != nil {
		t.Errorf("good report inputs: %v", err)
	}
	err := ReportInputs{Raise: "a lot", OneOff: strings.Repeat("9", MaxSettingLen+1)}.Validate()
	if FieldMessage(err, "expected yearly salary change") == "" || FieldMessage(err, "one-off value") == "" {
		t.Errorf("bad report inputs: %v", err)
	}
}
