package report

import (
	"bytes"
	"fmt"
	"image/png"
	"io"

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
// typed (the PDF core fonts know only Latin-1).
func WritePDF(w io.Writer, doc Document) error {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetMargins(pageMargin, pageMargin, pageMargin)
	pdf.SetAutoPageBreak(true, pageMargin)
	pdf.AddUTF8FontFromBytes("sans", "", liberationsansregular.TTF)
	pdf.AddUTF8FontFromBytes("sans", "B", liberationsansbold.TTF)
	pdf.SetTitle(doc.Title, true)
	pdf.SetCreator("MasterPlan", true)
	pdf.AliasNbPages("")
	pdf.SetFooterFunc(func() {
		pdf.SetY(-12)
		pdf.SetFont("sans", "", 8)
		pdf.CellFormat(0, 5, fmt.Sprintf("%s · page %d of {nb}", doc.Title, pdf.PageNo()), "", 0, "C", false, 0, "")
	})
	pdf.AddPage()
	width, _ := pdf.GetPageSize()
	text := width - 2*pageMargin

	pdf.SetFont("sans", "B", 18)
	pdf.MultiCell(text, 9, doc.Title, "", "L", false)
	pdf.SetFont("sans", "", bodySize)
	pdf.MultiCell(text, lineHeight, doc.Subtitle, "", "L", false)

	for si, s := range doc.Sections {
		pdf.Ln(4)
		// Keep a heading with at least a few lines of its section.
		if _, y := pdf.GetXY(); y > 250 {
			pdf.AddPage()
		}
		pdf.SetFont("sans", "B", 13)
		pdf.MultiCell(text, 7, s.Title, "B", "L", false)
		pdf.Ln(1)
		pdf.SetFont("sans", "", bodySize)
		if s.Empty != "" {
			pdf.MultiCell(text, lineHeight, s.Empty, "", "L", false)
		}
		for bi, b := range s.Blocks {
			switch {
			case b.Text != "":
				pdf.MultiCell(text, lineHeight, b.Text, "", "L", false)
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

// pdfTable lays a table out with columns sized to their content.
func pdfTable(pdf *fpdf.Fpdf, t Table, width float64) {
	cols := len(t.Header)
	if cols == 0 {
		return
	}
	// Each column gets a share of the width in proportion to its longest
	// cell, so that descriptions get room and amounts do not wrap.
	longest := make([]float64, cols)
	pdf.SetFont("sans", "B", 9) // the header prints bold: measure it so
	for i, h := range t.Header {
		longest[i] = pdf.GetStringWidth(h) + 4
	}
	pdf.SetFont("sans", "", 9)
	for _, r := range t.Rows {
		for i := 0; i < cols && i < len(r); i++ {
			longest[i] = max(longest[i], pdf.GetStringWidth(r[i])+4)
		}
	}
	total := 0.0
	for _, l := range longest {
		total += l
	}
	widths := make([]float64, cols)
	for i, l := range longest {
		widths[i] = l
		if total > width {
			widths[i] = l * width / total
		}
	}
	align := func(i int) string {
		if i < len(t.Numeric) && t.Numeric[i] {
			return "R"
		}
		return "L"
	}
	var row func(cells []string, style string)
	row = func(cells []string, style string) {
		pdf.SetFont("sans", style, 9)
		lines := 1
		for i := 0; i < cols; i++ {
			lines = max(lines, len(pdf.SplitText(cell(cells, i), widths[i]-2)))
		}
		h := float64(lines) * 4.6
		if _, y := pdf.GetXY(); y+h > 297-pageMargin {
			pdf.AddPage()
			if style == "" { // a table that runs on repeats its header
				row(t.Header, "B")
				pdf.SetFont("sans", style, 9)
			}
		}
		x, y := pdf.GetXY()
		for i := 0; i < cols; i++ {
			pdf.SetXY(x, y)
			pdf.MultiCell(widths[i], 4.6, cell(cells, i), "", align(i), false)
			x += widths[i]
		}
		pdf.SetXY(pageMargin, y+h)
		pdf.Line(pageMargin, y+h, pageMargin+sum(widths), y+h)
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
	pdf.MultiCell(width, 4, c.Caption, "", "C", false)
	pdf.SetFont("sans", "", bodySize)
	pdf.Ln(2)
	return pdf.Error()
}
