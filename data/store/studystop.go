package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/masterplan-app/masterplan/data"
)

// StoppedTimer is what StopTimerOverlapping changed, which UndoStopTimer
// puts back.
type StoppedTimer struct {
	Timer   data.TimerState     // the timer as it was
	Logged  []data.StudySession // what was logged from it
	Removed []data.StudySession // the sessions it replaced
}

// StopTimerOverlapping stops the stored timer at instant at when its
// session overlaps sessions already logged (StopTimer refuses it): replace
// deletes those and logs the timer's session whole; otherwise both are
// kept, and only the timer's time they do not cover is logged
// (data.SessionGaps). One transaction.
func (s *Store) StopTimerOverlapping(ctx context.Context, at time.Time, replace bool) (StoppedTimer, error) {
	var out StoppedTimer
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		t, err := readTimer(ctx, tx)
		if err != nil {
			return err
		}
		out.Timer = t
		ss, err := t.Stop(at)
		if err != nil {
			return err
		}
		ss.Start, ss.Duration = ss.Start.Truncate(time.Second), ss.Duration.Round(time.Second)
		near, err := sessionsNear(ctx, tx, ss)
		if err != nil {
			return err
		}
		log := data.SessionGaps(ss, near)
		if replace {
			log = []data.StudySession{ss}
			for _, o := range data.Overlapping(ss, near) {
				if err := expectOne(tx.ExecContext(ctx, `DELETE FROM study_sessions WHERE id = ?`, o.ID)); err != nil {
					return err
				}
				out.Removed = append(out.Removed, o)
			}
			if err := adjustStudyDays(ctx, tx, out.Removed, nil); err != nil {
				return err
			}
		}
		if len(log) > 0 {
			if out.Logged, err = s.saveSessions(ctx, tx, log); err != nil {
				return err
			}
		}
		return putTimer(ctx, tx, data.TimerState{})
	})
	if err != nil {
		return out, fmt.Errorf("stop the study timer: %w", err)
	}
	return out, nil
}

// UndoStopTimer puts back what StopTimerOverlapping changed: the sessions
// it logged go, those it replaced return (with new IDs) and the timer runs
// again as it was. One transaction.
func (s *Store) UndoStopTimer(ctx context.Context, st StoppedTimer) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		for _, ss := range st.Logged {
			if err := expectOne(tx.ExecContext(ctx, `DELETE FROM study_sessions WHERE id = ?`, ss.ID)); err != nil {
				return err
			}
		}
		if err := adjustStudyDays(ctx, tx, st.Logged, nil); err != nil {
			return err
		}
		back := make([]data.StudySession, len(st.Removed))
		for i, ss := range st.Removed {
			ss.ID = 0
			back[i] = ss
		}
		if len(back) > 0 {
			if _, err := s.saveSessions(ctx, tx, back); err != nil {
				return err
			}
		}
		return putTimer(ctx, tx, st.Timer)
	})
	if err != nil {
		return fmt.Errorf("undo stopping the study timer: %w", err)
	}
	return nil
}

// readTimer reads the open timer in tx; a reading item it names that is
// gone is dropped, as StopTimer does.
func readTimer(ctx context.Context, tx *sql.Tx) (data.TimerState, error) {
	var raw string
	var t data.TimerState
	err := tx.QueryRowContext(ctx, `SELECT state FROM study_timer WHERE id = 1`).Scan(&raw)
	if errors.Is(err, sql.ErrNoRows) {
		return t, data.Invalid("timer", "is not running; start it first")
	}
	if err != nil {
		return t, err
	}
	if err := json.Unmarshal([]byte(raw), &t); err != nil {
		return t, fmt.Errorf("%w: %v", data.ErrInvalid, err)
	}
	if t.ReadingItemID > 0 {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM reading_items WHERE id = ?`, t.ReadingItemID).Scan(&n); err != nil {
			return t, err
		}
		if n == 0 {
			t.ReadingItemID = 0
		}
	}
	return t, nil
}
