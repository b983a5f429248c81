package data

import (
	"fmt"
	"strings"
)

// Generator names what made a budget item: the hotel or the meals
// generator, or "" for an item typed, imported or duplicated.
type Generator string

// The generators, as stored in budget_items.generated_by.
const (
	GeneratedHotel Generator = "hotel"
	GeneratedMeals Generator = "meals"
)

// Valid reports whether g is a generator or "" (none).
func (g Generator) Valid() bool { return g == "" || g == GeneratedHotel || g == GeneratedMeals }

// Covers is the span of nights (hotel: each night named by its evening)
// or days (every other item) the item pays for, first and last included;
// false for an item without a date. A hotel item from the evening before
// a block to its last day covers the nights before each day of the block.
func (it BudgetItem) Covers() (first, last Date, ok bool) {
	if it.Date.IsZero() {
		return Date{}, Date{}, false
	}
	first, last = it.Date, it.EndDate
	if last.IsZero() {
		return first, first, true
	}
	if it.Category == CategoryHotel && last.After(first) {
		last = last.AddDays(-1) // checking out is not a night
	}
	return first, last, true
}

// coverOverlaps reports whether a and b pay for at least one same night or day.
func coverOverlaps(a, b BudgetItem) bool {
	af, al, aok := a.Covers()
	bf, bl, bok := b.Covers()
	return aok && bok && !al.Before(bf) && !bl.Before(af)
}

// GeneratedPlan is what running a generator again would do to the budget:
// the generator never adds a second copy of nights already covered.
type GeneratedPlan struct {
	// Add are the generated items to add: those for nights nothing covers
	// yet, and those replacing the items in Replace.
	Add []BudgetItem
	// Replace are the items of the same category over the same nights,
	// not spent yet, that Add's items take the place of (deleted).
	Replace []BudgetItem
	// Kept are items over the same nights already spent: they stay, and the
	// generated item for their nights is left out.
	Kept []BudgetItem
	// Same are items exactly like a generated one (same key): nothing to do.
	Same []BudgetItem
}

// Covered reports whether some of the generated nights are already in the
// budget, so the user must be asked before anything changes.
func (p GeneratedPlan) Covered() bool { return len(p.Replace)+len(p.Kept) > 0 }

// PlanGenerated decides what adding generated (one generator's items) to a
// budget holding existing does. An existing item of the same category over
// any of the same nights covers them, whether the generator made it
// (generated_by) or it was typed before generators marked their items: an
// exact copy is left alone, one not spent yet is replaced, one spent is
// kept and the new item for its nights is left out.
func PlanGenerated(existing, generated []BudgetItem) GeneratedPlan {
	var p GeneratedPlan
	replaced := map[int64]bool{}
	for _, g := range generated {
		var same, kept, replace []BudgetItem
		for _, it := range existing {
			if it.Category != g.Category || !coverOverlaps(it, g) {
				continue
			}
			switch {
			case it.Key() == g.Key() && it.EndDate == g.EndDate:
				same = append(same, it)
			case it.Actual.IsSet():
				kept = append(kept, it)
			default:
				replace = append(replace, it)
			}
		}
		switch {
		case len(kept) > 0:
			p.Kept = appendNew(p.Kept, kept)
		case len(same) > 0 && len(replace) == 0:
			p.Same = appendNew(p.Same, same)
		default:
			p.Add = append(p.Add, g)
			for _, it := range replace {
				if !replaced[it.ID] {
					replaced[it.ID] = true
					p.Replace = append(p.Replace, it)
				}
			}
		}
	}
	return p
}

func appendNew(to, items []BudgetItem) []BudgetItem {
	for _, it := range items {
		if !containsID(to, it.ID) {
			to = append(to, it)
		}
	}
	return to
}

func containsID(items []BudgetItem, id int64) bool {
	for _, it := range items {
		if it.ID == id {
			return true
		}
	}
	return false
}

// Question is what the generator's dialog asks when nights are already
// covered: which items are there, what replacing does, and what stays.
func (p GeneratedPlan) Question() string {
	var b strings.Builder
	describe := func(items []BudgetItem) {
		for _, it := range items { // dated as the budget list dates them
			when := it.Date.String()
			if !it.EndDate.IsZero() {
				when += " to " + it.EndDate.String()
			}
			fmt.Fprintf(&b, "\n  • %s: %s, %s", when, describeItem(it), it.Planned.Format())
		}
	}
	if len(p.Replace) > 0 {
		fmt.Fprintf(&b, "These nights are already in the budget (%s):", unitCount(len(p.Replace), "item"))
		describe(p.Replace)
		fmt.Fprintf(&b, "\nReplace them with the %s just generated? Nothing is added twice.", unitCount(len(p.Add), "item"))
	}
	if len(p.Kept) > 0 {
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString("Already spent, so kept as they are (no new item for their nights):")
		describe(p.Kept)
	}
	return b.String()
}

// Nothing reports whether running the generator would change nothing:
// every generated item is already in the budget or spent.
func (p GeneratedPlan) Nothing() bool { return len(p.Add) == 0 }

func describeItem(it BudgetItem) string {
	if it.Description != "" {
		return it.Description
	}
	return it.Category.Label()
}
