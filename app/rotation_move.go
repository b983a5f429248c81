package app

import (
	"fmt"
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/masterplan-app/masterplan/data"
)

// changeBlock saves the change of stored block old to typed (the form's
// fields). When exams, generated hotel or meals items or suggested
// milestones hang on the block and would move, or would be left outside
// every block, it writes nothing yet and returns ask, the question to open
// once the form has closed; with nothing hanging on it, it saves at once.
// Either way the change can be undone. An error (an overlap, say) belongs
// to the form's fields.
func (r *rotationScreen) changeBlock(old, typed data.Block) (ask func(), err error) {
	if err := typed.Validate(); err != nil {
		return nil, err
	}
	others := otherBlocks(r.rot.Blocks, old.ID)
	// Checked before asking, so that the question is never answered for
	// dates the store would refuse.
	if err := data.CheckOverlap(append([]data.Block{typed}, others...)); err != nil {
		return nil, err
	}
	h, err := r.hangers()
	if err != nil {
		return nil, err
	}
	bm := data.PlanBlockMove(old, typed, others, h)
	if len(bm.Records) == 0 {
		return nil, r.applyBlockMove(bm, true)
	}
	return func() { r.askBlockMove(bm) }, nil
}

// otherBlocks are blocks but the one with id.
func otherBlocks(blocks []data.Block, id int64) []data.Block {
	var out []data.Block
	for _, b := range blocks {
		if b.ID != id {
			out = append(out, b)
		}
	}
	return out
}

// hangers reads what may hang on the rotation's blocks, as stored now.
func (r *rotationScreen) hangers() (data.Hangers, error) {
	ctx, st, rotID := r.shell.ctx(), r.shell.Store, r.rot.ID
	var h data.Hangers
	var err error
	if h.Exams, err = st.Exams(ctx, rotID); err != nil {
		return h, fmt.Errorf("read what hangs on the block: %w", err)
	}
	if h.Budget, err = st.BudgetItems(ctx, rotID); err != nil {
		return h, fmt.Errorf("read what hangs on the block: %w", err)
	}
	if h.Milestones, err = st.Milestones(ctx, rotID); err != nil {
		return h, fmt.Errorf("read what hangs on the block: %w", err)
	}
	return h, nil
}

// applyBlockMove writes bm, with what hangs on the block when moved is
// true ("Move them too") or the block alone, and offers the undo, which
// names what is now outside every block.
func (r *rotationScreen) applyBlockMove(bm data.BlockMove, moved bool) error {
	change := bm
	if !moved {
		change = bm.BlockOnly()
	}
	rotID := r.rot.ID
	if err := r.shell.Store.MoveBlock(r.shell.ctx(), rotID, change); err != nil {
		return err
	}
	r.undos.offer(blockMoveMessage(bm, moved), func() error {
		return r.shell.Store.MoveBlock(r.shell.ctx(), rotID, change.Reversed())
	})
	r.shell.changed()
	return nil
}

// askBlockMove asks whether what hangs on the block moves with it, listing
// what would move and what would be left outside every block either way.
// "Move them too" is the default (Enter); Cancel (Esc) writes nothing and
// reopens the form with the dates typed. When nothing would move but
// something would be left outside (a shortened block), it asks only
// whether to save the block.
func (r *rotationScreen) askBlockMove(bm data.BlockMove) {
	moving := bm.Moving()
	body := container.NewVBox(wrapped(blockChangeLine(bm)))
	section := func(head string, ms []data.RecordMove, line func(data.RecordMove) string) {
		if len(ms) == 0 {
			return
		}
		// One label for the lines: the list reads as a list, not as
		// paragraphs apart.
		lines := make([]string, len(ms))
		for i, m := range ms {
			lines[i] = "• " + line(m)
		}
		body.Add(heading(fmt.Sprintf("%s (%d)", head, len(ms))))
		body.Add(wrapped(strings.Join(lines, "\n")))
	}
	at := func(moved bool) func(data.RecordMove) string {
		return func(m data.RecordMove) string { return m.What + ", " + m.At(moved) }
	}
	title := "Move what hangs on the block?"
	if len(moving) > 0 {
		section("Moves with it", moving, data.RecordMove.String)
		section("Outside every block even when moved", bm.LeftOutside(true), at(true))
		section("With “Only the block”, left outside every block", bm.LeftOutside(false), at(false))
	} else {
		title = "Leave records outside every block?"
		section("Left outside every block", bm.LeftOutside(false), at(false))
	}

	var d *dialog.CustomDialog
	answer := func(moved bool) func() {
		return func() {
			d.Hide()
			if err := r.applyBlockMove(bm, moved); err != nil {
				r.blockForm(bm.Old, bm.New) // nothing typed is lost
				r.shell.showError(err)
			}
		}
	}
	cancel := func() {
		d.Hide()
		r.blockForm(bm.Old, bm.New)
	}
	buttons := []fyne.CanvasObject{widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), cancel)}
	var yes *widget.Button
	if len(moving) > 0 {
		buttons = append(buttons, widget.NewButton("Only the block", answer(false)))
		yes = widget.NewButtonWithIcon("Move them too", theme.ConfirmIcon(), answer(true))
	} else {
		yes = widget.NewButtonWithIcon("Save the block", theme.ConfirmIcon(), answer(false))
	}
	yes.Importance = widget.HighImportance
	buttons = append(buttons, yes)

	keys := newKeyTaker(container.NewVScroll(body), yes.OnTapped, cancel) // Esc reopens the form
	d = dialog.NewCustomWithoutButtons(title, keys, r.shell.Window)
	d.SetButtons(buttons)
	d.Resize(questionSize(r.shell.Window, body))
	d.Show()
	r.shell.Window.Canvas().Focus(keys)
}

// blockChangeLine says the block's change: "Block 2027-03-01 to 2027-03-07
// becomes 2027-03-08 to 2027-03-14 (7 days later)."
func blockChangeLine(bm data.BlockMove) string {
	line := fmt.Sprintf("Block %s to %s becomes %s to %s", bm.Old.Start, bm.Old.End, bm.New.Start, bm.New.End)
	switch {
	case bm.Offset > 0:
		line += " (" + data.Count(bm.Offset, "day", "days") + " later)"
	case bm.Offset < 0:
		line += " (" + data.Count(-bm.Offset, "day", "days") + " earlier)"
	}
	return line + "."
}

// blockMoveMessage is the undo bar's text after a block change: what moved
// with it and, so that nothing is left between blocks unseen, what is now
// outside every block.
func blockMoveMessage(bm data.BlockMove, moved bool) string {
	msg := fmt.Sprintf("Changed the block %s to %s", bm.New.Start, bm.New.End)
	if n := len(bm.Moving()); moved && n > 0 {
		msg += ", and " + data.Count(n, "record", "records") + " moved with it"
	}
	msg += "."
	if out := bm.LeftOutside(moved); len(out) > 0 {
		msg += " Now outside every block: " + recordList(out, moved, 3) + "."
	}
	return msg
}

// recordList names records and where they are, the first most of them,
// then how many more.
func recordList(ms []data.RecordMove, moved bool, most int) string {
	var names []string
	for i, m := range ms {
		if i == most {
			names = append(names, fmt.Sprintf("and %d more", len(ms)-most))
			break
		}
		names = append(names, m.What+" ("+m.At(moved)+")")
	}
	return strings.Join(names, "; ")
}

// questionSize fits a question dialog to its lines, within the window:
// wide enough that a record's line rarely wraps, as tall as its lines
// wrapped at that width, scrolling beyond. The dialog's title and buttons
// take about chrome.
func questionSize(w fyne.Window, body *fyne.Container) fyne.Size {
	const chrome = 130
	win := w.Canvas().Size()
	width := fyne.Min(720, win.Width-64)
	textWidth := width - 4*theme.Padding() - 2*theme.InnerPadding() - theme.ScrollBarSize()
	height := float32(chrome)
	for _, o := range body.Objects {
		l, ok := o.(*widget.Label)
		if !ok {
			continue
		}
		for _, text := range strings.Split(l.Text, "\n") {
			size := fyne.MeasureText(text, theme.TextSize(), l.TextStyle)
			height += size.Height * float32(math.Ceil(float64(size.Width/textWidth)))
		}
		height += 2*theme.InnerPadding() + theme.Padding()
	}
	return fyne.NewSize(width, fyne.Min(height, win.Height-64))
}
