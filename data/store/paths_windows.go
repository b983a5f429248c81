package store

import (
	"os"
	"path/filepath"
)

// userDataDir is %AppData%\MasterPlan (os.UserConfigDir is the roaming
// application-data folder), so the data follows a roaming profile and does
// not sit beside the exe, which may be in a read-only Program Files.
func userDataDir() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "MasterPlan"), nil
}
