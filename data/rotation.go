package data

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"
)

// Rotation is the candidate's on-site training: one or more blocks (a single
// three-week block, or the split 1-week + 2-week format) for one track.
type Rotation struct {
	ID        int64
	Track     string
	CatalogID string // the published rotation it came from, "" when typed in
	Blocks    []Block
}

// Block is one stretch of on-site days, inclusive of both ends, at a location
// whose time zone decides when the block's days begin.
type Block struct {
	ID       int64
	Start    Date
	End      Date
	Location string
	TimeZone string // IANA name, e.g. "America/Los_Angeles"
}

// MaxBlockDays bounds a block: rotations run three weeks, so anything past a
// quarter of a year is a typing mistake in a year.
const MaxBlockDays = 92

// Days counts the block's days, both ends included.
func (b Block) Days() int { return b.Start.DaysUntil(b.End) + 1 }

// Validate checks one block on its own.
func (b Block) Validate() error {
	var errs []error
	for _, d := range []struct {
		field string
		day   Date
	}{{"start", b.Start}, {"end", b.End}} {
		if d.day.IsZero() {
			errs = append(errs, Invalid(d.field, "is required"))
		} else if err := CheckYears(d.field, d.day); err != nil {
			errs = append(errs, err)
		}
	}
	if err := CheckEndNotBefore("end", b.Start, b.End); err != nil {
		errs = append(errs, err)
	}
	if !b.Start.IsZero() && !b.End.IsZero() && b.Days() > MaxBlockDays {
		errs = append(errs, Invalid("end", "the block is %d days long; a block is at most %d days (a rotation is three weeks)", b.Days(), MaxBlockDays))
	}
	if err := CheckText("location", b.Location, true, MaxNameLen); err != nil {
		errs = append(errs, err)
	}
	if _, err := LoadZone(b.TimeZone); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// LoadZone resolves an IANA time zone name, with a message a person can act on.
func LoadZone(name string) (*time.Location, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil, Invalid("time zone", "is required; use an IANA name such as America/Los_Angeles or Europe/London")
	}
	loc, err := time.LoadLocation(name)
	if err != nil || strings.EqualFold(name, "local") {
		return nil, Invalid("time zone", "%q is not a known time zone; use an IANA name such as America/Los_Angeles or Europe/London", name)
	}
	return loc, nil
}

// Validate checks the whole rotation: a track, at least one valid block, and
// no two blocks sharing a day.
func (r Rotation) Validate() error {
	var errs []error
	if err := CheckText("track", r.Track, true, MaxNameLen); err != nil {
		errs = append(errs, err)
	}
	if len(r.Blocks) == 0 {
		errs = append(errs, Invalid("blocks", "a rotation needs at least one block with start and end dates"))
	}
	for i, b := range r.Blocks {
		if err := b.Validate(); err != nil {
			errs = append(errs, fmt.Errorf("block %d: %w", i+1, err))
		}
	}
	if err := CheckOverlap(r.Blocks); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// CheckOverlap refuses blocks that share a day.
func CheckOverlap(blocks []Block) error {
	sorted := SortedBlocks(blocks)
	for i := 1; i < len(sorted); i++ {
		prev, cur := sorted[i-1], sorted[i]
		if prev.End.IsZero() || cur.Start.IsZero() {
			continue
		}
		if !cur.Start.After(prev.End) {
			return Invalid("start", "the block %s to %s overlaps the block %s to %s; blocks must not share a day",
				cur.Start, cur.End, prev.Start, prev.End)
		}
	}
	return nil
}

// SortedBlocks returns a copy of blocks in date order.
func SortedBlocks(blocks []Block) []Block {
	out := append([]Block(nil), blocks...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start.Before(out[j].Start) })
	return out
}

// FirstBlock returns the earliest block, if any.
func (r Rotation) FirstBlock() (Block, bool) {
	if len(r.Blocks) == 0 {
		return Block{}, false
	}
	return SortedBlocks(r.Blocks)[0], true
}

// TotalDays counts the on-site days of every block.
func (r Rotation) TotalDays() int {
	n := 0
	for _, b := range r.Blocks {
		n += b.Days()
	}
	return n
}

// Milestone is a dated step on the way to the rotation (fee paid, flights
// booked, an exam), with a done mark.
type Milestone struct {
	ID         int64
	RotationID int64
	Title      string
	Due        Date
	Done       bool
	Kind       string // "" for the user's own; a MilestoneKind for suggested ones
	// BudgetItemID links the milestone to a budget item (0: none); Done is
	// then the item's actual amount being recorded (MilestoneDone), and
	// BudgetItem names the item as the store read it.
	BudgetItemID int64
	BudgetItem   string
}

// Validate checks a milestone's title and due date.
func (m Milestone) Validate() error {
	var errs []error
	if err := CheckText("title", m.Title, true, MaxNameLen); err != nil {
		errs = append(errs, err)
	}
	if m.Due.IsZero() {
		errs = append(errs, Invalid("due", "is required; write it as YYYY-MM-DD"))
	} else if err := CheckYears("due", m.Due); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// PastRotationNote says, on day today, that a published rotation from
// start to end is already over and suggests the user's own dates: the
// published list is the program's history, and setting up a plan for a
// rotation that ended years ago leaves nothing to plan. "" when the
// rotation's last day is today or later.
func PastRotationNote(start, end, today Date) string {
	if end.IsZero() || !end.Before(today) {
		return ""
	}
	ago := end.DaysUntil(today)
	when := Count(ago, "day", "days") + " ago"
	if years := ago / 365; years >= 1 {
		when = Count(years, "year", "years") + " ago"
	}
	return fmt.Sprintf("This published rotation ran from %s to %s, %s: its dates are in the past. Use your own dates: the ones your acceptance gives.",
		start, end, when)
}
