package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/masterplan-app/masterplan/data"
)

// Kept data is what the store keeps beside the records it is worked out
// from, because working it out at every read would miss a speed target
// (docs/performance.md). This is the list, the one place that names it:
//
//   - study_days, study_day_topics, study_topics (migrations 00008, 00012):
//     study per day, per day and topic, and per topic, in the user's zone
//     (study_days_zone). Written in the same transaction as the sessions
//     by adjustStudyDays (saveSessions, DeleteStudySession, the JSON
//     import) and as the zone by keepStudyDaysInZone (SaveSettings).
//
// Each entry has a recount that VerifyKept compares and RebuildKept
// writes; nothing else may write these tables.

// What VerifyKept finds wrong; RebuildKept (masterplan dev rebuild) puts
// either right.
var (
	// ErrKeptDrift: kept data no longer matches a recount of its records,
	// which a write path that forgot it, or a hand edit, leaves.
	ErrKeptDrift = errors.New("the kept totals do not match their records")
	// ErrKeptStale: kept data is not kept for the settings it depends on
	// (a file from before it was kept, the computer's zone changed under
	// a user who set none). Reads work it out from the records meanwhile,
	// slower; the next write of its records keeps it again.
	ErrKeptStale = errors.New("the kept totals are not kept for the current settings")
)

// VerifyKept recounts every kept table from its records and compares, in
// one read transaction: nil when all match, else an error wrapping
// ErrKeptDrift or ErrKeptStale that says what differs. The app runs it after start-up,
// `masterplan dev verify` on demand, and the store's tests after each
// test that writes.
func (s *Store) VerifyKept(ctx context.Context) error {
	err := s.inReadTx(ctx, func(tx *sql.Tx) error { return verifyStudyDays(ctx, tx) })
	if err != nil {
		return fmt.Errorf("verify the kept totals: %w", err)
	}
	return nil
}

// RebuildKept works every kept table out again from its records, in one
// write transaction.
func (s *Store) RebuildKept(ctx context.Context) error {
	if err := s.inTx(ctx, func(tx *sql.Tx) error { return rebuildStudyDays(ctx, tx) }); err != nil {
		return fmt.Errorf("rebuild the kept totals: %w", err)
	}
	return nil
}

// verifyStudyDays holds the study totals to a sum of the sessions in the
// user's zone.
func verifyStudyDays(ctx context.Context, tx *sql.Tx) error {
	loc, err := userZone(ctx, tx)
	if err != nil {
		return err
	}
	kept, err := studyDaysZone(ctx, tx)
	if err != nil {
		return err
	}
	want, err := sumSessions(ctx, tx, loc)
	if err != nil {
		return err
	}
	if kept == "" && len(want) == 0 {
		return nil // nothing to keep yet
	}
	if kept != data.ZoneKey(loc) {
		return fmt.Errorf("%w: the study totals are not kept in the zone %s", ErrKeptStale, loc)
	}
	type dayTopic struct {
		day   int
		topic string
	}
	wantDayTopic, wantDay, wantTopic := map[dayTopic]int64{}, map[int]int64{}, map[string]int64{}
	for k, d := range want {
		secs, day := int64(d/time.Second), k.Day.DayNumber()
		wantDayTopic[dayTopic{day, k.Topic}] += secs
		wantDay[day] += secs
		wantTopic[data.TopicKey(k.Topic)] += secs
	}
	haveDayTopic, haveDay, haveTopic := map[dayTopic]int64{}, map[int]int64{}, map[string]int64{}
	if err := queryEach(ctx, tx, `SELECT day, topic, topic_key, seconds FROM study_day_topics`, func(r *sql.Rows) error {
		var k dayTopic
		var key string
		var secs int64
		if err := r.Scan(&k.day, &k.topic, &key, &secs); err != nil {
			return err
		}
		if key != data.TopicKey(k.topic) {
			return fmt.Errorf("%w: study of %s on %q is kept under the key %q", ErrKeptDrift, data.DateOfDayNumber(k.day), k.topic, key)
		}
		haveDayTopic[k] = secs
		return nil
	}); err != nil {
		return err
	}
	if err := readSeconds(ctx, tx, `SELECT day, seconds FROM study_days`, haveDay); err != nil {
		return err
	}
	if err := readSeconds(ctx, tx, `SELECT topic_key, seconds FROM study_topics`, haveTopic); err != nil {
		return err
	}
	if err := sameSeconds("study per day and topic", haveDayTopic, wantDayTopic); err != nil {
		return err
	}
	if err := sameSeconds("study per day", haveDay, wantDay); err != nil {
		return err
	}
	return sameSeconds("study per topic", haveTopic, wantTopic)
}

// readSeconds reads rows of a key and seconds into into.
func readSeconds[K comparable](ctx context.Context, tx *sql.Tx, query string, into map[K]int64) error {
	return queryEach(ctx, tx, query, func(r *sql.Rows) error {
		var k K
		var secs int64
		err := r.Scan(&k, &secs)
		into[k] = secs
		return err
	})
}

// sameSeconds compares kept totals with a recount: ErrKeptDrift naming
// the first difference found.
func sameSeconds[K comparable](what string, have, want map[K]int64) error {
	for k, w := range want {
		if h := have[k]; h != w {
			return fmt.Errorf("%w: %s %v is kept as %d s, the records sum to %d s", ErrKeptDrift, what, k, h, w)
		}
	}
	for k, h := range have {
		if _, ok := want[k]; !ok {
			return fmt.Errorf("%w: %s %v is kept as %d s, the records have none", ErrKeptDrift, what, k, h)
		}
	}
	return nil
}
