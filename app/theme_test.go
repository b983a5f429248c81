package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// The fonts load off the UI goroutine while it measures text itself: the
// race detector (make unit) sees no unguarded access, and the sizes are
// those measured without the warm-up.
func TestWarmFontsBesideTheUIGoroutine(t *testing.T) {
	test.NewTempApp(t)
	done := WarmFonts()
	bold := fyne.MeasureText("Dashboard", theme.TextSize(), fyne.TextStyle{Bold: true})
	<-done
	if again := fyne.MeasureText("Dashboard", theme.TextSize(), fyne.TextStyle{Bold: true}); again != bold || bold.Width <= 0 {
		t.Errorf("bold measured %v beside the warm-up, %v after it", bold, again)
	}
}
