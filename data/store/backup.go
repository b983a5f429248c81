package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/masterplan-app/masterplan/data"
	"modernc.org/sqlite"
)

// Backup writes a consistent copy of the live database to dst: VACUUM INTO a
// temporary name in dst's folder, then rename, so that dst is never a
// half-written file and the live WAL file is never copied by hand.
func (s *Store) Backup(ctx context.Context, dst string) error {
	if err := CheckBackupTarget(s.path, dst); err != nil {
		return fmt.Errorf("backup to %s: %w", dst, err)
	}
	dir := filepath.Dir(dst)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("backup to %s: %w", dst, err)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(dst)+".*.tmp")
	if err != nil {
		return fmt.Errorf("backup to %s: cannot create a file in the folder %s: %w", dst, dir, errors.Unwrap(err))
	}
	tmpName := tmp.Name()
	tmp.Close()
	// VACUUM INTO refuses an existing file, even an empty one.
	os.Remove(tmpName)
	defer os.Remove(tmpName)
	if _, err := s.db.ExecContext(ctx, `VACUUM INTO ?`, tmpName); err != nil {
		return fmt.Errorf("backup to %s: %w", dst, classify(err))
	}
	if err := os.Chmod(tmpName, 0o600); err != nil {
		return fmt.Errorf("backup to %s: %w", dst, err)
	}
	if err := os.Rename(tmpName, dst); err != nil {
		return fmt.Errorf("backup to %s: %w", dst, err)
	}
	return nil
}

// CheckBackup opens src read-only and confirms that it is a healthy
// MasterPlan database this version can read, without changing it.
func CheckBackup(ctx context.Context, src string) error {
	if _, err := os.Stat(src); err != nil {
		return fmt.Errorf("check backup %s: %w", src, err)
	}
	if err := checkFileKinds(src); err != nil {
		return fmt.Errorf("check backup %s: %w", src, err)
	}
	have, err := inspect(ctx, src, true)
	if err != nil {
		return fmt.Errorf("check backup %s: %w", src, err)
	}
	if have == 0 {
		return fmt.Errorf("check backup %s: %w (it has no MasterPlan tables)", src, ErrCorrupt)
	}
	return nil
}

// Restore replaces the live database's content with the backup at src. It
// checks the backup first, keeps a backup of the current state in
// safetyCopy (when not empty), copies page by page with SQLite's online
// backup API (safe while WAL readers are open), then migrates the result in
// case the backup came from an older version.
func (s *Store) Restore(ctx context.Context, src, safetyCopy string) error {
	if sameFile(src, s.path) {
		return fmt.Errorf("restore %s: %w", src, data.Invalid("file", "is the database itself; choose a backup file"))
	}
	if err := CheckBackup(ctx, src); err != nil {
		return err
	}
	if safetyCopy != "" {
		if err := s.Backup(ctx, safetyCopy); err != nil {
			return fmt.Errorf("restore %s: keep the current data first: %w", src, err)
		}
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("restore %s: %w", src, classify(err))
	}
	err = conn.Raw(func(dc any) error {
		r, ok := dc.(interface {
			NewRestore(string) (*sqlite.Backup, error)
		})
		if !ok {
			return errors.New("the SQLite driver offers no restore")
		}
		b, err := r.NewRestore(fileURI(src, "mode=ro"))
		if err != nil {
			return err
		}
		if _, err := b.Step(-1); err != nil {
			b.Finish()
			return err
		}
		return b.Finish()
	})
	conn.Close()
	if err != nil {
		return fmt.Errorf("restore %s: %w", src, classify(err))
	}
	if err := s.checkAndMigrate(ctx); err != nil {
		return fmt.Errorf("restore %s: %w", src, err)
	}
	return nil
}

// CheckBackupTarget refuses dst as the name of a backup of the database at
// dbPath (a data.FieldError for "file"): empty, a folder, something other
// than a regular file, or the database or one of its companion files by any
// spelling, symlink or hard link. A backup renamed over the -wal or -shm
// file would vanish at the next checkpoint and take the changes still in
// the log with it; one renamed over the database drops every later write.
func CheckBackupTarget(dbPath, dst string) error {
	if dst == "" {
		return data.Invalid("file", "is empty; name the file to write the backup to")
	}
	fi, err := os.Stat(dst)
	switch {
	case err == nil && fi.IsDir(), strings.HasSuffix(dst, string(filepath.Separator)):
		return data.Invalid("file", "%s is a folder; name a file in it, e.g. %s", dst, filepath.Join(dst, filepath.Base(dbPath)+".bak"))
	case err == nil && !fi.Mode().IsRegular():
		return data.Invalid("file", "%s is a %s; a backup is written to a regular file", dst, modeKind(fi.Mode()))
	}
	target := resolvedPath(dst)
	// SQLite keeps the companion files beside the file a symlinked
	// database points to, not beside the link.
	realDB := resolvedPath(dbPath)
	for _, suffix := range append([]string{""}, companionSuffixes...) {
		own := dbPath + suffix
		if target == resolvedPath(own) || target == realDB+suffix || sameFile(dst, own) || sameFile(dst, realDB+suffix) {
			what := "the database itself"
			if suffix != "" {
				what = "the database's " + suffix + " file"
			}
			return data.Invalid("file", "%s is %s; choose another name for the backup", dst, what)
		}
	}
	return nil
}

// resolvedPath is path absolute, cleaned and with its symlinks followed, as
// far as they exist: two spellings of one file, existing or about to be,
// resolve alike.
func resolvedPath(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.Clean(path)
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		return real
	}
	if dir, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		return filepath.Join(dir, filepath.Base(abs))
	}
	return abs
}

// sameFile reports whether the paths a and b name one existing file.
func sameFile(a, b string) bool {
	fa, err := os.Stat(a)
	if err != nil {
		return false
	}
	fb, err := os.Stat(b)
	return err == nil && os.SameFile(fa, fb)
}
