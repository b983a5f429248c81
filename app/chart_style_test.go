package app

import (
	"bytes"
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/masterplan-app/masterplan/app/widgets"
	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/summary"
)

// The charts are drawn in the theme's own font, text size and colours of
// the variant chosen, at the screen's scale.
func TestChartStyleIsTheTheme(t *testing.T) {
	a := test.NewTempApp(t)
	for _, name := range []string{data.ThemeLight, data.ThemeDark} {
		ApplyTheme(a, name)
		th, v := a.Settings().Theme(), a.Settings().ThemeVariant()
		st := chartStyle(a, 2)
		if !bytes.Equal(st.Font, theme.TextFont().Content()) {
			t.Errorf("%s: the chart font is not the theme's text font", name)
		}
		if st.TextSize != float64(theme.TextSize()) || st.Scale != 2 {
			t.Errorf("%s: text %g at scale %g, want %g at 2", name, st.TextSize, st.Scale, theme.TextSize())
		}
		for what, pair := range map[string][2]color.Color{
			"background": {st.Background, th.Color(theme.ColorNameBackground, v)},
			"foreground": {st.Foreground, th.Color(theme.ColorNameForeground, v)},
			"primary":    {st.Primary, th.Color(theme.ColorNamePrimary, v)},
		} {
			if pair[0] != pair[1] {
				t.Errorf("%s: chart %s %v, theme's %v", name, what, pair[0], pair[1])
			}
		}
	}
}

// Text meets WCAG AA (4.5:1) in both themes: the charts' and the cards'
// text on their backgrounds, and the cards' green and red figures, which
// the theme's own green and red do not.
func TestTextContrastInBothThemes(t *testing.T) {
	a := test.NewTempApp(t)
	for _, name := range []string{data.ThemeLight, data.ThemeDark} {
		ApplyTheme(a, name)
		st := chartStyle(a, 1)
		card := cardBackground()
		pairs := map[string][2]color.Color{
			"chart text":   {st.Foreground, st.Background},
			"card text":    {theme.Color(theme.ColorNameForeground), card},
			"good figure":  {figureColor(summary.Good), card},
			"bad figure":   {figureColor(summary.Bad), card},
			"plain figure": {figureColor(summary.Neutral), card},
			"window text":  {theme.Color(theme.ColorNameForeground), theme.Color(theme.ColorNameBackground)},
		}
		for what, p := range pairs {
			if r := contrastRatio(over(p[0], p[1]), p[1]); r < wcagAA {
				t.Errorf("%s theme: %s contrast %.2f, want at least %.1f", name, what, r, wcagAA)
			}
		}
	}
	// The case the issue names: Fyne's progress bar writes "12%" in white
	// on pale primary, which the Meter replaces (it has no text).
	ApplyTheme(a, data.ThemeLight)
	pale := over(color.NRGBA{R: 0x29, G: 0x6f, B: 0xf6, A: 0x66}, theme.Color(theme.ColorNameBackground))
	if r := contrastRatio(theme.Color(theme.ColorNameForegroundOnPrimary), pale); r >= wcagAA {
		t.Errorf("white on pale blue has contrast %.2f: the check cannot tell bad contrast", r)
	}
	if r := contrastRatio(color.Black, color.White); r < 20.9 || r > 21.1 {
		t.Errorf("black on white = %.2f, want 21", r)
	}
}

// A meter at 0 % is empty: nothing filled, only the track; at 12 % a
// strong part an eighth of the width.
func TestMeterEmptyAtZero(t *testing.T) {
	test.NewTempApp(t)
	m := widgets.NewMeter()
	m.Resize(fyne.NewSize(200, 20))
	m.SetValue(0)
	if m.Filled() != 0 {
		t.Errorf("a 0 %% meter is %.2f filled", m.Filled())
	}
	for _, o := range test.WidgetRenderer(m).Objects()[1:] {
		if o.Size().Width > 0 && o.Visible() {
			t.Errorf("a 0 %% meter draws a fill %v wide", o.Size())
		}
	}
	m.SetValue(0.12)
	if got := test.WidgetRenderer(m).Objects()[1].Size().Width; got < 23 || got > 25 {
		t.Errorf("a 12 %% meter fills %g of 200", got)
	}
}
