package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/masterplan-app/masterplan/data/summary"
)

func runStatus(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet("status", e)
	asJSON := fs.Bool("json", false, "print JSON instead of text")
	if err := parseFlags(fs, e, "status [--json]", args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("status takes no arguments, got %q", fs.Args())
	}
	// One processor: the summary reads its areas in order (BuildInOrder),
	// and a second processor would only spin and collect beside it, which
	// costs the short-lived process more CPU than it saves.
	if e.oneProcessor != nil {
		e.oneProcessor()
	}
	st, err := e.open(ctx, 0)
	if err != nil {
		return err
	}
	defer st.Close()
	s, err := summary.BuildInOrder(ctx, st.Store, e.now())
	if err != nil {
		return err
	}
	if !*asJSON {
		_, err := fmt.Fprint(e.stdout, s.Text())
		return err
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(s)
}
