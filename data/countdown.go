package data

import (
	"fmt"
	"sort"
	"time"
)

// Phase says where today stands relative to a block.
type Phase int

// The phases of a block, seen from today.
const (
	Upcoming Phase = iota
	InProgress
	Finished
)

func (p Phase) String() string {
	switch p {
	case Upcoming:
		return "upcoming"
	case InProgress:
		return "in progress"
	default:
		return "finished"
	}
}

// BlockCountdown is one block seen from today.
type BlockCountdown struct {
	Block    Block
	Phase    Phase
	DaysLeft int // calendar days from today to the block's first day; negative once it has begun
	Day      int // 1-based day of the block while it is in progress, else 0
}

// Countdown is the rotation seen from one instant.
type Countdown struct {
	Today  Date // today in the user's zone
	Blocks []BlockCountdown
}

// NewCountdown computes, for the instant now and a user living in zone
// userLoc, how many days are left to each block. Days are counted between
// calendar dates (the user's today, the block's first day as printed on the
// schedule), so a DST change or a leap day never makes the count jump by one
// and the answer does not depend on the hour of the day.
func NewCountdown(r Rotation, now time.Time, userLoc *time.Location) Countdown {
	today := DateOf(now, userLoc)
	c := Countdown{Today: today}
	for _, b := range SortedBlocks(r.Blocks) {
		bc := BlockCountdown{Block: b, DaysLeft: today.DaysUntil(b.Start)}
		switch {
		case today.Before(b.Start):
			bc.Phase = Upcoming
		case today.After(b.End):
			bc.Phase = Finished
		default:
			bc.Phase = InProgress
			bc.Day = b.Start.DaysUntil(today) + 1
		}
		c.Blocks = append(c.Blocks, bc)
	}
	return c
}

// DaysLeft is the number of days to the first block: the headline number.
// It is negative once the rotation has begun and ok is false when there is no block.
func (c Countdown) DaysLeft() (days int, ok bool) {
	if len(c.Blocks) == 0 {
		return 0, false
	}
	return c.Blocks[0].DaysLeft, true
}

// Next returns the first block that has not finished, if any.
func (c Countdown) Next() (BlockCountdown, bool) {
	for _, b := range c.Blocks {
		if b.Phase != Finished {
			return b, true
		}
	}
	return BlockCountdown{}, false
}

// Over reports whether every block is behind us.
func (c Countdown) Over() bool {
	_, ok := c.Next()
	return len(c.Blocks) > 0 && !ok
}

// Headline is the one-line summary the dashboard and `status` print.
func (c Countdown) Headline() string {
	next, ok := c.Next()
	switch {
	case len(c.Blocks) == 0:
		return "No rotation dates yet"
	case !ok:
		return "The rotation is over"
	case next.DaysLeft == 0:
		return "The rotation starts today"
	case next.Phase == InProgress:
		return fmt.Sprintf("Rotation in progress: day %d of %d", next.Day, next.Block.Days())
	default:
		return Count(next.DaysLeft, "day", "days") + " to the rotation"
	}
}

// UpcomingMilestones returns up to n milestones not yet done, soonest first,
// overdue ones included (they need attention most).
func UpcomingMilestones(ms []Milestone, n int) []Milestone {
	var open []Milestone
	for _, m := range ms {
		if !m.Done {
			open = append(open, m)
		}
	}
	sort.SliceStable(open, func(i, j int) bool { return open[i].Due.Before(open[j].Due) })
	if n = max(n, 0); len(open) > n {
		open = open[:n]
	}
	return open
}
