package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/masterplan-app/masterplan/data/catalog"
	"github.com/masterplan-app/masterplan/data/store/seed"
)

// seededShell opens a copy of the ten-year database of package seed in a
// test window, as the app would, without starting it.
func seededShell(b *testing.B) *Shell {
	b.Helper()
	st := seed.OpenCopy(b)
	cat, err := catalog.Load()
	if err != nil {
		b.Fatal(err)
	}
	a := test.NewTempApp(b)
	w := a.NewWindow("MasterPlan")
	w.Resize(fyne.NewSize(1024, 700))
	b.Cleanup(w.Close)
	return NewShell(Deps{App: a, Window: w, Store: st, Catalog: cat, Now: seed.BenchNow})
}

// BenchmarkStart builds every screen and shows the dashboard, as the app
// does before its window first draws.
func BenchmarkStart(b *testing.B) {
	cpu := seed.StartCPU()
	for b.Loop() {
		b.StopTimer()
		sh := seededShell(b)
		b.StartTimer()
		sh.Start()
	}
	cpu.Report(b)
}

// BenchmarkScreenRefresh is each screen's refresh on the ten-year database:
// its reads, its sums and the widgets' update (the test driver does not
// paint).
func BenchmarkScreenRefresh(b *testing.B) {
	sh := seededShell(b)
	sh.Start()
	for i, d := range screenTable() {
		b.Run(d.title, func(b *testing.B) {
			sh.Select(i)
			cpu := seed.StartCPU()
			for b.Loop() {
				sh.screens[i].refresh()
			}
			cpu.Report(b)
		})
	}
}
