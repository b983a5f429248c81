package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/masterplan-app/masterplan/data"
)

// BudgetTotals totals rotation rotationID's budget in currency home with
// data.SumBudget, the one function behind every budget total shown (the
// dashboard, `masterplan status`, the budget screen, the report).
func (s *Store) BudgetTotals(ctx context.Context, rotationID int64, home string) (data.BudgetTotals, error) {
	items, table, err := s.itemsAtRates(ctx, rotationID, home)
	if err != nil {
		return data.BudgetTotals{}, fmt.Errorf("read budget totals: %w", err)
	}
	return data.SumBudget(items, table), nil
}

// BudgetList is what the budget list shows besides its rows: BudgetTotals,
// and each item's forecast in currency home by item ID, rounded to the
// minor unit so that the rows add up to the forecast total shown
// (data.Allocate, a tie going to the item added first; an item without a
// rate counts zero): data.BudgetList of one read of the items and rates.
func (s *Store) BudgetList(ctx context.Context, rotationID int64, home string) (data.BudgetTotals, map[int64]decimal.Decimal, error) {
	items, table, err := s.itemsAtRates(ctx, rotationID, home)
	if err != nil {
		return data.BudgetTotals{}, nil, fmt.Errorf("read the budget: %w", err)
	}
	totals, shown := data.BudgetList(items, table)
	return totals, shown, nil
}

// itemsAtRates reads every item of the rotation and the rates into home in
// one read transaction, so that a write by another process falls wholly
// before or after.
func (s *Store) itemsAtRates(ctx context.Context, rotationID int64, home string) ([]data.BudgetItem, data.RateTable, error) {
	var items []data.BudgetItem
	var rates []data.Rate
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		var err error
		if items, err = readBudgetAmounts(ctx, tx, rotationID); err != nil {
			return err
		}
		rates, err = readRates(ctx, tx, home)
		return err
	})
	if err != nil {
		return nil, data.RateTable{}, err
	}
	return items, data.NewRateTable(home, rates), nil
}

// readBudgetAmounts reads the rotation's items in no particular order
// (the totals do not depend on it: no sort) into a slice made for all of
// them at once.
func readBudgetAmounts(ctx context.Context, tx *sql.Tx, rotationID int64) ([]data.BudgetItem, error) {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM budget_items WHERE rotation_id = ?`, rotationID).Scan(&n); err != nil {
		return nil, classify(err)
	}
	return appendBudgetItems(ctx, tx, make([]data.BudgetItem, 0, n), `SELECT `+budgetColumns+` FROM budget_items WHERE rotation_id = ?`, rotationID)
}
