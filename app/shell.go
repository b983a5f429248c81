// Package app is MasterPlan's desktop interface: the window, its navigation
// and one file per screen. Screens read and write through the store and ask
// package data for every number; they hold no business rule of their own.
package app

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/catalog"
	"github.com/masterplan-app/masterplan/data/remind"
	"github.com/masterplan-app/masterplan/data/store"
)

// Deps is what the shell needs from its caller.
type Deps struct {
	App     fyne.App
	Window  fyne.Window
	Store   *store.Store
	Catalog catalog.Catalog
	Now     func() time.Time // the clock; tests fix it
	// Notifier shows desktop notifications (reminders, Pomodoro switches).
	Notifier remind.Notifier
	// DailyBackup makes the once-a-day automatic backup when the screens
	// open; the desktop app sets it, tests leave it off.
	DailyBackup bool
	// ReminderSources reads other areas' records for the reminders' nudges
	// and the calendar export.
	ReminderSources remind.Sources
	// Background runs slow reads off the UI goroutine (they hand their
	// result back with fyne.Do); nil starts a goroutine. Tests run them
	// in place, to read the result as soon as the call returns.
	Background func(work func())
	// UI hands the end of background work to the UI goroutine; nil is
	// fyne.Do. Tests that run loads on goroutines of their own queue it
	// here and run it on the test's goroutine, as the window's would.
	UI func(fn func())
	// Quiet is how long after the screens are up the chores begin: the
	// check of every page and the daily backup. Tests leave it 0.
	Quiet time.Duration
	// Context is cancelled when the app closes, which ends background
	// work; nil means never.
	Context context.Context
	// WindowState keeps the window's state for this database (last
	// screen, dividers, size); nil means the Store.
	WindowState WindowStateStore
	// Version is the app's version for the About box: FyneApp.toml's, as
	// `masterplan --version` prints it.
	Version string
	// DayCheck is how often the shell looks whether the day turned, to
	// re-plan at midnight (dayturn.go); 0: never, tests call checkDay.
	DayCheck time.Duration
}

// screen is one page of the app. refresh reloads it from the store; newItem
// is what Ctrl+N does there (nothing on screens without items).
type screen interface {
	view() fyne.CanvasObject
	refresh()
	newItem()
}

// finder is a screen with a list that Ctrl+F searches: find puts the
// cursor in its find box.
type finder interface{ find() }

// screenDef registers a screen: its title, icon and constructor. The order
// of screens in the table is the order of the navigation and of Ctrl+1..8.
type screenDef struct {
	title string
	icon  fyne.Resource
	build func(*Shell) screen
}

func screenTable() []screenDef {
	return []screenDef{
		{"Dashboard", theme.HomeIcon(), func(s *Shell) screen { return newDashboardScreen(s) }},
		{"Rotation", theme.CalendarIcon(), func(s *Shell) screen { return newRotationScreen(s) }},
		{"Reading", theme.DocumentIcon(), func(s *Shell) screen { return newReadingScreen(s) }},
		{"Study", theme.HistoryIcon(), func(s *Shell) screen { return newStudyScreen(s) }},
		{"Practice", theme.ConfirmIcon(), func(s *Shell) screen { return newPracticeScreen(s) }},
		{"Budget", theme.StorageIcon(), func(s *Shell) screen { return newBudgetScreen(s) }},
		{"Reminders", theme.InfoIcon(), func(s *Shell) screen { return newRemindersScreen(s) }},
		{"Settings", theme.SettingsIcon(), func(s *Shell) screen { return newSettingsScreen(s) }},
		{"Plan", theme.ListIcon(), func(s *Shell) screen { return newPlanScreen(s) }},
	}
}

// Shell is the main window's content: first-launch setup, then the screens.
type Shell struct {
	Deps
	tabs *container.AppTabs
	// screens hold each screen's state once it was first needed (see
	// screen): the window draws before the others are made.
	screens []screen
	defs    []screenDef
	// views hold each screen's view once it was first shown: laying out
	// eight screens before the window first draws would slow the start.
	views []*fyne.Container
	setup *setupForm // the first-launch form while it shows
	state *windowState
	// notifying counts the notifications being shown (see notify); tests
	// wait for them.
	notifying sync.WaitGroup
	// lastSaveDir is the folder a file was last saved in, which the save
	// dialog suggests next; saved is the last "Saved" message (tests).
	lastSaveDir string
	saved       dialog.Dialog
	day         data.Date // the day the plan screens were last made for (checkDay)
}

// NewShell builds the shell; call Start to fill the window.
func NewShell(d Deps) *Shell {
	if d.Now == nil {
		d.Now = time.Now
	}
	return &Shell{Deps: d}
}

// background runs work off the UI goroutine (see Deps.Background).
func (s *Shell) background(work func()) {
	if s.Background != nil {
		s.Background(work)
		return
	}
	go work()
}

// ctx is the context for store calls made from the UI: they are short and
// the user cannot cancel them, so a background context is right.
func (s *Shell) ctx() context.Context {
	if s.Context != nil {
		return s.Context
	}
	return context.Background()
}

// toUI hands fn, the end of some background work, to the UI goroutine,
// unless the app is closing: its window is then gone, and fyne.Do would
// run fn on the caller's goroutine.
func (s *Shell) toUI(fn func()) {
	switch {
	case s.ctx().Err() != nil:
	case s.UI != nil:
		s.UI(fn)
	default:
		fyne.Do(fn)
	}
}

// Start shows the first-launch setup on a new database, else the screens.
// Ctrl+Q quits from anywhere, the setup included.
func (s *Shell) Start() {
	s.Window.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) {
		s.App.Quit()
	})
	s.Window.Canvas().SetOnTypedKey(s.dialogKeys)
	ws := s.WindowState
	if ws == nil && s.Store != nil {
		ws = s.Store
	}
	s.state = newWindowState(ws, s.background)
	s.restoreWindowSize()
	needs, err := s.Store.NeedsSetup(s.ctx())
	if err != nil {
		s.showError(err)
		return
	}
	if needs {
		s.setup = newSetupForm(s, func() {
			s.setup = nil
			s.showMain()
		})
		s.Window.SetContent(s.setup.view())
		return
	}
	s.showMain()
}

// dialogKeys gives every dialog the same keys when no field has the focus
// (a confirmation, a message, an error): Esc closes it, Enter presses its
// default button. A form's own fields report Esc and Enter to it: see
// widgets.Escapable and showFormDialog.
func (s *Shell) dialogKeys(k *fyne.KeyEvent) {
	top := s.Window.Canvas().Overlays().Top()
	if top == nil {
		return
	}
	switch k.Name {
	case fyne.KeyEscape:
		top.Hide()
	case fyne.KeyReturn, fyne.KeyEnter:
		if act := defaultAction(top); act != nil {
			act()
		}
	}
}

// defaultAction is what Enter does in a dialog: a form's submit (as its
// fields' Enter does, and only when the form is valid), else the button
// that stands out (Yes, Delete, Open), else the only one (OK); nil when no
// single button is the default.
func defaultAction(dialog fyne.CanvasObject) func() {
	var buttons []*widget.Button
	var forms []*widget.Form
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if !o.Visible() {
			return
		}
		switch v := o.(type) {
		case *widget.PopUp:
			walk(v.Content)
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		case *widget.Form:
			if v.OnSubmit != nil {
				forms = append(forms, v)
			}
		case *widget.Button:
			if !v.Disabled() && v.OnTapped != nil {
				buttons = append(buttons, v)
			}
		}
	}
	walk(dialog)
	if len(forms) == 1 {
		form := forms[0]
		return func() {
			if form.Validate() == nil {
				form.OnSubmit()
			}
		}
	}
	for _, imp := range []widget.Importance{widget.HighImportance, widget.DangerImportance, widget.WarningImportance, widget.SuccessImportance} {
		var found []*widget.Button
		for _, b := range buttons {
			if b.Importance == imp {
				found = append(found, b)
			}
		}
		if len(found) == 1 {
			return found[0].OnTapped
		}
	}
	if len(buttons) == 1 {
		return buttons[0].OnTapped
	}
	return nil
}

// showMain builds the navigation and the screens.
func (s *Shell) showMain() {
	defs := screenTable()
	s.defs = defs
	s.screens = make([]screen, len(defs))
	s.views = make([]*fyne.Container, len(defs))
	items := make([]*container.TabItem, len(defs))
	for i, d := range defs {
		s.views[i] = container.NewStack()
		items[i] = container.NewTabItemWithIcon(d.title, d.icon, s.views[i])
	}
	// The study screen offers at once to recover a timer left running
	// when the app last stopped.
	s.screen(screenIndex("Study"))
	s.tabs = container.NewAppTabs(items...)
	s.tabs.SetTabLocation(container.TabLocationLeading)
	s.tabs.OnSelected = func(*container.TabItem) { s.showScreen(s.tabs.SelectedIndex()) }
	s.addShortcuts()
	s.Window.SetContent(s.tabs)
	last := s.state.int(stateLastScreen, 0)
	if last < 0 || last >= len(defs) {
		last = 0
	}
	if last == s.tabs.SelectedIndex() {
		s.showScreen(last)
	} else {
		s.tabs.SelectIndex(last) // OnSelected shows it
	}
	s.watchDay()
	// Chores that can wait begin after Deps.Quiet, so that they do not
	// compete with the first frames for the processor.
	s.background(func() {
		select {
		case <-time.After(s.Quiet):
		case <-s.ctx().Done():
			return
		}
		s.checkFile()
		if s.DailyBackup {
			s.dailyBackup()
		}
	})
}

// checkFile reads every page of the database once the screens are up:
// opening it only checks its length, to start quickly, and a page damaged
// inside is worth knowing about before more is typed into the file.
func (s *Shell) checkFile() {
	if err := s.Store.Check(s.ctx()); err != nil {
		s.toUI(func() {
			s.showError(fmt.Errorf("%w. Restore a backup (Settings, Backups) or start on a new file with --db; until then, what you add may be lost", err))
		})
		return
	}
	s.checkKept()
}

// checkKept holds the totals the store keeps to a recount of their
// records, and works them out again when they differ or were kept for
// other settings: the screens read them, and a wrong total is worse than
// the second it takes.
func (s *Shell) checkKept() {
	err := s.Store.VerifyKept(s.ctx())
	if errors.Is(err, store.ErrKeptDrift) || errors.Is(err, store.ErrKeptStale) {
		err = s.Store.RebuildKept(s.ctx())
	}
	if err != nil && s.ctx().Err() == nil {
		s.toUI(func() { s.showError(err) })
	}
}

// showScreen shows screen i, the selected one, making its view the first
// time, and remembers it for the next start.
func (s *Shell) showScreen(i int) {
	s.rememberScreen(i)
	if len(s.views[i].Objects) == 0 {
		s.views[i].Add(s.screen(i).view())
		s.restoreSplits(i)
	}
	s.screen(i).refresh()
}

// screen is screen i's state, made the first time it is needed.
func (s *Shell) screen(i int) screen {
	if s.screens[i] == nil {
		s.screens[i] = s.defs[i].build(s)
	}
	return s.screens[i]
}

// dailyBackup writes today's automatic backup (off the UI goroutine); only
// a failure is worth interrupting the user for.
func (s *Shell) dailyBackup() {
	today := data.DateOf(s.Now(), time.Local)
	if set, err := s.Store.Settings(s.ctx()); err == nil {
		today = data.DateOf(s.Now(), set.Location())
	}
	if _, err := s.Store.DailyBackup(s.ctx(), today); err != nil {
		s.toUI(func() {
			s.showError(fmt.Errorf("the automatic daily backup failed (your data is unchanged): %w", err))
		})
	}
}

// Select shows screen i (0-based, in the order of the table).
func (s *Shell) Select(i int) {
	if s.tabs != nil && i >= 0 && i < len(s.screens) {
		s.tabs.SelectIndex(i)
	}
}

// SelectedTitle names the visible screen ("" before setup is done).
func (s *Shell) SelectedTitle() string {
	if s.tabs == nil || s.tabs.Selected() == nil {
		return ""
	}
	return s.tabs.Selected().Text
}

// changed refreshes the visible screen after a change made elsewhere.
func (s *Shell) changed() {
	if s.tabs != nil {
		s.screen(s.tabs.SelectedIndex()).refresh()
	}
}

// addShortcuts adds the screens' shortcuts: Ctrl+1..8 to switch screens,
// Ctrl+N for a new item, Ctrl+P for the report, Ctrl+F to find. They also
// work from a field on a screen (see widgets.Entry), but not while a dialog
// is open: it would stay open over another screen, or under a second one.
func (s *Shell) addShortcuts() {
	c := s.Window.Canvas()
	add := func(k fyne.KeyName, do func()) {
		c.AddShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) {
			if c.Overlays().Top() == nil {
				do()
			}
		})
	}
	// Ctrl+Z outside a text field undoes the screen's last delete or edit
	// (in a field it undoes the typing, as everywhere).
	c.AddShortcut(&fyne.ShortcutUndo{}, func(fyne.Shortcut) {
		if c.Overlays().Top() == nil {
			s.undoOnScreen()
		}
	})
	keys := []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6, fyne.Key7, fyne.Key8, fyne.Key9}
	for i, k := range keys[:len(s.screens)] {
		add(k, func() { s.Select(i) })
	}
	add(fyne.KeyN, func() { s.screen(s.tabs.SelectedIndex()).newItem() })
	add(fyne.KeyP, s.showReportForm)
	add(fyne.KeyF, func() {
		if f, ok := s.screen(s.tabs.SelectedIndex()).(finder); ok {
			f.find()
		}
	})
}

// showError shows err in a dialog, with a plain sentence first for the
// errors a user can act on.
func (s *Shell) showError(err error) {
	dialog.ShowError(userError(err), s.Window)
}

// userError turns an error into what the user should read.
func userError(err error) error {
	var fe []*data.FieldError = data.FieldErrors(err)
	switch {
	case len(fe) > 0:
		msg := ""
		for i, f := range fe {
			if i > 0 {
				msg += "\n"
			}
			msg += capitalise(f.Error())
		}
		return errors.New(msg)
	case errors.Is(err, data.ErrNotFound):
		return fmt.Errorf("that record no longer exists (it may have been deleted elsewhere): %w", err)
	}
	return err
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	if r[0] >= 'a' && r[0] <= 'z' {
		r[0] -= 'a' - 'A'
	}
	return string(r)
}

// showInfo tells the user something in a dialog.
func (s *Shell) showInfo(title, message string) {
	dialog.ShowInformation(title, message, s.Window)
}

// runWithProgress runs work off the UI goroutine behind a progress dialog
// and reports the outcome.
func (s *Shell) runWithProgress(title string, work func() error, success string) {
	prog := dialog.NewCustomWithoutButtons(title, widget.NewProgressBarInfinite(), s.Window)
	prog.Show()
	go func() {
		err := work()
		fyne.Do(func() {
			prog.Hide()
			if err != nil {
				s.showError(err)
				return
			}
			s.showInfo("Done", success)
			s.changed()
		})
	}()
}
