package remind

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/store"
	"github.com/masterplan-app/masterplan/data/transfer"
)

// PollEvery bounds how long the runner sleeps between passes, even when
// nothing is due sooner: it notices within that time a laptop waking from
// sleep (timers do not count suspended time), a clock that jumped, and
// reminders the other process added.
const PollEvery = 30 * time.Second

// Sources are the records of other feature areas that reminders read: the
// nudges' conditions and the exams' dates. A nil function means that area
// has nothing to say, so its nudge stays quiet and the calendar has no exams.
type Sources struct {
	// ReadingPace returns the reading list's projected finish at the current
	// pace (zero when nothing was read lately) and its deadline (zero when
	// there is none), for data.BehindOnReading.
	ReadingPace func(ctx context.Context, today data.Date) (projectedFinish, deadline data.Date, err error)
	// WeekStudyHours returns the hours studied so far in the study week
	// that holds today, for data.BelowStudyGoal.
	WeekStudyHours func(ctx context.Context, now time.Time) (float64, error)
	// ExamDates lists the exams, for the calendar export.
	ExamDates func(ctx context.Context) ([]transfer.ExamDate, error)
	// TonightPlan says tonight's study plan in a line, for the study
	// reminder's text (nil: the reminder's own text only).
	TonightPlan func(ctx context.Context, now time.Time) (string, error)
}

// Delivery is one notice a pass showed, and the notifier's answer: a
// non-nil Err means the desktop could not show it, so the app must.
type Delivery struct {
	Notice store.Notice
	Err    error
}

// Runner finds due reminders, claims them in the store and notifies. The
// GUI runs one in a goroutine and `masterplan remind` one in the
// foreground; on one database file they never deliver an occurrence twice.
type Runner struct {
	Store    *store.Store
	Notifier Notifier
	Sources  Sources
	Now      func() time.Time // the clock; tests fix it
	Name     string           // who delivered, for the record: "gui", "remind"
	// Delivered, when set, hears about every pass that showed something.
	Delivered func([]Delivery)
	// Logf, when set, reports what the runner could not do; it is told
	// once, not on every pass, that the desktop has no notification service.
	Logf func(format string, args ...any)
	// AfterPass, when set, is called by Run after every pass (the tray
	// updates its "next reminder" then).
	AfterPass func()

	mu          sync.Mutex
	notifyFails bool // the last notification failed: do not log again
	wake        chan struct{}
	once        sync.Once
}

func (r *Runner) now() time.Time {
	if r.Now == nil {
		return time.Now()
	}
	return r.Now()
}

func (r *Runner) logf(format string, args ...any) {
	if r.Logf != nil {
		r.Logf(format, args...)
	}
}

func (r *Runner) wakeCh() chan struct{} {
	r.once.Do(func() { r.wake = make(chan struct{}, 1) })
	return r.wake
}

// Wake makes a running loop look again at once (after the user changed a
// reminder). It never blocks.
func (r *Runner) Wake() {
	select {
	case r.wakeCh() <- struct{}{}:
	default:
	}
}

// Due returns the occurrences of study, one-off and milestone reminders
// that came due by now and that the plan's last run has not covered, each
// no earlier than its reminder was last saved. Before the first run, and
// when the clock has gone back past the last run, it looks back
// data.LateAfter: claims make the overlap harmless. A reminder that cannot
// be scheduled is reported in the error while the others still count.
func Due(plan store.ReminderPlan, now time.Time) ([]data.Occurrence, error) {
	from := now.Add(-data.LateAfter)
	if !plan.LastRun.IsZero() && plan.LastRun.Before(from) {
		from = plan.LastRun.Add(-data.LateAfter)
	}
	occ, err := plan.Schedule.Between(from, now)
	out := occ[:0]
	for _, o := range occ {
		// A reminder rings from the minute it was saved: a one-off set
		// for this very minute counts, an hour moved earlier today does not.
		if saved, ok := plan.Saved[o.ReminderID]; ok && o.At.Before(saved.Truncate(time.Minute)) {
			continue
		}
		out = append(out, o)
	}
	return out, err
}

// Once delivers everything due now: scheduled occurrences since the last
// run (a catch-up groups the missed ones), nudges whose condition holds,
// and snoozed notices whose time came. Each is claimed in the store before
// the notifier sees it. A notification the desktop cannot show stays in
// the store marked for the app to show.
func (r *Runner) Once(ctx context.Context) ([]Delivery, error) {
	now := r.now()
	plan, err := r.Store.ReminderPlan(ctx)
	if err != nil {
		return nil, err
	}
	due, schedErr := Due(plan, now)
	if schedErr != nil {
		r.logf("reminders: %v", schedErr)
	}
	r.addTonight(ctx, due, now)
	nudges, err := r.nudges(ctx, plan, now)
	if err != nil {
		r.logf("reminders: %v", err)
	}
	notices, err := r.Store.Deliver(ctx, append(due, nudges...), now, plan.Schedule.Zone, r.Name)
	if err != nil {
		return nil, err
	}
	woken, err := r.Store.WakeSnoozed(ctx, now, r.Name)
	if err != nil {
		r.logf("reminders: %v", err)
	}
	var out []Delivery
	for _, n := range append(notices, woken...) {
		out = append(out, r.notify(ctx, n))
	}
	if len(out) > 0 && r.Delivered != nil {
		r.Delivered(out)
	}
	return out, nil
}

// notify shows n on the desktop; when it cannot, it marks n for the app.
func (r *Runner) notify(ctx context.Context, n store.Notice) Delivery {
	err := r.Notifier.Notify(ctx, n.Title, n.Body)
	r.mu.Lock()
	first := err != nil && !r.notifyFails
	r.notifyFails = err != nil
	r.mu.Unlock()
	if err == nil {
		return Delivery{Notice: n}
	}
	if first {
		r.logf("reminders: the desktop did not show the notification (%v); reminders are kept for the app's Reminders screen", err)
	}
	if merr := r.Store.MarkNoticeInApp(ctx, n.ID); merr != nil {
		r.logf("reminders: %v", merr)
	}
	n.InApp = true
	return Delivery{Notice: n, Err: err}
}

// nudges returns today's nudges whose condition holds now.
func (r *Runner) nudges(ctx context.Context, plan store.ReminderPlan, now time.Time) ([]data.Occurrence, error) {
	var out []data.Occurrence
	var errs []error
	for _, rem := range plan.Schedule.Reminders {
		if !rem.Enabled || (rem.Kind != data.ReminderNudgeReading && rem.Kind != data.ReminderNudgeStudy) {
			continue
		}
		loc, err := rem.Location(plan.Schedule.Zone)
		if err != nil {
			errs = append(errs, fmt.Errorf("reminder %q: %w", rem.Title, err))
			continue
		}
		reason, err := r.nudgeReason(ctx, rem.Kind, now, data.DateOf(now, loc))
		if err != nil {
			errs = append(errs, fmt.Errorf("reminder %q: %w", rem.Title, err))
		}
		if reason == "" {
			continue
		}
		o, ok, err := data.NudgeOccurrence(rem, now, plan.Schedule.Zone, reason)
		if err != nil {
			errs = append(errs, fmt.Errorf("reminder %q: %w", rem.Title, err))
		}
		if ok {
			out = append(out, o)
		}
	}
	return out, errors.Join(errs...)
}

// nudgeReason asks the domain whether a nudge of kind has something to
// say today; "" when not, or when its area has no records to judge by.
func (r *Runner) nudgeReason(ctx context.Context, kind string, now time.Time, today data.Date) (string, error) {
	switch kind {
	case data.ReminderNudgeReading:
		if r.Sources.ReadingPace == nil {
			return "", nil
		}
		finish, deadline, err := r.Sources.ReadingPace(ctx, today)
		if err != nil {
			return "", fmt.Errorf("reading pace: %w", err)
		}
		_, msg := data.BehindOnReading(finish, deadline, today)
		return msg, nil
	case data.ReminderNudgeStudy:
		if r.Sources.WeekStudyHours == nil {
			return "", nil
		}
		set, err := r.Store.Settings(ctx)
		if err != nil {
			return "", err
		}
		hours, err := r.Sources.WeekStudyHours(ctx, now)
		if err != nil {
			return "", fmt.Errorf("study hours: %w", err)
		}
		_, msg := data.BelowStudyGoal(hours, set.WeeklyGoalHours, data.WeekDaysDone(today, set.WeekStart))
		return msg, nil
	}
	return "", nil
}

// Run delivers on time until ctx ends: a pass now, then one at each next
// occurrence, at least every PollEvery, and whenever Wake is called. A
// pass that fails (the other process holding the file too long) is logged
// and tried again on the next one; nothing is lost, as nothing was claimed.
func (r *Runner) Run(ctx context.Context) {
	for {
		if _, err := r.Once(ctx); err != nil && ctx.Err() == nil {
			r.logf("reminders: %v", err)
		}
		if r.AfterPass != nil {
			r.AfterPass()
		}
		timer := time.NewTimer(r.untilNext(ctx))
		select {
		case <-ctx.Done():
			timer.Stop()
			return
		case <-timer.C:
		case <-r.wakeCh():
			timer.Stop()
		}
	}
}

// untilNext is how long to sleep: to the next occurrence or snooze, at
// most PollEvery, at least a second.
func (r *Runner) untilNext(ctx context.Context) time.Duration {
	now := r.now()
	wait := PollEvery
	if next, err := r.NextAt(ctx, now); err == nil && !next.IsZero() {
		wait = min(wait, next.Sub(now))
	}
	return max(wait, time.Second)
}

// NextAt returns when something next rings after now: a scheduled
// occurrence or a snoozed notice; zero when nothing does.
func (r *Runner) NextAt(ctx context.Context, now time.Time) (time.Time, error) {
	plan, err := r.Store.ReminderPlan(ctx)
	if err != nil {
		return time.Time{}, err
	}
	var next time.Time
	if occ, _ := plan.Schedule.Next(now, 1); len(occ) > 0 {
		next = occ[0].At
	}
	notices, err := r.Store.Notices(ctx)
	if err != nil {
		return next, err
	}
	for _, n := range notices {
		if n.State == store.NoticeSnoozed && (next.IsZero() || n.SnoozeUntil.Before(next)) {
			next = n.SnoozeUntil
		}
	}
	return next, nil
}

// Snooze puts notice id off by choice s at now, in the user's zone loc,
// and returns when it rings again.
func Snooze(ctx context.Context, st *store.Store, id int64, s data.Snooze, now time.Time, loc *time.Location) (time.Time, error) {
	until, err := data.SnoozeUntil(s, now, loc)
	if err != nil {
		return until, err
	}
	return until, st.SnoozeNotice(ctx, id, until)
}

// ErrNoRotation means the calendar has no rotation to show yet.
var ErrNoRotation = errors.New("there is no rotation yet: set it up first (open the app, or run `masterplan setup --help`)")

// Calendar gathers what the calendar export holds at now: the rotation's
// blocks and milestones with their alarms, the exams from src, and the
// study reminders.
func Calendar(ctx context.Context, st *store.Store, src Sources, now time.Time) (transfer.CalendarInput, error) {
	in := transfer.CalendarInput{Now: now}
	rot, err := st.Rotation(ctx)
	if errors.Is(err, data.ErrNotFound) {
		return in, ErrNoRotation
	}
	if err != nil {
		return in, err
	}
	plan, err := st.ReminderPlan(ctx)
	if err != nil {
		return in, err
	}
	in.Rotation, in.Milestones, in.Zone = rot, plan.Schedule.Milestones, plan.Schedule.Zone
	for _, rem := range plan.Schedule.Reminders {
		switch rem.Kind {
		case data.ReminderMilestone:
			in.MilestoneAlarmDays = data.MilestoneAlarmDays(rem, plan.Schedule.Milestones, plan.Schedule.MilestoneSettings)
			in.MilestoneAlarmAt = rem.At
		case data.ReminderStudy:
			in.Study = append(in.Study, rem)
		}
	}
	if src.ExamDates != nil {
		if in.Exams, err = src.ExamDates(ctx); err != nil {
			return in, fmt.Errorf("read the exams for the calendar: %w", err)
		}
	}
	return in, nil
}
