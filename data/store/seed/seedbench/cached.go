// Package seedbench gives benchmarks the ten-year database made by package
// seed (generated once, cached under the temporary folder, copied per
// benchmark) and a CPU-time metric. It imports package testing, so only
// tests import it: the generator itself, which `masterplan dev seed` ships,
// stays in package seed.
package seedbench

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/masterplan-app/masterplan/data/store"
	"github.com/masterplan-app/masterplan/data/store/seed"
)

// Now returns the instant the cached ten-year database's history ends;
// benchmarks use it as "now" so the dashboard sees the same week every run.
func Now() time.Time { return time.Date(2026, time.June, 30, 16, 0, 0, 0, time.UTC) }

// Cached returns the path of a ten-year database made by seed.Generate with the
// benchmark options, generating it under os.TempDir the first time (a
// minute's work) and reusing it after that, keyed by seed.Version. Callers must
// not write to it: copy it with CopyTo first.
func Cached(ctx context.Context) (string, error) {
	return cached(ctx, "10y", seed.Options{Years: 10, Now: Now(), Seed: 1})
}

// CachedHeavy is Cached for the heavy profile (seed.Heavy over seed.HeavyYears).
func CachedHeavy(ctx context.Context) (string, error) {
	heavy := seed.Heavy()
	return cached(ctx, "heavy", seed.Options{Years: seed.HeavyYears, Profile: &heavy, Now: Now(), Seed: 1})
}

// cached returns the path of the database seed.Generate makes with opts,
// named name, generating it the first time.
func cached(ctx context.Context, name string, opts seed.Options) (string, error) {
	path := filepath.Join(os.TempDir(), fmt.Sprintf("masterplan-seed-v%d-%s.db", seed.Version, name))
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	// Generate under a private name and rename: two test binaries (go test
	// runs packages in parallel) may both generate, and neither sees a half
	// file.
	dir, err := os.MkdirTemp(os.TempDir(), "masterplan-seed-")
	if err != nil {
		return "", fmt.Errorf("seed cache: %w", err)
	}
	defer os.RemoveAll(dir)
	tmp := filepath.Join(dir, "seed.db")
	st, err := store.Open(ctx, tmp, store.WithClock(Now))
	if err != nil {
		return "", fmt.Errorf("seed cache: %w", err)
	}
	if err := seed.Generate(ctx, st, opts); err != nil {
		st.Close()
		return "", fmt.Errorf("seed cache: %w", err)
	}
	// A backup is one self-contained file (no WAL beside it).
	if err := st.Backup(ctx, tmp+".packed"); err != nil {
		st.Close()
		return "", fmt.Errorf("seed cache: %w", err)
	}
	if err := st.Close(); err != nil {
		return "", fmt.Errorf("seed cache: %w", err)
	}
	if err := os.Rename(tmp+".packed", path); err != nil {
		return "", fmt.Errorf("seed cache: %w", err)
	}
	return path, nil
}

// CopyTo copies the cached ten-year database into dir and returns the
// copy's path: each benchmark writes (and opens, which may migrate) its
// own copy.
func CopyTo(ctx context.Context, dir string) (string, error) {
	return copyTo(ctx, dir, Cached)
}

// CopyHeavyTo is CopyTo for the heavy profile's database.
func CopyHeavyTo(ctx context.Context, dir string) (string, error) {
	return copyTo(ctx, dir, CachedHeavy)
}

func copyTo(ctx context.Context, dir string, cache func(context.Context) (string, error)) (string, error) {
	src, err := cache(ctx)
	if err != nil {
		return "", err
	}
	dst := filepath.Join(dir, "masterplan.db")
	in, err := os.Open(src)
	if err != nil {
		return "", fmt.Errorf("copy the seeded database: %w", err)
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return "", fmt.Errorf("copy the seeded database: %w", err)
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return "", fmt.Errorf("copy the seeded database: %w", err)
	}
	if err := out.Close(); err != nil {
		return "", fmt.Errorf("copy the seeded database: %w", err)
	}
	return dst, nil
}

// OpenCopy opens a private copy of the cached database for benchmark b, at
// the benchmarks' clock, and closes it when b ends.
func OpenCopy(b *testing.B) *store.Store {
	b.Helper()
	return openCopy(b, CopyTo)
}

// OpenHeavyCopy is OpenCopy for the heavy profile's database.
func OpenHeavyCopy(b *testing.B) *store.Store {
	b.Helper()
	return openCopy(b, CopyHeavyTo)
}

func openCopy(b *testing.B, copyTo func(context.Context, string) (string, error)) *store.Store {
	b.Helper()
	ctx := context.Background()
	path, err := copyTo(ctx, b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	st, err := store.Open(ctx, path, store.WithClock(Now))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return st
}
