package app

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/masterplan-app/masterplan/app/widgets"
	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/catalog"
	"github.com/masterplan-app/masterplan/data/store"
)

// testClock is a clock the test moves; the store and the shell share it so
// that "a session cannot end in the future" agrees on both sides.
type testClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *testClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *testClock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// fakeNotifier records notifications, or fails when err is set.
type fakeNotifier struct {
	got []string
	err error
}

func (f *fakeNotifier) Notify(_ context.Context, title, body string) error {
	f.got = append(f.got, title+": "+body)
	return f.err
}

// newStudyShell is a set-up shell on a database file at path (a new one
// when path is ""), with a movable clock starting at fixedNow and weekly
// goal 10 h; the study screen is built (as at launch) and shown.
func newStudyShell(t *testing.T, path string, notifier *fakeNotifier) (*Shell, *store.Store, *studyScreen, *testClock) {
	t.Helper()
	a := test.NewTempApp(t)
	clock := &testClock{now: fixedNow}
	if path == "" {
		path = filepath.Join(t.TempDir(), "mp.db")
	}
	st, err := store.Open(context.Background(), path, store.WithClock(clock.Now))
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	if needs, _ := st.NeedsSetup(context.Background()); needs {
		setUpRotation(t, st, block("2027-03-01", "2027-03-21"))
	}
	cat, err := catalog.Load()
	if err != nil {
		t.Fatal(err)
	}
	w := a.NewWindow("MasterPlan")
	w.Resize(fyne.NewSize(1024, 700))
	t.Cleanup(w.Close)
	// Loads run in place, so the screen shows the data when refresh returns.
	deps := Deps{App: a, Window: w, Store: st, Catalog: cat, Now: clock.Now, Background: func(work func()) { work() }}
	if notifier != nil {
		deps.Notifier = notifier
	}
	sh := NewShell(deps)
	sc := newStudyScreen(sh)
	sc.tickEvery = 0 // the test ticks by hand
	w.SetContent(sc.view())
	sc.refresh()
	return sh, st, sc, clock
}

func sessions(t *testing.T, st *store.Store) []data.StudySession {
	t.Helper()
	ss, err := st.StudySessions(context.Background(), time.Time{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	return ss
}

func clockShows(sc *studyScreen) string {
	return sc.clock.Segments[0].(interface{ Textual() string }).Textual()
}

func TestStudyTimerStartPauseStop(t *testing.T) {
	_, st, sc, clock := newStudyShell(t, "", nil)
	if !sc.empty.Visible() || sc.stop.Disabled() == false {
		t.Fatal("an empty study screen should say what to do and have Stop disabled")
	}
	test.Type(sc.topic, "Replication")
	test.Tap(sc.startPause)
	if tm, _ := st.Timer(context.Background()); tm.Phase() != data.TimerRunning || tm.Topic != "Replication" {
		t.Fatalf("after Start the stored timer is %+v", tm)
	}
	if sc.startPause.Text != "Pause" || sc.stop.Disabled() {
		t.Fatalf("running timer shows %q and stop disabled=%v", sc.startPause.Text, sc.stop.Disabled())
	}
	clock.Add(30 * time.Minute)
	sc.tick()
	if got := clockShows(sc); got != "0:30:00" {
		t.Fatalf("clock shows %q after 30 minutes, want 0:30:00", got)
	}
	test.Tap(sc.startPause) // pause
	clock.Add(10 * time.Minute)
	sc.tick()
	if got := clockShows(sc); got != "0:30:00" || sc.startPause.Text != "Resume" {
		t.Fatalf("paused timer shows %q / %q, want 0:30:00 / Resume", got, sc.startPause.Text)
	}
	test.Tap(sc.startPause) // resume
	clock.Add(15 * time.Minute)
	test.Tap(sc.stop)

	ss := sessions(t, st)
	if len(ss) != 1 || ss[0].Duration != 45*time.Minute || ss[0].Topic != "Replication" || !ss[0].Start.Equal(fixedNow) {
		t.Fatalf("logged %+v, want one 45m Replication session from %s", ss, fixedNow)
	}
	if tm, _ := st.Timer(context.Background()); tm.Phase() != data.TimerIdle {
		t.Fatalf("timer after stop is %s", tm.Phase())
	}
	if !strings.Contains(sc.week.Text, "0.8 h of 10 h goal") {
		t.Errorf("week shows %q, want 0.8 h of 10 h", sc.week.Text)
	}
	if sc.list.Length() != 1 || sc.empty.Visible() {
		t.Errorf("list has %d rows, want 1", sc.list.Length())
	}
	if len(sc.topics) != 1 || sc.topics[0].Topic != "Replication" {
		t.Errorf("by topic %+v", sc.topics)
	}
	// A chart draws when it is laid out (its tab shown), at that size.
	for _, c := range []*widgets.ChartImage{sc.weeklyImg, sc.heatImg} {
		test.WidgetRenderer(c).Layout(fyne.NewSize(480, 240))
	}
	if sc.weeklyImg.Image() == nil || sc.heatImg.Image() == nil {
		t.Error("charts not drawn")
	}
}

func TestStudyTimerSurvivesRestart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mp.db")
	_, st, sc, _ := newStudyShell(t, path, nil)
	test.Tap(sc.startPause)
	st.Close()

	for _, tc := range []struct {
		name  string
		press func(*timerRecovery)
		end   string
		want  []time.Duration
		phase data.TimerPhase
	}{
		{"keep running", func(r *timerRecovery) { test.Tap(r.keep) }, "", nil, data.TimerRunning},
		{"log it at a given time", func(r *timerRecovery) { test.Tap(r.log) }, "11:20", []time.Duration{80 * time.Minute}, data.TimerIdle},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, st2, sc2, clock := newStudyShell(t, path, nil)
			if sc2.recovery == nil {
				t.Fatal("no keep-or-discard dialog for the open session")
			}
			clock.Add(2 * time.Hour) // the app came back two hours later
			if tc.end != "" {
				sc2.recovery.end.SetText("")
				test.Type(sc2.recovery.end, tc.end) // 11:20 in Los Angeles = 80 minutes after the start
			}
			tc.press(sc2.recovery)
			got := sessions(t, st2)
			if len(got) != len(tc.want) || (len(got) == 1 && got[0].Duration != tc.want[0]) {
				t.Fatalf("sessions %+v, want durations %v", got, tc.want)
			}
			if tm, _ := st2.Timer(context.Background()); tm.Phase() != tc.phase {
				t.Fatalf("timer is %s, want %s", tm.Phase(), tc.phase)
			}
			st2.Close()
		})
	}
}

func TestStudyTimerRecoveryDiscard(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mp.db")
	_, st, sc, _ := newStudyShell(t, path, nil)
	test.Tap(sc.startPause)
	st.Close()
	_, st2, sc2, _ := newStudyShell(t, path, nil)
	if sc2.recovery == nil {
		t.Fatal("no dialog")
	}
	sc2.recovery.end.SetText("")
	test.Type(sc2.recovery.end, "9:99")
	test.Tap(sc2.recovery.log)
	if !sc2.recovery.message.Visible() || !strings.Contains(sc2.recovery.message.Text, "HH:MM") {
		t.Fatalf("a bad end time says %q", sc2.recovery.message.Text)
	}
	test.Tap(sc2.recovery.discard)
	if tm, _ := st2.Timer(context.Background()); tm.Phase() != data.TimerIdle || len(sessions(t, st2)) != 0 {
		t.Fatal("discard kept the timer or logged a session")
	}
}

func TestStudyPomodoroNotifies(t *testing.T) {
	for _, tc := range []struct {
		name     string
		notifier *fakeNotifier
		banner   string
	}{
		{"desktop notification", &fakeNotifier{}, "Time for a break"},
		{"no notification service: in the window", &fakeNotifier{err: errors.New("no dbus")}, "not available"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, st, sc, clock := newStudyShell(t, "", tc.notifier)
			sc.pomoCheck.SetChecked(true)
			test.Tap(sc.startPause)
			tm, _ := st.Timer(context.Background())
			if tm.Pomodoro != data.DefaultPomodoro() {
				t.Fatalf("timer Pomodoro %+v, want 25m/5m", tm.Pomodoro)
			}
			clock.Add(24 * time.Minute)
			sc.tick()
			if len(tc.notifier.got) != 0 {
				t.Fatalf("notified before the switch: %v", tc.notifier.got)
			}
			clock.Add(2 * time.Minute)
			sc.tick()
			sc.shell.notifying.Wait() // notifications are shown off the UI goroutine
			if len(tc.notifier.got) != 1 || !strings.HasPrefix(tc.notifier.got[0], "Time for a break") {
				t.Fatalf("notifications %v, want one break notice", tc.notifier.got)
			}
			if !sc.banner.Visible() || !strings.Contains(sc.banner.Text, tc.banner) {
				t.Fatalf("banner %q, want %q", sc.banner.Text, tc.banner)
			}
			clock.Add(5 * time.Minute)
			sc.tick()
			sc.shell.notifying.Wait()
			if len(tc.notifier.got) != 2 || !strings.HasPrefix(tc.notifier.got[1], "Back to work") {
				t.Fatalf("notifications %v, want back-to-work second", tc.notifier.got)
			}
			test.Tap(sc.stop)
			if ss := sessions(t, st); len(ss) != 1 || ss[0].Duration != 26*time.Minute {
				t.Fatalf("logged %+v, want 26m of study (breaks are not study)", ss)
			}
		})
	}
}

func TestStudyLogByTyping(t *testing.T) {
	sh, st, sc, _ := newStudyShell(t, "", nil)
	sc.newItem()
	form := findForm(t, sh.Window.Canvas())
	test.Type(form.Items[0].Widget.(fyne.Focusable), "1h30m")
	test.Type(form.Items[2].Widget.(fyne.Focusable), "07:00")
	test.Type(form.Items[3].Widget.(fyne.Focusable), "Storage")
	test.Type(form.Items[5].Widget.(fyne.Focusable), "chapter 4")
	form.OnSubmit()
	ss := sessions(t, st)
	want := time.Date(2026, 11, 23, 15, 0, 0, 0, time.UTC) // 07:00 in Los Angeles
	if len(ss) != 1 || ss[0].Duration != 90*time.Minute || !ss[0].Start.Equal(want) || ss[0].Topic != "Storage" || ss[0].Note != "chapter 4" {
		t.Fatalf("logged %+v", ss)
	}
	if !strings.Contains(sc.week.Text, "1.5 h of 10 h") || !strings.Contains(sc.streak.Text, "Streak: 1 day") {
		t.Errorf("week %q, streak %q", sc.week.Text, sc.streak.Text)
	}

	t.Run("bad input saves nothing and says why", func(t *testing.T) {
		for _, tc := range []struct{ dur, start, want string }{
			{"0", "", "zero"},
			{"-1h", "", "negative"},
			{"2h", "23:00", "future"},
			{"abc", "", "not a duration"},
		} {
			sc.newItem()
			form := findForm(t, sh.Window.Canvas())
			test.Type(form.Items[0].Widget.(fyne.Focusable), tc.dur)
			test.Type(form.Items[2].Widget.(fyne.Focusable), tc.start)
			form.OnSubmit()
			if n := len(sessions(t, st)); n != 1 {
				t.Fatalf("%s/%s: %d sessions stored", tc.dur, tc.start, n)
			}
			if markup := test.RenderToMarkup(sh.Window.Canvas()); !strings.Contains(markup, tc.want) {
				t.Errorf("%s/%s: the dialog does not say %q", tc.dur, tc.start, tc.want)
			}
			sh.Window.Canvas().Overlays().Top().Hide()
			sh.Window.Canvas().Overlays().Remove(sh.Window.Canvas().Overlays().Top())
		}
	})

	t.Run("edit, delete and undo", func(t *testing.T) {
		sc.editSession(sessions(t, st)[0])
		form := findForm(t, sh.Window.Canvas())
		dur := form.Items[0].Widget.(fyne.Focusable)
		dur.(interface{ SetText(string) }).SetText("")
		test.Type(dur, "45m")
		form.OnSubmit()
		ss := sessions(t, st)
		if len(ss) != 1 || ss[0].Duration != 45*time.Minute || !ss[0].Start.Equal(want) {
			t.Fatalf("after edit %+v", ss)
		}
		sc.deleteSession(sc.rowAt(0))
		if sc.list.Length() != 0 {
			t.Fatal("deleted session still listed")
		}
		sc.undos.run()
		if ss := sessions(t, st); len(ss) != 1 || ss[0].Duration != 45*time.Minute || sc.list.Length() != 1 || sc.undos.bar.Visible() {
			t.Fatalf("undo gave %+v, list %d", ss, sc.list.Length())
		}
	})

	t.Run("Enter saves, not while a field is wrong", func(t *testing.T) {
		sc.newItem()
		form := findForm(t, sh.Window.Canvas())
		dur := form.Items[0].Widget.(*widgets.Entry)
		enter := &fyne.KeyEvent{Name: fyne.KeyReturn}
		test.Type(dur, "abc")
		dur.TypedKey(enter)
		if n := len(sessions(t, st)); n != 1 {
			t.Fatalf("Enter with a bad duration stored a session (%d)", n)
		}
		dur.SetText("")
		test.Type(dur, "20m")
		dur.TypedKey(enter)
		if n := len(sessions(t, st)); n != 2 {
			t.Fatalf("Enter did not save the session (%d stored)", n)
		}
		if top := sh.Window.Canvas().Overlays().Top(); top != nil && top.Visible() {
			t.Error("the dialog stayed open after Enter saved")
		}
		last := sessions(t, st)[1]
		if _, err := st.DeleteStudySession(context.Background(), last.ID); err != nil {
			t.Fatal(err)
		}
		sc.refresh()
	})

	t.Run("find", func(t *testing.T) {
		test.Type(sc.findEntry, "nothing like this")
		if sc.list.Length() != 0 || !strings.Contains(sc.empty.Text, "No session matches") {
			t.Fatalf("find shows %d rows, empty %q", sc.list.Length(), sc.empty.Text)
		}
		sc.findEntry.SetText("storage")
		if sc.list.Length() != 1 {
			t.Fatalf("find storage shows %d rows", sc.list.Length())
		}
	})
}

// Ten years of study are not read to show the list: it reads a page of
// the newest sessions at a time, and Find searches all of them.
func TestStudyListReadsPagesAsItScrolls(t *testing.T) {
	_, st, sc, _ := newStudyShell(t, "", nil)
	var in []data.StudySession
	n := 2*listPage + 37
	for i := range n {
		topic := "Replication"
		if i == 5 {
			topic = "Storage engines"
		}
		in = append(in, data.StudySession{Start: fixedNow.Add(-time.Duration(n-i) * 3 * time.Hour), Duration: time.Hour, Topic: topic})
	}
	if _, err := st.AddStudySessions(context.Background(), in); err != nil {
		t.Fatal(err)
	}
	sc.refresh()
	if sc.list.Length() != n || len(sc.pages.pages) > 1 {
		t.Fatalf("list of %d rows, %d pages read after the refresh; want %d rows, at most the first page", sc.list.Length(), len(sc.pages.pages), n)
	}
	if first := sc.rowAt(0); !first.Start.Equal(in[n-1].Start) {
		t.Errorf("row 0 starts %s, want the newest session (%s)", first.Start, in[n-1].Start)
	}
	if last := sc.rowAt(n - 1); !last.Start.Equal(in[0].Start) {
		t.Errorf("the last row starts %s, want the oldest session (%s)", last.Start, in[0].Start)
	}
	if len(sc.pages.pages) != 2 {
		t.Errorf("%d pages read for the first and the last row, want 2", len(sc.pages.pages))
	}
	if !strings.Contains(sc.total.Text, fmt.Sprintf("in %d sessions", n)) {
		t.Errorf("total says %q", sc.total.Text)
	}
	sc.findEntry.SetText("storage")
	if sc.list.Length() != 1 || sc.rowAt(0).Topic != "Storage engines" {
		t.Fatalf("find storage shows %d rows", sc.list.Length())
	}
	sc.findEntry.SetText("")
	if sc.list.Length() != n {
		t.Errorf("clearing Find shows %d rows, want %d", sc.list.Length(), n)
	}
}

// A study session is deleted as everything else is: at once, no question,
// with Undo naming it.
func TestStudyDeleteAtOnceWithUndo(t *testing.T) {
	sh, st, sc, _ := newStudyShell(t, "", nil)
	if _, err := st.SaveStudySession(context.Background(), data.StudySession{Start: fixedNow.Add(-2 * time.Hour), Duration: time.Hour}); err != nil {
		t.Fatal(err)
	}
	sc.refresh()
	sc.deleteSession(sc.rowAt(0))
	if len(sessions(t, st)) != 0 || sh.Window.Canvas().Overlays().Top() != nil {
		t.Fatal("the delete asked first, or did not delete")
	}
	if !sc.undos.bar.Visible() || !strings.Contains(sc.undos.label.Text, "Deleted the session of 1h") {
		t.Fatalf("no undo naming the session: %q", sc.undos.label.Text)
	}
}

func TestStudyOptionsForm(t *testing.T) {
	sh, st, sc, _ := newStudyShell(t, "", nil)
	sc.editOptions()
	form := findForm(t, sh.Window.Canvas())
	streak := form.Items[0].Widget.(fyne.Focusable)
	streak.(interface{ SetText(string) }).SetText("")
	test.Type(streak, "30m")
	work := form.Items[1].Widget.(fyne.Focusable)
	work.(interface{ SetText(string) }).SetText("")
	test.Type(work, "5h")
	form.OnSubmit()
	if o, _ := st.StudyOptions(context.Background()); o != store.DefaultStudyOptions() {
		t.Fatalf("a refused save stored %+v", o)
	}
	if !strings.Contains(test.RenderToMarkup(sh.Window.Canvas()), "a work period lasts 1 minute to 4 hours") {
		t.Error("the form does not say the work period is too long")
	}
	work.(interface{ SetText(string) }).SetText("")
	test.Type(work, "50m")
	goal := form.Items[4].Widget.(fyne.Focusable)
	goal.(interface{ SetText(string) }).SetText("")
	test.Type(goal, "7.5")
	form.OnSubmit()
	o, _ := st.StudyOptions(context.Background())
	if o.StreakMinimum != 30*time.Minute || o.Pomodoro.Work != 50*time.Minute {
		t.Fatalf("stored %+v", o)
	}
	if set, _ := st.Settings(context.Background()); set.WeeklyGoalHours != 7.5 || !strings.Contains(sc.week.Text, "of 7.5 h goal") {
		t.Errorf("goal stored %g, week shows %q", set.WeeklyGoalHours, sc.week.Text)
	}
	if !strings.Contains(sc.streak.Text, "a day counts from 30m") {
		t.Errorf("streak line %q does not show the new minimum", sc.streak.Text)
	}
}

func TestStudyInTheShell(t *testing.T) {
	sh, st := newTestShell(t)
	setUpRotation(t, st, block("2027-03-01", "2027-03-21"))
	if _, err := st.SaveStudySession(context.Background(), data.StudySession{Start: fixedNow.Add(-3 * time.Hour), Duration: 2 * time.Hour, Topic: "Storage"}); err != nil {
		t.Fatal(err)
	}
	sh.Start()
	d := sh.screens[0].(*dashboardScreen)
	if card := cardText(t, d, "Study"); !strings.Contains(card, "\n2 h\n") || !strings.Contains(card, "of 10 h this week") || !strings.Contains(card, "8 h to go") {
		t.Errorf("the dashboard's study card does not show this week's hours:\n%s", card)
	}
	c := sh.Window.Canvas().(interface{ TypedShortcut(fyne.Shortcut) })
	c.TypedShortcut(ctrl(fyne.Key4))
	sc := sh.screens[3].(*studyScreen)
	if sh.SelectedTitle() != "Study" || sc.list.Length() != 1 {
		t.Fatalf("Ctrl+4 shows %q with %d sessions", sh.SelectedTitle(), sc.list.Length())
	}
	c.TypedShortcut(ctrl(fyne.KeyF))
	if sh.Window.Canvas().Focused() != sc.findEntry {
		t.Error("Ctrl+F does not focus the find box on the Study screen")
	}
	c.TypedShortcut(ctrl(fyne.KeyN))
	if form := findForm(t, sh.Window.Canvas()); form.Items[0].Text != "Duration" {
		t.Errorf("Ctrl+N opened %q, want the log form", form.Items[0].Text)
	}
}
