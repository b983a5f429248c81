package app

import (
	"github.com/masterplan-app/masterplan/data/summary"
)

// newStudyScreen stands in until the Study screen is built.
func newStudyScreen(s *Shell) screen {
	return newPlaceholderScreen("Study hours: coming soon.\n\nHere you will time study sessions or log them by hand, and see this week's hours against your goal, your streak and hours per topic.")
}

// studyCard is the dashboard's Study card: a title and text from the
// summary; an empty text hides the card.
func studyCard(s summary.Summary) (title, text string) { return "", "" }
