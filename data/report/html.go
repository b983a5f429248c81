package report

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"html/template"
	"image/png"
	"io"
)

// htmlPage is one self-contained page: styles inline, charts as data URIs,
// so the file can be mailed on its own. It follows the reader's light or
// dark preference, as the app does.
const htmlPage = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Doc.Title}}</title>
<style>
:root { color-scheme: light dark; }
body { font-family: "Liberation Sans", Arial, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
h1 { margin-bottom: 0.2rem; } .subtitle { color: GrayText; margin-top: 0; }
h2 { border-bottom: 1px solid GrayText; padding-bottom: 0.2rem; margin-top: 2rem; }
table { border-collapse: collapse; margin: 0.8rem 0; width: 100%; }
th, td { border-bottom: 1px solid color-mix(in srgb, GrayText 40%, transparent); padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 1rem 0; } figure img { max-width: 100%; background: white; }
.empty { font-style: italic; }
</style></head><body>
<h1>{{.Doc.Title}}</h1>
<p class="subtitle">{{.Doc.Subtitle}}</p>
{{range $si, $s := .Doc.Sections}}<section>
<h2>{{$s.Title}}</h2>
{{if $s.Empty}}<p class="empty">{{$s.Empty}}</p>{{end}}
{{range $bi, $b := $s.Blocks}}{{if $b.Text}}<p>{{$b.Text}}</p>{{end}}
{{with $b.Table}}<table><thead><tr>{{range $i, $h := .Header}}<th class="{{align $b.Table $i}}">{{$h}}</th>{{end}}</tr></thead>
<tbody>{{range .Rows}}<tr>{{range $i, $c := .}}<td class="{{align $b.Table $i}}">{{$c}}</td>{{end}}</tr>{{end}}</tbody></table>{{end}}
{{with $b.Chart}}<figure><img alt="{{.Caption}}" src="{{index $.Images (printf "%d-%d" $si $bi)}}"><figcaption>{{.Caption}}</figcaption></figure>{{end}}
{{end}}</section>
{{end}}</body></html>
`

// WriteHTML writes doc as one HTML file with its charts inlined.
func WriteHTML(w io.Writer, doc Document) error {
	images := map[string]template.URL{}
	for si, s := range doc.Sections {
		for bi, b := range s.Blocks {
			if b.Chart == nil {
				continue
			}
			var buf bytes.Buffer
			if err := png.Encode(&buf, b.Chart.Image); err != nil {
				return fmt.Errorf("report html: chart %q: %w", b.Chart.Caption, err)
			}
			// The data URI is built here from our own PNG bytes, so it is safe
			// to mark as a URL for the template.
			images[fmt.Sprintf("%d-%d", si, bi)] = template.URL("data:image/png;base64," + base64.StdEncoding.EncodeToString(buf.Bytes()))
		}
	}
	page, err := template.New("report").Funcs(template.FuncMap{
		"align": func(t *Table, i int) string {
			if i < len(t.Numeric) && t.Numeric[i] {
				return "num"
			}
			return ""
		},
	}).Parse(htmlPage)
	if err != nil {
		return fmt.Errorf("report html: %w", err)
	}
	if err := page.Execute(w, struct {
		Doc    Document
		Images map[string]template.URL
	}{doc, images}); err != nil {
		return fmt.Errorf("report html: %w", err)
	}
	return nil
}
