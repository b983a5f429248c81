package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// What the screens not built yet will hold, said plainly so nobody looks for
// a feature that is not there.
const (
	readingPlan   = "Reading list: coming soon.\n\nHere you will keep the recommended reading list, update progress in two keystrokes, and see the pages per day needed to finish before the rotation."
	studyPlan     = "Study hours: coming soon.\n\nHere you will time study sessions or log them by hand, and see this week's hours against your goal, your streak and hours per topic."
	practicePlan  = "Practice tests: coming soon.\n\nHere you will record practice attempts with a score per topic, see the trend, your weakest topics and whether you are ready for each exam."
	budgetPlan    = "Travel budget: coming soon.\n\nHere you will plan the fee, flights, hotel and meals in any currency, planned against actual, and who pays."
	remindersPlan = "Reminders: coming soon.\n\nHere you will set study and milestone reminders that reach your desktop as notifications."
)

// placeholderScreen stands in for a screen a later release brings.
type placeholderScreen struct{ text string }

func newPlaceholderScreen(text string) *placeholderScreen { return &placeholderScreen{text: text} }

func (p *placeholderScreen) view() fyne.CanvasObject {
	l := widget.NewLabel(p.text)
	l.Wrapping = fyne.TextWrapWord
	return container.NewPadded(l)
}

func (p *placeholderScreen) refresh() {}
func (p *placeholderScreen) newItem() {}
