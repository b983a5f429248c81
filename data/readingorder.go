package data

import (
	"cmp"
	"slices"
	"strings"
)

// Orders of the reading list. The list is in priority order unless the user
// chooses another; ties fall back to that order, so a sort is stable from
// one refresh to the next.
const (
	ReadingByPriority = "priority"
	ReadingByDue      = "due date"
	ReadingByProgress = "progress"
	ReadingByTitle    = "title"
)

// ReadingOrders lists the orders in the order a picker shows them.
func ReadingOrders() []string {
	return []string{ReadingByPriority, ReadingByDue, ReadingByProgress, ReadingByTitle}
}

// Where done items go on the reading list (short: the choice sits beside
// the list's count at 1024 pixels wide).
const (
	DoneInPlace = "done mixed"
	DoneLast    = "done last"
	DoneHidden  = "hide done"
)

// ReadingDonePlaces lists the choices for done items, in picker order.
func ReadingDonePlaces() []string { return []string{DoneInPlace, DoneLast, DoneHidden} }

// OrderReading returns items in order (one of ReadingOrders; anything else
// is priority) with done items kept in place, moved to the end or left out
// (done, one of ReadingDonePlaces). Due date puts the earliest first and
// items without one last; progress puts the least read first (items of
// unknown size last); title is alphabetical without case. items is not
// changed.
func OrderReading(items []ReadingItem, order, done string) []ReadingItem {
	out := make([]ReadingItem, 0, len(items))
	for _, it := range items {
		if done == DoneHidden && it.Status == ReadingDone {
			continue
		}
		out = append(out, it)
	}
	SortReading(out)
	by := readingComparator(order)
	slices.SortStableFunc(out, func(a, b ReadingItem) int {
		if done == DoneLast {
			if c := boolOrder(a.Status == ReadingDone, b.Status == ReadingDone); c != 0 {
				return c
			}
		}
		if by == nil {
			return 0
		}
		return by(a, b)
	})
	return out
}

// readingComparator compares two items in order; nil for priority, which
// is SortReading's.
func readingComparator(order string) func(a, b ReadingItem) int {
	switch order {
	case ReadingByDue:
		return func(a, b ReadingItem) int {
			if c := boolOrder(a.Due.IsZero(), b.Due.IsZero()); c != 0 {
				return c
			}
			return cmp.Compare(a.Due.String(), b.Due.String())
		}
	case ReadingByProgress:
		return func(a, b ReadingItem) int {
			fa, okA := a.Fraction()
			fb, okB := b.Fraction()
			if c := boolOrder(!okA, !okB); c != 0 {
				return c
			}
			return cmp.Compare(fa, fb)
		}
	case ReadingByTitle:
		return func(a, b ReadingItem) int {
			return cmp.Compare(strings.ToLower(a.Title), strings.ToLower(b.Title))
		}
	}
	return nil
}

// boolOrder puts false before true.
func boolOrder(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// DefaultReadingUnit is the unit an item of kind is counted in unless the
// user says otherwise: minutes for a video, pages for everything else.
func DefaultReadingUnit(kind string) string {
	if kind == ReadingVideo {
		return ReadingMinutes
	}
	return ReadingPages
}

// UnitForKind is the unit the add/edit form shows after the kind changes
// from oldKind to newKind: the new kind's default while unit is still the
// old kind's, else the unit the user chose.
func UnitForKind(unit, oldKind, newKind string) string {
	if unit == "" || unit == DefaultReadingUnit(oldKind) {
		return DefaultReadingUnit(newKind)
	}
	return unit
}

// CheckReadingDone is the rule between an item's progress and its size,
// checked as the form is typed and again by Validate.
func CheckReadingDone(done, size int, unit string) error {
	switch {
	case done < 0:
		return Invalid("done", "is %d; progress cannot be negative", done)
	case unit == ReadingPercent && done > 100:
		return Invalid("done", "is %d%%; progress in percent is at most 100", done)
	case size == 0 && done > 0:
		return Invalid("done", "is %d but the size is not known; enter the size first", done)
	case size > 0 && done > size:
		return Invalid("done", "is %d, more than the size %d; progress must be between 0 and %d", done, size, size)
	}
	return nil
}
