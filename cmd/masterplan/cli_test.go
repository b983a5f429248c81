package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/masterplan-app/masterplan/data/store/storetest"
)

// cliResult is what one CLI run printed and returned.
type cliResult struct {
	code           int
	stdout, stderr string
}

// runCLI runs the CLI in-process at a fixed clock on the database db.
func runCLI(t *testing.T, db string, args ...string) cliResult {
	t.Helper()
	var out, errOut bytes.Buffer
	full := append([]string{"--db", db}, args...)
	code := runAt(context.Background(), full, &out, &errOut, func() time.Time {
		return time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	})
	return cliResult{code, out.String(), errOut.String()}
}

func setupDB(t *testing.T) string {
	t.Helper()
	db := storetest.Path(t, "mp.db")
	r := runCLI(t, db, "setup", "--track", "MCM: Exchange Server 2010", "--start", "2027-03-01", "--end", "2027-03-07",
		"--location", "Redmond, Washington", "--tz", "America/Los_Angeles", "--home-currency", "GBP", "--weekly-goal", "12")
	if r.code != 0 {
		t.Fatalf("setup exit %d: %s", r.code, r.stderr)
	}
	return db
}

func TestStatusJSON(t *testing.T) {
	t.Parallel()
	db := setupDB(t)
	if r := runCLI(t, db, "block", "add", "--start", "2027-05-03", "--end", "2027-05-16", "--location", "London", "--tz", "Europe/London"); r.code != 0 {
		t.Fatalf("block add: %d %s", r.code, r.stderr)
	}
	if r := runCLI(t, db, "milestone", "add", "Flights booked", "--due", "2027-01-15"); r.code != 0 {
		t.Fatalf("milestone add: %d %s", r.code, r.stderr)
	}
	if r := runCLI(t, db, "milestone", "done", "1"); r.code != 0 {
		t.Fatalf("milestone done: %d %s", r.code, r.stderr)
	}
	r := runCLI(t, db, "status", "--json")
	if r.code != 0 {
		t.Fatalf("status: %d %s", r.code, r.stderr)
	}
	var got struct {
		Track    string `json:"track"`
		Rotation struct {
			Blocks []struct {
				Start, End, Location string
			} `json:"blocks"`
			DaysLeft int `json:"days_left"`
		} `json:"rotation"`
		Milestones []struct {
			Title string `json:"title"`
			Due   string `json:"due"`
			Done  bool   `json:"done"`
		} `json:"milestones"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("status --json is not JSON: %v\n%s", err, r.stdout)
	}
	if got.Track != "MCM: Exchange Server 2010" || got.Rotation.DaysLeft != 98 || len(got.Rotation.Blocks) != 2 {
		t.Errorf("status = %+v", got)
	}
	if b := got.Rotation.Blocks[1]; b.Start != "2027-05-03" || b.End != "2027-05-16" || b.Location != "London" {
		t.Errorf("second block = %+v", b)
	}
	if len(got.Milestones) != 1 || got.Milestones[0].Title != "Flights booked" || got.Milestones[0].Due != "2027-01-15" || !got.Milestones[0].Done {
		t.Errorf("milestones = %+v", got.Milestones)
	}
	text := runCLI(t, db, "status")
	if !strings.Contains(text.stdout, "98 days to the rotation") {
		t.Errorf("status text:\n%s", text.stdout)
	}
}

func TestExitCodes(t *testing.T) {
	t.Parallel()
	db := setupDB(t)
	fresh := filepath.Join(t.TempDir(), "fresh.db")
	cases := []struct {
		name     string
		db       string
		args     []string
		code     int
		inStderr string
	}{
		{"help", db, []string{"--help"}, 0, ""},
		{"command help", db, []string{"setup", "--help"}, 0, ""},
		{"unknown command", db, []string{"frobnicate"}, 2, "unknown command"},
		{"unknown flag", db, []string{"status", "--bogus"}, 2, "bogus"},
		{"missing due", db, []string{"milestone", "add", "X"}, 2, "--due is required"},
		{"bad date", db, []string{"milestone", "add", "X", "--due", "2027-02-30"}, 1, "YYYY-MM-DD"},
		{"empty title", db, []string{"milestone", "add", "", "--due", "2027-02-01"}, 2, ""},
		{"huge title", db, []string{"milestone", "add", strings.Repeat("t", 10000), "--due", "2027-02-01"}, 1, "limit is 200"},
		{"unknown milestone", db, []string{"milestone", "done", "999"}, 1, "not found"},
		{"bad milestone id", db, []string{"milestone", "done", "abc"}, 2, "not a milestone ID"},
		{"overlapping block", db, []string{"block", "add", "--start", "2027-03-05", "--end", "2027-03-10", "--location", "X", "--tz", "UTC"}, 1, "overlaps"},
		{"end before start", db, []string{"block", "add", "--start", "2027-06-05", "--end", "2027-06-01", "--location", "X", "--tz", "UTC"}, 1, "before the start"},
		{"unknown zone", db, []string{"block", "add", "--start", "2027-06-05", "--end", "2027-06-09", "--location", "X", "--tz", "Mars/Base"}, 1, "not a known time zone"},
		{"setup twice", db, []string{"setup", "--track", "T", "--rotation", "mcm-sql-2008-r1"}, 1, "already set up"},
		{"unknown published rotation", fresh, []string{"setup", "--track", "T", "--rotation", "nope"}, 2, "no published rotation"},
		{"status before setup", fresh, []string{"status"}, 1, "not set up"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := runCLI(t, c.db, c.args...)
			if r.code != c.code {
				t.Fatalf("exit %d, want %d; stderr: %s", r.code, c.code, r.stderr)
			}
			if c.code != 0 && strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 {
				t.Errorf("stderr is not one line:\n%s", r.stderr)
			}
			if !strings.Contains(r.stderr, c.inStderr) {
				t.Errorf("stderr %q does not mention %q", r.stderr, c.inStderr)
			}
		})
	}
}

func TestSetupFromCatalog(t *testing.T) {
	t.Parallel()
	db := storetest.Path(t, "mp.db")
	r := runCLI(t, db, "setup", "--track", "MCM: SQL Server 2008", "--rotation", "mcm-sql-2008-r2")
	if r.code != 0 {
		t.Fatalf("setup: %d %s", r.code, r.stderr)
	}
	s := runCLI(t, db, "status", "--json")
	if !strings.Contains(s.stdout, `"start": "2009-01-12"`) || !strings.Contains(s.stdout, `"over": true`) {
		t.Errorf("a past rotation should read fine:\n%s", s.stdout)
	}
}

func TestBackupRestoreCLI(t *testing.T) {
	t.Parallel()
	db := setupDB(t)
	backup := filepath.Join(t.TempDir(), "copy.db")
	if r := runCLI(t, db, "backup", backup); r.code != 0 {
		t.Fatalf("backup: %d %s", r.code, r.stderr)
	}
	runCLI(t, db, "milestone", "add", "After the backup", "--due", "2027-01-01")
	r := runCLI(t, db, "restore", backup)
	if r.code != 0 {
		t.Fatalf("restore: %d %s", r.code, r.stderr)
	}
	if list := runCLI(t, db, "milestone", "list"); strings.Contains(list.stdout, "After the backup") {
		t.Errorf("restore kept a milestone added after the backup:\n%s", list.stdout)
	}
	safety, _ := filepath.Glob(db + ".before-restore-*.bak")
	if len(safety) != 1 {
		t.Errorf("restore kept %d safety copies, want 1", len(safety))
	}
	junk := filepath.Join(t.TempDir(), "junk.db")
	os.WriteFile(junk, []byte("this is not a database at all, not even close........................................................."), 0o600)
	if r := runCLI(t, db, "restore", junk); r.code != 1 || !strings.Contains(r.stderr, "damaged") {
		t.Errorf("restoring junk: exit %d, %s", r.code, r.stderr)
	}
}

func TestEnvironmentChoosesDatabase(t *testing.T) {
	db := filepath.Join(t.TempDir(), "env.db")
	t.Setenv("MASTERPLAN_DB", db)
	var out, errOut bytes.Buffer
	code := run(context.Background(), []string{"setup", "--track", "T", "--rotation", "mcm-sql-2008-r1"}, &out, &errOut)
	if code != 0 {
		t.Fatalf("setup with MASTERPLAN_DB: %d %s", code, errOut.String())
	}
	if _, err := os.Stat(db); err != nil {
		t.Errorf("MASTERPLAN_DB was not used: %v", err)
	}
}

// writeFile writes content to a new file named name in a temporary folder.
func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// --help prints the command's usage once, on stdout; a bad flag prints one
// line on stderr and no usage.
func TestHelpOnceAndErrorsInOneLine(t *testing.T) {
	t.Parallel()
	db := setupDB(t)
	for _, cmd := range []string{"status", "report", "remind", "log", "milestone"} {
		r := runCLI(t, db, cmd, "--help")
		if r.code != 0 || strings.Count(r.stdout, "usage: masterplan") != 1 {
			t.Errorf("%s --help: exit %d, usage shown %d times:\n%s", cmd, r.code, strings.Count(r.stdout, "usage: masterplan"), r.stdout)
		}
	}
	r := runCLI(t, db, "status", "--bogus")
	if r.code != exitUsage || r.stdout != "" || strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 {
		t.Errorf("status --bogus: exit %d, stdout %q, stderr %q; want 2, nothing, one line", r.code, r.stdout, r.stderr)
	}
}
