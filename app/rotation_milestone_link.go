package app

import (
	"github.com/masterplan-app/masterplan/data"
)

// budgetLinkSelect picks the budget item a milestone waits for, by ID
// (0: none, done by its own box), labelled as data.BudgetItem.LinkLabel and its date.
func (r *rotationScreen) budgetLinkSelect(m data.Milestone) (*choiceSelect[int64], error) {
	items, err := r.shell.Store.BudgetItems(r.shell.ctx(), r.rot.ID)
	if err != nil {
		return nil, err
	}
	ids := []int64{0}
	labels := map[int64]string{0: "None: tick it by hand"}
	for _, it := range items {
		ids = append(ids, it.ID)
		labels[it.ID] = it.LinkLabel()
		if !it.Date.IsZero() { // two hotel items read alike but for their dates
			labels[it.ID] += " (" + it.Date.String() + ")"
		}
	}
	return newChoiceSelect(ids, func(id int64) string { return labels[id] }, m.BudgetItemID), nil
}
