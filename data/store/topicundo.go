package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/masterplan-app/masterplan/data"
)

// TopicChange is what a merge or a rename of topics changed, kept by the
// screen that made it so that UndoTopicChange puts every reading item,
// study session and score back where it was: the rows moved are named by
// id, not found again by name (a merge mixes them with the kept topic's).
type TopicChange struct {
	rotationID int64
	// removed is the topic a merge deleted, with its exams; zero when the
	// merge took a study topic (no row) or for a rename.
	removed data.Topic
	// before is the kept (or renamed) topic's row as it was: its name and
	// its exams. Zero for the merge of a study topic, which changes no row.
	before data.Topic
	// attempts are the attempts the merge rewrote, with their scores as
	// they were.
	attempts []data.Attempt
	reading  movedText
	sessions movedText
}

// UndoTopicChange undoes a merge or rename, in one transaction: the topic
// merged away comes back with its id, name and exams, the kept topic gets
// its name and exams back, every rewritten attempt its scores, and each
// reading item and study session moved its topic text. A name taken since
// by another topic is a conflict; rows deleted since stay deleted.
func (s *Store) UndoTopicChange(ctx context.Context, c TopicChange) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if c.removed.ID != 0 {
			if err := nameFree(ctx, tx, c.rotationID, c.removed); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO topics (id, rotation_id, name, name_key) VALUES (?, ?, ?, ?)`,
				c.removed.ID, c.rotationID, c.removed.Name, data.NameKey(c.removed.Name)); err != nil {
				return fmt.Errorf("bring back topic %q: %w", c.removed.Name, err)
			}
			if err := setTopicExams(ctx, tx, c.removed); err != nil {
				return err
			}
		}
		if c.before.ID != 0 {
			if err := nameFree(ctx, tx, c.rotationID, c.before); err != nil {
				return err
			}
			if err := expectOne(tx.ExecContext(ctx, `UPDATE topics SET name = ?, name_key = ? WHERE id = ? AND rotation_id = ?`,
				c.before.Name, data.NameKey(c.before.Name), c.before.ID, c.rotationID)); err != nil {
				return fmt.Errorf("topic %d: %w", c.before.ID, err)
			}
			if err := setTopicExams(ctx, tx, c.before); err != nil {
				return err
			}
		}
		for _, a := range c.attempts {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM attempts WHERE id = ?`, a.ID).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				continue // deleted since: its scores went with it
			}
			if err := writeScores(ctx, tx, a); err != nil {
				return err
			}
		}
		if err := setTopicText(ctx, tx, "reading_items", c.reading); err != nil {
			return err
		}
		return setTopicText(ctx, tx, "study_sessions", c.sessions)
	})
	if err != nil {
		return fmt.Errorf("undo the topic change: %w", err)
	}
	return nil
}

// nameFree refuses to give t back its name when another topic of the
// rotation has taken it since.
func nameFree(ctx context.Context, tx *sql.Tx, rotationID int64, t data.Topic) error {
	var other int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM topics WHERE rotation_id = ? AND name_key = ? AND id <> ?`,
		rotationID, data.NameKey(t.Name), t.ID).Scan(&other)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil
	case err != nil:
		return err
	}
	return fmt.Errorf("%w: another topic is called %q now; rename it first", data.ErrConflict, t.Name)
}
