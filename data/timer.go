package data

import (
	"errors"
	"time"
)

// TimerState is the study timer, kept as data so that the store can write it
// at each change and the app can find it again after a crash or restart and
// offer to keep (Stop at a time the user confirms) or discard (the zero
// TimerState) the open session. It holds instants, never a ticking clock:
// every question is asked at a given now. The zero value is an idle timer.
type TimerState struct {
	StartedAt     time.Time     `json:"started_at"`        // first start (UTC); zero when idle
	RunningSince  time.Time     `json:"running_since"`     // start of the current run (UTC); zero while paused
	Accumulated   time.Duration `json:"accumulated_ns"`    // time counted in the runs before the current one
	Topic         string        `json:"topic,omitempty"`   // what the session will be logged under
	ReadingItemID int64         `json:"reading_item_id"`   // 0 for none
	Pomodoro      Pomodoro      `json:"pomodoro,omitzero"` // zero value: no Pomodoro
}

// Pomodoro alternates work and break: Work of study, then Break, and again.
// The zero value means the timer simply runs.
type Pomodoro struct {
	Work  time.Duration `json:"work_ns"`
	Break time.Duration `json:"break_ns"`
}

// DefaultPomodoro is the classic 25 minutes of work and 5 of break.
func DefaultPomodoro() Pomodoro { return Pomodoro{Work: 25 * time.Minute, Break: 5 * time.Minute} }

// Enabled reports whether p is set.
func (p Pomodoro) Enabled() bool { return p.Work > 0 || p.Break > 0 }

// Validate accepts no Pomodoro, or work of 1 minute to 4 hours with a break
// of 1 minute to 1 hour.
func (p Pomodoro) Validate() error {
	if !p.Enabled() {
		return nil
	}
	var errs []error
	if p.Work < time.Minute || p.Work > 4*time.Hour {
		errs = append(errs, Invalid("work", "is %s; a work period lasts 1 minute to 4 hours (25m is usual)", FormatStudyDuration(p.Work)))
	}
	if p.Break < time.Minute || p.Break > time.Hour {
		errs = append(errs, Invalid("break", "is %s; a break lasts 1 minute to 1 hour (5m is usual)", FormatStudyDuration(p.Break)))
	}
	return errors.Join(errs...)
}

// TimerPhase is what the timer is doing.
type TimerPhase int

// The phases of the timer.
const (
	TimerIdle TimerPhase = iota
	TimerRunning
	TimerPaused
)

func (p TimerPhase) String() string {
	switch p {
	case TimerRunning:
		return "running"
	case TimerPaused:
		return "paused"
	default:
		return "idle"
	}
}

// Phase returns what the timer is doing.
func (t TimerState) Phase() TimerPhase {
	switch {
	case t.StartedAt.IsZero():
		return TimerIdle
	case t.RunningSince.IsZero():
		return TimerPaused
	default:
		return TimerRunning
	}
}

func timerInvalid(format string, args ...any) error { return Invalid("timer", format, args...) }

// Start starts an idle timer at now for a topic and a reading item (both
// optional), with Pomodoro p (the zero Pomodoro for none).
func (t *TimerState) Start(now time.Time, topic string, readingItemID int64, p Pomodoro) error {
	if ph := t.Phase(); ph != TimerIdle {
		return timerInvalid("is already %s; stop it before starting another session", ph)
	}
	if now.IsZero() {
		return timerInvalid("cannot start without the current time")
	}
	next := TimerState{StartedAt: now.UTC(), RunningSince: now.UTC(), Topic: topic, ReadingItemID: readingItemID, Pomodoro: p}
	if err := next.Validate(); err != nil {
		return err
	}
	*t = next
	return nil
}

// Pause stops counting at now; Resume counts again.
func (t *TimerState) Pause(now time.Time) error {
	if ph := t.Phase(); ph != TimerRunning {
		return timerInvalid("is %s; only a running timer can be paused", ph)
	}
	t.Accumulated = t.Elapsed(now)
	t.RunningSince = time.Time{}
	return nil
}

// Resume continues a paused timer at now.
func (t *TimerState) Resume(now time.Time) error {
	if ph := t.Phase(); ph != TimerPaused {
		return timerInvalid("is %s; only a paused timer can be resumed", ph)
	}
	t.RunningSince = now.UTC()
	return nil
}

// Elapsed is the time the timer has run by now, pauses left out. An instant
// before the current run (the clock was set back) adds nothing.
func (t TimerState) Elapsed(now time.Time) time.Duration {
	if t.Phase() != TimerRunning {
		return t.Accumulated
	}
	return t.Accumulated + max(0, now.Sub(t.RunningSince))
}

// Studied is the study time that Stop would log at now: Elapsed, without the
// Pomodoro breaks when Pomodoro is on (a break is not study).
func (t TimerState) Studied(now time.Time) time.Duration {
	el := t.Elapsed(now)
	p := t.Pomodoro
	if !p.Enabled() || p.Work <= 0 {
		return el
	}
	cycle := p.Work + max(0, p.Break)
	return el/cycle*p.Work + min(el%cycle, p.Work)
}

// Stop ends the session at now and returns it to be stored; the timer goes
// back to idle. To keep a session found after a crash, pass the instant the
// user says they stopped. When the session is not valid (it counted nothing,
// or more than MaxStudySession) the timer is left as it was and the error
// says why, so the caller can offer another end time or discard it.
func (t *TimerState) Stop(now time.Time) (StudySession, error) {
	if t.Phase() == TimerIdle {
		return StudySession{}, timerInvalid("is not running; start it first")
	}
	s := StudySession{
		Start:         t.StartedAt.UTC(),
		Duration:      t.Studied(now).Round(time.Second),
		Topic:         t.Topic,
		ReadingItemID: t.ReadingItemID,
	}
	if err := s.Validate(timerLater(now, s.End())); err != nil {
		return StudySession{}, err
	}
	*t = TimerState{}
	return s, nil
}

func timerLater(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// Validate checks a timer read back from storage: idle means all zero; an
// open timer has a start, a non-negative count, a current run that does not
// precede the start, and valid text and Pomodoro.
func (t TimerState) Validate() error {
	if t.StartedAt.IsZero() {
		if t != (TimerState{}) {
			return timerInvalid("has no start but holds a session; discard it")
		}
		return nil
	}
	var errs []error
	if t.Accumulated < 0 {
		errs = append(errs, timerInvalid("has counted %s; the count cannot be negative", t.Accumulated))
	}
	if !t.RunningSince.IsZero() && t.RunningSince.Before(t.StartedAt) {
		errs = append(errs, timerInvalid("resumed at %s, before it started at %s", t.RunningSince.Format(time.RFC3339), t.StartedAt.Format(time.RFC3339)))
	}
	if err := CheckLine("topic", t.Topic, false, MaxNameLen); err != nil {
		errs = append(errs, err)
	}
	if t.ReadingItemID < 0 {
		errs = append(errs, Invalid("reading item", "is %d; choose an item from the list or none", t.ReadingItemID))
	}
	if err := t.Pomodoro.Validate(); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// PomodoroStatus is where a Pomodoro timer stands at one instant.
type PomodoroStatus struct {
	OnBreak    bool
	Round      int           // 1 for the first work period and the break after it
	Left       time.Duration // until the current period ends
	NextSwitch time.Time     // when it ends (UTC); zero while paused, as a paused timer does not switch
}

// PomodoroAt tells, at now, whether a Pomodoro timer is in work or break and
// when the next switch is (for the notification). ok is false when the timer
// is idle or has no Pomodoro.
func (t TimerState) PomodoroAt(now time.Time) (st PomodoroStatus, ok bool) {
	p := t.Pomodoro
	if t.Phase() == TimerIdle || !p.Enabled() || p.Work <= 0 {
		return PomodoroStatus{}, false
	}
	el := t.Elapsed(now)
	cycle := p.Work + max(0, p.Break)
	pos := el % cycle
	st.Round = int(el/cycle) + 1
	if pos < p.Work {
		st.Left = p.Work - pos
	} else {
		st.OnBreak = true
		st.Left = cycle - pos
	}
	if t.Phase() == TimerRunning {
		st.NextSwitch = timerLater(now, t.RunningSince).Add(st.Left).UTC()
	}
	return st, true
}
