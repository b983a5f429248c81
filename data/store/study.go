package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/masterplan-app/masterplan/data"
)

// startLayout is how a session's start is stored: fixed-width UTC text, so
// text order is time order (see migration 00006).
const startLayout = "2006-01-02T15:04:05Z"

// Study setting keys (the weekly goal is one of the user-wide settings).
const (
	KeyStudyStreakMinimum = "study.streak_minimum_minutes"
	KeyPomodoroWork       = "study.pomodoro_work_minutes"
	KeyPomodoroBreak      = "study.pomodoro_break_minutes"
	KeyPomodoroEnabled    = "study.pomodoro_enabled"
)

// StudyOptions are the study area's settings.
type StudyOptions struct {
	StreakMinimum   time.Duration // a day counts for the streak from this much study
	Pomodoro        data.Pomodoro // lengths used when Pomodoro is on
	PomodoroEnabled bool          // new timers start in Pomodoro mode
}

// DefaultStudyOptions are the options of a user who never changed them.
func DefaultStudyOptions() StudyOptions {
	return StudyOptions{StreakMinimum: data.DefaultStreakMinimum, Pomodoro: data.DefaultPomodoro()}
}

// Validate accepts a streak minimum of 1 minute to 24 hours and a valid Pomodoro.
func (o StudyOptions) Validate() error {
	var errs []error
	if o.StreakMinimum < time.Minute || o.StreakMinimum > data.MaxStudySession {
		errs = append(errs, data.Invalid("streak minimum", "is %s; a day counts from 1 minute to 24 hours of study (15m is usual)",
			data.FormatStudyDuration(o.StreakMinimum)))
	}
	if !o.Pomodoro.Enabled() {
		errs = append(errs, data.Invalid("work", "is not set; a Pomodoro needs work and break lengths, e.g. 25m and 5m"))
	}
	errs = append(errs, o.Pomodoro.Validate())
	return errors.Join(errs...)
}

// TimerPomodoro is the Pomodoro a new timer starts with: none when it is off.
func (o StudyOptions) TimerPomodoro() data.Pomodoro {
	if o.PomodoroEnabled {
		return o.Pomodoro
	}
	return data.Pomodoro{}
}

// StudyOptions reads the study settings, with defaults for what was never
// set or no longer reads as a valid value.
func (s *Store) StudyOptions(ctx context.Context) (StudyOptions, error) {
	o := DefaultStudyOptions()
	minutes := func(key string, into *time.Duration) error {
		v, ok, err := s.Setting(ctx, key)
		if err != nil || !ok {
			return err
		}
		if n, err := strconv.Atoi(v); err == nil && n > 0 {
			*into = time.Duration(n) * time.Minute
		}
		return nil
	}
	for key, into := range map[string]*time.Duration{
		KeyStudyStreakMinimum: &o.StreakMinimum, KeyPomodoroWork: &o.Pomodoro.Work, KeyPomodoroBreak: &o.Pomodoro.Break,
	} {
		if err := minutes(key, into); err != nil {
			return o, err
		}
	}
	v, ok, err := s.Setting(ctx, KeyPomodoroEnabled)
	if err != nil {
		return o, err
	}
	if ok {
		o.PomodoroEnabled, _ = strconv.ParseBool(v)
	}
	if o.Validate() != nil {
		// Edited by hand into something unusable: fall back rather than
		// refuse to show the screen.
		return DefaultStudyOptions(), nil
	}
	return o, nil
}

// SaveStudyOptions validates and stores the study settings in one
// transaction. Lengths are kept in whole minutes.
func (s *Store) SaveStudyOptions(ctx context.Context, o StudyOptions) error {
	return s.saveStudyOptions(ctx, o, nil)
}

// SaveStudySettings stores the study settings and the weekly goal (one of
// the user-wide settings, also edited on the Study screen) in one
// transaction: both are checked first, and both land or neither does.
func (s *Store) SaveStudySettings(ctx context.Context, o StudyOptions, weeklyGoalHours float64) error {
	set, err := s.Settings(ctx)
	if err != nil {
		return err
	}
	set.WeeklyGoalHours = weeklyGoalHours
	var goalErr error
	for _, fe := range data.FieldErrors(set.Validate()) {
		if fe.Field == "weekly goal" {
			goalErr = fe
		}
	}
	if err := errors.Join(goalErr, o.Validate()); err != nil {
		return fmt.Errorf("save study settings: %w", err)
	}
	return s.saveStudyOptions(ctx, o, map[string]string{keyWeeklyGoal: strconv.FormatFloat(weeklyGoalHours, 'f', -1, 64)})
}

func (s *Store) saveStudyOptions(ctx context.Context, o StudyOptions, also map[string]string) error {
	if err := o.Validate(); err != nil {
		return fmt.Errorf("save study settings: %w", err)
	}
	values := map[string]string{
		KeyStudyStreakMinimum: strconv.Itoa(int(o.StreakMinimum / time.Minute)),
		KeyPomodoroWork:       strconv.Itoa(int(o.Pomodoro.Work / time.Minute)),
		KeyPomodoroBreak:      strconv.Itoa(int(o.Pomodoro.Break / time.Minute)),
		KeyPomodoroEnabled:    strconv.FormatBool(o.PomodoroEnabled),
	}
	for k, v := range also {
		values[k] = v
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		for k, v := range values {
			if err := putSetting(ctx, tx, k, v); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("save study settings: %w", err)
	}
	return nil
}

const sessionColumns = `id, start_utc, duration_s, topic, coalesce(reading_item_id, 0), note`

// StudySessions returns the sessions that start in [from, to), ordered by
// start; a zero from or to leaves that side open.
func (s *Store) StudySessions(ctx context.Context, from, to time.Time) ([]data.StudySession, error) {
	q := `SELECT ` + sessionColumns + ` FROM study_sessions WHERE 1=1`
	var args []any
	if !from.IsZero() {
		// Stored starts are whole seconds: a from within a second starts at the next one.
		q += ` AND start_utc >= ?`
		args = append(args, ceilSecond(from).UTC().Format(startLayout))
	}
	if !to.IsZero() {
		q += ` AND start_utc < ?`
		args = append(args, ceilSecond(to).UTC().Format(startLayout))
	}
	out, err := s.readSessions(ctx, q+` ORDER BY start_utc, id`, args...)
	if err != nil {
		return nil, fmt.Errorf("read study sessions: %w", err)
	}
	return out, nil
}

// StudySessionsNewestFirst returns up to limit sessions, newest first,
// skipping the offset newest: one page of the study list.
func (s *Store) StudySessionsNewestFirst(ctx context.Context, offset, limit int) ([]data.StudySession, error) {
	out, err := s.readSessions(ctx, `SELECT `+sessionColumns+` FROM study_sessions
		ORDER BY start_utc DESC, id DESC LIMIT ? OFFSET ?`, limit, offset)
	if err != nil {
		return nil, fmt.Errorf("read study sessions %d to %d: %w", offset+1, offset+limit, err)
	}
	return out, nil
}

// readSessions runs query, which selects sessionColumns, into sessions.
func (s *Store) readSessions(ctx context.Context, query string, args ...any) ([]data.StudySession, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, classify(err)
	}
	defer rows.Close()
	out := []data.StudySession{}
	for rows.Next() {
		ss, err := scanSession(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, ss)
	}
	if err := rows.Err(); err != nil {
		return nil, classify(err)
	}
	return out, nil
}

func ceilSecond(t time.Time) time.Time {
	if tr := t.Truncate(time.Second); !tr.Equal(t) {
		return tr.Add(time.Second)
	}
	return t
}

// StudySession returns one session by id.
func (s *Store) StudySession(ctx context.Context, id int64) (data.StudySession, error) {
	row := s.db.QueryRowContext(ctx, `SELECT `+sessionColumns+` FROM study_sessions WHERE id = ?`, id)
	ss, err := scanSession(row)
	if errors.Is(err, sql.ErrNoRows) {
		return ss, fmt.Errorf("study session %d: %w", id, data.ErrNotFound)
	}
	if err != nil {
		return ss, fmt.Errorf("read study session %d: %w", id, classify(err))
	}
	return ss, nil
}

func scanSession(row interface{ Scan(...any) error }) (data.StudySession, error) {
	var ss data.StudySession
	var start string
	var secs int64
	if err := row.Scan(&ss.ID, &start, &secs, &ss.Topic, &ss.ReadingItemID, &ss.Note); err != nil {
		return ss, err
	}
	t, err := time.Parse(startLayout, start)
	if err != nil {
		return ss, fmt.Errorf("session %d has start %q: %w", ss.ID, start, data.ErrInvalid)
	}
	ss.Start, ss.Duration = t, time.Duration(secs)*time.Second
	return ss, nil
}

// SaveStudySession validates a session at the store's clock and adds it
// (ID 0) or changes it.
func (s *Store) SaveStudySession(ctx context.Context, ss data.StudySession) (data.StudySession, error) {
	var out []data.StudySession
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = s.saveSessions(ctx, tx, []data.StudySession{ss})
		return err
	})
	if err != nil {
		return ss, fmt.Errorf("save study session: %w", err)
	}
	return out[0], nil
}

// AddStudySessions adds several sessions (an import): all land or none does.
func (s *Store) AddStudySessions(ctx context.Context, sessions []data.StudySession) ([]data.StudySession, error) {
	var out []data.StudySession
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = s.saveSessions(ctx, tx, sessions)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("add study sessions: %w", err)
	}
	return out, nil
}

func (s *Store) saveSessions(ctx context.Context, tx *sql.Tx, sessions []data.StudySession) ([]data.StudySession, error) {
	out := make([]data.StudySession, 0, len(sessions))
	var removed []data.StudySession // the changed sessions as they were
	now := s.now()
	if err := checkOverlaps(ctx, tx, sessions); err != nil {
		return nil, err
	}
	for i, ss := range sessions {
		// Stored to the second: the start is truncated and the length rounded
		// before validation, so what is checked is what is kept.
		ss.Start = ss.Start.UTC().Truncate(time.Second)
		ss.Duration = ss.Duration.Round(time.Second)
		if err := ss.Validate(now); err != nil {
			if len(sessions) > 1 {
				return nil, fmt.Errorf("session %d of %d: %w", i+1, len(sessions), err)
			}
			return nil, err
		}
		ss.Topic, ss.Note = strings.TrimSpace(ss.Topic), strings.TrimSpace(ss.Note)
		item := sql.NullInt64{Int64: ss.ReadingItemID, Valid: ss.ReadingItemID > 0}
		start, secs := ss.Start.Format(startLayout), int64(ss.Duration/time.Second)
		var err error
		if ss.ID == 0 {
			var res sql.Result
			res, err = tx.ExecContext(ctx, `INSERT INTO study_sessions (start_utc, duration_s, topic, reading_item_id, note)
				VALUES (?, ?, ?, ?, ?)`, start, secs, ss.Topic, item, ss.Note)
			if err == nil {
				ss.ID, err = res.LastInsertId()
			}
		} else {
			var was data.StudySession
			if was, err = scanSession(tx.QueryRowContext(ctx, `SELECT `+sessionColumns+` FROM study_sessions WHERE id = ?`, ss.ID)); errors.Is(err, sql.ErrNoRows) {
				return nil, fmt.Errorf("study session %d: %w", ss.ID, data.ErrNotFound)
			}
			if err == nil {
				removed = append(removed, was)
				err = expectOne(tx.ExecContext(ctx, `UPDATE study_sessions SET start_utc = ?, duration_s = ?, topic = ?,
				reading_item_id = ?, note = ? WHERE id = ?`, start, secs, ss.Topic, item, ss.Note, ss.ID))
			}
		}
		if err != nil && strings.Contains(err.Error(), "FOREIGN KEY constraint failed") {
			return nil, data.Invalid("reading item", "%d is not on the reading list (it may have been deleted); choose another or none", ss.ReadingItemID)
		}
		if err != nil {
			return nil, fmt.Errorf("session starting %s: %w", start, err)
		}
		out = append(out, ss)
	}
	if err := adjustStudyDays(ctx, tx, removed, out); err != nil {
		return nil, err
	}
	return out, nil
}

// DeleteStudySession removes a session and returns it, so the caller can
// offer to undo (save it again with ID 0).
func (s *Store) DeleteStudySession(ctx context.Context, id int64) (data.StudySession, error) {
	var ss data.StudySession
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		ss, err = scanSession(tx.QueryRowContext(ctx, `SELECT `+sessionColumns+` FROM study_sessions WHERE id = ?`, id))
		if errors.Is(err, sql.ErrNoRows) {
			return data.ErrNotFound
		}
		if err != nil {
			return err
		}
		if err := expectOne(tx.ExecContext(ctx, `DELETE FROM study_sessions WHERE id = ?`, id)); err != nil {
			return err
		}
		return adjustStudyDays(ctx, tx, []data.StudySession{ss}, nil)
	})
	if err != nil {
		return ss, fmt.Errorf("delete study session %d: %w", id, err)
	}
	return ss, nil
}

// Timer reads the study timer; the zero TimerState when none is open. A row
// that no longer reads as a valid timer is reported as data.ErrInvalid, so
// the app can offer to discard it.
func (s *Store) Timer(ctx context.Context) (data.TimerState, error) {
	var raw string
	err := s.db.QueryRowContext(ctx, `SELECT state FROM study_timer WHERE id = 1`).Scan(&raw)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return data.TimerState{}, nil
	case err != nil:
		return data.TimerState{}, fmt.Errorf("read the study timer: %w", classify(err))
	}
	var t data.TimerState
	if err := json.Unmarshal([]byte(raw), &t); err != nil {
		return data.TimerState{}, fmt.Errorf("read the study timer: %w: %v", data.ErrInvalid, err)
	}
	if err := t.Validate(); err != nil {
		return data.TimerState{}, fmt.Errorf("read the study timer: %w", err)
	}
	return t, nil
}

// SaveTimer stores the timer after each change (start, pause, resume); an
// idle timer removes the row. Writing at each change, not at each tick, is
// what lets a crash lose nothing.
func (s *Store) SaveTimer(ctx context.Context, t data.TimerState) error {
	if err := t.Validate(); err != nil {
		return fmt.Errorf("save the study timer: %w", err)
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error { return putTimer(ctx, tx, t) })
	if err != nil {
		return fmt.Errorf("save the study timer: %w", err)
	}
	return nil
}

func putTimer(ctx context.Context, tx *sql.Tx, t data.TimerState) error {
	if t.Phase() == data.TimerIdle {
		_, err := tx.ExecContext(ctx, `DELETE FROM study_timer`)
		return err
	}
	b, err := json.Marshal(t)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO study_timer (id, state) VALUES (1, ?)
		ON CONFLICT (id) DO UPDATE SET state = excluded.state`, string(b))
	return err
}

// StopTimer stops the stored timer at instant at, then logs the session and
// clears the timer in one transaction, so the time is never logged twice
// nor lost. A reading item deleted while the timer ran is left out. The
// session's note is note. When the session is not valid (nothing counted,
// more than a day) nothing changes and the error says why.
func (s *Store) StopTimer(ctx context.Context, at time.Time, note string) (data.StudySession, error) {
	var out data.StudySession
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var raw string
		err := tx.QueryRowContext(ctx, `SELECT state FROM study_timer WHERE id = 1`).Scan(&raw)
		if errors.Is(err, sql.ErrNoRows) {
			return data.Invalid("timer", "is not running; start it first")
		}
		if err != nil {
			return err
		}
		var t data.TimerState
		if err := json.Unmarshal([]byte(raw), &t); err != nil {
			return fmt.Errorf("%w: %v", data.ErrInvalid, err)
		}
		if t.ReadingItemID > 0 {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM reading_items WHERE id = ?`, t.ReadingItemID).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				t.ReadingItemID = 0
			}
		}
		ss, err := t.Stop(at)
		if err != nil {
			return err
		}
		ss.Note = note
		saved, err := s.saveSessions(ctx, tx, []data.StudySession{ss})
		if err != nil {
			return err
		}
		out = saved[0]
		return putTimer(ctx, tx, t)
	})
	if err != nil {
		return out, fmt.Errorf("stop the study timer: %w", err)
	}
	return out, nil
}
