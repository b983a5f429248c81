package main

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/masterplan-app/masterplan/app"
	"github.com/masterplan-app/masterplan/assets"
	"github.com/masterplan-app/masterplan/data/catalog"
	"github.com/masterplan-app/masterplan/data/store"
	"github.com/masterplan-app/masterplan/data/summary"
)

// appID is the app's unique ID (Preferences, notifications); it matches FyneApp.toml.
const appID = "io.github.masterplan_app.masterplan"

// choresAfter is how long after start-up the app waits before it checks
// every page of the database and writes the daily backup.
const choresAfter = 3 * time.Second

// guiGCPercent is the garbage collector's target for the desktop app
// (Go's default is 100).
const guiGCPercent = 50

// gcTunedAfter is when guiGCPercent takes effect: after the first frames.
const gcTunedAfter = time.Second

// remindersAfter is how long after start-up the tray and the reminders begin.
const remindersAfter = time.Second

// errGUIFailed reports that the GUI showed its own error dialog already.
var errGUIFailed = errors.New("the database could not be opened (see the message shown)")

func runGUI(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet("gui", e)
	if err := parseFlags(fs, e, "[gui]", args); err != nil {
		return err
	}
	cat, err := catalog.Load()
	if err != nil {
		return err
	}
	// The app stays open for hours, reading years of records on each
	// refresh: collecting when the heap has grown by half, not doubled,
	// keeps its memory close to what it holds (docs/performance.md). From
	// the start it would collect during the first frame, so only later.
	gc := time.AfterFunc(gcTunedAfter, func() { debug.SetGCPercent(guiGCPercent) })
	defer gc.Stop()
	a := fyneapp.NewWithID(appID)
	// The fonts load on the other core while the window and the screens
	// are made: the first frame measures text in them.
	app.WarmFonts()
	a.SetIcon(assets.Icon())
	w := a.NewWindow("MasterPlan")
	w.Resize(fyne.NewSize(1024, 700))

	// Quit cleanly on SIGTERM/SIGINT so that the database is closed properly.
	go func() {
		<-ctx.Done()
		fyne.Do(a.Quit)
	}()

	st, err := e.openStore(ctx)
	if err != nil {
		showFatal(w, err)
		w.ShowAndRun()
		return errGUIFailed
	}
	defer st.Close()
	if set, err := st.Settings(ctx); err == nil {
		app.ApplyTheme(a, set.Theme)
	}
	// open ends when the window closes: background work stops before the
	// database is closed.
	open, closing := context.WithCancel(ctx)
	defer closing()
	shell := app.NewShell(app.Deps{App: a, Window: w, Store: st, Catalog: cat, Now: e.now, DailyBackup: true, Version: appVersion(),
		Notifier: newDesktopNotifier(), ReminderSources: summary.ReminderSources(st), Quiet: choresAfter, Context: open,
		DayCheck: time.Minute})
	shell.Start()
	reminders := startRemindersLater(open, shell)
	w.ShowAndRun()
	closing()
	reminders.stop()
	shell.Close() // keeps the window's size and dividers for this database
	return nil
}

// laterReminders starts the tray and the reminder runner a moment after the
// window shows: neither should hold up its first frame, and the runner
// catches up anyway. stop stops them, or keeps them from starting.
type laterReminders struct {
	timer   *time.Timer
	mu      sync.Mutex
	stopped bool
	stopRun func()
}

func startRemindersLater(ctx context.Context, shell *app.Shell) *laterReminders {
	l := &laterReminders{}
	l.timer = time.AfterFunc(remindersAfter, func() {
		fyne.Do(func() {
			l.mu.Lock()
			defer l.mu.Unlock()
			if !l.stopped {
				l.stopRun = shell.StartReminders(ctx, trayAvailable())
			}
		})
	})
	return l
}

func (l *laterReminders) stop() {
	l.timer.Stop()
	l.mu.Lock()
	l.stopped = true
	stopRun := l.stopRun
	l.mu.Unlock()
	if stopRun != nil {
		stopRun()
	}
}

// showFatal explains in the window why the database cannot be used, and
// closes the app when the user dismisses it; the file is left untouched.
func showFatal(w fyne.Window, err error) {
	hint := "The file has not been changed."
	switch {
	case errors.Is(err, store.ErrCorrupt):
		hint += " Restore a backup with `masterplan restore FILE`, or start on a new file with --db."
	case errors.Is(err, store.ErrNewerSchema):
		hint += " Install the newer MasterPlan that wrote it."
	case errors.Is(err, store.ErrLocked):
		hint += " Close the other program using it and start MasterPlan again."
	case errors.Is(err, store.ErrReadOnly):
		hint += " Check the permissions of the file and its folder, or choose another file with --db."
	}
	msg := widget.NewLabel(fmt.Sprintf("%v\n\n%s", err, hint))
	msg.Wrapping = fyne.TextWrapWord
	w.SetContent(widget.NewLabel("MasterPlan could not open its database."))
	d := dialog.NewCustom("Cannot open the database", "Quit", msg, w)
	d.SetOnClosed(w.Close)
	d.Resize(fyne.NewSize(600, 250))
	// Nothing has focus in this window, so the keys reach the canvas: Enter
	// or Esc dismisses the message like the button does.
	w.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) {
		switch k.Name {
		case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyEscape:
			d.Hide()
		}
	})
	d.Show()
}
