package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Meter is a thin bar of stacked parts over an empty track. Unlike Fyne's
// ProgressBar it carries no text (the numbers sit beside it, in the theme's
// text colour on its background, where they read in both themes) and its
// track is plainly empty: at 0 % nothing is filled, where ProgressBar's
// pale-primary track looks like a full bar.
type Meter struct {
	widget.BaseWidget
	parts []MeterPart
	of    float64
	mark  float64 // where the tick stands, 0 to 1; negative for none
}

// MeterPart is one segment of a Meter, from the left.
type MeterPart struct {
	Value float64
	Ink   MeterInk
}

// MeterInk is how a part is drawn.
type MeterInk int

const (
	InkStrong MeterInk = iota // the theme's primary colour
	InkPale                   // primary, half transparent: the rest of a whole
	InkBlank                  // nothing: the track shows through
)

// meterHeight is the bar's thickness in Fyne units.
const meterHeight = 10

var _ fyne.Widget = (*Meter)(nil)

// NewMeter makes an empty meter.
func NewMeter() *Meter {
	m := &Meter{mark: -1}
	m.ExtendBaseWidget(m)
	return m
}

// SetValue fills the meter to fraction f (0 to 1) in the strong ink.
func (m *Meter) SetValue(f float64) { m.SetParts(1, []MeterPart{{Value: f}}) }

// SetParts shows parts stacked from the left on a track of length of.
func (m *Meter) SetParts(of float64, parts []MeterPart) {
	m.of, m.parts = of, append([]MeterPart(nil), parts...)
	m.Refresh()
}

// SetMark draws a tick across the bar at fraction f (0 to 1) of its
// length, such as a pass mark the parts are read against; a negative f
// removes it.
func (m *Meter) SetMark(f float64) {
	m.mark = min(f, 1)
	m.Refresh()
}

// Filled is the fraction of the track drawn in ink (strong or pale), for tests.
func (m *Meter) Filled() float64 {
	if m.of <= 0 {
		return 0
	}
	sum := 0.0
	for _, p := range m.parts {
		if p.Ink != InkBlank {
			sum += max(p.Value, 0)
		}
	}
	return min(sum/m.of, 1)
}

// CreateRenderer implements fyne.Widget.
func (m *Meter) CreateRenderer() fyne.WidgetRenderer {
	r := &meterRenderer{m: m, track: canvas.NewRectangle(color.Transparent), tick: canvas.NewRectangle(color.Transparent)}
	r.Refresh()
	return r
}

type meterRenderer struct {
	m     *Meter
	track *canvas.Rectangle
	fills []*canvas.Rectangle
	tick  *canvas.Rectangle // the mark, taller than the bar so it shows over any ink
}

// tickWidth and tickHeight are the mark's size in Fyne units: it stands
// out of the bar by 3 above and below.
const (
	tickWidth  = 2
	tickHeight = meterHeight + 6
)

func (r *meterRenderer) Layout(size fyne.Size) {
	y := (size.Height - meterHeight) / 2
	r.track.Move(fyne.NewPos(0, y))
	r.track.Resize(fyne.NewSize(size.Width, meterHeight))
	x := float32(0)
	for i, p := range r.m.parts {
		w := float32(0)
		if r.m.of > 0 {
			w = min(size.Width-x, size.Width*float32(max(p.Value, 0)/r.m.of))
		}
		f := r.fills[i]
		f.Move(fyne.NewPos(x, y))
		f.Resize(fyne.NewSize(w, meterHeight))
		x += w
	}
	r.tick.Hidden = r.m.mark < 0
	r.tick.Move(fyne.NewPos(size.Width*float32(max(r.m.mark, 0))-tickWidth/2, (size.Height-tickHeight)/2))
	r.tick.Resize(fyne.NewSize(tickWidth, tickHeight))
}

func (r *meterRenderer) MinSize() fyne.Size { return fyne.NewSize(40, tickHeight) }

func (r *meterRenderer) Refresh() {
	primary := theme.Color(theme.ColorNamePrimary)
	r.track.FillColor = theme.Color(theme.ColorNameInputBackground)
	r.track.StrokeColor = theme.Color(theme.ColorNameInputBorder)
	r.track.StrokeWidth = 1
	r.track.CornerRadius = meterHeight / 2
	r.tick.FillColor = theme.Color(theme.ColorNameForeground)
	for len(r.fills) < len(r.m.parts) {
		r.fills = append(r.fills, canvas.NewRectangle(color.Transparent))
	}
	r.fills = r.fills[:len(r.m.parts)]
	for i, p := range r.m.parts {
		f := r.fills[i]
		f.CornerRadius = meterHeight / 2
		switch p.Ink {
		case InkStrong:
			f.FillColor = primary
		case InkPale:
			f.FillColor = paler(primary)
		default:
			f.FillColor = color.Transparent
		}
	}
	r.Layout(r.m.Size())
	canvas.Refresh(r.m)
}

// paler is c at half opacity.
func paler(c color.Color) color.Color {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A /= 2
	return n
}

func (r *meterRenderer) Objects() []fyne.CanvasObject {
	objs := []fyne.CanvasObject{r.track}
	for _, f := range r.fills {
		objs = append(objs, f)
	}
	return append(objs, r.tick)
}

func (r *meterRenderer) Destroy() {}
