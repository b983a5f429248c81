package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	"github.com/masterplan-app/masterplan/data"
)

// TopicMergeOffers lists the practice topics of rotation rotationID that a
// study or reading topic of a similar name (data.SimilarTopicNames) could
// be merged into, without the offers the user dismissed.
func (s *Store) TopicMergeOffers(ctx context.Context, rotationID int64) ([]data.TopicMergeOffer, error) {
	var out []data.TopicMergeOffer
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		practice, err := topics(ctx, tx, rotationID)
		if err != nil {
			return err
		}
		others, err := otherTopicNames(ctx, tx)
		if err != nil {
			return err
		}
		slices.Sort(others)
		type pair struct {
			id  int64
			key string
		}
		dismissed := map[pair]bool{}
		err = queryEach(ctx, tx, `SELECT topic_id, other_key FROM topic_merge_dismissed`, func(rows *sql.Rows) error {
			var id int64
			var key string
			err := rows.Scan(&id, &key)
			dismissed[pair{id, key}] = true
			return err
		})
		out = data.TopicMergeOffers(practice, others, func(id int64, key string) bool { return dismissed[pair{id, key}] })
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("read the topics to merge: %w", classify(err))
	}
	return out, nil
}

// DismissTopicMerge remembers that the user does not want other merged
// into practice topic topicID: the offer is not made again.
func (s *Store) DismissTopicMerge(ctx context.Context, topicID int64, other string) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO topic_merge_dismissed (topic_id, other_key) VALUES (?, ?)`, topicID, data.TopicKey(other))
		return err
	})
	if err != nil {
		return fmt.Errorf("dismiss merging %q into topic %d: %w", other, topicID, classify(err))
	}
	return nil
}

// MergeTopicName gives the reading items and study sessions of topic other
// (a study or reading topic, not a practice one) the name of practice
// topic into, in one transaction, so their hours count next to its scores.
// The change returned undoes it (UndoTopicChange).
func (s *Store) MergeTopicName(ctx context.Context, rotationID int64, other string, into int64) (TopicChange, error) {
	change := TopicChange{rotationID: rotationID}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		ts, err := topics(ctx, tx, rotationID)
		if err != nil {
			return err
		}
		i := slices.IndexFunc(ts, func(t data.Topic) bool { return t.ID == into })
		if i < 0 {
			return fmt.Errorf("topic %d: %w", into, data.ErrNotFound)
		}
		change.reading, change.sessions, err = moveTopicText(ctx, tx, other, ts[i].Name)
		return err
	})
	if err != nil {
		return TopicChange{}, fmt.Errorf("merge %q into topic %d: %w", other, into, err)
	}
	return change, nil
}
