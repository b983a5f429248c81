package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// A mark is a tick across the bar at its fraction of the width: the pass
// mark a readiness range is read against.
func TestMeterDrawsItsMarkAtItsFraction(t *testing.T) {
	test.NewTempApp(t)
	m := NewMeter()
	m.SetParts(100, []MeterPart{{Value: 40, Ink: InkBlank}, {Value: 30}})
	m.SetMark(0.7)
	m.Resize(fyne.NewSize(200, 20))
	tick := meterTick(t, m)
	if !tick.Visible() {
		t.Fatal("the mark is hidden")
	}
	if mid := tick.Position().X + tick.Size().Width/2; mid < 139 || mid > 141 {
		t.Errorf("the mark's middle is at x=%v, want 140 (0.7 of 200)", mid)
	}
	if tick.Size().Height <= meterHeight {
		t.Errorf("the mark is %v high, not taller than the bar (%v): it would not stand out", tick.Size().Height, meterHeight)
	}
	// In a card's row, taller than the bar, the mark stays at the bar.
	m.Resize(fyne.NewSize(200, 40))
	tick = meterTick(t, m)
	if top, bottom := tick.Position().Y, tick.Position().Y+tick.Size().Height; top <= 0 || bottom >= 40 || top+bottom != 40 {
		t.Errorf("the mark spans y=%v to %v, want centred on the bar, short of its 40 high row's edges", top, bottom)
	}
	m.SetMark(-1)
	if meterTick(t, m).Visible() {
		t.Error("a negative mark still draws a tick")
	}
}

// meterTick is the rectangle m draws its mark with.
func meterTick(t *testing.T, m *Meter) *canvas.Rectangle {
	t.Helper()
	r, ok := test.TempWidgetRenderer(t, m).(*meterRenderer)
	if !ok {
		t.Fatal("the meter's renderer is not a meterRenderer")
	}
	r.Layout(m.Size())
	return r.tick
}
