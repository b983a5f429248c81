package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/masterplan-app/masterplan/data/catalog"
	"github.com/masterplan-app/masterplan/data/store"
	"github.com/masterplan-app/masterplan/data/store/seed/seedbench"
)

// seededShell opens a copy of the ten-year database of package seed in a
// test window, as the app would, without starting it. Slow loads run in
// place, so that a refresh is measured with its load.
func seededShell(b *testing.B) *Shell {
	b.Helper()
	return benchShellOn(b, seedbench.OpenCopy(b))
}

// benchShellOn is seededShell on store st.
func benchShellOn(b *testing.B, st *store.Store) *Shell {
	b.Helper()
	cat, err := catalog.Load()
	if err != nil {
		b.Fatal(err)
	}
	a := test.NewTempApp(b)
	w := a.NewWindow("MasterPlan")
	w.Resize(fyne.NewSize(1024, 700))
	b.Cleanup(w.Close)
	return NewShell(Deps{App: a, Window: w, Store: st, Catalog: cat, Now: seedbench.Now, Background: func(work func()) { work() }})
}

// BenchmarkStart is what the app does before its window first draws:
// build every screen and begin the dashboard's load, whose summary comes
// later, off the UI goroutine (BenchmarkDashboard in data/summary).
func BenchmarkStart(b *testing.B) {
	cpu := seedbench.StartCPU()
	for b.Loop() {
		b.StopTimer()
		sh := seededShell(b)
		sh.Background = func(func()) {} // the load is not waited for
		b.StartTimer()
		sh.Start()
	}
	cpu.Report(b)
}

// BenchmarkScreenRefresh is each screen's refresh on the ten-year database
// and on the heavy profile: its reads, its sums and the widgets' update
// (the test driver does not paint), its load run in place.
func BenchmarkScreenRefresh(b *testing.B) {
	b.Run("tenyears", func(b *testing.B) { benchScreenRefresh(b, seededShell(b)) })
	b.Run("heavy", func(b *testing.B) { benchScreenRefresh(b, benchShellOn(b, seedbench.OpenHeavyCopy(b))) })
}

func benchScreenRefresh(b *testing.B, sh *Shell) {
	sh.Start()
	for i, d := range screenTable() {
		b.Run(d.title, func(b *testing.B) {
			sh.Select(i)
			cpu := seedbench.StartCPU()
			for b.Loop() {
				sh.screens[i].refresh()
			}
			cpu.Report(b)
		})
	}
}

// BenchmarkScreenOnUIGoroutine is the part of each screen's refresh that
// runs on the UI goroutine, where the window cannot draw meanwhile: the
// refresh itself (which hands its reads to the loader) and the showing of
// what they read, on the ten-year database. The reads run between, with
// the timer stopped; ns/op is the figure (cpu-ns/op would count the reads).
func BenchmarkScreenOnUIGoroutine(b *testing.B) {
	sh := seededShell(b)
	sh.Start()
	var reads, shows []func()
	sh.Background = func(work func()) { reads = append(reads, work) }
	sh.UI = func(fn func()) { shows = append(shows, fn) }
	for i, d := range screenTable() {
		b.Run(d.title, func(b *testing.B) {
			sh.Select(i)
			for b.Loop() {
				reads, shows = reads[:0], shows[:0]
				sh.screens[i].refresh()
				b.StopTimer()
				for _, read := range reads {
					read()
				}
				b.StartTimer()
				for _, show := range shows {
					show()
				}
			}
		})
	}
}
