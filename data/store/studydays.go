package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/masterplan-app/masterplan/data"
)

// The per-day study totals of migrations 00008 and 00012 (listed with the
// other kept data in kept.go): kept in the user's time zone, and changed
// in the same transaction by every statement that writes a session
// (adjustStudyDays) or the zone (keepStudyDaysInZone). Reads never write:
// asked in another zone (the computer's zone changed under a user who set
// none), they sum the sessions instead.

// StudyTotals returns what the study sums show as of day today, days in
// zone loc: data.SumStudy of the kept per-day and per-topic totals, or of
// the sessions when the totals are kept in another zone.
func (s *Store) StudyTotals(ctx context.Context, loc *time.Location, today data.Date, streakMin time.Duration) (data.StudyTotals, error) {
	var out data.StudyTotals
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		var sessions int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM study_sessions`).Scan(&sessions); err != nil {
			return err
		}
		days, topics, err := studyDayTotals(ctx, tx, loc)
		out = data.SumStudy(days, topics, sessions, today, streakMin)
		return err
	})
	if err != nil {
		return data.StudyTotals{}, fmt.Errorf("read study totals: %w", err)
	}
	return out, nil
}

// studyDayTotals reads each day's study (in order) and each topic's in
// zone loc: from the kept totals when they are in loc, else summed from
// the sessions.
func studyDayTotals(ctx context.Context, tx *sql.Tx, loc *time.Location) ([]data.DayTotal, []data.TopicTotal, error) {
	kept, err := studyDaysZone(ctx, tx)
	if err != nil {
		return nil, nil, err
	}
	if kept != data.ZoneKey(loc) {
		byDayTopic, err := sumSessions(ctx, tx, loc)
		if err != nil {
			return nil, nil, err
		}
		days, topics := data.StudyDayTotals(byDayTopic, loc)
		return days, topics, nil
	}
	var days []data.DayTotal
	if err := queryEach(ctx, tx, `SELECT day, seconds FROM study_days ORDER BY day`, func(r *sql.Rows) error {
		var day int
		var secs int64
		err := r.Scan(&day, &secs)
		days = append(days, data.DayTotal{Day: data.DateOfDayNumber(day), Duration: time.Duration(secs) * time.Second})
		return err
	}); err != nil {
		return nil, nil, err
	}
	// Topics written differently are one; each is named as it was written
	// on its first day (see studyTopicsQuery).
	var topics []data.TopicTotal
	err = queryEach(ctx, tx, studyTopicsQuery, func(r *sql.Rows) error {
		var t data.TopicTotal
		var first int
		var secs int64
		err := r.Scan(&t.Topic, &first, &secs)
		t.Duration, t.First = time.Duration(secs)*time.Second, data.DateOfDayNumber(first).In(loc)
		topics = append(topics, t)
		return err
	})
	return days, topics, err
}

// studyTopicsQuery reads each topic's study (topics written differently
// are one) from the kept total, and its name as written on its first day
// and that day from the per-day totals' index, one seek each. Two
// spellings first used on the same day: the first in byte order names it,
// where StudyHoursByTopic takes the earlier session's.
const studyTopicsQuery = `SELECT
		(SELECT topic FROM study_day_topics d WHERE d.topic_key = t.topic_key ORDER BY day, topic LIMIT 1),
		(SELECT day FROM study_day_topics d WHERE d.topic_key = t.topic_key ORDER BY day, topic LIMIT 1),
		t.seconds
	FROM study_topics t`

// StudySince returns the study of each of topics (compared with
// data.TopicKey) on its day and after, days in zone loc, in one read:
// what the readiness forecast shows next to each topic's first attempt.
func (s *Store) StudySince(ctx context.Context, loc *time.Location, topics []data.TopicDay) (map[data.TopicDay]time.Duration, error) {
	out := make(map[data.TopicDay]time.Duration, len(topics))
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		kept, err := studyDaysZone(ctx, tx)
		if err != nil {
			return err
		}
		if kept != data.ZoneKey(loc) {
			byDayTopic, err := sumSessions(ctx, tx, loc)
			for _, t := range topics {
				out[t] = data.StudySinceOfDays(byDayTopic, t)
			}
			return err
		}
		// The topic's kept total less its study before the day: the days
		// before a first attempt are usually fewer than those after it.
		// Prepared once: parsing it again for each of twenty topics was
		// a third of the practice area's time on the heavy profile.
		since, err := tx.PrepareContext(ctx, `SELECT t.seconds - coalesce((SELECT sum(d.seconds) FROM study_day_topics d
				WHERE d.topic_key = t.topic_key AND d.day < ?2), 0)
			FROM study_topics t WHERE t.topic_key = ?1`)
		if err != nil {
			return err
		}
		defer since.Close()
		for _, t := range topics {
			var secs int64
			err := since.QueryRowContext(ctx, data.TopicKey(t.Topic), t.Day.DayNumber()).Scan(&secs)
			if err != nil && !errors.Is(err, sql.ErrNoRows) {
				return err
			}
			out[t] = time.Duration(secs) * time.Second
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read study since the first attempts: %w", err)
	}
	return out, nil
}

// studyDaysZone is the key of the zone the totals are in; "" when they
// are to be summed again.
func studyDaysZone(ctx context.Context, tx *sql.Tx) (string, error) {
	var key string
	err := tx.QueryRowContext(ctx, `SELECT zone FROM study_days_zone WHERE id = 1`).Scan(&key)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return key, err
}

// sumSessions sums every session per day in zone loc and per topic.
func sumSessions(ctx context.Context, tx *sql.Tx, loc *time.Location) (map[data.DayTopic]time.Duration, error) {
	var sessions []data.StudySession
	err := queryEach(ctx, tx, `SELECT unixepoch(start_utc), duration_s, topic FROM study_sessions ORDER BY start_utc, id`, func(r *sql.Rows) error {
		var start, secs int64
		var ss data.StudySession
		err := r.Scan(&start, &secs, &ss.Topic)
		ss.Start, ss.Duration = time.Unix(start, 0).UTC(), time.Duration(secs)*time.Second
		sessions = append(sessions, ss)
		return err
	})
	if err != nil {
		return nil, err
	}
	return data.StudyByDayTopic(sessions, loc), nil
}

// rebuildStudyDays sums every session again in the user's zone, replacing
// what the totals held.
func rebuildStudyDays(ctx context.Context, tx *sql.Tx) error {
	loc, err := userZone(ctx, tx)
	if err != nil {
		return err
	}
	byDayTopic, err := sumSessions(ctx, tx, loc)
	if err != nil {
		return err
	}
	for _, q := range []string{`DELETE FROM study_days`, `DELETE FROM study_day_topics`, `DELETE FROM study_topics`} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	if err := addStudy(ctx, tx, byDayTopic); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO study_days_zone (id, zone) VALUES (1, ?)
		ON CONFLICT (id) DO UPDATE SET zone = excluded.zone`, data.ZoneKey(loc))
	return err
}

// keepStudyDaysInZone sums the totals again when they are not in the
// user's zone: the statements that change the zone call it in their
// transaction.
func keepStudyDaysInZone(ctx context.Context, tx *sql.Tx) error {
	loc, err := userZone(ctx, tx)
	if err != nil {
		return err
	}
	kept, err := studyDaysZone(ctx, tx)
	if err != nil || kept == data.ZoneKey(loc) {
		return err
	}
	return rebuildStudyDays(ctx, tx)
}

// adjustStudyDays moves the totals by the sessions tx removed and added
// (only start, length and topic are read). Totals not in the user's zone
// (a new file, a file from before migration 00019's code, a zone changed
// by hand), or out of step with the sessions, are summed again instead.
func adjustStudyDays(ctx context.Context, tx *sql.Tx, removed, added []data.StudySession) error {
	kept, err := studyDaysZone(ctx, tx)
	if err != nil {
		return err
	}
	loc, err := userZone(ctx, tx)
	if err != nil {
		return err
	}
	if data.ZoneKey(loc) != kept {
		return rebuildStudyDays(ctx, tx)
	}
	deltas := data.StudyByDayTopic(added, loc)
	for k, d := range data.StudyByDayTopic(removed, loc) {
		deltas[k] -= d
	}
	if err := addStudy(ctx, tx, deltas); err != nil {
		if errors.Is(err, errOutOfStep) {
			return rebuildStudyDays(ctx, tx)
		}
		return err
	}
	return nil
}

// errOutOfStep means a total would fall below zero: it no longer matched
// the sessions (a file written by hand, say), so all are summed again.
var errOutOfStep = errors.New("the study totals are out of step with the sessions")

// addStudy adds time (negative to take it away) to the totals per day and
// topic, per day and per topic.
func addStudy(ctx context.Context, tx *sql.Tx, deltas map[data.DayTopic]time.Duration) error {
	perDay := map[int]int64{}
	perTopic := map[string]int64{}
	for k, d := range deltas {
		secs, day, key := int64(d/time.Second), k.Day.DayNumber(), data.TopicKey(k.Topic)
		perDay[day] += secs
		perTopic[key] += secs
		if err := addTotal(ctx, tx, "study_day_topics", "day = ? AND topic = ?", []any{day, k.Topic, key}, secs); err != nil {
			return fmt.Errorf("study of %s on %q: %w", k.Day, k.Topic, err)
		}
	}
	for day, secs := range perDay {
		if err := addTotal(ctx, tx, "study_days", "day = ?", []any{day}, secs); err != nil {
			return fmt.Errorf("study of %s: %w", data.DateOfDayNumber(day), err)
		}
	}
	for key, secs := range perTopic {
		if err := addTotal(ctx, tx, "study_topics", "topic_key = ?", []any{key}, secs); err != nil {
			return fmt.Errorf("study of topic %q: %w", key, err)
		}
	}
	return nil
}

// addTotal adds secs to the row of table that row (its columns before
// seconds) names: it adds the row, grows or shrinks it, or removes it when
// it reaches zero. where matches the row by its first columns, in order.
func addTotal(ctx context.Context, tx *sql.Tx, table, where string, row []any, secs int64) error {
	key := row[:strings.Count(where, "?")]
	switch {
	case secs > 0:
		marks := strings.Repeat("?, ", len(row)) + "?"
		_, err := tx.ExecContext(ctx, `INSERT INTO `+table+` VALUES (`+marks+`)
			ON CONFLICT DO UPDATE SET seconds = seconds + excluded.seconds`, append(slices.Clone(row), secs)...)
		return err
	case secs < 0:
		args := append(append([]any{secs}, key...), -secs)
		res, err := tx.ExecContext(ctx, `UPDATE `+table+` SET seconds = seconds + ? WHERE `+where+` AND seconds > ?`, args...)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n > 0 {
			return err
		}
		var left int64
		err = tx.QueryRowContext(ctx, `DELETE FROM `+table+` WHERE `+where+` RETURNING seconds`, key...).Scan(&left)
		if errors.Is(err, sql.ErrNoRows) || (err == nil && left != -secs) {
			return errOutOfStep
		}
		return err
	}
	return nil
}
