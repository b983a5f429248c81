package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
)

// writeCheck remembers the outcome of the whole-file check made before a
// store's first write.
type writeCheck struct {
	mu   sync.Mutex
	done bool
	err  error
}

// CheckBeforeWrite makes the store read every page of the file (PRAGMA
// quick_check) before its first write, and refuse that write and every
// later one with Check's error when the file is damaged. Open reads only
// the file's length, to start quickly; a command-line process that is
// about to write pays the whole read once (docs/reliability.md has its
// cost) rather than add to a damaged file.
func CheckBeforeWrite() Option {
	return func(s *Store) { s.writeCheck = &writeCheck{} }
}

// checkBeforeWrite runs the check once per store, when asked for.
func (s *Store) checkBeforeWrite(ctx context.Context) error {
	c := s.writeCheck
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.done {
		return c.err
	}
	err := s.Check(ctx)
	if ctx.Err() != nil {
		// A cancelled check says nothing about the file: try again next time.
		return err
	}
	c.done, c.err = true, err
	return err
}

// IsDamaged reports whether err, from any read or write of a store (or
// wrapped by its caller), says the file is damaged or is not a database.
func IsDamaged(err error) bool {
	return errors.Is(classify(err), ErrCorrupt)
}

// CheckFile reads every page of the database at path read-only, as Check
// does on an open store, and fails with the same message: the CLI gives
// it for a damaged file whichever command met the damage.
func CheckFile(ctx context.Context, path string) error {
	db, err := sql.Open("sqlite", fileURI(path, "mode=ro"))
	if err != nil {
		return fmt.Errorf("check database %s: %w", path, err)
	}
	defer db.Close()
	if err := quickCheck(ctx, db); err != nil {
		return fmt.Errorf("check database %s: %w", path, err)
	}
	return nil
}
