package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/masterplan-app/masterplan/data/report"
)

const reportUsage = "report [-o FILE.pdf|FILE.html] [--format pdf|html] [--sections rotation,cost,preparation,readiness,return] [--why TEXT] [--raise AMOUNT] [--one-off AMOUNT]"

// runReport writes the business-case report. The format follows the
// output file's extension unless --format says otherwise.
func runReport(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet("report", e)
	out := fs.String("o", "", "write to FILE (default masterplan-report.pdf in the current folder; - for standard output)")
	format := fs.String("format", "", "pdf or html (default: from the file's extension, else pdf)")
	sections := fs.String("sections", "", "comma-separated sections to include (default all): "+strings.Join(report.AllSections(), ","))
	why := fs.String("why", "", `the "why this matters" paragraph`)
	raise := fs.String("raise", "", "expected salary change per year, in the home currency")
	oneOff := fs.String("one-off", "", "a one-off value of the certification (bonus, contract), in the home currency")
	if err := parseFlags(fs, e, reportUsage, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("report takes no arguments, got %q", fs.Args())
	}
	if *format == "" {
		*format = report.FormatPDF
		if strings.EqualFold(filepath.Ext(*out), ".html") || strings.EqualFold(filepath.Ext(*out), ".htm") {
			*format = report.FormatHTML
		}
	}
	if *format != report.FormatPDF && *format != report.FormatHTML {
		return usagef("--format %q: choose pdf or html", *format)
	}
	if *out == "" {
		*out = "masterplan-report." + *format
	}
	ids, err := report.ParseSections(*sections)
	if err != nil {
		return usagef("--sections: %v", err)
	}
	ret, err := report.ParseReturn(*raise, *oneOff)
	if err != nil {
		return usagef("%v", err)
	}
	opt := report.Options{Sections: ids, Why: strings.TrimSpace(*why), Return: ret}
	if err := opt.Validate(); err != nil {
		return usagef("%v", err)
	}
	st, err := e.open(ctx, 0)
	if err != nil {
		return err
	}
	defer st.Close()
	in, err := report.Gather(ctx, st.Store, e.now())
	if err != nil {
		return err
	}
	doc, err := report.Build(in, opt)
	if err != nil {
		return err
	}
	if err := writeOutput(e, *out, func(w io.Writer) error { return report.Write(w, doc, *format) }); err != nil {
		return err
	}
	if *out != "-" {
		fmt.Fprintf(e.stdout, "Wrote %s\n", *out)
	}
	return nil
}
