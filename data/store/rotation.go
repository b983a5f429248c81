package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/masterplan-app/masterplan/data"
)

// NeedsSetup reports whether the first-launch setup is still to be done: a
// database with no rotation has never been set up.
func (s *Store) NeedsSetup(ctx context.Context) (bool, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM rotations`).Scan(&n); err != nil {
		return false, fmt.Errorf("check setup: %w", classify(err))
	}
	return n == 0, nil
}

// Setup stores the first-launch answers, the rotation and the settings, in
// one transaction, and returns the rotation with its new IDs.
func (s *Store) Setup(ctx context.Context, r data.Rotation, set data.Settings) (data.Rotation, error) {
	if err := errors.Join(r.Validate(), set.Validate()); err != nil {
		return data.Rotation{}, fmt.Errorf("setup: %w", err)
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		if r, err = s.insertRotation(ctx, tx, r); err != nil {
			return err
		}
		return saveSettings(ctx, tx, set)
	})
	if err != nil {
		return data.Rotation{}, fmt.Errorf("setup: %w", err)
	}
	return r, nil
}

func (s *Store) insertRotation(ctx context.Context, tx *sql.Tx, r data.Rotation) (data.Rotation, error) {
	r.Track = strings.TrimSpace(r.Track)
	res, err := tx.ExecContext(ctx, `INSERT INTO rotations (track, catalog_id, created_at) VALUES (?, ?, ?)`,
		r.Track, r.CatalogID, s.now().UTC().Format("2006-01-02T15:04:05Z"))
	if err != nil {
		return r, fmt.Errorf("add rotation: %w", err)
	}
	if r.ID, err = res.LastInsertId(); err != nil {
		return r, err
	}
	for i := range r.Blocks {
		r.Blocks[i] = tidyBlock(r.Blocks[i])
		if r.Blocks[i].ID, err = insertBlock(ctx, tx, r.ID, r.Blocks[i]); err != nil {
			return r, err
		}
	}
	return r, nil
}

// tidyBlock trims what the user typed, as validation does, so that the
// table's length checks agree with the domain's.
func tidyBlock(b data.Block) data.Block {
	b.Location = strings.TrimSpace(b.Location)
	b.TimeZone = strings.TrimSpace(b.TimeZone)
	return b
}

func insertBlock(ctx context.Context, tx *sql.Tx, rotationID int64, b data.Block) (int64, error) {
	res, err := tx.ExecContext(ctx, `INSERT INTO blocks (rotation_id, start_date, end_date, location, time_zone) VALUES (?, ?, ?, ?, ?)`,
		rotationID, b.Start.String(), b.End.String(), b.Location, b.TimeZone)
	if err != nil {
		return 0, fmt.Errorf("add block %s to %s: %w", b.Start, b.End, err)
	}
	return res.LastInsertId()
}

// Rotation returns the current rotation (the newest one) with its blocks, or
// data.ErrNotFound before setup.
func (s *Store) Rotation(ctx context.Context) (data.Rotation, error) {
	return rotation(ctx, s.db)
}

type querier interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
	QueryRowContext(context.Context, string, ...any) *sql.Row
}

func rotation(ctx context.Context, q querier) (data.Rotation, error) {
	var r data.Rotation
	err := q.QueryRowContext(ctx, `SELECT id, track, catalog_id FROM rotations ORDER BY id DESC LIMIT 1`).
		Scan(&r.ID, &r.Track, &r.CatalogID)
	if errors.Is(err, sql.ErrNoRows) {
		return r, fmt.Errorf("read rotation: %w", data.ErrNotFound)
	}
	if err != nil {
		return r, fmt.Errorf("read rotation: %w", classify(err))
	}
	rows, err := q.QueryContext(ctx, `SELECT id, start_date, end_date, location, time_zone FROM blocks
		WHERE rotation_id = ? ORDER BY start_date`, r.ID)
	if err != nil {
		return r, fmt.Errorf("read blocks: %w", classify(err))
	}
	defer rows.Close()
	for rows.Next() {
		var b data.Block
		var start, end string
		if err := rows.Scan(&b.ID, &start, &end, &b.Location, &b.TimeZone); err != nil {
			return r, fmt.Errorf("read blocks: %w", err)
		}
		if b.Start, err = storedDate("start", start); err != nil {
			return r, fmt.Errorf("read block %d: %w", b.ID, err)
		}
		if b.End, err = storedDate("end", end); err != nil {
			return r, fmt.Errorf("read block %d: %w", b.ID, err)
		}
		r.Blocks = append(r.Blocks, b)
	}
	return r, rows.Err()
}

// SetTrack renames the current rotation's track.
func (s *Store) SetTrack(ctx context.Context, rotationID int64, track string) error {
	if err := data.CheckText("track", track, true, data.MaxNameLen); err != nil {
		return fmt.Errorf("set track: %w", err)
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		return expectOne(tx.ExecContext(ctx, `UPDATE rotations SET track = ? WHERE id = ?`, strings.TrimSpace(track), rotationID))
	})
	if err != nil {
		return fmt.Errorf("set track of rotation %d: %w", rotationID, err)
	}
	return nil
}

// SaveBlock adds a block (ID 0) or changes one, refusing a change that would
// make blocks overlap. The check and the write share one transaction, so a
// second writer cannot slip an overlapping block in between.
func (s *Store) SaveBlock(ctx context.Context, rotationID int64, b data.Block) (data.Block, error) {
	if err := b.Validate(); err != nil {
		return b, fmt.Errorf("save block: %w", err)
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		b, err = saveBlock(ctx, tx, rotationID, b)
		return err
	})
	if err != nil {
		return b, fmt.Errorf("save block: %w", err)
	}
	return b, nil
}

// saveBlock adds or changes block b (validated) of rotation rotationID in
// tx, refusing a change that would make blocks overlap.
func saveBlock(ctx context.Context, tx *sql.Tx, rotationID int64, b data.Block) (data.Block, error) {
	b = tidyBlock(b)
	r, err := rotation(ctx, tx)
	if err != nil {
		return b, err
	}
	if r.ID != rotationID {
		return b, fmt.Errorf("rotation %d: %w", rotationID, data.ErrNotFound)
	}
	others := []data.Block{b}
	for _, o := range r.Blocks {
		if o.ID != b.ID {
			others = append(others, o)
		}
	}
	if err := data.CheckOverlap(others); err != nil {
		// Both: ErrConflict for callers, the FieldError for the form.
		return b, fmt.Errorf("%w: %w", data.ErrConflict, err)
	}
	if b.ID == 0 {
		b.ID, err = insertBlock(ctx, tx, rotationID, b)
		return b, err
	}
	return b, expectOne(tx.ExecContext(ctx, `UPDATE blocks SET start_date = ?, end_date = ?, location = ?, time_zone = ?
		WHERE id = ? AND rotation_id = ?`, b.Start.String(), b.End.String(), b.Location, b.TimeZone, b.ID, rotationID))
}

// DeleteBlock removes a block; the last block of a rotation cannot go, since
// a rotation without dates has nothing to count down to.
func (s *Store) DeleteBlock(ctx context.Context, rotationID, blockID int64) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM blocks WHERE rotation_id = ?`, rotationID).Scan(&n); err != nil {
			return err
		}
		if n <= 1 {
			return data.Invalid("blocks", "a rotation needs at least one block; change its dates instead of deleting it")
		}
		return expectOne(tx.ExecContext(ctx, `DELETE FROM blocks WHERE id = ? AND rotation_id = ?`, blockID, rotationID))
	})
	if err != nil {
		return fmt.Errorf("delete block %d: %w", blockID, err)
	}
	return nil
}

// expectOne turns "no row changed" into ErrNotFound.
func expectOne(res sql.Result, err error) error {
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return data.ErrNotFound
	}
	return nil
}
