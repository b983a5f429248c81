package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/shopspring/decimal"

	"github.com/masterplan-app/masterplan/app/widgets"
	"github.com/masterplan-app/masterplan/data"
)

// blockMoveFixture is a rotation of two blocks, the first with a generated
// hotel item and an exam on it, on the Rotation screen.
type blockMoveFixture struct {
	sh    *Shell
	r     *rotationScreen
	c     fyne.Canvas
	rotID int64
	st    interface {
		Rotation(context.Context) (data.Rotation, error)
		BudgetItems(context.Context, int64) ([]data.BudgetItem, error)
		Exams(context.Context, int64) ([]data.Exam, error)
	}
	hotelID, examID int64
}

func newBlockMoveFixture(t *testing.T, withHangers bool) *blockMoveFixture {
	t.Helper()
	sh, st := newTestShell(t)
	rot := setUpRotation(t, st, block("2027-03-01", "2027-03-07"), block("2027-04-05", "2027-04-18"))
	f := &blockMoveFixture{sh: sh, c: sh.Window.Canvas(), rotID: rot.ID, st: st}
	ctx := context.Background()
	if withHangers {
		items, err := data.HotelForRotation(rot.Blocks[:1], data.Money{Amount: decimal.RequireFromString("200"), Currency: "USD"})
		if err != nil {
			t.Fatal(err)
		}
		saved, err := st.AddBudgetItems(ctx, rot.ID, items)
		if err != nil {
			t.Fatal(err)
		}
		f.hotelID = saved[0].ID
		e, _, err := st.SaveExam(ctx, rot.ID, data.Exam{Name: "Lab exam", Kind: data.ExamLab, PassMark: 70, Date: data.NewDate(2027, 3, 7)}, data.NewDate(2026, 11, 23))
		if err != nil {
			t.Fatal(err)
		}
		f.examID = e.ID
	}
	sh.Start()
	sh.Select(1)
	f.r = sh.screens[1].(*rotationScreen)
	return f
}

// retype opens the first block's form, types the dates and saves.
func (f *blockMoveFixture) retype(t *testing.T, start, end string) {
	t.Helper()
	f.r.editBlock(f.r.rot.Blocks[0])
	form := findForm(t, f.c)
	form.Items[0].Widget.(*widgets.DateEntry).SetText(start)
	form.Items[1].Widget.(*widgets.DateEntry).SetText(end)
	test.Tap(dialogButton(t, f.c, "Save"))
}

// press types key k as the window would: to the focused object, else to
// the canvas.
func (f *blockMoveFixture) press(k fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: k}
	if o := f.c.Focused(); o != nil {
		o.TypedKey(ev)
		return
	}
	f.c.OnTypedKey()(ev)
}

// dates are the first block's, the hotel item's and the exam's dates now.
func (f *blockMoveFixture) dates(t *testing.T) (blockStart, hotel, exam string) {
	t.Helper()
	ctx := context.Background()
	rot, err := f.st.Rotation(ctx)
	if err != nil {
		t.Fatal(err)
	}
	blockStart = rot.Blocks[0].Start.String()
	items, err := f.st.BudgetItems(ctx, f.rotID)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		if it.ID == f.hotelID {
			hotel = it.Date.String() + " to " + it.EndDate.String()
		}
	}
	exams, err := f.st.Exams(ctx, f.rotID)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range exams {
		if e.ID == f.examID {
			exam = e.Date.String()
		}
	}
	return blockStart, hotel, exam
}

func (f *blockMoveFixture) markup() string { return test.RenderToMarkup(f.c) }

func (f *blockMoveFixture) ctrlZ() {
	f.c.Unfocus()
	f.c.(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutUndo{})
}

// Moving a block a week later asks, lists what would move, and "Move them
// too" moves the generated hotel stay and the exam with it; Ctrl+Z puts
// all three back.
func TestMoveThemToo(t *testing.T) {
	f := newBlockMoveFixture(t, true)
	f.retype(t, "2027-03-08", "2027-03-14")
	got := f.markup()
	for _, want := range []string{"Move what hangs on the block?", "Exam “Lab exam”: 2027-03-07 -> 2027-03-14",
		"Hotel “Hotel in Redmond", "2027-03-07 to 2027-03-14", "Move them too", "Only the block", "Cancel"} {
		if !strings.Contains(got, want) {
			t.Errorf("the dialog does not show %q:\n%s", want, got)
		}
	}
	if b, h, e := f.dates(t); b != "2027-03-01" {
		t.Fatalf("the block moved before the answer: %s %s %s", b, h, e)
	}
	test.Tap(dialogButton(t, f.c, "Move them too"))
	if b, h, e := f.dates(t); b != "2027-03-08" || h != "2027-03-07 to 2027-03-14" || e != "2027-03-14" {
		t.Errorf("after Move them too: block %s, hotel %s, exam %s", b, h, e)
	}
	if !f.r.undos.bar.Visible() || !strings.Contains(f.r.undos.label.Text, "2 records") {
		t.Errorf("undo bar: visible %v, %q", f.r.undos.bar.Visible(), f.r.undos.label.Text)
	}
	f.ctrlZ()
	if b, h, e := f.dates(t); b != "2027-03-01" || h != "2027-02-28 to 2027-03-07" || e != "2027-03-07" {
		t.Errorf("after Ctrl+Z: block %s, hotel %s, exam %s", b, h, e)
	}
}

// Enter answers with the default, "Move them too".
func TestEnterMovesThemToo(t *testing.T) {
	f := newBlockMoveFixture(t, true)
	f.retype(t, "2027-03-08", "2027-03-14")
	f.press(fyne.KeyReturn)
	if b, h, e := f.dates(t); b != "2027-03-08" || h != "2027-03-07 to 2027-03-14" || e != "2027-03-14" {
		t.Errorf("after Enter: block %s, hotel %s, exam %s", b, h, e)
	}
	if f.c.Overlays().Top() != nil {
		t.Error("the question stays open after Enter")
	}
}

// "Only the block" moves the block alone and says what is now outside
// every block, in the dialog and in the undo bar.
func TestOnlyTheBlockSaysWhatIsLeftOutside(t *testing.T) {
	f := newBlockMoveFixture(t, true)
	f.retype(t, "2027-03-08", "2027-03-14")
	if got := f.markup(); !strings.Contains(got, "outside every block") {
		t.Errorf("the dialog does not warn what Only the block leaves outside:\n%s", got)
	}
	test.Tap(dialogButton(t, f.c, "Only the block"))
	if b, h, e := f.dates(t); b != "2027-03-08" || h != "2027-02-28 to 2027-03-07" || e != "2027-03-07" {
		t.Errorf("after Only the block: block %s, hotel %s, exam %s", b, h, e)
	}
	msg := f.r.undos.label.Text
	if !strings.Contains(msg, "outside every block") || !strings.Contains(msg, "Lab exam") {
		t.Errorf("the undo bar does not say what is left outside: %q", msg)
	}
	f.ctrlZ()
	if b, _, _ := f.dates(t); b != "2027-03-01" {
		t.Errorf("after Ctrl+Z the block starts %s", b)
	}
}

// Shortening a block moves nothing but leaves the exam on its old last
// day outside: the question says so and offers only to save or cancel.
func TestShorteningABlockSaysWhatFallsOutside(t *testing.T) {
	f := newBlockMoveFixture(t, true)
	f.retype(t, "2027-03-01", "2027-03-05")
	got := f.markup()
	if !strings.Contains(got, "Lab exam") || !strings.Contains(got, "outside every block") {
		t.Errorf("the question does not name the exam left outside:\n%s", got)
	}
	f.press(fyne.KeyReturn)
	rot, _ := f.st.Rotation(context.Background())
	if rot.Blocks[0].End.String() != "2027-03-05" {
		t.Errorf("after Enter the block ends %s", rot.Blocks[0].End)
	}
	if msg := f.r.undos.label.Text; !strings.Contains(msg, "Lab exam") {
		t.Errorf("the undo bar does not name the exam left outside: %q", msg)
	}
}

// Cancel, by button or Esc, writes nothing and opens the form again with
// the dates typed.
func TestCancelKeepsTheTypedDates(t *testing.T) {
	for _, how := range []string{"button", "Esc"} {
		t.Run(how, func(t *testing.T) {
			f := newBlockMoveFixture(t, true)
			f.retype(t, "2027-03-08", "2027-03-14")
			if how == "Esc" {
				f.press(fyne.KeyEscape)
			} else {
				test.Tap(dialogButton(t, f.c, "Cancel"))
			}
			if b, h, e := f.dates(t); b != "2027-03-01" || h != "2027-02-28 to 2027-03-07" || e != "2027-03-07" {
				t.Errorf("after Cancel: block %s, hotel %s, exam %s", b, h, e)
			}
			form := findForm(t, f.c)
			if s, e := form.Items[0].Widget.(*widgets.DateEntry).Text, form.Items[1].Widget.(*widgets.DateEntry).Text; s != "2027-03-08" || e != "2027-03-14" {
				t.Errorf("the form came back with %s to %s, want the typed dates", s, e)
			}
			// Saving the form again asks again, and still moves what hangs on it.
			test.Tap(dialogButton(t, f.c, "Save"))
			test.Tap(dialogButton(t, f.c, "Move them too"))
			if b, _, e := f.dates(t); b != "2027-03-08" || e != "2027-03-14" {
				t.Errorf("after the second save: block %s, exam %s", b, e)
			}
		})
	}
}

// With nothing hanging on the block, a move asks nothing; it can still be
// undone.
func TestMovingABareBlockAsksNothing(t *testing.T) {
	f := newBlockMoveFixture(t, false)
	f.retype(t, "2027-03-08", "2027-03-14")
	if top := f.c.Overlays().Top(); top != nil {
		t.Fatalf("a move with nothing hanging asked:\n%s", f.markup())
	}
	if b, _, _ := f.dates(t); b != "2027-03-08" {
		t.Errorf("the block starts %s", b)
	}
	f.ctrlZ()
	if b, _, _ := f.dates(t); b != "2027-03-01" {
		t.Errorf("after Ctrl+Z the block starts %s", b)
	}
}

// A block is deleted at once, no question, and Ctrl+Z brings it back with
// its id.
func TestDeleteBlockAtOnceAndUndo(t *testing.T) {
	f := newBlockMoveFixture(t, false)
	second := f.r.rot.Blocks[1]
	f.r.deleteBlock(second)
	if top := f.c.Overlays().Top(); top != nil {
		t.Fatalf("deleting a block asked:\n%s", f.markup())
	}
	rot, _ := f.st.Rotation(context.Background())
	if len(rot.Blocks) != 1 {
		t.Fatalf("after the delete %d blocks", len(rot.Blocks))
	}
	if !f.r.undos.bar.Visible() || !strings.Contains(f.r.undos.label.Text, "2027-04-05 to 2027-04-18") {
		t.Errorf("undo bar: visible %v, %q", f.r.undos.bar.Visible(), f.r.undos.label.Text)
	}
	f.ctrlZ()
	rot, _ = f.st.Rotation(context.Background())
	if len(rot.Blocks) != 2 || rot.Blocks[1] != second {
		t.Errorf("after Ctrl+Z: %+v, want %+v back", rot.Blocks, second)
	}
}

// Deleting a block with an exam and a generated hotel stay on it says in
// the undo bar that they are now outside every block.
func TestDeleteBlockSaysWhatIsLeftOutside(t *testing.T) {
	f := newBlockMoveFixture(t, true)
	f.r.deleteBlock(f.r.rot.Blocks[0])
	msg := f.r.undos.label.Text
	if !strings.Contains(msg, "outside every block") || !strings.Contains(msg, "Lab exam") || !strings.Contains(msg, "Hotel") {
		t.Errorf("the undo bar does not say what the delete left outside: %q", msg)
	}
}

// Changing only a block's place moves nothing and asks nothing, even with
// records hanging on it; Ctrl+Z puts the old place back.
func TestChangingABlocksPlaceAsksNothing(t *testing.T) {
	f := newBlockMoveFixture(t, true)
	f.r.editBlock(f.r.rot.Blocks[0])
	form := findForm(t, f.c)
	form.Items[2].Widget.(*widgets.Entry).SetText("London")
	test.Tap(dialogButton(t, f.c, "Save"))
	if top := f.c.Overlays().Top(); top != nil {
		t.Fatalf("a change of place asked:\n%s", f.markup())
	}
	place := func() string {
		rot, _ := f.st.Rotation(context.Background())
		return rot.Blocks[0].Location
	}
	if got := place(); got != "London" {
		t.Fatalf("the block is in %q", got)
	}
	f.ctrlZ()
	if got := place(); got != "Redmond, Washington" {
		t.Errorf("after Ctrl+Z the block is in %q", got)
	}
}
