package app

import (
	"context"
	"errors"
	"fmt"
	"image"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/masterplan-app/masterplan/app/widgets"
	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/chart"
	"github.com/masterplan-app/masterplan/data/store"
)

// noReadingItem is the reading-item choice for "not a reading item".
const noReadingItem = "(none)"

// studyScreen times study, logs it by hand, and shows this week against the
// goal, the streak, hours by topic and the charts.
type studyScreen struct {
	shell *Shell

	// What the screen shows, as last read from the store.
	set    data.Settings
	opts   store.StudyOptions
	timer  data.TimerState
	totals data.StudyTotals
	pages  *pagedRows[data.StudySession] // the list, newest first
	all    []data.StudySession           // every session, oldest first: read when Find is first used
	shown  []data.StudySession           // the sessions matching Find, newest first
	items  []data.ReadingItem            // the reading list's choices (store.ReadingChoices)
	loads  loader[studyData]
	// The hours by topic, and the one topic list (Store.TopicChoices).
	topics     []data.StudyTopicHours
	topicNames []string // known topics, for the topic choices
	// pomodoro is the Pomodoro state at the last tick, to notice a switch.
	pomodoro   data.PomodoroStatus
	pomodoroOK bool
	tickEvery  time.Duration // 0: no ticker (tests call tick themselves)
	ticker     *time.Ticker
	tickerStop chan struct{}
	recovery   *timerRecovery // the keep-or-discard dialog while it shows

	clock      *widget.RichText
	timerState *widget.Label
	banner     *widget.Label
	topic      *widgets.SelectEntry
	item       *widget.Select
	pomoCheck  *widget.Check
	startPause *widget.Button
	stop       *widget.Button
	week       *widget.Label
	weekBar    *widgets.Meter
	streak     *widget.Label
	total      *widget.Label
	weeklyImg  *widgets.ChartImage
	heatImg    *widgets.ChartImage
	topicList  *widget.List
	findEntry  *widgets.Entry
	list       *widget.List
	empty      *widget.Label
	undos      *undoer
}

var _ finder = (*studyScreen)(nil)

func newStudyScreen(s *Shell) *studyScreen {
	sc := &studyScreen{shell: s, tickEvery: time.Second}
	sc.pages = newPagedRows(func(offset, limit int) ([]data.StudySession, error) {
		return s.Store.StudySessionsNewestFirst(s.ctx(), offset, limit)
	}, s.showError)
	sc.clock = widget.NewRichText(&widget.TextSegment{Text: "0:00:00", Style: widget.RichTextStyleHeading})
	sc.timerState = widget.NewLabel("")
	sc.timerState.Wrapping = fyne.TextWrapWord
	sc.banner = widget.NewLabel("")
	sc.banner.Wrapping = fyne.TextWrapWord
	sc.banner.Importance = widget.HighImportance
	sc.banner.Hide()
	sc.topic = newTopicChoice(nil)
	sc.item = widget.NewSelect([]string{noReadingItem}, nil)
	sc.item.PlaceHolder = "Reading item (optional)"
	sc.pomoCheck = widget.NewCheck("Pomodoro", sc.setPomodoro)
	sc.startPause = widget.NewButtonWithIcon("Start", theme.MediaPlayIcon(), sc.onStartPause)
	sc.startPause.Importance = widget.HighImportance
	sc.stop = widget.NewButtonWithIcon("Stop and log", theme.MediaStopIcon(), sc.onStop)
	sc.week = widget.NewLabel("")
	sc.weekBar = widgets.NewMeter()
	sc.streak = widget.NewLabel("")
	sc.total = widget.NewLabel("")
	sc.weeklyImg = widgets.NewChartImage(fyne.NewSize(300, 160))
	sc.heatImg = widgets.NewChartImage(fyne.NewSize(300, 160))
	sc.topicList = widget.NewList(
		func() int { return len(sc.topics) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			t := sc.topics[id]
			name := t.Topic
			if name == "" {
				name = "(no topic)"
			}
			o.(*widget.Label).SetText(fmt.Sprintf("%s: %s h", name, studyHoursText(t.Hours)))
		})
	sc.findEntry = widgets.NewEntry()
	sc.findEntry.PlaceHolder = "Find by topic, note or date (Ctrl+F)"
	sc.findEntry.OnChanged = func(string) { sc.filter() }
	sc.list = newLazyEditList(sc.rowCount, sc.rowAt,
		func(id int, ss data.StudySession) string { return sc.sessionLine(ss) },
		sc.editSession, sc.deleteSession)
	sc.empty = widget.NewLabel("No study logged yet. Press Start to time a session, or \"Log time\" (Ctrl+N) for time already spent.")
	sc.empty.Wrapping = fyne.TextWrapWord
	sc.undos = newUndoer(s, sc.refresh)

	sc.loadTimer()
	sc.offerRecovery()
	return sc
}

func (sc *studyScreen) view() fyne.CanvasObject {
	logTime := widget.NewButtonWithIcon("Log time (Ctrl+N)", theme.ContentAddIcon(), sc.newItem)
	settings := widget.NewButtonWithIcon("Study settings", theme.SettingsIcon(), sc.editOptions)
	timerCard := widget.NewCard("Timer", "", container.NewVBox(
		container.NewHBox(sc.clock, layoutSpacer(), sc.pomoCheck),
		sc.timerState,
		container.NewGridWithColumns(2, sc.topic, sc.item),
		container.NewGridWithColumns(2, sc.startPause, sc.stop),
		sc.banner,
	))
	statsCard := widget.NewCard("This week", "", container.NewVBox(sc.week, sc.weekBar, sc.streak, sc.total))
	top := container.NewGridWithColumns(2, timerCard, statsCard)
	sessions := container.NewBorder(
		container.NewVBox(
			container.NewHBox(widget.NewLabelWithStyle("Sessions", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
				layoutSpacer(), settings, logTime),
			sc.findEntry, sc.empty, sc.undos.bar),
		nil, nil, nil, rowsFollowWidth(sc.list))
	charts := container.NewAppTabs(
		container.NewTabItem("Weekly hours", sc.weeklyImg),
		container.NewTabItem("Heat map", sc.heatImg),
		container.NewTabItem("By topic", sc.topicList),
	)
	split := container.NewHSplit(sessions, charts)
	split.Offset = 0.5
	return container.NewBorder(top, nil, nil, nil, split)
}

func (sc *studyScreen) newItem() { sc.editSession(data.StudySession{}) }

func (sc *studyScreen) find() { sc.shell.Window.Canvas().Focus(sc.findEntry) }

// studyData is what the study screen shows besides the timer, read off
// the UI goroutine.
type studyData struct {
	totals     data.StudyTotals
	items      []data.ReadingItem
	topicNames []string            // the one topic list (Store.TopicChoices)
	firstPage  []data.StudySession // the list's first page (pagedRows.restart)
}

// readStudy reads the sums, the reading list's choices and the one topic
// list (off the UI goroutine: see loader). The sums come from the
// store's per-day totals and the list is read a page at a time as it
// scrolls: years of sessions are never all read unless Find searches them.
func readStudy(ctx context.Context, st *store.Store, loc *time.Location, today data.Date, streakMinimum time.Duration) (studyData, error) {
	var d studyData
	var err error
	if d.totals, err = st.StudyTotals(ctx, loc, today, streakMinimum); err != nil {
		return d, err
	}
	if d.firstPage, err = st.StudySessionsNewestFirst(ctx, 0, listPage); err != nil {
		return d, err
	}
	if d.items, err = st.ReadingChoices(ctx); err != nil {
		return d, err
	}
	// The one topic list, practice topics first, so study counts next to
	// the scores.
	var rotationID int64
	if rot, err := st.Rotation(ctx); err == nil {
		rotationID = rot.ID
	} else if !errors.Is(err, data.ErrNotFound) {
		return d, err
	}
	if d.topicNames, err = st.TopicChoices(ctx, rotationID); err != nil {
		return d, err
	}
	return d, nil
}

// loadTimer reads the settings and the saved timer: all that the start-up
// offer to recover an open session needs, without the years of sessions
// the screen reads when it is first shown.
func (sc *studyScreen) loadTimer() bool {
	ctx := sc.shell.ctx()
	st := sc.shell.Store
	var err error
	if sc.set, err = st.Settings(ctx); err != nil {
		sc.shell.showError(err)
		return false
	}
	if sc.opts, err = st.StudyOptions(ctx); err != nil {
		sc.shell.showError(err)
		return false
	}
	timer, err := st.Timer(ctx)
	if err != nil && !errors.Is(err, data.ErrInvalid) {
		sc.shell.showError(err)
		return false
	}
	if err != nil {
		// A timer row that no longer reads cannot be kept: say so and drop it.
		sc.shell.showError(fmt.Errorf("the saved study timer could not be read and was discarded: %w", err))
		if derr := st.SaveTimer(ctx, data.TimerState{}); derr != nil {
			sc.shell.showError(derr)
		}
		timer = data.TimerState{}
	}
	sc.timer = timer
	return true
}

// refresh reads the timer on the UI goroutine, in order with the screen's
// own changes to it (start, stop, pause; a few rows), and the rest off it.
func (sc *studyScreen) refresh() {
	if !sc.loadTimer() {
		return
	}
	sc.showTimer() // at once: the buttons follow a start or stop without waiting for the sums
	loc := sc.set.Location()
	st, today, minimum := sc.shell.Store, data.DateOf(sc.shell.Now(), loc), sc.opts.StreakMinimum
	sc.loads.load(sc.shell, func(ctx context.Context) (studyData, error) {
		return readStudy(ctx, st, loc, today, minimum)
	}, func(d studyData) {
		sc.totals, sc.items, sc.topicNames = d.totals, d.items, d.topicNames
		sc.pages.restart(d.firstPage)
		sc.all = nil
		sc.show()
	})
}

// show puts the loaded state on the widgets.
func (sc *studyScreen) show() {
	now := sc.shell.Now()
	loc := sc.set.Location()
	today := data.DateOf(now, loc)
	week := data.WeekHoursOfDays(sc.totals.Recent, today, sc.set.WeekStart)
	goal := sc.set.WeeklyGoalHours
	switch {
	case goal <= 0:
		sc.week.SetText(fmt.Sprintf("%s h this week (no weekly goal: set one in Settings)", studyHoursText(week)))
		sc.weekBar.SetValue(0)
	case week >= goal:
		sc.week.SetText(fmt.Sprintf("%s h of %s h goal: reached", studyHoursText(week), studyHoursText(goal)))
		sc.weekBar.SetValue(1)
	default:
		sc.week.SetText(fmt.Sprintf("%s h of %s h goal: %s h to go", studyHoursText(week), studyHoursText(goal), studyHoursText(goal-week)))
		sc.weekBar.SetValue(week / goal)
	}
	streak := sc.totals.Streak
	sc.streak.SetText(fmt.Sprintf("Streak: %s (best %s); a day counts from %s",
		studyDaysText(streak.Current), studyDaysText(streak.Longest), data.FormatStudyDuration(sc.opts.StreakMinimum)))
	noun := "sessions"
	if sc.totals.Sessions == 1 {
		noun = "session"
	}
	sc.total.SetText(fmt.Sprintf("Total: %s h in %d %s", studyHoursText(sc.totals.Total.Hours()), sc.totals.Sessions, noun))
	sc.topics = sc.totals.Topics
	sc.topicList.Refresh()
	sc.showCharts(today, goal)
	sc.topic.SetOptions(sc.topicNames)
	sc.item.Options = sc.itemOptions()
	sc.item.Refresh()
	sc.filter()
	sc.showTimer()
}

// showTimer puts the timer's state on its controls.
func (sc *studyScreen) showTimer() {
	sc.pomoCheck.OnChanged = nil
	if sc.timer.Phase() == data.TimerIdle {
		sc.pomoCheck.SetChecked(sc.opts.PomodoroEnabled)
	} else {
		sc.pomoCheck.SetChecked(sc.timer.Pomodoro.Enabled())
	}
	sc.pomoCheck.OnChanged = sc.setPomodoro
	sc.tick()
	sc.updateTicker()
}

func (sc *studyScreen) showCharts(today data.Date, goal float64) {
	weeks := data.WeeklyStudyOfDays(sc.totals.Recent, today, sc.set.WeekStart, data.StudyChartWeeks)
	days := data.DailyStudyOfDays(sc.totals.Recent, today, sc.set.WeekStart, data.StudyHeatmapWeeks)
	sc.weeklyImg.Draw = func(w, h int, scale float32) (image.Image, error) {
		return chart.WeeklyStudyChart(weeks, goal, chartStyle(sc.shell.App, scale), w, h)
	}
	sc.heatImg.Draw = func(w, h int, scale float32) (image.Image, error) {
		return chart.StudyHeatmap(days, chartStyle(sc.shell.App, scale), w, h)
	}
	sc.weeklyImg.Refresh()
	sc.heatImg.Refresh()
}

func (sc *studyScreen) itemOptions() []string {
	opts := []string{noReadingItem}
	for _, it := range sc.items {
		opts = append(opts, itemLabel(it))
	}
	return opts
}

// itemLabel names a reading item in a choice; the id keeps equal titles apart.
func itemLabel(it data.ReadingItem) string { return fmt.Sprintf("%s (#%d)", it.Title, it.ID) }

// itemID is the id of the item chosen as label; 0 for none.
func (sc *studyScreen) itemID(label string) int64 {
	for _, it := range sc.items {
		if itemLabel(it) == label {
			return it.ID
		}
	}
	return 0
}

func (sc *studyScreen) itemTitle(id int64) string {
	for _, it := range sc.items {
		if it.ID == id {
			return it.Title
		}
	}
	return ""
}

func (sc *studyScreen) itemChoice(id int64) string {
	for _, it := range sc.items {
		if it.ID == id {
			return itemLabel(it)
		}
	}
	return noReadingItem
}

// sessionLine is one session in the list, in the user's zone.
func (sc *studyScreen) sessionLine(ss data.StudySession) string {
	parts := []string{ss.Start.In(sc.set.Location()).Format("Mon 2006-01-02 15:04"), data.FormatStudyDuration(ss.Duration)}
	if ss.Topic != "" {
		parts = append(parts, ss.Topic)
	}
	if t := sc.itemTitle(ss.ReadingItemID); t != "" {
		parts = append(parts, "reading "+t)
	}
	if ss.Note != "" {
		parts = append(parts, strings.ReplaceAll(ss.Note, "\n", " "))
	}
	return strings.Join(parts, "  ·  ")
}

// findQuery is the find box's text as the list matches it.
func (sc *studyScreen) findQuery() string {
	return strings.ToLower(strings.TrimSpace(sc.findEntry.Text))
}

// rowCount is the number of rows in the list: every session, or those
// matching Find.
func (sc *studyScreen) rowCount() int {
	if sc.findQuery() != "" {
		return len(sc.shown)
	}
	return sc.totals.Sessions
}

// rowAt is row i of the list, reading its page when it first comes into view.
func (sc *studyScreen) rowAt(i int) data.StudySession {
	if sc.findQuery() != "" {
		return sc.shown[i]
	}
	return sc.pages.at(i)
}

// filter fills the list, newest first, with the sessions matching the find
// box; the first search reads every session.
func (sc *studyScreen) filter() {
	q := sc.findQuery()
	sc.shown = sc.shown[:0]
	if q != "" && sc.all == nil {
		all, err := sc.shell.Store.StudySessions(sc.shell.ctx(), time.Time{}, time.Time{})
		if err != nil {
			sc.shell.showError(err)
			all = []data.StudySession{} // said once; the next refresh reads again
		}
		sc.all = all
	}
	if q != "" {
		for i := len(sc.all) - 1; i >= 0; i-- {
			if ss := sc.all[i]; strings.Contains(strings.ToLower(sc.sessionLine(ss)), q) {
				sc.shown = append(sc.shown, ss)
			}
		}
	}
	switch {
	case sc.totals.Sessions == 0:
		sc.empty.SetText("No study logged yet. Press Start to time a session, or \"Log time\" (Ctrl+N) for time already spent.")
		sc.empty.Show()
	case q != "" && len(sc.shown) == 0:
		sc.empty.SetText(fmt.Sprintf("No session matches %q.", sc.findEntry.Text))
		sc.empty.Show()
	default:
		sc.empty.Hide()
	}
	sc.list.Refresh()
}

// tick shows the timer at the shell's now and notices Pomodoro switches.
func (sc *studyScreen) tick() {
	now := sc.shell.Now()
	t := sc.timer
	loc := sc.set.Location()
	sc.setClock(clockText(t.Elapsed(now)))
	switch t.Phase() {
	case data.TimerIdle:
		sc.timerState.SetText("Not running. Choose a topic or reading item if you like, then Start.")
		sc.startPause.SetText("Start")
		sc.startPause.SetIcon(theme.MediaPlayIcon())
		sc.stop.Disable()
		sc.topic.Enable()
		sc.item.Enable()
		sc.pomoCheck.Enable()
	case data.TimerRunning, data.TimerPaused:
		state := fmt.Sprintf("Running since %s", t.StartedAt.In(loc).Format("15:04"))
		sc.startPause.SetText("Pause")
		sc.startPause.SetIcon(theme.MediaPauseIcon())
		if t.Phase() == data.TimerPaused {
			state = fmt.Sprintf("Paused (started %s)", t.StartedAt.In(loc).Format("15:04"))
			sc.startPause.SetText("Resume")
			sc.startPause.SetIcon(theme.MediaPlayIcon())
		}
		if t.Topic != "" {
			state += ", topic " + t.Topic
		}
		if title := sc.itemTitle(t.ReadingItemID); title != "" {
			state += ", reading " + title
		}
		state += fmt.Sprintf(". Study counted: %s.", data.FormatStudyDuration(t.Studied(now).Truncate(time.Second)))
		sc.stop.Enable()
		sc.topic.Disable()
		sc.item.Disable()
		sc.pomoCheck.Disable()
		if p, ok := t.PomodoroAt(now); ok {
			what := "work"
			if p.OnBreak {
				what = "break"
			}
			state += fmt.Sprintf(" Pomodoro round %d: %s, %s left.", p.Round, what, data.FormatStudyDuration(p.Left.Truncate(time.Second)))
			if sc.pomodoroOK && (p.OnBreak != sc.pomodoro.OnBreak || p.Round != sc.pomodoro.Round) {
				sc.announceSwitch(p)
			}
			sc.pomodoro, sc.pomodoroOK = p, true
		} else {
			sc.pomodoroOK = false
		}
		sc.timerState.SetText(state)
	}
}

func (sc *studyScreen) setClock(text string) {
	seg := sc.clock.Segments[0].(*widget.TextSegment)
	if seg.Text != text {
		seg.Text = text
		sc.clock.Refresh()
	}
}

// clockText writes elapsed time as H:MM:SS.
func clockText(d time.Duration) string {
	d = d.Truncate(time.Second)
	return fmt.Sprintf("%d:%02d:%02d", int(d/time.Hour), int(d%time.Hour/time.Minute), int(d%time.Minute/time.Second))
}

// announceSwitch tells the user the Pomodoro switched: on the desktop when
// a notifier works, else (and also) in the window.
func (sc *studyScreen) announceSwitch(p data.PomodoroStatus) {
	title, body := "Time for a break", fmt.Sprintf("Round %d done: take %s.", p.Round, data.FormatStudyDuration(sc.timer.Pomodoro.Break))
	if !p.OnBreak {
		title, body = "Back to work", fmt.Sprintf("Round %d: %s of study.", p.Round, data.FormatStudyDuration(sc.timer.Pomodoro.Work))
	}
	sc.banner.SetText(title + ". " + body)
	sc.banner.Show()
	sc.shell.notify(title, body, func(err error) {
		sc.banner.SetText(fmt.Sprintf("%s. %s (Desktop notifications are not available: %v)", title, body, err))
	})
}

// updateTicker runs the once-a-second tick while the timer is open and
// stops it when idle, so an idle app does no work.
func (sc *studyScreen) updateTicker() {
	running := sc.timer.Phase() != data.TimerIdle
	switch {
	case running && sc.ticker == nil && sc.tickEvery > 0:
		sc.ticker = time.NewTicker(sc.tickEvery)
		sc.tickerStop = make(chan struct{})
		go func(c <-chan time.Time, stop <-chan struct{}) {
			for {
				select {
				case <-c:
					fyne.Do(sc.tick)
				case <-stop:
					return
				}
			}
		}(sc.ticker.C, sc.tickerStop)
	case !running && sc.ticker != nil:
		sc.ticker.Stop()
		close(sc.tickerStop)
		sc.ticker, sc.tickerStop = nil, nil
	}
}

// saveTimer stores the changed timer and shows it; on failure nothing changes.
func (sc *studyScreen) saveTimer(t data.TimerState) bool {
	if err := sc.shell.Store.SaveTimer(sc.shell.ctx(), t); err != nil {
		sc.shell.showError(err)
		return false
	}
	sc.timer = t
	sc.tick()
	sc.updateTicker()
	return true
}

// startIfIdle starts the timer, with the topic and item chosen on the
// screen, unless one is open already (the tray's Start timer).
func (sc *studyScreen) startIfIdle() {
	if sc.timer.Phase() == data.TimerIdle {
		sc.onStartPause()
	}
}

func (sc *studyScreen) onStartPause() {
	now := sc.shell.Now()
	t := sc.timer
	var err error
	switch t.Phase() {
	case data.TimerIdle:
		if err = sc.topic.Validate(); err == nil {
			p := data.Pomodoro{}
			if sc.pomoCheck.Checked {
				p = sc.opts.Pomodoro
			}
			err = t.Start(now, strings.TrimSpace(sc.topic.Text), sc.itemID(sc.item.Selected), p)
			sc.pomodoroOK = false
			sc.banner.Hide()
		}
	case data.TimerRunning:
		err = t.Pause(now)
	case data.TimerPaused:
		err = t.Resume(now)
	}
	if err != nil {
		sc.shell.showError(err)
		return
	}
	sc.saveTimer(t)
}

// onStop logs the session; one too short to log is offered for discarding,
// one that overlaps a logged session is offered to keep both or replace.
func (sc *studyScreen) onStop() {
	now := sc.shell.Now()
	ss, err := sc.shell.Store.StopTimer(sc.shell.ctx(), now, "")
	if err != nil {
		if over := sc.overlapped(now); len(over) > 0 {
			sc.askOverlap(now, over)
			return
		}
		if len(data.FieldErrors(err)) > 0 {
			d := dialog.NewConfirm("Discard this session?", userError(err).Error()+"\n\nDiscard the timer without logging anything?", func(ok bool) {
				if ok {
					sc.discardTimer()
				}
			}, sc.shell.Window)
			d.SetConfirmText("Discard")
			d.Show()
			return
		}
		sc.shell.showError(err)
		return
	}
	sc.banner.SetText(fmt.Sprintf("Logged %s%s.", data.FormatStudyDuration(ss.Duration), topicSuffix(ss.Topic)))
	sc.banner.Show()
	sc.shell.changed()
	sc.refresh()
}

// overlapped lists the logged sessions that the open timer's session,
// stopped at now, overlaps.
func (sc *studyScreen) overlapped(now time.Time) []data.StudySession {
	t := sc.timer
	ss, err := t.Stop(now)
	if err != nil {
		return nil
	}
	near, err := sc.shell.Store.StudySessions(sc.shell.ctx(), ss.Start.Add(-data.MaxStudySession), ss.End())
	if err != nil {
		return nil
	}
	return data.Overlapping(ss, near)
}

// askOverlap offers the two ways to log a timer whose time overlaps
// sessions already logged: keep both (the timer logs only the time they do
// not cover) or replace them. Either is done at once and can be undone from
// the bar or with Ctrl+Z, which also sets the timer running again.
func (sc *studyScreen) askOverlap(now time.Time, over []data.StudySession) {
	loc := sc.set.Location()
	var lines []string
	for _, o := range over {
		lines = append(lines, fmt.Sprintf("• %s, %s to %s%s", data.FormatStudyDuration(o.Duration),
			o.Start.In(loc).Format("Mon 2 Jan 15:04"), o.End().In(loc).Format("15:04"), topicSuffix(o.Topic)))
	}
	msg := wrapped(fmt.Sprintf("This timer's time overlaps %s already logged:\n%s\n\n"+
		"Keep both logs only the timer's time not already logged; Replace logs the timer's session and removes %s. Either can be undone.",
		plural(len(over), "a session", "sessions"), strings.Join(lines, "\n"), plural(len(over), "it", "them")))
	var d *dialog.CustomDialog
	resolve := func(replace bool) {
		d.Hide()
		stopped, err := sc.shell.Store.StopTimerOverlapping(sc.shell.ctx(), now, replace)
		if err != nil {
			sc.shell.showError(err)
			return
		}
		var logged time.Duration
		for _, l := range stopped.Logged {
			logged += l.Duration
		}
		what := fmt.Sprintf("Logged %s around the sessions already there.", data.FormatStudyDuration(logged))
		if replace {
			what = fmt.Sprintf("Logged %s, replacing %d %s.", data.FormatStudyDuration(logged), len(stopped.Removed), plural(len(stopped.Removed), "session", "sessions"))
		}
		sc.undos.offer(what, func() error { return sc.shell.Store.UndoStopTimer(sc.shell.ctx(), stopped) })
		sc.refresh()
		sc.shell.changed()
	}
	keep := widget.NewButton("Keep both", func() { resolve(false) })
	keep.Importance = widget.HighImportance
	replace := widget.NewButton("Replace", func() { resolve(true) })
	cancel := widget.NewButton("Cancel", func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons("The timer overlaps logged study", msg, sc.shell.Window)
	d.SetButtons([]fyne.CanvasObject{cancel, replace, keep})
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
}

func topicSuffix(topic string) string {
	if topic == "" {
		return ""
	}
	return " of " + topic
}

func (sc *studyScreen) discardTimer() {
	if sc.saveTimer(data.TimerState{}) {
		sc.refresh()
		sc.shell.changed()
	}
}

func (sc *studyScreen) setPomodoro(on bool) {
	o := sc.opts
	o.PomodoroEnabled = on
	if err := sc.shell.Store.SaveStudyOptions(sc.shell.ctx(), o); err != nil {
		sc.shell.showError(err)
		return
	}
	sc.opts = o
}

// timerRecovery is the dialog offered at launch when a timer was left open
// by a crash or a quit: keep it running, log it ending at a time the user
// gives, or discard it.
type timerRecovery struct {
	dlg                dialog.Dialog
	end                *widgets.Entry
	message            *widget.Label
	keep, log, discard *widget.Button
}

func (sc *studyScreen) offerRecovery() {
	t := sc.timer
	if t.Phase() == data.TimerIdle {
		return
	}
	now := sc.shell.Now()
	loc := sc.set.Location()
	r := &timerRecovery{end: widgets.NewEntry(), message: widget.NewLabel("")}
	r.message.Wrapping = fyne.TextWrapWord
	r.end.SetText(now.In(loc).Format("15:04"))
	r.end.Validator = func(v string) error { _, err := data.ParseClock("end", v); return err }
	what := ""
	if t.Topic != "" {
		what = " (" + t.Topic + ")"
	}
	intro := fmt.Sprintf("A study session%s was still open when MasterPlan last closed. It started %s and is %s, with %s counted.\n\n"+
		"Keep it running, log it as ending at the time below (today, %s), or discard it.",
		what, t.StartedAt.In(loc).Format("Mon 2006-01-02 15:04"), t.Phase(), data.FormatStudyDuration(t.Studied(now).Truncate(time.Second)),
		data.DateOf(now, loc))
	intro = strings.Replace(intro, "is paused", "paused", 1)
	r.keep = widget.NewButtonWithIcon("Keep running", theme.MediaPlayIcon(), func() {
		r.dlg.Hide()
		sc.recovery = nil
	})
	r.log = widget.NewButtonWithIcon("Log it", theme.ConfirmIcon(), func() { sc.recoverLog(r) })
	r.end.OnSubmitted = func(string) { sc.recoverLog(r) } // Enter logs, as the default button
	r.log.Importance = widget.HighImportance
	r.discard = widget.NewButtonWithIcon("Discard", theme.DeleteIcon(), func() {
		r.dlg.Hide()
		sc.recovery = nil
		sc.discardTimer()
	})
	r.message.Hide()
	content := container.NewVBox(widget.NewLabel(intro), widget.NewForm(widget.NewFormItem("Ended at", r.end)), r.message,
		container.NewGridWithColumns(3, r.discard, r.keep, r.log))
	content.Objects[0].(*widget.Label).Wrapping = fyne.TextWrapWord
	r.dlg = dialog.NewCustomWithoutButtons("Open study session", content, sc.shell.Window)
	r.dlg.Resize(fyne.NewSize(560, content.MinSize().Height+60))
	sc.recovery = r
	r.dlg.Show()
	sc.shell.Window.Canvas().Focus(r.end)
}

// recoverLog logs the recovered session as ending at the typed time today
// (or yesterday, when that time has not come yet today).
func (sc *studyScreen) recoverLog(r *timerRecovery) {
	clock, err := data.ParseClock("end", r.end.Text)
	if err != nil {
		r.message.SetText(capitalise(err.Error()))
		r.message.Show()
		return
	}
	now := sc.shell.Now()
	loc := sc.set.Location()
	day := data.DateOf(now, loc)
	at := clock.On(day, loc)
	if at.After(now) {
		at = clock.On(day.AddDays(-1), loc)
	}
	if at.Before(sc.timer.StartedAt) {
		r.message.SetText(fmt.Sprintf("The session started at %s; give an end after that.", sc.timer.StartedAt.In(loc).Format("2006-01-02 15:04")))
		r.message.Show()
		return
	}
	ss, err := sc.shell.Store.StopTimer(sc.shell.ctx(), at, "")
	if err != nil {
		r.message.SetText(userError(err).Error())
		r.message.Show()
		return
	}
	r.dlg.Hide()
	sc.recovery = nil
	sc.banner.SetText(fmt.Sprintf("Logged %s%s from the open session.", data.FormatStudyDuration(ss.Duration), topicSuffix(ss.Topic)))
	sc.banner.Show()
	sc.refresh()
	sc.shell.changed() // the dialog shows over whichever screen opened first
}

// editSession opens the log form; a session with ID 0 is a new one.
func (sc *studyScreen) editSession(ss data.StudySession) {
	loc := sc.set.Location()
	now := sc.shell.Now()
	day := sc.shell.dateEntry("date", false)
	start := widgets.NewEntry()
	start.PlaceHolder = "HH:MM (optional)"
	start.Validator = func(v string) error {
		if strings.TrimSpace(v) == "" {
			return nil
		}
		_, err := data.ParseClock("start", v)
		return err
	}
	dur := widgets.NewEntry()
	dur.PlaceHolder = "e.g. 1h30m, 45m or 90"
	dur.Validator = func(v string) error { _, err := data.ParseStudyDuration(v); return err }
	topic := newTopicChoice(sc.topicNames)
	item := widget.NewSelect(sc.itemOptions(), nil)
	note := widgets.NewMultiLineEntry()
	note.SetMinRowsVisible(2)
	note.Validator = func(v string) error { return data.CheckText("note", v, false, data.MaxNoteLen) }
	sc.checkNotFuture(day, start, dur)
	title := "Edit session"
	if ss.ID == 0 {
		title = "Log study time"
		day.SetDate(data.DateOf(now, loc))
	} else {
		day.SetDate(data.DateOf(ss.Start, loc))
		start.SetText(ss.Start.In(loc).Format("15:04"))
		dur.SetText(data.FormatStudyDuration(ss.Duration))
	}
	topic.SetText(ss.Topic)
	item.SetSelected(sc.itemChoice(ss.ReadingItemID))
	note.SetText(ss.Note)
	fields := map[string]fyne.Validatable{"duration": dur, "date": day, "start": start, "topic": topic, "note": note}
	save := func() error {
		out, err := sessionFromForm(ss, day.Text, start.Text, dur.Text, loc, sc.shell.Now())
		if err != nil {
			return err
		}
		out.Topic, out.Note = strings.TrimSpace(topic.Text), note.Text
		out.ReadingItemID = sc.itemID(item.Selected)
		if _, err := sc.shell.Store.SaveStudySession(sc.shell.ctx(), out); err != nil {
			return err
		}
		sc.offerUndoEdit(ss, out)
		sc.shell.changed()
		sc.refresh()
		return nil
	}
	showFormDialog(sc.shell.Window, title, "Save",
		[]*widget.FormItem{
			{Text: "Duration", Widget: dur, HintText: "how long you studied"},
			{Text: "Date", Widget: day, HintText: "today or earlier"}, // the hint keeps the message's line
			{Text: "Start", Widget: start, HintText: "leave empty to log just the duration"},
			{Text: "Topic", Widget: topic},
			{Text: "Reading item", Widget: item},
			{Text: "Note", Widget: note},
		},
		fields, save)
}

// checkNotFuture adds the rule that a session logged by hand is not in the
// future (data.CheckSessionNotFuture) to the form's date and start, checked
// again whenever the date, start or duration changes: the message shows at
// the field to fix as soon as it is wrong, and goes as soon as it is right.
func (sc *studyScreen) checkNotFuture(day *widgets.DateEntry, start, dur *widgets.Entry) {
	rule := func() error {
		d, err := data.ParseDate("date", day.Text)
		if err != nil {
			return nil // the date's own message
		}
		var at *data.Clock
		if strings.TrimSpace(start.Text) != "" {
			c, err := data.ParseClock("start", start.Text)
			if err != nil {
				return nil // the start's own message
			}
			at = &c
		}
		length, _ := data.ParseStudyDuration(dur.Text)
		return data.CheckSessionNotFuture(d, at, length, sc.set.Location(), sc.shell.Now())
	}
	dayOwn, startOwn := day.Validator, start.Validator
	day.Validator = func(v string) error {
		if err := dayOwn(v); err != nil {
			return err
		}
		return fieldError(rule(), "date")
	}
	start.Validator = func(v string) error {
		if err := startOwn(v); err != nil {
			return err
		}
		return fieldError(rule(), "start")
	}
	day.OnChanged = func(string) { start.Validate() }
	dur.OnChanged = func(string) { start.Validate() }
}

// fieldError is err's message for field, nil when it has none.
func fieldError(err error, field string) error {
	for _, fe := range data.FieldErrors(err) {
		if fe.Field == field {
			return fe
		}
	}
	return nil
}

// sessionFromForm reads the form's date, start and duration into ss: with a
// start, the session starts then on that day; without, it is placed as
// data.UntimedSessionStart does.
func sessionFromForm(ss data.StudySession, dayText, startText, durText string, loc *time.Location, now time.Time) (data.StudySession, error) {
	var errs []error
	d, err := data.ParseStudyDuration(durText)
	errs = append(errs, err)
	day, err := data.ParseDate("date", dayText)
	if strings.TrimSpace(dayText) == "" {
		err = data.Invalid("date", "is required; write it as YYYY-MM-DD")
	}
	errs = append(errs, err)
	var clock data.Clock
	timed := strings.TrimSpace(startText) != ""
	if timed {
		clock, err = data.ParseClock("start", startText)
		errs = append(errs, err)
	}
	if err := errors.Join(errs...); err != nil {
		return ss, err
	}
	ss.Duration = d
	if timed {
		ss.Start = clock.On(day, loc)
		return ss, nil
	}
	ss.Start, err = data.UntimedSessionStart(day, d, loc, now)
	return ss, err
}

// deleteSession deletes at once and offers to undo.
func (sc *studyScreen) deleteSession(ss data.StudySession) {
	if ss.ID == 0 {
		return // an empty row of the list (its page could not be read)
	}
	gone, err := sc.shell.Store.DeleteStudySession(sc.shell.ctx(), ss.ID)
	if err != nil {
		sc.shell.showError(err)
		return
	}
	sc.undos.offer("Deleted "+sc.sessionWhat(gone)+".", func() error {
		gone.ID = 0
		_, err := sc.shell.Store.SaveStudySession(sc.shell.ctx(), gone)
		return err
	})
	sc.shell.changed()
	sc.refresh()
}

// offerUndoEdit offers to put back a session as it was before an edit
// (before has an ID); saving a new session forgets the last offer.
func (sc *studyScreen) offerUndoEdit(before, after data.StudySession) {
	if before.ID == 0 {
		sc.undos.forget()
		return
	}
	sc.undos.offer("Edited "+sc.sessionWhat(after)+".", func() error {
		_, err := sc.shell.Store.SaveStudySession(sc.shell.ctx(), before)
		return err
	})
}

// sessionWhat names a session in the undo bar.
func (sc *studyScreen) sessionWhat(ss data.StudySession) string {
	return fmt.Sprintf("the session of %s on %s", data.FormatStudyDuration(ss.Duration), ss.Start.In(sc.set.Location()).Format("2006-01-02 15:04"))
}

func (sc *studyScreen) undoer() *undoer { return sc.undos }

// editOptions edits the study settings: streak minimum, Pomodoro lengths
// and the weekly goal (which the Settings screen edits too).
func (sc *studyScreen) editOptions() {
	durEntry := func(field string, d time.Duration) *widgets.Entry {
		e := widgets.NewEntry()
		e.SetText(data.FormatStudyDuration(d))
		e.Validator = func(v string) error {
			_, err := data.ParseStudyDuration(v)
			return relabel(err, field)
		}
		return e
	}
	streak := durEntry("streak minimum", sc.opts.StreakMinimum)
	work := durEntry("work", sc.opts.Pomodoro.Work)
	brk := durEntry("break", sc.opts.Pomodoro.Break)
	enabled := widget.NewCheck("Start new timers in Pomodoro mode", nil)
	enabled.SetChecked(sc.opts.PomodoroEnabled)
	goal := widgets.NewEntry()
	goal.SetText(strconv.FormatFloat(sc.set.WeeklyGoalHours, 'f', -1, 64))
	goal.Validator = func(v string) error { _, err := parseGoal(v); return err }
	fields := map[string]fyne.Validatable{"streak minimum": streak, "work": work, "break": brk, "weekly goal": goal}
	save := func() error {
		var errs []error
		o := store.StudyOptions{PomodoroEnabled: enabled.Checked}
		var err error
		o.StreakMinimum, err = data.ParseStudyDuration(streak.Text)
		errs = append(errs, relabel(err, "streak minimum"))
		o.Pomodoro.Work, err = data.ParseStudyDuration(work.Text)
		errs = append(errs, relabel(err, "work"))
		o.Pomodoro.Break, err = data.ParseStudyDuration(brk.Text)
		errs = append(errs, relabel(err, "break"))
		hours, err := parseGoal(goal.Text)
		errs = append(errs, err)
		if err := errors.Join(errs...); err != nil {
			return err
		}
		if err := sc.shell.Store.SaveStudySettings(sc.shell.ctx(), o, hours); err != nil {
			return err
		}
		sc.refresh()
		return nil
	}
	showFormDialog(sc.shell.Window, "Study settings", "Save",
		[]*widget.FormItem{
			{Text: "Streak minimum", Widget: streak, HintText: "a day counts for the streak from this much study"},
			{Text: "Pomodoro work", Widget: work, HintText: "e.g. 25m"},
			{Text: "Pomodoro break", Widget: brk, HintText: "e.g. 5m"},
			{Text: "", Widget: enabled},
			{Text: "Weekly goal", Widget: goal, HintText: "hours of study a week"},
		},
		fields, save)
}

// relabel gives ParseStudyDuration's "duration" errors the form field's name.
func relabel(err error, field string) error {
	if err == nil {
		return nil
	}
	var out []error
	for _, fe := range data.FieldErrors(err) {
		out = append(out, data.Invalid(field, "%s", fe.Message))
	}
	if len(out) == 0 {
		return err
	}
	return errors.Join(out...)
}

// hoursText writes hours to the tenth, without a trailing ".0".
func studyHoursText(h float64) string { return strings.TrimSuffix(fmt.Sprintf("%.1f", h), ".0") }

func studyDaysText(n int) string { return data.Count(n, "day", "days") }
