package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/store"
	"github.com/masterplan-app/masterplan/data/summary"
)

// Exit codes: 0 success, 1 failure, 2 bad usage.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

// usageError marks a mistake in how the command was called (exit 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// env is what every command gets: where to write, which database, the clock.
type env struct {
	stdout, stderr io.Writer
	dbPath         string
	now            func() time.Time
	// oneProcessor, when set (a process of its own: run), makes the
	// process use one processor from then on; tests, which run commands
	// side by side in one process, leave it nil.
	oneProcessor func()
}

// command is one CLI subcommand (or group of them).
type command struct {
	summary string
	run     runner
}

func commands() map[string]command {
	return map[string]command{
		"gui":       {"open the desktop app (the default)", runGUI},
		"status":    {"print the dashboard as text or --json", runStatus},
		"setup":     {"first-launch setup without the GUI", runSetup},
		"block":     {"add a rotation block: block add --start --end --location --tz", runBlock},
		"milestone": {"list, add or mark milestones done", runMilestone},
		"backup":    {"write a consistent copy of the database to FILE", runBackup},
		"restore":   {"replace the database with the backup FILE", runRestore},
		"import":    {"import a file: import KIND FILE (reading, sessions, practice, budget, rates, json)", runImport},
		"export":    {"export: export KIND [-o FILE] (reading, sessions, practice, budget, ics, json)", runExport},
		"log":       {"log study time: log DURATION [--topic T] [--date YYYY-MM-DD] [--note N]", runLog},
		"report":    {"write the business-case report: report [-o FILE.pdf|FILE.html]", runReport},
		"remind":    {"deliver due reminders: remind [--once]", runRemind},
		"plan":      {"the study plan: plan [--days N] [--json]; plan availability|off|speed", runPlan},
		"dev":       {"", runDev}, // developers' tools: no summary, so not listed
	}
}

// run parses the global flags and the command, runs it, prints a one-line
// message on failure and returns the exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	e := &env{stdout: stdout, stderr: stderr, now: time.Now, oneProcessor: func() { runtime.GOMAXPROCS(1) }}
	return e.run(ctx, args)
}

// runAt is run with the clock injected (tests fix it).
func runAt(ctx context.Context, args []string, stdout, stderr io.Writer, now func() time.Time) int {
	e := &env{stdout: stdout, stderr: stderr, now: now}
	return e.run(ctx, args)
}

// run runs the command line args in e.
func (e *env) run(ctx context.Context, args []string) int {
	stdout, stderr := e.stdout, e.stderr
	global, showVersion := globalFlags(e)
	global.Usage = func() { printUsage(stdout) }
	if err := global.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		fmt.Fprintln(stderr, "masterplan:", err)
		return exitUsage
	}
	if *showVersion {
		fmt.Fprintln(stdout, "MasterPlan", appVersion())
		return exitOK
	}
	name, rest := "gui", global.Args()
	if len(rest) > 0 {
		name, rest = rest[0], rest[1:]
	}
	if name == "help" {
		printUsage(stdout)
		return exitOK
	}
	cmd, ok := commands()[name]
	if !ok {
		fmt.Fprintf(stderr, "masterplan: unknown command %q; run masterplan --help\n", name)
		return exitUsage
	}
	err := e.explainDamage(ctx, cmd.run(ctx, e, rest))
	var ue usageError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "masterplan %s: %s\n", name, ue.msg)
		return exitUsage
	default:
		fmt.Fprintf(stderr, "masterplan %s: %s\n", name, oneLine(err))
		return exitFail
	}
}

// globalFlags makes the flag set of the flags before the command: --db
// and --version (which it returns).
func globalFlags(e *env) (*flag.FlagSet, *bool) {
	fs := newFlagSet("masterplan", e)
	return fs, fs.Bool("version", false, "print the version and exit")
}

// newFlagSet makes a flag set that knows --db (on every command, as the
// README promises) and reports errors instead of exiting.
func newFlagSet(name string, e *env) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.StringVar(&e.dbPath, "db", e.dbPath, "database `file` (default: $MASTERPLAN_DB, else the user's data folder)")
	return fs
}

// parseFlags parses a command's flags; a flag error is a usage error and
// --help prints to stdout.
func parseFlags(fs *flag.FlagSet, e *env, usage string, args []string) error {
	printUsage := func() {
		fmt.Fprintf(e.stdout, "usage: masterplan %s\n\nflags:\n", usage)
		fs.SetOutput(e.stdout)
		fs.PrintDefaults()
		fs.SetOutput(e.stderr)
	}
	// Parse would print the usage on --help and on every error; it is
	// printed once here on --help, and an error is one line on stderr.
	fs.Usage = func() {}
	fs.SetOutput(io.Discard)
	err := fs.Parse(args)
	fs.SetOutput(e.stderr)
	fs.Usage = printUsage
	switch {
	case errors.Is(err, flag.ErrHelp):
		printUsage()
		return err
	case err != nil:
		return usagef("%v (see masterplan %s --help)", err, fs.Name())
	}
	return nil
}

// resolveDB picks the database path: --db, then MASTERPLAN_DB, then the default.
func (e *env) resolveDB() (string, error) {
	if e.dbPath != "" {
		return e.dbPath, nil
	}
	if p := os.Getenv("MASTERPLAN_DB"); p != "" {
		return p, nil
	}
	return store.DefaultPath()
}

// openStore opens the chosen database. Every command opens it here, and
// every write then goes through the store's one write path, which reads
// the whole file before the first write: a damaged file refuses every
// write command (CheckBeforeWrite).
func (e *env) openStore(ctx context.Context) (*store.Store, error) {
	path, err := e.resolveDB()
	if err != nil {
		return nil, err
	}
	return store.Open(ctx, path, store.WithClock(e.now), store.CheckBeforeWrite())
}

// explainDamage gives every command the same message for a damaged
// database: where a command met the damage (a read of a damaged page, the
// check before a write, a wrapped error in between) its error is replaced
// by the file's own check, which names the file and the damage.
func (e *env) explainDamage(ctx context.Context, err error) error {
	if err == nil || !store.IsDamaged(err) {
		return err
	}
	path, perr := e.resolveDB()
	if perr != nil {
		return err
	}
	if cerr := store.CheckFile(ctx, path); errors.Is(cerr, store.ErrCorrupt) {
		return cerr
	}
	return err
}

func printUsage(w io.Writer) {
	fmt.Fprint(w, `MasterPlan: from "accepted" to "certified".

usage: masterplan [--db FILE] [COMMAND] [flags]
       masterplan --version

With no command, opens the desktop app.

commands:
`)
	cmds := commands()
	names := make([]string, 0, len(cmds))
	for n, c := range cmds {
		if c.summary != "" {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, cmds[n].summary)
	}
	fmt.Fprint(w, `
Every command takes --db FILE (or the MASTERPLAN_DB variable) and --help.
Exit codes: 0 success, 1 failure, 2 bad usage.
`)
}

// oneLine folds a possibly multi-line error (joined validation errors) into
// the single line the CLI promises on stderr.
func oneLine(err error) string {
	return strings.ReplaceAll(err.Error(), "\n", "; ")
}

// currentRotation returns the rotation, or tells the user how to set one up.
func currentRotation(ctx context.Context, st *store.Store) (data.Rotation, error) {
	r, err := st.Rotation(ctx)
	if errors.Is(err, data.ErrNotFound) {
		return r, summary.ErrNotSetUp
	}
	return r, err
}

// needs says what a command reads before its work, beside the open store.
type needs uint8

const (
	needRotation needs = 1 << iota // the rotation; a database not set up is refused
	needSettings                   // the user's settings
)

// opened is the database a command works on, with the rotation and
// settings it asked for (zero values when it did not ask).
type opened struct {
	*store.Store
	rot data.Rotation
	set data.Settings
}

// open opens the database (openStore) and reads what the command needs:
// the rotation first, so a database not set up says how to set it up. On
// an error the store is closed again; otherwise the caller closes it.
func (e *env) open(ctx context.Context, n needs) (*opened, error) {
	st, err := e.openStore(ctx)
	if err != nil {
		return nil, err
	}
	o := &opened{Store: st}
	if n&needRotation != 0 {
		if o.rot, err = currentRotation(ctx, st); err != nil {
			st.Close()
			return nil, err
		}
	}
	if n&needSettings != 0 {
		if o.set, err = st.Settings(ctx); err != nil {
			st.Close()
			return nil, err
		}
	}
	return o, nil
}

// runner runs one command or subcommand with the arguments after its name.
type runner func(ctx context.Context, e *env, args []string) error

// subcommands is a command's table of subcommands (`remind list`, `plan
// off`), the way importKinds is the table of `import`'s kinds.
type subcommands map[string]runner

// run runs the subcommand args[0] names with the arguments after it, or
// otherwise the command's own runner with all of args (the command's
// default action, its --help and its message for an unknown word).
func (t subcommands) run(ctx context.Context, e *env, args []string, otherwise runner) error {
	if len(args) > 0 {
		if sub, ok := t[args[0]]; ok {
			return sub(ctx, e, args[1:])
		}
	}
	return otherwise(ctx, e, args)
}
