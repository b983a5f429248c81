package plan

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/masterplan-app/masterplan/data"
)

// Range is one stretch of study time on a day's wall clock, in minutes from
// midnight: Start inclusive, End exclusive (19:00-21:00 is {1140, 1260}).
type Range struct{ Start, End int }

// Minutes is the length of r.
func (r Range) Minutes() int { return r.End - r.Start }

func (r Range) String() string {
	return fmt.Sprintf("%02d:%02d-%02d:%02d", r.Start/60, r.Start%60, r.End/60, r.End%60)
}

// Availability is when the candidate can study each week: the ranges of
// each weekday, indexed by time.Weekday, in start order and not overlapping.
type Availability [7][]Range

// Minutes is the study time available on weekday wd.
func (a Availability) Minutes(wd time.Weekday) int {
	n := 0
	for _, r := range a[wd] {
		n += r.Minutes()
	}
	return n
}

// WeekMinutes is the study time available in a week.
func (a Availability) WeekMinutes() int {
	n := 0
	for wd := range a {
		n += a.Minutes(time.Weekday(wd))
	}
	return n
}

// dayNames are the weekday abbreviations the text form uses, by time.Weekday.
var dayNames = [7]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}

// parseDayOrder is the week as people write ranges of days: Mon-Sun.
var weekOrder = [7]time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday}

// ParseAvailability reads the weekly availability as the user types it:
// groups separated by ";", each days then ranges, e.g.
// "Mon-Fri 19:00-21:00; Sat 09:00-13:00" or "Tue,Thu 18:30-20:00 21:00-22:00".
// Days are three-letter English abbreviations (any case); a range of days
// runs Monday to Sunday. A day named twice gets both groups' ranges.
func ParseAvailability(s string) (Availability, error) {
	var a Availability
	if strings.TrimSpace(s) == "" {
		return a, data.Invalid("availability", "is empty; write days and times, e.g. \"Mon-Fri 19:00-21:00; Sat 09:00-13:00\"")
	}
	for _, group := range strings.Split(s, ";") {
		fields := strings.Fields(group)
		if len(fields) == 0 {
			continue
		}
		if len(fields) < 2 {
			return a, data.Invalid("availability", "%q has no time range; write the days then HH:MM-HH:MM, e.g. \"Sat 09:00-13:00\"", strings.TrimSpace(group))
		}
		days, err := parseDays(fields[0])
		if err != nil {
			return a, err
		}
		for _, f := range fields[1:] {
			r, err := parseRange(f)
			if err != nil {
				return a, err
			}
			for _, wd := range days {
				a[wd] = append(a[wd], r)
			}
		}
	}
	for wd := range a {
		slices.SortFunc(a[wd], func(x, y Range) int { return x.Start - y.Start })
	}
	return a, a.Validate()
}

func parseDays(s string) ([]time.Weekday, error) {
	var out []time.Weekday
	for _, part := range strings.Split(s, ",") {
		from, to, isRange := strings.Cut(part, "-")
		a, err := parseDay(from)
		if err != nil {
			return nil, err
		}
		if !isRange {
			out = append(out, a)
			continue
		}
		b, err := parseDay(to)
		if err != nil {
			return nil, err
		}
		i, j := slices.Index(weekOrder[:], a), slices.Index(weekOrder[:], b)
		if j < i {
			return nil, data.Invalid("availability", "%q runs backwards; days run Mon to Sun, e.g. Mon-Fri", part)
		}
		out = append(out, weekOrder[i:j+1]...)
	}
	return out, nil
}

func parseDay(s string) (time.Weekday, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if len(s) >= 3 {
		for wd, name := range dayNames {
			if strings.HasPrefix(s, strings.ToLower(name)) {
				return time.Weekday(wd), nil
			}
		}
	}
	return 0, data.Invalid("availability", "%q is not a day; use Mon, Tue, Wed, Thu, Fri, Sat or Sun", s)
}

func parseRange(s string) (Range, error) {
	from, to, ok := strings.Cut(s, "-")
	if !ok {
		return Range{}, data.Invalid("availability", "%q is not a time range; write HH:MM-HH:MM, e.g. 19:00-21:00", s)
	}
	a, err := parseMinute(from)
	if err != nil {
		return Range{}, err
	}
	b, err := parseMinute(to)
	if err != nil {
		return Range{}, err
	}
	return Range{a, b}, nil
}

// parseMinute reads HH:MM; 24:00 is the end of the day.
func parseMinute(s string) (int, error) {
	if s == "24:00" {
		return 24 * 60, nil
	}
	c, err := data.ParseClock("availability", s)
	if err != nil {
		return 0, err
	}
	return c.Hour*60 + c.Minute, nil
}

// Validate checks that every range is inside its day, not empty and not
// overlapping another, and that the week has some time at all.
func (a Availability) Validate() error {
	for wd, ranges := range a {
		for i, r := range ranges {
			if r.Start < 0 || r.End > 24*60 || r.End <= r.Start {
				return data.Invalid("availability", "%s %s is not a range within a day; the end must come after the start", dayNames[wd], r)
			}
			if i > 0 && r.Start < ranges[i-1].End {
				return data.Invalid("availability", "%s %s overlaps %s; give each time once", dayNames[wd], r, ranges[i-1])
			}
		}
	}
	if a.WeekMinutes() == 0 {
		return data.Invalid("availability", "has no study time; give at least one range, e.g. \"Sat 09:00-13:00\"")
	}
	return nil
}

// String writes a in the form ParseAvailability reads, days with the same
// ranges grouped ("Mon-Fri 19:00-21:00; Sat 09:00-13:00").
func (a Availability) String() string {
	var groups []string
	for i := 0; i < len(weekOrder); {
		wd := weekOrder[i]
		j := i + 1
		for j < len(weekOrder) && slices.Equal(a[weekOrder[j]], a[wd]) {
			j++
		}
		if len(a[wd]) > 0 {
			days := dayNames[wd]
			if j-i > 1 {
				days += "-" + dayNames[weekOrder[j-1]]
			}
			parts := []string{days}
			for _, r := range a[wd] {
				parts = append(parts, r.String())
			}
			groups = append(groups, strings.Join(parts, " "))
		}
		i = j
	}
	return strings.Join(groups, "; ")
}

// DefaultAvailability turns the weekly study goal into weekday evenings from
// 19:00 plus a Saturday morning from 09:00: 70 % of the goal over the five
// evenings, the rest on Saturday, in quarter hours. An evening ends at
// midnight at the latest; what does not fit goes to a Sunday morning.
func DefaultAvailability(weeklyGoalHours float64) Availability {
	var a Availability
	total := int(math.Round(weeklyGoalHours*60/15)) * 15
	total = max(total, 30)
	evening := min(int(math.Round(float64(total)*0.7/5/15))*15, 5*60)
	if evening > 0 {
		for _, wd := range weekOrder[:5] {
			a[wd] = []Range{{19 * 60, 19*60 + evening}}
		}
	}
	rest := total - 5*evening
	sat := min(rest, 15*60)
	if sat > 0 {
		a[time.Saturday] = []Range{{9 * 60, 9*60 + sat}}
	}
	if sun := min(rest-sat, 15*60); sun > 0 {
		a[time.Sunday] = []Range{{9 * 60, 9*60 + sun}}
	}
	return a
}
