package plan

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/masterplan-app/masterplan/data"
)

// Practice sizes: a ready topic gets a short review; the others get
// PracticeBase plus PracticePerWeakness times their weakness, so the
// weakest topic gets the most, in PracticeStep minutes.
const (
	ReviewMinutes       = 30
	PracticeBase        = 60
	PracticePerWeakness = 240
	PracticeStep        = 5
	// DefaultMockMinutes is a full practice test when none was timed.
	DefaultMockMinutes = 120
	// MockWindowDays: a mock falls in the days before its exam.
	MockWindowDays = 14
	// practiceChunk is the longest practice task on one topic that the
	// planner puts on a day before turning to the next topic.
	practiceChunk = 45
	// minReadingTask is the shortest reading task that does not finish
	// its item: a day with less left moves on to the next day.
	minReadingTask = 10
)

// PracticeMinutes is what a topic of weakness w needs before its exam.
// It never decreases as w grows (the weaker topic never gets less).
func PracticeMinutes(w float64) int {
	if w <= ReadyWeakness {
		return ReviewMinutes
	}
	m := PracticeBase + PracticePerWeakness*min(w, 1)
	return int(math.Round(m/PracticeStep)) * PracticeStep
}

type readingJob struct {
	item     Item
	speed    float64 // units an hour
	deadline int     // day index the item must be finished on
	why      string
}

type practiceJob struct {
	topic    Topic
	exam     string    // "" when no dated exam covers it
	target   data.Date // the exam's date, or the fallback deadline
	deadline int
	need     int // minutes
	why      string
}

type mockJob struct {
	exam     Exam
	from, to int // window, day indexes
	minutes  int
	why      string
}

// jobs is the planner's work, made once from the input: the runs that
// look for the shortfall only change the capacity.
type jobs struct {
	cal      *calendar
	reading  []readingJob
	practice []practiceJob
	mocks    []mockJob
	unsized  []string
}

func prepare(in Input) *jobs {
	cal := newCalendar(in)
	j := &jobs{cal: cal}
	last := len(cal.caps) - 1
	// A deadline before the first open day cannot be met any more: the
	// work is due on that day instead (and is short by what does not fit).
	clampIdx := func(d data.Date) int { return min(max(cal.index(d), cal.firstOpen), last) }
	speeds := map[Kind]float64{}
	for _, s := range in.Speeds {
		speeds[s.Kind] = s.PerHour
	}
	for _, it := range in.Items {
		if it.Size <= 0 {
			j.unsized = append(j.unsized, it.Title)
			continue
		}
		if it.Left() == 0 {
			continue
		}
		k := Kind{it.Kind, it.Unit}
		sp, ok := speeds[k]
		if !ok || CheckSpeed(sp) != nil {
			sp = DefaultSpeed(k)
		}
		due, why := readingDue(it, in.ReadingDeadline, in.Today)
		dl := last
		if !due.IsZero() {
			dl = clampIdx(due)
		}
		j.reading = append(j.reading, readingJob{item: it, speed: sp, deadline: dl, why: why})
	}
	slices.SortFunc(j.reading, func(a, b readingJob) int {
		return cmp.Or(cmp.Compare(a.deadline, b.deadline), cmp.Compare(a.item.Priority, b.item.Priority),
			compareDates(a.item.Due, b.item.Due), compareDates(a.item.AddedOn, b.item.AddedOn), cmp.Compare(a.item.ID, b.item.ID))
	})
	slices.Sort(j.unsized)
	j.practice = practiceJobs(in, cal)
	j.mocks = mockJobs(in, cal)
	return j
}

// readingDue is the day an item must be finished on (zero: the plan's end)
// and the why of its tasks.
func readingDue(it Item, listDeadline, today data.Date) (data.Date, string) {
	pri := fmt.Sprintf("priority %d", it.Priority)
	switch {
	case !it.Due.IsZero() && (listDeadline.IsZero() || !listDeadline.Before(it.Due)):
		if it.Due.Before(today) {
			return it.Due, fmt.Sprintf("overdue since %s, %s", it.Due, pri)
		}
		return it.Due, fmt.Sprintf("due %s, %s", it.Due, pri)
	case !listDeadline.IsZero():
		if listDeadline.Before(today) {
			return listDeadline, fmt.Sprintf("the reading list was due %s, %s", listDeadline, pri)
		}
		return listDeadline, fmt.Sprintf("reading list due %s, %s", listDeadline, pri)
	}
	return data.Date{}, pri + ", no due date"
}

// compareDates orders dates, the zero date last.
func compareDates(a, b data.Date) int {
	switch {
	case a == b:
		return 0
	case a.IsZero():
		return 1
	case b.IsZero():
		return -1
	}
	return a.Time().Compare(b.Time())
}

// practiceJobs gives each topic its practice before the first dated exam
// to come that covers it (or before the rotation when none is dated).
func practiceJobs(in Input, cal *calendar) []practiceJob {
	next := map[string]data.Date{}
	for _, e := range in.Exams {
		if e.Date.After(in.Today) {
			next[e.Name] = e.Date
		}
	}
	fallback := practiceFallback(in)
	last := len(cal.caps) - 1
	var out []practiceJob
	for _, t := range in.Topics {
		job := practiceJob{topic: t}
		for _, name := range t.Exams {
			// An exam with no open day before it cannot be prepared for
			// any more: the topic's practice goes to the next one.
			d, ok := next[name]
			if ok && cal.index(d)-1 >= cal.firstOpen && (job.exam == "" || d.Before(job.target) || (d == job.target && name < job.exam)) {
				job.exam, job.target = name, d
			}
		}
		if job.exam != "" {
			job.deadline = cal.index(job.target) - 1
		} else if !fallback.IsZero() {
			job.target, job.deadline = fallback.AddDays(1), cal.index(fallback)
		} else {
			job.deadline = last
		}
		job.deadline = min(job.deadline, last)
		job.need = PracticeMinutes(t.Weakness) - max(0, t.Practiced)
		if job.deadline < cal.firstOpen || job.need <= 0 {
			continue
		}
		out = append(out, job)
	}
	// Rank the topics of each exam, weakest first, for the why.
	slices.SortFunc(out, func(a, b practiceJob) int {
		return cmp.Or(cmp.Compare(a.exam, b.exam), cmp.Compare(b.topic.Weakness, a.topic.Weakness), cmp.Compare(a.topic.Name, b.topic.Name))
	})
	for i := 0; i < len(out); {
		k := i
		for k < len(out) && out[k].exam == out[i].exam {
			k++
		}
		for r := i; r < k; r++ {
			out[r].why = practiceWhy(out[r].topic, r-i+1, k-i)
		}
		i = k
	}
	return out
}

func practiceWhy(t Topic, rank, of int) string {
	var what string
	switch {
	case t.Weakness <= ReadyWeakness:
		what = "ready: a short review"
	case rank == 1 && of > 1:
		what = "weakest topic"
	case of > 1:
		what = fmt.Sprintf("weak topic, %s of %d", ordinal(rank), of)
	default:
		what = "weak topic"
	}
	if t.Note != "" {
		what += ", " + t.Note
	}
	return what
}

func ordinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return fmt.Sprintf("%d%s", n, suffix)
}

// mockJobs plans one full practice test in the MockWindowDays before each
// dated exam to come, unless one already passed in that window; after a
// failed one the plan asks for another.
func mockJobs(in Input, cal *calendar) []mockJob {
	exams := slices.Clone(in.Exams)
	slices.SortFunc(exams, func(a, b Exam) int { return cmp.Or(compareDates(a.Date, b.Date), cmp.Compare(a.Name, b.Name)) })
	var out []mockJob
	for _, e := range exams {
		if !e.Date.After(in.Today) {
			continue
		}
		open := e.Date.AddDays(-MockWindowDays)
		if !e.LastMock.IsZero() && !e.LastMock.Before(open) && e.LastMockPassed {
			continue
		}
		m := mockJob{exam: e, from: max(0, cal.index(open)), to: min(cal.index(e.Date)-1, len(cal.caps)-1), minutes: e.MockMinutes}
		if m.minutes <= 0 {
			m.minutes = DefaultMockMinutes
		}
		if m.to < m.from {
			continue
		}
		m.why = fmt.Sprintf("a full practice test in the %d days before %s on %s", MockWindowDays, e.Name, e.Date)
		if !e.LastMock.IsZero() && !e.LastMockPassed {
			m.why = fmt.Sprintf("again after the failed practice test of %s; %s on %s", e.LastMock, e.Name, e.Date)
		}
		out = append(out, m)
	}
	return out
}
