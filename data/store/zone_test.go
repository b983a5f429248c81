package store

import (
	"context"
	"path/filepath"
	"testing"
)

func TestSystemZone(t *testing.T) {
	for _, tc := range []struct{ tz, want string }{
		{"Europe/Paris", "Europe/Paris"},
		{":America/New_York", "America/New_York"},
		{"/usr/share/zoneinfo/Asia/Tokyo", "Asia/Tokyo"},
		{"", "UTC"},
	} {
		t.Setenv("TZ", tc.tz)
		if got := SystemZone(); got != tc.want {
			t.Errorf("TZ=%q: SystemZone = %q, want %q", tc.tz, got, tc.want)
		}
	}
	t.Setenv("TZ", "Nowhere/Special")
	if got := SystemZone(); got == "" || got == "Nowhere/Special" {
		t.Errorf("TZ naming no zone: SystemZone = %q, want the system's", got)
	}
}

// TestOpenSettlesTheZone holds the migration half of issue 16 item 6: a
// file whose zone was "" (each process's own TZ) gets the zone in force
// when this version first opens it, once; opening it later under another
// TZ changes nothing. A file not set up yet is left alone until setup.
func TestOpenSettlesTheZone(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	s := openAt(t, path)
	setUp(t, s)
	// As versions before 16 stored "the system's zone".
	if _, err := s.db.ExecContext(ctx, `UPDATE settings SET value = '' WHERE key = 'time_zone'`); err != nil {
		t.Fatal(err)
	}
	s.Close()

	t.Setenv("TZ", "Asia/Tokyo")
	s = openAt(t, path)
	if set, err := s.Settings(ctx); err != nil || set.TimeZone != "Asia/Tokyo" {
		t.Fatalf("after opening under TZ=Asia/Tokyo: %+v, %v", set, err)
	}
	s.Close()
	t.Setenv("TZ", "America/New_York")
	s = openAt(t, path)
	if set, err := s.Settings(ctx); err != nil || set.TimeZone != "Asia/Tokyo" {
		t.Fatalf("a later open under another TZ changed the zone: %+v, %v", set, err)
	}

	fresh := openAt(t, filepath.Join(t.TempDir(), "new.db"))
	if n := count(t, fresh, "settings"); n != 0 {
		t.Errorf("a file not set up got %d settings at open", n)
	}
}
