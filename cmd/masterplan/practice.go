package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/transfer"
)

const importPracticeUsage = "import practice FILE [--create-missing] [--skip-rejected] [--dry-run]"

// importPractice reads a practice CSV, prints what it would add and what it
// rejects (with line numbers), then adds the accepted attempts in one
// transaction. Like every importer it is all-or-nothing: a rejected row
// imports nothing unless --skip-rejected; an attempt already recorded is
// skipped and counted, so a file imported twice adds nothing. Exams and
// topics the file names but the database lacks are rejected row by row
// unless --create-missing creates them. --dry-run only reads: the track's
// default exams, which an import creates first on a database whose
// Practice screen was never opened, are matched without being written.
func importPractice(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet("import practice", e)
	create := fs.Bool("create-missing", false, "create the exams and topics the file names that do not exist yet")
	skip := fs.Bool("skip-rejected", false, "import the good rows even when some are rejected (default: import nothing then)")
	dry := fs.Bool("dry-run", false, "only print what would be imported, and change nothing")
	file, err := importPath(fs, e, importPracticeUsage, args)
	if err != nil {
		return err
	}
	b, err := readImportFile(file)
	if err != nil {
		return err
	}
	st, err := e.open(ctx, needRotation|needSettings)
	if err != nil {
		return err
	}
	defer st.Close()
	opt := transfer.PracticeImport{Today: data.DateOf(e.now(), st.set.Location()), Strict: !*create}
	if opt.Exams, opt.Topics, opt.Existing, err = st.PracticeImportTargets(ctx, st.rot); err != nil {
		return err
	}
	p, err := transfer.ImportPractice(file, b, opt)
	if err != nil {
		return err
	}
	printPracticePreview(e.stdout, file, p, *create)
	rejected := p.RejectedLines()
	switch {
	case *dry:
		fmt.Fprintln(e.stdout, "Dry run: nothing was imported.")
		return nil
	case rejected > 0 && !*skip:
		return fmt.Errorf("import %s: %w: %s rejected (listed above), so nothing was imported; fix them, or add --skip-rejected to import the other %s",
			file, data.ErrInvalid, data.Count(rejected, "row", "rows"), data.Count(len(p.Accepted), "attempt", "attempts"))
	}
	n := 0
	if len(p.Accepted) > 0 {
		batch := p.Batch()
		batch.WithDefaults = true
		if n, err = st.ImportPractice(ctx, st.rot, batch, opt.Today); err != nil {
			return err
		}
	}
	line := "Imported " + data.Count(n, "attempt", "attempts")
	if note := transfer.RepeatsNote(p.Repeats); note != "" {
		line += "; " + note + " (already recorded)"
	}
	fmt.Fprintln(e.stdout, line+".")
	return nil
}

// printPracticePreview prints what an import adds and leaves out.
func printPracticePreview(w io.Writer, file string, p transfer.PracticePreview, create bool) {
	rows := 0
	for _, a := range p.Accepted {
		rows += len(a.Lines)
	}
	fmt.Fprintf(w, "%s: %s to add (%s), %s rejected", file, data.Count(len(p.Accepted), "attempt", "attempts"), data.Count(rows, "row", "rows"), data.Count(p.RejectedLines(), "row", "rows"))
	if note := transfer.RepeatsNote(p.Repeats); note != "" {
		fmt.Fprintf(w, ", %s", note)
	}
	fmt.Fprintln(w)
	for i, a := range p.Accepted {
		overall := "no score"
		if v, ok := a.Attempt.Overall(); ok {
			overall = fmt.Sprintf("%.1f %%", v)
		}
		src := ""
		if a.Attempt.Source != "" {
			src = ", " + a.Attempt.Source
		}
		fmt.Fprintf(w, "  line %d: %s %s%s: %s over %s\n", p.Lines[i], a.Attempt.Date, a.Exam, src, overall, data.Count(len(a.Attempt.Scores), "topic", "topics"))
	}
	if create {
		for _, n := range p.UnknownExams {
			fmt.Fprintf(w, "  creates the exam %q (pass mark %g %%; change it in the app)\n", n, data.DefaultPassMark)
		}
		for _, n := range p.UnknownTopics {
			fmt.Fprintf(w, "  creates the topic %q\n", n)
		}
	}
	for _, r := range p.Rejected {
		fmt.Fprintf(w, "  rejected %s\n", r)
	}
	for _, warn := range p.Warnings {
		fmt.Fprintf(w, "  note: %s\n", warn)
	}
	if !create && hasUnknownNames(p.Rejected) {
		fmt.Fprintln(w, "  (run again with --create-missing to create the exams and topics the file names)")
	}
}

// hasUnknownNames reports a row rejected for naming an exam or topic that
// does not exist, which --create-missing fixes.
func hasUnknownNames(rs []transfer.Rejected) bool {
	for _, r := range rs {
		if strings.Contains(r.Reason, "is not an exam") || strings.Contains(r.Reason, "is not a topic") {
			return true
		}
	}
	return false
}

func exportPractice(ctx context.Context, e *env, args []string) error {
	return runExportTo(ctx, e, "practice", needRotation, args, func(ctx context.Context, st *opened, w io.Writer) (string, error) {
		rot := st.rot
		exams, err := st.Exams(ctx, rot.ID)
		if err != nil {
			return "", err
		}
		topics, err := st.Topics(ctx, rot.ID)
		if err != nil {
			return "", err
		}
		attempts, err := st.Attempts(ctx, rot.ID)
		if err != nil {
			return "", err
		}
		if len(attempts) == 0 {
			fmt.Fprintln(e.stderr, "masterplan export practice: no practice attempts yet; the file has only the header")
		}
		return fmt.Sprintf("%d attempts", len(attempts)), transfer.ExportPractice(w, attempts, exams, topics)
	})
}
