package app

import (
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/masterplan-app/masterplan/app/widgets"
	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/report"
)

// reportForm asks what the business-case report holds and in which format,
// then where to save it.
type reportForm struct {
	shell    *Shell
	sections *widget.CheckGroup
	why      *widgets.Entry
	raise    *widgets.Entry
	oneOff   *widgets.Entry
	format   *widget.RadioGroup
	// saveAs runs once the form has closed: a dialog shown while the form
	// was still open would be closed with it.
	saveAs func()
}

// showReportForm opens the report form with the last inputs filled in.
func (s *Shell) showReportForm() {
	f := &reportForm{shell: s, why: widgets.NewMultiLineEntry(), raise: widgets.NewEntry(), oneOff: widgets.NewEntry()}
	titles := make([]string, 0, len(report.AllSections()))
	for _, id := range report.AllSections() {
		titles = append(titles, report.SectionTitle(id))
	}
	f.sections = widget.NewCheckGroup(titles, nil)
	f.sections.SetSelected(titles)
	f.why.SetMinRowsVisible(3)
	f.why.SetPlaceHolder("Why this certification matters to the team (optional)")
	f.why.Validator = func(v string) error { return report.Options{Why: v}.Validate() }
	f.raise.SetPlaceHolder("e.g. 6000")
	f.oneOff.SetPlaceHolder("e.g. 2500")
	f.raise.Validator = func(v string) error { _, err := report.ParseReturn(v, ""); return err }
	f.oneOff.Validator = func(v string) error { _, err := report.ParseReturn("", v); return err }
	f.format = widget.NewRadioGroup([]string{"PDF", "HTML"}, nil)
	f.format.Horizontal = true
	f.format.SetSelected("PDF")
	// The last inputs are kept (Store.SaveReportInputs), so that a report
	// made again next week needs no retyping.
	if last, err := s.Store.ReportInputs(s.ctx()); err == nil {
		f.why.SetText(last.Why)
		f.raise.SetText(last.Raise)
		f.oneOff.SetText(last.OneOff)
	}
	home := "home currency"
	if set, err := s.Store.Settings(s.ctx()); err == nil {
		home = set.HomeCurrency
	}
	fd := showFormDialog(s.Window, "Business-case report", "Save as…", []*widget.FormItem{
		{Text: "Sections", Widget: f.sections},
		{Text: "Why this matters", Widget: f.why},
		{Text: "Salary change per year", Widget: f.raise, HintText: "expected, in " + home + "; for the payback period"},
		{Text: "One-off value", Widget: f.oneOff, HintText: "a bonus or contract it brings, in " + home},
		{Text: "Format", Widget: f.format},
	}, map[string]fyne.Validatable{
		"why this matters": f.why, "expected yearly salary change": f.raise, "one-off value": f.oneOff,
	}, f.submit)
	fd.dlg.SetOnClosed(func() {
		if f.saveAs != nil {
			f.saveAs()
		}
	})
}

// options reads the form; the error names the field at fault.
func (f *reportForm) options() (report.Options, error) {
	var ids []string
	for _, id := range report.AllSections() {
		for _, title := range f.sections.Selected {
			if title == report.SectionTitle(id) {
				ids = append(ids, id)
			}
		}
	}
	if len(ids) == 0 {
		return report.Options{}, fmt.Errorf("choose at least one section for the report")
	}
	ret, err := report.ParseReturn(f.raise.Text, f.oneOff.Text)
	if err != nil {
		return report.Options{}, err
	}
	opt := report.Options{Sections: ids, Why: strings.TrimSpace(f.why.Text), Return: ret}
	return opt, opt.Validate()
}

// submit checks the inputs, keeps them for next time, and has the form ask
// where to save once it has closed.
func (f *reportForm) submit() error {
	opt, err := f.options()
	if err != nil {
		return err
	}
	s := f.shell
	keep := data.ReportInputs{Why: opt.Why, Raise: strings.TrimSpace(f.raise.Text), OneOff: strings.TrimSpace(f.oneOff.Text)}
	if err := s.Store.SaveReportInputs(s.ctx(), keep); err != nil {
		return err
	}
	format := strings.ToLower(f.format.Selected)
	f.saveAs = func() {
		s.saveFile(saveRequest{
			title: "Save the report",
			name:  "masterplan-report-" + s.Now().Format("2006-01-02") + "." + format,
			busy:  "Making the report…",
			write: func(path string) error {
				return writeFileAtomic(path, func(w io.Writer) error { return s.writeReport(w, opt, format) })
			},
			done: func(path string) string { return "The report is saved in " + path + "." },
		})
	}
	return nil
}

// writeReport gathers, lays out and writes the report; it runs off the UI
// goroutine and touches no widget.
func (s *Shell) writeReport(w io.Writer, opt report.Options, format string) error {
	in, err := report.Gather(s.ctx(), s.Store, s.Now())
	if err != nil {
		return err
	}
	doc, err := report.Build(in, opt)
	if err != nil {
		return err
	}
	return report.Write(w, doc, format)
}
