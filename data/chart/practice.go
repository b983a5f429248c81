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
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/masterplan-app/masterplan/data"
)

// PracticeColors are the colours of the practice trend chart.
type PracticeColors struct {
	Background color.Color
	Foreground color.Color // text, axes
	Score      color.Color // the scores' line and points
	PassMark   color.Color // the pass mark's line
	Projection color.Color // the dashed line to the projected score
}

// PracticeTrend draws an exam's score trend, width by height pixels: every
// attempt's overall score over time, the pass mark as a dashed horizontal
// line labelled with its value, and, when there is a projection, a dotted
// line from the latest score to the projected score at the exam date. The
// y axis is always 0 to 100 %, so two exams' charts compare at a glance.
// Without attempts the chart spans today (to the exam date if projected).
func PracticeTrend(f data.ExamForecast, today data.Date, c PracticeColors, width, height int) (image.Image, error) {
	if width < 100 || height < 80 {
		return nil, fmt.Errorf("practice chart of %s: %dx%d pixels is too small to draw", f.Exam.Name, width, height)
	}
	p := plot.New()
	p.BackgroundColor = c.Background
	p.Title.Text = f.Exam.Name
	p.Title.TextStyle.Color = c.Foreground
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Color = c.Foreground
		a.Label.TextStyle.Color = c.Foreground
		a.Tick.Color = c.Foreground
		a.Tick.Label.Color = c.Foreground
	}
	p.Y.Label.Text = "score (%)"
	p.Y.Min, p.Y.Max = 0, 100
	p.X.Tick.Marker = plot.TimeTicks{Format: "2006-01-02"}

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

	pass, err := plotter.NewLine(plotter.XYs{{X: lo, Y: f.PassMark}, {X: hi, Y: f.PassMark}})
	if err != nil {
		return nil, fmt.Errorf("practice chart of %s: %w", f.Exam.Name, err)
	}
	pass.Color, pass.Width, pass.Dashes = c.PassMark, vg.Points(1.5), []vg.Length{vg.Points(6), vg.Points(4)}
	p.Add(pass)
	p.Legend.Add(fmt.Sprintf("pass mark %g %%", f.PassMark), pass)

	if len(pts) > 0 {
		line, points, err := plotter.NewLinePoints(pts)
		if err != nil {
			return nil, fmt.Errorf("practice chart of %s: %w", f.Exam.Name, err)
		}
		line.Color, line.Width = c.Score, vg.Points(2)
		points.Color, points.Shape, points.Radius = c.Score, draw.CircleGlyph{}, vg.Points(3)
		p.Add(line, points)
		p.Legend.Add("overall score", line, points)
	}
	if f.HasProjection && len(pts) > 0 {
		last := pts[len(pts)-1]
		proj, marks, err := plotter.NewLinePoints(plotter.XYs{last, {X: x(f.Target), Y: f.Projected}})
		if err != nil {
			return nil, fmt.Errorf("practice chart of %s: %w", f.Exam.Name, err)
		}
		proj.Color, proj.Width, proj.Dashes = c.Projection, vg.Points(1.5), []vg.Length{vg.Points(2), vg.Points(3)}
		marks.Color, marks.Shape, marks.Radius = c.Projection, draw.RingGlyph{}, vg.Points(4)
		p.Add(proj, marks)
		p.Legend.Add(fmt.Sprintf("projected %.1f %% on %s", f.Projected, f.Target), proj, marks)
	}
	p.Legend.TextStyle.Color = c.Foreground
	// Sans like the app's own text, not gonum's default serif.
	for _, st := range []*text.Style{&p.Title.TextStyle, &p.X.Label.TextStyle, &p.Y.Label.TextStyle, &p.X.Tick.Label, &p.Y.Tick.Label, &p.Legend.TextStyle} {
		st.Font.Variant = "Sans"
	}
	p.Legend.Top, p.Legend.Left = false, true

	canvas := vgimg.NewWith(vgimg.UseWH(vg.Length(width)*vg.Inch/96, vg.Length(height)*vg.Inch/96), vgimg.UseDPI(96),
		vgimg.UseBackgroundColor(c.Background))
	p.Draw(draw.New(canvas))
	return canvas.Image(), nil
}
