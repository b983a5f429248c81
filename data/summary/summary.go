// Package summary gathers the numbers that the dashboard, `masterplan
// status` and the report all show, so that the three never disagree: each
// area reads its records from the store and asks package data for the answer.
package summary

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/plan"
	"github.com/masterplan-app/masterplan/data/store"
)

// Summary is the state of the candidate's preparation at one instant. Its
// JSON form is the documented output of `masterplan status --json`.
type Summary struct {
	Today      data.Date        `json:"-"`     // in JSON as today.date
	Tonight    plan.JSONDay     `json:"today"` // tonight's tasks, as `plan --json`'s days[]
	TimeZone   string           `json:"time_zone"`
	Track      string           `json:"track"`
	Headline   string           `json:"headline"`
	Rotation   RotationSummary  `json:"rotation"`
	Milestones []MilestoneEntry `json:"milestones"`
	Reading    *ReadingStatus   `json:"reading,omitempty"`
	Study      *StudyStatus     `json:"study,omitempty"`
	Practice   *PracticeStatus  `json:"practice,omitempty"`
	Budget     *BudgetStatus    `json:"budget,omitempty"`
	Reminders  *RemindersStatus `json:"reminders,omitempty"`
	Plan       *PlanStatus      `json:"plan,omitempty"`
}

// area is the context every area's builder gets.
type area struct {
	ctx      context.Context
	st       *store.Store
	settings data.Settings
	rotation data.Rotation
	today    data.Date
	now      time.Time
}

// RotationSummary is the rotation's blocks and the headline countdown.
type RotationSummary struct {
	Blocks   []BlockEntry `json:"blocks"`
	DaysLeft int          `json:"days_left"` // days to the first block; negative once it began
	Over     bool         `json:"over"`
	OnSite   int          `json:"on_site_days"`
}

// BlockEntry is one block with its own countdown.
type BlockEntry struct {
	Start    data.Date `json:"start"`
	End      data.Date `json:"end"`
	Location string    `json:"location"`
	TimeZone string    `json:"time_zone"`
	DaysLeft int       `json:"days_left"`
	Phase    string    `json:"phase"`
}

// MilestoneEntry is one milestone as the status shows it.
type MilestoneEntry struct {
	ID    int64     `json:"id"`
	Title string    `json:"title"`
	Due   data.Date `json:"due"`
	Done  bool      `json:"done"`
	// DoneWhenPaid names the budget item whose actual amount marks the
	// milestone done (data.Milestone.PaidText); "" when not linked.
	DoneWhenPaid string `json:"done_when_paid,omitempty"`
}

// milestoneEntry is m as the status shows it.
func milestoneEntry(m data.Milestone) MilestoneEntry {
	return MilestoneEntry{ID: m.ID, Title: m.Title, Due: m.Due, Done: m.Done, DoneWhenPaid: m.BudgetItem}
}

// ErrNotSetUp means the database has no rotation yet.
var ErrNotSetUp = errors.New("MasterPlan is not set up yet: open the app, or run `masterplan setup --help`")

// Build reads everything the summary needs from st at instant now, its
// areas at once (the dashboard: on two cores the summary is ready in about
// the time of the slowest area instead of the sum of all).
func Build(ctx context.Context, st *store.Store, now time.Time) (Summary, error) {
	return build(ctx, st, now, func(reads []func()) {
		var wg sync.WaitGroup
		for _, read := range reads {
			wg.Go(read)
		}
		wg.Wait()
	})
}

// BuildInOrder is Build reading one area after the other, for a process
// that reads the summary once (`status`): the areas then share one
// connection and its page cache, where at once each opens its own
// connection (pragmas, schema, a cold cache), which costs more than the
// concurrency saves in a short-lived process.
func BuildInOrder(ctx context.Context, st *store.Store, now time.Time) (Summary, error) {
	return build(ctx, st, now, func(reads []func()) {
		for _, read := range reads {
			read()
		}
	})
}

// build reads the summary, handing the areas' reads to run.
func build(ctx context.Context, st *store.Store, now time.Time, run func(reads []func())) (Summary, error) {
	set, err := st.Settings(ctx)
	if err != nil {
		return Summary{}, err
	}
	rot, err := st.Rotation(ctx)
	if errors.Is(err, data.ErrNotFound) {
		return Summary{}, ErrNotSetUp
	}
	if err != nil {
		return Summary{}, err
	}
	ms, err := st.Milestones(ctx, rot.ID)
	if err != nil {
		return Summary{}, err
	}
	loc := set.Location()
	cd := data.NewCountdown(rot, now, loc)
	s := Summary{
		Today:      cd.Today,
		TimeZone:   loc.String(),
		Track:      rot.Track,
		Headline:   cd.Headline(),
		Milestones: []MilestoneEntry{},
		Tonight:    plan.JSONDay{Date: cd.Today, Tasks: []plan.JSONTask{}},
	}
	s.Rotation.DaysLeft, _ = cd.DaysLeft()
	s.Rotation.Over = cd.Over()
	s.Rotation.OnSite = rot.TotalDays()
	for _, b := range cd.Blocks {
		s.Rotation.Blocks = append(s.Rotation.Blocks, BlockEntry{
			Start: b.Block.Start, End: b.Block.End, Location: b.Block.Location,
			TimeZone: b.Block.TimeZone, DaysLeft: b.DaysLeft, Phase: b.Phase.String(),
		})
	}
	for _, m := range ms {
		s.Milestones = append(s.Milestones, milestoneEntry(m))
	}
	a := area{ctx: ctx, st: st, settings: set, rotation: rot, today: cd.Today, now: now}
	// The areas read different tables and write different fields of s.
	errs := make([]error, 6)
	run([]func(){
		func() { s.Reading, errs[0] = buildReading(a) },
		func() { s.Study, errs[1] = buildStudy(a) },
		func() { s.Budget, errs[3] = buildBudget(a) },
		func() { s.Reminders, errs[4] = buildReminders(a) },
		func() {
			// The plan reads the newest attempts; the practice area shows
			// them, so it follows the plan instead of reading them again.
			var practice store.PlanPractice
			if s.Tonight, s.Plan, practice, errs[5] = buildToday(a); errs[5] == nil {
				s.Practice, errs[2] = buildPractice(a, practice)
			}
		},
	})
	for _, err := range errs {
		if err != nil {
			return s, err
		}
	}
	return s, nil
}

// textMilestones is how many open milestones the text lists; `status
// --json` lists them all.
const textMilestones = 5

// Text renders the summary for a terminal, the way the dashboard reads.
func (s Summary) Text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\nToday: %s (%s)\n%s\n\nBlocks:\n", s.Track, s.Today, s.TimeZone, s.Headline)
	for _, bl := range s.Rotation.Blocks {
		fmt.Fprintf(&b, "  %s to %s  %s  (%s, %s)\n", bl.Start, bl.End, bl.Location, bl.Phase, daysText(bl.DaysLeft))
	}
	b.WriteString("\nMilestones:\n")
	s.writeMilestones(&b)
	if s.Plan != nil {
		b.WriteString(areaText("Today's plan", s.Plan.Text(s.Tonight)))
	}
	if s.Reading != nil {
		b.WriteString(areaText("Reading", s.Reading.Text()))
	}
	if s.Study != nil {
		b.WriteString(areaText("Study", s.Study.Text()))
	}
	if s.Practice != nil {
		b.WriteString(areaText("Practice", s.Practice.Text()))
	}
	if s.Budget != nil {
		b.WriteString(areaText("Budget", s.Budget.Text()))
	}
	if s.Reminders != nil {
		b.WriteString(areaText("Reminders", s.Reminders.Text()))
	}
	return b.String()
}

// writeMilestones lists the next few open milestones, soonest (most
// overdue) first, each saying where it stands, and counts the rest: a
// plan of thousands stays a screenful.
func (s Summary) writeMilestones(b *strings.Builder) {
	if len(s.Milestones) == 0 {
		b.WriteString("  none yet (add one with `masterplan milestone add`)\n")
		return
	}
	next := s.NextMilestones(textMilestones)
	for _, m := range next {
		dm := m.milestone()
		fmt.Fprintf(b, "  [ ] %s  %s  (id %d, %s)\n", m.Due, m.Title, m.ID, strings.Join(nonEmpty(dm.DueText(s.Today), dm.PaidText()), "; "))
	}
	done := 0
	for _, m := range s.Milestones {
		if m.Done {
			done++
		}
	}
	switch more := len(s.Milestones) - done - len(next); {
	case len(next) == 0:
		fmt.Fprintf(b, "  none open, %d done\n", done)
	case more > 0:
		fmt.Fprintf(b, "  and %d more open, %d done (`masterplan status --json` lists them all)\n", more, done)
	case done > 0:
		fmt.Fprintf(b, "  and %d done\n", done)
	}
}

// areaText sets an area's lines under its title, as the milestones are.
// Some areas' texts (also the dashboard cards') already start with their
// title; the others get it here.
func areaText(title, body string) string {
	body = strings.TrimRight(body, "\n")
	if !strings.HasPrefix(body, title+":") {
		body = title + ":\n  " + strings.ReplaceAll(body, "\n", "\n  ")
	}
	return "\n" + body + "\n"
}

func daysText(n int) string {
	switch {
	case n > 0:
		return "in " + data.Count(n, "day", "days")
	case n == 0:
		return "starts today"
	default:
		return "began " + data.Count(-n, "day", "days") + " ago"
	}
}

// NextMilestones returns up to n open milestones, soonest (or most overdue) first.
func (s Summary) NextMilestones(n int) []MilestoneEntry {
	var ms []data.Milestone
	for _, m := range s.Milestones {
		ms = append(ms, m.milestone())
	}
	var out []MilestoneEntry
	for _, m := range data.UpcomingMilestones(ms, n) {
		out = append(out, milestoneEntry(m))
	}
	return out
}

// milestone is e back as the domain's milestone, link included.
func (e MilestoneEntry) milestone() data.Milestone {
	return data.Milestone{ID: e.ID, Title: e.Title, Due: e.Due, Done: e.Done, BudgetItem: e.DoneWhenPaid}
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}
