package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/masterplan-app/masterplan/app/widgets"
	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/store"
)

// hotels lists the budget's hotel items.
func hotels(t *testing.T, st *store.Store) []data.BudgetItem {
	t.Helper()
	var out []data.BudgetItem
	for _, it := range budgetItems(t, st) {
		if it.Category == data.CategoryHotel {
			out = append(out, it)
		}
	}
	return out
}

// runHotel runs the hotel generator at nightly USD rate.
func runHotel(t *testing.T, sh *Shell, b *budgetScreen, rate string) {
	t.Helper()
	b.generate(data.CategoryHotel)
	form := findForm(t, sh.Window.Canvas())
	amount := form.Items[0].Widget.(*widgets.Entry)
	amount.SetText("")
	test.Type(amount, rate)
	form.OnSubmit()
}

// TestBudgetGeneratorRunAgainOffersToReplace: on main, running the hotel
// generator a second time added a second hotel for every block. Now it
// says the nights are covered, changes nothing until asked, replaces in
// one step, and Undo brings the first run back.
func TestBudgetGeneratorRunAgainOffersToReplace(t *testing.T) {
	sh, st, b := openBudget(t)
	runHotel(t, sh, b, "189")
	if n := len(hotels(t, st)); n != 2 {
		t.Fatalf("first run: %d hotel items, want 2", n)
	}

	runHotel(t, sh, b, "205")
	c := sh.Window.Canvas()
	markup := test.RenderToMarkup(c)
	if !strings.Contains(markup, "already in the budget (2 items)") {
		t.Fatalf("the second run does not say the nights are covered:\n%s", markup)
	}
	if hs := hotels(t, st); len(hs) != 2 || !hs[0].Planned.Equal(data.NewMoney("1323", "USD")) {
		t.Fatalf("before the answer: %+v, want the first run untouched", hs)
	}
	test.Tap(dialogButton(t, c, "Replace"))
	hs := hotels(t, st)
	if len(hs) != 2 || !hs[0].Planned.Equal(data.NewMoney("1435", "USD")) || hs[0].GeneratedBy != data.GeneratedHotel {
		t.Fatalf("after replacing: %+v, want 2 items at USD 205 a night", hs)
	}

	b.undos.run()
	if hs := hotels(t, st); len(hs) != 2 || !hs[0].Planned.Equal(data.NewMoney("1323", "USD")) {
		t.Fatalf("after undo: %+v, want the first run back", hs)
	}

	t.Run("the same again changes nothing and says so", func(t *testing.T) {
		runHotel(t, sh, b, "189")
		if n := len(hotels(t, st)); n != 2 {
			t.Fatalf("%d hotel items, want 2", n)
		}
		if !strings.Contains(test.RenderToMarkup(sh.Window.Canvas()), "already in the budget") {
			t.Error("nothing says the hotel is already in the budget")
		}
	})
}
