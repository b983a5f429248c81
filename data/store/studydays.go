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

// The per-day study totals of migration 00008: every statement that writes
// a session changes them in the same transaction (adjustStudyDays), so
// they are never a stale copy; they are summed again from the sessions
// only when they are in another zone than the one asked for.

// StudyTotals returns what the study sums show as of day today, days in
// zone loc: study per day over the last data.StudyDaysShown days, the
// streaks of days with at least streakMin (data.DefaultStreakMinimum when
// 0 or less), study per topic and in all, and the number of sessions. SQL
// sums the per-day totals; only the recent days and the topics come back.
func (s *Store) StudyTotals(ctx context.Context, loc *time.Location, today data.Date, streakMin time.Duration) (data.StudyTotals, error) {
	if streakMin <= 0 {
		streakMin = data.DefaultStreakMinimum
	}
	out := data.StudyTotals{Recent: map[data.Date]time.Duration{}}
	err := s.readStudyDays(ctx, loc, func(tx *sql.Tx) error {
		var total int64
		if err := tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM study_sessions), coalesce(sum(seconds), 0) FROM study_days`).
			Scan(&out.Sessions, &total); err != nil {
			return err
		}
		out.Total = time.Duration(total) * time.Second
		first := today.AddDays(1 - data.StudyDaysShown).DayNumber()
		if err := queryEach(ctx, tx, `SELECT day, seconds FROM study_days WHERE day BETWEEN ? AND ?`, func(r *sql.Rows) error {
			var day int
			var secs int64
			if err := r.Scan(&day, &secs); err != nil {
				return err
			}
			out.Recent[data.DateOfDayNumber(day)] = time.Duration(secs) * time.Second
			return nil
		}, first, today.DayNumber()); err != nil {
			return err
		}
		// The days that count for the streak, in order: the ten years'
		// 3,650 small rows read faster than SQL's window query counts them.
		var counted []data.Date
		if err := queryEach(ctx, tx, `SELECT day FROM study_days WHERE day <= ? AND seconds >= ? ORDER BY day`, func(r *sql.Rows) error {
			var day int
			if err := r.Scan(&day); err != nil {
				return err
			}
			counted = append(counted, data.DateOfDayNumber(day))
			return nil
		}, today.DayNumber(), int64((streakMin+time.Second-1)/time.Second)); err != nil {
			return err
		}
		out.Streak = data.StreakOfDays(counted, today)
		// Topics written differently are one; each is named as it was
		// written on its first day (see studyTopicsQuery).
		var topics []data.TopicTotal
		if err := queryEach(ctx, tx, studyTopicsQuery, func(r *sql.Rows) error {
			var t data.TopicTotal
			var first int
			var secs int64
			if err := r.Scan(&t.Topic, &first, &secs); err != nil {
				return err
			}
			t.Duration, t.First = time.Duration(secs)*time.Second, data.DateOfDayNumber(first).In(loc)
			topics = append(topics, t)
			return nil
		}); err != nil {
			return err
		}
		out.Topics = data.GroupTopicHours(topics)
		return nil
	})
	if err != nil {
		return data.StudyTotals{}, fmt.Errorf("read study totals: %w", err)
	}
	return out, nil
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
	err := s.readStudyDays(ctx, loc, func(tx *sql.Tx) error {
		for _, t := range topics {
			// The topic's kept total less its study before the day: the
			// days before a first attempt are usually fewer than those
			// after it.
			var secs int64
			err := tx.QueryRowContext(ctx, `SELECT t.seconds - coalesce((SELECT sum(d.seconds) FROM study_day_topics d
					WHERE d.topic_key = t.topic_key AND d.day < ?2), 0)
				FROM study_topics t WHERE t.topic_key = ?1`,
				data.TopicKey(t.Topic), t.Day.DayNumber()).Scan(&secs)
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

// readStudyDays runs read in one read transaction in which the totals are
// in zone loc, summing them again first when they are not.
func (s *Store) readStudyDays(ctx context.Context, loc *time.Location, read func(tx *sql.Tx) error) error {
	key := data.ZoneKey(loc)
	return s.readKept(ctx, "the time zone",
		func(tx *sql.Tx) (bool, error) {
			have, err := studyDaysZone(ctx, tx)
			return have == key, err
		},
		func(tx *sql.Tx) error { return sumStudyDays(ctx, tx, loc, key) },
		read)
}

// readKept is how totals kept beside their records are read: read runs in
// a read transaction in which fresh reports them current; when they are
// not, workOut makes them so in a write transaction first. Another process
// may change what they depend on (named by what) between the two; then
// again, a few times at most.
func (s *Store) readKept(ctx context.Context, what string, fresh func(*sql.Tx) (bool, error), workOut, read func(*sql.Tx) error) error {
	for range 3 {
		stale := false
		err := s.inReadTx(ctx, func(tx *sql.Tx) error {
			ok, err := fresh(tx)
			if err != nil || !ok {
				stale = err == nil
				return err
			}
			return read(tx)
		})
		if err != nil || !stale {
			return err
		}
		if err := s.inTx(ctx, workOut); err != nil {
			return fmt.Errorf("work the totals out again: %w", err)
		}
	}
	return fmt.Errorf("%s kept changing while the totals were worked out; try again", what)
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

// sumStudyDays sums every session per day in zone loc (named key) and per
// topic, replacing what the totals held.
func sumStudyDays(ctx context.Context, tx *sql.Tx, loc *time.Location, key string) error {
	if have, err := studyDaysZone(ctx, tx); err != nil || have == key {
		return err // another process summed them meanwhile
	}
	var sessions []data.StudySession
	if err := queryEach(ctx, tx, `SELECT unixepoch(start_utc), duration_s, topic FROM study_sessions ORDER BY start_utc, id`, func(r *sql.Rows) error {
		var start, secs int64
		var ss data.StudySession
		if err := r.Scan(&start, &secs, &ss.Topic); err != nil {
			return err
		}
		ss.Start, ss.Duration = time.Unix(start, 0).UTC(), time.Duration(secs)*time.Second
		sessions = append(sessions, ss)
		return nil
	}); err != nil {
		return err
	}
	for _, q := range []string{`DELETE FROM study_days`, `DELETE FROM study_day_topics`, `DELETE FROM study_topics`} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	if err := addStudy(ctx, tx, data.StudyByDayTopic(sessions, loc)); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO study_days_zone (id, zone) VALUES (1, ?)
		ON CONFLICT (id) DO UPDATE SET zone = excluded.zone`, key)
	return err
}

// adjustStudyDays moves the totals by the sessions tx removed and added
// (only start, length and topic are read). Totals in another zone than the
// user's are dropped instead, to be summed again at the next read.
func adjustStudyDays(ctx context.Context, tx *sql.Tx, removed, added []data.StudySession) error {
	have, err := studyDaysZone(ctx, tx)
	if err != nil || have == "" {
		return err
	}
	loc, err := userZone(ctx, tx)
	if err != nil {
		return err
	}
	if data.ZoneKey(loc) != have {
		return dropStudyDays(ctx, tx)
	}
	deltas := data.StudyByDayTopic(added, loc)
	for k, d := range data.StudyByDayTopic(removed, loc) {
		deltas[k] -= d
	}
	if err := addStudy(ctx, tx, deltas); err != nil {
		if errors.Is(err, errOutOfStep) {
			return dropStudyDays(ctx, tx)
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

// dropStudyDays marks the totals for summing again at the next read.
func dropStudyDays(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `DELETE FROM study_days_zone`)
	return err
}
