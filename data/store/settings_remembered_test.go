package store

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/masterplan-app/masterplan/data"
)

// The remembered rates, scenario and report inputs read back as saved, and
// are stored as the text older versions wrote and read.
func TestRememberedSettingsRoundTrip(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)

	if _, ok, err := s.RememberedRate(ctx, data.CategoryHotel); ok || err != nil {
		t.Errorf("a rate never saved: ok %v, %v", ok, err)
	}
	if err := s.RememberRate(ctx, data.CategoryHotel, data.NewMoney("189", "USD")); err != nil {
		t.Fatal(err)
	}
	if err := s.RememberRate(ctx, data.CategoryMeals, data.NewMoney("60.50", "EUR")); err != nil {
		t.Fatal(err)
	}
	if got, ok, err := s.RememberedRate(ctx, data.CategoryHotel); !ok || err != nil || got.Format() != "USD 189.00" {
		t.Errorf("hotel rate: %v %v %v", got, ok, err)
	}
	if got, ok, err := s.RememberedRate(ctx, data.CategoryMeals); !ok || err != nil || got.Format() != "EUR 60.50" {
		t.Errorf("meals rate: %v %v %v", got, ok, err)
	}
	if v, _, _ := s.Setting(ctx, SettingHotelNightly); v != "USD 189" {
		t.Errorf("stored hotel rate %q, want the format older versions read", v)
	}
	if err := s.RememberRate(ctx, data.CategoryFlights, data.NewMoney("500", "USD")); !errors.Is(err, data.ErrInvalid) {
		t.Errorf("a rate for flights: %v", err)
	}

	want := data.Scenario{Label: "London", Nightly: data.NewMoney("165", "GBP"), Daily: data.NewMoney("60", "GBP")}
	if err := s.SaveScenario(ctx, want); err != nil {
		t.Fatal(err)
	}
	if got, ok, err := s.Scenario(ctx); !ok || err != nil || got.Label != "London" || got.Nightly.Format() != "GBP 165.00" || got.Daily.Format() != "GBP 60.00" {
		t.Errorf("scenario: %+v %v %v", got, ok, err)
	}
	if v, _, _ := s.Setting(ctx, SettingScenario); v != "London|GBP 165|GBP 60" {
		t.Errorf("stored scenario %q", v)
	}
	if err := s.SaveScenario(ctx, data.Scenario{Nightly: data.NewMoney("165", "GBP")}); !errors.Is(err, data.ErrInvalid) {
		t.Errorf("a scenario without a location: %v", err)
	}

	in := data.ReportInputs{Why: "Fewer escalations.", Raise: "6000", OneOff: "2,500.00"}
	if err := s.SaveReportInputs(ctx, in); err != nil {
		t.Fatal(err)
	}
	if got, err := s.ReportInputs(ctx); err != nil || got != in {
		t.Errorf("report inputs: %+v %v", got, err)
	}
	// A bad input saves none of the three.
	if err := s.SaveReportInputs(ctx, data.ReportInputs{Why: "Other", Raise: "a lot"}); !errors.Is(err, data.ErrInvalid) {
		t.Errorf("a bad raise: %v", err)
	}
	if got, _ := s.ReportInputs(ctx); got != in {
		t.Errorf("after a refused save: %+v", got)
	}
}

// A stored value that is not what its key holds (written by hand or by an
// older bug) is an error naming the key, not a panic or a half-read value.
func TestMalformedRememberedSettingIsAnError(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	for _, kv := range [][2]string{{SettingHotelNightly, "189 USD"}, {SettingScenario, "London|GBP 165"}} {
		if err := s.SetSetting(ctx, kv[0], kv[1]); err != nil {
			t.Fatal(err)
		}
	}
	if m, ok, err := s.RememberedRate(ctx, data.CategoryHotel); ok || m.IsSet() || !errors.Is(err, data.ErrInvalid) || !strings.Contains(err.Error(), SettingHotelNightly) {
		t.Errorf("a malformed rate: %v %v %v", m, ok, err)
	}
	if sc, ok, err := s.Scenario(ctx); ok || sc.Label != "" || !errors.Is(err, data.ErrInvalid) || !strings.Contains(err.Error(), SettingScenario) {
		t.Errorf("a malformed scenario: %+v %v %v", sc, ok, err)
	}
}
