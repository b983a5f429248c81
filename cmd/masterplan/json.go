package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/masterplan-app/masterplan/data/transfer"
	"github.com/masterplan-app/masterplan/data/transfer/dbjson"
)

// exportJSON writes every record of the database as the versioned JSON file
// (see the README's "Moving your data" section).
func exportJSON(ctx context.Context, e *env, args []string) error {
	return runExportTo(ctx, e, "json", 0, args, func(ctx context.Context, st *opened, w io.Writer) (string, error) {
		// The CLI's clock: tests fix it to compare files.
		x, err := dbjson.Export(ctx, st.Store, e.now())
		if err != nil {
			return "", err
		}
		return "every record", transfer.WriteJSON(w, x)
	})
}

// importJSON reads a JSON export into the database: all of it into an empty
// one, only what is missing into one that has records. A file that is
// refused leaves the database as it was; --dry-run says what would be
// added and writes nothing.
func importJSON(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet("import json", e)
	dry := fs.Bool("dry-run", false, "show what would be added and change nothing")
	path, err := importPath(fs, e, "import json [--dry-run] FILE", args)
	if err != nil {
		return err
	}
	b, err := readImportFile(path)
	if err != nil {
		return err
	}
	x, err := transfer.ReadJSON(b)
	if err != nil {
		return fmt.Errorf("import %s: %w; nothing was imported", path, err)
	}
	st, err := e.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	run := dbjson.Import
	if *dry {
		run = dbjson.DryRun
	}
	counts, err := run(ctx, st, x, e.now())
	if err != nil {
		return fmt.Errorf("import %s: %w; nothing was imported", path, err)
	}
	var added, existing []string
	for _, c := range counts {
		if c.Added > 0 {
			added = append(added, c.Noun(c.Added))
		}
		if c.Existing > 0 {
			existing = append(existing, c.Noun(c.Existing))
		}
	}
	if len(added) == 0 {
		added = []string{"nothing new"}
	}
	if *dry {
		fmt.Fprintf(e.stdout, "would import from %s: %s\n", path, strings.Join(added, ", "))
	} else {
		fmt.Fprintf(e.stdout, "imported from %s: %s\n", path, strings.Join(added, ", "))
	}
	if len(existing) > 0 {
		fmt.Fprintf(e.stdout, "already there, left as they were: %s\n", strings.Join(existing, ", "))
	}
	if *dry {
		fmt.Fprintln(e.stdout, "nothing was changed (--dry-run)")
	}
	return nil
}
