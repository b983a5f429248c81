package app

import (
	"image/color"
	"math"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/masterplan-app/masterplan/data"
)

// fixedVariant is the default theme pinned to light or dark, for users who
// choose one in Settings instead of following the system.
type fixedVariant struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

func (f fixedVariant) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return f.Theme.Color(n, f.variant)
}

// ApplyTheme sets the app's theme from the Settings value.
func ApplyTheme(a fyne.App, name string) {
	switch name {
	case data.ThemeLight:
		a.Settings().SetTheme(fixedVariant{theme.DefaultTheme(), theme.VariantLight})
	case data.ThemeDark:
		a.Settings().SetTheme(fixedVariant{theme.DefaultTheme(), theme.VariantDark})
	default:
		a.Settings().SetTheme(theme.DefaultTheme())
	}
}

// WarmFonts starts loading the font faces the first frame measures text
// in, the regular and the bold one, each on its own goroutine: each takes
// 20-45 ms to read the first time (with the list of the system's fonts
// that Fyne falls back on). Safe off the UI goroutine: Fyne's font cache
// and its font list are guarded, and measuring text changes no widget.
// The channel closes once both are loaded.
func WarmFonts() <-chan struct{} {
	var wg sync.WaitGroup
	for _, style := range []fyne.TextStyle{{}, {Bold: true}} {
		wg.Go(func() { fyne.MeasureText("MasterPlan", theme.TextSize(), style) })
	}
	done := make(chan struct{})
	go func() {
		wg.Wait()
		close(done)
	}()
	return done
}

// wcagAA is the contrast WCAG AA asks of body text.
const wcagAA = 4.5

// contrastRatio is WCAG 2's contrast ratio of two opaque colours, 1 to 21.
func contrastRatio(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// luminance is WCAG 2's relative luminance of c.
func luminance(c color.Color) float64 {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(n.R) + 0.7152*lin(n.G) + 0.0722*lin(n.B)
}

// over is fg painted over the opaque bg, as the screen shows it.
func over(fg, bg color.Color) color.Color {
	f, b := color.NRGBAModel.Convert(fg).(color.NRGBA), color.NRGBAModel.Convert(bg).(color.NRGBA)
	a := float64(f.A) / 255
	mix := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*a + float64(y)*(1-a))) }
	return color.NRGBA{R: mix(f.R, b.R), G: mix(f.G, b.G), B: mix(f.B, b.B), A: 255}
}

// legible is fg, darkened on a light bg or lightened on a dark one until
// text in it meets WCAG AA there; the theme's green and red are too pale
// on white for text.
func legible(fg, bg color.Color) color.Color {
	fg = over(fg, bg)
	toward := color.NRGBA{A: 255} // black
	if luminance(bg) < 0.5 {
		toward = color.NRGBA{R: 255, G: 255, B: 255, A: 255}
	}
	for step := 0; step <= 20; step++ { // 5 % more black or white at a time
		t := toward
		t.A = uint8(step * 255 / 20)
		if c := over(t, fg); contrastRatio(c, bg) >= wcagAA {
			return c
		}
	}
	return toward
}
