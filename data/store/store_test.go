package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/masterplan-app/masterplan/data"
)

func TestOpenCreatesPrivateFile(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		rel  string // below the temporary folder
	}{
		{"new folders", "a/b/masterplan/masterplan.db"},
		{"characters SQLite URIs treat specially", "we?ird #1 100%/mp?x=1#y.db"},
		{"spaces and accents", "Données personnelles/plan é.db"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tc.rel)
			s := openAt(t, path)
			fi, err := os.Stat(path)
			if err != nil {
				t.Fatalf("the database is not at %s: %v", path, err)
			}
			if perm := fi.Mode().Perm(); perm != 0o600 {
				t.Errorf("file mode %o, want 600", perm)
			}
			di, err := os.Stat(filepath.Dir(path))
			if err != nil {
				t.Fatal(err)
			}
			if perm := di.Mode().Perm(); perm != 0o700 {
				t.Errorf("folder mode %o, want 700", perm)
			}
			if s.Path() != path {
				t.Errorf("Path = %q, want %q", s.Path(), path)
			}
			// Exactly the database, its WAL and its shared memory: no stray
			// file named after a mangled URI.
			entries, err := os.ReadDir(filepath.Dir(path))
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range entries {
				if n := e.Name(); n != filepath.Base(path) && n != filepath.Base(path)+"-wal" && n != filepath.Base(path)+"-shm" {
					t.Errorf("unexpected file %q beside the database", n)
				}
			}
		})
	}
}

func TestOpenPragmas(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	ctx := context.Background()
	// Several connections at once, so that more than one pooled connection is checked.
	conns := make([]*sql.Conn, 3)
	for i := range conns {
		c, err := s.db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		conns[i] = c
	}
	for i, c := range conns {
		for pragma, want := range map[string]string{"journal_mode": "wal", "foreign_keys": "1", "busy_timeout": "5000", "synchronous": "1"} {
			var got string
			if err := c.QueryRowContext(ctx, "PRAGMA "+pragma).Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Errorf("connection %d: PRAGMA %s = %s, want %s", i, pragma, got, want)
			}
		}
	}
}

func TestMigrationsFromEmpty(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	tests := []struct {
		name    string
		prepare func(t *testing.T, path string)
	}{
		{"no file", func(t *testing.T, path string) {}},
		{"an empty file", func(t *testing.T, path string) {
			if err := os.WriteFile(path, nil, 0o600); err != nil {
				t.Fatal(err)
			}
		}},
		{"version table at version 0", func(t *testing.T, path string) {
			rawExec(t, path,
				`CREATE TABLE goose_db_version (id INTEGER PRIMARY KEY AUTOINCREMENT, version_id INTEGER NOT NULL,
					is_applied INTEGER NOT NULL, tstamp TIMESTAMP DEFAULT (datetime('now')))`,
				`INSERT INTO goose_db_version (version_id, is_applied) VALUES (0, 1)`)
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "masterplan.db")
			tc.prepare(t, path)
			s := openAt(t, path)
			want, err := schemaVersion(mustMigrations(t))
			if err != nil || want < 1 {
				t.Fatalf("schemaVersion = %d, %v", want, err)
			}
			if have, err := fileVersion(ctx, s.db); err != nil || have != want {
				t.Errorf("file version = %d, %v; want %d", have, err, want)
			}
			for _, table := range []string{"settings", "rotations", "blocks", "milestones"} {
				if n := count(t, s, table); n != 0 {
					t.Errorf("table %s has %d rows, want 0", table, n)
				}
			}
			if need, err := s.NeedsSetup(ctx); err != nil || !need {
				t.Errorf("NeedsSetup = %v, %v; want true", need, err)
			}
			if _, err := s.Rotation(ctx); !errors.Is(err, data.ErrNotFound) {
				t.Errorf("Rotation before setup: %v, want ErrNotFound", err)
			}
			if set, err := s.Settings(ctx); err != nil || set != data.DefaultSettings() {
				t.Errorf("Settings before setup = %+v, %v; want the defaults", set, err)
			}
			if baks, _ := filepath.Glob(path + "*.bak"); len(baks) != 0 {
				t.Errorf("a file without data was backed up: %v", baks)
			}
		})
	}
}

// mustMigrations returns the embedded migrations folder.
func mustMigrations(t testing.TB) fs.FS {
	t.Helper()
	m, err := embeddedMigrations()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// nextMigrations is the embedded folder plus one later migration, standing
// in for the next release's schema.
func nextMigrations(t testing.TB) (fs.FS, int64) {
	t.Helper()
	embedded := mustMigrations(t)
	have, err := schemaVersion(embedded)
	if err != nil {
		t.Fatal(err)
	}
	next := fstest.MapFS{}
	entries, err := fs.ReadDir(embedded, ".")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := fs.ReadFile(embedded, e.Name())
		if err != nil {
			t.Fatal(err)
		}
		next[e.Name()] = &fstest.MapFile{Data: b}
	}
	next[fmt.Sprintf("%05d_next.sql", have+1)] = &fstest.MapFile{Data: []byte(
		"-- +goose Up\nCREATE TABLE next_release (id INTEGER PRIMARY KEY) STRICT;\n-- +goose Down\nDROP TABLE next_release;\n")}
	return next, have + 1
}

func TestMigrationOfExistingFile(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	t.Run("backs up before migrating", func(t *testing.T) {
		s, path := openTemp(t)
		r := setUp(t, s)
		addMilestone(t, s, r, "Flights booked", "2026-04-17")
		next, v := nextMigrations(t)
		if err := s.migrate(ctx, next); err != nil {
			t.Fatalf("migrate to %d: %v", v, err)
		}
		if have, _ := fileVersion(ctx, s.db); have != v {
			t.Errorf("live file at version %d, want %d", have, v)
		}
		backup := fmt.Sprintf("%s.before-v%d-20260308T083000Z.bak", path, v)
		if err := CheckBackup(ctx, backup); err != nil {
			t.Fatalf("backup %s: %v", backup, err)
		}
		if perm := mustStat(t, backup).Mode().Perm(); perm != 0o600 {
			t.Errorf("backup mode %o, want 600", perm)
		}
		old := openAt(t, backup)
		if got := titles(t, old, r.ID); len(got) != 1 || got[0] != "Flights booked" {
			t.Errorf("backup holds milestones %q", got)
		}
		var n int
		if err := old.db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE name = 'next_release'`).Scan(&n); err != nil || n != 0 {
			t.Errorf("the backup was taken after the migration (next_release: %d, %v)", n, err)
		}
		// This build does not know the migrated file any more.
		s.Close()
		before := fileSum(t, path)
		if _, err := Open(ctx, path); !errors.Is(err, ErrNewerSchema) {
			t.Errorf("open the migrated file with this build: %v, want ErrNewerSchema", err)
		}
		if fileSum(t, path) != before {
			t.Error("the newer file was changed")
		}
	})
	t.Run("an up-to-date file is not backed up", func(t *testing.T) {
		s, path := openTemp(t)
		setUp(t, s)
		s.Close()
		openAt(t, path)
		if baks, _ := filepath.Glob(path + "*.bak"); len(baks) != 0 {
			t.Errorf("reopening wrote backups: %v", baks)
		}
	})
	t.Run("no migration without a backup", func(t *testing.T) {
		s, path := openTemp(t)
		setUp(t, s)
		if !immutable(t, filepath.Dir(path)) {
			t.Skip("chattr +i is not supported here, so the backup cannot be made to fail")
		}
		next, _ := nextMigrations(t)
		err := s.migrate(ctx, next)
		if err == nil || !strings.Contains(err.Error(), "back up before migrating") {
			t.Fatalf("migrate with an unwritable folder: %v, want a backup failure", err)
		}
		want, _ := schemaVersion(mustMigrations(t))
		if have, _ := fileVersion(ctx, s.db); have != want {
			t.Errorf("file migrated to %d without a backup", have)
		}
	})
}

func mustStat(t testing.TB, path string) os.FileInfo {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi
}

func TestReopenKeepsData(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, path := openTemp(t)
	r := setUp(t, s)
	m := addMilestone(t, s, r, "Hotel booked", "2026-04-22")
	addMilestone(t, s, r, "Flights booked", "2026-04-17")
	if err := s.SetMilestoneDone(ctx, m.ID, true); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("close: %v", err)
	}
	if _, err := os.Stat(path + "-wal"); err == nil {
		t.Error("the WAL file is left behind after the last close")
	}

	s2 := openAt(t, path)
	got, err := s2.Rotation(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != r.ID || got.Track != r.Track || len(got.Blocks) != 2 || got.Blocks[0] != r.Blocks[0] || got.Blocks[1] != r.Blocks[1] {
		t.Errorf("rotation after reopen = %+v, want %+v", got, r)
	}
	ms, err := s2.Milestones(ctx, r.ID)
	if err != nil || len(ms) != 2 || ms[0].Title != "Flights booked" || ms[1].Title != "Hotel booked" || !ms[1].Done || ms[0].Done {
		t.Errorf("milestones after reopen = %+v, %v", ms, err)
	}
	if set, err := s2.Settings(ctx); err != nil || set != testSettings() {
		t.Errorf("settings after reopen = %+v, %v", set, err)
	}
}

// refused checks that opening path fails with want and leaves its bytes alone.
func refused(t *testing.T, path string, want error) {
	t.Helper()
	before := fileSum(t, path)
	s, err := Open(context.Background(), path)
	if err == nil {
		s.Close()
		t.Fatalf("Open succeeded, want %v", want)
	}
	if !errors.Is(err, want) {
		t.Fatalf("Open: %v, want %v", err, want)
	}
	if !strings.Contains(err.Error(), path) {
		t.Errorf("message %q does not name the file", err)
	}
	if fileSum(t, path) != before {
		t.Error("the refused file was changed")
	}
	if err := CheckBackup(context.Background(), path); !errors.Is(err, want) {
		t.Errorf("CheckBackup: %v, want %v", err, want)
	}
	if fileSum(t, path) != before {
		t.Error("CheckBackup changed the file")
	}
}

func TestOpenRefusesCorruptFile(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		prepare func(t *testing.T, path string)
	}{
		{"random bytes", func(t *testing.T, path string) {
			b := make([]byte, 64<<10)
			rng := rand.New(rand.NewPCG(1, 2))
			for i := range b {
				b[i] = byte(rng.UintN(256))
			}
			writeFile(t, path, b)
		}},
		{"a text file", func(t *testing.T, path string) {
			writeFile(t, path, []byte("Exchange reading list\nchapter 1\n"))
		}},
		{"a truncated database", func(t *testing.T, path string) {
			b := manyPagesDatabase(t)
			writeFile(t, path, b[:len(b)/2])
		}},
		{"another program's SQLite database", func(t *testing.T, path string) {
			// Made as another program makes it, in rollback-journal mode:
			// a file made through our DSN is WAL already and could not show
			// that refusing it leaves its header alone.
			rollbackExec(t, path, `CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)`,
				`INSERT INTO moz_places (url) VALUES ('https://example.com')`)
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "masterplan.db")
			tc.prepare(t, path)
			refused(t, path, ErrCorrupt)
		})
	}
}

// A page damaged inside a file of the right length is not looked for at
// every open (that reads every page: tens of milliseconds on years of
// data). Check finds it, which the app runs after it starts; a restore
// refuses the file; and neither changes it.
func TestDamagedPageIsFoundByCheck(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "masterplan.db")
	b := manyPagesDatabase(t)
	for i := len(b) / 2; i < len(b)/2+4096; i++ {
		b[i] = 0xA5
	}
	writeFile(t, path, b)
	before := fileSum(t, path)
	s, err := Open(ctx, path)
	if err != nil {
		if !errors.Is(err, ErrCorrupt) {
			t.Fatalf("Open: %v, want it to succeed or to find the damage", err)
		}
	} else {
		if err := s.Check(ctx); !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), path) {
			t.Errorf("Check: %v, want %v naming the file", err, ErrCorrupt)
		}
		s.Close()
	}
	if err := CheckBackup(ctx, path); !errors.Is(err, ErrCorrupt) {
		t.Errorf("CheckBackup: %v, want %v", err, ErrCorrupt)
	}
	if fileSum(t, path) != before {
		t.Error("the damaged file was changed")
	}
}

// manyPagesDatabase is the bytes of a healthy database of many pages, to
// damage: a rotation with 300 long milestones.
func manyPagesDatabase(t *testing.T) []byte {
	t.Helper()
	full := filepath.Join(t.TempDir(), "full.db")
	s := openAt(t, full)
	r := setUp(t, s)
	for i := range 300 {
		addMilestone(t, s, r, fmt.Sprintf("Milestone %d %s", i, strings.Repeat("x", 150)), "2026-05-01")
	}
	s.Close()
	b, err := os.ReadFile(full)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func writeFile(t testing.TB, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	t.Parallel()
	s, path := openTemp(t)
	r := setUp(t, s)
	addMilestone(t, s, r, "Hotel booked", "2026-04-22")
	s.Close()
	rawExec(t, path, `INSERT INTO goose_db_version (version_id, is_applied) VALUES (999, 1)`)
	refused(t, path, ErrNewerSchema)
	if err := CheckBackup(context.Background(), path); err == nil || !strings.Contains(err.Error(), "999") {
		t.Errorf("CheckBackup: %v, want the version named", err)
	}
}

func TestOpenReadOnly(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	t.Run("parent is a regular file", func(t *testing.T) {
		parent := filepath.Join(t.TempDir(), "not-a-folder")
		writeFile(t, parent, []byte("x"))
		_, err := Open(ctx, filepath.Join(parent, "masterplan.db"))
		if !errors.Is(err, ErrReadOnly) {
			t.Fatalf("Open: %v, want ErrReadOnly", err)
		}
		if b, _ := os.ReadFile(parent); string(b) != "x" {
			t.Error("the file in the way was changed")
		}
	})
	t.Run("read-only file", func(t *testing.T) {
		s, path := openTemp(t)
		setUp(t, s)
		s.Close()
		if os.Geteuid() == 0 {
			// Root writes through permission bits; an immutable file stops even root.
			if !immutable(t, path) {
				t.Skip("running as root and chattr +i is not supported: no way to make the file read-only here; the parent-is-a-file case covers ErrReadOnly")
			}
		} else if err := os.Chmod(path, 0o400); err != nil {
			t.Fatal(err)
		}
		refusedOpen(t, path, ErrReadOnly)
	})
}

// refusedOpen checks that Open fails with want and leaves the bytes alone.
func refusedOpen(t *testing.T, path string, want error) {
	t.Helper()
	before := fileSum(t, path)
	s, err := Open(context.Background(), path)
	if err == nil {
		s.Close()
		t.Fatalf("Open succeeded, want %v", want)
	}
	if !errors.Is(err, want) {
		t.Fatalf("Open: %v, want %v", err, want)
	}
	if fileSum(t, path) != before {
		t.Error("the refused file was changed")
	}
}

func TestTwoStoresOnOneFile(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	a, path := openTemp(t)
	b := openAt(t, path)
	r := setUp(t, a)

	got, err := b.Rotation(ctx)
	if err != nil || got.ID != r.ID {
		t.Fatalf("second store reads rotation %+v, %v", got, err)
	}
	addMilestone(t, b, r, "Written by the second store", "2026-05-01")
	if got := titles(t, a, r.ID); len(got) != 1 {
		t.Fatalf("first store reads %q", got)
	}

	// Both write at once: every write lands, none fails on a lock.
	const each = 25
	var wg sync.WaitGroup
	errs := make(chan error, 2*each)
	for i, s := range []*Store{a, b} {
		wg.Go(func() {
			for j := range each {
				_, err := s.SaveMilestone(ctx, data.Milestone{RotationID: r.ID, Title: fmt.Sprintf("store %d #%d", i, j), Due: date(t, "2026-05-02")})
				if err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent write: %v", err)
	}
	if n := count(t, a, "milestones"); n != 1+2*each {
		t.Errorf("%d milestones, want %d", n, 1+2*each)
	}
}

func TestConcurrentFirstOpen(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "masterplan.db")
	var wg sync.WaitGroup
	stores := make([]*Store, 3)
	errs := make([]error, 3)
	for i := range stores {
		wg.Go(func() { stores[i], errs[i] = Open(context.Background(), path) })
	}
	wg.Wait()
	for i, s := range stores {
		if errs[i] != nil {
			t.Errorf("open %d: %v", i, errs[i])
			continue
		}
		defer s.Close()
		if need, err := s.NeedsSetup(context.Background()); err != nil || !need {
			t.Errorf("store %d: NeedsSetup = %v, %v", i, need, err)
		}
	}
}

func TestClassify(t *testing.T) {
	t.Parallel()
	tests := []struct {
		msg  string
		want error
	}{
		{"file is not a database (26)", ErrCorrupt},
		{"database disk image is malformed (11)", ErrCorrupt},
		{"database is locked (5) (SQLITE_BUSY)", ErrLocked},
		{"attempt to write a readonly database (8)", ErrReadOnly},
		{"database or disk is full (13)", ErrDiskFull},
		{"disk I/O error (778)", ErrIO},
		{"disk I/O error (10)", ErrIO},
		{"no such table: rotations", nil},
	}
	for _, tc := range tests {
		t.Run(tc.msg, func(t *testing.T) {
			in := errors.New(tc.msg)
			got := classify(in)
			if !errors.Is(got, in) {
				t.Errorf("classify lost the original error: %v", got)
			}
			for _, sentinel := range []error{ErrCorrupt, ErrLocked, ErrReadOnly, ErrDiskFull, ErrIO} {
				if errors.Is(got, sentinel) != (sentinel == tc.want) {
					t.Errorf("classify(%q) = %v; matches %v: %v", tc.msg, got, sentinel, errors.Is(got, sentinel))
				}
			}
		})
	}
	if classify(nil) != nil {
		t.Error("classify(nil) != nil")
	}
}
