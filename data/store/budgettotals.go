package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"

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
// rate counts zero). Both come from one read of the items and rates.
func (s *Store) BudgetList(ctx context.Context, rotationID int64, home string) (data.BudgetTotals, map[int64]decimal.Decimal, error) {
	items, table, err := s.itemsAtRates(ctx, rotationID, home)
	if err != nil {
		return data.BudgetTotals{}, nil, fmt.Errorf("read the budget: %w", err)
	}
	return data.SumBudget(items, table), shownForecasts(items, table, home), nil
}

// shownForecasts is data.Allocate over every item's exact forecast, in the
// order of their IDs (ties to the item added first).
func shownForecasts(items []data.BudgetItem, table data.RateTable, home string) map[int64]decimal.Decimal {
	byID := make([]int, len(items)) // indexes into items: sorting 5,000 items themselves took a tenth of the read
	for i := range byID {
		byID[i] = i
	}
	slices.SortFunc(byID, func(a, b int) int { return cmp.Compare(items[a].ID, items[b].ID) })
	exact := make([]decimal.Decimal, len(byID))
	for i, k := range byID {
		if f := data.ConvertItem(items[k], table).Forecast(); f.OK() {
			exact[i] = f.Home
		}
	}
	out := make(map[int64]decimal.Decimal, len(byID))
	for i, d := range data.Allocate(exact, home) {
		out[items[byID[i]].ID] = d
	}
	return out
}

// itemsAtRates reads every item of the rotation and the rates into home in
// one read transaction, so that a write by another process falls wholly
// before or after.
func (s *Store) itemsAtRates(ctx context.Context, rotationID int64, home string) ([]data.BudgetItem, data.RateTable, error) {
	var items []data.BudgetItem
	var rates []data.Rate
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		var err error
		if items, err = readBudgetItems(ctx, tx, budgetItemsQuery, rotationID); err != nil {
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
