package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/masterplan-app/masterplan/data"
)

// MoveBlock changes a block from bm.Old to bm.New and moves every record of
// bm.Moving() to its new dates, all in one transaction: the block and what
// hangs on it land together or not at all. Each record must still have its
// old dates (and the block its old ones), else nothing is written and the
// error is data.ErrConflict: someone changed them since the move was
// planned. Undo is MoveBlock(bm.Reversed()). A move with no records is
// the block change alone ("Only the block").
func (s *Store) MoveBlock(ctx context.Context, rotationID int64, bm data.BlockMove) error {
	if err := bm.New.Validate(); err != nil {
		return fmt.Errorf("move block: %w", err)
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var start, end string
		err := tx.QueryRowContext(ctx, `SELECT start_date, end_date FROM blocks WHERE id = ? AND rotation_id = ?`, bm.Old.ID, rotationID).Scan(&start, &end)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("block %d: %w", bm.Old.ID, data.ErrNotFound)
		}
		if err != nil {
			return err
		}
		if start != bm.Old.Start.String() || end != bm.Old.End.String() {
			return fmt.Errorf("block %d is now %s to %s, not %s to %s: %w", bm.Old.ID, start, end, bm.Old.Start, bm.Old.End, data.ErrConflict)
		}
		if _, err := saveBlock(ctx, tx, rotationID, bm.New); err != nil {
			return err
		}
		now := formatInstant(s.now())
		for _, m := range bm.Moving() {
			if err := moveRecord(ctx, tx, rotationID, m, now); err != nil {
				return fmt.Errorf("move %s: %w", m.What, err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("move block %s to %s: %w", bm.Old.Start, bm.New.Start, err)
	}
	return nil
}

// moveRecord writes one record's new dates where it still has its old
// ones. A moved milestone's reminder counts from now, as SaveMilestone
// does, so it rings even when its lead time has passed.
func moveRecord(ctx context.Context, tx *sql.Tx, rotationID int64, m data.RecordMove, now string) error {
	var res sql.Result
	var err error
	switch m.Kind {
	case data.HangsExam:
		var last sql.NullString
		if err := tx.QueryRowContext(ctx, `SELECT max(attempt_date) FROM attempts WHERE exam_id = ?`, m.ID).Scan(&last); err != nil {
			return err
		}
		if last.Valid && last.String > m.NewDate.String() {
			return data.Invalid("date", "%s would fall before the practice attempt of %s; move the exam by hand", m.NewDate, last.String)
		}
		res, err = tx.ExecContext(ctx, `UPDATE exams SET exam_date = ? WHERE id = ? AND rotation_id = ? AND exam_date = ?`,
			m.NewDate.String(), m.ID, rotationID, m.OldDate.String())
	case data.HangsBudget:
		res, err = tx.ExecContext(ctx, `UPDATE budget_items SET start_date = ?, end_date = ? WHERE id = ? AND rotation_id = ? AND start_date = ? AND end_date = ?`,
			m.NewDate.String(), dateText(m.NewEnd), m.ID, rotationID, m.OldDate.String(), dateText(m.OldEnd))
	case data.HangsMilestone:
		res, err = tx.ExecContext(ctx, `UPDATE milestones SET due_date = ?, remind_from = ? WHERE id = ? AND rotation_id = ? AND due_date = ?`,
			m.NewDate.String(), now, m.ID, rotationID, m.OldDate.String())
	default:
		return data.Invalid("kind", "%q is not a record a block carries", m.Kind)
	}
	if err := expectOne(res, err); err != nil {
		if errors.Is(err, data.ErrNotFound) {
			return fmt.Errorf("%s %d no longer has the dates %s: %w", m.Kind, m.ID, m.OldDate, data.ErrConflict)
		}
		return err
	}
	return nil
}

// RestoreBlock puts back block b, deleted, with its own id (the undo of a
// delete), so that what refers to the block by id finds it again. Nothing
// refers to a block in the database, so nothing else went with it. A block
// that is there already, or one added over its dates since, makes it write
// nothing: the error is data.ErrConflict.
func (s *Store) RestoreBlock(ctx context.Context, rotationID int64, b data.Block) error {
	if err := b.Validate(); err != nil {
		return fmt.Errorf("restore block: %w", err)
	}
	b = tidyBlock(b)
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		r, err := rotation(ctx, tx)
		if err != nil {
			return err
		}
		if r.ID != rotationID {
			return fmt.Errorf("rotation %d: %w", rotationID, data.ErrNotFound)
		}
		for _, o := range r.Blocks {
			if o.ID == b.ID {
				return fmt.Errorf("block %d is there already: %w", b.ID, data.ErrConflict)
			}
		}
		if err := data.CheckOverlap(append([]data.Block{b}, r.Blocks...)); err != nil {
			return fmt.Errorf("%w: %w", data.ErrConflict, err)
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO blocks (id, rotation_id, start_date, end_date, location, time_zone) VALUES (?, ?, ?, ?, ?, ?)`,
			b.ID, rotationID, b.Start.String(), b.End.String(), b.Location, b.TimeZone)
		return err
	})
	if err != nil {
		return fmt.Errorf("restore block %s to %s: %w", b.Start, b.End, err)
	}
	return nil
}
