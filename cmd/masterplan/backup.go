package main

import (
	"context"
	"fmt"

	"github.com/masterplan-app/masterplan/data/store"
)

func runBackup(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet("backup", e)
	if err := parseFlags(fs, e, "backup FILE", args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("backup needs exactly one FILE to write")
	}
	// The database, its companion files and folders are wrong arguments.
	dbPath, err := e.resolveDB()
	if err != nil {
		return err
	}
	if err := store.CheckBackupTarget(dbPath, fs.Arg(0)); err != nil {
		return usagef("%v", err)
	}
	st, err := e.open(ctx, 0)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.Backup(ctx, fs.Arg(0)); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Backed up %s to %s\n", st.Path(), fs.Arg(0))
	return nil
}

func runRestore(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet("restore", e)
	if err := parseFlags(fs, e, "restore FILE", args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("restore needs exactly one backup FILE to read")
	}
	st, err := e.open(ctx, 0)
	if err != nil {
		return err
	}
	defer st.Close()
	safety := store.SafetyCopyPath(st.Path(), e.now())
	if err := st.Restore(ctx, fs.Arg(0), safety); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Restored %s from %s; the data it had before is in %s\n", st.Path(), fs.Arg(0), safety)
	return nil
}
