package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/masterplan-app/masterplan/data"
)

// testNow is the clock of every store test: 2026-03-08 08:30 UTC.
var testNow = time.Date(2026, 3, 8, 8, 30, 0, 0, time.UTC)

// openTemp opens a fresh file database in a new temporary folder: a copy
// of the migrated template (migrating a new file for every test was most
// of the package's time). It is verified and closed when the test ends.
func openTemp(t testing.TB) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "masterplan.db")
	if err := copyFile(migratedTemplate(t), path); err != nil {
		t.Fatal(err)
	}
	return openAt(t, path), path
}

// openAt opens the database at path with the test clock. When the test
// ends, it checks the kept totals against their records (verifyKeptAfter)
// and closes it.
func openAt(t testing.TB, path string) *Store {
	t.Helper()
	s, err := Open(context.Background(), path, WithClock(func() time.Time { return testNow }))
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	t.Cleanup(func() { s.Close() })
	verifyKeptAfter(t, s)
	return s
}

// verifyKeptAfter fails t if, when it ends, the kept totals of s no longer
// match their records: every write path must keep them. Other errors (the
// test closed or damaged the file on purpose) are not this check's.
func verifyKeptAfter(t testing.TB, s *Store) {
	t.Cleanup(func() {
		if err := s.VerifyKept(context.Background()); errors.Is(err, ErrKeptDrift) {
			t.Errorf("after the test: %v", err)
		}
	})
}

// The migrated template database, made once per test binary.
var (
	templateOnce sync.Once
	templatePath string
	templateErr  error
)

// migratedTemplate returns the path of a new database migrated to the
// latest version, made the first time it is asked for. TestMain removes it.
func migratedTemplate(t testing.TB) string {
	t.Helper()
	templateOnce.Do(func() {
		dir, err := os.MkdirTemp("", "masterplan-store-template-")
		if err != nil {
			templateErr = err
			return
		}
		templatePath = filepath.Join(dir, "template.db")
		s, err := Open(context.Background(), templatePath, WithClock(func() time.Time { return testNow }))
		if err != nil {
			templateErr = err
			return
		}
		// Closing the last connection checkpoints the WAL into the file
		// and removes it: the file alone is the database.
		templateErr = s.Close()
	})
	if templateErr != nil {
		t.Fatalf("make the migrated template: %v", templateErr)
	}
	return templatePath
}

// copyFile copies src to a new file dst, private to the user.
func copyFile(src, dst string) error {
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, b, 0o600)
}

func TestMain(m *testing.M) {
	code := m.Run()
	if templatePath != "" {
		os.RemoveAll(filepath.Dir(templatePath))
	}
	os.Exit(code)
}

// date parses YYYY-MM-DD or fails the test.
func date(t testing.TB, s string) data.Date {
	t.Helper()
	d, err := data.ParseDate("test", s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// block is a valid block in Redmond.
func block(t testing.TB, start, end string) data.Block {
	t.Helper()
	return data.Block{Start: date(t, start), End: date(t, end), Location: "Redmond, Washington", TimeZone: "America/Los_Angeles"}
}

// splitRotation is the 1-week + 2-week format.
func splitRotation(t testing.TB) data.Rotation {
	t.Helper()
	return data.Rotation{Track: "MCM: Exchange Server 2010", Blocks: []data.Block{
		block(t, "2026-06-01", "2026-06-07"),
		block(t, "2026-09-07", "2026-09-20"),
	}}
}

// testSettings differ from the defaults in every field.
func testSettings() data.Settings {
	return data.Settings{HomeCurrency: "GBP", WeeklyGoalHours: 12.5, TimeZone: "Europe/London", WeekStart: time.Sunday, Theme: data.ThemeDark}
}

// setUp stores the split rotation and the test settings.
func setUp(t testing.TB, s *Store) data.Rotation {
	t.Helper()
	r, err := s.Setup(context.Background(), splitRotation(t), testSettings())
	if err != nil {
		t.Fatalf("setup: %v", err)
	}
	return r
}

// addMilestone stores one milestone of rotation r.
func addMilestone(t testing.TB, s *Store, r data.Rotation, title, due string) data.Milestone {
	t.Helper()
	m, err := s.SaveMilestone(context.Background(), data.Milestone{RotationID: r.ID, Title: title, Due: date(t, due)})
	if err != nil {
		t.Fatalf("save milestone %q: %v", title, err)
	}
	return m
}

// titles lists the titles of rotation r's milestones, by due date.
func titles(t testing.TB, s *Store, rotationID int64) []string {
	t.Helper()
	ms, err := s.Milestones(context.Background(), rotationID)
	if err != nil {
		t.Fatalf("milestones: %v", err)
	}
	out := []string{}
	for _, m := range ms {
		out = append(out, m.Title)
	}
	return out
}

// count counts the rows of a table.
func count(t testing.TB, s *Store, table string) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatalf("count %s: %v", table, err)
	}
	return n
}

// fileSum is a checksum of a file's bytes.
func fileSum(t testing.TB, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// rawExec runs statements on the file outside the Store, as another program
// (or an older or newer MasterPlan) would, and closes the connection.
func rawExec(t testing.TB, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", DSN(path))
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

// immutable makes path unchangeable even for root with chattr +i, undoing it
// when the test ends. It reports false when the file system does not support it.
func immutable(t testing.TB, path string) bool {
	t.Helper()
	if out, err := exec.Command("chattr", "+i", path).CombinedOutput(); err != nil {
		t.Logf("chattr +i %s: %v: %s", path, err, out)
		return false
	}
	t.Cleanup(func() {
		if out, err := exec.Command("chattr", "-i", path).CombinedOutput(); err != nil {
			t.Errorf("chattr -i %s: %v: %s", path, err, out)
		}
	})
	return true
}

// foundationStore creates path as the foundation release left it (only
// migration 00001) and returns a Store on it, to test each later migration
// from the previous version. Close it before opening path with Open.
func foundationStore(t testing.TB, path string) *Store {
	t.Helper()
	b, err := fs.ReadFile(mustMigrations(t), "00001_foundation.sql")
	if err != nil {
		t.Fatal(err)
	}
	if err := prepareFile(path); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", DSN(path))
	if err != nil {
		t.Fatal(err)
	}
	old := &Store{db: db, path: path, now: func() time.Time { return testNow }}
	t.Cleanup(func() { old.Close() })
	if err := old.migrate(context.Background(), fstest.MapFS{"00001_foundation.sql": &fstest.MapFile{Data: b}}); err != nil {
		t.Fatalf("migrate %s to the foundation: %v", path, err)
	}
	return old
}
