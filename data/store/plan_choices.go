package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/plan"
)

// PlanChoices are the plan's settings as the user left them, as stored:
// what the Plan screen's undo puts back.
type PlanChoices struct {
	// Availability is the weekly availability set; the zero value when
	// none was (the default made from the weekly goal applies).
	Availability plan.Availability
	DaysOff      []data.Date           // every day off, past ones too
	Speeds       map[plan.Kind]float64 // the speeds the user set
}

// PlanChoices reads the plan's settings as stored, in one read transaction.
func (s *Store) PlanChoices(ctx context.Context) (PlanChoices, error) {
	c := PlanChoices{Speeds: map[plan.Kind]float64{}}
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT weekday, start_min, end_min FROM plan_availability ORDER BY weekday, start_min`)
		if err != nil {
			return classify(err)
		}
		for rows.Next() {
			var wd int
			var r plan.Range
			if err := rows.Scan(&wd, &r.Start, &r.End); err != nil {
				rows.Close()
				return err
			}
			if wd >= 0 && wd < len(c.Availability) {
				c.Availability[wd] = append(c.Availability[wd], r)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if c.DaysOff, err = planDaysOff(ctx, tx, data.Date{}); err != nil {
			return err
		}
		rows, err = tx.QueryContext(ctx, `SELECT kind, unit, per_hour FROM plan_speeds`)
		if err != nil {
			return classify(err)
		}
		defer rows.Close()
		for rows.Next() {
			var k plan.Kind
			var v float64
			if err := rows.Scan(&k.Kind, &k.Unit, &v); err != nil {
				return err
			}
			c.Speeds[k] = v
		}
		return rows.Err()
	})
	if err != nil {
		return c, fmt.Errorf("read the plan's settings: %w", err)
	}
	return c, nil
}

// RestorePlanChoices puts back the plan's settings read by PlanChoices,
// replacing the availability, the days off and the speeds in one
// transaction: an undo leaves no half-restored plan.
func (s *Store) RestorePlanChoices(ctx context.Context, c PlanChoices) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		for _, table := range []string{"plan_availability", "plan_days_off", "plan_speeds"} {
			if _, err := tx.ExecContext(ctx, `DELETE FROM `+table); err != nil {
				return err
			}
		}
		for wd, ranges := range c.Availability {
			for _, r := range ranges {
				if _, err := tx.ExecContext(ctx, `INSERT INTO plan_availability (weekday, start_min, end_min) VALUES (?, ?, ?)`,
					wd, r.Start, r.End); err != nil {
					return err
				}
			}
		}
		for _, d := range c.DaysOff {
			if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO plan_days_off (day) VALUES (?)`, d.String()); err != nil {
				return err
			}
		}
		for k, v := range c.Speeds {
			if _, err := tx.ExecContext(ctx, `INSERT INTO plan_speeds (kind, unit, per_hour) VALUES (?, ?, ?)`, k.Kind, k.Unit, v); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("put back the plan's settings: %w", err)
	}
	return nil
}
