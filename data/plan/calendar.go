package plan

import "github.com/masterplan-app/masterplan/data"

// Horizon bounds: a plan reaches its last deadline, at most MaxDays ahead;
// with no deadline at all it looks DefaultDays ahead.
const (
	MaxDays     = 730
	DefaultDays = 180
	// MinListed is how many days a plan lists at least.
	MinListed = 14
)

// calendar is the plan's days from today: the time each one has, and why
// a day has none.
type calendar struct {
	start     data.Date
	caps      []int
	closed    []string
	firstOpen int // the first day neither off nor on site; -1 when none
}

func (c *calendar) index(d data.Date) int { return c.start.DaysUntil(d) }
func (c *calendar) date(i int) data.Date  { return c.start.AddDays(i) }

// lastDay is the plan's last day: the latest deadline (exams, reading
// deadline, due dates, the rotation's start), at most MaxDays away, and
// at least MinListed or in.MinDays days listed.
func lastDay(in Input) data.Date {
	var end data.Date
	later := func(d data.Date) {
		if !d.IsZero() && d.After(end) {
			end = d
		}
	}
	for _, e := range in.Exams {
		later(e.Date)
	}
	later(in.ReadingDeadline)
	for _, it := range in.Items {
		later(it.Due)
	}
	later(practiceFallback(in))
	if end.IsZero() || !end.After(in.Today) {
		end = in.Today.AddDays(DefaultDays - 1)
	}
	end = minDate(end, in.Today.AddDays(MaxDays-1))
	listed := max(MinListed, min(in.MinDays, MaxDays))
	if end.Before(in.Today.AddDays(listed - 1)) {
		end = in.Today.AddDays(listed - 1)
	}
	return end
}

// practiceFallback is the deadline of practice on topics no dated exam
// covers: the day before the rotation's next block (zero when none).
func practiceFallback(in Input) data.Date {
	var next data.Date
	for _, s := range in.Rotation {
		if s.Start.After(in.Today) && (next.IsZero() || s.Start.Before(next)) {
			next = s.Start
		}
	}
	if next.IsZero() {
		return next
	}
	return next.AddDays(-1)
}

func newCalendar(in Input) *calendar {
	end := lastDay(in)
	n := in.Today.DaysUntil(end) + 1
	c := &calendar{start: in.Today, caps: make([]int, n), closed: make([]string, n), firstOpen: -1}
	for _, s := range in.Rotation {
		for i := max(0, c.index(s.Start)); i <= min(n-1, c.index(s.End)); i++ {
			c.closed[i] = ClosedRotation
		}
	}
	for _, d := range in.DaysOff {
		if i := c.index(d); i >= 0 && i < n && c.closed[i] == "" {
			c.closed[i] = ClosedDayOff
		}
	}
	for i := range n {
		if c.closed[i] != "" {
			continue
		}
		if c.firstOpen < 0 {
			c.firstOpen = i
		}
		c.caps[i] = in.Availability.Minutes(c.date(i).Weekday())
	}
	if n > 0 && c.closed[0] == "" {
		c.caps[0] = max(0, c.caps[0]-max(0, in.StudiedToday))
	}
	return c
}

func minDate(a, b data.Date) data.Date {
	if b.Before(a) {
		return b
	}
	return a
}
