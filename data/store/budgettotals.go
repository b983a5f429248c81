package store

import (
	"context"
	"database/sql"
	"errors"
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

// budgetAmountColumns are the columns of an item that its sums and its
// forecast read (data.SumBudget, data.BudgetList): its ID, category, day,
// amounts and who pays. Not the description, the end and reimbursement
// dates, the refund mark or the generator, which only the list and the
// form show: every column is a value the driver makes and the row scans,
// and five fewer took a third off reading the heavy profile's items.
const budgetAmountColumns = `id, category, start_date, planned_amount, planned_currency, actual_amount, actual_currency,
	actual_home_amount, actual_home_currency, paid_by, employer_percent, reimbursement, fronted_by`

// readBudgetAmounts reads the rotation's items, with budgetAmountColumns
// only, in no particular order (the totals do not depend on it: no sort)
// into a slice made for all of them at once.
func readBudgetAmounts(ctx context.Context, tx *sql.Tx, rotationID int64) ([]data.BudgetItem, error) {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM budget_items WHERE rotation_id = ?`, rotationID).Scan(&n); err != nil {
		return nil, classify(err)
	}
	rows, err := tx.QueryContext(ctx, `SELECT `+budgetAmountColumns+` FROM budget_items WHERE rotation_id = ?`, rotationID)
	if err != nil {
		return nil, classify(err)
	}
	defer rows.Close()
	// Each row is scanned in place: an item is a few hundred bytes with
	// pointers, and copying it twice per row (returned, then appended) was
	// a quarter of the ten-year read.
	out := make([]data.BudgetItem, 0, n)
	for rows.Next() {
		out = append(out, data.BudgetItem{})
		if err := scanBudgetAmounts(rows, &out[len(out)-1]); err != nil {
			return nil, err
		}
	}
	if err := rows.Err(); err != nil {
		return nil, classify(err)
	}
	return out, nil
}

// scanBudgetAmounts reads a row of budgetAmountColumns into it, by the
// rule scanBudgetItem reads the same columns (storedAmounts).
func scanBudgetAmounts(row interface{ Scan(...any) error }, it *data.BudgetItem) error {
	var a storedAmounts
	if err := row.Scan(&it.ID, &a.cat, &a.start, &a.planned, &a.plannedCur, &a.actual, &a.actualCur,
		&a.actualHome, &a.actualHomeCur, &a.paidBy, &it.EmployerPercent, &a.reimb, &a.fronted); err != nil {
		return classify(err)
	}
	errs := a.into(it)
	if err := errors.Join(errs[:]...); err != nil {
		return fmt.Errorf("budget item %d: %w: %w", it.ID, ErrCorrupt, err)
	}
	return nil
}
