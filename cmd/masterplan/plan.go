package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/plan"
	"github.com/masterplan-app/masterplan/data/store"
	"github.com/masterplan-app/masterplan/data/summary"
	"github.com/masterplan-app/masterplan/data/transfer"
)

const planUsage = `plan [--days N] [--json]
       masterplan plan availability "Mon-Fri 19:00-21:00; Sat 09:00-13:00"
       masterplan plan off FIRST LAST [--clear]
       masterplan plan speed KIND N [UNIT]`

// planCommands are plan's subcommands, which change what the plan is made
// from; any other word goes to runPlanPrint.
func planCommands() subcommands {
	return subcommands{
		"availability": runPlanAvailability,
		"off":          runPlanOff,
		"speed":        runPlanSpeed,
	}
}

// runPlan prints the study plan or changes what it is made from.
func runPlan(ctx context.Context, e *env, args []string) error {
	return planCommands().run(ctx, e, args, runPlanPrint)
}

// runPlanPrint is `plan [--days N] [--json]`: it prints the plan.
func runPlanPrint(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet("plan", e)
	days := fs.Int("days", plan.MinListed, "how many days to print")
	asJSON := fs.Bool("json", false, "print JSON instead of text")
	if err := parseFlags(fs, e, planUsage, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("unknown plan command %q; see masterplan plan --help", fs.Arg(0))
	}
	if *days < 1 || *days > plan.MaxDays {
		return usagef("--days is %d; give 1 to %d", *days, plan.MaxDays)
	}
	st, err := e.open(ctx, 0)
	if err != nil {
		return err
	}
	defer st.Close()
	p, in, err := summary.LoadPlan(ctx, st.Store, e.now(), *days)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(p.JSON(*days))
	}
	_, err = fmt.Fprint(e.stdout, planText(p, in, *days))
	return err
}

// planText is the plan for a terminal: the verdict, then day by day.
func planText(p plan.Plan, in plan.Input, days int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\nAvailability: %s\n", p.Summary, in.Availability)
	for _, o := range p.Options {
		fmt.Fprintf(&b, "  - %s\n", o)
	}
	if len(p.Unsized) > 0 {
		fmt.Fprintf(&b, "Not planned (size unknown): %s\n", strings.Join(p.Unsized, ", "))
	}
	for i, d := range p.Days {
		if i >= days {
			break
		}
		fmt.Fprintf(&b, "\n%s %s", d.Date.Time().Format("Mon"), d.Date)
		switch {
		case d.Closed != "":
			fmt.Fprintf(&b, "  (%s)\n", d.Closed)
			continue
		case d.Available == 0:
			b.WriteString("  (no study time)\n")
			continue
		}
		fmt.Fprintf(&b, "  %s of %s planned\n", plan.Duration(d.Planned()), plan.Duration(d.Available))
		for _, t := range d.Tasks {
			fmt.Fprintf(&b, "  %s\n      %s\n", t.Title, t.Why)
		}
	}
	return b.String()
}

func runPlanAvailability(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet("plan availability", e)
	if err := parseFlags(fs, e, `plan availability "Mon-Fri 19:00-21:00; Sat 09:00-13:00"`, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef(`give the week in one argument, e.g. "Mon-Fri 19:00-21:00; Sat 09:00-13:00"`)
	}
	a, err := plan.ParseAvailability(fs.Arg(0))
	if err != nil {
		return err
	}
	st, err := e.open(ctx, 0)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.SetPlanAvailability(ctx, a); err != nil {
		return err
	}
	_, err = fmt.Fprintf(e.stdout, "Availability: %s (%s a week)\n", a, plan.Duration(a.WeekMinutes()))
	return err
}

func runPlanOff(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet("plan off", e)
	clear := fs.Bool("clear", false, "make the days open for study again")
	if err := parseFlags(fs, e, "plan off FIRST LAST [--clear]", args); err != nil {
		return err
	}
	if fs.NArg() < 1 || fs.NArg() > 2 {
		return usagef("give the first and last day off, e.g. plan off 2026-12-24 2027-01-01")
	}
	from, err := data.ParseDate("first day", fs.Arg(0))
	if err != nil {
		return err
	}
	to := from
	if fs.NArg() == 2 {
		if to, err = data.ParseDate("last day", fs.Arg(1)); err != nil {
			return err
		}
	}
	st, err := e.open(ctx, 0)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.SetDaysOff(ctx, from, to, !*clear); err != nil {
		return err
	}
	what := "off"
	if *clear {
		what = "open for study again"
	}
	_, err = fmt.Fprintf(e.stdout, "%s to %s: %d day(s) %s\n", from, to, from.DaysUntil(to)+1, what)
	return err
}

func runPlanSpeed(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet("plan speed", e)
	if err := parseFlags(fs, e, "plan speed KIND N [UNIT]", args); err != nil {
		return err
	}
	if fs.NArg() < 2 || fs.NArg() > 3 {
		return usagef("give a kind and its units an hour, e.g. plan speed book 25 (or plan speed \"blog post\" 200 percent)")
	}
	kind, err := data.ParseReadingKind(fs.Arg(0))
	if err != nil {
		return err
	}
	v, err := strconv.ParseFloat(fs.Arg(1), 64)
	if err != nil {
		return data.Invalid("speed", "%q is not a number", fs.Arg(1))
	}
	unit := plan.DefaultUnit(kind)
	if fs.NArg() == 3 {
		if unit, err = data.ParseReadingUnit(fs.Arg(2)); err != nil {
			return err
		}
	}
	st, err := e.open(ctx, 0)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.SetPlanSpeed(ctx, plan.Kind{Kind: kind, Unit: unit}, v); err != nil {
		return err
	}
	_, err = fmt.Fprintf(e.stdout, "Speed of %s: %g %s an hour\n", kind, v, unit)
	return err
}

// icsPlanDays is how far ahead `export ics --plan` puts the plan.
const icsPlanDays = 28

// planFlag takes --plan out of export ics's arguments: the calendar then
// holds the next icsPlanDays days of planned study blocks (off by default).
func planFlag(args []string) ([]string, bool) {
	out := make([]string, 0, len(args))
	found := false
	for _, a := range args {
		if a == "--plan" || a == "-plan" {
			found = true
			continue
		}
		out = append(out, a)
	}
	return out, found
}

// plannedBlocks is the plan's next weeks as calendar blocks.
func plannedBlocks(ctx context.Context, st *store.Store, now time.Time) ([]transfer.PlannedBlock, error) {
	p, in, err := summary.LoadPlan(ctx, st, now, icsPlanDays)
	if err != nil {
		return nil, err
	}
	var out []transfer.PlannedBlock
	for _, b := range p.Blocks(in.Availability, icsPlanDays) {
		var titles, whys []string
		for _, t := range b.Tasks {
			titles = append(titles, t.Title)
			whys = append(whys, t.Why)
		}
		out = append(out, transfer.PlannedBlockOf(b.Day, b.Start, b.End, titles, whys))
	}
	return out, nil
}
