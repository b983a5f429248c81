package report

import (
	"bytes"
	"fmt"
	"image/png"
	"io"
	"strings"

	"codeberg.org/go-fonts/liberation/liberationsansbold"
	"codeberg.org/go-fonts/liberation/liberationsansregular"
	"codeberg.org/go-pdf/fpdf"
)

// Page geometry in millimetres (A4 portrait).
const (
	pageMargin = 18.0
	lineHeight = 5.5
	bodySize   = 10.0
)

// WritePDF writes doc as an A4 PDF. The fonts are embedded Liberation Sans,
// so names, currencies and dashes in any script the font covers print as
// typed (the PDF core fonts know only Latin-1); a character the font lacks
// prints as missingGlyph rather than failing the report. All text is
// wrapped by wrapLines, so nothing is drawn past the margins.
func WritePDF(w io.Writer, doc Document) error {
	glyphs, err := newGlyphCoverage(liberationsansregular.TTF, liberationsansbold.TTF)
	if err != nil {
		return err
	}
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetMargins(pageMargin, pageMargin, pageMargin)
	pdf.SetAutoPageBreak(true, pageMargin)
	// Text is wrapped to exact widths (wrapLines); fpdf's own padding
	// inside a cell would push a full line past the margin.
	pdf.SetCellMargin(0)
	pdf.AddUTF8FontFromBytes("sans", "", liberationsansregular.TTF)
	pdf.AddUTF8FontFromBytes("sans", "B", liberationsansbold.TTF)
	pdf.SetTitle(doc.Title, true) // metadata, not drawn: kept exact
	pdf.SetCreator("MasterPlan", true)
	doc = glyphs.printableDoc(doc)
	pdf.AliasNbPages("")
	width, _ := pdf.GetPageSize()
	text := width - 2*pageMargin
	pdf.SetFooterFunc(func() {
		pdf.SetY(-12)
		pdf.SetFont("sans", "", 8)
		page := fmt.Sprintf(" · page %d of {nb}", pdf.PageNo())
		// The alias {nb} is wider than the number it becomes: room enough.
		title := fitLine(doc.Title, text-pdf.GetStringWidth(page), pdf.GetStringWidth)
		pdf.CellFormat(text, 5, title+page, "", 0, "C", false, 0, "")
	})
	pdf.AddPage()

	pdf.SetFont("sans", "B", 18)
	paragraph(pdf, text, 9, doc.Title)
	pdf.SetFont("sans", "", bodySize)
	paragraph(pdf, text, lineHeight, doc.Subtitle)

	for si, s := range doc.Sections {
		pdf.Ln(4)
		// Keep a heading with at least a few lines of its section.
		if _, y := pdf.GetXY(); y > 250 {
			pdf.AddPage()
		}
		pdf.SetFont("sans", "B", 13)
		paragraph(pdf, text, 7, s.Title)
		_, y := pdf.GetXY()
		pdf.Line(pageMargin, y, pageMargin+text, y)
		pdf.Ln(1)
		pdf.SetFont("sans", "", bodySize)
		if s.Empty != "" {
			paragraph(pdf, text, lineHeight, s.Empty)
		}
		for bi, b := range s.Blocks {
			switch {
			case b.Text != "":
				paragraph(pdf, text, lineHeight, b.Text)
				pdf.Ln(1)
			case b.Table != nil:
				pdfTable(pdf, *b.Table, text)
			case b.Chart != nil:
				if err := pdfChart(pdf, *b.Chart, fmt.Sprintf("chart-%d-%d", si, bi), text); err != nil {
					return err
				}
			}
		}
	}
	if err := pdf.Output(w); err != nil {
		return fmt.Errorf("report pdf: %w", err)
	}
	return nil
}

// paragraph prints text from the left margin in the current font, wrapped
// to width; the page breaks between lines when it must.
func paragraph(pdf *fpdf.Fpdf, width, h float64, text string) {
	for _, line := range wrapLines(text, width, pdf.GetStringWidth) {
		pdf.SetX(pageMargin)
		pdf.CellFormat(width, h, line, "", 1, "L", false, 0, "")
	}
}

// fitLine is text cut to one line of width, with an ellipsis if cut.
func fitLine(text string, width float64, measure func(string) float64) string {
	lines := wrapLines(strings.ReplaceAll(text, "\n", " "), width, measure)
	if len(lines) == 1 {
		return lines[0]
	}
	cut := []rune(strings.TrimSuffix(lines[0], "-"))
	for len(cut) > 0 && measure(string(cut)+"…") > width {
		cut = cut[:len(cut)-1]
	}
	return string(cut) + "…"
}

// Table cells: text size, line height and the padding around a cell's text.
const (
	cellSize   = 9.0
	cellLine   = 4.6
	cellMargin = 1.0 // each side
)

// pdfTable lays a table out with columns sized to their content (see
// columnWidths) and every cell wrapped inside its column.
func pdfTable(pdf *fpdf.Fpdf, t Table, width float64) {
	cols := len(t.Header)
	if cols == 0 {
		return
	}
	// Measure in bold: the header prints bold and is the wider face.
	pdf.SetFont("sans", "B", cellSize)
	widths := columnWidths(append([][]string{t.Header}, t.Rows...), cols, width, 2*cellMargin, pdf.GetStringWidth)
	align := func(i int) string {
		if i < len(t.Numeric) && t.Numeric[i] {
			return "R"
		}
		return "L"
	}
	bottom := 297 - pageMargin
	var row func(cells []string, style string)
	row = func(cells []string, style string) {
		pdf.SetFont("sans", style, cellSize)
		wrapped := make([][]string, cols)
		lines := 1
		for i := range cols {
			wrapped[i] = wrapLines(cell(cells, i), widths[i]-2*cellMargin, pdf.GetStringWidth)
			lines = max(lines, len(wrapped[i]))
		}
		newPage := func() {
			pdf.AddPage()
			if style == "" { // a table that runs on repeats its header
				row(t.Header, "B")
				pdf.SetFont("sans", style, cellSize)
			}
		}
		// A row goes whole onto the next page if it fits there; a row
		// taller than a page is split between lines, never past the margin.
		_, y := pdf.GetXY()
		if y+float64(lines)*cellLine > bottom && float64(lines+2)*cellLine <= bottom-pageMargin {
			newPage()
		}
		for first := 0; first < lines; {
			_, y := pdf.GetXY()
			room := int((bottom - y + 1e-9) / cellLine)
			if room < 1 {
				newPage()
				continue
			}
			n := min(room, lines-first)
			x := pageMargin
			for i := range cols {
				for l := first; l < first+n && l < len(wrapped[i]); l++ {
					pdf.SetXY(x+cellMargin, y+float64(l-first)*cellLine)
					pdf.CellFormat(widths[i]-2*cellMargin, cellLine, wrapped[i][l], "", 0, align(i), false, 0, "")
				}
				x += widths[i]
			}
			first += n
			end := y + float64(n)*cellLine
			pdf.SetXY(pageMargin, end)
			if first == lines {
				pdf.Line(pageMargin, end, pageMargin+sum(widths), end)
			}
		}
	}
	row(t.Header, "B")
	for _, r := range t.Rows {
		row(r, "")
	}
	pdf.SetFont("sans", "", bodySize)
	pdf.Ln(2)
}

func cell(cells []string, i int) string {
	if i < len(cells) {
		return cells[i]
	}
	return ""
}

func sum(xs []float64) float64 {
	t := 0.0
	for _, x := range xs {
		t += x
	}
	return t
}

// pdfChart places a chart image at the text width, with its caption.
func pdfChart(pdf *fpdf.Fpdf, c Chart, name string, width float64) error {
	var buf bytes.Buffer
	if err := png.Encode(&buf, c.Image); err != nil {
		return fmt.Errorf("report pdf: chart %q: %w", c.Caption, err)
	}
	opt := fpdf.ImageOptions{ImageType: "PNG", ReadDpi: false}
	pdf.RegisterImageOptionsReader(name, opt, &buf)
	b := c.Image.Bounds()
	h := width * float64(b.Dy()) / float64(b.Dx())
	if _, y := pdf.GetXY(); y+h+8 > 297-pageMargin {
		pdf.AddPage()
	}
	pdf.ImageOptions(name, pageMargin, 0, width, h, true, opt, 0, "")
	pdf.SetFont("sans", "", 8)
	for _, line := range wrapLines(c.Caption, width, pdf.GetStringWidth) {
		pdf.SetX(pageMargin)
		pdf.CellFormat(width, 4, line, "", 1, "C", false, 0, "")
	}
	pdf.SetFont("sans", "", bodySize)
	pdf.Ln(2)
	return pdf.Error()
}
