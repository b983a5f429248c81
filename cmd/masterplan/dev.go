package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/masterplan-app/masterplan/data/store"
	"github.com/masterplan-app/masterplan/data/store/seed"
)

// runDev holds the developers' commands, left out of --help: today only
// `dev seed`, which makes the large database the benchmarks measure.
func runDev(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || args[0] != "seed" {
		return usagef("usage: masterplan dev seed [--years N] [--seed N] --db FILE")
	}
	fs := newFlagSet("dev seed", e)
	years := fs.Int("years", 10, "years of history to generate")
	rnd := fs.Uint64("seed", 1, "random seed: the same seed makes the same database")
	if err := parseFlags(fs, e, "dev seed [--years N] [--seed N] --db FILE", args[1:]); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("dev seed takes no arguments, got %q", fs.Args())
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
	if err := seed.Generate(ctx, st, seed.Options{Years: *years, Now: e.now(), Seed: *rnd}); err != nil {
		st.Close()
		return err
	}
	if err := st.Close(); err != nil {
		return fmt.Errorf("dev seed: %w", err)
	}
	unit := "years"
	if *years == 1 {
		unit = "year"
	}
	_, err = fmt.Fprintf(e.stdout, "Seeded %s with %d %s of history.\n", e.dbPath, *years, unit)
	return err
}
