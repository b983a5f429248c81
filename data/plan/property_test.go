package plan

import (
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/masterplan-app/masterplan/data"
)

// randomInput makes one random planning problem: a week of random ranges,
// days off, a rotation, a reading list of every unit, exams and topics.
func randomInput(rnd *rand.Rand) Input {
	today := data.NewDate(2026, time.January, 1).AddDays(rnd.IntN(900))
	in := Input{Today: today}
	for in.Availability.WeekMinutes() == 0 {
		for wd := range 7 {
			start := 6*60 + rnd.IntN(10)*60
			for range rnd.IntN(3) {
				length := 15 * (1 + rnd.IntN(16))
				if start+length > 24*60 {
					break
				}
				in.Availability[wd] = append(in.Availability[wd], Range{start, start + length})
				start += length + 30
			}
		}
	}
	for range rnd.IntN(4) {
		from := today.AddDays(rnd.IntN(120) - 5)
		for k := range 1 + rnd.IntN(10) {
			in.DaysOff = append(in.DaysOff, from.AddDays(k))
		}
	}
	if rnd.IntN(4) > 0 {
		start := today.AddDays(rnd.IntN(150) - 10)
		in.Rotation = append(in.Rotation, Span{start, start.AddDays(6 + rnd.IntN(15))})
		if rnd.IntN(2) == 0 {
			s2 := start.AddDays(30 + rnd.IntN(60))
			in.Rotation = append(in.Rotation, Span{s2, s2.AddDays(6 + rnd.IntN(14))})
		}
		if rnd.IntN(3) > 0 {
			in.ReadingDeadline = start.AddDays(-rnd.IntN(14))
		}
	}
	if rnd.IntN(5) == 0 {
		in.StudiedToday = rnd.IntN(200)
	}
	units := []string{data.ReadingPages, data.ReadingMinutes, data.ReadingPercent}
	for i := range rnd.IntN(16) {
		it := Item{ID: int64(i + 1), Title: fmt.Sprintf("Item %d", i+1), Kind: data.ReadingKinds()[rnd.IntN(6)],
			Unit: units[rnd.IntN(3)], Priority: 1 + rnd.IntN(3), AddedOn: today.AddDays(-rnd.IntN(300))}
		it.Size = 1 + rnd.IntN(600)
		if it.Unit == data.ReadingPercent {
			it.Size = 100
		}
		if rnd.IntN(8) == 0 {
			it.Size = 0
		}
		it.Done = rnd.IntN(it.Size + 1)
		if rnd.IntN(2) == 0 {
			it.Due = today.AddDays(rnd.IntN(160) - 3)
		}
		in.Items = append(in.Items, it)
	}
	for _, k := range []Kind{{data.ReadingBook, data.ReadingPages}, {data.ReadingVideo, data.ReadingMinutes}} {
		if rnd.IntN(2) == 0 {
			in.Speeds = append(in.Speeds, Speed{Kind: k, PerHour: float64(2 + rnd.IntN(80)), Source: SpeedSet})
		}
	}
	var names []string
	for i := range rnd.IntN(5) {
		e := Exam{Name: fmt.Sprintf("Exam %d", i+1), MockMinutes: 30 * rnd.IntN(9)}
		if rnd.IntN(5) > 0 {
			e.Date = today.AddDays(rnd.IntN(170) - 10)
		}
		if rnd.IntN(3) == 0 && !e.Date.IsZero() {
			e.LastMock, e.LastMockPassed = e.Date.AddDays(-20+rnd.IntN(15)), rnd.IntN(2) == 0
		}
		in.Exams = append(in.Exams, e)
		names = append(names, e.Name)
	}
	for i := range rnd.IntN(11) {
		t := Topic{Name: fmt.Sprintf("Topic %02d", i+1), Weakness: float64(rnd.IntN(11)) / 10}
		for _, n := range names {
			if rnd.IntN(2) == 0 {
				t.Exams = append(t.Exams, n)
			}
		}
		in.Topics = append(in.Topics, t)
	}
	return in
}

const propertyCases = 3000

// forEachRandom runs check on propertyCases random inputs from a fixed
// seed, naming the case that fails so it can be replayed.
func forEachRandom(t *testing.T, check func(t *testing.T, in Input, p Plan)) {
	t.Helper()
	cases := propertyCases
	if testing.Short() {
		cases = 1000
	}
	rnd := rand.New(rand.NewPCG(19, 2026))
	for i := range cases {
		in := randomInput(rnd)
		p := Make(in)
		t.Run(fmt.Sprint(i), func(t *testing.T) { check(t, in, p) })
		if t.Failed() {
			return
		}
	}
}

func closedDays(in Input) map[data.Date]bool {
	closed := map[data.Date]bool{}
	for _, d := range in.DaysOff {
		closed[d] = true
	}
	for _, s := range in.Rotation {
		for d := s.Start; !d.After(s.End); d = d.AddDays(1) {
			closed[d] = true
		}
	}
	return closed
}

// Rule: no day's tasks add up to more than its available minutes; no task
// on a day off, a rotation day, or before today.
func TestPropertyDaysNeverOverfull(t *testing.T) {
	forEachRandom(t, func(t *testing.T, in Input, p Plan) {
		closed := closedDays(in)
		for i, d := range p.Days {
			if want := in.Today.AddDays(i); d.Date != want {
				t.Fatalf("day %d is %s, want %s", i, d.Date, want)
			}
			avail := in.Availability.Minutes(d.Date.Weekday())
			if i == 0 {
				avail = max(0, avail-in.StudiedToday)
			}
			if closed[d.Date] {
				avail = 0
			}
			if d.Available != avail {
				t.Fatalf("%s: available %d, want %d", d.Date, d.Available, avail)
			}
			if d.Planned() > d.Available {
				t.Fatalf("%s: %d minutes planned in %d available: %+v", d.Date, d.Planned(), d.Available, d.Tasks)
			}
			if len(d.Tasks) > 0 && closed[d.Date] {
				t.Fatalf("%s is closed (%s) but has tasks %+v", d.Date, d.Closed, d.Tasks)
			}
			for _, task := range d.Tasks {
				if task.Minutes <= 0 {
					t.Fatalf("%s: task of %d minutes: %+v", d.Date, task.Minutes, task)
				}
			}
		}
	})
}

// firstOpenDay is the first day from today that is neither off nor on site.
func firstOpenDay(in Input, p Plan) (data.Date, bool) {
	for _, d := range p.Days {
		if d.Closed == "" {
			return d.Date, true
		}
	}
	return data.Date{}, false
}

// Rule: when feasible, the units planned for each item add up to what is
// left on it, contiguously, and its last day is on or before its due date
// and the list's deadline (for dates the plan can still meet: from the
// first day open for study).
func TestPropertyFeasibleReadingFinishesOnTime(t *testing.T) {
	forEachRandom(t, func(t *testing.T, in Input, p Plan) {
		if !p.Feasible {
			return
		}
		first, _ := firstOpenDay(in, p)
		for _, it := range in.Items {
			next, last := it.Done, data.Date{}
			for _, d := range p.Days {
				for _, task := range d.Tasks {
					if task.Kind != TaskReading || task.ItemID != it.ID {
						continue
					}
					from := task.From
					if it.Unit == data.ReadingPages {
						from--
					}
					if from != next {
						t.Fatalf("item %d: task %+v starts at %d, want %d", it.ID, task, from, next)
					}
					next, last = task.To, d.Date
				}
			}
			want := it.Size
			if it.Size == 0 {
				want = 0
			}
			if next != want {
				t.Fatalf("item %+v: planned up to %d, want %d", it, next, want)
			}
			for _, due := range []data.Date{it.Due, in.ReadingDeadline} {
				if !last.IsZero() && !due.IsZero() && !due.Before(first) && last.After(due) {
					t.Fatalf("item %+v: last planned %s, after %s", it, last, due)
				}
			}
		}
	})
}

// Rule: when not feasible, the shortfall is the extra time that makes it
// fit, to within an hour, and there are options.
func TestPropertyShortfallIsTheMissingTime(t *testing.T) {
	forEachRandom(t, func(t *testing.T, in Input, p Plan) {
		if p.Feasible {
			if p.ShortfallMinutes != 0 || len(p.Options) != 0 {
				t.Fatalf("feasible plan with shortfall %d, options %q", p.ShortfallMinutes, p.Options)
			}
			return
		}
		if len(p.Options) == 0 {
			t.Fatalf("infeasible plan without options: %s", p.Summary)
		}
		j := prepare(in)
		if j.cal.firstOpen < 0 {
			return
		}
		short := int(math.Round(p.ShortfallHours() * 60))
		if !j.run(short).feasible() {
			t.Fatalf("%.1f h more on the first open day still does not fit", p.ShortfallHours())
		}
		if short > 60 && j.run(short-60).feasible() {
			t.Fatalf("%.1f h less than the shortfall %.1f h fits too", p.ShortfallHours()-1, p.ShortfallHours())
		}
	})
}

// practiceBefore sums the practice planned on topic before day.
func practiceBefore(p Plan, topic string, day data.Date) int {
	n := 0
	for _, d := range p.Days {
		if !d.Date.Before(day) {
			break
		}
		for _, task := range d.Tasks {
			if task.Kind == TaskPractice && task.Topic == topic {
				n += task.Minutes
			}
		}
	}
	return n
}

// Rule: of two topics covered by the same exam, the weaker one never gets
// less practice time before that exam.
func TestPropertyWeakerTopicNeverGetsLess(t *testing.T) {
	forEachRandom(t, func(t *testing.T, in Input, p Plan) {
		for _, e := range in.Exams {
			if !e.Date.After(in.Today) {
				continue
			}
			for _, a := range in.Topics {
				for _, b := range in.Topics {
					if !slices.Contains(a.Exams, e.Name) || !slices.Contains(b.Exams, e.Name) || a.Weakness <= b.Weakness {
						continue
					}
					pa, pb := practiceBefore(p, a.Name, e.Date), practiceBefore(p, b.Name, e.Date)
					if pa < pb {
						t.Fatalf("before %s (%s): %s (weakness %g) gets %d min, %s (weakness %g) gets %d",
							e.Name, e.Date, a.Name, a.Weakness, pa, b.Name, b.Weakness, pb)
					}
				}
			}
		}
	})
}

// Rule: every dated exam after today has a mock in the 14 days before it,
// when those days have time that no other exam's mock took.
func TestPropertyMockBeforeEveryExam(t *testing.T) {
	forEachRandom(t, func(t *testing.T, in Input, p Plan) {
		for _, e := range in.Exams {
			if !e.Date.After(in.Today) {
				continue
			}
			open := e.Date.AddDays(-MockWindowDays)
			if !e.LastMock.IsZero() && !e.LastMock.Before(open) && e.LastMockPassed {
				continue
			}
			free, found := 0, false
			for _, d := range p.Days {
				if d.Date.Before(open) || !d.Date.Before(e.Date) {
					continue
				}
				free += d.Available
				for _, task := range d.Tasks {
					if task.Kind == TaskMock {
						if task.Exam == e.Name {
							found = true
						} else {
							free -= task.Minutes
						}
					}
				}
			}
			if !found && free > 0 {
				t.Fatalf("%s on %s has no mock though %d minutes are free in the %d days before", e.Name, e.Date, free, MockWindowDays)
			}
		}
	})
}

// Rule: the same inputs give the same plan, whatever order the lists come in.
func TestPropertySameInputSamePlan(t *testing.T) {
	rnd := rand.New(rand.NewPCG(7, 19))
	forEachRandom(t, func(t *testing.T, in Input, p Plan) {
		shuffled := in
		shuffled.Items = slices.Clone(in.Items)
		shuffled.Topics = slices.Clone(in.Topics)
		shuffled.Exams = slices.Clone(in.Exams)
		shuffled.DaysOff = slices.Clone(in.DaysOff)
		rnd.Shuffle(len(shuffled.Items), func(i, j int) { shuffled.Items[i], shuffled.Items[j] = shuffled.Items[j], shuffled.Items[i] })
		rnd.Shuffle(len(shuffled.Topics), func(i, j int) { shuffled.Topics[i], shuffled.Topics[j] = shuffled.Topics[j], shuffled.Topics[i] })
		rnd.Shuffle(len(shuffled.Exams), func(i, j int) { shuffled.Exams[i], shuffled.Exams[j] = shuffled.Exams[j], shuffled.Exams[i] })
		rnd.Shuffle(len(shuffled.DaysOff), func(i, j int) { shuffled.DaysOff[i], shuffled.DaysOff[j] = shuffled.DaysOff[j], shuffled.DaysOff[i] })
		again := Make(shuffled)
		for i := range min(len(p.Days), len(again.Days)) {
			if !reflect.DeepEqual(p.Days[i], again.Days[i]) {
				t.Fatalf("the same input planned twice differs on %s:\n%+v\n%+v", p.Days[i].Date, p.Days[i], again.Days[i])
			}
		}
		if !reflect.DeepEqual(again, p) {
			t.Fatalf("the same input planned twice differs: %+v %q %q / %+v %q %q", p.Feasible, p.Summary, p.Unsized, again.Feasible, again.Summary, again.Unsized)
		}
	})
}

// firstReadingDay maps each item to the first day the plan reads it.
func firstReadingDay(p Plan) map[int64]data.Date {
	out := map[int64]data.Date{}
	for _, d := range p.Days {
		for _, task := range d.Tasks {
			if _, ok := out[task.ItemID]; task.Kind == TaskReading && !ok {
				out[task.ItemID] = d.Date
			}
		}
	}
	return out
}

// Rule: marking the first reading task done brings every other item's
// reading forward (never later), and a missed day spreads its work over
// the following days without overfilling any.
func TestPropertyDoneMovesForwardMissedDaySpreads(t *testing.T) {
	forEachRandom(t, func(t *testing.T, in Input, p Plan) {
		if !p.Feasible {
			return
		}
		var first *Task
		for _, d := range p.Days {
			for k := range d.Tasks {
				if d.Tasks[k].Kind == TaskReading {
					first = &d.Tasks[k]
					break
				}
			}
			if first != nil {
				break
			}
		}
		if first != nil {
			after := in
			after.Items = slices.Clone(in.Items)
			for k := range after.Items {
				if after.Items[k].ID == first.ItemID {
					after.Items[k].Done = first.To
				}
			}
			before, now := firstReadingDay(p), firstReadingDay(Make(after))
			for id, day := range now {
				if day.After(before[id]) {
					t.Fatalf("after the first task (%s) was done, item %d starts on %s instead of %s", first.Title, id, day, before[id])
				}
			}
		}
		missed := in
		missed.Today = in.Today.AddDays(1)
		next := Make(missed)
		for _, d := range next.Days {
			if d.Date.Before(missed.Today) {
				t.Fatalf("a task on %s, before the new today %s", d.Date, missed.Today)
			}
			if d.Planned() > d.Available {
				t.Fatalf("after a missed day, %s has %d minutes planned in %d", d.Date, d.Planned(), d.Available)
			}
		}
		if next.Feasible {
			planned := map[int64]int{}
			for _, d := range next.Days {
				for _, task := range d.Tasks {
					if task.Kind == TaskReading {
						planned[task.ItemID] = task.To
					}
				}
			}
			for _, it := range in.Items {
				if it.Size > 0 && it.Left() > 0 && planned[it.ID] != it.Size {
					t.Fatalf("after a missed day item %d is planned to %d of %d", it.ID, planned[it.ID], it.Size)
				}
			}
		}
	})
}
