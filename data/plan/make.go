package plan

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/masterplan-app/masterplan/data"
)

// maxShortfall bounds the search for the shortfall, in minutes (a year
// of days and nights): beyond it the plan just says "more than".
const maxShortfall = 365 * 24 * 60

// Make plans from in.Today to the last deadline. Every day's tasks fit its
// available time, whatever the input: when the work does not fit before
// its deadlines the plan says by how much (Summary, ShortfallMinutes) and
// what would help (Options), and puts the reading that is late after its
// deadline instead of overfilling a day.
func Make(in Input) Plan {
	j := prepare(in)
	o := j.run(0)
	p := Plan{Today: in.Today, Feasible: o.feasible(), Unsized: j.unsized}
	if !p.Feasible {
		p.ShortfallMinutes = j.shortfall()
	}
	cal := j.cal
	for i := range cal.caps {
		p.Days = append(p.Days, Day{Date: cal.date(i), Available: cal.caps[i], Closed: cal.closed[i], Tasks: o.tasks[i]})
	}
	if o.readingFinish >= 0 {
		p.ReadingFinish = cal.date(o.readingFinish)
	}
	p.Summary = j.summary(p, o)
	if !p.Feasible {
		p.Options = j.options(in, p, o)
	}
	return p
}

// shortfall is the least extra time on the first open day that makes
// everything fit: doubled until it fits, then halved down to the minute.
func (j *jobs) shortfall() int {
	if j.cal.firstOpen < 0 {
		return j.demand()
	}
	lo, hi := 0, 60
	for !j.run(hi).feasible() {
		lo = hi
		if hi >= maxShortfall {
			return maxShortfall
		}
		hi = min(hi*2, maxShortfall)
	}
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if j.run(mid).feasible() {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi
}

// demand is all the reading and practice, in minutes.
func (j *jobs) demand() int {
	n := 0
	for _, r := range j.reading {
		n += readingMinutes(r.item.Left(), r.speed)
	}
	for _, p := range j.practice {
		n += p.need
	}
	return n
}

func (j *jobs) summary(p Plan, o outcome) string {
	switch {
	case j.cal.firstOpen < 0:
		return "No day of the plan is open for study (days off and the rotation cover them all): nothing can be planned."
	case p.Feasible && len(j.reading) == 0 && len(j.practice) == 0 && len(j.mocks) == 0:
		return "Nothing to plan: the reading list is read and no practice is due."
	case p.Feasible && !p.ReadingFinish.IsZero():
		return fmt.Sprintf("Everything fits: the reading is finished on %s, and the practice before each exam.", p.ReadingFinish)
	case p.Feasible:
		return "Everything fits: the practice is done before each exam."
	}
	var what []string
	if !o.readingOK {
		what = append(what, "the reading")
	}
	if !o.practiceOK {
		what = append(what, "the practice")
	}
	verb := "needs"
	if len(what) > 1 {
		verb = "need"
	}
	return fmt.Sprintf("It does not fit: %s %s %s more than the time you have before the deadlines.",
		strings.Join(what, " and "), verb, hours(p.ShortfallMinutes))
}

// options are the ways out of a plan that does not fit: more hours a week
// until the last deadline, a later reading deadline, or fewer items.
func (j *jobs) options(in Input, p Plan, o outcome) []string {
	var out []string
	if j.cal.firstOpen < 0 {
		return []string{"Remove some days off (masterplan plan off --clear FROM TO) so that there is time to study."}
	}
	lastDeadline := 0
	for _, r := range j.reading {
		lastDeadline = max(lastDeadline, r.deadline)
	}
	for _, pr := range j.practice {
		lastDeadline = max(lastDeadline, pr.deadline)
	}
	weeks := max(1.0, float64(lastDeadline-j.cal.firstOpen+1)/7)
	perWeek := math.Ceil(float64(p.ShortfallMinutes)/60/weeks*2) / 2
	out = append(out, fmt.Sprintf("Add about %s hours a week until %s (now %s a week).",
		trimFloat(perWeek), j.cal.date(lastDeadline), hours(in.Availability.WeekMinutes())))
	if !o.readingOK {
		if p.ReadingFinish.IsZero() {
			out = append(out, fmt.Sprintf("Move the reading deadline past %s: at this pace the list is not read by then.", j.cal.date(len(j.cal.caps)-1)))
		} else {
			out = append(out, fmt.Sprintf("Move the reading deadline to %s (and the due dates before it), when the reading would be finished.", p.ReadingFinish))
		}
		if leave := j.leaveOut(p.ShortfallMinutes); leave != "" {
			out = append(out, leave)
		}
	}
	return out
}

// leaveOut names the lowest-priority items (last added first) whose
// reading adds up to the shortfall.
func (j *jobs) leaveOut(short int) string {
	cands := slices.Clone(j.reading)
	slices.SortFunc(cands, func(a, b readingJob) int {
		return cmp.Or(cmp.Compare(b.item.Priority, a.item.Priority), compareDates(b.item.AddedOn, a.item.AddedOn), cmp.Compare(b.item.ID, a.item.ID))
	})
	var names []string
	var minutes int
	units := map[string]int{}
	for _, r := range cands {
		if minutes >= short {
			break
		}
		minutes += readingMinutes(r.item.Left(), r.speed)
		units[r.item.Unit] += r.item.Left()
		if len(names) < 3 {
			names = append(names, fmt.Sprintf("%q (%s)", r.item.Title, amount(r.item.Left(), r.item.Unit)))
		} else {
			names = append(names, "")
		}
	}
	if len(names) == 0 || minutes < short {
		return ""
	}
	shown := slices.DeleteFunc(slices.Clone(names), func(s string) bool { return s == "" })
	text := strings.Join(shown, ", ")
	if more := len(names) - len(shown); more > 0 {
		text += fmt.Sprintf(" and %d more", more)
	}
	var total []string
	for _, u := range []string{data.ReadingPages, data.ReadingMinutes, data.ReadingPercent} {
		if units[u] > 0 {
			total = append(total, amount(units[u], u))
		}
	}
	return fmt.Sprintf("Leave out %d low-priority item(s): %s (%s in all).", len(names), text, strings.Join(total, ", "))
}

func amount(n int, unit string) string {
	switch unit {
	case data.ReadingPages:
		if n == 1 {
			return "1 page"
		}
		return fmt.Sprintf("%d pages", n)
	case data.ReadingMinutes:
		return fmt.Sprintf("%d minutes", n)
	}
	return fmt.Sprintf("%d %%", n)
}
