package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// zoneChildArgs carries a child's CLI arguments (separated by \x1f) and
// zoneChildNow its clock: TestZoneChild runs them when set.
const (
	zoneChildArgs = "MASTERPLAN_ZONE_CHILD_ARGS"
	zoneChildNow  = "MASTERPLAN_ZONE_CHILD_NOW"
)

// TestZoneChild is the CLI in a process of its own, with its own TZ: Go
// reads TZ once per process (time.Local), so two zones need two processes.
func TestZoneChild(t *testing.T) {
	t.Parallel()
	spec := os.Getenv(zoneChildArgs)
	if spec == "" {
		t.Skip("run by TestOneZoneForEveryProcess")
	}
	now, err := time.Parse(time.RFC3339, os.Getenv(zoneChildNow))
	if err != nil {
		t.Fatal(err)
	}
	code := runAt(context.Background(), strings.Split(spec, "\x1f"), os.Stdout, os.Stderr, func() time.Time { return now })
	os.Exit(code)
}

// runInZone runs the CLI on db in a child process under TZ=tz at instant now.
func runInZone(t *testing.T, tz, now, db string, args ...string) cliResult {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestZoneChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), "TZ="+tz, zoneChildNow+"="+now,
		zoneChildArgs+"="+strings.Join(append([]string{"--db", db}, args...), "\x1f"))
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	code := 0
	if err := cmd.Run(); err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			t.Fatalf("run the child: %v", err)
		}
		code = ee.ExitCode()
	}
	return cliResult{code, out.String(), errOut.String()}
}

// TestOneZoneForEveryProcess holds issue 16 item 6: with the zone setting
// "" meaning each process's TZ, Monday's 19:30 study reminder rang in a
// London process and again in a New York one (another instant, so
// another key), and one sessions file imported under the two zones made
// two sets of sessions. The zone is stored at setup (the system's, here
// London's), and every process reads the same days and instants.
func TestOneZoneForEveryProcess(t *testing.T) {
	noNotificationService(t)
	db := filepath.Join(t.TempDir(), "mp.db")
	const setupAt = "2026-11-23T12:00:00Z"
	must := func(r cliResult, what string) cliResult {
		t.Helper()
		if r.code != 0 {
			t.Fatalf("%s: exit %d\n%s%s", what, r.code, r.stdout, r.stderr)
		}
		return r
	}
	r := must(runInZone(t, "Europe/London", setupAt, db, "setup", "--track", "MCM: Exchange Server 2010", "--start", "2027-03-01", "--end", "2027-03-07",
		"--location", "Redmond, Washington", "--tz", "America/Los_Angeles"), "setup")
	if !strings.Contains(r.stdout, "Your time zone: Europe/London") {
		t.Errorf("setup does not show the zone it stored:\n%s", r.stdout)
	}
	must(runInZone(t, "Europe/London", setupAt, db, "remind", "add", "study", "Evening study", "--days", "daily", "--at", "19:30"), "remind add")

	// Monday 19:30 in London is 19:30 UTC; a run in London delivers it.
	r = must(runInZone(t, "Europe/London", "2026-11-23T19:35:00Z", db, "remind", "--once"), "remind in London")
	if !strings.Contains(r.stdout, "Evening study") {
		t.Fatalf("the London run did not deliver Monday's study reminder:\n%s", r.stdout)
	}
	// 00:35 UTC is Monday 19:35 in New York: the same occurrence, already delivered.
	r = must(runInZone(t, "America/New_York", "2026-11-24T00:35:00Z", db, "remind", "--once"), "remind in New York")
	if r.stdout != "Nothing due.\n" {
		t.Fatalf("the New York run delivered again:\n%s", r.stdout)
	}

	sessions := filepath.Join(t.TempDir(), "sessions.csv")
	if err := os.WriteFile(sessions, []byte("date,start,duration_min,topic,note\n2026-11-20,10:00,30,Transport,\n2026-11-21,22:30,45,Storage,\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	must(runInZone(t, "Europe/London", setupAt, db, "import", "sessions", sessions), "import in London")
	must(runInZone(t, "Asia/Tokyo", setupAt, db, "import", "sessions", sessions), "import in Tokyo")
	var status struct {
		TimeZone string `json:"time_zone"`
		Study    struct {
			Sessions   float64 `json:"sessions"`
			TotalHours float64 `json:"total_hours"`
		} `json:"study"`
	}
	r = must(runInZone(t, "Asia/Tokyo", setupAt, db, "status", "--json"), "status")
	if err := json.Unmarshal([]byte(r.stdout), &status); err != nil {
		t.Fatal(err)
	}
	if status.TimeZone != "Europe/London" || status.Study.Sessions != 2 || status.Study.TotalHours != 1.25 {
		t.Fatalf("status under Tokyo = %+v, want Europe/London, 2 sessions, 1.25 h", status)
	}
}
