package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// cardGrid lays the dashboard's cards out in as many columns of at least
// cell width as fit (two at 1024 wide, four at 1600), each column
// stretched to share the width, each row as tall as its tallest card. The
// first card (Tonight) spans two columns when there are three or more.
// Fyne's GridWrap leaves a ragged right edge and AdaptiveGrid has a fixed
// count; the cards' wrapped text needs the width known before the height.
type cardGrid struct {
	cell  float32 // a column's narrowest width
	width float32 // the width last laid out; the height follows from it
}

var _ fyne.Layout = (*cardGrid)(nil)

// columns is how many columns fit in width.
func (g *cardGrid) columns(width float32) int {
	pad := theme.Padding()
	return max(1, int((width+pad)/(g.cell+pad)))
}

// place sizes objs for width and, when move is set, moves them; it returns
// the total height.
func (g *cardGrid) place(objs []fyne.CanvasObject, width float32, move bool) float32 {
	pad := theme.Padding()
	cols := g.columns(width)
	cw := (width - pad*float32(cols-1)) / float32(cols)
	y := float32(0)
	for i := 0; i < len(objs); {
		var row []fyne.CanvasObject
		var spans []int
		used := 0
		for i < len(objs) && used < cols {
			span := 1
			if i == 0 && cols >= 3 {
				span = 2
			}
			if used+span > cols {
				break
			}
			row, spans, used = append(row, objs[i]), append(spans, span), used+span
			i++
		}
		h := float32(0)
		for k, o := range row {
			w := cw*float32(spans[k]) + pad*float32(spans[k]-1)
			o.Resize(fyne.NewSize(w, o.Size().Height)) // wrapped text measures at its width
			h = max(h, o.MinSize().Height)
		}
		x := float32(0)
		for k, o := range row {
			w := cw*float32(spans[k]) + pad*float32(spans[k]-1)
			if move {
				o.Resize(fyne.NewSize(w, h))
				o.Move(fyne.NewPos(x, y))
			}
			x += w + pad
		}
		y += h + pad
	}
	return max(0, y-pad)
}

func (g *cardGrid) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	g.width = size.Width
	g.place(objs, size.Width, true)
}

func (g *cardGrid) MinSize(objs []fyne.CanvasObject) fyne.Size {
	width := max(g.width, g.cell)
	return fyne.NewSize(g.cell, g.place(objs, width, false))
}
