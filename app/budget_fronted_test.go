package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/masterplan-app/masterplan/data"
)

// TestBudgetSpentByYouNeverContradictsOutstanding: the employer paid the
// USD 18,500 fee straight to the program. On main the totals said "Spent:
// you GBP 0.00" beside "Reimbursement outstanding: GBP 14,800.00"; now who
// paid at the till is its own field, and the totals, the item's line and
// the dashboard agree.
func TestBudgetSpentByYouNeverContradictsOutstanding(t *testing.T) {
	sh, st, b := openBudget(t)
	b.addProgramFee()
	f := b.form
	test.Type(f.actual, "18500")
	f.paidBy.SetSelected("Employer")
	f.frontedBy.SetSelected("Employer directly")
	if !f.reimb.sel.Disabled() {
		t.Error("the reimbursement can be set on an item the employer paid directly")
	}
	f.description.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	items := budgetItems(t, st)
	if len(items) != 1 || items[0].FrontedBy != data.PaidByEmployer || items[0].PaidBy != data.PaidByEmployer {
		t.Fatalf("saved %+v, want the fee paid and borne by the employer", items)
	}
	totals := b.totalsText.Text
	for _, want := range []string{"Spent by you GBP 0.00; paid by the employer directly GBP 14,800.00", "Reimbursement outstanding: GBP 0.00"} {
		if !strings.Contains(totals, want) {
			t.Errorf("totals lack %q:\n%s", want, totals)
		}
	}
	if d := b.itemDetail(items[0]); !strings.Contains(d, "employer pays directly") {
		t.Errorf("item line %q does not say the employer paid directly", d)
	}

	// Paid by me, the employer reimburses: spent by you, and owed back.
	b.editItem(items[0], "Edit budget item")
	b.form.frontedBy.SetSelected("Me")
	b.form.reimb.sel.SetSelected(data.Claimed.Label())
	b.form.description.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	totals = b.totalsText.Text
	for _, want := range []string{"Spent by you GBP 14,800.00; paid by the employer directly GBP 0.00", "Reimbursement outstanding: GBP 14,800.00 (not claimed GBP 0.00, claimed GBP 14,800.00)"} {
		if !strings.Contains(totals, want) {
			t.Errorf("totals lack %q:\n%s", want, totals)
		}
	}
	sh.Select(0)
	// The card may wrap or shorten its lines: the start is enough.
	if m := test.RenderToMarkup(sh.Window.Canvas()); !strings.Contains(m, "Spent by you GBP 14,800.00") {
		t.Error("the dashboard's budget card does not say what you spent and what is owed")
	}
}
