package store

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/masterplan-app/masterplan/data"
)

func TestBackupRestoreRoundTrip(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, path := openTemp(t)
	other := openAt(t, path) // a second program on the same file, e.g. `masterplan remind`
	r := setUp(t, s)
	addMilestone(t, s, r, "Application submitted", "2026-02-01")

	backup := filepath.Join(t.TempDir(), "backups", "plan.db")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatalf("backup: %v", err)
	}
	if perm := mustStat(t, backup).Mode().Perm(); perm != 0o600 {
		t.Errorf("backup mode %o, want 600", perm)
	}
	if err := CheckBackup(ctx, backup); err != nil {
		t.Fatalf("CheckBackup: %v", err)
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(backup), ".*"))
	if len(leftovers) != 0 {
		t.Errorf("temporary files left beside the backup: %v", leftovers)
	}

	// Change everything after the backup.
	addMilestone(t, s, r, "Flights booked", "2026-04-17")
	if err := s.SetTrack(ctx, r.ID, "Changed after the backup"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveBlock(ctx, r.ID, block(t, "2026-12-01", "2026-12-05")); err != nil {
		t.Fatal(err)
	}
	changed := testSettings()
	changed.HomeCurrency = "EUR"
	if err := s.SaveSettings(ctx, changed); err != nil {
		t.Fatal(err)
	}

	safety := SafetyCopyPath(path, testNow)
	if err := s.Restore(ctx, backup, safety); err != nil {
		t.Fatalf("restore: %v", err)
	}
	for name, st := range map[string]*Store{"restoring store": s, "other store": other} {
		t.Run("old data is back for the "+name, func(t *testing.T) {
			got, err := st.Rotation(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if got.Track != r.Track || len(got.Blocks) != 2 {
				t.Errorf("rotation after restore = %+v", got)
			}
			if ts := strings.Join(titles(t, st, r.ID), "|"); ts != "Application submitted" {
				t.Errorf("milestones after restore: %s", ts)
			}
			if set, err := st.Settings(ctx); err != nil || set != testSettings() {
				t.Errorf("settings after restore = %+v, %v", set, err)
			}
		})
	}
	t.Run("the safety copy holds the data from before the restore", func(t *testing.T) {
		if err := CheckBackup(ctx, safety); err != nil {
			t.Fatalf("safety copy %s: %v", safety, err)
		}
		before := openAt(t, safety)
		if ts := strings.Join(titles(t, before, r.ID), "|"); ts != "Application submitted|Flights booked" {
			t.Errorf("safety copy milestones: %s", ts)
		}
		got, err := before.Rotation(ctx)
		if err != nil || got.Track != "Changed after the backup" || len(got.Blocks) != 3 {
			t.Errorf("safety copy rotation = %+v, %v", got, err)
		}
	})
	t.Run("the restored store still writes", func(t *testing.T) {
		addMilestone(t, s, r, "Hotel booked", "2026-04-22")
		if ts := strings.Join(titles(t, other, r.ID), "|"); ts != "Application submitted|Hotel booked" {
			t.Errorf("milestones: %s", ts)
		}
	})
	t.Run("the data survives a reopen", func(t *testing.T) {
		s.Close()
		other.Close()
		again := openAt(t, path)
		if ts := strings.Join(titles(t, again, r.ID), "|"); ts != "Application submitted|Hotel booked" {
			t.Errorf("milestones after reopen: %s", ts)
		}
	})
}

func TestBackupOverwritesAnOlderBackup(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	r := setUp(t, s)
	backup := filepath.Join(t.TempDir(), "plan.db")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	addMilestone(t, s, r, "Hotel booked", "2026-04-22")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatalf("second backup to the same name: %v", err)
	}
	b := openAt(t, backup)
	if ts := titles(t, b, r.ID); len(ts) != 1 {
		t.Errorf("the second backup holds %q", ts)
	}
}

func TestBackupRefusesTheLiveFile(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, path := openTemp(t)
	r := setUp(t, s)
	err := s.Backup(ctx, path)
	if !errors.Is(err, data.ErrInvalid) {
		t.Fatalf("backup onto the database itself: %v, want ErrInvalid", err)
	}
	err = s.Restore(ctx, path, SafetyCopyPath(path, testNow))
	if !errors.Is(err, data.ErrInvalid) {
		t.Fatalf("restore from the database itself: %v, want ErrInvalid", err)
	}
	addMilestone(t, s, r, "Still writable", "2026-01-01")
	s.Close()
	again := openAt(t, path)
	if ts := titles(t, again, r.ID); len(ts) != 1 {
		t.Errorf("after refusals the database holds %q", ts)
	}
}

func TestRestoreRefusesBadBackups(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	tests := []struct {
		name    string
		prepare func(t *testing.T, path string)
		want    error
	}{
		{"random bytes", func(t *testing.T, path string) {
			writeFile(t, path, []byte(strings.Repeat("\x13\x37not sqlite", 1000)))
		}, ErrCorrupt},
		{"an empty SQLite file", func(t *testing.T, path string) { writeFile(t, path, nil) }, ErrCorrupt},
		{"another program's database", func(t *testing.T, path string) {
			rawExec(t, path, `CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)`)
		}, ErrCorrupt},
		{"a newer MasterPlan", func(t *testing.T, path string) {
			newer := openAt(t, path)
			setUp(t, newer)
			newer.Close()
			rawExec(t, path, `INSERT INTO goose_db_version (version_id, is_applied) VALUES (999, 1)`)
		}, ErrNewerSchema},
		{"a missing file", func(t *testing.T, path string) {}, fs.ErrNotExist},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, path := openTemp(t)
			r := setUp(t, s)
			addMilestone(t, s, r, "Kept", "2026-01-01")
			src := filepath.Join(t.TempDir(), "backup.db")
			tc.prepare(t, src)
			safety := SafetyCopyPath(path, testNow)
			err := s.Restore(ctx, src, safety)
			if !errors.Is(err, tc.want) {
				t.Fatalf("Restore: %v, want %v", err, tc.want)
			}
			if _, err := os.Stat(safety); err == nil {
				t.Error("a safety copy was written for a refused restore")
			}
			if ts := titles(t, s, r.ID); len(ts) != 1 || ts[0] != "Kept" {
				t.Errorf("live data after a refused restore: %q", ts)
			}
		})
	}
}

func TestSafetyCopyPath(t *testing.T) {
	t.Parallel()
	at := time.Date(2026, 3, 8, 0, 30, 5, 0, time.FixedZone("PST", -8*3600))
	got := SafetyCopyPath("/data/masterplan.db", at)
	if got != "/data/masterplan.db.before-restore-20260308T083005Z.bak" {
		t.Errorf("SafetyCopyPath = %q", got)
	}
}
