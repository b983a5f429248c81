package app

import (
	"image/color"
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
