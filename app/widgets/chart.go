package widgets

import (
	"image"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"
)

// ChartImage shows a chart drawn for the size it is given: Draw is called
// again, at the canvas's pixel scale, whenever that size changes, so the
// chart's text stays sharp and readable at any window size instead of a
// fixed picture being stretched.
type ChartImage struct {
	widget.BaseWidget
	// Draw renders the chart at w by h pixels for a screen scale (pixels
	// per Fyne unit, so that text can keep its size); nil shows nothing.
	Draw func(w, h int, scale float32) (image.Image, error)
	// OnError is told when Draw fails (the image is then left empty).
	OnError func(error)
	min     fyne.Size
	shown   image.Image // the picture last drawn
}

var _ fyne.Widget = (*ChartImage)(nil)

// NewChartImage makes a chart at least minSize large.
func NewChartImage(minSize fyne.Size) *ChartImage {
	c := &ChartImage{min: minSize}
	c.ExtendBaseWidget(c)
	return c
}

// Image is the picture currently shown (nil before the first draw).
func (c *ChartImage) Image() image.Image { return c.shown }

// CreateRenderer implements fyne.Widget.
func (c *ChartImage) CreateRenderer() fyne.WidgetRenderer {
	img := canvas.NewImageFromImage(nil)
	img.FillMode = canvas.ImageFillContain
	return &chartRenderer{chart: c, img: img}
}

type chartRenderer struct {
	chart *ChartImage
	img   *canvas.Image
	drawn fyne.Size
}

func (r *chartRenderer) Layout(size fyne.Size) {
	r.img.Resize(size)
	if size != r.drawn {
		r.redraw(size)
	}
}

func (r *chartRenderer) redraw(size fyne.Size) {
	r.drawn = size
	r.img.Image = nil
	// Below half its minimum size (a split dragged nearly shut) a chart is
	// unreadable: leave it empty rather than draw a smudge.
	if r.chart.Draw != nil && size.Width >= r.chart.min.Width/2 && size.Height >= r.chart.min.Height/2 {
		scale := float32(1)
		if c := fyne.CurrentApp().Driver().CanvasForObject(r.chart); c != nil {
			scale = c.Scale()
		}
		img, err := r.chart.Draw(int(size.Width*scale), int(size.Height*scale), scale)
		if err != nil && r.chart.OnError != nil {
			r.chart.OnError(err)
		}
		r.img.Image = img
	}
	r.chart.shown = r.img.Image
	r.img.Refresh()
}

func (r *chartRenderer) MinSize() fyne.Size { return r.chart.min }

func (r *chartRenderer) Refresh() { r.redraw(r.chart.Size()) }

func (r *chartRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.img} }

func (r *chartRenderer) Destroy() {}
