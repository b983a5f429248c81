package main

import (
	"context"
	"fmt"
	"runtime"

	"github.com/gen2brain/beeep"
	"github.com/godbus/dbus/v5"

	"github.com/masterplan-app/masterplan/data/remind"
)

// appName is how the notification centre names the sender.
const appName = "MasterPlan"

// desktopNotifier shows notifications through beeep: D-Bus on Linux (then
// notify-send), the notification centre on macOS and Windows (a toast).
// icon is what beeep takes: PNG bytes, or on Windows a file's path
// (notificationIcon says why).
type desktopNotifier struct{ icon any }

var _ remind.Notifier = (*desktopNotifier)(nil)

// newDesktopNotifier names the app to beeep (a package variable of beeep's,
// set once here before any notification) and carries the icon.
func newDesktopNotifier() *desktopNotifier {
	beeep.AppName = appName
	return &desktopNotifier{icon: notificationIcon()}
}

// Notify shows one notification. beeep cannot be cancelled, so ctx only
// stops a notification that has not started.
func (n *desktopNotifier) Notify(ctx context.Context, title, body string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := checkSessionBus(); err != nil {
		return fmt.Errorf("show notification %q: %w", title, err)
	}
	if err := beeep.Notify(title, body, n.icon); err != nil {
		return fmt.Errorf("show notification %q: %w", title, err)
	}
	return nil
}

// trayAvailable says whether the desktop shows tray icons. Windows and
// macOS always do; on Linux and the BSDs Fyne's tray is a
// StatusNotifierItem, which appears only where a StatusNotifierWatcher runs.
// Without one, closing the window must quit, or the app would run on with
// no way back to it.
func trayAvailable() bool {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		return true
	}
	if checkSessionBus() != nil {
		return false
	}
	conn, err := dbus.SessionBus()
	if err != nil {
		return false
	}
	var has bool
	err = conn.BusObject().Call("org.freedesktop.DBus.NameHasOwner", 0, "org.kde.StatusNotifierWatcher").Store(&has)
	return err == nil && has
}
