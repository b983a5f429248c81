package data

import (
	"slices"
	"testing"

	"github.com/shopspring/decimal"
)

func TestPlanBlockMove(t *testing.T) {
	dt := func(s string) Date { return day(t, s) }
	blk := func(id int64, start, end string) Block {
		return Block{ID: id, Start: dt(start), End: dt(end), Location: "Redmond", TimeZone: "America/Los_Angeles"}
	}
	first := blk(1, "2027-03-01", "2027-03-07")
	second := blk(2, "2027-04-05", "2027-04-18")
	hotel := func(id int64, b Block) BudgetItem {
		items, err := HotelForRotation([]Block{b}, Money{Amount: decimal.RequireFromString("200"), Currency: "USD"})
		if err != nil {
			t.Fatal(err)
		}
		items[0].ID = id
		return items[0]
	}
	meals := func(id int64, b Block) BudgetItem {
		items, err := MealsPerDiem([]Block{b}, Money{Amount: decimal.RequireFromString("50"), Currency: "USD"})
		if err != nil {
			t.Fatal(err)
		}
		items[0].ID = id
		return items[0]
	}
	exam := func(id int64, d string) Exam {
		return Exam{ID: id, Name: "Written exam", Kind: ExamWritten, Date: dt(d)}
	}
	ms := func(id int64, kind, due string) Milestone {
		return Milestone{ID: id, Title: kind, Kind: kind, Due: dt(due)}
	}
	fee := ProgramFee(dt("2027-03-03"))
	fee.ID = 99
	hangers := Hangers{
		Exams: []Exam{exam(10, "2027-03-03"), exam(11, "2027-03-07"), exam(12, "2027-04-10"),
			{ID: 13, Name: "Sat", Kind: ExamWritten, Date: dt("2027-03-02"), Result: ExamPassed, ResultDate: dt("2027-03-02")}},
		Budget: []BudgetItem{hotel(20, first), meals(21, first), hotel(22, second), fee},
		Milestones: []Milestone{ms(30, MilestoneWritten, "2027-03-04"), ms(31, MilestoneFlights, "2027-01-15"),
			{ID: 32, Title: "My own", Due: dt("2027-03-05")}, {ID: 33, Title: "done", Kind: MilestoneLab, Due: dt("2027-03-06"), Done: true},
			ms(34, MilestoneLab, "2027-04-18")},
	}
	type want struct {
		moves   map[int64][2]string // id -> new date, new end ("" for none)
		outside []int64             // outside every block if moved
		staying []int64             // outside every block if only the block changes
	}
	cases := []struct {
		name     string
		old, new Block
		others   []Block
		h        Hangers
		want     want
	}{
		{"forward a week", first, blk(1, "2027-03-08", "2027-03-14"), []Block{second}, hangers, want{
			moves: map[int64][2]string{10: {"2027-03-10"}, 11: {"2027-03-14"}, 20: {"2027-03-07", "2027-03-14"},
				21: {"2027-03-08", "2027-03-14"}, 30: {"2027-03-11"}, 31: {"2027-01-22"}},
			staying: []int64{10, 11, 20, 21, 30},
		}},
		{"backward three days", first, blk(1, "2027-02-26", "2027-03-04"), []Block{second}, hangers, want{
			moves: map[int64][2]string{10: {"2027-02-28"}, 11: {"2027-03-04"}, 20: {"2027-02-25", "2027-03-04"},
				21: {"2027-02-26", "2027-03-04"}, 30: {"2027-03-01"}, 31: {"2027-01-12"}},
			staying: []int64{11, 20, 21},
		}},
		{"shorter at the end", first, blk(1, "2027-03-01", "2027-03-05"), []Block{second}, hangers, want{
			moves:   map[int64][2]string{11: {"2027-03-07"}, 20: {"2027-02-28", "2027-03-07"}, 21: {"2027-03-01", "2027-03-07"}},
			outside: []int64{11, 20, 21}, staying: []int64{11, 20, 21},
		}},
		{"the second of two blocks", second, blk(2, "2027-04-12", "2027-04-25"), []Block{first}, hangers, want{
			moves:   map[int64][2]string{12: {"2027-04-17"}, 22: {"2027-04-11", "2027-04-25"}, 34: {"2027-04-25"}},
			staying: []int64{12, 22},
		}},
		{"nothing hangs on it", first, blk(1, "2027-03-08", "2027-03-14"), nil, Hangers{Budget: []BudgetItem{fee}}, want{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			bm := PlanBlockMove(c.old, c.new, c.others, c.h)
			got := map[int64][2]string{}
			for _, m := range bm.Records {
				var end string
				if !m.NewEnd.IsZero() {
					end = m.NewEnd.String()
				}
				got[m.ID] = [2]string{m.NewDate.String(), end}
			}
			if len(got) != len(c.want.moves) {
				t.Errorf("records %v, want %v", got, c.want.moves)
			}
			for id, w := range c.want.moves {
				if got[id] != w {
					t.Errorf("record %d moves to %v, want %v", id, got[id], w)
				}
			}
			ids := func(ms []RecordMove) []int64 {
				var out []int64
				for _, m := range ms {
					out = append(out, m.ID)
				}
				slices.Sort(out)
				return out
			}
			if g := ids(bm.LeftOutside(true)); !slices.Equal(g, c.want.outside) {
				t.Errorf("outside if moved %v, want %v", g, c.want.outside)
			}
			if g := ids(bm.LeftOutside(false)); !slices.Equal(g, c.want.staying) {
				t.Errorf("outside if staying %v, want %v", g, c.want.staying)
			}
			back := bm.Reversed()
			for i, m := range back.Records {
				if m.NewDate != bm.Records[i].OldDate || m.NewEnd != bm.Records[i].OldEnd {
					t.Errorf("reversed %v does not restore %v", m, bm.Records[i])
				}
			}
		})
	}
}

func TestRecordMoveString(t *testing.T) {
	m := RecordMove{What: "Hotel", OldDate: day(t, "2027-02-28"), OldEnd: day(t, "2027-03-07"), NewDate: day(t, "2027-03-07"), NewEnd: day(t, "2027-03-14")}
	if got, want := m.String(), "Hotel: 2027-02-28 to 2027-03-07 -> 2027-03-07 to 2027-03-14"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// What the generators made is known by its mark, not guessed from the
// category: a hotel stay the user typed keeps its dates (it is a booking),
// a generated meals item filed under another category still moves, and a
// hotel item's first night served is the evening before the block.
func TestPlanBlockMoveKnowsGeneratedItems(t *testing.T) {
	dt := func(s string) Date { return day(t, s) }
	old := Block{ID: 1, Start: dt("2027-03-01"), End: dt("2027-03-07")}
	moved := Block{ID: 1, Start: dt("2027-03-08"), End: dt("2027-03-14")}
	typed := BudgetItem{ID: 1, Category: CategoryHotel, Description: "Marriott", Date: dt("2027-02-28"), EndDate: dt("2027-03-07")}
	generated := BudgetItem{ID: 2, Category: CategoryOther, Description: "Meals", Date: dt("2027-03-01"), EndDate: dt("2027-03-07"), GeneratedBy: GeneratedMeals}
	hotel := BudgetItem{ID: 3, Category: CategoryHotel, Date: dt("2027-02-28"), EndDate: dt("2027-03-07"), GeneratedBy: GeneratedHotel}
	bm := PlanBlockMove(old, moved, nil, Hangers{Budget: []BudgetItem{typed, generated, hotel}})
	var ids []int64
	for _, m := range bm.Moving() {
		ids = append(ids, m.ID)
	}
	if !slices.Equal(ids, []int64{2, 3}) {
		t.Errorf("moving %v, want the generated items 2 and 3 only", ids)
	}
}

// "Only the block" is the same change without the records: nothing but
// the block is written, and its undo puts back only the block.
func TestBlockOnly(t *testing.T) {
	dt := func(s string) Date { return day(t, s) }
	old := Block{ID: 1, Start: dt("2027-03-01"), End: dt("2027-03-07")}
	moved := Block{ID: 1, Start: dt("2027-03-08"), End: dt("2027-03-14")}
	bm := PlanBlockMove(old, moved, nil, Hangers{Exams: []Exam{{ID: 5, Name: "Written", Date: dt("2027-03-03")}}})
	only := bm.BlockOnly()
	if len(only.Moving()) != 0 || only.New != moved || only.Old != old {
		t.Errorf("block only: %+v", only)
	}
	if back := only.Reversed(); back.New != old || len(back.Moving()) != 0 {
		t.Errorf("undo of block only: %+v", back)
	}
	if len(bm.Moving()) != 1 {
		t.Errorf("BlockOnly changed the move it was made from: %+v", bm)
	}
}

// At is where a record is after the change, moved or not, as the dialog
// and the undo bar name it.
func TestRecordMoveAt(t *testing.T) {
	m := RecordMove{What: "Hotel", OldDate: day(t, "2027-02-28"), OldEnd: day(t, "2027-03-07"), NewDate: day(t, "2027-03-07"), NewEnd: day(t, "2027-03-14")}
	if got := m.At(true); got != "2027-03-07 to 2027-03-14" {
		t.Errorf("At(moved) = %q", got)
	}
	e := RecordMove{What: "Exam", OldDate: day(t, "2027-03-03"), NewDate: day(t, "2027-03-10")}
	if got := e.At(false); got != "2027-03-03" {
		t.Errorf("At(staying) = %q", got)
	}
}

// Deleting a block leaves what hung on it outside every block, unless
// another block holds its days; a typed item and a sat exam never hung on it.
func TestLeftByDelete(t *testing.T) {
	dt := func(s string) Date { return day(t, s) }
	gone := Block{ID: 1, Start: dt("2027-03-01"), End: dt("2027-03-07")}
	next := Block{ID: 2, Start: dt("2027-03-08"), End: dt("2027-03-14")}
	h := Hangers{
		Exams: []Exam{{ID: 10, Name: "Written", Date: dt("2027-03-03")},
			{ID: 11, Name: "Sat", Date: dt("2027-03-02"), Result: ExamPassed, ResultDate: dt("2027-03-02")}},
		Budget: []BudgetItem{{ID: 20, Category: CategoryMeals, Date: dt("2027-03-01"), EndDate: dt("2027-03-07"), GeneratedBy: GeneratedMeals},
			{ID: 21, Category: CategoryHotel, Date: dt("2027-02-28"), EndDate: dt("2027-03-07")}},
		Milestones: []Milestone{{ID: 30, Title: "Flights", Kind: MilestoneFlights, Due: dt("2027-01-15")}},
	}
	var ids []int64
	for _, m := range LeftByDelete(gone, []Block{next}, h) {
		ids = append(ids, m.ID)
		if m.Moves() {
			t.Errorf("%v moves on a delete", m)
		}
	}
	if !slices.Equal(ids, []int64{10, 20}) {
		t.Errorf("left outside %v, want the exam 10 and the meals 20", ids)
	}
}
