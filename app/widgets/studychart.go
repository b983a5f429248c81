package widgets

import (
	"image"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"
)

// ChartImage shows a chart drawn for the space it has: it draws again when
// resized, so the chart's text stays at its natural size instead of being
// scaled with the picture.
type ChartImage struct {
	widget.BaseWidget
	render func(w, h int, scale float32) image.Image
	img    *canvas.Image
	min    fyne.Size
	drawn  fyne.Size // the size the current picture was drawn for
}

var _ fyne.Widget = (*ChartImage)(nil)

// NewChartImage makes an empty chart area at least min in size.
func NewChartImage(min fyne.Size) *ChartImage {
	c := &ChartImage{img: canvas.NewImageFromImage(nil), min: min}
	c.img.FillMode = canvas.ImageFillContain
	c.ExtendBaseWidget(c)
	return c
}

// SetRender sets how to draw the chart at w×h pixels for a screen scale
// (pixels per Fyne unit, so text can keep its size), and draws it now.
func (c *ChartImage) SetRender(render func(w, h int, scale float32) image.Image) {
	c.render = render
	c.draw(c.Size())
}

// Image is the picture currently shown (nil before the first draw).
func (c *ChartImage) Image() image.Image { return c.img.Image }

// Resize draws the chart again for the new size.
func (c *ChartImage) Resize(s fyne.Size) {
	c.BaseWidget.Resize(s)
	if s != c.drawn {
		c.draw(s)
	}
}

// MinSize is the size given to NewChartImage.
func (c *ChartImage) MinSize() fyne.Size { return c.min }

func (c *ChartImage) draw(s fyne.Size) {
	if c.render == nil {
		return
	}
	if s.Width < c.min.Width || s.Height < c.min.Height {
		s = s.Max(c.min)
	}
	scale := float32(1)
	if cv := fyne.CurrentApp().Driver().CanvasForObject(c); cv != nil {
		scale = cv.Scale()
	}
	c.img.Image = c.render(int(s.Width*scale), int(s.Height*scale), scale)
	c.drawn = c.Size()
	c.img.Refresh()
}

// CreateRenderer shows the picture.
func (c *ChartImage) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(c.img) }
