package report

import (
	"bytes"
	"image"
	"image/color"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// sampleDoc has every kind of block and text outside Latin-1.
func sampleDoc() Document {
	img := image.NewRGBA(image.Rect(0, 0, 400, 200))
	for x := 0; x < 400; x++ {
		img.Set(x, 100, color.RGBA{0, 0, 255, 255})
	}
	long := make([][]string, 80) // enough rows to need a second page
	for i := range long {
		long[i] = []string{"Hotel night", "GBP", "155.00"}
	}
	return Document{
		Title:    "Business case: MCM SQL Server 2008",
		Subtitle: "Prepared on 2026-11-23 (Europe/Zürich)",
		Sections: []Section{
			{Title: "Cost", Blocks: []Block{
				Para("Total planned: USD 24,310.55 — of which the employer pays € 12,000.00."),
				TableBlock(Table{Header: []string{"Category", "Currency", "Planned"}, Numeric: []bool{false, false, true},
					Rows: append([][]string{{"Program fee", "USD", "18,500.00"}}, long...)}),
			}},
			{Title: "Preparation", Blocks: ChartBlock(img, "Study hours per week")},
			{Title: "Readiness", Empty: "No practice tests yet: record an attempt on the Practice screen."},
		},
	}
}

func TestPDFTextReadsBack(t *testing.T) {
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Fatal("pdftotext is needed (make test installs poppler-utils)")
	}
	var buf bytes.Buffer
	if err := WritePDF(&buf, sampleDoc()); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdftotext, "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	text := string(out)
	if n := strings.Count(text, "Category"); n < 2 {
		t.Errorf("the table's header shows %d times; a table running onto a new page repeats it", n)
	}
	for _, want := range []string{"Business case: MCM SQL Server 2008", "Europe/Zürich", "USD 24,310.55", "€ 12,000.00",
		"18,500.00", "Study hours per week", "No practice tests yet", "page 2 of"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF's text lacks %q", want)
		}
	}
}

func TestHTMLIsOneSelfContainedPage(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteHTML(&buf, sampleDoc()); err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	text := htmlText(t, buf.Bytes())
	var imgs []string
	var cells int
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.ElementNode && n.Data == "img":
			for _, a := range n.Attr {
				if a.Key == "src" {
					imgs = append(imgs, a.Val)
				}
			}
		case n.Type == html.ElementNode && n.Data == "td":
			cells++
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for _, want := range []string{"USD 24,310.55", "€ 12,000.00", "18,500.00", "No practice tests yet", "Europe/Zürich"} {
		if !strings.Contains(text, want) {
			t.Errorf("the HTML's text lacks %q", want)
		}
	}
	if len(imgs) != 1 || !strings.HasPrefix(imgs[0], "data:image/png;base64,") {
		t.Errorf("images %v: want the one chart inlined as a PNG data URI", imgs)
	}
	if cells != 81*3 {
		t.Errorf("%d table cells, want %d", cells, 81*3)
	}
}

// Text from the user cannot inject markup into the HTML.
func TestHTMLEscapesUserText(t *testing.T) {
	var buf bytes.Buffer
	doc := Document{Title: "T", Sections: []Section{{Title: "Why", Blocks: []Block{Para(`<script>alert(1)</script> & "more"`)}}}}
	if err := WriteHTML(&buf, doc); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "<script>") {
		t.Fatal("user text reached the page as markup")
	}
}

// htmlText is the text of an HTML page, as a reader sees it.
func htmlText(t *testing.T, page []byte) string {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return b.String()
}
