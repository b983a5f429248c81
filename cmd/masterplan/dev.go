package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/masterplan-app/masterplan/data/store"
	"github.com/masterplan-app/masterplan/data/store/seed"
)

const devUsage = "usage: masterplan dev seed [--years N | --profile heavy] [--seed N] --db FILE\n" +
	"       masterplan dev verify\n" +
	"       masterplan dev rebuild"

// runDev holds the developers' commands, left out of --help: `dev seed`
// makes the large databases the benchmarks measure; `dev verify` recounts
// the data the store keeps beside the records and compares; `dev rebuild`
// works it out again from the records.
func runDev(ctx context.Context, e *env, args []string) error {
	dev := subcommands{
		"seed":    runDevSeed,
		"verify":  runDevKept("verify"),
		"rebuild": runDevKept("rebuild"),
	}
	return dev.run(ctx, e, args, func(context.Context, *env, []string) error { return usagef("%s", devUsage) })
}

func runDevSeed(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet("dev seed", e)
	years := fs.Int("years", 10, "years of history to generate")
	profile := fs.String("profile", "", "heavy: three years of heavy use (issue 15's counts) instead of --years")
	rnd := fs.Uint64("seed", 1, "random seed: the same seed makes the same database")
	if err := parseFlags(fs, e, "dev seed [--years N | --profile heavy] [--seed N] --db FILE", args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("dev seed takes no arguments, got %q", fs.Args())
	}
	opts := seed.Options{Years: *years, Now: e.now(), Seed: *rnd}
	switch *profile {
	case "":
	case "heavy":
		heavy := seed.Heavy()
		opts.Years, opts.Profile = seed.HeavyYears, &heavy
	default:
		return usagef("dev seed: unknown profile %q; the one profile is heavy", *profile)
	}
	if e.dbPath == "" {
		// Never seed the user's own database by accident: demand the file.
		return usagef("dev seed needs --db FILE, a new file")
	}
	if _, err := os.Stat(e.dbPath); err == nil {
		return fmt.Errorf("dev seed: %s exists; seed a new file", e.dbPath)
	} else if !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("dev seed: %w", err)
	}
	st, err := store.Open(ctx, e.dbPath, store.WithClock(e.now))
	if err != nil {
		return err
	}
	if err := seed.Generate(ctx, st, opts); err != nil {
		st.Close()
		return err
	}
	if err := st.Close(); err != nil {
		return fmt.Errorf("dev seed: %w", err)
	}
	unit := "years"
	if opts.Years == 1 {
		unit = "year"
	}
	_, err = fmt.Fprintf(e.stdout, "Seeded %s with %d %s of history.\n", e.dbPath, opts.Years, unit)
	return err
}

// runDevKept runs `dev verify` or `dev rebuild` on the user's database
// (or --db), as what says.
func runDevKept(what string) runner {
	return func(ctx context.Context, e *env, args []string) error { return checkKept(ctx, e, what, args) }
}

func checkKept(ctx context.Context, e *env, what string, args []string) error {
	fs := newFlagSet("dev "+what, e)
	if err := parseFlags(fs, e, "dev "+what, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("dev %s takes no arguments, got %q", what, fs.Args())
	}
	st, err := e.open(ctx, 0)
	if err != nil {
		return err
	}
	defer st.Close()
	if what == "rebuild" {
		if err := st.RebuildKept(ctx); err != nil {
			return err
		}
		_, err = fmt.Fprintln(e.stdout, "Rebuilt the kept totals from the records.")
		return err
	}
	if err := st.VerifyKept(ctx); err != nil {
		return err
	}
	_, err = fmt.Fprintln(e.stdout, "The kept totals match the records.")
	return err
}
