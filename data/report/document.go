// Package report renders the business-case report a candidate hands to a
// manager, as PDF or as one self-contained HTML file. Build turns the
// summary (the numbers `masterplan status --json` gives) into a Document of
// plain sections; the renderers only lay that document out, so the PDF and
// the HTML can never disagree on a number.
package report

import "image"

// Document is the report in a form both renderers understand.
type Document struct {
	Title    string
	Subtitle string
	Sections []Section
}

// Section is one part of the report. A section with no data says what to
// enter in Empty and has no blocks.
type Section struct {
	Title  string
	Empty  string
	Blocks []Block
}

// Block is one paragraph, table or chart; exactly one field is set.
type Block struct {
	Text  string
	Table *Table
	Chart *Chart
}

// Table is a grid of text; Numeric marks the columns aligned right.
type Table struct {
	Header  []string
	Rows    [][]string
	Numeric []bool
}

// Chart is a rendered chart, the same image the app shows.
type Chart struct {
	Image   image.Image
	Caption string
}

// Para, TableBlock and ChartBlock build blocks.
func Para(text string) Block { return Block{Text: text} }

// TableBlock wraps a table as a block.
func TableBlock(t Table) Block { return Block{Table: &t} }

// ChartBlock wraps a chart as a block; a nil image adds nothing.
func ChartBlock(img image.Image, caption string) []Block {
	if img == nil {
		return nil
	}
	return []Block{{Chart: &Chart{Image: img, Caption: caption}}}
}
