package data

import "strings"

// Key is a budget item's natural key: its day, category, description
// (case and runs of spaces aside), planned amount (as a number: "40" and
// "40.00" are one amount) and currency. Two items with one key are one
// cost entered twice, so an import skips the second.
func (it BudgetItem) Key() string {
	return strings.Join([]string{it.Date.String(), string(it.Category), NameKey(it.Description),
		it.Planned.Amount.String(), strings.ToUpper(it.Planned.Currency)}, "|")
}

// BudgetKeys returns the set of keys of items, to pass to an importer as
// "already in the budget".
func BudgetKeys(items []BudgetItem) map[string]bool {
	keys := make(map[string]bool, len(items))
	for _, it := range items {
		keys[it.Key()] = true
	}
	return keys
}
