package store

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// rollbackExec runs statements on path as another program would: through
// the sqlite3 command-line tool when it is installed (make deps-test
// installs it), else through plain SQL on a connection without our DSN's
// pragmas. Either way the file stays in rollback-journal mode, which is
// what opening it for writing would change (issue 16, item 4).
func rollbackExec(t testing.TB, path string, stmts ...string) {
	t.Helper()
	if sqlite3, err := exec.LookPath("sqlite3"); err == nil {
		out, err := exec.Command(sqlite3, path, strings.Join(stmts, ";\n")+";").CombinedOutput()
		if err != nil {
			t.Fatalf("sqlite3 %s: %v: %s", path, err, out)
		}
	} else {
		t.Logf("no sqlite3 tool (%v): writing %s through plain SQL", err, path)
		db, err := sql.Open("sqlite", "file:"+path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		for _, q := range stmts {
			if _, err := db.Exec(q); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
	}
	if mode := journalMode(t, path); mode != "rollback journal" {
		t.Fatalf("%s is in %s mode, want a rollback-journal file", path, mode)
	}
}

// journalMode reads the file-format bytes of the header (offsets 18 and
// 19): 1 for a rollback journal, 2 for WAL.
func journalMode(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	switch {
	case len(b) < 20:
		return "no header"
	case b[18] == 1 && b[19] == 1:
		return "rollback journal"
	case b[18] == 2 && b[19] == 2:
		return "WAL"
	}
	return "unknown"
}

// A file Open refuses is checked read-only first, so that it keeps every
// byte and gains no -wal or -shm file beside it.
func TestOpenLeavesRefusedRollbackFilesAsTheyWere(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name    string
		prepare func(t *testing.T, path string)
		want    error
	}{
		{"another program's SQLite file", func(t *testing.T, path string) {
			rollbackExec(t, path, `CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)`,
				`INSERT INTO moz_places (url) VALUES ('https://example.com')`)
		}, ErrCorrupt},
		{"a backup from a newer MasterPlan", func(t *testing.T, path string) {
			s, live := openTemp(t)
			setUp(t, s)
			if err := s.Backup(ctx, path); err != nil {
				t.Fatal(err)
			}
			s.Close()
			_ = live
			rollbackExec(t, path, `INSERT INTO goose_db_version (version_id, is_applied) VALUES (999, 1)`)
		}, ErrNewerSchema},
		{"a damaged page in a file of the right length", func(t *testing.T, path string) {
			s, _ := openTemp(t)
			r := setUp(t, s)
			for i := range 300 {
				addMilestone(t, s, r, "Milestone "+strings.Repeat("x", 150)+string(rune('a'+i%26)), "2026-05-01")
			}
			if err := s.Backup(ctx, path); err != nil {
				t.Fatal(err)
			}
			s.Close()
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			for i := len(b) - 3*4096; i < len(b)-2*4096; i++ {
				b[i] = 0xA5
			}
			writeFile(t, path, b)
			if mode := journalMode(t, path); mode != "rollback journal" {
				t.Fatalf("the backup is in %s mode", mode)
			}
		}, ErrCorrupt},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "masterplan.db")
			tc.prepare(t, path)
			refused(t, path, tc.want)
			if mode := journalMode(t, path); mode != "rollback journal" {
				t.Errorf("the refused file was switched to %s", mode)
			}
			for _, companion := range []string{"-wal", "-shm", "-journal"} {
				if _, err := os.Stat(path + companion); !errors.Is(err, os.ErrNotExist) {
					t.Errorf("refusing the file left %s beside it: %v", companion, err)
				}
			}
		})
	}
}

// A healthy rollback-journal MasterPlan file (a backup copied back by hand)
// passes the read-only check and is then opened as usual, in WAL mode.
func TestOpenAcceptsAHealthyRollbackFile(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	r := setUp(t, s)
	addMilestone(t, s, r, "Kept", "2026-05-01")
	path := filepath.Join(t.TempDir(), "copied-back.db")
	if err := s.Backup(ctx, path); err != nil {
		t.Fatal(err)
	}
	if mode := journalMode(t, path); mode != "rollback journal" {
		t.Fatalf("the backup is in %s mode", mode)
	}
	again := openAt(t, path)
	if ts := titles(t, again, r.ID); len(ts) != 1 || ts[0] != "Kept" {
		t.Errorf("the copied-back file holds %q", ts)
	}
	again.Close()
	if mode := journalMode(t, path); mode != "WAL" {
		t.Errorf("the accepted file is in %s mode, want WAL", mode)
	}
}
