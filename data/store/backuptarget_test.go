package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/masterplan-app/masterplan/data"
)

// A backup renamed over the database's -wal or -shm file vanishes with the
// next checkpoint and takes the committed changes still in the log with it
// (issue 16, item 3): every name of the database or of a companion file is
// refused, and so are a folder and an empty name, before anything is written.
func TestBackupRefusesTheDatabaseAndItsCompanions(t *testing.T) {
	ctx := context.Background()
	s, path := openTemp(t)
	r := setUp(t, s)
	// A second store keeps the log from being checkpointed away, as the GUI
	// does while `masterplan backup` runs.
	other := openAt(t, path)
	addMilestone(t, other, r, "In the log", "2026-05-01")
	dir := filepath.Dir(path)
	link := filepath.Join(t.TempDir(), "looks-harmless.db")
	if err := os.Symlink(path+"-wal", link); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(dir, "sub")
	if err := os.Mkdir(sub, 0o700); err != nil {
		t.Fatal(err)
	}
	for name, dst := range map[string]string{
		"the database":                        path,
		"its -wal":                            path + "-wal",
		"its -shm":                            path + "-shm",
		"its -journal":                        path + "-journal",
		"its -wal by another spelling":        filepath.Join(sub, "..", filepath.Base(path)+"-wal"),
		"a symlink to its -wal":               link,
		"a folder":                            dir,
		"an empty name":                       "",
		"a folder, spelled with a trailing /": sub + "/",
	} {
		t.Run(name, func(t *testing.T) {
			err := s.Backup(ctx, dst)
			if !errors.Is(err, data.ErrInvalid) {
				t.Fatalf("Backup(%q): %v, want ErrInvalid", dst, err)
			}
			if err := CheckBackupTarget(path, dst); !errors.Is(err, data.ErrInvalid) {
				t.Errorf("CheckBackupTarget(%q): %v, want ErrInvalid", dst, err)
			}
		})
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the symlink was replaced: %v, %v", fi, err)
	}
	s.Close()
	other.Close()
	again := openAt(t, path)
	if ts := titles(t, again, r.ID); len(ts) != 1 || ts[0] != "In the log" {
		t.Errorf("after the refused backups the database holds %q, want the milestone committed before", ts)
	}
	// A database opened through a symlink keeps its companions beside the
	// file the link points to.
	dbLink := filepath.Join(t.TempDir(), "link.db")
	if err := os.Symlink(path, dbLink); err != nil {
		t.Fatal(err)
	}
	for _, dst := range []string{path, path + "-wal", path + "-shm"} {
		if err := CheckBackupTarget(dbLink, dst); !errors.Is(err, data.ErrInvalid) {
			t.Errorf("CheckBackupTarget(%q, %q): %v, want ErrInvalid", dbLink, dst, err)
		}
	}
	if err := CheckBackupTarget(path, filepath.Join(dir, "masterplan.db.bak")); err != nil {
		t.Errorf("an ordinary backup name is refused: %v", err)
	}
}
