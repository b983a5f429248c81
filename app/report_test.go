package app

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/report"
)

// Ctrl+P opens the report form; a bad amount is refused at its field and
// nothing is kept; good inputs are kept for the next report.
func TestReportForm(t *testing.T) {
	sh, st := newTestShell(t)
	setUpRotation(t, st, block("2027-03-01", "2027-03-21"))
	sh.Start()
	c := sh.Window.Canvas()
	c.(fyne.Shortcutable).TypedShortcut(ctrl(fyne.KeyP))
	form := findForm(t, c)
	raise := form.Items[2].Widget.(fyne.Focusable)
	test.Type(raise, "lots")
	form.OnSubmit()
	if kept, _ := st.ReportInputs(context.Background()); kept != (data.ReportInputs{}) {
		t.Fatalf("a refused raise was kept: %+v", kept)
	}
	if !strings.Contains(test.RenderToMarkup(c), "an amount is digits") {
		t.Error("the form does not say what is wrong with the raise")
	}

	form.Items[2].Widget.(interface{ SetText(string) }).SetText("6000")
	test.Type(form.Items[1].Widget.(fyne.Focusable), "Fewer escalations.")
	form.OnSubmit()
	if kept, _ := st.ReportInputs(context.Background()); kept != (data.ReportInputs{Why: "Fewer escalations.", Raise: "6000"}) {
		t.Errorf("kept %+v, want the why and the raise", kept)
	}
	// The form closed and the file dialog is what shows now.
	if top := c.Overlays().Top(); top == nil || !strings.Contains(test.RenderToMarkup(c), "Save") || strings.Contains(test.RenderToMarkup(c), "Salary change per year") {
		t.Error("after Save as… the report form should be gone and the save-file dialog open")
	}
}

// The app writes the same report as the CLI: a PDF, or one HTML page.
func TestWriteReport(t *testing.T) {
	sh, st := newTestShell(t)
	setUpRotation(t, st, block("2027-03-01", "2027-03-21"))
	for format, magic := range map[string]string{report.FormatPDF: "%PDF-", report.FormatHTML: "<!DOCTYPE html>"} {
		var buf bytes.Buffer
		if err := sh.writeReport(&buf, report.Options{}, format); err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		if !strings.HasPrefix(buf.String(), magic) {
			t.Errorf("%s report starts %.20q", format, buf.String())
		}
	}
}
