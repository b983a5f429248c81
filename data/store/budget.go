package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/masterplan-app/masterplan/data"
)

// Settings keys of the budget area.
const (
	// SettingDecimalMark is the decimal mark the user types amounts with:
	// "." or ","; unset means "tell from the amount, ask when ambiguous".
	SettingDecimalMark = "budget.decimal_mark"
	// SettingHotelNightly and SettingMealsDaily remember the last rates the
	// generators were given ("USD 189.00"), so the next use starts there.
	SettingHotelNightly = "budget.hotel_nightly"
	SettingMealsDaily   = "budget.meals_daily"
	// SettingScenario remembers the last "what if" location: label, nightly
	// rate and optional per diem, as "London|GBP 165.00|GBP 60.00".
	SettingScenario = "budget.scenario"
)

const budgetColumns = `id, category, description, start_date, end_date, planned_amount, planned_currency,
	actual_amount, actual_currency, actual_home_amount, actual_home_currency, paid_by, employer_percent,
	reimbursement, reimbursement_date, refund, fronted_by, generated_by`

// budgetOrder is the order of the budget list: dated items by date, then
// the undated ones, each in the order they were added (the index
// budget_items_in_order holds it).
const budgetOrder = `ORDER BY start_date = '', start_date, id`

// BudgetItems lists the rotation's budget items in the list's order.
func (s *Store) BudgetItems(ctx context.Context, rotationID int64) ([]data.BudgetItem, error) {
	out, err := readBudgetItems(ctx, s.db, budgetItemsQuery, rotationID)
	if err != nil {
		return nil, fmt.Errorf("read budget items: %w", err)
	}
	return out, nil
}

// BudgetItemsPage is at most limit of the rotation's items from offset in
// the list's order: the budget screen reads its list a page at a time.
func (s *Store) BudgetItemsPage(ctx context.Context, rotationID int64, offset, limit int) ([]data.BudgetItem, error) {
	out, err := readBudgetItems(ctx, s.db, `SELECT `+budgetColumns+` FROM budget_items WHERE rotation_id = ? `+budgetOrder+` LIMIT ? OFFSET ?`,
		rotationID, limit, offset)
	if err != nil {
		return nil, fmt.Errorf("read budget items %d to %d: %w", offset+1, offset+limit, err)
	}
	return out, nil
}

// budgetItemsQuery reads a rotation's items in the list's order.
const budgetItemsQuery = `SELECT ` + budgetColumns + ` FROM budget_items WHERE rotation_id = ? ` + budgetOrder

// readBudgetItems runs query, which selects budgetColumns, into items.
func readBudgetItems(ctx context.Context, q querier, query string, args ...any) ([]data.BudgetItem, error) {
	return appendBudgetItems(ctx, q, []data.BudgetItem{}, query, args...)
}

// appendBudgetItems runs query, which selects budgetColumns, appending
// the items to out (sized by a caller that knows how many will come).
func appendBudgetItems(ctx context.Context, q querier, out []data.BudgetItem, query string, args ...any) ([]data.BudgetItem, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, classify(err)
	}
	defer rows.Close()
	for rows.Next() {
		it, err := scanBudgetItem(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	if err := rows.Err(); err != nil {
		return nil, classify(err)
	}
	return out, nil
}

// BudgetUsesOtherCurrency reports whether any of the rotation's amounts
// is in a currency other than home: until one is, no rate is needed.
func (s *Store) BudgetUsesOtherCurrency(ctx context.Context, rotationID int64, home string) (bool, error) {
	var uses bool
	if err := s.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM budget_items WHERE rotation_id = ?1
		AND ((planned_currency <> '' AND planned_currency <> ?2) OR (actual_currency <> '' AND actual_currency <> ?2)))`,
		rotationID, home).Scan(&uses); err != nil {
		return false, fmt.Errorf("read the budget's currencies: %w", classify(err))
	}
	return uses, nil
}

// BudgetItem reads one item by its ID.
func (s *Store) BudgetItem(ctx context.Context, id int64) (data.BudgetItem, error) {
	row := s.db.QueryRowContext(ctx, `SELECT `+budgetColumns+` FROM budget_items WHERE id = ?`, id)
	it, err := scanBudgetItem(row)
	if errors.Is(err, sql.ErrNoRows) {
		return it, fmt.Errorf("budget item %d: %w", id, data.ErrNotFound)
	}
	if err != nil {
		return it, fmt.Errorf("read budget item %d: %w", id, err)
	}
	return it, nil
}

func scanBudgetItem(row interface{ Scan(...any) error }) (data.BudgetItem, error) {
	var (
		it                        data.BudgetItem
		a                         storedAmounts
		generated, end, reimbDate string
	)
	if err := row.Scan(&it.ID, &a.cat, &it.Description, &a.start, &end, &a.planned, &a.plannedCur,
		&a.actual, &a.actualCur, &a.actualHome, &a.actualHomeCur, &a.paidBy, &it.EmployerPercent,
		&a.reimb, &reimbDate, &it.Refund, &a.fronted, &generated); err != nil {
		return it, classify(err)
	}
	it.GeneratedBy = data.Generator(generated)
	amounts := a.into(&it)
	var endErr, reimbErr error
	it.EndDate, endErr = optionalDate("end date", end)
	it.ReimbursementDate, reimbErr = optionalDate("reimbursement date", reimbDate)
	if err := errors.Join(append(amounts[:], endErr, reimbErr)...); err != nil {
		return it, fmt.Errorf("budget item %d: %w: %w", it.ID, ErrCorrupt, err)
	}
	return it, nil
}

// storedAmounts is an item's category, first day, amounts and payers as
// the table stores them: what both the whole item's read (scanBudgetItem)
// and the totals' read (scanBudgetAmounts) turn into the domain's, by one
// rule.
type storedAmounts struct {
	cat, start, paidBy, reimb, fronted     string
	planned, plannedCur, actual, actualCur string
	actualHome, actualHomeCur              string
}

// into sets its category, day, amounts and payers from a, and returns
// what could not be read (nil errors where all was well; an array, so
// that reading thousands of rows allocates nothing for it).
func (a *storedAmounts) into(it *data.BudgetItem) [4]error {
	it.Category, it.PaidBy, it.Reimbursement = data.BudgetCategory(a.cat), data.Payer(a.paidBy), data.Reimbursement(a.reimb)
	it.FrontedBy = data.Payer(a.fronted)
	var errs [4]error
	it.Date, errs[0] = optionalDate("date", a.start)
	it.Planned, errs[1] = storedMoney("planned", a.planned, a.plannedCur)
	it.Actual, errs[2] = storedMoney("actual", a.actual, a.actualCur)
	it.ActualHome, errs[3] = storedMoney("actual home", a.actualHome, a.actualHomeCur)
	return errs
}

// storedMoney reads an amount as stored: a plain decimal ("18500.00") and
// its code, both empty for "no amount".
func storedMoney(field, amount, currency string) (data.Money, error) {
	if amount == "" && currency == "" {
		return data.Money{}, nil
	}
	d, err := decimal.NewFromString(amount)
	if err != nil {
		return data.Money{}, data.Invalid(field, "%q is not a stored amount", amount)
	}
	return data.Money{Amount: d, Currency: currency}, nil
}

// SaveBudgetItem adds (ID 0) or changes one item of the rotation.
func (s *Store) SaveBudgetItem(ctx context.Context, rotationID int64, it data.BudgetItem) (data.BudgetItem, error) {
	out, err := s.AddBudgetItems(ctx, rotationID, []data.BudgetItem{it})
	if err != nil {
		return it, err
	}
	return out[0], nil
}

// AddBudgetItems saves several items at once (an import, the generators,
// an undone delete): every one is validated first and all land or none
// does. Items with an ID are changed in place.
func (s *Store) AddBudgetItems(ctx context.Context, rotationID int64, items []data.BudgetItem) ([]data.BudgetItem, error) {
	for i, it := range items {
		if err := it.Validate(); err != nil {
			if len(items) == 1 {
				return nil, fmt.Errorf("save budget item: %w", err)
			}
			return nil, fmt.Errorf("save budget item %d: %w", i+1, err)
		}
	}
	out := make([]data.BudgetItem, 0, len(items))
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		for _, it := range items {
			saved, err := saveBudgetItem(ctx, tx, rotationID, it)
			if err != nil {
				return err
			}
			out = append(out, saved)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("save budget items: %w", err)
	}
	return out, nil
}

func saveBudgetItem(ctx context.Context, tx *sql.Tx, rotationID int64, it data.BudgetItem) (data.BudgetItem, error) {
	it.Description = strings.TrimSpace(it.Description)
	it.FrontedBy = it.Fronter()
	planned, plannedCur := it.Planned.Exact()
	actual, actualCur := it.Actual.Exact()
	home, homeCur := it.ActualHome.Exact()
	args := []any{string(it.Category), it.Description, it.Date.String(), it.EndDate.String(), planned, plannedCur,
		actual, actualCur, home, homeCur, string(it.PaidBy), it.EmployerPercent,
		string(it.Reimbursement), it.ReimbursementDate.String(), it.Refund, string(it.Fronter()), string(it.GeneratedBy)}
	if it.ID == 0 {
		res, err := tx.ExecContext(ctx, `INSERT INTO budget_items (rotation_id, category, description, start_date, end_date,
			planned_amount, planned_currency, actual_amount, actual_currency, actual_home_amount, actual_home_currency,
			paid_by, employer_percent, reimbursement, reimbursement_date, refund, fronted_by, generated_by)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, append([]any{rotationID}, args...)...)
		if err != nil && strings.Contains(err.Error(), "FOREIGN KEY constraint failed") {
			return it, fmt.Errorf("rotation %d: %w", rotationID, data.ErrNotFound)
		}
		if err != nil {
			return it, fmt.Errorf("add %s item: %w", it.Category.Label(), err)
		}
		it.ID, err = res.LastInsertId()
		return it, err
	}
	err := expectOne(tx.ExecContext(ctx, `UPDATE budget_items SET category = ?, description = ?, start_date = ?, end_date = ?,
		planned_amount = ?, planned_currency = ?, actual_amount = ?, actual_currency = ?, actual_home_amount = ?,
		actual_home_currency = ?, paid_by = ?, employer_percent = ?, reimbursement = ?, reimbursement_date = ?, refund = ?,
		fronted_by = ?, generated_by = ?
		WHERE id = ? AND rotation_id = ?`, append(args, it.ID, rotationID)...))
	if err != nil {
		return it, fmt.Errorf("budget item %d: %w", it.ID, err)
	}
	return it, nil
}

// DeleteBudgetItem removes an item and returns it as it was, so that the
// screen can offer to undo the delete.
func (s *Store) DeleteBudgetItem(ctx context.Context, id int64) (data.BudgetItem, error) {
	var gone data.BudgetItem
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		gone, err = scanBudgetItem(tx.QueryRowContext(ctx, `SELECT `+budgetColumns+` FROM budget_items WHERE id = ?`, id))
		if errors.Is(err, sql.ErrNoRows) {
			return data.ErrNotFound
		}
		if err != nil {
			return err
		}
		return expectOne(tx.ExecContext(ctx, `DELETE FROM budget_items WHERE id = ?`, id))
	})
	if err != nil {
		return gone, fmt.Errorf("delete budget item %d: %w", id, err)
	}
	return gone, nil
}

// Rates lists the exchange rates into home, by currency and date.
func (s *Store) Rates(ctx context.Context, home string) ([]data.Rate, error) {
	return readRates(ctx, s.db, home)
}

func readRates(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, home string) ([]data.Rate, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, currency, to_home, as_of FROM exchange_rates
		WHERE home = ? ORDER BY currency, as_of`, home)
	if err != nil {
		return nil, fmt.Errorf("read exchange rates: %w", classify(err))
	}
	defer rows.Close()
	out := []data.Rate{}
	for rows.Next() {
		var r data.Rate
		var rate, asOf string
		if err := rows.Scan(&r.ID, &r.Currency, &rate, &asOf); err != nil {
			return nil, fmt.Errorf("read exchange rates: %w", classify(err))
		}
		var errs []error
		if r.ToHome, err = decimal.NewFromString(rate); err != nil {
			errs = append(errs, data.Invalid("rate", "%q is not a stored rate", rate))
		}
		if r.AsOf, err = storedDate("as of", asOf); err != nil {
			errs = append(errs, err)
		}
		if err := errors.Join(errs...); err != nil {
			return nil, fmt.Errorf("exchange rate %d: %w: %w", r.ID, ErrCorrupt, err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read exchange rates: %w", classify(err))
	}
	return out, nil
}

// SaveRate adds (ID 0) or changes one rate into home. A second rate for the
// same currency and day is refused (ErrConflict, with the "as of" field
// named), since it would make the conversion a coin toss.
func (s *Store) SaveRate(ctx context.Context, home string, r data.Rate) (data.Rate, error) {
	if err := r.Validate(home); err != nil {
		return r, fmt.Errorf("save rate: %w", err)
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var other int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM exchange_rates WHERE home = ? AND currency = ? AND as_of = ? AND id <> ?`,
			home, r.Currency, r.AsOf.String(), r.ID).Scan(&other)
		switch {
		case err == nil:
			return fmt.Errorf("%w: %w", data.ErrConflict,
				data.Invalid("as of", "%s already has a rate as of %s; edit that one instead", r.Currency, r.AsOf))
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
		if r.ID == 0 {
			res, err := tx.ExecContext(ctx, `INSERT INTO exchange_rates (home, currency, to_home, as_of) VALUES (?, ?, ?, ?)`,
				home, r.Currency, r.ToHome.String(), r.AsOf.String())
			if err != nil {
				return err
			}
			r.ID, err = res.LastInsertId()
			return err
		}
		return expectOne(tx.ExecContext(ctx, `UPDATE exchange_rates SET currency = ?, to_home = ?, as_of = ? WHERE id = ? AND home = ?`,
			r.Currency, r.ToHome.String(), r.AsOf.String(), r.ID, home))
	})
	if err != nil {
		return r, fmt.Errorf("save rate for %s: %w", r.Currency, err)
	}
	return r, nil
}

// ImportRates stores rates into home in one transaction: a rate for a
// currency and day already known replaces it (a corrected quote), so
// importing the same file twice leaves the same table. It returns how many
// rates were new and how many replaced old values.
func (s *Store) ImportRates(ctx context.Context, home string, rates []data.Rate) (added, replaced int, err error) {
	if err := data.ValidateRates(home, rates); err != nil {
		return 0, 0, fmt.Errorf("import rates: %w", err)
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		for _, r := range rates {
			var id int64
			var old string
			err := tx.QueryRowContext(ctx, `SELECT id, to_home FROM exchange_rates WHERE home = ? AND currency = ? AND as_of = ?`,
				home, r.Currency, r.AsOf.String()).Scan(&id, &old)
			switch {
			case errors.Is(err, sql.ErrNoRows):
				if _, err := tx.ExecContext(ctx, `INSERT INTO exchange_rates (home, currency, to_home, as_of) VALUES (?, ?, ?, ?)`,
					home, r.Currency, r.ToHome.String(), r.AsOf.String()); err != nil {
					return err
				}
				added++
			case err != nil:
				return err
			default:
				if d, perr := decimal.NewFromString(old); perr == nil && d.Equal(r.ToHome) {
					continue
				}
				if _, err := tx.ExecContext(ctx, `UPDATE exchange_rates SET to_home = ? WHERE id = ?`, r.ToHome.String(), id); err != nil {
					return err
				}
				replaced++
			}
		}
		return nil
	})
	if err != nil {
		return 0, 0, fmt.Errorf("import rates: %w", err)
	}
	return added, replaced, nil
}

// DeleteRate removes one rate and returns it as it was, for undo.
func (s *Store) DeleteRate(ctx context.Context, home string, id int64) (data.Rate, error) {
	var gone data.Rate
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var rate, asOf string
		err := tx.QueryRowContext(ctx, `SELECT id, currency, to_home, as_of FROM exchange_rates WHERE id = ? AND home = ?`, id, home).
			Scan(&gone.ID, &gone.Currency, &rate, &asOf)
		if errors.Is(err, sql.ErrNoRows) {
			return data.ErrNotFound
		}
		if err != nil {
			return err
		}
		gone.ToHome, _ = decimal.NewFromString(rate)
		gone.AsOf, _ = storedDate("as of", asOf)
		return expectOne(tx.ExecContext(ctx, `DELETE FROM exchange_rates WHERE id = ?`, id))
	})
	if err != nil {
		return gone, fmt.Errorf("delete rate %d: %w", id, err)
	}
	return gone, nil
}

// DecimalMark returns the decimal mark the user chose for typing amounts;
// zero when not chosen (amounts are then read where unambiguous).
func (s *Store) DecimalMark(ctx context.Context) (data.DecimalMark, error) {
	v, ok, err := s.Setting(ctx, SettingDecimalMark)
	if err != nil || !ok {
		return 0, err
	}
	switch v {
	case ".":
		return data.DecimalPoint, nil
	case ",":
		return data.DecimalComma, nil
	}
	return 0, nil
}

// SetDecimalMark stores the user's decimal mark (zero forgets it).
func (s *Store) SetDecimalMark(ctx context.Context, m data.DecimalMark) error {
	v := ""
	switch m {
	case data.DecimalPoint, data.DecimalComma:
		v = string(rune(m))
	case 0:
	default:
		return data.Invalid("decimal mark", "%q is not one MasterPlan reads; use a point or a comma", rune(m))
	}
	if err := s.SetSetting(ctx, SettingDecimalMark, v); err != nil {
		return fmt.Errorf("save the decimal mark: %w", err)
	}
	return nil
}
