package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/masterplan-app/masterplan/data"
)

// checkOverlaps refuses a batch of sessions about to be saved when one of
// them overlaps a stored session or an earlier one of the batch
// (data.CheckSessionOverlap), naming the session overlapped in the user's
// zone. Every write of sessions (log, timer, form, import) goes through
// saveSessions, which calls it, so none can store two sessions at once.
func checkOverlaps(ctx context.Context, tx *sql.Tx, sessions []data.StudySession) error {
	loc, err := userZone(ctx, tx)
	if err != nil {
		return err
	}
	batch := data.NewSessionTimeline(nil)
	for i, ss := range sessions {
		ss.Start = ss.Start.UTC().Truncate(time.Second) // as saveSessions stores it
		ss.Duration = ss.Duration.Round(time.Second)
		stored, err := sessionsNear(ctx, tx, ss)
		if err != nil {
			return err
		}
		err = data.CheckSessionOverlap(ss, stored, loc)
		if o, ok := batch.Overlap(ss); err == nil && ok {
			err = data.OverlapError(ss, o, loc)
		}
		if err != nil {
			if len(sessions) > 1 {
				return fmt.Errorf("session %d of %d: %w", i+1, len(sessions), err)
			}
			return err
		}
		batch.Add(ss)
	}
	return nil
}

// sessionsNear reads the stored sessions that could overlap ss: those
// starting before it ends and less than the longest session before it
// starts (the start index serves the range), other than ss itself.
func sessionsNear(ctx context.Context, tx *sql.Tx, ss data.StudySession) ([]data.StudySession, error) {
	rows, err := tx.QueryContext(ctx, `SELECT `+sessionColumns+` FROM study_sessions WHERE start_utc > ? AND start_utc < ? AND id != ?`,
		ss.Start.Add(-data.MaxStudySession).Format(startLayout), ss.End().Format(startLayout), ss.ID)
	if err != nil {
		return nil, fmt.Errorf("read the sessions near %s: %w", ss.Start.Format(startLayout), err)
	}
	defer rows.Close()
	var out []data.StudySession
	for rows.Next() {
		s, err := scanSession(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
