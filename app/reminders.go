package app

import (
	"github.com/masterplan-app/masterplan/data/summary"
)

// newRemindersScreen stands in until the Reminders screen is built.
func newRemindersScreen(s *Shell) screen {
	return newPlaceholderScreen("Reminders: coming soon.\n\nHere you will set study and milestone reminders that reach your desktop as notifications.")
}

// remindersCard is the dashboard's Reminders card: a title and text from the
// summary; an empty text hides the card.
func remindersCard(s summary.Summary) (title, text string) { return "", "" }
