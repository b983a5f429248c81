// Package chart draws MasterPlan's charts with gonum/plot into images, so
// that the screens (canvas.NewImageFromImage) and the report show the same
// picture. Colours come from the caller, which takes them from the theme.
package chart

import (
	"fmt"
	"image"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/masterplan-app/masterplan/data"
)

// PracticeTrend draws an exam's score trend, width by height pixels: every
// attempt's overall score over time, the pass mark as a dashed horizontal
// line labelled with its value, and, when there is a projection, a dotted
// line from the latest score to the projected score at the exam date. The
// y axis is always 0 to 100 %, so two exams' charts compare at a glance.
// Without attempts the chart spans today (to the exam date if projected).
func PracticeTrend(f data.ExamForecast, today data.Date, st Style, width, height int) (image.Image, error) {
	if width < 100 || height < 80 {
		return nil, fmt.Errorf("practice chart of %s: %dx%d pixels is too small to draw", f.Exam.Name, width, height)
	}
	fig, err := practiceFigure(f, today, st)
	if err != nil {
		return nil, err
	}
	img, _ := fig.draw(width, height)
	return img, nil
}

// practiceFigure is PracticeTrend's chart before it is drawn.
func practiceFigure(f data.ExamForecast, today data.Date, st Style) (*figure, error) {
	fig, err := newFigure(st, f.Exam.Name)
	if err != nil {
		return nil, fmt.Errorf("practice chart of %s: %w", f.Exam.Name, err)
	}
	p := fig.p
	p.Y.Label.Text = "score (%)"
	p.Y.Min, p.Y.Max = 0, 100

	x := func(d data.Date) float64 { return float64(d.Time().Unix()) }
	pts := make(plotter.XYs, len(f.Points))
	for i, pt := range f.Points {
		pts[i] = plotter.XY{X: x(pt.Date), Y: pt.Percent}
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, pt := range pts {
		lo, hi = math.Min(lo, pt.X), math.Max(hi, pt.X)
	}
	if f.HasProjection {
		hi = math.Max(hi, x(f.Target))
	}
	if len(pts) == 0 {
		lo, hi = x(today), math.Max(x(today), hi)
	}
	if hi-lo < 7*24*3600 { // at least a week wide, so one point is not on the edge
		mid := (lo + hi) / 2
		lo, hi = mid-3.5*24*3600, mid+3.5*24*3600
	}
	pad := (hi - lo) * 0.03 // keeps the first and the projected point off the frame
	lo, hi = lo-pad, hi+pad
	p.X.Min, p.X.Max = lo, hi
	p.X.Tick.Marker = plot.TimeTicks{Format: dateFormat(hi - lo)}

	pass, err := plotter.NewLine(plotter.XYs{{X: lo, Y: f.PassMark}, {X: hi, Y: f.PassMark}})
	if err != nil {
		return nil, fmt.Errorf("practice chart of %s: %w", f.Exam.Name, err)
	}
	passDashes := []vg.Length{vg.Points(6), vg.Points(4)}
	pass.Color, pass.Width, pass.Dashes = st.Warning, vg.Points(1.5), passDashes
	p.Add(pass)
	fig.entry("pass mark "+f.PassMarkText(), st.Warning, true, passDashes...)

	if len(pts) > 0 {
		line, points, err := plotter.NewLinePoints(pts)
		if err != nil {
			return nil, fmt.Errorf("practice chart of %s: %w", f.Exam.Name, err)
		}
		line.Color, line.Width = st.Primary, vg.Points(2)
		points.Color, points.Shape, points.Radius = st.Primary, draw.CircleGlyph{}, vg.Points(3)
		p.Add(line, points)
		fig.entry("score", st.Primary, true)
	}
	if f.HasProjection && len(f.Fitted) > 0 {
		band, mid, err := rangeBand(f.Forecast, x)
		if err != nil {
			return nil, fmt.Errorf("practice chart of %s: %w", f.Exam.Name, err)
		}
		midDashes := []vg.Length{vg.Points(2), vg.Points(3)}
		band.Color, band.LineStyle.Width = withAlpha(st.Success, 0x50), 0
		mid.Color, mid.Width, mid.Dashes = st.Success, vg.Points(1.5), midDashes
		p.Add(band, mid)
		// Short: the sentence under the chart gives the dates and the chance.
		fig.entry(fmt.Sprintf("projected %.0f %%", f.Projected), st.Success, true, midDashes...)
		fig.entry(fmt.Sprintf("80 %% range %.0f-%.0f %%", f.Low, f.High), withAlpha(st.Success, 0x50), false)
	}
	return fig, nil
}

// rangeBand is the forecast's 80 % range as a band from the last fitted
// score to the target day, one vertex a day (data.Forecast.RangeAt: it
// widens as it goes and stays flat once the trend stops), and the
// projection's line through its middle.
func rangeBand(f data.Forecast, x func(data.Date) float64) (*plotter.Polygon, *plotter.Line, error) {
	from := f.Fitted[len(f.Fitted)-1].Date
	var upper, lower, middle plotter.XYs
	for d := from; !d.After(f.Target); d = d.AddDays(1) {
		m, lo, hi, _ := f.RangeAt(d)
		upper = append(upper, plotter.XY{X: x(d), Y: hi})
		lower = append(lower, plotter.XY{X: x(d), Y: lo})
		middle = append(middle, plotter.XY{X: x(d), Y: m})
	}
	for i := len(lower) - 1; i >= 0; i-- {
		upper = append(upper, lower[i])
	}
	band, err := plotter.NewPolygon(upper)
	if err != nil {
		return nil, nil, err
	}
	line, err := plotter.NewLine(middle)
	return band, line, err
}

// withAlpha is c, translucent, so the scores show through the band.
func withAlpha(c color.Color, a uint8) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: a}
}

// dateFormat is the shortest date that still tells a span's ticks apart,
// so that they do not run into each other in a narrow pane.
func dateFormat(seconds float64) string {
	const day = 24 * 3600
	switch {
	case seconds > 2*365*day:
		return "2006"
	case seconds > 120*day:
		return "Jan 2006"
	}
	return "Jan 2"
}
