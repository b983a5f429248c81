package store

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/masterplan-app/masterplan/data"
)

// Ten days of starts keep exactly the newest N copies; a second start on
// the same day writes nothing; another database's copies in the same folder
// and files the user put there are left alone.
func TestDailyBackupKeepsTheNewestN(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, path := openTemp(t)
	setUp(t, s)
	dir := AutoBackupDir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	foreign := []string{filepath.Join(dir, "other.db.2026-01-01.bak"), filepath.Join(dir, "notes.txt")}
	for _, f := range foreign {
		if err := os.WriteFile(f, []byte("not ours"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if keep, err := s.AutoBackupKeep(ctx); err != nil || keep != data.DefaultBackupKeep {
		t.Fatalf("default keep = %d, %v; want %d", keep, err, data.DefaultBackupKeep)
	}
	first := date(t, "2026-03-01")
	for i := 0; i < 10; i++ {
		made, err := s.DailyBackup(ctx, first.AddDays(i))
		if err != nil || !made {
			t.Fatalf("day %d: made %v, %v", i, made, err)
		}
		if again, err := s.DailyBackup(ctx, first.AddDays(i)); err != nil || again {
			t.Fatalf("day %d, second start: made %v, %v; want nothing new", i, again, err)
		}
	}
	got, err := s.AutoBackups()
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 7 || got[0].Day != first.AddDays(9) || got[6].Day != first.AddDays(3) {
		t.Fatalf("kept %+v; want the 7 newest, 2026-03-10 first", got)
	}
	for _, f := range foreign {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("%s was touched: %v", f, err)
		}
	}

	if err := s.SetAutoBackupKeep(ctx, 3); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.AutoBackups(); len(got) != 3 {
		t.Fatalf("after keep=3: %d backups left", len(got))
	}
	if err := s.SetAutoBackupKeep(ctx, 0); err == nil || len(data.FieldErrors(err)) == 0 {
		t.Fatalf("keep 0 accepted or not a field error: %v", err)
	}
	if keep, _ := s.AutoBackupKeep(ctx); keep != 3 {
		t.Fatalf("keep = %d after a refused change, want 3", keep)
	}
}

// Restoring an automatic backup gives back the data of that day.
func TestRestoreDailyBackup(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, path := openTemp(t)
	rot := setUp(t, s)
	addMilestone(t, s, rot, "Fee paid", "2026-04-01")
	if _, err := s.DailyBackup(ctx, date(t, "2026-03-08")); err != nil {
		t.Fatal(err)
	}
	addMilestone(t, s, rot, "Flights booked", "2026-04-02")
	backups, _ := s.AutoBackups()
	if len(backups) != 1 {
		t.Fatalf("backups = %+v", backups)
	}
	if err := s.Restore(ctx, backups[0].Path, SafetyCopyPath(path, testNow)); err != nil {
		t.Fatal(err)
	}
	if got := titles(t, s, rot.ID); len(got) != 1 || got[0] != "Fee paid" {
		t.Fatalf("after restore: %v, want only the milestone of that day", got)
	}
}
