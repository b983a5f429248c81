package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The CLI clock (runCLI) is 2026-11-23 12:00 UTC, 04:00 in Los Angeles, the
// zone of setupDB: a Monday, so the week holds only today so far.

// studyStatus runs status --json and returns its "study" object.
func studyStatus(t *testing.T, db string) map[string]any {
	t.Helper()
	r := runCLI(t, db, "status", "--json")
	if r.code != 0 {
		t.Fatalf("status: %d %s", r.code, r.stderr)
	}
	var s map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &s); err != nil {
		t.Fatalf("status --json: %v\n%s", err, r.stdout)
	}
	study, ok := s["study"].(map[string]any)
	if !ok {
		t.Fatalf("status --json has no study object:\n%s", r.stdout)
	}
	return study
}

func TestLogAndStatus(t *testing.T) {
	t.Parallel()
	db := setupDB(t)
	empty := studyStatus(t, db)
	if empty["week_hours"] != 0.0 || empty["total_hours"] != 0.0 || empty["streak_days"] != 0.0 || empty["week_goal"] != 12.0 {
		t.Fatalf("empty study status %v", empty)
	}
	logs := [][]string{
		{"log", "1h30m", "--topic", "Transport", "--date", "2026-11-22", "--note", "queues"},
		{"log", "45m", "--date", "2026-11-21", "--start", "09:00", "--topic", "transport"},
		{"log", "--topic", "Storage", "30m"},
		{"log", "2h", "--date", "2026-11-10"},
	}
	for _, args := range logs {
		if r := runCLI(t, db, args...); r.code != 0 || !strings.Contains(r.stdout, "Logged") {
			t.Fatalf("%v: exit %d, %q %q", args, r.code, r.stdout, r.stderr)
		}
	}
	s := studyStatus(t, db)
	// This week (from Monday 2026-11-23): the 30m logged now.
	want := map[string]any{"week_hours": 0.5, "week_goal": 12.0, "weekly_goal_hours": 12.0, "streak_days": 3.0, "best_streak_days": 3.0,
		"total_hours": 4.75, "sessions": 4.0, "timer": "idle"}
	for k, v := range want {
		if s[k] != v {
			t.Errorf("study.%s = %v, want %v", k, s[k], v)
		}
	}
	topics := s["topics"].([]any)
	first := topics[0].(map[string]any)
	if name, _ := first["topic"].(string); !strings.EqualFold(name, "transport") || first["hours"] != 2.25 || len(topics) != 3 {
		t.Errorf("topics %v, want transport 2.25 h first (case does not split a topic), then 2 h without topic, then Storage", topics)
	}
	r := runCLI(t, db, "status")
	if r.code != 0 {
		t.Fatal(r.stderr)
	}
}

func TestLogRefusesBadInput(t *testing.T) {
	t.Parallel()
	db := setupDB(t)
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"log"}, exitUsage, "needs a DURATION"},
		{[]string{"log", "0"}, exitFail, "zero"},
		{[]string{"log", "-30m"}, exitUsage, "flag provided but not defined"},
		{[]string{"log", "abc"}, exitFail, "not a duration"},
		{[]string{"log", "25h"}, exitFail, "at most 24 hours"},
		{[]string{"log", "1h", "--date", "2026-11-24"}, exitFail, "after today"},
		{[]string{"log", "1h", "--start", "23:30"}, exitFail, "cannot be in the future"},
		{[]string{"log", "1h", "--date", "2026-02-30"}, exitFail, "--date"},
		{[]string{"log", "1h", "--start", "25:00"}, exitFail, "--start"},
		{[]string{"log", "1h", "--item", "42"}, exitFail, "reading item"},
		{[]string{"log", "1h", "2h"}, exitUsage, "one DURATION"},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			r := runCLI(t, db, tc.args...)
			if r.code != tc.code || !strings.Contains(r.stderr, tc.want) {
				t.Fatalf("exit %d, stderr %q; want %d and %q", r.code, r.stderr, tc.code, tc.want)
			}
		})
	}
	if s := studyStatus(t, db); s["sessions"] != 0.0 {
		t.Fatalf("refused logs stored %v sessions", s["sessions"])
	}
}

func TestImportExportSessions(t *testing.T) {
	t.Parallel()
	db := setupDB(t)
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("date,start,duration_min,topic,note\n")
	for i := range 200 {
		fmt.Fprintf(&b, "2026-%02d-%02d,%02d:%02d,%d,Topic %d,\"note, %d\"\n", 1+i%10, 1+i%28, 6+i%12, i%60, 15+i%90, i%7, i)
	}
	csv := filepath.Join(dir, "sessions.csv")
	if err := os.WriteFile(csv, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, db, "import", "sessions", csv, "--dry-run")
	if r.code != 0 || !strings.Contains(r.stdout, "Would import 200 sessions") {
		t.Fatalf("dry run: %d %q %q", r.code, r.stdout, r.stderr)
	}
	if s := studyStatus(t, db); s["sessions"] != 0.0 {
		t.Fatal("a dry run imported")
	}
	if r := runCLI(t, db, "import", "sessions", csv); r.code != 0 || !strings.Contains(r.stdout, "Imported 200 sessions") {
		t.Fatalf("import: %d %q %q", r.code, r.stdout, r.stderr)
	}
	if r := runCLI(t, db, "import", "sessions", csv); r.code != 0 || !strings.Contains(r.stdout, "Imported 0 sessions") || !strings.Contains(r.stdout, "200 repeats skipped") {
		t.Fatalf("second import: %d %q %q", r.code, r.stdout, r.stderr)
	}
	s := studyStatus(t, db)
	if s["sessions"] != 200.0 {
		t.Fatalf("%v sessions after two imports, want 200", s["sessions"])
	}

	out := filepath.Join(dir, "export.csv")
	if r := runCLI(t, db, "export", "sessions", "-o", out); r.code != 0 || !strings.Contains(r.stderr, "Exported 200 sessions") {
		t.Fatalf("export: %d %q %q", r.code, r.stdout, r.stderr)
	}
	// The export imports into a fresh database as the same hours.
	db2 := setupDB(t)
	if r := runCLI(t, db2, "import", "sessions", out); r.code != 0 {
		t.Fatalf("import the export: %d %q", r.code, r.stderr)
	}
	if s2 := studyStatus(t, db2); s2["total_hours"] != s["total_hours"] || s2["sessions"] != 200.0 {
		t.Fatalf("round trip: %v h in %v sessions, want %v h", s2["total_hours"], s2["sessions"], s["total_hours"])
	}
	if r := runCLI(t, db, "export", "sessions"); r.code != 0 || strings.Count(r.stdout, "\n") != 201 {
		t.Fatalf("export to stdout: %d lines", strings.Count(r.stdout, "\n"))
	}
}

func TestImportSessionsRejectsAll(t *testing.T) {
	t.Parallel()
	db := setupDB(t)
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name, body, want string
	}{
		{"bad rows", "date,duration_min\n2026-11-01,30\n2026-11-02,-5\n2026-13-01,30\n2026-11-03,0\n", "3 rows rejected"},
		{"future", "date,start,duration_min\n2026-11-23,11:00,90\n", "1 rows rejected"},
		{"empty", "", "empty"},
		{"binary", "\x00\x01\x02PNG", "not"},
		{"wrong quotes", "date,duration_min\n\"2026-11-01,30\n", "line"},
		{"no columns", "when,how long\n2026-11-01,30\n", "date and duration_min"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := runCLI(t, db, "import", "sessions", write(tc.name+".csv", tc.body))
			if r.code != exitFail || !strings.Contains(r.stderr, tc.want) {
				t.Fatalf("exit %d, stderr %q, stdout %q; want failure saying %q", r.code, r.stderr, r.stdout, tc.want)
			}
			if s := studyStatus(t, db); s["sessions"] != 0.0 {
				t.Fatalf("%v sessions imported from a refused file", s["sessions"])
			}
		})
	}
	r := runCLI(t, db, "import", "sessions", write("some.csv", "date,duration_min\n2026-11-01,30\n2026-11-02,-5\n"))
	if !strings.Contains(r.stdout, "rejected line 3: duration_min") {
		t.Errorf("rejected row not named by line and column: %q", r.stdout)
	}
	r = runCLI(t, db, "import", "sessions", filepath.Join(dir, "some.csv"), "--skip-rejected")
	if r.code != 0 || !strings.Contains(r.stdout, "Imported 1 sessions") {
		t.Fatalf("--skip-rejected: %d %q %q", r.code, r.stdout, r.stderr)
	}
	if r := runCLI(t, db, "import", "sessions"); r.code != exitUsage {
		t.Fatalf("import sessions without FILE: exit %d", r.code)
	}
	if r := runCLI(t, db, "import", "sessions", filepath.Join(dir, "missing.csv")); r.code != exitFail || !strings.Contains(r.stderr, "no such file") {
		t.Fatalf("missing file: %d %q", r.code, r.stderr)
	}
}

// TestLogRefusesOverlap holds issue 16 item 7 where a session is entered:
// `log 30m --start 10:00` twice on one day is refused, naming the session
// it overlaps, and nothing is added.
func TestLogRefusesOverlap(t *testing.T) {
	t.Parallel()
	db := setupDB(t)
	if r := runCLI(t, db, "log", "30m", "--date", "2026-11-02", "--start", "10:00", "--topic", "Transport"); r.code != exitOK {
		t.Fatalf("first log: %d %s", r.code, r.stderr)
	}
	r := runCLI(t, db, "log", "30m", "--date", "2026-11-02", "--start", "10:20")
	if r.code != exitFail || !strings.Contains(r.stderr, "overlaps") || !strings.Contains(r.stderr, "2026-11-02 10:00") {
		t.Fatalf("overlapping log: %d %q", r.code, r.stderr)
	}
	if s := studyStatus(t, db); s["sessions"] != 1.0 {
		t.Errorf("%v sessions, want 1", s["sessions"])
	}
	// Back to back is fine.
	if r := runCLI(t, db, "log", "30m", "--date", "2026-11-02", "--start", "10:30"); r.code != exitOK {
		t.Errorf("back-to-back log: %d %s", r.code, r.stderr)
	}
}

// TestSessionsRoundTripToTheSecond holds the rest of issue 16 item 7: the
// export keeps starts to the second, so export → import into an empty
// database gives the same sessions and total; importing the export again
// skips every session as a repeat; a row overlapping a stored session is
// refused naming it.
func TestSessionsRoundTripToTheSecond(t *testing.T) {
	t.Parallel()
	db := setupDB(t)
	for _, start := range []string{"10:00:30", "10:30:45", "11:01:00"} {
		if r := runCLI(t, db, "log", "29m", "--date", "2026-11-02", "--start", start); r.code != exitOK {
			t.Fatalf("log at %s: %d %s", start, r.code, r.stderr)
		}
	}
	out := filepath.Join(t.TempDir(), "sessions.csv")
	if r := runCLI(t, db, "export", "sessions", "-o", out); r.code != exitOK {
		t.Fatalf("export: %d %s", r.code, r.stderr)
	}
	b, _ := os.ReadFile(out)
	if !strings.Contains(string(b), "10:00:30") || !strings.Contains(string(b), "10:30:45") {
		t.Errorf("export lost the seconds:\n%s", b)
	}
	if r := runCLI(t, db, "import", "sessions", out); r.code != exitOK || !strings.Contains(r.stdout, "3 repeats skipped") {
		t.Errorf("import into the same database: %d %q %s", r.code, r.stdout, r.stderr)
	}
	fresh := setupDB(t)
	if r := runCLI(t, fresh, "import", "sessions", out); r.code != exitOK {
		t.Fatalf("import into an empty database: %d %s", r.code, r.stderr)
	}
	if a, b := studyStatus(t, db), studyStatus(t, fresh); a["sessions"] != 3.0 || b["sessions"] != 3.0 || a["total_hours"] != b["total_hours"] {
		t.Errorf("after the round trip: %v vs %v", b, a)
	}
	again := runCLI(t, fresh, "export", "sessions")
	if again.stdout != string(b) {
		t.Errorf("export → import → export differs:\n%s\nvs\n%s", again.stdout, b)
	}
	r := runCLI(t, fresh, "import", "sessions", writeFile(t, "overlap.csv", "date,start,duration_min,topic\n2026-11-02,10:10,15,DNS\n"))
	if r.code != exitFail || !strings.Contains(r.stdout, "overlaps") {
		t.Errorf("overlapping row: %d %q %s", r.code, r.stdout, r.stderr)
	}
}
