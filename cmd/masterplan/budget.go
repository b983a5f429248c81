package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/store"
	"github.com/masterplan-app/masterplan/data/transfer"
)

// markFlag is the --decimal-mark flag of the budget importers.
type markFlag struct{ mark data.DecimalMark }

func (m *markFlag) String() string {
	switch m.mark {
	case data.DecimalPoint:
		return "point"
	case data.DecimalComma:
		return "comma"
	}
	return ""
}

func (m *markFlag) Set(s string) error {
	switch strings.ToLower(s) {
	case "point", ".":
		m.mark = data.DecimalPoint
	case "comma", ",":
		m.mark = data.DecimalComma
	default:
		return fmt.Errorf("%q is not a decimal mark; use point or comma", s)
	}
	return nil
}

// importFlags are the flags both budget importers share.
type importFlags struct {
	mark markFlag
	skip bool
	dry  bool
}

func (f *importFlags) register(fs *flag.FlagSet) {
	fs.Var(&f.mark, "decimal-mark", "the file's decimal mark: point or comma (default: the one chosen on the Budget screen, else told from the amounts)")
	fs.BoolVar(&f.skip, "skip-rejected", false, "import the good rows even when some are rejected (default: import nothing then)")
	fs.BoolVar(&f.dry, "dry-run", false, "show what would be imported and change nothing")
}

// readImport parses the command line of `import KIND FILE` and reads FILE.
func readImport(e *env, kind string, args []string) (*importFlags, string, []byte, error) {
	f := &importFlags{}
	fs := newFlagSet("import "+kind, e)
	f.register(fs)
	usage := "import " + kind + " [--decimal-mark point|comma] [--skip-rejected] [--dry-run] FILE"
	path, err := importPath(fs, e, usage, args)
	if err != nil {
		return nil, "", nil, err
	}
	b, err := readImportFile(path)
	if err != nil {
		return nil, "", nil, err
	}
	return f, path, b, nil
}

// decimalMark is the mark to read amounts with: the flag, else the user's
// choice on the Budget screen, else zero (tell from the amounts).
func (f *importFlags) decimalMark(ctx context.Context, st *store.Store) (data.DecimalMark, error) {
	if f.mark.mark != 0 {
		return f.mark.mark, nil
	}
	return st.DecimalMark(ctx)
}

// reportPreview prints the warnings and rejections of an import and decides
// whether the accepted rows may be saved: with rejections, only when the
// user asked to skip them (a dry run only reports). Nothing is written
// before this says yes. Repeats of rows already stored are not an error: a
// file imported twice adds nothing the second time.
func reportPreview[T any](e *env, path string, p transfer.Preview[T], f *importFlags) error {
	for _, w := range p.Warnings {
		fmt.Fprintf(e.stderr, "%s: note: %s\n", path, w)
	}
	for _, r := range p.Rejected {
		fmt.Fprintf(e.stderr, "%s: %s\n", path, r)
	}
	switch {
	case p.RejectedLines() > 0 && !f.skip && !f.dry:
		return fmt.Errorf("%s: %d row(s) rejected, so nothing was imported; fix them, or add --skip-rejected to import the other %d", path, p.RejectedLines(), len(p.Accepted))
	case len(p.Accepted) == 0 && p.Repeats == 0 && !f.dry:
		return fmt.Errorf("%s: no row could be imported", path)
	}
	return nil
}

// importedLine is the confirmation of an import: "imported 3 budget
// item(s) from FILE; 2 repeats skipped", or what a dry run would import.
func importedLine(f *importFlags, n int, what, path string, repeats int) string {
	verb := "imported"
	if f.dry {
		verb = "would import"
	}
	line := fmt.Sprintf("%s %d %s from %s", verb, n, what, path)
	if note := transfer.RepeatsNote(repeats); note != "" {
		line += "; " + note
	}
	if f.dry {
		line += "; nothing was changed (--dry-run)"
	}
	return line + "\n"
}

func importBudget(ctx context.Context, e *env, args []string) error {
	f, path, b, err := readImport(e, "budget", args)
	if err != nil {
		return err
	}
	st, err := e.open(ctx, needRotation|needSettings)
	if err != nil {
		return err
	}
	defer st.Close()
	mark, err := f.decimalMark(ctx, st.Store)
	if err != nil {
		return err
	}
	existing, err := st.BudgetItems(ctx, st.rot.ID)
	if err != nil {
		return err
	}
	p, err := transfer.ImportBudget(path, b, transfer.BudgetImport{Home: st.set.HomeCurrency, Mark: mark, Existing: existing})
	if err != nil {
		return err
	}
	if err := reportPreview(e, path, p, f); err != nil {
		return err
	}
	if !f.dry && len(p.Accepted) > 0 {
		if _, err := st.AddBudgetItems(ctx, st.rot.ID, p.Accepted); err != nil {
			return fmt.Errorf("import %s: %w", path, err)
		}
	}
	fmt.Fprint(e.stdout, importedLine(f, len(p.Accepted), "budget item(s)", path, p.Repeats))
	return nil
}

func importRates(ctx context.Context, e *env, args []string) error {
	f, path, b, err := readImport(e, "rates", args)
	if err != nil {
		return err
	}
	st, err := e.open(ctx, needSettings)
	if err != nil {
		return err
	}
	defer st.Close()
	mark, err := f.decimalMark(ctx, st.Store)
	if err != nil {
		return err
	}
	p, err := transfer.ImportRates(path, b, st.set.HomeCurrency, mark)
	if err != nil {
		return err
	}
	if err := reportPreview(e, path, p, f); err != nil {
		return err
	}
	if f.dry {
		fmt.Fprint(e.stdout, importedLine(f, len(p.Accepted), "rate(s)", path, p.Repeats))
		return nil
	}
	added, replaced, err := st.ImportRates(ctx, st.set.HomeCurrency, p.Accepted)
	if err != nil {
		return fmt.Errorf("import %s: %w", path, err)
	}
	fmt.Fprintf(e.stdout, "imported rates to %s from %s: %d new, %d replaced, %d unchanged\n",
		st.set.HomeCurrency, path, added, replaced, len(p.Accepted)-added-replaced)
	return nil
}

func exportBudget(ctx context.Context, e *env, args []string) error {
	return runExportTo(ctx, e, "budget", needRotation, args, func(ctx context.Context, st *opened, w io.Writer) (string, error) {
		items, err := st.BudgetItems(ctx, st.rot.ID)
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("%d budget items", len(items)), transfer.ExportBudget(w, items)
	})
}
