package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/masterplan-app/masterplan/data"
)

// TopicChoices is the one list of topics every topic control offers (the
// reading form, the study timer and log, practice): rotation rotationID's
// practice topics first, then every other topic the reading list and the
// study sessions name (data.TopicChoices).
func (s *Store) TopicChoices(ctx context.Context, rotationID int64) ([]string, error) {
	var out []string
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		practice, err := topics(ctx, tx, rotationID)
		if err != nil {
			return err
		}
		others, err := otherTopicNames(ctx, tx)
		out = data.TopicChoices(practice, others)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("read the topic choices: %w", classify(err))
	}
	return out, nil
}

// otherTopicNames lists the topics the reading list (deleted items
// included: undo brings them back) and the study sessions name, each
// spelling once.
func otherTopicNames(ctx context.Context, tx *sql.Tx) ([]string, error) {
	var out []string
	err := queryEach(ctx, tx, `SELECT topic FROM reading_items WHERE topic <> ''
		UNION SELECT topic FROM study_sessions WHERE topic <> ''`, func(rows *sql.Rows) error {
		var name string
		if err := rows.Scan(&name); err != nil {
			return err
		}
		out = append(out, strings.TrimSpace(name))
		return nil
	})
	return out, err
}

// movedText is the topic text of reading items or study sessions before a
// merge or rename moved it, by row id, so that undo can put each back.
type movedText map[int64]string

// moveTopicText gives the reading items and study sessions written with
// topic from (compared with data.TopicKey) the topic to, in tx: renaming
// or merging a topic moves its reading and its study hours with its
// scores, so the hours studied since a first attempt stay next to it. The
// kept study totals are keyed by topic, so they are summed again. It
// returns what each moved row said before.
func moveTopicText(ctx context.Context, tx *sql.Tx, from, to string) (reading, sessions movedText, err error) {
	key := data.TopicKey(from)
	if key == "" || from == to {
		return nil, nil, nil
	}
	moved := map[string]movedText{}
	for _, table := range []string{"reading_items", "study_sessions"} {
		before := movedText{}
		err := queryEach(ctx, tx, `SELECT id, topic FROM `+table+` WHERE topic <> ''`, func(rows *sql.Rows) error {
			var id int64
			var topic string
			if err := rows.Scan(&id, &topic); err != nil {
				return err
			}
			if data.TopicKey(topic) == key && topic != to {
				before[id] = topic
			}
			return nil
		})
		if err != nil {
			return nil, nil, fmt.Errorf("move the topic %q of %s: %w", from, table, err)
		}
		text := make(movedText, len(before))
		for id := range before {
			text[id] = to
		}
		if err := setTopicText(ctx, tx, table, text); err != nil {
			return nil, nil, fmt.Errorf("move the topic %q: %w", from, err)
		}
		moved[table] = before
	}
	return moved["reading_items"], moved["study_sessions"], nil
}

// setTopicText sets the topic of each row of table (reading_items or
// study_sessions) by id, in tx; a row deleted since is skipped. Sessions
// moved make the kept study totals be summed again.
func setTopicText(ctx context.Context, tx *sql.Tx, table string, text movedText) error {
	for id, topic := range text {
		if _, err := tx.ExecContext(ctx, `UPDATE `+table+` SET topic = ? WHERE id = ?`, topic, id); err != nil {
			return fmt.Errorf("%s %d: %w", table, id, err)
		}
	}
	if table == "study_sessions" && len(text) > 0 {
		return rebuildStudyDays(ctx, tx)
	}
	return nil
}
