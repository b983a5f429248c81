package app

import (
	"github.com/masterplan-app/masterplan/data/summary"
)

// newPracticeScreen stands in until the Practice screen is built.
func newPracticeScreen(s *Shell) screen {
	return newPlaceholderScreen("Practice tests: coming soon.\n\nHere you will record practice attempts with a score per topic, see the trend, your weakest topics and whether you are ready for each exam.")
}

// practiceCard is the dashboard's Practice card: a title and text from the
// summary; an empty text hides the card.
func practiceCard(s summary.Summary) (title, text string) { return "", "" }
