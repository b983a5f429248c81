package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/catalog"
	"github.com/masterplan-app/masterplan/data/store"
	"github.com/masterplan-app/masterplan/data/store/seed/seedbench"
)

// smallWindow is the smallest window the app is made for (issue 18).
var smallWindow = fyne.NewSize(1024, 700)

// Every screen, in both themes, on three years of heavy use, fits a
// 1024x700 window: no screen asks for a wider or taller window, and no
// label's text is cut to "…".
func TestEveryScreenFitsAt1024x700(t *testing.T) {
	for _, variant := range []string{data.ThemeLight, data.ThemeDark} {
		t.Run(variant, func(t *testing.T) {
			sh := heavyShell(t)
			ApplyTheme(sh.App, variant)
			sh.Start()
			sh.Window.Resize(smallWindow)
			for i, d := range screenTable() {
				sh.Select(i)
				layOutTwice(sh.Window)
				if min := sh.Window.Content().MinSize(); min.Width > smallWindow.Width || min.Height > smallWindow.Height {
					t.Errorf("%s: the window needs at least %v, more than %v", d.title, min, smallWindow)
				}
				for _, cut := range cutTexts(sh.Window.Content()) {
					t.Errorf("%s: %q is cut", d.title, cut)
				}
				for _, over := range squeezedTexts(sh.Window.Content()) {
					t.Errorf("%s: %q has less height than its lines need: it overflows its row", d.title, over)
				}
			}
		})
	}
}

// layOutTwice lays w's content out at smallWindow twice, as the window's
// next frame does: a wrapped label knows its height only once its width
// is set.
func layOutTwice(w fyne.Window) {
	w.Resize(smallWindow.SubtractWidthHeight(1, 0))
	w.Resize(smallWindow)
}

// heavyShell opens a copy of the heavy profile's database (package seed:
// three years of heavy use) with addLongRecords in a 1024x700 test
// window, at the profile's clock.
func heavyShell(t *testing.T) *Shell {
	t.Helper()
	ctx := context.Background()
	path, err := seedbench.CopyHeavyTo(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(ctx, path, store.WithClock(seedbench.Now))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	addLongRecords(t, st)
	cat, err := catalog.Load()
	if err != nil {
		t.Fatal(err)
	}
	a := test.NewTempApp(t)
	w := a.NewWindow("MasterPlan")
	w.Resize(smallWindow)
	t.Cleanup(w.Close)
	return NewShell(Deps{App: a, Window: w, Store: st, Catalog: cat, Now: seedbench.Now, Background: func(work func()) { work() }})
}

// addLongRecords adds what a real list holds and the seed's short made-up
// names do not: a book with a long title, a milestone linked to the
// program fee, a reminder with a long title.
func addLongRecords(t *testing.T, st *store.Store) {
	t.Helper()
	ctx := context.Background()
	today := data.DateOf(seedbench.Now(), time.UTC)
	rot, err := st.Rotation(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveReadingItem(ctx, data.ReadingItem{Title: "Microsoft SQL Server 2008 Internals: the storage engine, query processing and concurrency, in depth",
		Author: "Kalen Delaney, Paul S. Randal, Kimberly L. Tripp, Conor Cunningham, Adam Machanic", Kind: data.ReadingBook, Unit: data.ReadingPages,
		Size: 784, Done: 120, Status: data.ReadingReading, Priority: 1, Topic: "Storage engine internals", Due: today.AddDays(20), AddedOn: today}, today); err != nil {
		t.Fatal(err)
	}
	fee, err := st.SaveBudgetItem(ctx, rot.ID, data.ProgramFee(today.AddDays(10)))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveMilestone(ctx, data.Milestone{RotationID: rot.ID, Title: "Program fee paid to Microsoft Learning before the rotation's deadline",
		Due: today.AddDays(10), BudgetItemID: fee.ID}); err != nil {
		t.Fatal(err)
	}
	rem := data.NewReminder(data.ReminderOneOff, today.AddDays(3))
	rem.Title = "Ask the manager to sign the travel request and the employer's reimbursement form for the rotation"
	if _, err := st.SaveReminder(ctx, rem); err != nil {
		t.Fatal(err)
	}
}

// cutTexts are the texts of the visible labels under o that are drawn
// shortened to "…" (or "...") to fit: each is the label's whole text.
func cutTexts(o fyne.CanvasObject) []string {
	var cut []string
	walkVisible(o, func(o fyne.CanvasObject) bool {
		l, ok := o.(*widget.Label)
		if !ok {
			return true
		}
		walkVisible(l, func(o fyne.CanvasObject) bool {
			if txt, ok := o.(*canvas.Text); ok && shortened(txt.Text, l.Text) {
				cut = append(cut, l.Text)
				return false
			}
			return true
		})
		return false
	})
	return cut
}

// squeezedTexts are the texts of the visible labels under o laid out
// lower than their wrapped lines: they overflow onto what is under them.
func squeezedTexts(o fyne.CanvasObject) []string {
	var over []string
	walkVisible(o, func(o fyne.CanvasObject) bool {
		if l, ok := o.(*widget.Label); ok {
			if l.Text != "" && l.MinSize().Height > l.Size().Height+1 {
				over = append(over, l.Text)
			}
			return false
		}
		return true
	})
	return over
}

// shortened reports that drawn, a piece of text, ends in an ellipsis
// that the text it was drawn from does not have there.
func shortened(drawn, text string) bool {
	for _, dots := range []string{"…", "..."} {
		if strings.HasSuffix(drawn, dots) && !strings.Contains(text, drawn) {
			return true
		}
	}
	return false
}

// walkVisible calls visit on o and on every visible object drawn under it
// (containers' objects, widgets' renderers' objects) while visit returns
// true for their parent.
func walkVisible(o fyne.CanvasObject, visit func(fyne.CanvasObject) bool) {
	if o == nil || !o.Visible() || !visit(o) {
		return
	}
	switch o := o.(type) {
	case *fyne.Container:
		for _, c := range o.Objects {
			walkVisible(c, visit)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(o).Objects() {
			walkVisible(c, visit)
		}
	}
}
