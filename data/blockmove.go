package data

import (
	"fmt"
	"strings"
)

// HangerKind names the kind of record that hangs on a rotation block.
type HangerKind string

// The kinds of record a block move can carry along.
const (
	HangsExam      HangerKind = "exam"
	HangsBudget    HangerKind = "budget"
	HangsMilestone HangerKind = "milestone"
)

// Hangers are the records that may hang on a block: the rotation's exams,
// budget items and milestones, as stored.
type Hangers struct {
	Exams      []Exam
	Budget     []BudgetItem
	Milestones []Milestone
}

// RecordMove is one record's proposed change of dates when its block moves.
// Date and End are the record's dates (End only for a budget item's range).
type RecordMove struct {
	Kind             HangerKind
	ID               int64
	What             string // "Exam “Written exam 1”"
	OldDate, OldEnd  Date
	NewDate, NewEnd  Date
	OutsideIfMoved   bool // the new dates fall outside every block
	OutsideIfStaying bool // the old dates fall outside every block once the block changed
}

// Moves reports whether accepting the move changes the record's dates.
func (m RecordMove) Moves() bool { return m.OldDate != m.NewDate || m.OldEnd != m.NewEnd }

// Reversed is the move that puts the record back (the undo).
func (m RecordMove) Reversed() RecordMove {
	m.OldDate, m.NewDate = m.NewDate, m.OldDate
	m.OldEnd, m.NewEnd = m.NewEnd, m.OldEnd
	m.OutsideIfMoved, m.OutsideIfStaying = m.OutsideIfStaying, m.OutsideIfMoved
	return m
}

// String says the move as the dialog lists it: "Exam “Lab exam”: 2027-03-21 -> 2027-03-28".
func (m RecordMove) String() string {
	return fmt.Sprintf("%s: %s -> %s", m.What, span(m.OldDate, m.OldEnd), span(m.NewDate, m.NewEnd))
}

// At is where the record is after the change: at its new dates when the
// user moves it, else at its old ones ("2027-03-07 to 2027-03-14").
func (m RecordMove) At(moved bool) string {
	if moved {
		return span(m.NewDate, m.NewEnd)
	}
	return span(m.OldDate, m.OldEnd)
}

func span(d, end Date) string {
	if end.IsZero() {
		return d.String()
	}
	return d.String() + " to " + end.String()
}

// BlockMove is what changing a block's dates would do to what hangs on it.
type BlockMove struct {
	Old, New Block
	Offset   int // days the start moved; every record moves by it
	Records  []RecordMove
}

// Moving lists the records whose dates change when the user accepts.
func (bm BlockMove) Moving() []RecordMove {
	var out []RecordMove
	for _, m := range bm.Records {
		if m.Moves() {
			out = append(out, m)
		}
	}
	return out
}

// LeftOutside lists the records outside every block after the change:
// with moved true if the user accepts the moves, else if only the block
// changes.
func (bm BlockMove) LeftOutside(moved bool) []RecordMove {
	var out []RecordMove
	for _, m := range bm.Records {
		if moved && m.OutsideIfMoved || !moved && m.OutsideIfStaying {
			out = append(out, m)
		}
	}
	return out
}

// BlockOnly is the change of the block alone ("Only the block"): nothing
// that hangs on it moves, and its undo puts back only the block.
func (bm BlockMove) BlockOnly() BlockMove {
	return BlockMove{Old: bm.Old, New: bm.New, Offset: bm.Offset}
}

// Reversed is the move that undoes this one: the old block back and every
// record at its old dates.
func (bm BlockMove) Reversed() BlockMove {
	out := BlockMove{Old: bm.New, New: bm.Old, Offset: -bm.Offset}
	for _, m := range bm.Records {
		out.Records = append(out.Records, m.Reversed())
	}
	return out
}

// PlanBlockMove proposes what moves with a block changed from old to new
// (others are the rotation's other blocks, unchanged). Every record that
// hangs on the old block shifts by the start's offset; records that would
// land outside every block (the block shrank, say) are marked, as are
// those that would be left outside if only the block changed, so nothing
// is moved or left between blocks without the user seeing it.
//
// What hangs on the block:
//   - exams not yet sat whose date is in the old block;
//   - hotel and meals items the generators made (GeneratedBy) whose range
//     starts in the old block. HotelForRotation gives a hotel item the
//     night before the first day (check-in) to the last day, and
//     MealsPerDiem a meals item the block's days, so a hotel range's
//     first day served is its Date+1. A stay the user typed is a booking
//     with its own dates and stays where it is;
//   - suggested milestones (Kind set, SuggestMilestones) still open: those
//     due in the old block (the exams), and, when old was the first block,
//     the preparation steps, which SuggestMilestones dates from the first
//     block's start. The user's own milestones (no Kind) never move.
func PlanBlockMove(old, new Block, others []Block, h Hangers) BlockMove {
	bm := BlockMove{Old: old, New: new, Offset: old.Start.DaysUntil(new.Start)}
	after := append([]Block{new}, others...)
	before := append([]Block{old}, others...)
	for _, hr := range hangingOn(old, others, h) {
		m := hr.RecordMove
		m.NewDate = m.OldDate.AddDays(bm.Offset)
		if !m.OldEnd.IsZero() {
			m.NewEnd = m.OldEnd.AddDays(bm.Offset)
		}
		if hr.served != nil {
			m.OutsideIfMoved = !withinBlocks(after, hr.served, m.NewDate, m.NewEnd)
			m.OutsideIfStaying = !withinBlocks(after, hr.served, m.OldDate, m.OldEnd) && withinBlocks(before, hr.served, m.OldDate, m.OldEnd)
		}
		if m.Moves() || m.OutsideIfMoved || m.OutsideIfStaying {
			bm.Records = append(bm.Records, m)
		}
	}
	return bm
}

// LeftByDelete lists what hung on block gone (see PlanBlockMove) and lies
// outside every block once it is deleted (others are the rest), so that
// the delete can say so. Nothing moves: the records keep their dates.
func LeftByDelete(gone Block, others []Block, h Hangers) []RecordMove {
	var out []RecordMove
	for _, hr := range hangingOn(gone, others, h) {
		m := hr.RecordMove
		m.NewDate, m.NewEnd = m.OldDate, m.OldEnd
		if hr.served != nil && !withinBlocks(others, hr.served, m.OldDate, m.OldEnd) {
			m.OutsideIfMoved, m.OutsideIfStaying = true, true
			out = append(out, m)
		}
	}
	return out
}

// hanging is a record that hangs on a block, at its old dates, with the
// days it serves; served is nil for a preparation step, dated before the
// block on purpose, which is never "outside".
type hanging struct {
	RecordMove
	served func(d, end Date) (Date, Date)
}

// hangingOn lists what hangs on block old (others are the rotation's other
// blocks): see PlanBlockMove.
func hangingOn(old Block, others []Block, h Hangers) []hanging {
	var out []hanging
	inOld := func(d Date) bool { return !d.IsZero() && !d.Before(old.Start) && !d.After(old.End) }
	oneDay := func(d, _ Date) (Date, Date) { return d, d }
	for _, e := range h.Exams {
		if inOld(e.Date) && !examSat(e) {
			out = append(out, hanging{RecordMove{Kind: HangsExam, ID: e.ID, What: fmt.Sprintf("Exam “%s”", e.Name), OldDate: e.Date}, oneDay})
		}
	}
	for _, it := range h.Budget {
		served, ok := generatedDays(it)
		if !ok {
			continue
		}
		if first, _ := served(it.Date, it.EndDate); !inOld(first) {
			continue
		}
		out = append(out, hanging{RecordMove{Kind: HangsBudget, ID: it.ID, What: budgetWhat(it), OldDate: it.Date, OldEnd: it.EndDate}, served})
	}
	wasFirst := true
	for _, o := range others {
		if o.Start.Before(old.Start) {
			wasFirst = false
		}
	}
	for _, m := range h.Milestones {
		if m.Kind == "" || m.Done {
			continue
		}
		rm := RecordMove{Kind: HangsMilestone, ID: m.ID, What: fmt.Sprintf("Milestone “%s”", m.Title), OldDate: m.Due}
		switch {
		case inOld(m.Due):
			out = append(out, hanging{rm, oneDay})
		case wasFirst && isPreparationStep(m.Kind) && m.Due.Before(old.Start):
			out = append(out, hanging{rm, nil})
		}
	}
	return out
}

// examSat reports whether the exam's date is a sitting already held.
func examSat(e Exam) bool {
	return e.Result == ExamPassed || e.Result == ExamFailed && !e.Date.After(e.ResultDate)
}

// generatedDays says which days a generated hotel or meals range serves
// (see PlanBlockMove), by the generator's mark rather than the category,
// which the user may have changed; ok is false for items no generator
// made and for single-day ones, which the generators never make.
func generatedDays(it BudgetItem) (func(d, end Date) (Date, Date), bool) {
	if it.Date.IsZero() || it.EndDate.IsZero() {
		return nil, false
	}
	switch it.GeneratedBy {
	case GeneratedHotel:
		return func(d, end Date) (Date, Date) { return d.AddDays(1), end }, true
	case GeneratedMeals:
		return func(d, end Date) (Date, Date) { return d, end }, true
	}
	return nil, false
}

func budgetWhat(it BudgetItem) string {
	if d := strings.TrimSpace(it.Description); d != "" {
		return fmt.Sprintf("%s “%s”", it.Category.Label(), d)
	}
	return it.Category.Label()
}

func isPreparationStep(kind string) bool {
	for _, s := range usualSteps {
		if s.kind == kind {
			return true
		}
	}
	return false
}

// withinBlocks reports whether the days a record dated d..end serves lie
// inside one block.
func withinBlocks(blocks []Block, served func(d, end Date) (Date, Date), d, end Date) bool {
	first, last := served(d, end)
	for _, b := range blocks {
		if !first.Before(b.Start) && !last.After(b.End) {
			return true
		}
	}
	return false
}
