package data

import (
	"slices"
	"testing"
)

func TestOrderReading(t *testing.T) {
	d := func(s string) Date { v, _ := ParseDate("due", s); return v }
	items := []ReadingItem{
		{Title: "b", Priority: 2, Size: 100, Done: 50, Status: ReadingReading, Due: d("2027-02-01")},
		{Title: "A", Priority: 1, Size: 100, Done: 100, Status: ReadingDone},
		{Title: "c", Priority: 3, Size: 0, Status: ReadingToRead, Due: d("2027-01-01")},
		{Title: "d", Priority: 1, Size: 200, Done: 20, Status: ReadingReading},
	}
	titles := func(its []ReadingItem) []string {
		var out []string
		for _, it := range its {
			out = append(out, it.Title)
		}
		return out
	}
	for _, tc := range []struct {
		order, done string
		want        []string
	}{
		{ReadingByPriority, DoneInPlace, []string{"A", "d", "b", "c"}},
		{ReadingByPriority, DoneLast, []string{"d", "b", "c", "A"}},
		{ReadingByPriority, DoneHidden, []string{"d", "b", "c"}},
		{ReadingByDue, DoneInPlace, []string{"c", "b", "A", "d"}},
		{ReadingByProgress, DoneInPlace, []string{"d", "b", "A", "c"}},
		{ReadingByProgress, DoneLast, []string{"d", "b", "c", "A"}},
		{ReadingByTitle, DoneInPlace, []string{"A", "b", "c", "d"}},
		{ReadingByTitle, DoneHidden, []string{"b", "c", "d"}},
		{"unknown", DoneInPlace, []string{"A", "d", "b", "c"}},
	} {
		t.Run(tc.order+"/"+tc.done, func(t *testing.T) {
			before := slices.Clone(items)
			if got := titles(OrderReading(items, tc.order, tc.done)); !slices.Equal(got, tc.want) {
				t.Errorf("OrderReading = %v, want %v", got, tc.want)
			}
			if !slices.EqualFunc(items, before, func(a, b ReadingItem) bool { return a.Title == b.Title }) {
				t.Error("OrderReading changed its input")
			}
		})
	}
}

func TestUnitFollowsTheKind(t *testing.T) {
	for _, tc := range []struct{ unit, from, to, want string }{
		{ReadingPages, ReadingBook, ReadingVideo, ReadingMinutes},
		{ReadingMinutes, ReadingVideo, ReadingBook, ReadingPages},
		{"", ReadingBook, ReadingVideo, ReadingMinutes},
		{ReadingPercent, ReadingBook, ReadingVideo, ReadingPercent}, // the user's choice stays
		{ReadingMinutes, ReadingBook, ReadingWhitepaper, ReadingMinutes},
	} {
		if got := UnitForKind(tc.unit, tc.from, tc.to); got != tc.want {
			t.Errorf("UnitForKind(%q, %q, %q) = %q, want %q", tc.unit, tc.from, tc.to, got, tc.want)
		}
	}
	it := ReadingItem{Title: "Talk", Kind: ReadingVideo}
	it.ApplyDefaults()
	if it.Unit != ReadingMinutes {
		t.Errorf("a video defaults to %q, want minutes", it.Unit)
	}
}

func TestCheckReadingDone(t *testing.T) {
	for _, tc := range []struct {
		done, size int
		unit       string
		bad        bool
	}{
		{0, 0, ReadingPages, false},
		{300, 300, ReadingPages, false},
		{301, 300, ReadingPages, true},
		{5, 0, ReadingPages, true},
		{-1, 10, ReadingPages, true},
		{101, 100, ReadingPercent, true},
	} {
		err := CheckReadingDone(tc.done, tc.size, tc.unit)
		if (err != nil) != tc.bad || (err != nil && FieldMessage(err, "done") == "") {
			t.Errorf("CheckReadingDone(%d, %d, %s) = %v", tc.done, tc.size, tc.unit, err)
		}
	}
}
