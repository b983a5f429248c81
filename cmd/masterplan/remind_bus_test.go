package main

import (
	"fmt"
	"os"
	"os/user"
	"path/filepath"
	"strings"
	"testing"
)

// TestRemindOnceNeverLaunchesABus holds issue 16 item 13: with no session
// bus (cron while logged out: DBUS_SESSION_BUS_ADDRESS unset), godbus
// started one with dbus-launch on every run that had something to
// notify, and each run left a dbus-daemon behind. A dbus-launch on PATH
// that records being run shows whether anything tried; the reminder is
// kept for the app and stderr says once why.
func TestRemindOnceNeverLaunchesABus(t *testing.T) {
	if u, err := user.Current(); err == nil {
		if _, err := os.Stat(fmt.Sprintf("/run/user/%s/bus", u.Uid)); err == nil {
			t.Skip("this machine has a user bus socket that godbus finds without DBUS_SESSION_BUS_ADDRESS")
		}
	}
	bin := t.TempDir()
	launched := filepath.Join(t.TempDir(), "dbus-launch-ran")
	script := "#!/bin/sh\necho ran >> " + launched + "\nexit 1\n"
	if err := os.WriteFile(filepath.Join(bin, "dbus-launch"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin)
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "")
	os.Unsetenv("DBUS_SESSION_BUS_ADDRESS")

	db := setupDB(t)
	mustRun(t, db, "remind", "add", "one-off", "Pay the fee", "--date", "2026-11-23", "--at", "12:00", "--tz", "UTC")
	mustRun(t, db, "remind", "add", "one-off", "Book the hotel", "--date", "2026-11-23", "--at", "12:00", "--tz", "UTC")
	r := runCLI(t, db, "remind", "--once")
	if _, err := os.Stat(launched); err == nil {
		t.Fatal("remind --once ran dbus-launch: it would leave a dbus-daemon behind")
	}
	if r.code != 0 || strings.Count(r.stdout, "(kept for the app (no desktop notifications))") != 2 {
		t.Fatalf("exit %d\nstdout %s\nstderr %s", r.code, r.stdout, r.stderr)
	}
	if n := strings.Count(r.stderr, "no D-Bus session bus"); n != 1 {
		t.Fatalf("stderr says %d times why there is no notification, want once:\n%s", n, r.stderr)
	}
}
