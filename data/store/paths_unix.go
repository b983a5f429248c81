//go:build !windows

package store

import (
	"os"
	"path/filepath"
)

// userDataDir is MasterPlan's folder under XDG_DATA_HOME, by default
// ~/.local/share/masterplan (macOS included: one rule, as the README says).
func userDataDir() (string, error) {
	if dir := os.Getenv("XDG_DATA_HOME"); dir != "" {
		return filepath.Join(dir, "masterplan"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, ".local", "share", "masterplan"), nil
}
