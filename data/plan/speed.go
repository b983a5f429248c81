package plan

import (
	"cmp"
	"math"
	"slices"

	"github.com/masterplan-app/masterplan/data"
)

// Kind names what a speed is for: a kind of reading item counted in a unit
// ("book" in pages, "video" in minutes, "blog post" in percent).
type Kind struct{ Kind, Unit string }

// Where a speed comes from.
const (
	SpeedDefault  = "default"  // the stated default: too few sessions to measure
	SpeedMeasured = "measured" // from MeasuredSessions or more study sessions
	SpeedSet      = "set"      // typed in by the user; wins over the others
)

// MeasuredSessions is how many measured sessions replace the default speed.
const MeasuredSessions = 3

// Bounds of a speed in units an hour: below one the plan could not place a
// single unit in a long evening; above the maximum it is a typing slip.
const (
	MinSpeed = 1.0
	MaxSpeed = 10000.0
)

// Speed is how fast one kind of item goes, in its units an hour.
type Speed struct {
	Kind
	PerHour  float64
	Source   string // SpeedDefault, SpeedMeasured or SpeedSet
	Sessions int    // measured sessions behind it
}

// DefaultSpeed is the stated speed of a kind before there is data: about
// 20 pages an hour for technical books, a video at 1x, a whitepaper or a
// documentation page in a couple of hours, a blog post in half an hour.
func DefaultSpeed(k Kind) float64 {
	switch k.Unit {
	case data.ReadingMinutes:
		return 60
	case data.ReadingPercent:
		switch k.Kind {
		case data.ReadingBlogPost:
			return 200
		case data.ReadingBook, data.ReadingLabGuide:
			return 10
		}
		return 50
	}
	switch k.Kind {
	case data.ReadingBlogPost:
		return 30
	case data.ReadingDocumentation:
		return 25
	case data.ReadingLabGuide:
		return 15
	}
	return 20
}

// DefaultUnit is the unit a kind's speed is typed in: minutes for videos,
// pages for everything else.
func DefaultUnit(kind string) string {
	if kind == data.ReadingVideo {
		return data.ReadingMinutes
	}
	return data.ReadingPages
}

// CheckSpeed validates a speed the user types.
func CheckSpeed(perHour float64) error {
	if !(perHour >= MinSpeed && perHour <= MaxSpeed) {
		return data.Invalid("speed", "%g is out of range; enter between %g and %g units an hour", perHour, MinSpeed, MaxSpeed)
	}
	return nil
}

// Sample is one measurement of reading speed: the progress logged on an
// item on one day, and the study sessions linked to that item on that day.
type Sample struct {
	Kind
	Units   int     // progress logged that day (only positive days are samples)
	Minutes float64 // studied on the item that day
}

// Speeds works out the speed of every kind: the user's own (set) first,
// then the measured speed once there are MeasuredSessions samples of the
// kind, else the default. Kinds in kinds are always listed, in that order,
// followed by any other kind met in set or samples, sorted.
func Speeds(kinds []Kind, samples []Sample, set map[Kind]float64) []Speed {
	type sum struct {
		units   float64
		minutes float64
		n       int
	}
	sums := map[Kind]*sum{}
	for _, s := range samples {
		if s.Units <= 0 || s.Minutes <= 0 {
			continue
		}
		t := sums[s.Kind]
		if t == nil {
			t = &sum{}
			sums[s.Kind] = t
		}
		t.units += float64(s.Units)
		t.minutes += s.Minutes
		t.n++
	}
	all := slices.Clone(kinds)
	var extra []Kind
	for k := range set {
		if !slices.Contains(all, k) && !slices.Contains(extra, k) {
			extra = append(extra, k)
		}
	}
	for k := range sums {
		if !slices.Contains(all, k) && !slices.Contains(extra, k) {
			extra = append(extra, k)
		}
	}
	slices.SortFunc(extra, func(a, b Kind) int {
		if a.Kind != b.Kind {
			return cmp.Compare(a.Kind, b.Kind)
		}
		return cmp.Compare(a.Unit, b.Unit)
	})
	all = append(all, extra...)
	out := make([]Speed, 0, len(all))
	for _, k := range all {
		sp := Speed{Kind: k, PerHour: DefaultSpeed(k), Source: SpeedDefault}
		if t := sums[k]; t != nil {
			sp.Sessions = t.n
			if t.n >= MeasuredSessions {
				sp.PerHour = clampSpeed(t.units / t.minutes * 60)
				sp.Source = SpeedMeasured
			}
		}
		if v, ok := set[k]; ok && CheckSpeed(v) == nil {
			sp.PerHour, sp.Source = v, SpeedSet
		}
		out = append(out, sp)
	}
	return out
}

// clampSpeed keeps a measured speed within the bounds, one decimal.
func clampSpeed(v float64) float64 {
	return math.Round(min(max(v, MinSpeed), MaxSpeed)*10) / 10
}
