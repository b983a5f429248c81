package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/masterplan-app/masterplan/assets"
)

func TestWriteIconFile(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "Zoë Müller", "MasterPlan")
	path, err := writeIconFile(dir, assets.IconPNG())
	if err != nil {
		t.Fatal(err)
	}
	if got, err := os.ReadFile(path); err != nil || !bytes.Equal(got, assets.IconPNG()) {
		t.Fatalf("icon file %s: %d bytes, %v; want the app icon", path, len(got), err)
	}
	// Unchanged: not rewritten (its time stays).
	old := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	if err := os.Chtimes(path, old, old); err != nil {
		t.Fatal(err)
	}
	if _, err := writeIconFile(dir, assets.IconPNG()); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(path); !info.ModTime().Equal(old) {
		t.Errorf("an unchanged icon was rewritten")
	}
	// A new version's icon replaces the old one.
	if _, err := writeIconFile(dir, []byte("new icon")); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); string(got) != "new icon" {
		t.Errorf("icon not replaced: %q", got)
	}
}
