// Package chart draws MasterPlan's charts with gonum/plot into images, which
// the app shows with canvas.NewImageFromImage and the report embeds as PNG.
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

// WeeklyStudyChart draws the hours of each week (data.WeeklyStudy's points,
// oldest first) as bars, with the weekly goal as a dashed line when goal is
// above zero, into an image of w×h pixels.
func WeeklyStudyChart(weeks []data.StudyPoint, goal float64, style Style, w, h int) (image.Image, error) {
	f, err := weeklyFigure(weeks, goal, style, w)
	if err != nil {
		return nil, err
	}
	img, _ := f.draw(w, h)
	return img, nil
}

func weeklyFigure(weeks []data.StudyPoint, goal float64, style Style, w int) (*figure, error) {
	f, err := newFigure(style, "Hours per week")
	if err != nil {
		return nil, fmt.Errorf("weekly study chart: %w", err)
	}
	p := f.p
	values := make(plotter.Values, len(weeks))
	top := goal
	for i, wk := range weeks {
		values[i] = wk.Hours
		top = math.Max(top, wk.Hours)
	}
	if len(weeks) > 0 {
		bars, err := plotter.NewBarChart(values, points(float64(w)/style.scale()*0.6/float64(len(weeks))))
		if err != nil {
			return nil, fmt.Errorf("weekly study chart: %w", err)
		}
		bars.Color = style.Primary
		bars.LineStyle.Width = 0
		p.Add(bars)
		var ticks plot.ConstantTicks
		every := max(1, len(weeks)/6)
		for i, wk := range weeks {
			label := ""
			if (len(weeks)-1-i)%every == 0 {
				label = wk.Start.Time().Format("Jan 2")
			}
			ticks = append(ticks, plot.Tick{Value: float64(i), Label: label})
		}
		p.X.Tick.Marker = ticks
		p.X.Min, p.X.Max = -0.5, float64(len(weeks))-0.5
	}
	if goal > 0 && len(weeks) > 0 {
		line, err := plotter.NewLine(plotter.XYs{{X: -0.5, Y: goal}, {X: float64(len(weeks)) - 0.5, Y: goal}})
		if err != nil {
			return nil, fmt.Errorf("weekly study chart: %w", err)
		}
		line.Color = style.Foreground
		line.Width = vg.Points(1.5)
		line.Dashes = []vg.Length{vg.Points(6), vg.Points(4)}
		p.Add(line)
		f.entry(fmt.Sprintf("goal %g h", goal), style.Foreground, true, line.Dashes...)
	}
	p.Y.Min, p.Y.Max = 0, math.Max(1, math.Ceil(top*1.15))
	p.Y.Label.Text = "hours"
	return f, nil
}

// StudyHeatmap draws one square per day (data.DailyStudy's points, oldest
// first, starting on the first day of a week): weeks run left to right and
// the days of the week top to bottom, nearer Primary for more study, with
// a "less ... more" legend of the shades.
func StudyHeatmap(days []data.StudyPoint, style Style, w, h int) (image.Image, error) {
	f, err := heatmapFigure(days, style)
	if err != nil {
		return nil, err
	}
	img, _ := f.draw(w, h)
	return img, nil
}

func heatmapFigure(days []data.StudyPoint, style Style) (*figure, error) {
	f, err := newFigure(style, "Day by day")
	if err != nil {
		return nil, fmt.Errorf("study heat map: %w", err)
	}
	p := f.p
	weeks := (len(days) + 6) / 7
	hm := &studyHeat{days: days, style: style}
	for _, d := range days {
		hm.max = math.Max(hm.max, d.Hours)
	}
	p.Add(hm)
	p.X.Min, p.X.Max = -0.5, float64(max(weeks, 1))-0.5
	p.Y.Min, p.Y.Max = -0.5, 6.5
	var xt plot.ConstantTicks
	lastMonth := -1
	for i := 0; i < len(days); i += 7 {
		label := ""
		// A month is named on the week holding its first days; the first
		// column only when it holds most of its month, so labels never crowd.
		day := days[i].Start.Time()
		if m := int(day.Month()); m != lastMonth && (day.Day() <= 7 || (i == 0 && day.Day() <= 21)) {
			label, lastMonth = day.Format("Jan"), m
		}
		xt = append(xt, plot.Tick{Value: float64(i / 7), Label: label})
	}
	p.X.Tick.Marker = xt
	var yt plot.ConstantTicks
	if len(days) > 0 {
		for row := 0; row < 7; row += 2 {
			yt = append(yt, plot.Tick{Value: float64(6 - row), Label: days[0].Start.AddDays(row).Time().Format("Mon")})
		}
	}
	p.Y.Tick.Marker = yt
	p.X.LineStyle.Width, p.Y.LineStyle.Width = 0, 0
	p.X.Tick.LineStyle.Width, p.Y.Tick.LineStyle.Width = 0, 0
	scale := []piece{{Text: "less"}, {Color: style.Empty}}
	for _, share := range []float64{0.25, 0.5, 0.75, 1} {
		scale = append(scale, piece{Color: blendStudy(style.Empty, style.Primary, 0.25+0.75*share)})
	}
	f.legend = append(f.legend, append(scale, piece{Text: "more"}))
	return f, nil
}

// studyHeat is the heat map's plotter: row 0 (the week's first day) on top.
type studyHeat struct {
	days  []data.StudyPoint
	max   float64
	style Style
}

var _ plot.Plotter = (*studyHeat)(nil)

// Plot draws each day as a square with a small gap, so empty days stay visible.
func (hm *studyHeat) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	for i, d := range hm.days {
		x, y := float64(i/7), float64(6-i%7)
		x0, x1 := tx(x-0.42), tx(x+0.42)
		y0, y1 := ty(y-0.42), ty(y+0.42)
		// Square cells: the smaller side wins.
		side := min(x1-x0, y1-y0)
		cx, cy := (x0+x1)/2, (y0+y1)/2
		x0, x1, y0, y1 = cx-side/2, cx+side/2, cy-side/2, cy+side/2
		c.FillPolygon(hm.color(d.Hours), []vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}})
	}
}

// color blends from Empty to Primary; any study at all gets at least a
// quarter of the way, so a short day is not mistaken for none.
func (hm *studyHeat) color(hours float64) color.Color {
	if hours <= 0 || hm.max <= 0 {
		return hm.style.Empty
	}
	f := 0.25 + 0.75*math.Min(1, hours/hm.max)
	return blendStudy(hm.style.Empty, hm.style.Primary, f)
}

func blendStudy(a, b color.Color, f float64) color.Color {
	ar, ag, ab, _ := a.RGBA()
	br, bg, bb, _ := b.RGBA()
	mix := func(x, y uint32) uint8 { return uint8((float64(x)*(1-f) + float64(y)*f) / 257) }
	return color.NRGBA{R: mix(ar, br), G: mix(ag, bg), B: mix(ab, bb), A: 255}
}
