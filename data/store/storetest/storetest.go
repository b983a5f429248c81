// Package storetest gives the tests of every package a fresh database
// migrated to the latest version, copied from a template migrated once per
// test binary (migrating a new file for every test was most of their
// time), and checks when each test ends that the kept data still match
// their records: every write path, the app's and the CLI's included, must
// keep them. Only tests import it.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/masterplan-app/masterplan/data/store"
)

// template is the bytes of a database migrated to the latest version.
var template = sync.OnceValues(func() ([]byte, error) {
	dir, err := os.MkdirTemp("", "masterplan-template-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "template.db")
	s, err := store.Open(context.Background(), path)
	if err != nil {
		return nil, fmt.Errorf("migrate the template: %w", err)
	}
	// Closing the last connection checkpoints the WAL into the file: the
	// file alone is the database.
	if err := s.Close(); err != nil {
		return nil, err
	}
	return os.ReadFile(path)
})

// Path writes a fresh migrated database named name into a new temporary
// folder of t and returns its path. When t ends, the kept data of the file
// are verified (see VerifyAfter).
func Path(t testing.TB, name string) string {
	t.Helper()
	b, err := template()
	if err != nil {
		t.Fatalf("migrated template: %v", err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	VerifyAfter(t, path)
	return path
}

// Open opens a fresh migrated database (Path) with opts; it is closed when
// t ends, before its kept data are verified.
func Open(t testing.TB, opts ...store.Option) *store.Store {
	t.Helper()
	path := Path(t, "masterplan.db")
	s, err := store.Open(context.Background(), path, opts...)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// VerifyAfter fails t if, when it ends, the kept data of the database at
// path no longer match their records. A file the test removed or damaged
// on purpose is not this check's business: only drift fails.
func VerifyAfter(t testing.TB, path string) {
	t.Cleanup(func() {
		s, err := store.Open(context.Background(), path)
		if err != nil {
			return
		}
		defer s.Close()
		if err := s.VerifyKept(context.Background()); errors.Is(err, store.ErrKeptDrift) {
			t.Errorf("after the test, %s: %v", filepath.Base(path), err)
		}
	})
}
