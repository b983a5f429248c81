package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/transfer"
)

const logUsage = "log DURATION [--topic T] [--date YYYY-MM-DD] [--start HH:MM] [--note N] [--item ID]"

// runLog logs study time already spent: DURATION like 1h30m, 45m or 90.
func runLog(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet("log", e)
	topic := fs.String("topic", "", "what was studied")
	day := fs.String("date", "", "the day, YYYY-MM-DD (default: today)")
	start := fs.String("start", "", "local start time HH:MM (default: the session ends now, or at the end of --date)")
	note := fs.String("note", "", "a note")
	item := fs.Int64("item", 0, "the reading item `ID` studied")
	// The duration comes first in the documented form; the flag package
	// stops at the first non-flag argument, so take it out first.
	var durText string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		durText, args = args[0], args[1:]
	}
	if err := parseFlags(fs, e, logUsage, args); err != nil {
		return err
	}
	switch {
	case durText == "" && fs.NArg() == 1:
		durText = fs.Arg(0)
	case fs.NArg() > 0:
		return usagef("log takes one DURATION, got %q; usage: masterplan %s", fs.Args(), logUsage)
	case durText == "":
		return usagef("log needs a DURATION such as 1h30m, 45m or 90 (minutes); usage: masterplan %s", logUsage)
	}
	d, err := data.ParseStudyDuration(durText)
	if err != nil {
		return err
	}
	st, err := e.open(ctx, needSettings)
	if err != nil {
		return err
	}
	defer st.Close()
	set, loc, now := st.set, st.set.Location(), e.now()
	when := data.DateOf(now, loc)
	if *day != "" {
		if when, err = data.ParseDate("--date", *day); err != nil {
			return err
		}
	}
	s := data.StudySession{Duration: d, Topic: *topic, Note: *note, ReadingItemID: *item}
	if *start != "" {
		clock, err := data.ParseClock("--start", *start)
		if err != nil {
			return err
		}
		s.Start = clock.On(when, loc)
	} else if s.Start, err = data.UntimedSessionStart(when, d, loc, now); err != nil {
		return err
	}
	saved, err := st.SaveStudySession(ctx, s)
	if err != nil {
		return err
	}
	totals, err := st.StudyTotals(ctx, loc, data.DateOf(now, loc), 0)
	if err != nil {
		return err
	}
	what := ""
	if saved.Topic != "" {
		what = " of " + saved.Topic
	}
	fmt.Fprintf(e.stdout, "Logged %s%s on %s at %s (session %d). This week: %.1f h",
		data.FormatStudyDuration(saved.Duration), what, data.DateOf(saved.Start, loc), saved.Start.In(loc).Format("15:04"), saved.ID,
		data.WeekHoursOfDays(totals.Recent, data.DateOf(now, loc), set.WeekStart))
	if set.WeeklyGoalHours > 0 {
		fmt.Fprintf(e.stdout, " of %g h goal", set.WeeklyGoalHours)
	}
	fmt.Fprintln(e.stdout, ".")
	return nil
}

const importSessionsUsage = "import sessions FILE [--dry-run] [--skip-rejected]"

// importSessions imports a study sessions CSV in one transaction. Rows
// repeating a logged session exactly are skipped and counted (importing a
// file twice adds nothing); any other rejected row, an overlapping one
// included, stops the import unless --skip-rejected is given.
func importSessions(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet("import sessions", e)
	dry := fs.Bool("dry-run", false, "show what would be imported and change nothing")
	skip := fs.Bool("skip-rejected", false, "import the good rows even when some are rejected")
	path, err := importPath(fs, e, importSessionsUsage, args)
	if err != nil {
		return err
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
	loc := st.set.Location()
	existing, err := st.StudySessions(ctx, time.Time{}, time.Time{})
	if err != nil {
		return err
	}
	// A row repeating a logged session exactly is skipped and counted; one
	// overlapping a logged session otherwise is rejected, naming it.
	p, err := transfer.ImportSessions(path, b, loc, e.now(), existing)
	if err != nil {
		return err
	}
	add, already := p.Accepted, p.Repeats
	for _, w := range p.Warnings {
		fmt.Fprintln(e.stdout, "warning:", w)
	}
	for _, r := range p.Rejected {
		fmt.Fprintln(e.stdout, "rejected", r.String())
	}
	if len(p.Rejected) > 0 && !*skip && !*dry {
		return fmt.Errorf("import %s: %d rows rejected (listed above); nothing was imported. Fix them, or run again with --skip-rejected to import the other %d",
			path, p.RejectedLines(), len(add))
	}
	summary := fmt.Sprintf("%d sessions (%s)", len(add), data.FormatStudyDuration(studyTotal(add)))
	if already > 0 {
		summary += fmt.Sprintf(", %s (already logged)", transfer.RepeatsNote(already))
	}
	if *dry {
		fmt.Fprintf(e.stdout, "Would import %s from %s; nothing was changed (--dry-run).\n", summary, path)
		return nil
	}
	if len(add) > 0 {
		if _, err := st.AddStudySessions(ctx, add); err != nil {
			return fmt.Errorf("import %s: %w", path, err)
		}
	}
	fmt.Fprintf(e.stdout, "Imported %s from %s.\n", summary, path)
	return nil
}

func studyTotal(sessions []data.StudySession) time.Duration {
	var t time.Duration
	for _, s := range sessions {
		t += s.Duration
	}
	return t
}

// exportSessions writes every study session as CSV to -o FILE or stdout.
func exportSessions(ctx context.Context, e *env, args []string) error {
	return runExportTo(ctx, e, "sessions", needSettings, args, func(ctx context.Context, st *opened, w io.Writer) (string, error) {
		sessions, err := st.StudySessions(ctx, time.Time{}, time.Time{})
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("%d sessions", len(sessions)), transfer.ExportSessions(w, sessions, st.set.Location())
	})
}
