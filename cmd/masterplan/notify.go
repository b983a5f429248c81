package main

import (
	"context"
	"fmt"

	"github.com/gen2brain/beeep"

	"github.com/masterplan-app/masterplan/assets"
	"github.com/masterplan-app/masterplan/data/remind"
	"github.com/masterplan-app/masterplan/data/store"
)

// appName is how the notification centre names the sender.
const appName = "MasterPlan"

// desktopNotifier shows notifications through beeep: D-Bus on Linux (then
// notify-send), the notification centre on macOS and Windows.
type desktopNotifier struct{ icon []byte }

var _ remind.Notifier = (*desktopNotifier)(nil)

// newDesktopNotifier names the app to beeep (a package variable of beeep's,
// set once here before any notification) and carries the icon as PNG bytes,
// which D-Bus servers show from the image-data hint.
func newDesktopNotifier() *desktopNotifier {
	beeep.AppName = appName
	return &desktopNotifier{icon: assets.IconPNG()}
}

// Notify shows one notification. beeep cannot be cancelled, so ctx only
// stops a notification that has not started.
func (n *desktopNotifier) Notify(ctx context.Context, title, body string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := beeep.Notify(title, body, n.icon); err != nil {
		return fmt.Errorf("show notification %q: %w", title, err)
	}
	return nil
}

// reminderSources is the one place that tells reminders about the other
// feature areas' records: the reading pace and the week's study hours for
// the nudges, and the exams for the calendar export. An area whose store
// methods this build does not have yet leaves its field nil: its nudge
// stays quiet and the calendar has no exams.
func reminderSources(*store.Store) remind.Sources {
	return remind.Sources{}
}
