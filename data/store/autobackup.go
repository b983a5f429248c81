package store

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/masterplan-app/masterplan/data"
)

// settingBackupKeep is the number of daily automatic backups kept.
const settingBackupKeep = "backup.keep"

// AutoBackup is one of the dated copies the app makes once a day.
type AutoBackup struct {
	Path string
	Day  data.Date
	Size int64 // bytes
}

// AutoBackupDir is the folder of automatic backups: "backups" beside the
// database, so that the data and its copies move together.
func AutoBackupDir(dbPath string) string {
	return filepath.Join(filepath.Dir(dbPath), "backups")
}

// autoBackupPath names the automatic backup of dbPath made on day. The
// database's own name comes first so that two databases in one folder never
// prune each other's copies.
func autoBackupPath(dbPath string, day data.Date) string {
	return filepath.Join(AutoBackupDir(dbPath), filepath.Base(dbPath)+"."+day.String()+".bak")
}

// AutoBackups lists this database's automatic backups, newest first.
func (s *Store) AutoBackups() ([]AutoBackup, error) {
	dir := AutoBackupDir(s.path)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("list backups in %s: %w", dir, err)
	}
	prefix := filepath.Base(s.path) + "."
	var out []AutoBackup
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasPrefix(name, prefix) || !strings.HasSuffix(name, ".bak") {
			continue
		}
		day, err := data.ParseDate("day", strings.TrimSuffix(strings.TrimPrefix(name, prefix), ".bak"))
		if err != nil {
			continue // not one of ours: a file the user put there
		}
		info, err := e.Info()
		if err != nil {
			return nil, fmt.Errorf("list backups in %s: %w", dir, err)
		}
		out = append(out, AutoBackup{Path: filepath.Join(dir, name), Day: day, Size: info.Size()})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Day.After(out[j].Day) })
	return out, nil
}

// AutoBackupKeep is how many automatic backups are kept.
func (s *Store) AutoBackupKeep(ctx context.Context) (int, error) {
	v, ok, err := s.Setting(ctx, settingBackupKeep)
	if err != nil || !ok {
		return data.DefaultBackupKeep, err
	}
	n, err := data.ParseBackupKeep(v)
	if err != nil {
		// A hand-edited value: fall back rather than stop backing up.
		return data.DefaultBackupKeep, nil
	}
	return n, nil
}

// SetAutoBackupKeep changes how many automatic backups are kept and removes
// the ones beyond the new number at once.
func (s *Store) SetAutoBackupKeep(ctx context.Context, keep int) error {
	if keep < 1 || keep > data.MaxBackupKeep {
		return data.Invalid("backups kept", "%d is out of range; keep between 1 and %d", keep, data.MaxBackupKeep)
	}
	if err := s.SetSetting(ctx, settingBackupKeep, strconv.Itoa(keep)); err != nil {
		return err
	}
	return s.pruneAutoBackups(keep)
}

// DailyBackup makes today's automatic backup unless there is one already,
// then keeps only the newest ones. made reports whether a copy was written.
func (s *Store) DailyBackup(ctx context.Context, today data.Date) (made bool, err error) {
	keep, err := s.AutoBackupKeep(ctx)
	if err != nil {
		return false, err
	}
	dst := autoBackupPath(s.path, today)
	if _, err := os.Stat(dst); errors.Is(err, fs.ErrNotExist) {
		if err := s.Backup(ctx, dst); err != nil {
			return false, fmt.Errorf("daily backup: %w", err)
		}
		made = true
	}
	return made, s.pruneAutoBackups(keep)
}

// pruneAutoBackups deletes all but the newest keep automatic backups.
func (s *Store) pruneAutoBackups(keep int) error {
	all, err := s.AutoBackups()
	if err != nil {
		return err
	}
	for _, b := range all[min(keep, len(all)):] {
		if err := os.Remove(b.Path); err != nil {
			return fmt.Errorf("remove old backup %s: %w", b.Path, err)
		}
	}
	return nil
}
