package store

import (
	"fmt"
	"path/filepath"
	"time"
)

// DefaultPath is where the database lives unless --db or MASTERPLAN_DB say
// otherwise: in the user's data folder (userDataDir, one per platform),
// never beside the program. The automatic backups go beside it.
func DefaultPath() (string, error) {
	dir, err := userDataDir()
	if err != nil {
		return "", fmt.Errorf("find the folder for the default database: %w", err)
	}
	return filepath.Join(dir, "masterplan.db"), nil
}

// SafetyCopyPath names the copy of the current data that a restore keeps
// beside the database, so that a restore can itself be undone.
func SafetyCopyPath(dbPath string, now time.Time) string {
	return fmt.Sprintf("%s.before-restore-%s.bak", dbPath, now.UTC().Format("20060102T150405Z"))
}
