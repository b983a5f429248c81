package widgets

import (
	"image"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestChartImageDrawsAtItsSize(t *testing.T) {
	test.NewTempApp(t)
	c := NewChartImage(fyne.NewSize(200, 100))
	var calls [][2]int
	c.Draw = func(w, h int, _ float32) (image.Image, error) {
		calls = append(calls, [2]int{w, h})
		return image.NewRGBA(image.Rect(0, 0, w, h)), nil
	}
	w := test.NewTempWindow(t, c)
	w.Resize(fyne.NewSize(400, 300))
	test.WidgetRenderer(c).Layout(fyne.NewSize(400, 300))
	if len(calls) == 0 || calls[len(calls)-1] != [2]int{400, 300} {
		t.Fatalf("Draw calls = %v, want the last at 400x300", calls)
	}
	n := len(calls)
	test.WidgetRenderer(c).Layout(fyne.NewSize(400, 300))
	if len(calls) != n {
		t.Errorf("the same size was drawn again: %v", calls)
	}
	test.WidgetRenderer(c).Layout(fyne.NewSize(60, 30))
	if len(calls) != n {
		t.Errorf("a chart below half its minimum size was drawn: %v", calls)
	}
}
