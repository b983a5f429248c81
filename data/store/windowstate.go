package store

import (
	"context"
	"database/sql"
	"fmt"
)

// WindowState reads the window's state kept for this database (see
// migration 00026): the last screen, divider positions, the window size,
// by key. The app reads it once at start.
func (s *Store) WindowState(ctx context.Context) (map[string]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT key, value FROM window_state`)
	if err != nil {
		return nil, fmt.Errorf("read window state: %w", classify(err))
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return nil, fmt.Errorf("read window state: %w", err)
		}
		out[k] = v
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read window state: %w", classify(err))
	}
	return out, nil
}

// SetWindowState stores one value of the window's state; the app calls it
// only when the value changed.
func (s *Store) SetWindowState(ctx context.Context, key, value string) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO window_state (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
		return err
	})
	if err != nil {
		return fmt.Errorf("keep window state %s: %w", key, err)
	}
	return nil
}
