package report

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// An emoji (outside the Basic Multilingual Plane) or a character the font
// lacks prints as a visible replacement; the HTML keeps the text exact.
func TestPDFDrawsCharactersTheFontLacksAsReplacement(t *testing.T) {
	doc := Document{
		Title:    "Business case 🎓 MCM",
		Subtitle: "Track 🚀 SQL",
		Sections: []Section{{Title: "Milestones 📅", Blocks: []Block{
			Para("Topic ✅ indexing \U0001F600 and a private-use \uE000 char"),
			TableBlock(Table{Header: []string{"Milestone", "Due"}, Rows: [][]string{{"Exam 🏁 day", "2027-01-02"}}}),
		}}},
	}
	text := pdfText(t, doc)
	for _, want := range []string{"MCM", "Track", "SQL", "Milestones", "indexing", "Exam", "2027-01-02"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF's text lacks %q", want)
		}
	}
	if strings.Count(text, string(missingGlyph)) < 6 {
		t.Errorf("the PDF does not show a replacement box for each emoji:\n%s", text)
	}
	var buf bytes.Buffer
	if err := WriteHTML(&buf, doc); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Business case 🎓 MCM", "Exam 🏁 day", "\U0001F600"} {
		if !strings.Contains(htmlText(t, buf.Bytes()), want) {
			t.Errorf("the HTML lost %q", want)
		}
	}
}

// longDoc has long realistic text in narrow, numeric and date columns and an
// unbroken 200-character title.
func longDoc() Document {
	unbroken := strings.Repeat("Supercalifragilistic", 10)
	return Document{
		Title:    unbroken,
		Subtitle: "Prepared on 2026-11-23 (Europe/Zürich)",
		Sections: []Section{
			{Title: "Preparation", Blocks: []Block{
				TableBlock(Table{Header: []string{"Topic", "Done", "Left", "Per day needed", "Projected finish"},
					Numeric: []bool{false, true, true, true, false},
					Rows: [][]string{
						{"Query processing internals, the optimizer, cardinality estimation and plan caching in depth", "12 of 40", "1240 pages", "35.4", "2027-01-02 (between 2026-12-20 and 2027-02-14)"},
						{unbroken, "1 of 2", "3 pages", "0.1", "2027-01-02"},
					}}),
				TableBlock(Table{Header: []string{"Week", "Hours", "Trend/week", "Projected", "Topic", "Latest", "Forecast", "Pass mark", "Hours studied since first attempt"},
					Numeric: []bool{false, true, false, false, false, true, false, true, true},
					Rows:    [][]string{{"2027-01-02", "12.5", "+1.5", "2027-01-02", "High availability and disaster recovery with log shipping and mirroring", "71%", "2027-01-02", "70%", "123.5"}}}),
			}},
		},
	}
}

func TestPDFKeepsDatesAndHeaderWordsWhole(t *testing.T) {
	text := pdfText(t, longDoc())
	if n := strings.Count(text, "2027-01-02"); n < 5 {
		t.Errorf("%q shows whole %d times, want 5 or more (a date wrapped mid-value):\n%s", "2027-01-02", n, text)
	}
	for _, word := range []string{"Trend/week", "Projected", "Forecast", "attempt", "Projected finish"} {
		if !strings.Contains(text, word) {
			t.Errorf("header word %q is not whole in the PDF:\n%s", word, text)
		}
	}
}

// Lines wrap at spaces, an over-long word breaks with a hyphen, and no
// line is wider than the column.
func TestWrapLinesStaysInsideTheWidth(t *testing.T) {
	measure := func(s string) float64 { return float64(utf8.RuneCountInString(s)) } // one unit a character
	cases := []struct {
		text  string
		width float64
		want  []string
	}{
		{"the quick brown fox", 10, []string{"the quick", "brown fox"}},
		{"2027-01-02 (in 3 weeks)", 10, []string{"2027-01-02", "(in 3", "weeks)"}},
		{"abcdefghijklmnop", 6, []string{"abcde-", "fghij-", "klmnop"}},
		{"one\ntwo", 10, []string{"one", "two"}},
		{"", 10, []string{""}},
	}
	for _, c := range cases {
		got := wrapLines(c.text, c.width, measure)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("wrapLines(%q, %v) = %q, want %q", c.text, c.width, got, c.want)
		}
		for _, l := range got {
			if measure(l) > c.width {
				t.Errorf("wrapLines(%q, %v): line %q is wider than the column", c.text, c.width, l)
			}
		}
	}
	long := strings.Repeat("Supercalifragilistic", 10) + " and " + strings.Repeat("x", 57)
	for _, w := range []float64{2, 3, 7, 40, 80} {
		for _, l := range wrapLines(long, w, measure) {
			if measure(l) > w {
				t.Errorf("width %v: line %q is wider than the column", w, l)
			}
		}
	}
}

// Every column fits the page, and no column is narrower than its widest
// short word (a date, a header word).
func TestColumnWidthsFitThePageAndTheirWords(t *testing.T) {
	measure := func(s string) float64 { return float64(utf8.RuneCountInString(s)) }
	tb := longDoc().Sections[0].Blocks[1].Table
	cells := append([][]string{tb.Header}, tb.Rows...)
	widths := columnWidths(cells, len(tb.Header), 100, 2, measure)
	total := 0.0
	for i, w := range widths {
		total += w
		for _, row := range cells {
			for _, word := range strings.Fields(row[i]) {
				if w < measure(word)+2 {
					t.Errorf("column %d is %v wide: narrower than its word %q", i, w, word)
				}
			}
		}
	}
	if total > 100+1e-9 {
		t.Errorf("columns are %v wide in all, wider than the page's 100", total)
	}
}

// No word of the report is drawn outside the page's side margins, read
// back from the PDF itself (pdftotext -bbox gives each word's box).
func TestPDFDrawsNothingOutsideTheMargins(t *testing.T) {
	doc := longDoc()
	// A cell taller than a page, after enough rows to start it low.
	tall := Table{Header: []string{"Topic", "Notes"}}
	for range 40 {
		tall.Rows = append(tall.Rows, []string{"Replication", "2027-01-02"})
	}
	tall.Rows = append(tall.Rows, []string{"Everything", strings.Repeat("Read the whitepaper on latches and spinlocks again. ", 200)})
	doc.Sections = append(doc.Sections, Section{Title: "Notes", Blocks: []Block{TableBlock(tall)}})
	var buf bytes.Buffer
	if err := WritePDF(&buf, doc); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-bbox", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext (make test installs poppler-utils): %v", err)
	}
	const mm = 72 / 25.4 // points
	left, right := pageMargin*mm, (210-pageMargin)*mm
	// The footer sits below the bottom margin by design, from 285 mm.
	bottom, footer := (297-pageMargin)*mm, 284*mm
	word := regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>`)
	words := word.FindAllStringSubmatch(string(out), -1)
	if len(words) < 50 {
		t.Fatalf("only %d words read back from the PDF", len(words))
	}
	if n := strings.Count(string(out), ">whitepaper<"); n != 200 {
		t.Errorf("the cell taller than a page shows %d of its 200 sentences", n)
	}
	for _, w := range words {
		xMin, _ := strconv.ParseFloat(w[1], 64)
		yMin, _ := strconv.ParseFloat(w[2], 64)
		xMax, _ := strconv.ParseFloat(w[3], 64)
		yMax, _ := strconv.ParseFloat(w[4], 64)
		if xMin < left-0.01 || xMax > right+0.01 {
			t.Errorf("%q is drawn from %.1f to %.1f pt, outside the margins %.1f to %.1f", w[5], xMin, xMax, left, right)
		}
		if yMax > bottom+0.01 && yMin < footer {
			t.Errorf("%q is drawn down to %.1f pt, below the bottom margin %.1f", w[5], yMax, bottom)
		}
	}
}
