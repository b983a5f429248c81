package app

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/catalog"
	"github.com/masterplan-app/masterplan/data/store"
	"github.com/masterplan-app/masterplan/data/store/storetest"
)

// fixedNow is the clock every GUI test runs at: 2026-11-23 10:00 in Los Angeles.
var fixedNow = time.Date(2026, 11, 23, 18, 0, 0, 0, time.UTC)

// newTestShell opens a fresh file database and a test window for a shell.
func newTestShell(t *testing.T) (*Shell, *store.Store) {
	t.Helper()
	a := test.NewTempApp(t)
	st := storetest.Open(t, store.WithClock(func() time.Time { return fixedNow }))
	cat, err := catalog.Load()
	if err != nil {
		t.Fatal(err)
	}
	w := a.NewWindow("MasterPlan")
	w.Resize(fyne.NewSize(1024, 700))
	t.Cleanup(w.Close)
	sh := NewShell(Deps{App: a, Window: w, Store: st, Catalog: cat, Now: func() time.Time { return fixedNow },
		Background: func(work func()) { work() }})
	return sh, st
}

// setUpRotation stores a rotation directly, as if setup had been done.
func setUpRotation(t *testing.T, st *store.Store, blocks ...data.Block) data.Rotation {
	t.Helper()
	set := data.DefaultSettings()
	set.TimeZone = "America/Los_Angeles"
	r, err := st.Setup(context.Background(), data.Rotation{Track: "MCM: SQL Server 2008", Blocks: blocks}, set)
	if err != nil {
		t.Fatalf("setup: %v", err)
	}
	return r
}

func block(start, end string) data.Block {
	s, _ := data.ParseDate("start", start)
	e, _ := data.ParseDate("end", end)
	return data.Block{Start: s, End: e, Location: "Redmond, Washington", TimeZone: "America/Los_Angeles"}
}

func TestSetupByTyping(t *testing.T) {
	t.Run("published rotation", func(t *testing.T) {
		sh, st := newTestShell(t)
		sh.Start()
		f := currentSetup(t, sh)
		test.Type(f.track, "MCM: SQL Server 2008")
		if n := len(f.published.Options); n != 4 {
			t.Fatalf("rotation options for SQL Server 2008 = %d, want 3 published + own dates", n)
		}
		f.published.SetSelected(f.published.Options[2])
		if f.start.Text != "2009-01-12" || f.end.Text != "2009-01-31" {
			t.Fatalf("published rotation filled %q to %q, want 2009-01-12 to 2009-01-31", f.start.Text, f.end.Text)
		}
		f.currency.SetText("")
		test.Type(f.currency, "gbp")
		f.goal.SetText("")
		test.Type(f.goal, "12.5")
		f.goal.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Enter starts planning, as the button does

		rot, err := st.Rotation(context.Background())
		if err != nil {
			t.Fatalf("rotation after setup: %v", err)
		}
		if rot.Track != "MCM: SQL Server 2008" || rot.CatalogID != "mcm-sql-2008-r2" || len(rot.Blocks) != 1 {
			t.Fatalf("stored rotation = %+v", rot)
		}
		set, _ := st.Settings(context.Background())
		if set.HomeCurrency != "GBP" || set.WeeklyGoalHours != 12.5 {
			t.Fatalf("stored settings = %+v, want GBP and 12.5 h", set)
		}
		if got := sh.SelectedTitle(); got != "Dashboard" {
			t.Fatalf("after setup the window shows %q, want the Dashboard", got)
		}
	})
	t.Run("own dates", func(t *testing.T) {
		sh, st := newTestShell(t)
		sh.Start()
		f := currentSetup(t, sh)
		test.Type(f.track, "My custom track")
		test.Type(f.start, "2027-03-01")
		test.Type(f.end, "2027-03-21")
		f.location.SetText("")
		test.Type(f.location, "London")
		f.zone.SetText("")
		test.Type(f.zone, "Europe/London")
		test.Tap(f.submit)
		rot, err := st.Rotation(context.Background())
		if err != nil {
			t.Fatalf("rotation after setup: %v", err)
		}
		b := rot.Blocks[0]
		if rot.Track != "My custom track" || b.Start.String() != "2027-03-01" || b.End.String() != "2027-03-21" || b.TimeZone != "Europe/London" || b.Location != "London" {
			t.Fatalf("stored rotation = %+v", rot)
		}
	})
	t.Run("bad input saves nothing and says why at the field", func(t *testing.T) {
		sh, st := newTestShell(t)
		sh.Start()
		f := currentSetup(t, sh)
		f.track.SetText(strings.Repeat("x", 10000)) // pasted, as typing 10,000 keys is slow
		test.Type(f.start, "2027-02-30")
		test.Type(f.end, "2027-01-01")
		f.zone.SetText("Mars/Olympus_Mons")
		test.Tap(f.submit)
		if needs, _ := st.NeedsSetup(context.Background()); !needs {
			t.Fatal("invalid setup was saved")
		}
		if err := f.start.Validate(); err == nil || !strings.Contains(err.Error(), "YYYY-MM-DD") {
			t.Errorf("start field message = %v, want how to write a date", err)
		}
		if err := f.track.Validate(); err == nil || !strings.Contains(err.Error(), "limit is 200") {
			t.Errorf("track field message = %v, want the length limit", err)
		}
		if err := f.zone.Validate(); err == nil || !strings.Contains(err.Error(), "not a known time zone") {
			t.Errorf("zone field message = %v", err)
		}
		if sh.SelectedTitle() != "" {
			t.Error("the screens opened although setup failed")
		}
	})
}

// currentSetup returns the setup form the shell is showing.
func currentSetup(t *testing.T, sh *Shell) *setupForm {
	t.Helper()
	if sh.setup == nil {
		t.Fatal("the first-launch setup is not showing")
	}
	return sh.setup
}

func TestDashboardDaysLeft(t *testing.T) {
	sh, st := newTestShell(t)
	// Today in Los Angeles is 2026-11-23; the first block starts 98 days later.
	setUpRotation(t, st, block("2027-03-01", "2027-03-07"), block("2027-05-03", "2027-05-16"))
	sh.Start()
	d := sh.screens[0].(*dashboardScreen)
	if d.headline.Text != "98 days to the rotation" {
		t.Errorf("headline = %q, want 98 days", d.headline.Text)
	}
	if blocks := cardText(t, d, "Rotation"); !strings.Contains(blocks, "in 98 days") || !strings.Contains(blocks, "in 161 days") {
		t.Errorf("rotation card = %q, want each block's countdown", blocks)
	}
	if !strings.Contains(d.today.Text, "2026-11-23") {
		t.Errorf("today = %q", d.today.Text)
	}
}

func TestShortcutsSwitchScreens(t *testing.T) {
	sh, st := newTestShell(t)
	setUpRotation(t, st, block("2027-03-01", "2027-03-21"))
	sh.Start()
	for i, want := range []string{"Dashboard", "Rotation", "Reading", "Study", "Practice", "Budget", "Reminders", "Settings"} {
		key := fyne.KeyName(string(rune('1' + i)))
		sh.Window.Canvas().(interface {
			TypedShortcut(fyne.Shortcut)
		}).TypedShortcut(ctrl(key))
		if got := sh.SelectedTitle(); got != want {
			t.Errorf("Ctrl+%d shows %q, want %q", i+1, got, want)
		}
	}
}

// The window draws before the screens not shown are made: only the first
// screen and the study screen (which offers to recover a running timer)
// exist after Start, and the others once they are first shown.
func TestScreensAreMadeWhenFirstShown(t *testing.T) {
	sh, st := newTestShell(t)
	setUpRotation(t, st, block("2027-03-01", "2027-03-21"))
	sh.Start()
	for i, sc := range sh.screens {
		if made, want := sc != nil, i == 0 || i == screenIndex("Study"); made != want {
			t.Errorf("screen %d (%s) made after Start: %v, want %v", i, sh.defs[i].title, made, want)
		}
	}
	sh.Select(budgetIndex)
	if sh.screens[budgetIndex] == nil || len(sh.views[budgetIndex].Objects) != 1 {
		t.Fatal("the budget screen was not made when shown")
	}
}

func TestRotationScreenMilestones(t *testing.T) {
	sh, st := newTestShell(t)
	rot := setUpRotation(t, st, block("2027-03-01", "2027-03-21"))
	sh.Start()
	sh.Select(1)
	r := sh.screens[1].(*rotationScreen)
	if !r.milestoneEmpty.Visible() {
		t.Error("empty milestone list does not say what to do")
	}
	r.suggest()
	ms, _ := st.Milestones(context.Background(), rot.ID)
	if len(ms) < 8 {
		t.Fatalf("suggest added %d milestones, want the usual steps and exams", len(ms))
	}
	if r.milestoneList.Length() != len(ms) || r.milestoneEmpty.Visible() {
		t.Errorf("list shows %d rows, want %d", r.milestoneList.Length(), len(ms))
	}
	r.suggest() // nothing new the second time
	again, _ := st.Milestones(context.Background(), rot.ID)
	if len(again) != len(ms) {
		t.Errorf("second suggest added %d more", len(again)-len(ms))
	}
}

func TestBlockDialogRefusesOverlap(t *testing.T) {
	sh, st := newTestShell(t)
	setUpRotation(t, st, block("2027-03-01", "2027-03-07"))
	sh.Start()
	sh.Select(1)
	r := sh.screens[1].(*rotationScreen)
	r.editBlock(data.Block{})
	form := findForm(t, sh.Window.Canvas())
	start := form.Items[0].Widget.(fyne.Focusable)
	end := form.Items[1].Widget.(fyne.Focusable)
	test.Type(start, "2027-03-05")
	test.Type(end, "2027-03-20")
	form.OnSubmit()
	rot, _ := st.Rotation(context.Background())
	if len(rot.Blocks) != 1 {
		t.Fatalf("overlapping block saved: %+v", rot.Blocks)
	}
	if !strings.Contains(test.RenderToMarkup(sh.Window.Canvas()), "overlaps") {
		t.Error("the dialog does not say the blocks overlap")
	}
}

func ctrl(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

// objectsIn lists every canvas object under o, depth first.
func objectsIn(o fyne.CanvasObject) []fyne.CanvasObject {
	out := []fyne.CanvasObject{o}
	if c, ok := o.(*fyne.Container); ok {
		for _, child := range c.Objects {
			out = append(out, objectsIn(child)...)
		}
	}
	if w, ok := o.(fyne.Widget); ok {
		for _, child := range test.WidgetRenderer(w).Objects() {
			out = append(out, objectsIn(child)...)
		}
	}
	return out
}

// inDialog returns the objects of type T in the topmost dialog, in order.
func inDialog[T fyne.CanvasObject](t *testing.T, c fyne.Canvas) []T {
	t.Helper()
	top := c.Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is open")
	}
	var out []T
	for _, o := range objectsIn(top) {
		if v, ok := o.(T); ok && !slices.ContainsFunc(out, func(x T) bool { return fyne.CanvasObject(x) == fyne.CanvasObject(v) }) {
			out = append(out, v)
		}
	}
	return out
}

// findForm returns the form in the open dialog.
func findForm(t *testing.T, c fyne.Canvas) *widget.Form {
	t.Helper()
	forms := inDialog[*widget.Form](t, c)
	if len(forms) == 0 {
		t.Fatalf("the open dialog has no form:\n%s", test.RenderToMarkup(c))
	}
	return forms[0]
}

// dialogButton returns the button labelled text in the open dialog.
func dialogButton(t *testing.T, c fyne.Canvas, text string) *widget.Button {
	t.Helper()
	for _, b := range inDialog[*widget.Button](t, c) {
		if b.Text == text {
			return b
		}
	}
	t.Fatalf("the open dialog has no %q button:\n%s", text, test.RenderToMarkup(c))
	return nil
}

// Esc closes a form dialog from inside a field, without saving, and closes
// a confirmation when no field has the focus.
func TestEscapeClosesDialogs(t *testing.T) {
	sh, st := newTestShell(t)
	rot := setUpRotation(t, st, block("2027-03-01", "2027-03-07"))
	sh.Start()
	sh.Select(1)
	r := sh.screens[1].(*rotationScreen)
	c := sh.Window.Canvas()

	r.newItem()
	form := findForm(t, c)
	title := form.Items[0].Widget.(fyne.Focusable)
	test.Type(title, "Fee paid")
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if c.Overlays().Top() != nil {
		t.Fatal("Esc in the title field left the milestone dialog open")
	}
	if ms, _ := st.Milestones(context.Background(), rot.ID); len(ms) != 0 {
		t.Fatalf("Esc saved the milestone: %+v", ms)
	}

	sh.confirm("Replace it?", "It exists.", "Replace", func() { t.Error("Esc answered the question") })
	if c.Overlays().Top() == nil {
		t.Fatal("no confirmation shown")
	}
	c.Unfocus()
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if c.Overlays().Top() != nil {
		t.Fatal("Esc left the confirmation open")
	}
}

// The window's shortcuts work while the cursor is in a field on a screen:
// Ctrl+1 from a find box switches screens. In a dialog's field Ctrl+A still
// selects the field's text, but the screens' shortcuts wait until the
// dialog is closed: it would stay open over another screen.
func TestShortcutsFromInsideAField(t *testing.T) {
	sh, st := newTestShell(t)
	setUpRotation(t, st, block("2027-03-01", "2027-03-07"))
	sh.Start()
	sh.Select(1)
	r := sh.screens[1].(*rotationScreen)
	c := sh.Window.Canvas()
	r.newItem()
	field := findForm(t, c).Items[0].Widget.(fyne.Focusable)
	test.Type(field, "Fee paid")
	focused := c.Focused().(fyne.Shortcutable)
	focused.TypedShortcut(&fyne.ShortcutSelectAll{})
	if e := field.(interface{ SelectedText() string }); e.SelectedText() != "Fee paid" {
		t.Errorf("Ctrl+A in the field selected %q", e.SelectedText())
	}
	for _, k := range []fyne.KeyName{fyne.Key1, fyne.KeyN, fyne.KeyP, fyne.KeyF} {
		focused.TypedShortcut(ctrl(k))
	}
	if got, dialogs := sh.SelectedTitle(), len(c.Overlays().List()); got != "Rotation" || dialogs != 1 {
		t.Fatalf("Ctrl+1, N, P and F in a dialog's field: %q showing, %d dialogs open; want the rotation under its one dialog", got, dialogs)
	}
	c.Overlays().Top().Hide()

	sh.Select(2)
	find := sh.screens[2].(*readingScreen).findBox
	c.Focus(find)
	c.Focused().(fyne.Shortcutable).TypedShortcut(ctrl(fyne.Key1))
	if got := sh.SelectedTitle(); got != "Dashboard" {
		t.Fatalf("Ctrl+1 typed in the find box left %q showing", got)
	}
}

// Ctrl+F puts the cursor in the visible screen's find box.
func TestCtrlFFindsOnEveryListScreen(t *testing.T) {
	sh, st := newTestShell(t)
	setUpRotation(t, st, block("2027-03-01", "2027-03-21"))
	sh.Start()
	c := sh.Window.Canvas()
	for _, tc := range []struct {
		screen int
		box    func() fyne.Focusable
	}{
		{2, func() fyne.Focusable { return sh.screens[2].(*readingScreen).findBox }},
		{3, func() fyne.Focusable { return sh.screens[3].(*studyScreen).findEntry }},
		{4, func() fyne.Focusable { return sh.screens[4].(*practiceScreen).filter }},
		{5, func() fyne.Focusable { return sh.screens[5].(*budgetScreen).findBox }},
	} {
		sh.Select(tc.screen)
		c.Unfocus()
		c.(fyne.Shortcutable).TypedShortcut(ctrl(fyne.KeyF))
		if c.Focused() != tc.box() {
			t.Errorf("%s: Ctrl+F focused %T, want the find box", sh.SelectedTitle(), c.Focused())
		}
	}
}

// The app opens on the screen the user left, showing its data: Start leaves
// the refresh to the selection instead of loading the screen twice.
func TestStartOnTheRememberedScreen(t *testing.T) {
	sh, st := newTestShell(t)
	setUpRotation(t, st, block("2027-03-01", "2027-03-21"))
	if _, err := st.SaveStudySession(context.Background(), data.StudySession{Start: fixedNow.Add(-2 * time.Hour), Duration: time.Hour}); err != nil {
		t.Fatal(err)
	}
	if err := st.SetWindowState(context.Background(), stateLastScreen, "3"); err != nil {
		t.Fatal(err)
	}
	sh.Start()
	if got := sh.SelectedTitle(); got != "Study" {
		t.Fatalf("opened on %q, want Study", got)
	}
	sc := sh.screens[3].(*studyScreen)
	if !strings.Contains(sc.total.Text, "1 session") {
		t.Errorf("study total = %q, want the stored session counted", sc.total.Text)
	}
}

// A page damaged inside a file of the right length opens (only the length
// is checked, to start quickly); the check the shell runs once the screens
// are up finds it and says so.
func TestStartFindsADamagedPage(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "mp.db")
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	r := setUpRotation(t, st, block("2027-03-01", "2027-03-21"))
	var ms []data.Milestone
	for i := range 300 {
		ms = append(ms, data.Milestone{RotationID: r.ID, Title: fmt.Sprintf("Milestone %d %s", i, strings.Repeat("x", 150)), Due: mustDay(t, "2027-01-01")})
	}
	if _, err := st.AddMilestones(ctx, ms); err != nil {
		t.Fatal(err)
	}
	st.Close()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// The milestones were written last, so the last pages hold them; the
	// schema's pages, which opening reads, come first.
	for i := len(b) - 3*4096; i < len(b)-2*4096; i++ {
		b[i] = 0xA5
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}

	sh, _ := newTestShell(t)
	if sh.Store, err = store.Open(ctx, path); err != nil {
		t.Fatalf("open the damaged file: %v (only its length is checked at open)", err)
	}
	t.Cleanup(func() { sh.Store.Close() })
	sh.Start()
	if markup := test.RenderToMarkup(sh.Window.Canvas()); !strings.Contains(markup, "damaged") || !strings.Contains(markup, "Restore a backup") {
		t.Errorf("no message about the damaged file:\n%s", markup)
	}
}

// The dashboard shows "Loading…" until its summary is built, off the UI
// goroutine; when two loads finish out of order, the newer one is shown.
func TestDashboardLoadsInTheBackground(t *testing.T) {
	sh, st := newTestShell(t)
	setUpRotation(t, st, block("2027-03-01", "2027-03-07"))
	var pending []func()
	sh.Background = func(work func()) { pending = append(pending, work) }
	sh.Start()
	d := sh.screens[0].(*dashboardScreen)
	if d.headline.Text != "Loading…" {
		t.Errorf("headline before the load = %q, want Loading…", d.headline.Text)
	}
	older := pending[0] // Start's load comes first, the shell's chores after it
	sh.Now = func() time.Time { return fixedNow.Add(24 * time.Hour) }
	d.refresh() // a newer load, a day later
	newer := pending[len(pending)-1]
	newer()
	older() // finishes last, but is older
	if d.headline.Text != "97 days to the rotation" {
		t.Errorf("headline = %q, want the newer load's 97 days", d.headline.Text)
	}
}

// The check after start-up mends kept study totals that drifted from the
// sessions (a write path that forgot them, or a file another build wrote)
// instead of showing wrong hours, and says nothing when it could mend them.
func TestStartUpCheckMendsKeptTotals(t *testing.T) {
	sh, st := newTestShell(t)
	ctx := context.Background()
	setUpRotation(t, st, block("2027-03-01", "2027-03-21"))
	if _, err := st.SaveStudySession(ctx, data.StudySession{Start: fixedNow.Add(-3 * time.Hour), Duration: time.Hour, Topic: "Transport"}); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", store.DSN(st.Path()))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE study_days SET seconds = seconds + 600`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if err := st.VerifyKept(ctx); !errors.Is(err, store.ErrKeptDrift) {
		t.Fatalf("the tampered totals verify as %v, want drift", err)
	}
	sh.checkKept()
	if err := st.VerifyKept(ctx); err != nil {
		t.Errorf("after the start-up check: %v", err)
	}
	if top := sh.Window.Canvas().Overlays().Top(); top != nil {
		t.Errorf("the check showed a dialog for totals it mended:\n%s", test.RenderToMarkup(sh.Window.Canvas()))
	}
}
