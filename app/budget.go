package app

import (
	"github.com/masterplan-app/masterplan/data/summary"
)

// newBudgetScreen stands in until the Budget screen is built.
func newBudgetScreen(s *Shell) screen {
	return newPlaceholderScreen("Travel budget: coming soon.\n\nHere you will plan the fee, flights, hotel and meals in any currency, planned against actual, and who pays.")
}

// budgetCard is the dashboard's Budget card: a title and text from the
// summary; an empty text hides the card.
func budgetCard(s summary.Summary) (title, text string) { return "", "" }
