package report

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/summary"
)

// The sections a user can choose, in the order the report prints them.
const (
	SectionRotation    = "rotation"
	SectionCost        = "cost"
	SectionPreparation = "preparation"
	SectionReadiness   = "readiness"
	SectionReturn      = "return"
)

// AllSections lists the section IDs in report order.
func AllSections() []string {
	return []string{SectionRotation, SectionCost, SectionPreparation, SectionReadiness, SectionReturn}
}

// SectionTitle names a section as the report and the app's picker show it.
func SectionTitle(id string) string {
	switch id {
	case SectionRotation:
		return "Track and rotation"
	case SectionCost:
		return "Cost"
	case SectionPreparation:
		return "Preparation"
	case SectionReadiness:
		return "Readiness"
	case SectionReturn:
		return "Return on the investment"
	}
	return id
}

// Options are the user's choices for one report.
type Options struct {
	Sections []string // IDs from AllSections; empty means all
	Why      string   // the free-text "why this matters" paragraph, optional
	Return   data.ReturnInput
}

// MaxWhyLen bounds the "why this matters" paragraph: about a page.
const MaxWhyLen = data.MaxNoteLen

// Validate checks the options.
func (o Options) Validate() error {
	for _, id := range o.Sections {
		if !slices.Contains(AllSections(), id) {
			return data.Invalid("sections", "%q is not a section; choose from %v", id, AllSections())
		}
	}
	if err := data.CheckText("why this matters", o.Why, false, MaxWhyLen); err != nil {
		return err
	}
	return o.Return.Validate()
}

// Build lays in out as the report's document.
func Build(in Input, opt Options) (Document, error) {
	s := in.Summary
	if err := opt.Validate(); err != nil {
		return Document{}, err
	}
	want := opt.Sections
	if len(want) == 0 {
		want = AllSections()
	}
	doc := Document{
		Title:    "Business case: " + s.Track,
		Subtitle: fmt.Sprintf("Prepared with MasterPlan on %s (%s)", s.Today, s.TimeZone),
	}
	if opt.Why != "" {
		doc.Sections = append(doc.Sections, Section{Title: "Why this matters", Blocks: []Block{Para(opt.Why)}})
	}
	for _, id := range AllSections() {
		if !slices.Contains(want, id) {
			continue
		}
		switch id {
		case SectionRotation:
			doc.Sections = append(doc.Sections, rotationSection(s))
		case SectionCost:
			doc.Sections = append(doc.Sections, costSection(in))
		case SectionPreparation:
			doc.Sections = append(doc.Sections, preparationSection(in))
		case SectionReadiness:
			doc.Sections = append(doc.Sections, readinessSection(in))
		case SectionReturn:
			doc.Sections = append(doc.Sections, returnSection(in, opt.Return))
		}
	}
	return doc, nil
}

func rotationSection(s summary.Summary) Section {
	sec := Section{Title: SectionTitle(SectionRotation)}
	if len(s.Rotation.Blocks) == 0 {
		sec.Empty = "No rotation dates yet: add a block on the Rotation screen."
		return sec
	}
	blocks := "one block"
	if n := len(s.Rotation.Blocks); n > 1 {
		blocks = fmt.Sprintf("%d blocks", n)
	}
	sec.Blocks = append(sec.Blocks, Para(fmt.Sprintf("%s. The rotation is %s, %d days on site in all (days away from work). %s.",
		s.Track, blocks, s.Rotation.OnSite, s.Headline)))
	t := Table{Header: []string{"From", "To", "Days", "Location", "Time zone"}, Numeric: []bool{false, false, true}}
	for _, b := range s.Rotation.Blocks {
		t.Rows = append(t.Rows, []string{b.Start.String(), b.End.String(), fmt.Sprint(b.Start.DaysUntil(b.End) + 1), b.Location, b.TimeZone})
	}
	sec.Blocks = append(sec.Blocks, TableBlock(t))
	if len(s.Milestones) > 0 {
		m := Table{Header: []string{"Milestone", "Due", "Done"}}
		for _, e := range s.Milestones {
			done := "no"
			if e.Done {
				done = "yes"
			}
			if e.DoneWhenPaid != "" {
				done += ", when “" + e.DoneWhenPaid + "” is paid"
			}
			m.Rows = append(m.Rows, []string{e.Title, e.Due.String(), done})
		}
		sec.Blocks = append(sec.Blocks, TableBlock(m))
	}
	return sec
}

// The formats a report can be written in.
const (
	FormatPDF  = "pdf"
	FormatHTML = "html"
)

// Write writes doc in format (FormatPDF or FormatHTML).
func Write(w io.Writer, doc Document, format string) error {
	switch format {
	case FormatPDF:
		return WritePDF(w, doc)
	case FormatHTML:
		return WriteHTML(w, doc)
	}
	return data.Invalid("format", "%q is not a report format; choose pdf or html", format)
}

// ParseReturn reads the expected return as the user typed it: amounts in
// the home currency, empty for none.
func ParseReturn(raise, oneOff string) (data.ReturnInput, error) {
	var in data.ReturnInput
	var errs []error
	for _, f := range []struct {
		field, text string
		to          *decimal.Decimal
	}{{"expected yearly salary change", raise, &in.AnnualRaise}, {"one-off value", oneOff, &in.OneOffValue}} {
		if strings.TrimSpace(f.text) == "" {
			continue
		}
		d, err := data.ParseAmount(f.field, f.text)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		*f.to = d
	}
	if err := errors.Join(errs...); err != nil {
		return in, err
	}
	return in, in.Validate()
}

// ParseSections reads a comma-separated list of section IDs; empty means all.
func ParseSections(list string) ([]string, error) {
	var out []string
	for _, id := range strings.Split(list, ",") {
		if id = strings.TrimSpace(id); id != "" {
			out = append(out, id)
		}
	}
	return out, Options{Sections: out}.Validate()
}
