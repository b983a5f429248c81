package plan

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/masterplan-app/masterplan/data"
)

// outcome is one run of the scheduler over the calendar.
type outcome struct {
	tasks         [][]Task
	readingOK     bool // every item finished by its deadline
	practiceOK    bool // every topic got all its practice
	readingFinish int  // day index of the last reading task; -1 when it does not all fit
	late          []int
}

func (o outcome) feasible() bool { return o.readingOK && o.practiceOK }

// run schedules the jobs with extra minutes more on the first open day:
// the mocks first, each on the earliest day of its window with room; then
// the practice as late as it can before its deadline (concentrated before
// the exam), latest deadline first; then the reading as early as it can,
// earliest deadline first. Latest-first for practice and earliest-first
// for reading together fit whatever can fit: practice placed as late as
// possible leaves every prefix of days the most room for the reading.
func (j *jobs) run(extra int) outcome {
	cal := j.cal
	n := len(cal.caps)
	o := outcome{tasks: make([][]Task, n), readingOK: true, practiceOK: true, readingFinish: -1}
	if cal.firstOpen < 0 {
		o.readingOK = len(j.reading) == 0
		o.practiceOK = len(j.practice) == 0
		return o
	}
	free := slices.Clone(cal.caps)
	free[cal.firstOpen] += extra
	j.placeMocks(free, o.tasks)
	scale := j.practiceScale(free)
	if scale < 1 {
		o.practiceOK = false
	}
	if !j.placePractice(free, o.tasks, scale) {
		o.practiceOK = false
	}
	j.placeReading(free, &o)
	for i := range o.tasks {
		slices.SortStableFunc(o.tasks[i], func(a, b Task) int { return cmp.Compare(kindOrder(a.Kind), kindOrder(b.Kind)) })
	}
	return o
}

func kindOrder(kind string) int {
	switch kind {
	case TaskMock:
		return 0
	case TaskReading:
		return 1
	}
	return 2
}

func (j *jobs) placeMocks(free []int, tasks [][]Task) {
	for _, m := range j.mocks {
		day, most := -1, 0
		for i := m.from; i <= m.to; i++ {
			if free[i] >= m.minutes {
				day = i
				break
			}
			if free[i] > most {
				day, most = i, free[i]
			}
		}
		if day < 0 {
			continue
		}
		t := Task{Kind: TaskMock, Exam: m.exam.Name, Minutes: min(m.minutes, free[day]), Why: m.why}
		t.Title = fmt.Sprintf("Full practice test: %s (%s)", m.exam.Name, Duration(t.Minutes))
		if t.Minutes < m.minutes {
			t.Why += fmt.Sprintf("; shortened from %s: no day in those %d days has more time", Duration(m.minutes), MockWindowDays)
		}
		free[day] -= t.Minutes
		tasks[day] = append(tasks[day], t)
	}
}

// practiceScale is the share of its need every topic gets: 1 when the
// reading and practice fit before each deadline, else the same share for
// all, the most that fits, so that the weaker topic still gets no less.
func (j *jobs) practiceScale(free []int) float64 {
	if len(j.practice) == 0 {
		return 1
	}
	n := len(free)
	reading := make([]float64, n)
	practice := make([]float64, n)
	for _, r := range j.reading {
		reading[r.deadline] += float64(r.item.Left()) * 60 / r.speed
	}
	for _, p := range j.practice {
		practice[p.deadline] += float64(p.need)
	}
	scale := 1.0
	var capSum, rSum, pSum float64
	for i := j.cal.firstOpen; i < n; i++ {
		capSum += float64(free[i])
		rSum += reading[i]
		pSum += practice[i]
		if pSum > 0 && rSum+pSum > capSum {
			scale = min(scale, capSum/(rSum+pSum))
		}
	}
	return scale
}

// placePractice puts each topic's share of its need on the latest free
// days before its deadline, topics taking turns in chunks; it reports
// whether all of it found room.
func (j *jobs) placePractice(free []int, tasks [][]Task, scale float64) bool {
	jobs := slices.Clone(j.practice)
	slices.SortStableFunc(jobs, func(a, b practiceJob) int { return cmp.Compare(b.deadline, a.deadline) })
	left := make([]int, len(jobs))
	for k, p := range jobs {
		left[k] = p.need
		if scale < 1 {
			left[k] = int(math.Floor(scale * float64(p.need)))
		}
	}
	all := true
	for g := 0; g < len(jobs); {
		h := g
		for h < len(jobs) && jobs[h].deadline == jobs[g].deadline {
			h++
		}
		turn := g
		for day := jobs[g].deadline; day >= j.cal.firstOpen; day-- {
			for free[day] > 0 {
				k := nextWithWork(left, g, h, turn)
				if k < 0 {
					break
				}
				chunk := min(left[k], free[day], practiceChunk)
				addPractice(&tasks[day], jobs[k], chunk, j.cal.date(day))
				free[day] -= chunk
				left[k] -= chunk
				turn = k + 1
			}
		}
		for k := g; k < h; k++ {
			if left[k] > 0 {
				all = false
			}
		}
		g = h
	}
	return all
}

// nextWithWork is the first job from turn on (wrapping within g..h) with
// practice left, or -1.
func nextWithWork(left []int, g, h, turn int) int {
	for k := range h - g {
		i := g + (turn-g+k)%(h-g)
		if left[i] > 0 {
			return i
		}
	}
	return -1
}

// addPractice adds minutes of practice on p's topic to a day's tasks,
// growing the topic's task when the day has one.
func addPractice(tasks *[]Task, p practiceJob, minutes int, on data.Date) {
	for i := range *tasks {
		t := &(*tasks)[i]
		if t.Kind == TaskPractice && t.Topic == p.topic.Name {
			t.Minutes += minutes
			t.Title = practiceTitle(p.topic.Name, t.Minutes)
			return
		}
	}
	why := p.why
	switch {
	case p.exam != "":
		why += fmt.Sprintf(", %s in %s", p.exam, dayCount(on.DaysUntil(p.target)))
	case !p.target.IsZero():
		why += fmt.Sprintf(", before the rotation on %s", p.target)
	}
	*tasks = append(*tasks, Task{Kind: TaskPractice, Topic: p.topic.Name, Exam: p.exam, Minutes: minutes,
		Title: practiceTitle(p.topic.Name, minutes), Why: why})
}

func practiceTitle(topic string, minutes int) string {
	return fmt.Sprintf("Practise %s (%s)", topic, Duration(minutes))
}

// placeReading reads the items in deadline order, each day's free time
// going to the first unfinished item, then the next.
func (j *jobs) placeReading(free []int, o *outcome) {
	k := 0
	var done int // units of job k placed so far
	for day := j.cal.firstOpen; day < len(free) && k < len(j.reading); day++ {
		for free[day] > 0 && k < len(j.reading) {
			r := j.reading[k]
			left := r.item.Left() - done
			units := min(left, int(math.Floor(float64(free[day])*r.speed/60+1e-9)))
			minutes := readingMinutes(units, r.speed)
			for units > 0 && minutes > free[day] {
				units--
				minutes = readingMinutes(units, r.speed)
			}
			if units <= 0 || (units < left && minutes < minReadingTask) {
				break
			}
			o.tasks[day] = append(o.tasks[day], readingTask(r, r.item.Done+done, units, minutes))
			free[day] -= minutes
			done += units
			if done == r.item.Left() {
				if day > r.deadline {
					o.late = append(o.late, k)
				}
				o.readingFinish = day
				k, done = k+1, 0
			}
		}
	}
	if k < len(j.reading) {
		o.readingFinish = -1
		for ; k < len(j.reading); k++ {
			o.late = append(o.late, k)
		}
	}
	o.readingOK = len(o.late) == 0
}

// readingMinutes is how long units take at speed units an hour.
func readingMinutes(units int, speed float64) int {
	return int(math.Ceil(float64(units)*60/speed - 1e-9))
}
