package app

import (
	"context"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/catalog"
	"github.com/masterplan-app/masterplan/data/store"
)

// countingState counts the writes of the window's state that reach the store.
type countingState struct {
	WindowStateStore
	mu     sync.Mutex
	writes map[string]int
}

func (c *countingState) SetWindowState(ctx context.Context, key, value string) error {
	c.mu.Lock()
	c.writes[key]++
	c.mu.Unlock()
	return c.WindowStateStore.SetWindowState(ctx, key, value)
}

func (c *countingState) count(key string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.writes[key]
}

// shellOn starts a set-up shell on the database at path, as the app does:
// a new window, the state read from that database; its writes are counted.
func shellOn(t *testing.T, path string) (*Shell, *store.Store, *countingState) {
	t.Helper()
	a := test.NewTempApp(t)
	st, err := store.Open(context.Background(), path, store.WithClock(func() time.Time { return fixedNow }))
	if err != nil {
		t.Fatal(err)
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
	counted := &countingState{WindowStateStore: st, writes: map[string]int{}}
	sh := NewShell(Deps{App: a, Window: w, Store: st, Catalog: cat, Now: func() time.Time { return fixedNow },
		Background: func(work func()) { work() }, WindowState: counted})
	sh.Start()
	return sh, st, counted
}

// Two databases keep their own last screen, dividers and window size: they
// live in each database, not in the preferences every instance shares.
func TestWindowStateIsPerDatabase(t *testing.T) {
	dir := t.TempDir()
	pathA, pathB := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db")

	a, stA, _ := shellOn(t, pathA)
	a.Select(screenIndex("Reading"))
	reading := splitsIn(a.views[screenIndex("Reading")])
	if len(reading) == 0 {
		t.Fatal("the reading screen has no divider")
	}
	reading[0].SetOffset(0.7)
	a.Window.Resize(fyne.NewSize(1200, 800))
	a.Close()
	stA.Close()

	b, stB, _ := shellOn(t, pathB)
	b.Select(screenIndex("Budget"))
	b.Close()
	stB.Close()

	a2, _, _ := shellOn(t, pathA)
	if got := a2.SelectedTitle(); got != "Reading" {
		t.Errorf("database a opens on %q, want Reading", got)
	}
	if got := splitsIn(a2.views[screenIndex("Reading")])[0].Offset; got != 0.7 {
		t.Errorf("the reading divider is at %v after a restart, want 0.7", got)
	}
	if got := a2.Window.Canvas().Size(); got.Width != 1200 || got.Height != 800 {
		t.Errorf("database a's window is %v, want 1200x800", got)
	}
	b2, _, _ := shellOn(t, pathB)
	if got := b2.SelectedTitle(); got != "Budget" {
		t.Errorf("database b opens on %q, want Budget", got)
	}
}

// Switching screens writes the last screen once per change and nothing
// else; showing the same screen again, or a refresh, writes nothing.
func TestSwitchingScreensWritesOnlyChanges(t *testing.T) {
	sh, _, counted := shellOn(t, filepath.Join(t.TempDir(), "mp.db"))
	order := []int{screenIndex("Reading"), screenIndex("Reading"), screenIndex("Study"), screenIndex("Budget"), screenIndex("Budget")}
	// A new database holds no screen yet: the first one shown is a change.
	changes, last := 1, sh.tabs.SelectedIndex()
	for n := range 100 {
		i := order[n%len(order)]
		sh.Select(i)
		sh.changed()
		if i != last {
			changes++
			last = i
		}
	}
	if got := counted.count(stateLastScreen); got != changes {
		t.Errorf("%d writes of the last screen for %d changes", got, changes)
	}
	for key, n := range counted.writes {
		if key != stateLastScreen && n != 0 {
			t.Errorf("%d writes of %s, which did not change", n, key)
		}
	}
}

// blockingNotifier never returns until released, like a notification
// service that hangs (the app once froze for over a minute while reminders
// arrived).
type blockingNotifier struct {
	release chan struct{}
	calls   atomic.Int32
}

func (b *blockingNotifier) Notify(context.Context, string, string) error {
	b.calls.Add(1)
	<-b.release
	return nil
}

// Notifications that never return do not stop the UI goroutine: with 50
// of them in flight (the study timer's switches) and a reminder runner
// stuck in one, the screens still switch (25 times, every screen shown). Run under -race (make test).
func TestNotificationsNeverBlockTheUI(t *testing.T) {
	a := test.NewTempApp(t)
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "mp.db"), store.WithClock(func() time.Time { return fixedNow }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	setUpRotation(t, st, block("2027-03-01", "2027-03-21"))
	cat, err := catalog.Load()
	if err != nil {
		t.Fatal(err)
	}
	w := a.NewWindow("MasterPlan")
	w.Resize(fyne.NewSize(1024, 700))
	t.Cleanup(w.Close)
	// A one-off reminder due a minute before the shell's clock.
	if _, err := st.SaveReminder(context.Background(), data.Reminder{Kind: data.ReminderOneOff, Title: "Book the hotel", Enabled: true,
		Day: data.NewDate(2026, time.November, 23), At: data.Clock{Hour: 10, Minute: 1}}); err != nil {
		t.Fatal(err)
	}
	notifier := &blockingNotifier{release: make(chan struct{})}
	const notices = 50
	now := func() time.Time { return fixedNow.Add(2 * time.Minute) }
	sh := NewShell(Deps{App: a, Window: w, Store: st, Catalog: cat, Now: now, Notifier: notifier,
		Background: func(work func()) { work() }})
	sh.Start()
	stop := sh.StartReminders(context.Background(), false)
	sc := sh.screen(screenIndex("Study")).(*studyScreen)

	// The test's goroutine is the UI goroutine; it must get through.
	done := make(chan struct{})
	go func() {
		defer close(done)
		for n := range notices {
			sc.announceSwitch(pomodoroSwitch(n))
			if n%2 == 0 {
				sh.Select(n / 2 % len(sh.defs))
			}
		}
	}()
	// Blocked, it would never finish; the time allowed is for a race
	// build on a busy machine.
	select {
	case <-done:
	case <-time.After(5 * time.Minute):
		t.Fatal("the UI goroutine is blocked by notifications that do not return")
	}
	// Every notification is in flight at once: the timer's 50 and the
	// reminder's, each off the UI goroutine.
	for deadline := time.Now().Add(time.Minute); notifier.calls.Load() < notices+1; {
		if time.Now().After(deadline) {
			t.Fatalf("%d notifications in flight, want %d", notifier.calls.Load(), notices+1)
		}
		time.Sleep(10 * time.Millisecond)
	}
	close(notifier.release)
	stop()
	sh.notifying.Wait()
}

// pomodoroSwitch is the n-th switch of a Pomodoro timer: a break after
// even rounds, back to work after odd ones.
func pomodoroSwitch(n int) data.PomodoroStatus {
	return data.PomodoroStatus{OnBreak: n%2 == 0, Round: n/2 + 1}
}
