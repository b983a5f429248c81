package main

import (
	"bytes"
	"context"
	"database/sql"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/masterplan-app/masterplan/data/store"
)

func TestDevSeed(t *testing.T) {
	t.Parallel()
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

// dev seed --profile heavy makes issue 15's three years of heavy use; dev
// verify finds its kept totals sound, finds them drifted after a hand
// edit, and dev rebuild mends them.
func TestDevHeavyVerifyRebuild(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "heavy.db")
	if r := runCLI(t, db, "dev", "seed", "--profile", "heavy"); r.code != 0 || !strings.Contains(r.stdout, "with 3 years of history") {
		t.Fatalf("seed: %d %q %q", r.code, r.stdout, r.stderr)
	}
	s := runCLI(t, db, "status", "--json")
	for _, want := range []string{`"sessions": 3000`, `"items": 300`} {
		if s.code != 0 || !strings.Contains(s.stdout, want) {
			t.Errorf("status of the heavy profile lacks %s: %d %.400q %q", want, s.code, s.stdout, s.stderr)
		}
	}
	if r := runCLI(t, db, "dev", "verify"); r.code != 0 || !strings.Contains(r.stdout, "match") {
		t.Errorf("verify: %d %q %q", r.code, r.stdout, r.stderr)
	}
	raw, err := sql.Open("sqlite", store.DSN(db))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`UPDATE study_days SET seconds = seconds + 1`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	if r := runCLI(t, db, "dev", "verify"); r.code != exitFail || !strings.Contains(r.stderr, "do not match") {
		t.Errorf("verify after a hand edit: %d %q %q", r.code, r.stdout, r.stderr)
	}
	if r := runCLI(t, db, "dev", "rebuild"); r.code != 0 {
		t.Errorf("rebuild: %d %q %q", r.code, r.stdout, r.stderr)
	}
	if r := runCLI(t, db, "dev", "verify"); r.code != 0 {
		t.Errorf("verify after the rebuild: %d %q %q", r.code, r.stdout, r.stderr)
	}
	if r := runCLI(t, db, "dev", "seed", "--profile", "light"); r.code != exitUsage {
		t.Errorf("an unknown profile: %d %q", r.code, r.stderr)
	}
}
