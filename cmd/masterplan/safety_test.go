package main

import (
	"context"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/store"
)

// damagedDB is a set-up database with one of its milestone pages
// overwritten: it opens (only its length is checked at open), its
// PRAGMA quick_check fails.
func damagedDB(t *testing.T) string {
	t.Helper()
	db := setupDB(t)
	ctx := context.Background()
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	rot, err := st.Rotation(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ms := make([]data.Milestone, 300)
	for i := range ms {
		ms[i] = data.Milestone{RotationID: rot.ID, Title: fmt.Sprintf("Milestone %d %s", i, strings.Repeat("x", 150)), Due: data.NewDate(2027, 1, 1)}
	}
	if _, err := st.AddMilestones(ctx, ms); err != nil {
		t.Fatal(err)
	}
	st.Close()
	b, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	for i := len(b) - 3*4096; i < len(b)-2*4096; i++ {
		b[i] = 0xA5
	}
	if err := os.WriteFile(db, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return db
}

func sum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// afterCommand is a CLI error line without its "masterplan CMD: " prefix.
func afterCommand(stderr string) string {
	line := strings.TrimSpace(stderr)
	if i := strings.Index(line, ": "); i >= 0 {
		return line[i+2:]
	}
	return line
}

// Every command that writes refuses a damaged database, with the message
// status gives, and leaves the file as it was (issue 16, item 5).
func TestDamagedFileRefusesEveryWrite(t *testing.T) {
	t.Parallel()
	db := damagedDB(t)
	before := sum(t, db)
	status := runCLI(t, db, "status")
	if status.code != exitFail || !strings.Contains(status.stderr, "damaged") || !strings.Contains(status.stderr, db) {
		t.Fatalf("status: exit %d, %q; want 1 and a message naming the damaged file", status.code, status.stderr)
	}
	want := afterCommand(status.stderr)
	sessions := writeFile(t, "sessions.csv", "date,start,minutes,topic,note\n2026-11-20,09:00,45,Transport,\n")
	for _, args := range [][]string{
		{"log", "30m"},
		{"milestone", "add", "After the damage", "--due", "2027-02-01"},
		{"milestone", "done", "1"},
		{"block", "add", "--start", "2027-05-03", "--end", "2027-05-09", "--location", "London", "--tz", "Europe/London"},
		{"import", "sessions", sessions},
		{"remind", "--once"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			r := runCLI(t, db, args...)
			if r.code != exitFail || afterCommand(r.stderr) != want {
				t.Errorf("exit %d, stderr %q; want 1 and status's message %q", r.code, r.stderr, want)
			}
			if sum(t, db) != before {
				t.Fatal("the damaged file was changed")
			}
		})
	}
}

// backup to the database, a companion file, a folder or an empty name is
// a usage error, and the database keeps what was committed (item 3).
func TestBackupRefusesTheDatabaseItsCompanionsAndFolders(t *testing.T) {
	t.Parallel()
	db := setupDB(t)
	if r := runCLI(t, db, "milestone", "add", "Kept", "--due", "2027-01-01"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	for _, dst := range []string{db, db + "-wal", db + "-shm", filepath.Dir(db), ""} {
		r := runCLI(t, db, "backup", dst)
		if r.code != exitUsage || r.stderr == "" {
			t.Errorf("backup %q: exit %d, %q; want a usage error", dst, r.code, r.stderr)
		}
	}
	if list := runCLI(t, db, "milestone", "list"); !strings.Contains(list.stdout, "Kept") {
		t.Errorf("after the refused backups:\n%s%s", list.stdout, list.stderr)
	}
}

// A year outside 1900-2200 is refused with one message wherever a date is
// typed; 0001-01-01 is not "required" (item 20).
func TestDatesOutsideTheYearsAreRefusedAlike(t *testing.T) {
	t.Parallel()
	db := setupDB(t)
	for _, day := range []string{"0001-01-01", "0000-01-01", "1899-12-31", "2201-01-01", "9999-12-31"} {
		t.Run(day, func(t *testing.T) {
			for _, args := range [][]string{
				{"milestone", "add", "Far", "--due", day},
				{"log", "30m", "--date", day},
				{"block", "add", "--start", "2027-05-03", "--end", day, "--location", "London", "--tz", "Europe/London"},
			} {
				r := runCLI(t, db, args...)
				msg := fmt.Sprintf("%q is outside the years 1900 to 2200", day)
				if r.code == 0 || !strings.Contains(r.stderr, msg) || strings.Contains(r.stderr, "required") {
					t.Errorf("%s: exit %d, %q; want it refused with %s", strings.Join(args, " "), r.code, r.stderr, msg)
				}
			}
		})
	}
	for _, day := range []string{"1900-01-01", "2200-12-31"} {
		if r := runCLI(t, db, "milestone", "add", "Edge", "--due", day); r.code != 0 {
			t.Errorf("milestone add --due %s: exit %d, %s", day, r.code, r.stderr)
		}
	}
}
