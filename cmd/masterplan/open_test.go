package main

import (
	"context"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/masterplan-app/masterplan/data/summary"
)

// testEnv is an env on the database db at the tests' fixed clock.
func testEnv(db string) *env {
	return &env{stdout: io.Discard, stderr: io.Discard, dbPath: db, now: func() time.Time {
		return time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	}}
}

// open reads the rotation and the settings a command asks for, and only
// those; a database not set up is refused where the rotation is needed.
func TestOpenReadsWhatTheCommandNeeds(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := setupDB(t)

	st, err := testEnv(db).open(ctx, needRotation|needSettings)
	if err != nil {
		t.Fatal(err)
	}
	if st.rot.Track != "MCM: Exchange Server 2010" || len(st.rot.Blocks) != 1 {
		t.Errorf("rotation: %+v", st.rot)
	}
	if st.set.HomeCurrency != "GBP" || st.set.WeeklyGoalHours != 12 {
		t.Errorf("settings: %+v", st.set)
	}
	st.Close()

	st, err = testEnv(db).open(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if st.rot.ID != 0 || st.set.HomeCurrency != "" {
		t.Errorf("open(0) read what it was not asked for: %+v %+v", st.rot, st.set)
	}
	st.Close()

	fresh := filepath.Join(t.TempDir(), "fresh.db")
	if _, err := testEnv(fresh).open(ctx, needRotation); !errors.Is(err, summary.ErrNotSetUp) {
		t.Errorf("open of a database not set up: %v, want ErrNotSetUp", err)
	}
	// The refused open closed its store: the settings alone still open.
	st, err = testEnv(fresh).open(ctx, needSettings)
	if err != nil {
		t.Fatalf("open after a refused open: %v", err)
	}
	st.Close()
}

// Every subcommand in a table is in its command's usage, and a command
// line that names none gets the command's own answer: its default
// action, its usage or one line naming the unknown word.
func TestSubcommandTables(t *testing.T) {
	t.Parallel()
	for name, c := range map[string]struct {
		table subcommands
		usage string
	}{
		"remind":    {remindCommands(), remindUsage},
		"milestone": {milestoneCommands(), milestoneUsage},
		"plan":      {planCommands(), planUsage},
	} {
		words := map[string]bool{}
		for _, w := range strings.FieldsFunc(c.usage, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
			words[w] = true
		}
		for sub := range c.table {
			if !words[sub] && sub != "help" {
				t.Errorf("%s %s is not in the usage %q", name, sub, c.usage)
			}
		}
	}

	db := setupDB(t)
	for _, tc := range []struct {
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{[]string{"milestone"}, exitUsage, "", "masterplan milestone: usage: masterplan milestone add TITLE"},
		{[]string{"milestone", "help"}, exitOK, "usage: masterplan milestone add TITLE", ""},
		{[]string{"milestone", "-h"}, exitOK, "usage: masterplan milestone add TITLE", ""},
		{[]string{"milestone", "later"}, exitUsage, "", `unknown milestone command "later"`},
		{[]string{"milestone", "list"}, exitOK, "No milestones yet", ""},
		{[]string{"remind", "help"}, exitOK, "usage: masterplan remind [--once]", ""},
		{[]string{"remind", "--help"}, exitOK, "-once", ""},
		{[]string{"remind", "later"}, exitUsage, "", `unknown remind command "later"`},
		{[]string{"remind", "off", "1"}, exitOK, "Reminder 1 turned off", ""},
		{[]string{"remind", "on", "1"}, exitOK, "Reminder 1 turned on", ""},
		{[]string{"remind", "done", "99"}, exitFail, "", "not found"},
		{[]string{"plan", "later"}, exitUsage, "", `unknown plan command "later"`},
		{[]string{"plan", "--days", "2"}, exitOK, "Availability:", ""},
		{[]string{"plan", "speed", "book", "25"}, exitOK, "Speed of book: 25 pages an hour", ""},
		{[]string{"dev"}, exitUsage, "", "usage: masterplan dev seed"},
		{[]string{"dev", "later"}, exitUsage, "", "usage: masterplan dev seed"},
		{[]string{"dev", "verify"}, exitOK, "The kept totals match the records.", ""},
		{[]string{"dev", "rebuild", "x"}, exitUsage, "", "dev rebuild takes no arguments"},
	} {
		r := runCLI(t, db, tc.args...)
		if r.code != tc.code || !strings.Contains(r.stdout, tc.stdout) || !strings.Contains(r.stderr, tc.stderr) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit %d with %q / %q", tc.args, r.code, r.stdout, r.stderr, tc.code, tc.stdout, tc.stderr)
		}
	}
}
