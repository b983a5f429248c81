package data

import (
	"errors"
	"fmt"
)

// ScenarioChange is one item priced differently at the other location:
// left out (Drop: a London rotation needs no LHR-SEA flight) or planned at
// another amount (Replace, in any currency: a train instead of the flight).
type ScenarioChange struct {
	ItemID  int64
	Drop    bool
	Replace Money // the zero Money when Drop
}

// ApplyScenarioChanges is items as the other location would have them:
// each change's item left out or re-planned at its amount, the rest as
// they are. A change naming no item, both dropping and replacing, or
// replacing with an amount the item could not hold, is refused, naming
// the item.
func ApplyScenarioChanges(items []BudgetItem, changes []ScenarioChange) ([]BudgetItem, error) {
	byID := make(map[int64]ScenarioChange, len(changes))
	var errs []error
	for _, c := range changes {
		switch {
		case c.Drop && c.Replace.IsSet():
			errs = append(errs, Invalid("what if", "item %d is both dropped and replaced; choose one", c.ItemID))
		case !c.Drop && !c.Replace.IsSet():
			errs = append(errs, Invalid("what if", "item %d has neither a drop nor an amount to replace it with", c.ItemID))
		}
		byID[c.ItemID] = c
	}
	out := make([]BudgetItem, 0, len(items))
	seen := map[int64]bool{}
	for _, it := range items {
		c, ok := byID[it.ID]
		if !ok {
			out = append(out, it)
			continue
		}
		seen[it.ID] = true
		if c.Drop {
			continue
		}
		alt := it
		alt.Planned, alt.Actual, alt.ActualHome = c.Replace, Money{}, Money{}
		alt.Reimbursement, alt.ReimbursementDate = NotClaimed, Date{}
		if err := alt.Validate(); err != nil {
			errs = append(errs, fmt.Errorf("what if, %s: %w", it.LinkLabel(), err))
			continue
		}
		out = append(out, alt)
	}
	for _, c := range changes {
		if !seen[c.ItemID] {
			errs = append(errs, Invalid("what if", "item %d is not in the budget any more; take it off the list", c.ItemID))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return out, nil
}
