package app

import (
	"github.com/masterplan-app/masterplan/data/summary"
)

// newReadingScreen stands in until the Reading screen is built.
func newReadingScreen(s *Shell) screen {
	return newPlaceholderScreen("Reading list: coming soon.\n\nHere you will keep the recommended reading list, update progress in two keystrokes, and see the pages per day needed to finish before the rotation.")
}

// readingCard is the dashboard's Reading card: a title and text from the
// summary; an empty text hides the card.
func readingCard(s summary.Summary) (title, text string) { return "", "" }
