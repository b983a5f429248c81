package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestSetupStoresTheSystemZoneByName holds the screens' half of issue 16
// item 6: setup and Settings stored "" for the system's zone, which every
// process read as its own TZ. Setup offers the system's zone by name and
// stores what the field says; Settings shows and changes it.
func TestSetupStoresTheSystemZoneByName(t *testing.T) {
	t.Setenv("TZ", "Asia/Kolkata")
	sh, st := newTestShell(t)
	sh.Start()
	f := currentSetup(t, sh)
	if f.homeZone.Text != "Asia/Kolkata" {
		t.Fatalf("setup offers %q as your zone, want the system's Asia/Kolkata", f.homeZone.Text)
	}
	test.Type(f.track, "My custom track")
	test.Type(f.start, "2027-03-01")
	test.Type(f.end, "2027-03-21")
	test.Tap(f.submit)
	ctx := context.Background()
	set, err := st.Settings(ctx)
	if err != nil || set.TimeZone != "Asia/Kolkata" {
		t.Fatalf("stored settings = %+v, %v; want Asia/Kolkata by name", set, err)
	}

	sh.Select(7)
	sc := sh.screens[7].(*settingsScreen)
	if sc.zone.Text != "Asia/Kolkata" {
		t.Fatalf("Settings shows %q", sc.zone.Text)
	}
	sc.zone.SetText("Mars/Olympus")
	sc.save()
	if set, _ := st.Settings(ctx); set.TimeZone != "Asia/Kolkata" {
		t.Fatalf("an unknown zone was saved: %+v", set)
	}
	if err := sc.zone.Validate(); err == nil || !strings.Contains(err.Error(), "not a known time zone") {
		t.Errorf("the zone field says %v", err)
	}
	sc.zone.SetText("Europe/Berlin")
	sc.save()
	if set, _ := st.Settings(ctx); set.TimeZone != "Europe/Berlin" {
		t.Fatalf("after choosing Europe/Berlin: %+v", set)
	}
}
