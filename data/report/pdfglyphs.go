package report

import (
	"fmt"
	"strings"

	"golang.org/x/image/font/sfnt"
)

// missingGlyph stands in for a character the embedded fonts cannot draw
// (an emoji, a script Liberation Sans lacks): a visible mark, so the reader
// sees something was there, and the report is still produced. It is the
// white square U+25A1, the "tofu" box readers know: Liberation Sans has no
// U+FFFD but both its faces have this.
const missingGlyph = '\u25A1'

// glyphCoverage knows which characters every embedded face can draw.
type glyphCoverage struct {
	faces []*sfnt.Font
	buf   sfnt.Buffer
}

func newGlyphCoverage(ttfs ...[]byte) (*glyphCoverage, error) {
	g := &glyphCoverage{}
	for _, ttf := range ttfs {
		f, err := sfnt.Parse(ttf)
		if err != nil {
			return nil, fmt.Errorf("report pdf: embedded font: %w", err)
		}
		g.faces = append(g.faces, f)
	}
	return g, nil
}

// drawable reports whether every face has a glyph for r. The PDF writer's
// UTF-8 fonts stop at the Basic Multilingual Plane, so nothing above it is.
func (g *glyphCoverage) drawable(r rune) bool {
	if r > 0xFFFF {
		return false
	}
	if r == '\n' || r == '\t' {
		return true
	}
	for _, f := range g.faces {
		if i, err := f.GlyphIndex(&g.buf, r); err != nil || i == 0 {
			return false
		}
	}
	return true
}

// printable is s with every character the fonts cannot draw replaced by
// missingGlyph. Only the PDF uses it: the HTML keeps the text exact.
func (g *glyphCoverage) printable(s string) string {
	return strings.Map(func(r rune) rune {
		if g.drawable(r) {
			return r
		}
		return missingGlyph
	}, s)
}

// printableDoc is doc with all its text made printable.
func (g *glyphCoverage) printableDoc(doc Document) Document {
	out := Document{Title: g.printable(doc.Title), Subtitle: g.printable(doc.Subtitle)}
	for _, s := range doc.Sections {
		ps := Section{Title: g.printable(s.Title), Empty: g.printable(s.Empty)}
		for _, b := range s.Blocks {
			switch {
			case b.Table != nil:
				t := Table{Header: g.printableRow(b.Table.Header), Numeric: b.Table.Numeric}
				for _, r := range b.Table.Rows {
					t.Rows = append(t.Rows, g.printableRow(r))
				}
				b = Block{Table: &t}
			case b.Chart != nil:
				b = Block{Chart: &Chart{Image: b.Chart.Image, Caption: g.printable(b.Chart.Caption)}}
			default:
				b = Block{Text: g.printable(b.Text)}
			}
			ps.Blocks = append(ps.Blocks, b)
		}
		out.Sections = append(out.Sections, ps)
	}
	return out
}

func (g *glyphCoverage) printableRow(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = g.printable(c)
	}
	return out
}
