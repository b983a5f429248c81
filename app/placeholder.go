package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
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
