package store

import (
	"fmt"
	"time"
)

// SafetyCopyPath names the copy of the current data that a restore keeps
// beside the database, so that a restore can itself be undone.
func SafetyCopyPath(dbPath string, now time.Time) string {
	return fmt.Sprintf("%s.before-restore-%s.bak", dbPath, now.UTC().Format("20060102T150405Z"))
}
