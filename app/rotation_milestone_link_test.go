package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/masterplan-app/masterplan/data"
)

// TestMilestoneLinkedToTheFee: "Program fee paid" is linked to the fee in
// its dialog, shows the link and cannot be ticked by hand; recording the
// fee's actual amount on the Budget screen makes it done, and the fee's
// line names the milestone.
func TestMilestoneLinkedToTheFee(t *testing.T) {
	sh, st, b := openBudget(t)
	ctx := context.Background()
	rot, _ := st.Rotation(ctx)
	fee, err := st.SaveBudgetItem(ctx, rot.ID, data.ProgramFee(mustDate(t, "2027-01-30")))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveMilestone(ctx, data.Milestone{RotationID: rot.ID, Title: "Program fee paid", Due: mustDate(t, "2027-01-30")}); err != nil {
		t.Fatal(err)
	}
	sh.Select(1)
	r := sh.screens[1].(*rotationScreen)
	r.editMilestone(r.milestones[0])
	form := findForm(t, sh.Window.Canvas())
	link := form.Items[2].Widget.(*widget.Select)
	link.SetSelected(fee.LinkLabel() + " (2027-01-30)")
	form.OnSubmit()

	ms, _ := st.Milestones(ctx, rot.ID)
	if len(ms) != 1 || ms[0].BudgetItemID != fee.ID || ms[0].Done {
		t.Fatalf("milestones %+v, want the milestone linked to the fee and open", ms)
	}
	// The link has a line of its own: it reads whole at 1024x700.
	line := milestoneLine(r.milestones[0], r.today)
	if !strings.Contains(line, "\ndone when “Program fee: Rotation fee") {
		t.Errorf("milestone line %q does not show the link on a line of its own", line)
	}
	check := inRow[*widget.Check](t, r.milestoneList)
	if !check.Disabled() {
		t.Error("a linked milestone can be ticked by hand")
	}

	sh.Select(budgetIndex)
	if d := b.itemDetail(fee); !strings.Contains(d, "milestone: Program fee paid") {
		t.Errorf("fee line %q does not name its milestone", d)
	}
	b.editItem(fee, "Edit budget item")
	test.Type(b.form.actual, "18500")
	b.form.description.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	ms, _ = st.Milestones(ctx, rot.ID)
	if !ms[0].Done {
		t.Error("recording the fee's actual amount did not make the milestone done")
	}
	sh.Select(1)
	if line := milestoneLine(r.milestones[0], r.today); !strings.Contains(line, "(done)\n“Program fee: Rotation fee") {
		t.Errorf("milestone line %q after the fee was paid", line)
	}
}

// inRow is the first T in the first row of list l.
func inRow[T any](t *testing.T, l *widget.List) T {
	t.Helper()
	for _, o := range objectsIn(l) {
		if v, ok := o.(T); ok {
			return v
		}
	}
	var zero T
	t.Fatalf("the list has no %T", zero)
	return zero
}

// TestUndoDeleteKeepsTheMilestoneLink: deleting the fee and undoing it
// brings back its link to "Program fee paid", not a bare item.
func TestUndoDeleteKeepsTheMilestoneLink(t *testing.T) {
	_, st, b := openBudget(t)
	ctx := context.Background()
	rot, _ := st.Rotation(ctx)
	fee, err := st.SaveBudgetItem(ctx, rot.ID, data.ProgramFee(mustDate(t, "2027-01-30")))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveMilestone(ctx, data.Milestone{RotationID: rot.ID, Title: "Program fee paid", Due: mustDate(t, "2027-01-30"), BudgetItemID: fee.ID}); err != nil {
		t.Fatal(err)
	}
	b.deleteItem(fee)
	if ms, _ := st.Milestones(ctx, rot.ID); ms[0].BudgetItemID != 0 {
		t.Fatalf("the link outlived the item: %+v", ms[0])
	}
	b.undos.run()
	ms, _ := st.Milestones(ctx, rot.ID)
	items := budgetItems(t, st)
	if len(items) != 1 || ms[0].BudgetItemID != items[0].ID {
		t.Errorf("after undo: items %+v, milestone %+v; want the fee back and linked", items, ms[0])
	}
}
