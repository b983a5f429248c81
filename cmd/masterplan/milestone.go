package main

import (
	"context"
	"fmt"
	"strconv"

	"github.com/masterplan-app/masterplan/data"
)

const milestoneUsage = "milestone add TITLE --due YYYY-MM-DD | milestone done ID | milestone list"

// milestoneCommands are milestone's subcommands.
func milestoneCommands() subcommands {
	return subcommands{
		"add":  runMilestoneAdd,
		"done": runMilestoneDone,
		"list": runMilestoneList,
	}
}

func runMilestone(ctx context.Context, e *env, args []string) error {
	return milestoneCommands().run(ctx, e, args, milestoneUsageOrUnknown)
}

// milestoneUsageOrUnknown answers a milestone command line that names no
// subcommand: the usage on --help, else a usage error.
func milestoneUsageOrUnknown(_ context.Context, e *env, args []string) error {
	switch {
	case len(args) == 0:
		return usagef("usage: masterplan %s", milestoneUsage)
	case args[0] == "--help" || args[0] == "-h" || args[0] == "help":
		fmt.Fprintf(e.stdout, "usage: masterplan %s\n", milestoneUsage)
		return nil
	}
	return usagef("unknown milestone command %q; usage: masterplan %s", args[0], milestoneUsage)
}

func runMilestoneAdd(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet("milestone add", e)
	due := fs.String("due", "", "due date, YYYY-MM-DD (required)")
	// The title comes first in the documented form, so pull it out before
	// the flags: the flag package stops at the first non-flag argument.
	var title string
	if len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		title, args = args[0], args[1:]
	}
	if err := parseFlags(fs, e, "milestone add TITLE --due YYYY-MM-DD", args); err != nil {
		return err
	}
	if title == "" && fs.NArg() == 1 {
		title = fs.Arg(0)
	} else if fs.NArg() > 0 {
		return usagef("milestone add takes one TITLE (quote it if it has spaces)")
	}
	if *due == "" {
		return usagef("--due is required")
	}
	d, err := data.ParseDate("--due", *due)
	if err != nil {
		return err
	}
	st, err := e.open(ctx, needRotation)
	if err != nil {
		return err
	}
	defer st.Close()
	m, err := st.SaveMilestone(ctx, data.Milestone{RotationID: st.rot.ID, Title: title, Due: d})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Added milestone %d: %s, due %s\n", m.ID, m.Title, m.Due)
	return nil
}

func runMilestoneDone(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet("milestone done", e)
	undo := fs.Bool("undo", false, "mark it not done again")
	if err := parseFlags(fs, e, "milestone done ID [--undo]", args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("milestone done needs one ID (see masterplan milestone list)")
	}
	id, err := strconv.ParseInt(fs.Arg(0), 10, 64)
	if err != nil || id <= 0 {
		return usagef("%q is not a milestone ID; IDs are whole numbers (see masterplan milestone list)", fs.Arg(0))
	}
	st, err := e.open(ctx, 0)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.SetMilestoneDone(ctx, id, !*undo); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Milestone %d marked %s\n", id, map[bool]string{true: "not done", false: "done"}[*undo])
	return nil
}

func runMilestoneList(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet("milestone list", e)
	if err := parseFlags(fs, e, "milestone list", args); err != nil {
		return err
	}
	st, err := e.open(ctx, needRotation)
	if err != nil {
		return err
	}
	defer st.Close()
	ms, err := st.Milestones(ctx, st.rot.ID)
	if err != nil {
		return err
	}
	if len(ms) == 0 {
		fmt.Fprintln(e.stdout, "No milestones yet: add one with `masterplan milestone add TITLE --due YYYY-MM-DD`")
	}
	for _, m := range ms {
		mark := " "
		if m.Done {
			mark = "x"
		}
		fmt.Fprintf(e.stdout, "%4d [%s] %s  %s\n", m.ID, mark, m.Due, m.Title)
	}
	return nil
}
