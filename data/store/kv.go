package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// Setting reads one area-specific setting (a reading deadline offset, the
// Pomodoro lengths, ...); ok is false when it was never set, so the caller
// applies its own default. The user-wide settings have typed accessors in
// settings.go instead.
func (s *Store) Setting(ctx context.Context, key string) (value string, ok bool, err error) {
	return setting(ctx, s.db, key)
}

// setting is Setting through q: the database or a transaction.
func setting(ctx context.Context, q querier, key string) (value string, ok bool, err error) {
	err = q.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&value)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return "", false, nil
	case err != nil:
		return "", false, fmt.Errorf("read setting %s: %w", key, classify(err))
	}
	return value, true, nil
}

// SetSetting stores one area-specific setting; the caller validates value.
func (s *Store) SetSetting(ctx context.Context, key, value string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error { return putSetting(ctx, tx, key, value) })
}
