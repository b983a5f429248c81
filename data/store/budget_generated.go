package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/masterplan-app/masterplan/data"
)

// ReplaceBudgetItems deletes the items with IDs remove and adds add, in one
// transaction: all of it lands or none does. It is how a generator's
// data.GeneratedPlan is applied (remove its Replace, add its Add), and
// how that is undone (remove what was added, add back what was removed).
// It returns the items added, with their IDs, and the items removed as
// they were.
func (s *Store) ReplaceBudgetItems(ctx context.Context, rotationID int64, remove []int64, add []data.BudgetItem) (added, removed []data.BudgetItem, err error) {
	for i, it := range add {
		if err := it.Validate(); err != nil {
			return nil, nil, fmt.Errorf("replace budget items: item %d: %w", i+1, err)
		}
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		for _, id := range remove {
			gone, err := scanBudgetItem(tx.QueryRowContext(ctx, `SELECT `+budgetColumns+` FROM budget_items WHERE id = ? AND rotation_id = ?`, id, rotationID))
			if errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("budget item %d: %w", id, data.ErrNotFound)
			}
			if err != nil {
				return err
			}
			if err := expectOne(tx.ExecContext(ctx, `DELETE FROM budget_items WHERE id = ?`, id)); err != nil {
				return fmt.Errorf("delete budget item %d: %w", id, err)
			}
			removed = append(removed, gone)
		}
		for _, it := range add {
			saved, err := saveBudgetItem(ctx, tx, rotationID, it)
			if err != nil {
				return err
			}
			added = append(added, saved)
		}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("replace budget items: %w", err)
	}
	return added, removed, nil
}
