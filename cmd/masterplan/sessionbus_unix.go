//go:build linux || freebsd || netbsd || openbsd || illumos

package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/godbus/dbus/v5"
)

// errNoSessionBus says why a notification was not shown where no session
// bus runs: cron or a systemd timer while the user is logged out.
var errNoSessionBus = errors.New("no D-Bus session bus is running (DBUS_SESSION_BUS_ADDRESS is not set, as under cron while logged out); MasterPlan does not start one")

// checkSessionBus reports whether a session bus runs, without starting
// one. godbus and notify-send both fall back to dbus-launch when they find
// no bus, and each such run leaves a dbus-daemon behind, so nothing may
// ask them for the bus before this says there is one. It looks where
// godbus looks (DBUS_SESSION_BUS_ADDRESS, then the user's runtime
// socket, which it then puts in the variable for beeep to use) and
// connects once.
func checkSessionBus() error {
	conn, err := dbus.SessionBusPrivateNoAutoStartup()
	if err != nil {
		if os.Getenv("DBUS_SESSION_BUS_ADDRESS") == "" {
			return errNoSessionBus
		}
		return fmt.Errorf("the D-Bus session bus at %s does not answer: %w", os.Getenv("DBUS_SESSION_BUS_ADDRESS"), err)
	}
	return conn.Close()
}
