package app

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/masterplan-app/masterplan/app/widgets"
	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/store"
)

// weekdays in the order a week-start picker lists them.
var weekdays = []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday}

// settingsScreen edits the user's settings and manages backups.
type settingsScreen struct {
	shell     *Shell
	currency  *widgets.Entry
	goal      *widgets.Entry
	zone      *widgets.SelectEntry
	weekStart *widget.Select
	theme     *widget.Select
	saved     *widget.Label
	dbPath    *widget.Label

	keep       *widgets.Entry     // how many daily backups to keep
	backups    []store.AutoBackup // newest first
	backupList *widget.List
	noBackups  *widget.Label

	loads loader[settingsData]
}

func newSettingsScreen(s *Shell) *settingsScreen {
	st := &settingsScreen{shell: s, saved: widget.NewLabel(""), dbPath: widget.NewLabel("")}
	st.currency = widgets.NewEntry()
	st.currency.Validator = func(v string) error { return homeSettings(v).Validate() }
	st.goal = widgets.NewEntry()
	st.goal.Validator = func(v string) error { _, err := parseGoal(v); return err }
	st.zone = newHomeZoneEntry()
	names := make([]string, len(weekdays))
	for i, d := range weekdays {
		names[i] = d.String()
	}
	st.weekStart = widget.NewSelect(names, nil)
	st.theme = widget.NewSelect([]string{data.ThemeSystem, data.ThemeLight, data.ThemeDark}, nil)
	st.dbPath.Wrapping = fyne.TextWrapBreak
	st.keep = widgets.NewEntry()
	st.keep.Validator = func(v string) error { _, err := data.ParseBackupKeep(v); return err }
	st.noBackups = widget.NewLabel("No automatic backup yet: MasterPlan makes one each day you open it.")
	st.noBackups.Wrapping = fyne.TextWrapWord
	st.backupList = widget.NewList(
		func() int { return len(st.backups) },
		func() fyne.CanvasObject {
			return container.NewBorder(nil, nil, nil,
				widget.NewButtonWithIcon("Restore…", theme.HistoryIcon(), nil), widget.NewLabel(""))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			b := st.backups[id]
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Label).SetText(fmt.Sprintf("%s  (%s)", b.Day, sizeText(b.Size)))
			row.Objects[1].(*widget.Button).OnTapped = func() { st.confirmRestore(b.Path) }
		})
	return st
}

// sizeText shows a file size the way a file manager does.
func sizeText(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

func (st *settingsScreen) view() fyne.CanvasObject {
	form := widget.NewForm(
		&widget.FormItem{Text: "Home currency", Widget: st.currency, HintText: "ISO code of the currency you are paid in, e.g. USD, GBP"},
		&widget.FormItem{Text: "Weekly study goal", Widget: st.goal, HintText: "Hours per week"},
		&widget.FormItem{Text: "Your time zone", Widget: st.zone, HintText: "Reminders and study days follow it; the computer's is " + store.SystemZone()},
		&widget.FormItem{Text: "Week starts on", Widget: st.weekStart},
		&widget.FormItem{Text: "Theme", Widget: st.theme, HintText: "\"system\" follows the desktop's light or dark setting"},
	)
	form.SubmitText = "Save settings"
	form.OnSubmit = st.save
	backup := widget.NewButtonWithIcon("Back up now…", theme.DocumentSaveIcon(), st.backup)
	restore := widget.NewButtonWithIcon("Restore from a backup…", theme.HistoryIcon(), st.restore)
	about := widget.NewButtonWithIcon("About MasterPlan", theme.InfoIcon(), st.about)
	data := widget.NewCard("Your data", "Everything lives in one file on this computer.",
		container.NewVBox(st.dbPath, container.NewHBox(backup, restore, about)))
	keepForm := widget.NewForm(&widget.FormItem{Text: "Keep the last", Widget: st.keep, HintText: "daily backups (1 to 365)"})
	keepForm.SubmitText = "Save"
	keepForm.OnSubmit = st.saveKeep
	// A list needs a height of its own inside the scrolling page.
	listArea := canvas.NewRectangle(color.Transparent)
	listArea.SetMinSize(fyne.NewSize(0, 180))
	auto := widget.NewCard("Automatic backups", "A copy each day the app opens, in the \"backups\" folder beside the database.",
		container.NewVBox(keepForm, container.NewStack(listArea, st.backupList, st.noBackups)))
	return container.NewVScroll(container.NewPadded(container.NewVBox(
		widget.NewCard("Settings", "", container.NewVBox(form, st.saved)), data, auto)))
}

// about shows the version and where the data lives: what a support
// question starts with.
func (st *settingsScreen) about() {
	path := st.shell.Store.Path()
	dialog.ShowInformation("About MasterPlan", fmt.Sprintf("MasterPlan %s\n\nDatabase: %s\nDaily backups: %s",
		st.shell.Version, path, store.AutoBackupDir(path)), st.shell.Window)
}

func (st *settingsScreen) newItem() {}

// settingsData is what the settings screen shows, read off the UI
// goroutine.
type settingsData struct {
	set     data.Settings
	keep    int
	backups []store.AutoBackup
	// keepErr and backupsErr are why the backups' part could not be read:
	// the screen says so and shows the rest.
	keepErr, backupsErr error
}

// refresh reads the settings and the automatic backups off the UI
// goroutine (see loader).
func (st *settingsScreen) refresh() {
	db := st.shell.Store
	st.loads.load(st.shell, func(ctx context.Context) (settingsData, error) {
		var d settingsData
		var err error
		if d.set, err = db.Settings(ctx); err != nil {
			return d, err
		}
		if d.keep, d.keepErr = db.AutoBackupKeep(ctx); d.keepErr == nil {
			d.backups, d.backupsErr = db.AutoBackups()
		}
		return d, nil
	}, st.show)
}

// show puts the data read by refresh on the widgets.
func (st *settingsScreen) show(d settingsData) {
	set := d.set
	st.currency.SetText(set.HomeCurrency)
	st.goal.SetText(strconv.FormatFloat(set.WeeklyGoalHours, 'f', -1, 64))
	st.zone.SetText(set.TimeZone)
	st.weekStart.SetSelected(set.WeekStart.String())
	st.theme.SetSelected(set.Theme)
	st.dbPath.SetText("Database: " + st.shell.Store.Path())
	st.saved.SetText("")
	if d.keepErr != nil {
		st.shell.showError(d.keepErr)
		return
	}
	st.showBackups(d.keep, d.backups, d.backupsErr)
}

// refreshBackups reloads the automatic backups and how many are kept.
func (st *settingsScreen) refreshBackups() {
	keep, err := st.shell.Store.AutoBackupKeep(st.shell.ctx())
	if err != nil {
		st.shell.showError(err)
		return
	}
	backups, err := st.shell.Store.AutoBackups()
	st.showBackups(keep, backups, err)
}

// showBackups shows how many automatic backups are kept and which there
// are; err is why they could not be listed.
func (st *settingsScreen) showBackups(keep int, backups []store.AutoBackup, err error) {
	st.keep.SetText(strconv.Itoa(keep))
	if st.backups = backups; err != nil {
		st.shell.showError(err)
	}
	st.noBackups.Hidden = len(st.backups) > 0
	st.noBackups.Refresh()
	st.backupList.Refresh()
}

// saveKeep changes how many automatic backups are kept; older ones go at once.
func (st *settingsScreen) saveKeep() {
	keep, err := data.ParseBackupKeep(st.keep.Text)
	if err == nil {
		err = st.shell.Store.SetAutoBackupKeep(st.shell.ctx(), keep)
	}
	if err != nil {
		showFieldErrors(err, map[string]fyne.Validatable{"backups kept": st.keep})
		st.shell.showError(err)
		return
	}
	st.refreshBackups()
}

func (st *settingsScreen) save() {
	set := homeSettings(st.currency.Text)
	goal, err := parseGoal(st.goal.Text)
	set.WeeklyGoalHours = goal
	set.TimeZone = strings.TrimSpace(st.zone.Text)
	err = errors.Join(err, checkHomeZone(set.TimeZone))
	for _, d := range weekdays {
		if d.String() == st.weekStart.Selected {
			set.WeekStart = d
		}
	}
	set.Theme = st.theme.Selected
	if err == nil {
		err = st.shell.Store.SaveSettings(st.shell.ctx(), set)
	}
	if err != nil {
		showFieldErrors(err, map[string]fyne.Validatable{
			"home currency": st.currency, "weekly goal": st.goal, "your time zone": st.zone,
		})
		st.shell.showError(err)
		return
	}
	ApplyTheme(st.shell.App, set.Theme)
	st.saved.SetText("Saved.")
}

// backup asks where to write a copy of the database and writes it, showing
// progress because a large file takes a moment.
func (st *settingsScreen) backup() {
	st.shell.saveFile(saveRequest{
		title: "Back up the data",
		name:  "masterplan-" + st.shell.Now().Format("2006-01-02") + ".db",
		busy:  "Backing up…",
		write: func(path string) error { return st.shell.Store.Backup(st.shell.ctx(), path) },
		done:  func(path string) string { return "Backed up to " + path + "." },
	})
}

// restore replaces the data with a backup after confirmation, keeping a
// copy of the current data first.
func (st *settingsScreen) restore() {
	dialog.ShowFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		st.confirmRestore(path)
	}, st.shell.Window)
}

// confirmRestore replaces the data with the backup at path once the user
// agrees, keeping a copy of the current data first.
func (st *settingsScreen) confirmRestore(path string) {
	safety := store.SafetyCopyPath(st.shell.Store.Path(), st.shell.Now())
	dialog.ShowConfirm("Restore from backup?",
		fmt.Sprintf("Everything in MasterPlan will be replaced by %s.\nYour current data is kept first in %s.", path, safety),
		func(ok bool) {
			if !ok {
				return
			}
			st.shell.runWithProgress("Restoring…", func() error { return st.shell.Store.Restore(st.shell.ctx(), path, safety) },
				"Restored. Your previous data is in "+safety)
		}, st.shell.Window)
}
