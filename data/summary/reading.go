package summary

import (
	"context"
	"fmt"
	"math"

	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/store"
)

// ReadingStatus is the reading part of the summary (status --json
// "reading"): the pace of the whole list, see data.PaceReport. Left and
// the rates are in LeftUnit; percent and rates are rounded to the tenth.
// OnTrack, ProjectedFinish and FinishRange are null while it is too early
// to tell (or there is no deadline, or no pace); PaceWindowDays is null
// before any progress.
type ReadingStatus struct {
	Items           int           `json:"items"` // items not dropped
	Done            int           `json:"done"`
	Dropped         int           `json:"dropped"`
	Percent         float64       `json:"percent"`
	Left            float64       `json:"left"`
	LeftUnit        string        `json:"left_unit"`
	PerDayNeeded    float64       `json:"per_day_needed"`
	BindingDeadline *data.Date    `json:"binding_deadline"` // the deadline PerDayNeeded is for
	ActualPerDay    float64       `json:"actual_per_day"`   // over the pace window, in LeftUnit
	PaceWindowDays  *int          `json:"pace_window_days"`
	ProjectedFinish *data.Date    `json:"projected_finish"`
	FinishRange     *[2]data.Date `json:"finish_range"`
	OnTrack         *bool         `json:"on_track"`
	BehindDays      int           `json:"behind_days"`
	Deadline        *data.Date    `json:"deadline"` // null until the rotation has a first block
	DaysLeft        int           `json:"days_left"`
	Unsized         int           `json:"unsized"` // open items without a size, not counted in the pace
	Verdict         string        `json:"verdict"`
}

// ReadingPace is everything the Reading screen and the dashboard show about
// the pace, read from the store on one day.
type ReadingPace struct {
	Items    []data.ReadingItem
	Log      []data.ProgressEntry // from data.PaceLogSince on
	LeadDays int
	Deadline data.Date
	Report   data.PaceReport
	Topics   []data.TopicPace
}

// LoadReadingPace reads the reading list, its recent progress and the
// deadline setting, and measures the pace on today for rotation rot (the
// zero Rotation when there is none yet: then there is no deadline).
func LoadReadingPace(ctx context.Context, st *store.Store, rot data.Rotation, today data.Date) (ReadingPace, error) {
	var p ReadingPace
	var err error
	if p.Items, err = st.ReadingItems(ctx); err != nil {
		return p, err
	}
	if err = p.loadWindow(ctx, st, rot, today); err != nil {
		return p, err
	}
	// The headline is the dashboard's and `status`'s figure, from the same
	// function: it knows the first progress ever, which the log may not hold.
	if p.Report, err = paceOfList(ctx, st, rot, today); err != nil {
		return p, err
	}
	p.Topics = data.PaceByTopic(p.Items, p.Log, today, p.Deadline)
	return p, nil
}

// loadWindow reads the recent progress and the deadline.
func (p *ReadingPace) loadWindow(ctx context.Context, st *store.Store, rot data.Rotation, today data.Date) error {
	var err error
	if p.Log, err = st.ReadingProgress(ctx, paceSince(today)); err != nil {
		return err
	}
	return p.loadDeadline(ctx, st, rot)
}

// paceSince is the first day of the progress the pace on today counts.
func paceSince(today data.Date) data.Date { return data.PaceLogSince(today) }

// loadDeadline reads the lead days setting and sets the deadline from the
// rotation's first block.
func (p *ReadingPace) loadDeadline(ctx context.Context, st *store.Store, rot data.Rotation) error {
	var err error
	if p.LeadDays, err = st.ReadingLeadDays(ctx); err != nil {
		return err
	}
	if first, ok := rot.FirstBlock(); ok {
		p.Deadline = data.ReadingDeadline(first.Start, p.LeadDays)
	}
	return nil
}

// buildReading is the reading part of the summary: the pace of the whole
// list.
func buildReading(a area) (*ReadingStatus, error) {
	r, err := paceOfList(a.ctx, a.st, a.rotation, a.today)
	if err != nil {
		return nil, err
	}
	return NewReadingStatus(r), nil
}

// paceOfList is the pace of the whole list on today, from the items
// counted in SQL rather than read one by one: what the dashboard, `status`
// and the reminders' nudges need, without the screen's list and topics.
func paceOfList(ctx context.Context, st *store.Store, rot data.Rotation, today data.Date) (data.PaceReport, error) {
	var p ReadingPace
	tally, log, err := st.ReadingPaceTally(ctx, paceSince(today))
	if err != nil {
		return data.PaceReport{}, err
	}
	if err = p.loadDeadline(ctx, st, rot); err != nil {
		return data.PaceReport{}, fmt.Errorf("reading pace: %w", err)
	}
	return data.PaceOfTally(tally, log, today, p.Deadline), nil
}

// NewReadingStatus condenses a pace report into the status's numbers.
func NewReadingStatus(r data.PaceReport) *ReadingStatus {
	st := &ReadingStatus{
		Items: r.Items, Done: r.DoneItems, Dropped: r.Dropped, Percent: tenth(r.Percent),
		Left: r.Left, LeftUnit: r.LeftUnit, PerDayNeeded: tenth(r.PerDayNeeded), ActualPerDay: tenth(r.ActualPerDay),
		BehindDays: r.BehindDays, DaysLeft: r.DaysLeft, Unsized: r.Unsized,
		Verdict: r.Verdict(),
	}
	if r.WindowDays > 0 {
		n := r.WindowDays
		st.PaceWindowDays = &n
	}
	if r.Verdicts() {
		onTrack := r.OnTrack
		st.OnTrack = &onTrack
		if !r.Finished {
			d := r.ProjectedFinish
			st.ProjectedFinish = &d
			st.FinishRange = &[2]data.Date{r.FinishEarliest, r.FinishLatest}
		}
	}
	st.BindingDeadline = datePtr(r.Binding)
	st.Deadline = datePtr(r.Deadline)
	return st
}

// datePtr is d for JSON: null when zero.
func datePtr(d data.Date) *data.Date {
	if d.IsZero() {
		return nil
	}
	return &d
}

// Text is the reading lines of `masterplan status`.
func (r ReadingStatus) Text() string {
	if r.Items == 0 {
		return "Reading: the list is empty (add items in the app or with `masterplan import reading FILE`)"
	}
	s := fmt.Sprintf("Reading: %d of %s done (%.0f%%)", r.Done, data.Count(r.Items, "item", "items"), r.Percent)
	if r.Left > 0 {
		s += fmt.Sprintf(", %.0f %s left", r.Left, r.LeftUnit)
		if r.PaceWindowDays != nil {
			s += fmt.Sprintf(", %.1f a day over the last %s", r.ActualPerDay, data.Count(*r.PaceWindowDays, "day", "days"))
		}
	}
	return s + "\n  " + r.Verdict
}

func tenth(v float64) float64 { return math.Round(v*10) / 10 }
