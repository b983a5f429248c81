package chart

import (
	"fmt"
	"image"
	"image/color"
	"math"

	"golang.org/x/image/font/opentype"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/font/liberation"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// Style is what every chart is drawn in. The app passes its theme's font,
// text size and colours for the current light or dark variant, and the
// screen's scale, so that a chart reads like the window around it and is
// sharp on a HiDPI screen; the report passes its paper's.
type Style struct {
	Font     []byte  // a TrueType font's bytes for all text; nil: Liberation Sans
	TextSize float64 // text height in pixels at scale 1; 0 means 12
	Scale    float64 // pixels per pixel at scale 1: 2 on a HiDPI screen; 0 means 1

	Background color.Color
	Foreground color.Color // text, axes, the goal line
	Primary    color.Color // the main series: bars, scores, busy days
	Secondary  color.Color // a second series: actual spend
	Warning    color.Color // the pass mark
	Success    color.Color // the projection
	Empty      color.Color // heat-map days without study
}

// chartDPI is the resolution at scale 1: sizes are in pixels.
const chartDPI = 96

// themeTypeface names Style.Font among the fonts the charts' text uses.
const themeTypeface = "MasterPlanTheme"

func (s Style) scale() float64 {
	if s.Scale <= 0 {
		return 1
	}
	return s.Scale
}

// points is a length of px pixels at scale 1 (vg measures in points).
func points(px float64) vg.Length { return vg.Length(px * 72 / chartDPI) }

// textSize is the text's size, in points, and the titles' a little larger.
func (s Style) textSize() vg.Length {
	if s.TextSize <= 0 {
		return points(12)
	}
	return points(s.TextSize)
}

// fonts is the text handler drawing in Style.Font; the default is
// Liberation Sans, never gonum's serif.
func (s Style) fonts() (text.Handler, font.Font, error) {
	if s.Font == nil {
		cache := font.NewCache(liberation.Collection())
		return text.Plain{Fonts: cache}, font.Font{Typeface: "Liberation", Variant: "Sans"}, nil
	}
	face, err := opentype.Parse(s.Font)
	if err != nil {
		return nil, font.Font{}, fmt.Errorf("chart font: %w", err)
	}
	f := font.Font{Typeface: themeTypeface}
	return text.Plain{Fonts: font.NewCache(font.Collection{{Font: f, Face: face}})}, f, nil
}

// figure is a chart before it is drawn: the plot, its title and its
// legend, which are drawn in a header above the plot, never over the data.
type figure struct {
	p      *plot.Plot
	style  Style
	title  string
	legend [][]piece // entries, each kept on one line
	text   text.Style
}

// piece is a bit of the legend: a swatch (a box, or a line when Line is
// set) or a text.
type piece struct {
	Text   string
	Color  color.Color // the swatch's colour; nil for text
	Line   bool
	Dashes []vg.Length
}

// newFigure is a plot in st's font, size and colours.
func newFigure(st Style, title string) (*figure, error) {
	h, fnt, err := st.fonts()
	if err != nil {
		return nil, err
	}
	p := plot.New()
	p.TextHandler = h
	p.BackgroundColor = st.Background
	ts := text.Style{Color: st.Foreground, Font: font.From(fnt, st.textSize()), Handler: h, XAlign: draw.XLeft, YAlign: draw.YBottom}
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Color, a.Tick.Color = st.Foreground, st.Foreground
		for _, s := range []*text.Style{&a.Label.TextStyle, &a.Tick.Label} {
			s.Color, s.Font, s.Handler = st.Foreground, font.From(fnt, st.textSize()*0.9), h
		}
	}
	return &figure{p: p, style: st, title: title, text: ts}, nil
}

// entry adds a legend entry: a swatch and its text.
func (f *figure) entry(label string, c color.Color, line bool, dashes ...vg.Length) {
	f.legend = append(f.legend, []piece{{Color: c, Line: line, Dashes: dashes}, {Text: label}})
}

// frame is where a drawn chart put its parts, in image pixels.
type frame struct {
	Header image.Rectangle // the title and the legend
	Data   image.Rectangle // the plot's data area
}

// draw renders f into a w×h pixel image at its style's scale.
func (f *figure) draw(w, h int) (image.Image, frame) {
	scale := f.style.scale()
	dpi := chartDPI * scale
	w, h = max(w, 50), max(h, 50)
	px := vg.Inch / vg.Length(dpi) // one image pixel in points
	c := vgimg.NewWith(vgimg.UseWH(vg.Length(w)*px, vg.Length(h)*px), vgimg.UseDPI(int(math.Round(dpi))),
		vgimg.UseBackgroundColor(f.style.Background))
	dc := draw.New(c)
	// A margin all round: gonum draws to the canvas edge, where the last
	// bar or tick label would touch the pane's border.
	m := points(8)
	dc = draw.Crop(dc, m, -m, m/2, -m/2)
	// A long header goes without the title (the screen names the chart
	// beside it). In a short pane, where a header would leave the data a
	// flat strip, the legend stands in a column right of the data instead,
	// without the title too.
	name := f.title
	hgt, _ := f.drawHeader(dc, name, false)
	if hgt > dc.Size().Y/3 {
		name = ""
		hgt, _ = f.drawHeader(dc, name, false)
	}
	above := draw.Crop(dc, 0, 0, 0, -(hgt + points(4)))
	col := f.widest("")
	beside := draw.Crop(dc, 0, -(col + points(8)), 0, 0)
	var header, right vg.Length
	var legend, plotArea draw.Canvas
	if col < dc.Size().X/2 && f.p.DataCanvas(above).Size().Y < dc.Size().Y*0.45 {
		legend = draw.Crop(dc, dc.Size().X-col, 0, 0, 0)
		header, right = f.drawHeader(legend, "", true)
		plotArea = beside
	} else {
		legend = dc
		header, right = f.drawHeader(dc, name, true)
		plotArea = above
	}
	f.p.Draw(plotArea)
	data := f.p.DataCanvas(plotArea)
	toPx := func(r vg.Rectangle) image.Rectangle {
		k := float64(dpi) / 72
		return image.Rect(int(float64(r.Min.X)*k), h-int(float64(r.Max.Y)*k), int(math.Ceil(float64(r.Max.X)*k)), h-int(float64(r.Min.Y)*k))
	}
	top := legend.Max.Y
	hdr := vg.Rectangle{Min: vg.Point{X: legend.Min.X, Y: top - header}, Max: vg.Point{X: right, Y: top}}
	return c.Image(), frame{Header: toPx(hdr), Data: toPx(data.Rectangle)}
}

// drawHeader writes the title name and then the legend's entries left to right
// along the top of c, wrapping to a new line where one does not fit, and
// returns the height used and where its widest line ends.
// With paint false it only measures.
func (f *figure) drawHeader(c draw.Canvas, name string, paint bool) (height, right vg.Length) {
	title := f.text
	title.Font.Size = f.text.Font.Size * 1.15
	title.Font.Weight = 700
	lineH := title.Height("Hg") * 1.2
	gap := f.text.Width(" ")
	sw := f.text.Height("Hg") * 0.8 // a swatch's side
	x, y := c.Min.X, c.Max.Y-lineH
	if name != "" {
		if paint {
			c.FillText(title, vg.Point{X: x, Y: y}, name)
		}
		x += title.Width(name) + 3*gap
	}
	right = max(c.Min.X, x-3*gap)
	for _, e := range f.legend {
		if ew := f.entryWidth(e); x+ew-gap > c.Max.X && x > c.Min.X {
			x, y = c.Min.X, y-lineH
		}
		for _, p := range e {
			switch {
			case p.Color == nil:
				if paint {
					c.FillText(f.text, vg.Point{X: x, Y: y}, p.Text)
				}
				x += f.text.Width(p.Text) + gap
				continue
			case !paint:
				x += swatchWidth(p, sw) + gap
				continue
			}
			mid := y + f.text.Height("x")/2
			if p.Line {
				c.StrokeLine2(draw.LineStyle{Color: p.Color, Width: points(2), Dashes: p.Dashes}, x, mid, x+swatchWidth(p, sw), mid)
			} else {
				c.FillPolygon(p.Color, []vg.Point{{X: x, Y: mid - sw/2}, {X: x + sw, Y: mid - sw/2}, {X: x + sw, Y: mid + sw/2}, {X: x, Y: mid + sw/2}})
			}
			x += swatchWidth(p, sw) + gap
		}
		right = max(right, x-gap)
		x += 2 * gap
	}
	return c.Max.Y - y + lineH*0.25, right
}

// widest is the width of the widest legend entry or of the title name:
// the width of the legend as a column.
func (f *figure) widest(name string) vg.Length {
	title := f.text
	title.Font.Size = f.text.Font.Size * 1.15
	w := title.Width(name)
	for _, e := range f.legend {
		w = max(w, f.entryWidth(e))
	}
	return w
}

// entryWidth is the width of a legend entry with the gap after it.
func (f *figure) entryWidth(e []piece) vg.Length {
	gap := f.text.Width(" ")
	sw := f.text.Height("Hg") * 0.8
	var w vg.Length
	for _, p := range e {
		if p.Color != nil {
			w += swatchWidth(p, sw) + gap
		} else {
			w += f.text.Width(p.Text) + gap
		}
	}
	return w
}

// swatchWidth is a line swatch's length (long enough to show its dashes)
// or a box's side.
func swatchWidth(p piece, side vg.Length) vg.Length {
	if p.Line {
		return side * 2.5
	}
	return side
}
