package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/masterplan-app/masterplan/data"
)

// milestoneLinkJoin joins a milestone m to its budget item b, if linked.
const milestoneLinkJoin = `LEFT JOIN milestone_budget_items l ON l.milestone_id = m.id
	LEFT JOIN budget_items b ON b.id = l.budget_item_id`

// linkedItemLabel is the SQL of data.BudgetItem.LinkLabel for b, kept short:
// the category's stored name is mapped in Go (milestoneLink.apply).
const linkedItemLabel = `b.category || char(31) || b.description`

// milestoneLinkColumns reads the link of milestoneLinkJoin.
const milestoneLinkColumns = `coalesce(l.budget_item_id, 0), coalesce(b.actual_amount <> '', 0), coalesce(` + linkedItemLabel + `, '')`

// milestoneLink is a milestone's link as read with milestoneLinkColumns.
type milestoneLink struct {
	itemID int64
	spent  bool
	label  string
}

func (l *milestoneLink) dest() []any { return []any{&l.itemID, &l.spent, &l.label} }

// apply sets m's link, and its done-ness by data.MilestoneDone from the
// box checked (m.Done as read) and the item.
func (l milestoneLink) apply(m *data.Milestone) {
	m.BudgetItemID = l.itemID
	m.Done = data.MilestoneDone(m.Done, l.itemID != 0, l.spent)
	if l.itemID != 0 {
		cat, desc, _ := cutUnitSeparator(l.label)
		m.BudgetItem = data.BudgetItem{Category: data.BudgetCategory(cat), Description: desc}.LinkLabel()
	}
}

func cutUnitSeparator(s string) (before, after string, found bool) {
	for i := 0; i < len(s); i++ {
		if s[i] == 31 {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

// saveMilestoneLink stores m's link to a budget item of its own rotation,
// or removes it (BudgetItemID 0), and sets m.BudgetItem and m.Done as a
// read would.
func saveMilestoneLink(ctx context.Context, tx *sql.Tx, m *data.Milestone) error {
	if m.BudgetItemID == 0 {
		m.BudgetItem = ""
		_, err := tx.ExecContext(ctx, `DELETE FROM milestone_budget_items WHERE milestone_id = ?`, m.ID)
		return err
	}
	var link milestoneLink
	err := tx.QueryRowContext(ctx, `SELECT b.id, b.actual_amount <> '', `+linkedItemLabel+` FROM budget_items b
		WHERE b.id = ? AND b.rotation_id = ?`, m.BudgetItemID, m.RotationID).Scan(link.dest()...)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("milestone %q: %w", m.Title, data.Invalid("budget item", "item %d is not in this rotation's budget; choose another or none", m.BudgetItemID))
	}
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO milestone_budget_items (milestone_id, budget_item_id) VALUES (?, ?)
		ON CONFLICT (milestone_id) DO UPDATE SET budget_item_id = excluded.budget_item_id`, m.ID, m.BudgetItemID); err != nil {
		return fmt.Errorf("link milestone %q: %w", m.Title, err)
	}
	link.apply(m)
	return nil
}

// MilestoneLinks lists, by budget item ID, the titles of the milestones
// linked to each of the rotation's items, so the budget list shows the
// link from the item's side too.
func (s *Store) MilestoneLinks(ctx context.Context, rotationID int64) (map[int64][]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT l.budget_item_id, m.title FROM milestone_budget_items l
		JOIN milestones m ON m.id = l.milestone_id WHERE m.rotation_id = ? ORDER BY m.due_date, m.id`, rotationID)
	if err != nil {
		return nil, fmt.Errorf("read milestone links: %w", classify(err))
	}
	defer rows.Close()
	out := map[int64][]string{}
	for rows.Next() {
		var id int64
		var title string
		if err := rows.Scan(&id, &title); err != nil {
			return nil, fmt.Errorf("read milestone links: %w", err)
		}
		out[id] = append(out[id], title)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read milestone links: %w", classify(err))
	}
	return out, nil
}

// LinkedMilestones lists the IDs of the milestones linked to budget item
// itemID, so an undone delete of the item can link them again.
func (s *Store) LinkedMilestones(ctx context.Context, itemID int64) ([]int64, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT milestone_id FROM milestone_budget_items WHERE budget_item_id = ? ORDER BY milestone_id`, itemID)
	if err != nil {
		return nil, fmt.Errorf("read the milestones of budget item %d: %w", itemID, classify(err))
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("read the milestones of budget item %d: %w", itemID, err)
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// RestoreBudgetItem adds it back (an undone delete) and links it to the
// milestones it had, in one transaction; a milestone deleted meanwhile is
// left out.
func (s *Store) RestoreBudgetItem(ctx context.Context, rotationID int64, it data.BudgetItem, milestones []int64) (data.BudgetItem, error) {
	if err := it.Validate(); err != nil {
		return it, fmt.Errorf("restore budget item: %w", err)
	}
	it.ID = 0
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		if it, err = saveBudgetItem(ctx, tx, rotationID, it); err != nil {
			return err
		}
		for _, m := range milestones {
			if _, err := tx.ExecContext(ctx, `INSERT INTO milestone_budget_items (milestone_id, budget_item_id)
				SELECT id, ? FROM milestones WHERE id = ? AND rotation_id = ?
				ON CONFLICT (milestone_id) DO UPDATE SET budget_item_id = excluded.budget_item_id`, it.ID, m, rotationID); err != nil {
				return fmt.Errorf("link milestone %d: %w", m, err)
			}
		}
		return nil
	})
	if err != nil {
		return it, fmt.Errorf("restore budget item: %w", err)
	}
	return it, nil
}
