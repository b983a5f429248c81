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
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/masterplan-app/masterplan/data"
)

// StudyStyle holds the colours a study chart is drawn in: the app passes its
// theme's colours so that the chart reads in light and dark alike.
type StudyStyle struct {
	Background color.Color // the chart's background
	Foreground color.Color // text, axes and the goal line
	Accent     color.Color // bars and the busiest heat-map days
	Empty      color.Color // heat-map days without study
	Scale      float64     // pixels per point of text at 96 DPI: 2 on a HiDPI screen; 0 means 1
}

// studyDPI is the resolution the charts are drawn at: sizes are in pixels.
const studyDPI = 96

// WeeklyStudyChart draws the hours of each week (data.WeeklyStudy's points,
// oldest first) as bars, with the weekly goal as a dashed line when goal is
// above zero, into an image of w×h pixels.
func WeeklyStudyChart(weeks []data.StudyPoint, goal float64, style StudyStyle, w, h int) (image.Image, error) {
	p := studyPlot(style, "Hours per week")
	values := make(plotter.Values, len(weeks))
	top := goal
	for i, wk := range weeks {
		values[i] = wk.Hours
		top = math.Max(top, wk.Hours)
	}
	if len(weeks) > 0 {
		bars, err := plotter.NewBarChart(values, vg.Points(float64(w)*0.6/float64(len(weeks))))
		if err != nil {
			return nil, fmt.Errorf("weekly study chart: %w", err)
		}
		bars.Color = style.Accent
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
		p.Legend.Add(fmt.Sprintf("goal %g h", goal), line)
		p.Legend.Top = true
	}
	p.Y.Min, p.Y.Max = 0, math.Max(1, math.Ceil(top*1.15))
	p.Y.Label.Text = "hours"
	return renderStudy(p, w, h, style), nil
}

// StudyHeatmap draws one square per day (data.DailyStudy's points, oldest
// first, starting on the first day of a week): weeks run left to right and
// the days of the week top to bottom, darker (in Accent) for more study.
func StudyHeatmap(days []data.StudyPoint, style StudyStyle, w, h int) (image.Image, error) {
	p := studyPlot(style, "Day by day")
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
	return renderStudy(p, w, h, style), nil
}

// studyHeat is the heat map's plotter: row 0 (the week's first day) on top.
type studyHeat struct {
	days  []data.StudyPoint
	max   float64
	style StudyStyle
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

// color blends from Empty to Accent; any study at all gets at least a
// quarter of the way, so a short day is not mistaken for none.
func (hm *studyHeat) color(hours float64) color.Color {
	if hours <= 0 || hm.max <= 0 {
		return hm.style.Empty
	}
	f := 0.25 + 0.75*math.Min(1, hours/hm.max)
	return blendStudy(hm.style.Empty, hm.style.Accent, f)
}

func blendStudy(a, b color.Color, f float64) color.Color {
	ar, ag, ab, _ := a.RGBA()
	br, bg, bb, _ := b.RGBA()
	mix := func(x, y uint32) uint8 { return uint8((float64(x)*(1-f) + float64(y)*f) / 257) }
	return color.NRGBA{R: mix(ar, br), G: mix(ag, bg), B: mix(ab, bb), A: 255}
}

func studyPlot(style StudyStyle, title string) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.BackgroundColor = style.Background
	p.Title.TextStyle.Color = style.Foreground
	p.Legend.TextStyle.Color = style.Foreground
	for _, ax := range []*plot.Axis{&p.X, &p.Y} {
		ax.Color = style.Foreground
		ax.Label.TextStyle.Color = style.Foreground
		ax.Tick.Label.Color = style.Foreground
		ax.Tick.Color = style.Foreground
	}
	return p
}

// renderStudy draws p into a w×h pixel image on the style's background, text scaled by style.Scale.
func renderStudy(p *plot.Plot, w, h int, style StudyStyle) image.Image {
	scale := style.Scale
	if scale <= 0 {
		scale = 1
	}
	dpi := studyDPI * scale
	px := vg.Inch / vg.Length(dpi)
	c := vgimg.NewWith(vgimg.UseWH(vg.Length(max(w, 50))*px, vg.Length(max(h, 50))*px), vgimg.UseDPI(int(math.Round(dpi))), vgimg.UseBackgroundColor(style.Background))
	// A margin all round: gonum draws to the canvas edge, where the last
	// bar, heat-map column or tick label would touch the pane's border.
	m := vg.Points(8)
	p.Draw(draw.Crop(draw.New(c), m, -m, m/2, -m/2))
	return c.Image()
}
