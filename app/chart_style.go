package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/masterplan-app/masterplan/data/chart"
)

// chartStyle is the style every chart in the window is drawn in: the
// theme's text font and size and its colours for the current variant, at
// the screen's scale (pixels per Fyne unit), so a chart reads like the
// labels around it and is sharp on a HiDPI screen.
func chartStyle(a fyne.App, scale float32) chart.Style {
	th, v := a.Settings().Theme(), a.Settings().ThemeVariant()
	c := func(n fyne.ThemeColorName) color.Color { return th.Color(n, v) }
	bg := c(theme.ColorNameBackground)
	return chart.Style{
		Font:       th.Font(fyne.TextStyle{}).Content(),
		TextSize:   float64(th.Size(theme.SizeNameText)),
		Scale:      float64(scale),
		Background: bg,
		Foreground: c(theme.ColorNameForeground),
		Primary:    c(theme.ColorNamePrimary),
		Secondary:  c(theme.ColorNameWarning),
		Warning:    c(theme.ColorNameError),
		Success:    c(theme.ColorNameSuccess),
		Empty:      c(theme.ColorNameInputBorder),
	}
}
