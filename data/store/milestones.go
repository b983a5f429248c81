package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/masterplan-app/masterplan/data"
)

// Milestones lists a rotation's milestones by due date.
func (s *Store) Milestones(ctx context.Context, rotationID int64) ([]data.Milestone, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT m.id, m.rotation_id, m.title, m.due_date, m.done, m.kind, `+milestoneLinkColumns+`
		FROM milestones m `+milestoneLinkJoin+` WHERE m.rotation_id = ? ORDER BY m.due_date, m.id`, rotationID)
	if err != nil {
		return nil, fmt.Errorf("read milestones: %w", classify(err))
	}
	defer rows.Close()
	var out []data.Milestone
	for rows.Next() {
		var m data.Milestone
		var due string
		var link milestoneLink
		if err := rows.Scan(append([]any{&m.ID, &m.RotationID, &m.Title, &due, &m.Done, &m.Kind}, link.dest()...)...); err != nil {
			return nil, fmt.Errorf("read milestones: %w", err)
		}
		link.apply(&m)
		if m.Due, err = storedDate("due", due); err != nil {
			return nil, fmt.Errorf("read milestone %d: %w", m.ID, err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// SaveMilestone adds (ID 0) or changes a milestone.
func (s *Store) SaveMilestone(ctx context.Context, m data.Milestone) (data.Milestone, error) {
	var out []data.Milestone
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = s.saveMilestones(ctx, tx, []data.Milestone{m})
		return err
	})
	if err != nil {
		return m, fmt.Errorf("save milestone %q: %w", m.Title, err)
	}
	return out[0], nil
}

// AddMilestones adds several milestones at once (the suggested ones): all
// land or none does.
func (s *Store) AddMilestones(ctx context.Context, ms []data.Milestone) ([]data.Milestone, error) {
	var out []data.Milestone
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = s.saveMilestones(ctx, tx, ms)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("add milestones: %w", err)
	}
	return out, nil
}

// saveMilestones adds or changes ms. A new milestone, or one whose due date
// moves, has its reminder count from now (remind_from), so that it still
// rings when its lead time has already passed.
func (s *Store) saveMilestones(ctx context.Context, tx *sql.Tx, ms []data.Milestone) ([]data.Milestone, error) {
	now := formatInstant(s.now())
	out := make([]data.Milestone, 0, len(ms))
	for _, m := range ms {
		if err := m.Validate(); err != nil {
			return nil, err
		}
		// Trimmed as validation trims, so the table's length check agrees.
		m.Title = strings.TrimSpace(m.Title)
		if m.ID == 0 {
			res, err := tx.ExecContext(ctx, `INSERT INTO milestones (rotation_id, title, due_date, done, kind, remind_from) VALUES (?, ?, ?, ?, ?, ?)`,
				m.RotationID, m.Title, m.Due.String(), m.Done, m.Kind, now)
			if err != nil && strings.Contains(err.Error(), "FOREIGN KEY constraint failed") {
				return nil, fmt.Errorf("add milestone %q: rotation %d: %w", m.Title, m.RotationID, data.ErrNotFound)
			}
			if err != nil {
				return nil, fmt.Errorf("add milestone %q: %w", m.Title, err)
			}
			if m.ID, err = res.LastInsertId(); err != nil {
				return nil, err
			}
		} else if err := expectOne(tx.ExecContext(ctx, `UPDATE milestones SET title = ?, due_date = ?, done = ?,
			remind_from = CASE WHEN due_date = ? THEN remind_from ELSE ? END WHERE id = ?`,
			m.Title, m.Due.String(), m.Done, m.Due.String(), now, m.ID)); err != nil {
			return nil, fmt.Errorf("milestone %d: %w", m.ID, err)
		}
		if err := saveMilestoneLink(ctx, tx, &m); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, nil
}

// SetMilestoneDone marks a milestone done or not done. One linked to a
// budget item is refused: it is done when the item's actual amount is
// recorded.
func (s *Store) SetMilestoneDone(ctx context.Context, id int64, done bool) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var item string
		err := tx.QueryRowContext(ctx, `SELECT `+linkedItemLabel+` FROM milestone_budget_items l
			JOIN budget_items b ON b.id = l.budget_item_id WHERE l.milestone_id = ?`, id).Scan(&item)
		switch {
		case err == nil:
			return data.Invalid("done", "follows the budget item %q: it is done once that item's actual amount is recorded on the Budget screen", item)
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
		return expectOne(tx.ExecContext(ctx, `UPDATE milestones SET done = ? WHERE id = ?`, done, id))
	})
	if err != nil {
		return fmt.Errorf("mark milestone %d: %w", id, err)
	}
	return nil
}

// DeleteMilestone removes a milestone.
func (s *Store) DeleteMilestone(ctx context.Context, id int64) (RemovedMilestone, error) {
	var gone RemovedMilestone
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var off, days sql.NullInt64
		err := tx.QueryRowContext(ctx, `SELECT m.id, m.rotation_id, m.title, m.due_date, m.done, m.kind, m.remind_from,
			coalesce(l.budget_item_id, 0), r.off, r.days_before
			FROM milestones m LEFT JOIN milestone_budget_items l ON l.milestone_id = m.id
			LEFT JOIN milestone_reminders r ON r.milestone_id = m.id WHERE m.id = ?`, id).Scan(
			&gone.id, &gone.rotationID, &gone.title, &gone.due, &gone.done, &gone.kind, &gone.remindFrom, &gone.budgetItemID, &off, &days)
		if errors.Is(err, sql.ErrNoRows) {
			return data.ErrNotFound
		}
		if err != nil {
			return err
		}
		if off.Valid {
			gone.setting = &data.MilestoneSetting{Off: off.Int64 == 1, DaysBefore: int(days.Int64)}
		}
		return expectOne(tx.ExecContext(ctx, `DELETE FROM milestones WHERE id = ?`, id))
	})
	if err != nil {
		return gone, fmt.Errorf("delete milestone %d: %w", id, err)
	}
	return gone, nil
}

// RemovedMilestone is a deleted milestone as it was stored, with what the
// delete took with it (its own reminder choice, its budget link), for
// RestoreMilestone.
type RemovedMilestone struct {
	id, rotationID               int64
	title, due, kind, remindFrom string
	done                         bool
	budgetItemID                 int64
	setting                      *data.MilestoneSetting
}

// RestoreMilestone puts a deleted milestone back with its own id, its
// reminder choice and its budget link (unless the item was deleted
// meanwhile), in one transaction: the undo of DeleteMilestone. A milestone
// with its id already there is a conflict.
func (s *Store) RestoreMilestone(ctx context.Context, m RemovedMilestone) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var there int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM milestones WHERE id = ?`, m.id).Scan(&there); err != nil {
			return err
		}
		if there > 0 {
			return fmt.Errorf("milestone %d is there already: %w", m.id, data.ErrConflict)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO milestones (id, rotation_id, title, due_date, done, kind, remind_from)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, m.id, m.rotationID, m.title, m.due, m.done, m.kind, m.remindFrom); err != nil {
			return err
		}
		if m.setting != nil {
			if _, err := tx.ExecContext(ctx, `INSERT INTO milestone_reminders (milestone_id, off, days_before) VALUES (?, ?, ?)`,
				m.id, m.setting.Off, m.setting.DaysBefore); err != nil {
				return err
			}
		}
		if m.budgetItemID != 0 {
			_, err := tx.ExecContext(ctx, `INSERT INTO milestone_budget_items (milestone_id, budget_item_id)
				SELECT ?, id FROM budget_items WHERE id = ?`, m.id, m.budgetItemID)
			return err
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("restore milestone %q: %w", m.title, err)
	}
	return nil
}
