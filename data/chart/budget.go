// Package chart draws MasterPlan's charts with gonum/plot into images, so
// that the screens and the reports show the same picture.
package chart

import (
	"fmt"
	"image"
	"strconv"

	"gonum.org/v1/plot"
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
	f, err := budgetFigure(t, st, h)
	if err != nil {
		return nil, err
	}
	img, _ := f.draw(w, h)
	return img, nil
}

func budgetFigure(t data.BudgetTotals, st Style, h int) (*figure, error) {
	f, err := newFigure(st, "Planned vs actual by category ("+t.Home+")")
	if err != nil {
		return nil, fmt.Errorf("budget chart: %w", err)
	}
	p := f.p
	planned := make(plotter.Values, len(t.Rows))
	actual := make(plotter.Values, len(t.Rows))
	names := make([]string, len(t.Rows))
	for i, r := range t.Rows {
		// The first row at the top, as in the table beside the chart
		// (gonum counts categories from the bottom).
		at := len(t.Rows) - 1 - i
		planned[at] = r.PlannedShown.InexactFloat64()
		actual[at] = r.ActualShown.InexactFloat64()
		names[at] = r.Category.Label()
	}
	// Bars run across, the categories down the side, where their names
	// have room however many there are.
	width := points(float64(h) / st.scale() / float64(len(t.Rows)) / 5)
	pb, err := plotter.NewBarChart(planned, width)
	if err != nil {
		return nil, fmt.Errorf("budget chart: %w", err)
	}
	pb.Color, pb.LineStyle.Width, pb.Horizontal = st.Primary, 0, true
	pb.Offset = width / 2
	ab, err := plotter.NewBarChart(actual, width)
	if err != nil {
		return nil, fmt.Errorf("budget chart: %w", err)
	}
	ab.Color, ab.LineStyle.Width, ab.Horizontal = st.Secondary, 0, true
	ab.Offset = -width / 2
	p.Add(pb, ab)
	f.entry("Planned", st.Primary, false)
	f.entry("Actual", st.Secondary, false)
	p.NominalY(names...)
	p.Y.Min, p.Y.Max = -0.6, float64(len(names))-0.4 // the outer bars clear of the frame
	p.X.Max *= 1.05
	p.X.Tick.Marker = amountTicks{}
	return f, nil
}

// amountTicks are gonum's ticks written as whole amounts, in thousands
// ("250k") once they reach ten thousand, instead of "250000.00".
type amountTicks struct{}

func (amountTicks) Ticks(min, max float64) []plot.Tick {
	ticks := plot.DefaultTicks{}.Ticks(min, max)
	for i, t := range ticks {
		switch {
		case t.Label == "":
		case max >= 10000:
			ticks[i].Label = strconv.FormatFloat(t.Value/1000, 'f', -1, 64) + "k"
		default:
			ticks[i].Label = strconv.FormatFloat(t.Value, 'f', -1, 64)
		}
	}
	return ticks
}
