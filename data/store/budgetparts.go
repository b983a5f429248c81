package store

import (
	"cmp"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/masterplan-app/masterplan/data"
)

// The budget parts of migrations 00009, 00010 and 00013: every statement
// that writes an item writes its part in the same transaction
// (adjustBudgetParts), and triggers move the group totals with it, so
// neither is a stale copy; all parts are worked out again when the home
// currency or the rates change, which their key tells.

// errNotExact means a part is too large (or too finely divided) to be kept
// as integers: the totals are then summed from the items themselves.
var errNotExact = errors.New("a budget amount is beyond what the kept parts hold exactly")

// budgetTotalsQuery reads one rotation's parts added up per group, as the
// triggers of migration 00013 keep them.
const budgetTotalsQuery = `SELECT category, employer_share, reimbursement, items, spent, unconverted,
		planned_units, planned_e8, planned_e16, actual_units, actual_e8, actual_e16,
		forecast_units, forecast_e8, forecast_e16
	FROM budget_totals WHERE rotation_id = ?`

// budgetMissingQuery lists one rotation's currencies without a rate, from
// the partial index of the parts that have one.
const budgetMissingQuery = `SELECT DISTINCT missing FROM budget_parts WHERE rotation_id = ? AND missing <> ''`

// BudgetTotals totals rotation rotationID's budget in currency home, as
// data.SumBudget does over its items, from the parts' kept group totals.
func (s *Store) BudgetTotals(ctx context.Context, rotationID int64, home string) (data.BudgetTotals, error) {
	var parts []data.BudgetPart
	var missing []string
	err := s.readBudgetParts(ctx, home, func(tx *sql.Tx) error {
		var err error
		parts, missing, err = readGroupTotals(ctx, tx, rotationID)
		return err
	})
	if errors.Is(err, errNotExact) {
		items, table, err := s.itemsAtRates(ctx, rotationID, home)
		if err != nil {
			return data.BudgetTotals{}, fmt.Errorf("read budget totals: %w", err)
		}
		return data.SumBudget(items, table), nil
	}
	if err != nil {
		return data.BudgetTotals{}, fmt.Errorf("read budget totals: %w", err)
	}
	return data.SumParts(home, parts, missing), nil
}

// BudgetList is what the budget list shows besides its rows: BudgetTotals,
// and each item's forecast in currency home by item ID, rounded to the
// minor unit so that the rows add up to the forecast total shown
// (data.Allocate, a tie going to the item added first; an item without a
// rate counts zero). Both come from one read of the kept parts, so they
// agree while another process writes, and the items are read only when
// the parts cannot hold the amounts.
func (s *Store) BudgetList(ctx context.Context, rotationID int64, home string) (data.BudgetTotals, map[int64]decimal.Decimal, error) {
	var parts []data.BudgetPart
	var missing []string
	var exact []exactPart
	err := s.readBudgetParts(ctx, home, func(tx *sql.Tx) error {
		var err error
		if parts, missing, err = readGroupTotals(ctx, tx, rotationID); err != nil {
			return err
		}
		exact, err = readForecastParts(ctx, tx, rotationID)
		return err
	})
	if err == nil {
		if shown, ok := allocateParts(exact, data.MinorUnits(home)); ok {
			return data.SumParts(home, parts, missing), shown, nil
		}
	}
	if err != nil && !errors.Is(err, errNotExact) {
		return data.BudgetTotals{}, nil, fmt.Errorf("read the budget: %w", err)
	}
	items, table, err := s.itemsAtRates(ctx, rotationID, home)
	if err != nil {
		return data.BudgetTotals{}, nil, fmt.Errorf("read the budget: %w", err)
	}
	return data.SumBudget(items, table), shownForecasts(items, table, home), nil
}

// readGroupTotals reads a rotation's kept group totals and the currencies
// it lacks a rate for.
func readGroupTotals(ctx context.Context, tx *sql.Tx, rotationID int64) ([]data.BudgetPart, []string, error) {
	var parts []data.BudgetPart
	var missing []string
	err := queryEach(ctx, tx, budgetTotalsQuery, func(r *sql.Rows) error {
		var p data.BudgetPart
		var cat, reimb string
		var n [9]int64
		if err := r.Scan(&cat, &p.EmployerShare, &reimb, &p.Items, &p.Spent, &p.Unconverted,
			&n[0], &n[1], &n[2], &n[3], &n[4], &n[5], &n[6], &n[7], &n[8]); err != nil {
			return err
		}
		p.Category, p.Reimbursement = data.BudgetCategory(cat), data.Reimbursement(reimb)
		p.Planned, p.Actual, p.Forecast = joinExact(n[0], n[1], n[2]), joinExact(n[3], n[4], n[5]), joinExact(n[6], n[7], n[8])
		parts = append(parts, p)
		return nil
	}, rotationID)
	if err != nil {
		return nil, nil, err
	}
	err = queryEach(ctx, tx, budgetMissingQuery, func(r *sql.Rows) error {
		var m string
		if err := r.Scan(&m); err != nil {
			return err
		}
		missing = append(missing, strings.Fields(m)...)
		return nil
	}, rotationID)
	return parts, missing, err
}

// readForecastParts reads each of a rotation's items' kept forecast part.
func readForecastParts(ctx context.Context, tx *sql.Tx, rotationID int64) ([]exactPart, error) {
	var parts []exactPart
	err := queryEach(ctx, tx, `SELECT item_id, forecast_units, forecast_e8, forecast_e16 FROM budget_parts WHERE rotation_id = ?`, func(r *sql.Rows) error {
		var p exactPart
		var e8, e16 int64
		if err := r.Scan(&p.id, &p.units, &e8, &e16); err != nil {
			return err
		}
		p.frac = e8*1e8 + e16
		parts = append(parts, p)
		return nil
	}, rotationID)
	return parts, err
}

// exactPart is an item's forecast as the parts keep it: whole units and
// sixteen decimals, both with the amount's sign.
type exactPart struct {
	id    int64
	units int64
	frac  int64 // in units of 1e-16
}

// allocateParts is data.Allocate over parts at minor decimals, with ties
// to the lower item ID, in integers: data.Allocate's decimals took 5 ms
// for ten years of items, this takes a tenth of that. ok is false for a
// currency with more minor decimals than the integers hold.
func allocateParts(parts []exactPart, minor int32) (shown map[int64]decimal.Decimal, ok bool) {
	if minor < 0 || minor > 4 {
		return nil, false
	}
	scale := int64(1)
	for range minor {
		scale *= 10
	}
	q := int64(1e16) / scale // one minor unit, in units of 1e-16
	floors := make([]int64, len(parts))
	rems := make([]int64, len(parts))
	// The sum of the remainders, as whole minor units and what is left,
	// and whether the sum of the floors is odd: all that rounding the
	// total half to even needs, without adding up amounts that could
	// overflow.
	var whole, left, odd int64
	for i, p := range parts {
		f, r := p.units*scale+p.frac/q, p.frac%q
		if r < 0 {
			f, r = f-1, r+q
		}
		floors[i], rems[i] = f, r
		odd ^= f & 1
		if left += r; left >= q {
			whole, left = whole+1, left-q
		}
	}
	missing := whole
	if twice := 2 * left; twice > q || (twice == q && (odd^(whole&1)) == 1) {
		missing++
	}
	order := make([]int, len(parts))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		if c := cmp.Compare(rems[b], rems[a]); c != 0 {
			return c
		}
		return cmp.Compare(parts[a].id, parts[b].id)
	})
	for _, i := range order[:missing] {
		floors[i]++
	}
	shown = make(map[int64]decimal.Decimal, len(parts))
	for i, p := range parts {
		shown[p.id] = decimal.New(floors[i], -minor)
	}
	return shown, true
}

// shownForecasts is BudgetList's forecasts the long way: data.Allocate
// over every item's exact forecast, in the order of their IDs.
func shownForecasts(items []data.BudgetItem, table data.RateTable, home string) map[int64]decimal.Decimal {
	byID := slices.Clone(items)
	slices.SortFunc(byID, func(a, b data.BudgetItem) int { return cmp.Compare(a.ID, b.ID) }) // ties to the item added first
	exact := make([]decimal.Decimal, len(byID))
	for i, it := range byID {
		if f := data.ConvertItem(it, table).Forecast(); f.OK() {
			exact[i] = f.Home
		}
	}
	out := make(map[int64]decimal.Decimal, len(byID))
	for i, d := range data.Allocate(exact, home) {
		out[byID[i].ID] = d
	}
	return out
}

// itemsAtRates reads every item of the rotation and the rates into home:
// what the totals and forecasts are worked out from when the parts cannot
// hold them.
func (s *Store) itemsAtRates(ctx context.Context, rotationID int64, home string) ([]data.BudgetItem, data.RateTable, error) {
	items, err := s.BudgetItems(ctx, rotationID)
	if err != nil {
		return nil, data.RateTable{}, err
	}
	rates, err := s.Rates(ctx, home)
	if err != nil {
		return nil, data.RateTable{}, err
	}
	return items, data.NewRateTable(home, rates), nil
}

// readBudgetParts runs read in one read transaction in which the parts
// hold for home and the rates into it, working them out again first when
// not. errNotExact means they cannot hold: the totals are to be summed
// from the items.
func (s *Store) readBudgetParts(ctx context.Context, home string, read func(tx *sql.Tx) error) error {
	return s.readKept(ctx, "the exchange rates",
		func(tx *sql.Tx) (bool, error) {
			state, err := budgetPartsState(ctx, tx, home)
			if state == partsInexact {
				return false, errNotExact
			}
			return state == partsFresh, err
		},
		func(tx *sql.Tx) error { return workOutBudgetParts(ctx, tx, home) },
		read)
}

// budgetPartsKey names what the parts depend on besides the items: the
// home currency and every rate into it.
func budgetPartsKey(ctx context.Context, tx *sql.Tx, home string) (string, error) {
	var rates string
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(group_concat(line, ';'), '') FROM (SELECT id || ' ' || currency || ' ' || to_home || ' ' || as_of AS line
		FROM exchange_rates WHERE home = ? ORDER BY currency, as_of, id)`, home).Scan(&rates); err != nil {
		return "", err
	}
	sum := sha256.Sum256([]byte(home + "|" + rates))
	return hex.EncodeToString(sum[:]), nil
}

// inexactMark before a key records that, for that key, an item's part is
// beyond the integers: the totals are summed from the items until an item
// changes.
const inexactMark = "inexact "

// partsState says whether the kept parts can be added up.
type partsState int

const (
	partsStale   partsState = iota // to be worked out again
	partsFresh                     // they hold for the home currency and rates
	partsInexact                   // they cannot hold: sum the items
)

// budgetPartsState tells whether the kept parts hold for home and the
// rates into it.
func budgetPartsState(ctx context.Context, tx *sql.Tx, home string) (partsState, error) {
	var have string
	err := tx.QueryRowContext(ctx, `SELECT key FROM budget_parts_key WHERE id = 1`).Scan(&have)
	if errors.Is(err, sql.ErrNoRows) {
		return partsStale, nil
	}
	if err != nil {
		return partsStale, err
	}
	want, err := budgetPartsKey(ctx, tx, home)
	switch {
	case err != nil:
		return partsStale, err
	case have == want:
		return partsFresh, nil
	case have == inexactMark+want:
		return partsInexact, nil
	}
	return partsStale, nil
}

// workOutBudgetParts works out every item's part (of every rotation) in
// home, replacing what was kept; when one cannot be kept exactly it keeps
// none and says so in the key.
func workOutBudgetParts(ctx context.Context, tx *sql.Tx, home string) error {
	if state, err := budgetPartsState(ctx, tx, home); err != nil || state != partsStale {
		return err // another process did it meanwhile
	}
	if err := dropBudgetParts(ctx, tx); err != nil {
		return err
	}
	table, err := rateTable(ctx, tx, home)
	if err != nil {
		return err
	}
	byRotation := map[int64][]data.BudgetItem{}
	if err := queryEach(ctx, tx, `SELECT rotation_id, `+budgetColumns+` FROM budget_items`, func(r *sql.Rows) error {
		var rotation int64
		it, err := scanBudgetItem(prefixScanner{r, &rotation})
		byRotation[rotation] = append(byRotation[rotation], it)
		return err
	}); err != nil {
		return err
	}
	key, err := budgetPartsKey(ctx, tx, home)
	if err != nil {
		return err
	}
	for rotation, items := range byRotation {
		err := putBudgetParts(ctx, tx, rotation, items, table)
		if errors.Is(err, errNotExact) {
			if err := dropBudgetParts(ctx, tx); err != nil {
				return err
			}
			key = inexactMark + key
			break
		}
		if err != nil {
			return err
		}
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO budget_parts_key (id, key) VALUES (1, ?)
		ON CONFLICT (id) DO UPDATE SET key = excluded.key`, key)
	return err
}

// prefixScanner scans one column into first and the rest with scan.
type prefixScanner struct {
	rows  *sql.Rows
	first any
}

func (p prefixScanner) Scan(dest ...any) error {
	return p.rows.Scan(append([]any{p.first}, dest...)...)
}

// rateTable reads the rates into home within tx.
func rateTable(ctx context.Context, tx *sql.Tx, home string) (data.RateTable, error) {
	rates, err := readRates(ctx, tx, home)
	if err != nil {
		return data.RateTable{}, err
	}
	return data.NewRateTable(home, rates), nil
}

// adjustBudgetParts writes the parts of items, just written by tx to
// rotation rotationID, when the kept parts hold for the user's home
// currency and rates; when they do not, all are worked out at the next
// read anyway. An item too large for the parts, or a change to the items
// while one was, leaves the key for the next read to work out.
func adjustBudgetParts(ctx context.Context, tx *sql.Tx, rotationID int64, items []data.BudgetItem) error {
	home, ok, err := setting(ctx, tx, keyHomeCurrency)
	if err != nil {
		return err
	}
	if !ok {
		home = data.DefaultSettings().HomeCurrency
	}
	state, err := budgetPartsState(ctx, tx, home)
	if err != nil || state == partsStale {
		return err
	}
	if state == partsFresh {
		var table data.RateTable
		if table, err = rateTable(ctx, tx, home); err != nil {
			return err
		}
		if err = putBudgetParts(ctx, tx, rotationID, items, table); !errors.Is(err, errNotExact) {
			return err
		}
	}
	_, err = tx.ExecContext(ctx, `DELETE FROM budget_parts_key`)
	return err
}

// putBudgetParts writes the parts of items of rotation rotationID at table.
// An item's old part is deleted first, not replaced: the triggers that
// keep the group totals see a replaced row only as the new one.
func putBudgetParts(ctx context.Context, tx *sql.Tx, rotationID int64, items []data.BudgetItem, table data.RateTable) error {
	drop, err := tx.PrepareContext(ctx, `DELETE FROM budget_parts WHERE item_id = ?`)
	if err != nil {
		return err
	}
	defer drop.Close()
	put, err := tx.PrepareContext(ctx, `INSERT INTO budget_parts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer put.Close()
	for _, it := range items {
		p, missing := data.ItemPart(it, table)
		args := []any{it.ID, rotationID, string(p.Category), p.EmployerShare, string(p.Reimbursement), p.Spent, p.Unconverted, strings.Join(missing, " ")}
		for _, d := range []decimal.Decimal{p.Planned, p.Actual, p.Forecast} {
			units, e8, e16, ok := splitExact(d)
			if !ok {
				return errNotExact
			}
			args = append(args, units, e8, e16)
		}
		_, err := drop.ExecContext(ctx, it.ID)
		if err == nil {
			_, err = put.ExecContext(ctx, args...)
		}
		if totalOverflows(err) {
			return errNotExact // taking the old part away or adding the new one
		}
		if err != nil {
			return fmt.Errorf("budget item %d: %w", it.ID, err)
		}
	}
	return nil
}

// totalOverflows reports whether err is a group total refused for going
// past the integers: there SQLite's + gives a REAL, which the STRICT table
// refuses.
func totalOverflows(err error) bool {
	return err != nil && strings.Contains(err.Error(), "cannot store REAL value in INTEGER column")
}

// dropItemPart deletes item id's part; when its group's total would not
// fit without it, every part is dropped, to be worked out at the next read.
func dropItemPart(ctx context.Context, tx *sql.Tx, id int64) error {
	_, err := tx.ExecContext(ctx, `DELETE FROM budget_parts WHERE item_id = ?`, id)
	if !totalOverflows(err) {
		return err
	}
	if err := dropBudgetParts(ctx, tx); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `DELETE FROM budget_parts_key`)
	return err
}

// dropBudgetParts deletes every part and group total. The totals go first,
// so that the triggers have none to move as the parts go.
func dropBudgetParts(ctx context.Context, tx *sql.Tx) error {
	for _, q := range []string{`DELETE FROM budget_totals`, `DELETE FROM budget_parts`} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return nil
}

// maxPartUnits bounds a part's whole units, so that SQL can add up many
// thousand parts in 64-bit integers.
const maxPartUnits = 1e14

// splitExact cuts d into whole units and two groups of eight decimals, all
// with d's sign; ok is false when d does not fit.
func splitExact(d decimal.Decimal) (units, e8, e16 int64, ok bool) {
	if !d.Equal(d.Truncate(16)) || d.Abs().GreaterThanOrEqual(decimal.NewFromInt(maxPartUnits)) {
		return 0, 0, 0, false
	}
	units = d.IntPart()
	f := d.Sub(decimal.NewFromInt(units)).Shift(16).IntPart()
	return units, f / 1e8, f % 1e8, true
}

// joinExact is the decimal splitExact cut (or the sum of several).
func joinExact(units, e8, e16 int64) decimal.Decimal {
	return decimal.NewFromInt(units).Add(decimal.New(e8, -8)).Add(decimal.New(e16, -16))
}
