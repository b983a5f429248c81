package app

import (
	"context"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/masterplan-app/masterplan/data"
)

// gate runs a shell's loads as the window does, on goroutines of their
// own, and holds each until release is closed: a read as slow as the test
// wants. What a load hands back to the UI goroutine is queued and run on
// the test's goroutine by finish.
type gate struct {
	release chan struct{}
	wg      sync.WaitGroup
	begun   int // loads handed to the gate; the test's goroutine only
	mu      sync.Mutex
	ui      []func() // handed back to the UI goroutine, in order
}

// gateLoads makes sh run its loads through a new gate.
func gateLoads(sh *Shell) *gate {
	g := &gate{release: make(chan struct{})}
	sh.Background = func(work func()) {
		g.begun++
		g.wg.Add(1)
		go func() {
			defer g.wg.Done()
			<-g.release
			work()
		}()
	}
	sh.UI = func(fn func()) {
		g.mu.Lock()
		defer g.mu.Unlock()
		g.ui = append(g.ui, fn)
	}
	return g
}

// finish lets every load held run and, once they all ended, runs what
// they handed back to the UI goroutine.
func (g *gate) finish() {
	close(g.release)
	g.wg.Wait()
	g.runUI()
}

// runUI runs what the loads handed back so far, as the UI goroutine would.
func (g *gate) runUI() {
	g.mu.Lock()
	ui := g.ui
	g.ui = nil
	g.mu.Unlock()
	for _, fn := range ui {
		fn()
	}
}

// A load's read runs off the caller's goroutine: load returns while the
// read is still blocked, and nothing is shown until it finishes.
func TestLoaderReadsOffTheUIGoroutine(t *testing.T) {
	sh, _ := newTestShell(t)
	g := gateLoads(sh)
	var l loader[int]
	started, finished := make(chan struct{}), make(chan struct{})
	var shown []int
	l.load(sh, func(context.Context) (int, error) {
		close(started)
		<-finished
		return 1, nil
	}, func(v int) { shown = append(shown, v) })
	close(g.release)
	<-started // load returned, and the read is running meanwhile
	g.runUI()
	if len(shown) != 0 {
		t.Fatalf("shown %v before the read finished", shown)
	}
	close(finished)
	g.wg.Wait()
	g.runUI()
	if len(shown) != 1 || shown[0] != 1 {
		t.Fatalf("shown %v, want [1]: the read's result", shown)
	}
}

// When an older load finishes after a newer one, its result is dropped:
// the screen never goes back to older data.
func TestLoaderDropsAStaleResult(t *testing.T) {
	sh, _ := newTestShell(t)
	g := gateLoads(sh)
	var l loader[string]
	releaseOld := make(chan struct{})
	var shown []string
	show := func(v string) { shown = append(shown, v) }
	l.load(sh, func(context.Context) (string, error) { <-releaseOld; return "old", nil }, show)
	l.load(sh, func(context.Context) (string, error) { return "new", nil }, show)
	close(g.release)
	for len(shown) == 0 { // the newer load finishes first (the older waits)
		runtime.Gosched()
		g.runUI()
	}
	close(releaseOld)
	g.wg.Wait()
	g.runUI()
	if len(shown) != 1 || shown[0] != "new" {
		t.Fatalf("shown %v, want only the newer load's [new]", shown)
	}
}

// A read that fails is said in a dialog and the screen keeps what it showed.
func TestLoaderKeepsTheContentWhenTheReadFails(t *testing.T) {
	sh, _ := newTestShell(t)
	var l loader[int]
	shown := 0
	l.load(sh, func(context.Context) (int, error) { return 0, data.ErrNotFound }, func(int) { shown++ })
	if shown != 0 {
		t.Fatal("a failed read was shown")
	}
	if sh.Window.Canvas().Overlays().Top() == nil {
		t.Fatal("a failed read said nothing")
	}
}

// While a screen's read is slow, the window's goroutine is free and the
// screen shows what it showed before; the new data replaces it when the
// read finishes.
func TestSlowReadKeepsTheScreenUntilItFinishes(t *testing.T) {
	sh, st, b := openBudget(t)
	ctx := context.Background()
	rot, err := st.Rotation(ctx)
	if err != nil {
		t.Fatal(err)
	}
	item := data.BudgetItem{Category: data.CategoryHotel, Description: "Hotel", PaidBy: data.PaidByMe, Reimbursement: data.NotClaimed,
		Planned: data.Money{Amount: decimal.RequireFromString("120"), Currency: "GBP"}}
	if _, err := st.SaveBudgetItem(ctx, rot.ID, item); err != nil {
		t.Fatal(err)
	}
	b.refresh() // in place: the first item shows
	before, count := b.footer.Text, b.count
	if count != 1 {
		t.Fatalf("%d items listed, want 1", count)
	}

	g := gateLoads(sh)
	item.Description = "Second hotel"
	if _, err := st.SaveBudgetItem(ctx, rot.ID, item); err != nil {
		t.Fatal(err)
	}
	b.refresh() // returns at once: the read waits for release
	if b.footer.Text != before || b.count != 1 || b.list.Length() != 1 {
		t.Fatalf("while loading: footer %q, %d items; want the previous %q and 1", b.footer.Text, b.count, before)
	}
	g.finish()
	if b.footer.Text == before || b.count != 2 || b.list.Length() != 2 {
		t.Fatalf("after the load: footer %q, %d items; want a new total and 2", b.footer.Text, b.count)
	}
}

// Every screen's refresh hands its reads to the loader, and shows what
// they read only when they finish.
func TestEveryScreenLoadsOffTheUIGoroutine(t *testing.T) {
	sh, st := newTestShell(t)
	setUpRotation(t, st, block("2027-03-01", "2027-03-07"))
	sh.Start()
	for i := range sh.defs {
		sh.Select(i) // in place: each screen made and shown once
	}
	ctx := context.Background()
	if _, err := st.SaveReadingItem(ctx, data.ReadingItem{Title: "Inside SQL Server", Kind: data.ReadingBook, Unit: data.ReadingPages, Size: 300, Status: data.ReadingReading, Priority: 1}, data.DateOf(fixedNow, time.UTC)); err != nil {
		t.Fatal(err)
	}
	g := gateLoads(sh)
	for i, def := range sh.defs {
		begun := g.begun
		sh.screen(i).refresh()
		if g.begun == begun {
			t.Errorf("the %s screen's refresh loaded nothing off the UI goroutine", def.title)
		}
	}
	reading := sh.screens[screenIndex("Reading")].(*readingScreen)
	if n := len(reading.pace.Items); n != 0 {
		t.Fatalf("the reading screen shows %d items before its load finished", n)
	}
	g.finish()
	if n := len(reading.pace.Items); n != 1 {
		t.Fatalf("the reading screen shows %d items after its load, want 1", n)
	}
}
