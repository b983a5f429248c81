package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
)

// writeIconFile keeps png as dir/icon.png, writing it only when the file
// is missing or differs (a new version's icon), and returns its path.
// The Windows notifier uses it (notify_windows.go).
func writeIconFile(dir string, png []byte) (string, error) {
	path := filepath.Join(dir, "icon.png")
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, png) {
		return path, nil
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("keep the notification icon: %w", err)
	}
	// Write beside and rename: a toast shown meanwhile reads the old icon
	// or the new one, never half of one.
	tmp := path + ".new"
	if err := os.WriteFile(tmp, png, 0o600); err != nil {
		return "", fmt.Errorf("keep the notification icon: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return "", fmt.Errorf("keep the notification icon: %w", err)
	}
	return path, nil
}
