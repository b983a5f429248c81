package store

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// A Windows user folder is often "C:\Users\First Last" and may hold any
// letter: the database, its daily backup and a restore's safety copy all
// work under such a folder (here the same names under the temporary
// folder; the Windows build compiles this test too).
func TestFolderWithSpacesAndAccents(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "Zoë Müller-Łukasz 王", "AppData", "Roaming", "MasterPlan")
	path := filepath.Join(dir, "masterplan.db")
	s := openAt(t, path)
	setUp(t, s)
	if made, err := s.DailyBackup(ctx, date(t, "2026-03-08")); err != nil || !made {
		t.Fatalf("daily backup under %q: made %v, %v", dir, made, err)
	}
	backups, err := s.AutoBackups()
	if err != nil || len(backups) != 1 || filepath.Dir(backups[0].Path) != filepath.Join(dir, "backups") {
		t.Fatalf("backups: %+v, %v; want one in %s", backups, err, filepath.Join(dir, "backups"))
	}
	safety := SafetyCopyPath(path, testNow)
	if err := s.Restore(ctx, backups[0].Path, safety); err != nil {
		t.Fatalf("restore from %q: %v", backups[0].Path, err)
	}
	if _, err := os.Stat(safety); err != nil {
		t.Fatalf("the safety copy: %v", err)
	}
}
