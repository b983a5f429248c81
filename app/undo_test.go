package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"github.com/shopspring/decimal"

	"github.com/masterplan-app/masterplan/data"
)

// Every screen deletes the same way: at once, no question, an Undo bar that
// names what went, and Ctrl+Z (outside a field) that brings it back.
func TestDeleteIsTheSameEverywhere(t *testing.T) {
	sh, st := newTestShell(t)
	rot := setUpRotation(t, st, block("2027-03-01", "2027-03-21"))
	ctx := context.Background()
	day := data.NewDate(2026, 11, 20)
	if _, err := st.SaveBudgetItem(ctx, rot.ID, data.BudgetItem{Category: data.CategoryFlights, Description: "LHR-SEA", Date: day,
		Planned: data.Money{Currency: "USD", Amount: decimal.RequireFromString("900")}, PaidBy: data.PaidByMe, Reimbursement: data.NotClaimed}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveReadingItem(ctx, data.ReadingItem{Title: "Inside Out"}, day); err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveStudySession(ctx, data.StudySession{Start: fixedNow.Add(-3 * time.Hour), Duration: time.Hour}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveMilestone(ctx, data.Milestone{RotationID: rot.ID, Title: "Book flights", Due: day.AddDays(30)}); err != nil {
		t.Fatal(err)
	}
	sh.Start()
	c := sh.Window.Canvas()
	ctrlZ := func() { c.(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutUndo{}) }

	count := map[string]func() int{
		"Budget": func() int { n, _ := st.BudgetItems(ctx, rot.ID); return len(n) },
		"Reading": func() int {
			n, _ := st.ReadingItems(ctx)
			return len(n)
		},
		"Study": func() int { n, _ := st.StudySessions(ctx, time.Time{}, fixedNow.Add(time.Hour)); return len(n) },
		"Practice": func() int {
			n, _ := st.Attempts(ctx, rot.ID)
			return len(n)
		},
		"Reminders": func() int { n, _ := st.Reminders(ctx); return len(n) },
		"Rotation":  func() int { n, _ := st.Milestones(ctx, rot.ID); return len(n) },
	}
	deleteFirst := map[string]func(){
		"Budget":  func() { b := sh.screens[budgetIndex].(*budgetScreen); b.deleteItem(b.rowAt(0)) },
		"Reading": func() { r := sh.screens[2].(*readingScreen); r.deleteItem(r.shown[0]) },
		"Study":   func() { s := sh.screens[3].(*studyScreen); s.deleteSession(s.rowAt(0)) },
		"Practice": func() {
			ps := sh.screens[practiceIndex].(*practiceScreen)
			if _, err := st.SaveAttempt(ctx, rot.ID, data.Attempt{ExamID: ps.p.Exams[0].ID, Date: day, Source: "own lab",
				Scores: []data.TopicScore{data.CountedScore(ps.p.Topics[0].ID, 5, 10)}}, day); err != nil {
				t.Fatal(err)
			}
			ps.refresh()
			ps.deleteAttempt(ps.shown[0])
		},
		"Reminders": func() {
			r := sh.screens[remindersIndex].(*remindersScreen)
			r.delete(r.plan.Schedule.Reminders[0])
		},
		"Rotation": func() { r := sh.screens[1].(*rotationScreen); r.deleteMilestone(r.milestones[0]) },
	}
	for _, title := range []string{"Rotation", "Reading", "Study", "Practice", "Budget", "Reminders"} {
		t.Run(title, func(t *testing.T) {
			sh.Select(screenIndex(title))
			deleteFirst[title]() // Practice adds its attempt first
			before := count[title]() + 1
			if top := c.Overlays().Top(); top != nil {
				t.Fatal("the delete asked a question")
			}
			u := sh.screen(screenIndex(title)).(undoScreen).undoer()
			if !u.bar.Visible() || u.label.Text == "" {
				t.Fatal("no Undo bar after the delete")
			}
			c.Unfocus()
			ctrlZ()
			if got := count[title](); got != before {
				t.Errorf("after Ctrl+Z %d records, want %d back", got, before)
			}
			if u.bar.Visible() || u.pending() {
				t.Error("the Undo bar stays after the undo")
			}
		})
	}
}

// Ctrl+Z also undoes the last edit on the screen, and adding something new
// forgets what could be undone.
func TestCtrlZUndoesTheLastEdit(t *testing.T) {
	sh, st, b := openBudget(t)
	b.newItem()
	typeItem(t, sh, b, data.CategoryFlights, "LHR-SEA", "2027-02-27", "900", "USD")
	if b.undos.pending() {
		t.Fatal("adding an item offers an undo")
	}
	it := budgetItems(t, st)[0]
	b.editItem(it, "Edit budget item")
	b.form.description.SetText("LHR-SEA return")
	findForm(t, sh.Window.Canvas()).OnSubmit()
	if got := budgetItems(t, st)[0].Description; got != "LHR-SEA return" {
		t.Fatalf("edit saved %q", got)
	}
	sh.Window.Canvas().(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutUndo{})
	if got := budgetItems(t, st)[0].Description; got != "LHR-SEA" {
		t.Fatalf("Ctrl+Z left %q, want the description before the edit", got)
	}

	b.editItem(budgetItems(t, st)[0], "Edit budget item")
	b.form.description.SetText("changed")
	findForm(t, sh.Window.Canvas()).OnSubmit()
	b.newItem()
	typeItem(t, sh, b, data.CategoryHotel, "Hotel", "2027-03-01", "100", "USD")
	if b.undos.pending() {
		t.Error("an add after an edit still offers to undo the edit")
	}
}

// Editing an exchange rate is an edit like any other: Ctrl+Z puts the old
// rate back (main saved it with no way back).
func TestCtrlZUndoesARateEdit(t *testing.T) {
	sh, st, b := openBudget(t)
	ctx := context.Background()
	before, _ := st.Rates(ctx, "GBP")
	b.editRate(before[0])
	typeRate(t, sh, "", "0.81", "")
	if r, _ := st.Rates(ctx, "GBP"); r[0].ToHome.String() != "0.81" {
		t.Fatalf("the edit saved %s", r[0].ToHome)
	}
	if !strings.Contains(b.undos.label.Text, "Edited the USD rate") {
		t.Errorf("the undo bar says %q", b.undos.label.Text)
	}
	sh.Window.Canvas().(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutUndo{})
	if r, _ := st.Rates(ctx, "GBP"); len(r) != 1 || !r[0].ToHome.Equal(before[0].ToHome) || r[0].ID != before[0].ID {
		t.Errorf("after Ctrl+Z: %+v, want %+v", r, before)
	}
}

// The list above the Undo bar gives the bar its room when it appears and
// takes it back when it goes: the parent used to keep the bar's room empty.
func TestListGrowsBackWhenTheUndoBarGoes(t *testing.T) {
	sh, _, b := openBudget(t)
	sh.Window.Resize(fyne.NewSize(1024, 700))
	sh.Window.Content().Refresh()
	full := b.list.Size().Height
	b.undos.offer("Deleted “LHR-SEA”.", func() error { return nil })
	if got := b.list.Size().Height; got >= full {
		t.Fatalf("the list kept its height %v with the bar shown (was %v)", got, full)
	}
	b.undos.forget()
	if got := b.list.Size().Height; got != full {
		t.Errorf("the list is %v high after the bar went, want %v back", got, full)
	}
}
