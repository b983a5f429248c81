package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/masterplan-app/masterplan/data"
)

// moveTopicText gives the reading items and study sessions written with
// topic from (compared with data.TopicKey) the topic to, in tx: renaming
// or merging a topic moves its reading and its study hours with its
// scores, so the hours studied since a first attempt stay next to it. The
// kept study totals are keyed by topic, so they are summed again at the
// next read.
func moveTopicText(ctx context.Context, tx *sql.Tx, from, to string) error {
	key := data.TopicKey(from)
	if key == "" || from == to {
		return nil
	}
	for _, table := range []string{"reading_items", "study_sessions"} {
		var ids []int64
		err := queryEach(ctx, tx, `SELECT id, topic FROM `+table+` WHERE topic <> ''`, func(rows *sql.Rows) error {
			var id int64
			var topic string
			if err := rows.Scan(&id, &topic); err != nil {
				return err
			}
			if data.TopicKey(topic) == key {
				ids = append(ids, id)
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("move the topic %q of %s: %w", from, table, err)
		}
		for _, id := range ids {
			if _, err := tx.ExecContext(ctx, `UPDATE `+table+` SET topic = ? WHERE id = ?`, to, id); err != nil {
				return fmt.Errorf("move the topic %q of %s %d: %w", from, table, id, err)
			}
		}
		if table == "study_sessions" && len(ids) > 0 {
			if err := rebuildStudyDays(ctx, tx); err != nil {
				return err
			}
		}
	}
	return nil
}
