package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/masterplan-app/masterplan/data/transfer"
)

// importKinds and exportKinds are the kinds of file `masterplan import KIND`
// and `masterplan export KIND` know; each area's file provides its runners.
func importKinds() map[string]command {
	return map[string]command{
		"reading":  {"a reading list: our CSV, a Goodreads export, or one title/URL per line", importReading},
		"sessions": {"study sessions CSV", importSessions},
		"practice": {"practice-test scores CSV", importPractice},
		"budget":   {"budget items CSV", importBudget},
		"rates":    {"exchange rates CSV (currency,rate_to_home,as_of)", importRates},
		"json":     {"a whole-database JSON export: into an empty database, or merged without duplicates", importJSON},
	}
}

func exportKinds() map[string]command {
	return map[string]command{
		"reading":  {"the reading list as CSV", exportReading},
		"sessions": {"study sessions as CSV", exportSessions},
		"practice": {"practice-test scores as CSV", exportPractice},
		"budget":   {"budget items as CSV", exportBudget},
		"ics":      {"an iCalendar file: blocks, milestones, exams, study reminders (--plan: and the planned study)", exportICS},
		"json":     {"every record of the database as versioned JSON", exportJSON},
	}
}

func runImport(ctx context.Context, e *env, args []string) error {
	return dispatchKind(ctx, e, "import", "KIND FILE", importKinds(), args)
}

func runExport(ctx context.Context, e *env, args []string) error {
	return dispatchKind(ctx, e, "export", "KIND [-o FILE]", exportKinds(), args)
}

// dispatchKind runs the kind named by args[0].
func dispatchKind(ctx context.Context, e *env, verb, usage string, kinds map[string]command, args []string) error {
	names := make([]string, 0, len(kinds))
	for n := range kinds {
		names = append(names, n)
	}
	sort.Strings(names)
	if len(args) == 0 || args[0] == "--help" || args[0] == "-h" {
		var b strings.Builder
		fmt.Fprintf(&b, "usage: masterplan %s %s\n\nkinds:\n", verb, usage)
		for _, n := range names {
			fmt.Fprintf(&b, "  %-9s %s\n", n, kinds[n].summary)
		}
		if len(args) == 0 {
			return usagef("%s needs a KIND: %s", verb, strings.Join(names, ", "))
		}
		fmt.Fprint(e.stdout, b.String())
		return nil
	}
	k, ok := kinds[args[0]]
	if !ok {
		return usagef("unknown kind %q; %s knows %s", args[0], verb, strings.Join(names, ", "))
	}
	return k.run(ctx, e, args[1:])
}

// importPath parses the flags of `import KIND` and returns its one FILE,
// which may come before the flags or after them.
func importPath(fs *flag.FlagSet, e *env, usage string, args []string) (string, error) {
	var path string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		path, args = args[0], args[1:]
	}
	if err := parseFlags(fs, e, usage, args); err != nil {
		return "", err
	}
	switch {
	case path == "" && fs.NArg() == 1:
		path = fs.Arg(0)
	case fs.NArg() > 0 || path == "":
		return "", usagef("%s needs one FILE; usage: masterplan %s", fs.Name(), usage)
	}
	return path, nil
}

// readImportFile reads the file an import names ("-" for standard input),
// refusing one larger than any importer accepts before reading it all.
func readImportFile(path string) ([]byte, error) {
	var r io.Reader
	if path == "-" {
		r = os.Stdin
	} else {
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("import %s: %w", path, err)
		}
		defer f.Close()
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, transfer.MaxImportBytes+1))
	if err != nil {
		return nil, fmt.Errorf("import %s: %w", path, err)
	}
	if len(b) > transfer.MaxImportBytes {
		return nil, fmt.Errorf("import %s: %w", path, transfer.ErrTooLarge)
	}
	return b, nil
}

// exportWriter writes one kind of export of the database o to w and says
// what it wrote ("12 items"), for the confirmation.
type exportWriter func(ctx context.Context, o *opened, w io.Writer) (what string, err error)

// runExportTo is every `export KIND [-o FILE]`: it parses -o, opens the
// store with what the kind needs (env.open), writes to FILE (confirming on
// stderr) or to standard output.
func runExportTo(ctx context.Context, e *env, kind string, n needs, args []string, write exportWriter) error {
	fs := newFlagSet("export "+kind, e)
	out := fs.String("o", "", "write to `FILE` instead of standard output")
	if err := parseFlags(fs, e, "export "+kind+" [-o FILE]", args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("export %s takes no arguments, got %q (use -o FILE)", kind, fs.Args())
	}
	o, err := e.open(ctx, n)
	if err != nil {
		return err
	}
	defer o.Close()
	var what string
	err = writeOutput(e, *out, func(w io.Writer) error {
		var err error
		what, err = write(ctx, o, w)
		return err
	})
	if err == nil && *out != "" && *out != "-" {
		fmt.Fprintf(e.stderr, "Exported %s to %s\n", what, *out)
	}
	return err
}
