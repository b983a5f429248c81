package app

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"strconv"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/masterplan-app/masterplan/app/widgets"
	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/remind"
	"github.com/masterplan-app/masterplan/data/store"
	"github.com/masterplan-app/masterplan/data/summary"
	"github.com/masterplan-app/masterplan/data/transfer"
)

// comingUp is how many next occurrences the screen lists.
const comingUp = 20

// kindNames are the kinds as the screen names them.
var kindNames = map[string]string{
	data.ReminderStudy:        "Study sessions",
	data.ReminderMilestone:    "Milestones",
	data.ReminderOneOff:       "One-off",
	data.ReminderNudgeReading: "Reading nudge",
	data.ReminderNudgeStudy:   "Study-goal nudge",
}

// kindHelp says what each kind does, on the "add" chooser.
var kindHelp = map[string]string{
	data.ReminderStudy:        "Repeats on the days and at the time you choose, e.g. Mon-Fri at 19:30.",
	data.ReminderMilestone:    "Rings some days before each milestone is due, and on the day.",
	data.ReminderOneOff:       "Rings once, at a day and time, with your text.",
	data.ReminderNudgeReading: "At most once a day, when the reading list is behind its deadline.",
	data.ReminderNudgeStudy:   "At most once a day, when this week's study is below the goal.",
}

// remindersScreen lists the reminders, what has rung and waits for Done or
// Snooze, and what comes next.
type remindersScreen struct {
	shell *Shell

	plan    store.ReminderPlan
	notices []store.Notice
	next    []data.Occurrence
	loc     *time.Location
	loads   loader[remindersData]

	list, noticeList, nextList *widget.List
	empty, noticeEmpty         *widget.Label
	nextEmpty                  *widget.Label
	overdue                    *widget.Label // open milestones past their day: they no longer ring
	undos                      *undoer
}

func newRemindersScreen(s *Shell) *remindersScreen {
	r := &remindersScreen{shell: s, loc: time.UTC}
	r.undos = newUndoer(s, r.refresh)
	r.list = widget.NewList(
		func() int { return len(r.plan.Schedule.Reminders) },
		func() fyne.CanvasObject {
			title := wrapRowLabel(widget.NewLabel(""))
			title.TextStyle.Bold = true
			// Labelled, as an empty box is hard to see in the light theme.
			return container.NewBorder(nil, nil, widget.NewCheck("On", nil),
				container.NewHBox(
					widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), nil),
					widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)),
				twoLines(title))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			rem := r.plan.Schedule.Reminders[id]
			row := o.(*fyne.Container)
			lines := row.Objects[0].(*fyne.Container)
			lines.Objects[0].(*widget.Label).SetText(rem.Title)
			lines.Objects[1].(*widget.Label).SetText(kindNames[rem.Kind] + ": " + rem.Describe())
			check := row.Objects[1].(*widget.Check)
			check.OnChanged = nil
			check.SetChecked(rem.Enabled)
			check.OnChanged = func(on bool) { r.setEnabled(rem, on) }
			buttons := row.Objects[2].(*fyne.Container)
			buttons.Objects[0].(*widget.Button).OnTapped = func() { r.edit(rem) }
			buttons.Objects[1].(*widget.Button).OnTapped = func() { r.delete(rem) }
		})
	r.noticeList = widget.NewList(
		func() int { return len(r.notices) },
		func() fyne.CanvasObject {
			title := wrapRowLabel(widget.NewLabel(""))
			title.TextStyle.Bold = true
			return container.NewBorder(nil, nil, nil,
				container.NewHBox(
					widget.NewButtonWithIcon("Snooze", theme.HistoryIcon(), nil),
					widget.NewButtonWithIcon("Done", theme.ConfirmIcon(), nil)),
				twoLines(title))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			n := r.notices[id]
			row := o.(*fyne.Container)
			lines := row.Objects[0].(*fyne.Container)
			lines.Objects[0].(*widget.Label).SetText(n.Title)
			lines.Objects[1].(*widget.Label).SetText(r.noticeLine(n))
			buttons := row.Objects[1].(*fyne.Container)
			snooze := buttons.Objects[0].(*widget.Button)
			snooze.OnTapped = func() { r.showSnoozeMenu(n, snooze) }
			buttons.Objects[1].(*widget.Button).OnTapped = func() { r.done(n) }
		})
	r.nextList = widget.NewList(
		func() int { return len(r.next) },
		func() fyne.CanvasObject {
			return wrapRowLabel(widget.NewLabel(""))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			n := r.next[id]
			o.(*widget.Label).SetText(n.At.In(r.loc).Format("Mon 2 Jan 15:04") + "   " + n.Title)
		})
	r.empty = wrapped("No reminders. Add one with Ctrl+N: a study session that repeats, a one-off note, or milestone reminders.")
	r.noticeEmpty = wrapped("Nothing waiting. Reminders that ring show here until you mark them done.")
	r.nextEmpty = wrapped("Nothing in the next year. Turn a reminder on, or add one.")
	r.overdue = wrapped("")
	r.overdue.Importance = widget.DangerImportance
	return r
}

// twoLines stacks a row's title over a smaller second line, close together
// (each label brings its own padding). Both wrap: the list's rows follow
// its width (rowsFollowWidth).
func twoLines(title *widget.Label) *fyne.Container {
	second := wrapRowLabel(widget.NewLabel(""))
	second.SizeName = theme.SizeNameCaptionText
	return container.New(layout.NewCustomPaddedVBoxLayout(-2*theme.Padding()), title, second)
}

func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

func heading(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// noticeLine says when a notice rang (or rings again) and its first line.
func (r *remindersScreen) noticeLine(n store.Notice) string {
	line := "Due " + n.DueAt.In(r.loc).Format("Mon 2 Jan 15:04")
	if n.State == store.NoticeSnoozed {
		line = "Snoozed until " + n.SnoozeUntil.In(r.loc).Format("Mon 2 Jan 15:04")
	}
	if n.InApp {
		line += " (shown here: no desktop notifications)"
	}
	if first, _, _ := strings.Cut(n.Body, "\n"); first != "" {
		line += " · " + first
	}
	return line
}

func (r *remindersScreen) view() fyne.CanvasObject {
	add := widget.NewButtonWithIcon("Add reminder (Ctrl+N)", theme.ContentAddIcon(), r.newItem)
	add.Importance = widget.HighImportance
	perMilestone := widget.NewButtonWithIcon("Per milestone…", theme.ListIcon(), r.editMilestones)
	export := widget.NewButtonWithIcon("Export calendar (.ics)…", theme.DocumentSaveIcon(), r.exportCalendar)
	left := container.NewBorder(container.NewVBox(heading("Your reminders"), r.empty), r.undos.bar, nil, nil, rowsFollowWidth(r.list))
	due := container.NewBorder(container.NewVBox(heading("Rang, waiting for Done"), r.noticeEmpty), nil, nil, nil, rowsFollowWidth(r.noticeList))
	next := container.NewBorder(container.NewVBox(heading("Coming up"), r.overdue, r.nextEmpty), nil, nil, nil, rowsFollowWidth(r.nextList))
	right := container.NewVSplit(due, next)
	right.Offset = 0.45
	split := container.NewHSplit(left, right)
	split.Offset = 0.5
	return container.NewBorder(
		container.NewHBox(perMilestone, export, layoutSpacer(), add),
		nil, nil, nil, split)
}

// remindersData is what the reminders screen shows, read off the UI
// goroutine.
type remindersData struct {
	plan    store.ReminderPlan
	notices []store.Notice
	next    []data.Occurrence
}

// refresh reads the reminders, the notices and what comes up next off the
// UI goroutine (see loader).
func (r *remindersScreen) refresh() {
	st, now := r.shell.Store, r.shell.Now()
	r.loads.load(r.shell, func(ctx context.Context) (remindersData, error) {
		var d remindersData
		var err error
		if d.plan, err = st.ReminderPlan(ctx); err != nil {
			return d, err
		}
		if d.notices, err = st.Notices(ctx); err != nil {
			return d, err
		}
		// A reminder the schedule cannot expand still leaves the others
		// listed; its row says what it is, and the runner logs why.
		d.next, _ = d.plan.Schedule.Next(now, comingUp)
		return d, nil
	}, r.show)
}

// show puts the data read by refresh on the widgets.
func (r *remindersScreen) show(d remindersData) {
	plan, notices, next := d.plan, d.notices, d.next
	r.plan, r.notices, r.next, r.loc = plan, notices, next, plan.Schedule.Zone
	showIf(r.empty, len(plan.Schedule.Reminders) == 0)
	showIf(r.noticeEmpty, len(notices) == 0)
	showIf(r.nextEmpty, len(next) == 0)
	overdue := data.OverdueText(plan.Schedule.Milestones, data.DateOf(r.shell.Now(), plan.Schedule.Zone), 3)
	r.overdue.SetText(overdue)
	showIf(r.overdue, overdue != "")
	r.list.Refresh()
	r.noticeList.Refresh()
	r.nextList.Refresh()
}

func showIf(o fyne.CanvasObject, show bool) {
	if show {
		o.Show()
	} else {
		o.Hide()
	}
}

// newItem asks which kind of reminder to add; kinds that exist once (the
// milestone reminder and the nudges) are offered only when missing.
func (r *remindersScreen) newItem() {
	have := map[string]bool{}
	for _, rem := range r.plan.Schedule.Reminders {
		have[rem.Kind] = true
	}
	var d dialog.Dialog
	var buttons []fyne.CanvasObject
	var first *keyTaker
	for _, kind := range data.ReminderKinds() {
		if have[kind] && kind != data.ReminderStudy && kind != data.ReminderOneOff {
			continue
		}
		b := widget.NewButton(kindNames[kind], func() {
			d.Hide()
			r.edit(data.NewReminder(kind, data.DateOf(r.shell.Now(), r.loc)))
		})
		b.Alignment = widget.ButtonAlignLeading
		// The chooser opens with its first choice focused: Enter (and
		// Space) take the focused choice, Esc closes the chooser.
		choice := newKeyTaker(b, b.OnTapped, func() { d.Hide() })
		if first == nil {
			first = choice
		}
		help := widget.NewLabel(kindHelp[kind])
		buttons = append(buttons, container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(170, b.MinSize().Height), choice), nil, help))
	}
	d = dialog.NewCustom("Add a reminder", "Cancel", container.NewVBox(buttons...), r.shell.Window)
	d.Resize(fyne.NewSize(720, 0))
	d.Show()
	r.shell.Window.Canvas().Focus(first)
}

func (r *remindersScreen) setEnabled(rem data.Reminder, on bool) {
	if err := r.shell.Store.SetReminderEnabled(r.shell.ctx(), rem.ID, on); err != nil {
		r.shell.showError(err)
	} else {
		what := "Turned off"
		if on {
			what = "Turned on"
		}
		r.undos.offer(fmt.Sprintf("%s the reminder “%s”.", what, rem.Title), func() error {
			return r.shell.Store.SetReminderEnabled(r.shell.ctx(), rem.ID, !on)
		})
	}
	r.shell.changed()
}

// delete deletes at once and offers to undo: the reminder comes back as
// new, so it rings from then on, never for what it missed meanwhile.
func (r *remindersScreen) delete(rem data.Reminder) {
	if err := r.shell.Store.DeleteReminder(r.shell.ctx(), rem.ID); err != nil {
		r.shell.showError(err)
		r.shell.changed()
		return
	}
	r.undos.offer(fmt.Sprintf("Deleted the reminder “%s”.", rem.Title), func() error {
		rem.ID = 0
		_, err := r.shell.Store.SaveReminder(r.shell.ctx(), rem)
		return err
	})
	r.shell.changed()
}

func (r *remindersScreen) undoer() *undoer { return r.undos }

func (r *remindersScreen) done(n store.Notice) {
	if err := r.shell.Store.DoneNotice(r.shell.ctx(), n.ID); err != nil {
		r.shell.showError(err)
	} else {
		r.offerNoticeBack(n, fmt.Sprintf("Marked “%s” done.", n.Title))
	}
	r.shell.changed()
}

// offerNoticeBack offers (saying msg) to put notice n back as it was
// before Done or Snooze.
func (r *remindersScreen) offerNoticeBack(n store.Notice, msg string) {
	r.undos.offer(msg, func() error { return r.shell.Store.RestoreNotice(r.shell.ctx(), n) })
}

// snoozes are the choices of the Snooze menu, in order.
var snoozes = []data.Snooze{data.Snooze10Minutes, data.SnoozeHour, data.SnoozeTomorrowMorning}

func (r *remindersScreen) showSnoozeMenu(n store.Notice, from fyne.CanvasObject) {
	var items []*fyne.MenuItem
	for _, s := range snoozes {
		items = append(items, fyne.NewMenuItem("For "+s.String(), func() { r.snooze(n, s) }))
	}
	c := r.shell.Window.Canvas()
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(from).Add(fyne.NewPos(0, from.Size().Height))
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), c, pos)
}

func (r *remindersScreen) snooze(n store.Notice, s data.Snooze) {
	if _, err := remind.Snooze(r.shell.ctx(), r.shell.Store, n.ID, s, r.shell.Now(), r.loc); err != nil {
		r.shell.showError(err)
	} else {
		r.offerNoticeBack(n, fmt.Sprintf("Snoozed “%s” for %s.", n.Title, s))
	}
	r.shell.changed()
}

// editMilestones lets each open milestone follow the milestone reminder,
// ring a different number of days before, or not ring. Changes save as
// they are made.
func (r *remindersScreen) editMilestones() {
	var open []data.Milestone
	for _, m := range r.plan.Schedule.Milestones {
		if !m.Done {
			open = append(open, m)
		}
	}
	if len(open) == 0 {
		r.shell.showInfo("No open milestones", "Add milestones on the Rotation screen (Ctrl+2); each then gets a reminder before it is due.")
		return
	}
	def := data.DefaultMilestoneDaysBefore
	for _, rem := range r.plan.Schedule.Reminders {
		if rem.Kind == data.ReminderMilestone {
			def = rem.DaysBefore
		}
	}
	save := func(m data.Milestone, ms *data.MilestoneSetting) {
		if err := r.shell.Store.SetMilestoneReminder(r.shell.ctx(), m.ID, ms); err != nil {
			r.shell.showError(err)
			return
		}
		if settings, err := r.shell.Store.MilestoneReminderSettings(r.shell.ctx()); err == nil {
			r.plan.Schedule.MilestoneSettings = settings
		}
	}
	list := widget.NewList(
		func() int { return len(open) },
		func() fyne.CanvasObject {
			days := widgets.NewEntry()
			days.Validator = func(v string) error {
				if strings.TrimSpace(v) == "" {
					return nil
				}
				_, err := parseDaysBefore(v)
				return err
			}
			return container.NewBorder(nil, nil, nil,
				container.NewHBox(widget.NewCheck("Remind", nil), container.NewGridWrap(fyne.NewSize(150, days.MinSize().Height), days)),
				widget.NewLabel(""))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			m := open[id]
			ms, own := r.plan.Schedule.MilestoneSettings[m.ID]
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Label).SetText(m.Due.String() + "  " + m.Title)
			controls := row.Objects[1].(*fyne.Container)
			check := controls.Objects[0].(*widget.Check)
			days := controls.Objects[1].(*fyne.Container).Objects[0].(*widgets.Entry)
			check.OnChanged, days.OnChanged = nil, nil
			check.SetChecked(!own || !ms.Off)
			days.PlaceHolder = fmt.Sprintf("default: %d days", def)
			days.SetText("")
			if own && !ms.Off {
				days.SetText(strconv.Itoa(ms.DaysBefore))
			}
			check.OnChanged = func(on bool) {
				switch {
				case !on:
					save(m, &data.MilestoneSetting{Off: true})
				case strings.TrimSpace(days.Text) == "":
					save(m, nil)
				default:
					if n, err := parseDaysBefore(days.Text); err == nil {
						save(m, &data.MilestoneSetting{DaysBefore: n})
					}
				}
			}
			days.OnChanged = func(v string) {
				if !check.Checked {
					return
				}
				if strings.TrimSpace(v) == "" {
					save(m, nil)
				} else if n, err := parseDaysBefore(v); err == nil {
					save(m, &data.MilestoneSetting{DaysBefore: n})
				}
			}
		})
	intro := wrapped(fmt.Sprintf("Each milestone rings %d days before it is due unless you choose otherwise here. Leave the days empty to follow that default.", def))
	d := dialog.NewCustom("Reminders per milestone", "Close", container.NewBorder(intro, nil, nil, nil, list), r.shell.Window)
	d.SetOnClosed(r.shell.changed)
	d.Resize(fyne.NewSize(760, 520))
	d.Show()
}

// exportCalendar writes the calendar file the user picks. The calendar is
// built in memory first, so a failure leaves no half-written file.
func (r *remindersScreen) exportCalendar() {
	in, err := remind.Calendar(r.shell.ctx(), r.shell.Store, r.shell.ReminderSources, r.shell.Now())
	if err != nil {
		r.shell.showError(err)
		return
	}
	var buf bytes.Buffer
	if err := transfer.WriteCalendar(&buf, in); err != nil {
		r.shell.showError(err)
		return
	}
	r.shell.saveFile(saveRequest{
		title: "Export the reminders as a calendar",
		name:  "masterplan.ics",
		busy:  "Exporting…",
		write: func(path string) error {
			return writeFileAtomic(path, func(w io.Writer) error { _, err := w.Write(buf.Bytes()); return err })
		},
		done: func(path string) string {
			return fmt.Sprintf("Wrote %s.\nImport it into your calendar; importing a newer export later updates the same events.", path)
		},
	})
}

// remindersCard is the dashboard's Reminders card: the next reminder and
// what waits for Done.
func remindersCard(s summary.Summary) (title, text string) {
	if s.Reminders == nil {
		return "", ""
	}
	return "Reminders", s.Reminders.Text()
}

// errNoDesktopNotifier is what an app without a desktop notifier answers,
// so every reminder shows in the window instead.
var errNoDesktopNotifier = errors.New("this build has no desktop notifier")

type inAppNotifier struct{}

func (inAppNotifier) Notify(context.Context, string, string) error { return errNoDesktopNotifier }

// StartReminders delivers reminders while the app runs: a runner in the
// background claims and notifies; what the desktop cannot show appears in
// the window (which says once why). With tray, the window closes to the
// system tray, whose menu shows the next reminder. The returned stop ends
// the runner and waits for it; call it before closing the store.
func (s *Shell) StartReminders(ctx context.Context, tray bool) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	notifier := s.Notifier
	if notifier == nil {
		notifier = inAppNotifier{}
	}
	var told bool // said why reminders show in the window; UI goroutine only
	runner := &remind.Runner{
		Store: s.Store, Notifier: notifier, Sources: s.ReminderSources, Now: s.Now, Name: "gui",
		Logf: log.Printf,
		Delivered: func(ds []remind.Delivery) {
			fyne.Do(func() { told = s.showDeliveries(ds, told) })
		},
	}
	var desk desktop.App
	if d, ok := s.App.(desktop.App); ok && tray {
		desk = d
		desk.SetSystemTrayMenu(s.trayMenu())
		desk.SetSystemTrayWindow(s.Window)
		runner.AfterPass = func() { fyne.Do(func() { desk.SetSystemTrayMenu(s.trayMenu()) }) }
	}
	var wg sync.WaitGroup
	wg.Go(func() { runner.Run(ctx) })
	return func() {
		cancel()
		wg.Wait()
	}
}

// showDeliveries refreshes the screen after reminders rang, and shows in
// the window those the desktop could not; told says whether the user has
// already been told why, and the result whether they have now. The
// technical reason goes to the log, not to the user.
func (s *Shell) showDeliveries(ds []remind.Delivery, told bool) bool {
	s.changed()
	var rows []fyne.CanvasObject
	var title string
	n := 0
	for _, d := range ds {
		if d.Err == nil {
			continue
		}
		n++
		title = "Reminder: " + d.Notice.Title
		rows = append(rows, widget.NewLabelWithStyle(d.Notice.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		if d.Notice.Body != "" {
			rows = append(rows, wrapped(d.Notice.Body))
		}
	}
	if n == 0 {
		return told
	}
	if n > 1 {
		title = fmt.Sprintf("%d reminders", n)
	}
	if !told {
		note := wrapped("Desktop notifications are not available here, so MasterPlan shows reminders in its window while it runs. " +
			"They stay on the Reminders screen (Ctrl+7) until you mark them done.")
		note.Importance = widget.WarningImportance
		rows = append(rows, widget.NewSeparator(), note)
	}
	d := dialog.NewCustom(title, "OK", container.NewVBox(rows...), s.Window)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
	return true
}

// trayMenu is the system tray's menu: the next reminder (opening the
// Reminders screen), the study timer, the window, and Quit.
func (s *Shell) trayMenu() *fyne.Menu {
	label := "No reminder coming up"
	if plan, err := s.Store.ReminderPlan(s.ctx()); err == nil {
		if next, _ := plan.Schedule.Next(s.Now(), 1); len(next) > 0 {
			label = "Next: " + next[0].At.In(plan.Schedule.Zone).Format("Mon 15:04") + " " + next[0].Title
		}
	}
	open := func(screen int) func() {
		return func() {
			s.Window.Show()
			s.Window.RequestFocus()
			s.Select(screen)
		}
	}
	quit := fyne.NewMenuItem("Quit", s.App.Quit)
	quit.IsQuit = true
	return fyne.NewMenu("MasterPlan",
		fyne.NewMenuItem(label, open(screenIndex("Reminders"))),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Start timer", func() {
			study := screenIndex("Study")
			open(study)()
			if sc, ok := s.screen(study).(*studyScreen); ok {
				sc.startIfIdle()
			}
		}),
		fyne.NewMenuItem("Open MasterPlan", func() { s.Window.Show(); s.Window.RequestFocus() }),
		fyne.NewMenuItemSeparator(),
		quit)
}

// screenIndex finds a screen in the table by title.
func screenIndex(title string) int {
	for i, d := range screenTable() {
		if d.title == title {
			return i
		}
	}
	return 0
}
