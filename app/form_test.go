package app

import (
	"testing"

	"github.com/masterplan-app/masterplan/data"
)

// A choice select shows labels and gives back the choice, not the label.
func TestChoiceSelect(t *testing.T) {
	c := newChoiceSelect(reimbChoices, data.Reimbursement.Label, data.Claimed)
	if got := c.sel.Selected; got != data.Claimed.Label() {
		t.Fatalf("shows %q, want %q", got, data.Claimed.Label())
	}
	c.sel.SetSelected(data.Reimbursed.Label())
	if got, ok := c.chosen(); !ok || got != data.Reimbursed {
		t.Fatalf("chosen %v %v, want reimbursed", got, ok)
	}
	none := newChoiceSelect(markChoices, markLabel, data.DecimalMark('x'))
	if _, ok := none.chosen(); ok {
		t.Error("a value that is no choice selected one")
	}
}
