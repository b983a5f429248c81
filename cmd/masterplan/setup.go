package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/catalog"
	"github.com/masterplan-app/masterplan/data/store"
)

func runSetup(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet("setup", e)
	track := fs.String("track", "", "track name, from the catalog or your own (required)")
	rotationID := fs.String("rotation", "", "id of a published rotation from the catalog (or give --start/--end/--location/--tz)")
	start := fs.String("start", "", "first day of the rotation, YYYY-MM-DD")
	end := fs.String("end", "", "last day of the rotation, YYYY-MM-DD")
	location := fs.String("location", "", "where the rotation is held")
	tz := fs.String("tz", "", "IANA time zone of the location, e.g. America/Los_Angeles")
	currency := fs.String("home-currency", "USD", "ISO 4217 code of the currency you are paid in")
	goal := fs.Float64("weekly-goal", data.DefaultSettings().WeeklyGoalHours, "study hours you aim for each week")
	homeZone := fs.String("home-zone", store.SystemZone(), "your own IANA time zone: reminders and study days follow it (default: the system's)")
	usage := "setup --track NAME (--rotation CATALOG_ID | --start YYYY-MM-DD --end YYYY-MM-DD --location L --tz ZONE) [--home-currency CODE] [--weekly-goal HOURS] [--home-zone ZONE]"
	if err := parseFlags(fs, e, usage, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("setup takes only flags, got %q", fs.Args())
	}
	if *track == "" {
		return usagef("--track is required")
	}
	cat, err := catalog.Load()
	if err != nil {
		return err
	}
	var rot data.Rotation
	switch {
	case *rotationID != "" && (*start != "" || *end != ""):
		return usagef("give either --rotation or --start/--end, not both")
	case *rotationID != "":
		p, ok := cat.Rotation(*rotationID)
		if !ok {
			return usagef("no published rotation %q; known ids: %s", *rotationID, rotationIDs(cat))
		}
		rot = cat.AsRotation(p)
	case *start == "" || *end == "" || *location == "" || *tz == "":
		return usagef("give --rotation, or all of --start, --end, --location and --tz")
	default:
		b, err := parseBlock(*start, *end, *location, *tz)
		if err != nil {
			return err
		}
		rot = data.Rotation{Blocks: []data.Block{b}}
	}
	rot.Track = *track
	set := data.DefaultSettings()
	set.HomeCurrency = *currency
	set.WeeklyGoalHours = *goal
	set.TimeZone = strings.TrimSpace(*homeZone)
	if _, err := data.LoadZone(set.TimeZone); err != nil {
		return fmt.Errorf("--home-zone: %w", err)
	}

	st, err := e.open(ctx, 0)
	if err != nil {
		return err
	}
	defer st.Close()
	needs, err := st.NeedsSetup(ctx)
	if err != nil {
		return err
	}
	if !needs {
		return errors.New("this database is already set up; change it in the app's Settings or with `masterplan block add`")
	}
	rot, err = st.Setup(ctx, rot, set)
	if err != nil {
		return err
	}
	first, _ := rot.FirstBlock()
	fmt.Fprintf(e.stdout, "Set up %s: rotation from %s at %s\n", rot.Track, first.Start, first.Location)
	fmt.Fprintf(e.stdout, "Your time zone: %s (change it in the app's Settings)\n", set.TimeZone)
	return nil
}

func rotationIDs(cat catalog.Catalog) string {
	ids := ""
	for i, r := range cat.Rotations {
		if i > 0 {
			ids += ", "
		}
		ids += r.ID
	}
	return ids
}

// parseBlock reads a block from flag values, naming the bad flag.
func parseBlock(start, end, location, tz string) (data.Block, error) {
	s, err1 := data.ParseDate("--start", start)
	en, err2 := data.ParseDate("--end", end)
	if err := errors.Join(err1, err2); err != nil {
		return data.Block{}, err
	}
	b := data.Block{Start: s, End: en, Location: location, TimeZone: tz}
	return b, b.Validate()
}

func runBlock(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || args[0] != "add" {
		if len(args) > 0 && (args[0] == "--help" || args[0] == "-h") {
			fmt.Fprintln(e.stdout, "usage: masterplan block add --start YYYY-MM-DD --end YYYY-MM-DD --location L --tz ZONE")
			return nil
		}
		return usagef("usage: masterplan block add --start YYYY-MM-DD --end YYYY-MM-DD --location L --tz ZONE")
	}
	fs := newFlagSet("block add", e)
	start := fs.String("start", "", "first day of the block, YYYY-MM-DD")
	end := fs.String("end", "", "last day of the block, YYYY-MM-DD")
	location := fs.String("location", "", "where the block is held")
	tz := fs.String("tz", "", "IANA time zone of the location")
	if err := parseFlags(fs, e, "block add --start YYYY-MM-DD --end YYYY-MM-DD --location L --tz ZONE", args[1:]); err != nil {
		return err
	}
	if *start == "" || *end == "" || *location == "" || *tz == "" {
		return usagef("--start, --end, --location and --tz are all required")
	}
	b, err := parseBlock(*start, *end, *location, *tz)
	if err != nil {
		return err
	}
	st, err := e.open(ctx, needRotation)
	if err != nil {
		return err
	}
	defer st.Close()
	if b, err = st.SaveBlock(ctx, st.rot.ID, b); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Added block %s to %s at %s (id %d)\n", b.Start, b.End, b.Location, b.ID)
	return nil
}
