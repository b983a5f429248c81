package store

import (
	"context"
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
