// Package chart draws MasterPlan's charts with gonum/plot into images, so
// that the screens and the reports show the same picture.
package chart

import (
	"fmt"
	"image"

	"gonum.org/v1/plot/plotter"

	"github.com/masterplan-app/masterplan/data"
)

// BudgetBars draws planned against actual per category, in the home
// currency, as grouped bars of w×h pixels in st. The heights are the
// rounded amounts the table beside the chart shows; float64 is only used
// for drawing, never for money.
func BudgetBars(t data.BudgetTotals, st Style, w, h int) (image.Image, error) {
	if len(t.Rows) == 0 {
		return nil, fmt.Errorf("budget chart: %w: there are no budget items to draw", data.ErrInvalid)
	}
	f, err := budgetFigure(t, st, w)
	if err != nil {
		return nil, err
	}
	img, _ := f.draw(w, h)
	return img, nil
}

func budgetFigure(t data.BudgetTotals, st Style, w int) (*figure, error) {
	f, err := newFigure(st, "Planned vs actual by category ("+t.Home+")")
	if err != nil {
		return nil, fmt.Errorf("budget chart: %w", err)
	}
	p := f.p
	planned := make(plotter.Values, len(t.Rows))
	actual := make(plotter.Values, len(t.Rows))
	names := make([]string, len(t.Rows))
	for i, r := range t.Rows {
		planned[i] = r.PlannedShown.InexactFloat64()
		actual[i] = r.ActualShown.InexactFloat64()
		names[i] = r.Category.Label()
	}
	width := points(float64(w) / st.scale() / float64(len(t.Rows)) / 4)
	pb, err := plotter.NewBarChart(planned, width)
	if err != nil {
		return nil, fmt.Errorf("budget chart: %w", err)
	}
	pb.Color, pb.LineStyle.Width = st.Primary, 0
	pb.Offset = -width / 2
	ab, err := plotter.NewBarChart(actual, width)
	if err != nil {
		return nil, fmt.Errorf("budget chart: %w", err)
	}
	ab.Color, ab.LineStyle.Width = st.Secondary, 0
	ab.Offset = width / 2
	p.Add(pb, ab)
	f.entry("Planned", st.Primary, false)
	f.entry("Actual", st.Secondary, false)
	p.NominalX(names...)
	return f, nil
}
