// Package chart draws MasterPlan's charts with gonum/plot into images, so
// that the screens and the reports show the same picture.
package chart

import (
	"fmt"
	"image"
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/masterplan-app/masterplan/data"
)

// Colours picks the chart's ink and the two bar colours, so that the chart
// follows the app's light or dark theme.
type Colours struct {
	Text, Planned, Actual color.Color
}

// BudgetBars draws planned against actual per category, in the home
// currency, as grouped bars of w×h pixels. The heights are the rounded
// amounts the table beside the chart shows; float64 is only used for
// drawing, never for money.
func BudgetBars(t data.BudgetTotals, w, h int, c Colours) (image.Image, error) {
	if len(t.Rows) == 0 {
		return nil, fmt.Errorf("budget chart: %w: there are no budget items to draw", data.ErrInvalid)
	}
	p := plot.New()
	p.BackgroundColor = color.Transparent
	p.Title.Text = "Planned vs actual by category (" + t.Home + ")"
	p.Title.TextStyle.Color = c.Text
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Color = c.Text
		a.Label.TextStyle.Color = c.Text
		a.Tick.Color = c.Text
		a.Tick.Label.Color = c.Text
	}
	planned := make(plotter.Values, len(t.Rows))
	actual := make(plotter.Values, len(t.Rows))
	names := make([]string, len(t.Rows))
	for i, r := range t.Rows {
		planned[i] = r.PlannedShown.InexactFloat64()
		actual[i] = r.ActualShown.InexactFloat64()
		names[i] = r.Category.Label()
	}
	width := vg.Points(float64(w) / float64(len(t.Rows)) / 4)
	pb, err := plotter.NewBarChart(planned, width)
	if err != nil {
		return nil, fmt.Errorf("budget chart: %w", err)
	}
	pb.Color, pb.LineStyle.Width = c.Planned, 0
	pb.Offset = -width / 2
	ab, err := plotter.NewBarChart(actual, width)
	if err != nil {
		return nil, fmt.Errorf("budget chart: %w", err)
	}
	ab.Color, ab.LineStyle.Width = c.Actual, 0
	ab.Offset = width / 2
	p.Add(pb, ab)
	p.Legend.Add("Planned", pb)
	p.Legend.Add("Actual", ab)
	p.Legend.Top = true
	p.Legend.TextStyle.Color = c.Text
	p.NominalX(names...)

	canvas := vgimg.NewWith(vgimg.UseWH(vg.Length(w)*vg.Inch/96, vg.Length(h)*vg.Inch/96), vgimg.UseDPI(96), vgimg.UseBackgroundColor(color.Transparent))
	p.Draw(draw.New(canvas))
	return canvas.Image(), nil
}
