package main

import (
	"context"
	"fmt"
	"io"

	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/transfer"
)

const importReadingUsage = "import reading FILE [--format auto|csv|goodreads|text] [--dry-run] [--skip-rejected]"

// importReading adds a reading list file to the list in one transaction.
// As in the app's preview, each refused line is listed with its reason;
// unlike the app, where the user sees the preview before confirming, a
// refused line makes the command import nothing unless --skip-rejected
// says to add the others. Items already on the list are skipped, so
// running it twice adds nothing. A file refused as a whole (empty, binary,
// broken quotes, too many rows) adds nothing and fails.
func importReading(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet("import reading", e)
	formatFlag := fs.String("format", "auto", "file layout: auto, csv (our columns), goodreads or text (one title or URL per line)")
	dryRun := fs.Bool("dry-run", false, "show what would be added and refused, and change nothing")
	skip := fs.Bool("skip-rejected", false, "add the good lines even when some are refused")
	path, err := importPath(fs, e, importReadingUsage, args)
	if err != nil {
		return err
	}
	format, err := transfer.ParseReadingFormat(*formatFlag)
	if err != nil {
		return usagef("%v", err)
	}
	b, err := readImportFile(path)
	if err != nil {
		return err
	}
	st, err := e.open(ctx, needSettings)
	if err != nil {
		return err
	}
	defer st.Close()
	today := data.DateOf(e.now(), st.set.Location())
	have, err := st.ReadingItems(ctx)
	if err != nil {
		return err
	}
	// A line already on the list, or repeating an earlier line (another
	// edition of one book in a Goodreads export), is skipped and counted.
	p, err := transfer.ImportReading(path, b, format, data.ReadingKeys(have), today)
	if err != nil {
		return err
	}
	for _, w := range p.Warnings {
		fmt.Fprintln(e.stdout, "warning:", w)
	}
	for _, r := range p.Rejected {
		fmt.Fprintln(e.stdout, "rejected", r.String())
	}
	toAdd := len(p.Accepted)
	if p.RejectedLines() > 0 && !*skip && !*dryRun {
		return fmt.Errorf("import %s: %s rejected (listed above); nothing was imported. Fix them, or run again with --skip-rejected to add the other %d",
			path, data.Count(p.RejectedLines(), "line", "lines"), toAdd)
	}
	if *dryRun {
		for i, it := range p.Accepted {
			fmt.Fprintf(e.stdout, "would add line %d: %s\n", p.Lines[i], it.Title)
		}
		fmt.Fprintf(e.stdout, "Would add %s from %s (%s)%s; nothing was changed (--dry-run).\n",
			data.Count(toAdd, "item", "items"), path, p.Format, alreadyText(p.Repeats))
		return nil
	}
	res, err := st.ImportReadingItems(ctx, p.Accepted, today)
	if err != nil {
		return fmt.Errorf("import %s: %w", path, err)
	}
	fmt.Fprintf(e.stdout, "Added %s from %s (%s)%s.\n",
		data.Count(len(res.Added), "item", "items"), path, p.Format, alreadyText(p.Repeats+res.Existing))
	return nil
}

// alreadyText counts the lines skipped as repeats: on the list already, or
// repeating an earlier line of the file.
func alreadyText(n int) string {
	if n == 0 {
		return ""
	}
	return ", " + transfer.RepeatsNote(n) + " (already on the list or earlier in the file)"
}

// exportReading writes the whole reading list as our CSV, to -o FILE or
// standard output.
func exportReading(ctx context.Context, e *env, args []string) error {
	return runExportTo(ctx, e, "reading", 0, args, func(ctx context.Context, st *opened, w io.Writer) (string, error) {
		items, err := st.ReadingItems(ctx)
		if err != nil {
			return "", err
		}
		return data.Count(len(items), "item", "items"), transfer.ExportReading(w, items)
	})
}
