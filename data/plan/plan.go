// Package plan is the study planner: from today's state of the reading
// list, the practice scores, the exams and the candidate's free time it
// works out what to do on each day until the last exam. It is pure: no
// I/O and no clock (it gets today), and the same input always gives the
// same plan, so the plan does not jump around between two looks.
package plan

import "github.com/masterplan-app/masterplan/data"

// Input is everything the planner needs, read by the store in one read
// transaction (see store.PlanInput).
type Input struct {
	Today        data.Date
	Availability Availability
	DaysOff      []data.Date // days with no study (holidays, travel), any order
	Rotation     []Span      // the on-site days: nothing is planned on them
	// StudiedToday is what was already studied today, in minutes: tonight
	// has that much less time left.
	StudiedToday int
	// ReadingDeadline is when the whole list should be read (zero: none).
	ReadingDeadline data.Date
	Items           []Item
	Speeds          []Speed // speeds by kind; a kind missing here goes at its default
	Exams           []Exam  // the exams not passed yet
	Topics          []Topic
	// MinDays is how many days the plan lists at least, beyond its last
	// deadline if need be (a 120-day view of a plan that ends in 30).
	MinDays int
}

// Span is a run of days, both ends included.
type Span struct{ Start, End data.Date }

// Item is a reading item still to read.
type Item struct {
	ID       int64
	Title    string
	Kind     string // data.ReadingBook...
	Topic    string
	Unit     string // data.ReadingPages, ReadingMinutes or ReadingPercent
	Size     int
	Done     int
	Priority int // 1 first .. 3 last
	Due      data.Date
	AddedOn  data.Date
}

// Left is what is still to read of it, in its unit.
func (it Item) Left() int { return max(0, it.Size-it.Done) }

// Exam is an exam the candidate will sit.
type Exam struct {
	Name string
	Date data.Date // zero when not known yet
	// MockMinutes is how long a full practice test of it takes.
	MockMinutes int
	// LastMock is the day of the latest practice test of the exam, and
	// LastMockPassed whether it scored the pass mark; a passed one in the
	// 14 days before the exam means no further mock is planned.
	LastMock       data.Date
	LastMockPassed bool
}

// Topic is an exam domain to practise.
type Topic struct {
	Name     string
	Exams    []string // names of the exams that cover it
	Weakness float64  // 0 ready .. 1 weakest: see TopicWeakness
	Note     string   // what the weakness comes from, for the why ("latest 55 %")
	// Practiced is the practice already done on it since its latest score,
	// in minutes: it counts towards what the plan asks.
	Practiced int
}

// Kinds of task.
const (
	TaskReading  = "reading"
	TaskPractice = "practice"
	TaskMock     = "mock"
)

// Task is one thing to do on a day.
type Task struct {
	Kind   string // TaskReading, TaskPractice or TaskMock
	Title  string
	Topic  string
	ItemID int64  // the reading item (reading tasks)
	Exam   string // the exam it prepares ("" when none is dated)
	// From and To are the part of the item to read, in Unit: pages From
	// to To for pages; minute (or percent) From to To otherwise. To is the
	// item's progress once the task is done.
	From, To int
	Unit     string
	Minutes  int
	Why      string
}

// Why a day has no study time.
const (
	ClosedDayOff   = "day off"
	ClosedRotation = "rotation"
)

// Day is one day of the plan.
type Day struct {
	Date      data.Date
	Available int    // minutes free for study that day
	Closed    string // "", ClosedDayOff or ClosedRotation
	Tasks     []Task
}

// Planned is the minutes of d's tasks.
func (d Day) Planned() int {
	n := 0
	for _, t := range d.Tasks {
		n += t.Minutes
	}
	return n
}

// Plan is the planner's answer.
type Plan struct {
	Today    data.Date
	Feasible bool
	// ShortfallMinutes is the extra study time that would make everything
	// fit before its deadline, were it added to the first day open for
	// study; 0 when the plan is feasible.
	ShortfallMinutes int
	// ReadingFinish is the day the last reading task falls on, zero when
	// the reading does not all fit in the plan.
	ReadingFinish data.Date
	Days          []Day
	// Summary says in one sentence whether it fits, and by how much not.
	Summary string
	// Options are the ways out when it does not fit.
	Options []string
	// Unsized names the items left out because their size is not known.
	Unsized []string
}

// ShortfallHours is the shortfall in hours, rounded up to a tenth.
func (p Plan) ShortfallHours() float64 {
	return float64((p.ShortfallMinutes+5)/6) / 10
}

// Tonight is today's day of the plan (the zero Day when the plan is empty).
func (p Plan) Tonight() Day {
	if len(p.Days) > 0 && p.Days[0].Date == p.Today {
		return p.Days[0]
	}
	return Day{Date: p.Today}
}
