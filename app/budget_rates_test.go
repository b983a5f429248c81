package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/masterplan-app/masterplan/data"
)

// typeRate fills the open rate form and saves it; asOf "" keeps the day.
func typeRate(t *testing.T, sh *Shell, cur, rate, asOf string) {
	t.Helper()
	form := findForm(t, sh.Window.Canvas())
	if asOf != "" {
		baseEntry(form.Items[2].Widget).SetText(asOf)
	}
	curEntry := baseEntry(form.Items[0].Widget)
	if cur != "" {
		curEntry.SetText("")
		test.Type(curEntry, cur)
	}
	rateEntry := baseEntry(form.Items[1].Widget)
	rateEntry.SetText("")
	test.Type(rateEntry, rate)
	form.OnSubmit()
}

// TestBudgetReversedRateIsCaught: main saved "1 JPY = 190 GBP" without a
// word, turning a JPY 19,000 hotel into GBP 3.6 million. Now the dialog
// asks with both readings, Enter takes the reversed one, and a missing
// currency is prefilled in the add-rate dialog.
func TestBudgetReversedRateIsCaught(t *testing.T) {
	sh, st, b := openBudget(t)
	ctx := context.Background()
	c := sh.Window.Canvas()
	b.newItem()
	typeItem(t, sh, b, data.CategoryHotel, "Tokyo hotel", "2027-02-27", "19000", "JPY")

	b.editRate(data.Rate{})
	if got := baseEntry(findForm(t, c).Items[0].Widget).Text; got != "JPY" {
		t.Errorf("the add-rate dialog offers %q, want the missing JPY", got)
	}
	typeRate(t, sh, "", "0.0053", "2026-10-01")
	rates, _ := st.Rates(ctx, "GBP")
	if len(rates) != 2 {
		t.Fatalf("first JPY rate: %d rates stored, want 2 (no question without a rate to compare)", len(rates))
	}

	b.editRate(data.Rate{Currency: "JPY"}) // a newer quote, as of today
	typeRate(t, sh, "", "190", "")
	q := test.RenderToMarkup(c)
	for _, want := range []string{"1 JPY = 190 GBP is more than 3 times", "Did you mean 1 GBP = 190 JPY", "Use 1 GBP = 190 JPY", "Keep 1 JPY = 190 GBP"} {
		if !strings.Contains(q, want) {
			t.Errorf("the question lacks %q", want)
		}
	}
	if r, _ := st.Rates(ctx, "GBP"); len(r) != 2 {
		t.Fatalf("the doubted rate was saved before the answer: %v", r)
	}
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyReturn})
	r, _ := st.Rates(ctx, "GBP")
	if len(r) != 3 || r[1].Currency != "JPY" || r[1].ToHome.String() != "0.00526316" {
		t.Errorf("after Enter: %+v, want 1 JPY = 0.00526316 GBP added", r)
	}
}

// TestBudgetReversedRateNearParityIsCaught: "1 GBP = 1.27 USD" typed into
// the USD row (1 USD = 1.27 GBP) is within 3 times of the last USD rate,
// 0.8, so the 3-times rule let it through; it lies on the other side of 1,
// close to 1/0.8, and is asked about too.
func TestBudgetReversedRateNearParityIsCaught(t *testing.T) {
	sh, st, b := openBudget(t)
	c := sh.Window.Canvas()
	b.editRate(data.Rate{Currency: "USD"})
	typeRate(t, sh, "", "1.27", "")
	q := test.RenderToMarkup(c)
	for _, want := range []string{"1 USD = 1.27 GBP is 59 % more than the USD rate", "close to its inverse, 1.25", "Did you mean 1 GBP = 1.27 USD"} {
		if !strings.Contains(q, want) {
			t.Errorf("the question lacks %q", want)
		}
	}
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyReturn})
	r, _ := st.Rates(context.Background(), "GBP")
	if len(r) != 2 || r[1].ToHome.String() != "0.787402" {
		t.Errorf("after Enter: %+v, want 1 USD = 0.787402 GBP added", r)
	}
}
