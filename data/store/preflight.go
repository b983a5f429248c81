package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
)

// preflight looks at an existing file read-only and refuses it before
// anything opens it for writing, which would switch it to WAL (changing its
// header) and create companion files: a file Open refuses is left byte for
// byte as it was. A new (empty) file has nothing to refuse. The checks are
// made again after opening for writing, where a MasterPlan starting at the
// same moment may have changed the file meanwhile.
func preflight(ctx context.Context, path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("check database: %w", err)
	}
	if fi.Size() == 0 {
		return nil
	}
	wal, err := inWALMode(path)
	if err != nil {
		return err
	}
	// A file not yet in WAL mode is about to change: every page is read
	// first, once. A WAL file only has its length checked, as at every open.
	_, err = inspect(ctx, path, !wal)
	if errors.Is(err, ErrReadOnly) {
		// A rollback journal left by a crash must be played back, which a
		// read-only connection cannot do: the checks after opening decide.
		return nil
	}
	return err
}

// inWALMode reads the file-format bytes of the SQLite header (offsets 18
// and 19): 2 means WAL. A file too short for a header is not in WAL mode.
func inWALMode(path string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, fmt.Errorf("check database: %w", err)
	}
	defer f.Close()
	var header [20]byte
	if _, err := io.ReadFull(f, header[:]); err != nil {
		return false, nil
	}
	return header[18] == 2 && header[19] == 2, nil
}

// inspect opens path read-only and refuses it when it is not a healthy
// MasterPlan database this version can write: damaged (every page read when
// fullRead, else its length checked), another program's database, or
// written by a newer version. It returns the file's schema version: 0 for
// a file without tables (a new database), which passes. It changes nothing.
func inspect(ctx context.Context, path string, fullRead bool) (version int64, err error) {
	db, err := sql.Open("sqlite", fileURI(path, "mode=ro&_pragma=busy_timeout(5000)"))
	if err != nil {
		return 0, err
	}
	defer db.Close()
	if fullRead {
		err = quickCheck(ctx, db)
	} else {
		err = sizeCheck(ctx, db, path)
	}
	if err != nil {
		return 0, err
	}
	// One read transaction: a MasterPlan creating the file at this moment
	// is seen before or after its first migration, never half-way.
	tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return 0, classify(err)
	}
	defer tx.Rollback()
	have, err := fileVersion(ctx, tx)
	if err != nil {
		return 0, err
	}
	if have == 0 {
		return 0, checkNoForeignTables(ctx, tx)
	}
	migrations, err := embeddedMigrations()
	if err != nil {
		return 0, err
	}
	want, err := schemaVersion(migrations)
	if err != nil {
		return 0, err
	}
	if have > want {
		return have, fmt.Errorf("schema version %d, this app knows up to %d: %w", have, want, ErrNewerSchema)
	}
	return have, nil
}
