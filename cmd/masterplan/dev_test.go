package main

import (
	"bytes"
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestDevSeed(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "seeded.db")
	t.Run("not in --help", func(t *testing.T) {
		r := runCLI(t, db, "--help")
		if r.code != 0 || strings.Contains(r.stdout, "dev") || !strings.Contains(r.stdout, "status") {
			t.Errorf("help = %d %q", r.code, r.stdout)
		}
	})
	t.Run("needs --db", func(t *testing.T) {
		var errOut bytes.Buffer
		code := runAt(context.Background(), []string{"dev", "seed", "--years", "1"}, io.Discard, &errOut, time.Now)
		if code != exitUsage || !strings.Contains(errOut.String(), "--db") {
			t.Errorf("exit %d, stderr %q", code, errOut.String())
		}
	})
	t.Run("seeds a year", func(t *testing.T) {
		r := runCLI(t, db, "dev", "seed", "--years", "1")
		if r.code != 0 || !strings.Contains(r.stdout, "with 1 year of history") {
			t.Fatalf("seed: %d %q %q", r.code, r.stdout, r.stderr)
		}
		s := runCLI(t, db, "status", "--json")
		if s.code != 0 || !strings.Contains(s.stdout, `"sessions": 2000`) || !strings.Contains(s.stdout, `"items": 500`) {
			t.Errorf("status after seeding: %d %.400q %q", s.code, s.stdout, s.stderr)
		}
	})
	t.Run("refuses an existing file", func(t *testing.T) {
		r := runCLI(t, db, "dev", "seed", "--years", "1")
		if r.code != exitFail || !strings.Contains(r.stderr, "exists") {
			t.Errorf("second seed: %d %q", r.code, r.stderr)
		}
	})
}
