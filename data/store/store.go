// Package store keeps MasterPlan's records in one SQLite file: it opens the
// file with the agreed pragmas, migrates it, and offers one method per thing
// the app reads or writes, each change in one transaction.
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/pressly/goose/v3"
	"modernc.org/sqlite" // also registers the "sqlite" driver
	sqlite3 "modernc.org/sqlite/lib"
)

//go:embed migrations/*.sql
var migrationsFS embed.FS

// Errors that Open and Restore return, each with a message the user can act on.
var (
	// ErrCorrupt: the file is not a MasterPlan database or is damaged.
	ErrCorrupt = errors.New("the file is damaged or is not a MasterPlan database")
	// ErrNewerSchema: the file was written by a newer MasterPlan.
	ErrNewerSchema = errors.New("the file was written by a newer version of MasterPlan; update the app to open it")
	// ErrLocked: another program holds the file for longer than the busy timeout.
	ErrLocked = errors.New("the database is locked by another program; close it and try again")
	// ErrReadOnly: the file or its folder cannot be written.
	ErrReadOnly = errors.New("the database cannot be written; check the file's permissions")
	// ErrDiskFull: SQLite answered SQLITE_FULL, the disk is full; the change
	// was rolled back.
	ErrDiskFull = errors.New("the disk is full: nothing of the change was saved; free some space and try again")
	// ErrIO: any other read or write the operating system refused (a
	// failing disk, a quota, a file-size limit); the wrapping error names
	// the file and what it is. A change was rolled back.
	ErrIO = errors.New("the database file could not be read or written (disk I/O error): nothing of the change was saved")
	// ErrNotAFile: the path is a FIFO, a device, a folder or a socket, which
	// SQLite cannot keep a database in; the wrapping error says which.
	ErrNotAFile = errors.New("not a regular file; give --db (or MASTERPLAN_DB) the path of a database file")
)

// Store is the app's handle on its database file. It is safe for concurrent
// use; the GUI and `masterplan remind` may each have one on the same file.
type Store struct {
	db          *sql.DB
	path        string
	now         func() time.Time
	busyTimeout time.Duration
	// writeCheck, when set (CheckBeforeWrite), reads the whole file before
	// the first write.
	writeCheck *writeCheck
}

// Option changes how Open builds a Store.
type Option func(*Store)

// WithClock makes the store stamp records with now instead of the wall clock
// (tests fix the time).
func WithClock(now func() time.Time) Option { return func(s *Store) { s.now = now } }

// DefaultBusyTimeout is how long a statement waits for another process's
// write lock before failing with ErrLocked.
const DefaultBusyTimeout = 5 * time.Second

// WithBusyTimeout makes statements wait d instead of DefaultBusyTimeout for
// another process's lock (tests of a locked file need not wait 5 s).
func WithBusyTimeout(d time.Duration) Option { return func(s *Store) { s.busyTimeout = d } }

// DSN builds the connection string: the pragmas are per connection, so they
// live here where every pooled connection gets them.
func DSN(path string) string { return dsn(path, DefaultBusyTimeout) }

func dsn(path string, busy time.Duration) string {
	return fileURI(path, fmt.Sprintf("_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=busy_timeout(%d)&_pragma=synchronous(NORMAL)&_txlock=immediate",
		busy.Milliseconds()))
}

// fileURI builds a file: URI with a query. SQLite decodes %XX in such URIs
// and ends the name at ? or #, so those three characters are escaped and
// everything else passes as is.
func fileURI(path, query string) string {
	escaped := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
	return "file:" + escaped + "?" + query
}

// Open opens (creating if need be) the database at path, checks that it is a
// healthy MasterPlan file this version understands, backs it up if a
// migration is about to touch it, and migrates it. A file that is damaged,
// newer, locked or unwritable is refused with one of the errors above and
// left exactly as it was.
func Open(ctx context.Context, path string, opts ...Option) (*Store, error) {
	s := &Store{path: path, now: time.Now, busyTimeout: DefaultBusyTimeout}
	for _, o := range opts {
		o(s)
	}
	if err := prepareFile(path); err != nil {
		return nil, err
	}
	// Opening for writing switches the file to WAL (its header changes) and
	// creates companion files: a file that is to be refused is refused
	// before, from a read-only look.
	if err := preflight(ctx, path); err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	db, err := sql.Open("sqlite", dsn(path, s.busyTimeout))
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	// The dashboard reads five areas at once, each on its own connection;
	// database/sql keeps only two idle by default, so three were opened
	// again (pragmas, schema, a cold page cache) at every refresh.
	db.SetMaxIdleConns(maxIdleConns)
	s.db = db
	if err := connect(ctx, db); err != nil {
		db.Close()
		return nil, fmt.Errorf("open database %s: %w", path, describeIO(err, path))
	}
	if err := s.checkAndMigrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open database %s: %w", path, describeIO(err, path))
	}
	if err := s.settleTimeZone(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	return s, nil
}

// connect makes the first connection. When two processes open a new file at
// once, both switch it to WAL and SQLite answers the loser SQLITE_BUSY at
// once, without waiting (it holds a read lock, so waiting could deadlock);
// on the next try the file is already in WAL mode.
func connect(ctx context.Context, db *sql.DB) error {
	for try := 1; ; try++ {
		err := classify(db.PingContext(ctx))
		if err == nil || !errors.Is(err, ErrLocked) || try == 5 {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Duration(try) * 20 * time.Millisecond):
		}
	}
}

// prepareFile makes the folder (0700) and an empty file (0600) before SQLite
// sees the path, so the data is private from the first byte, and refuses a
// path that is not a regular file (SQLite would read a FIFO or a device and
// create a -journal beside it) or that exists but cannot be written.
func prepareFile(path string) error {
	if err := checkFileKinds(path); err != nil {
		return fmt.Errorf("open database %s: %w", path, err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("create the folder for database %s: %w: %w", path, ErrReadOnly, err)
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		if errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS) {
			return fmt.Errorf("open database %s: %w", path, ErrReadOnly)
		}
		return fmt.Errorf("open database %s: %w", path, err)
	}
	return f.Close()
}

// embeddedMigrations is the goose folder built into the binary.
func embeddedMigrations() (fs.FS, error) {
	sub, err := fs.Sub(migrationsFS, "migrations")
	if err != nil {
		return nil, fmt.Errorf("load migrations: %w", err)
	}
	return sub, nil
}

// maxIdleConns is how many connections the store keeps open between reads:
// enough for the summary's concurrent readers and a screen's.
const maxIdleConns = 8

// schemaVersion is the highest migration in the folder migrations.
func schemaVersion(migrations fs.FS) (int64, error) {
	entries, err := fs.Glob(migrations, "*.sql")
	if err != nil {
		return 0, fmt.Errorf("list migrations: %w", err)
	}
	var max int64
	for _, e := range entries {
		var v int64
		if _, err := fmt.Sscanf(filepath.Base(e), "%d_", &v); err == nil && v > max {
			max = v
		}
	}
	return max, nil
}

// fileVersion reads the migration version recorded in the file (0 for a new file).
func fileVersion(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}) (int64, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'goose_db_version'`).Scan(&n)
	if err != nil {
		return 0, classify(err)
	}
	if n == 0 {
		return 0, nil
	}
	var v sql.NullInt64
	if err := q.QueryRowContext(ctx, `SELECT max(version_id) FROM goose_db_version WHERE is_applied`).Scan(&v); err != nil {
		return 0, classify(err)
	}
	return v.Int64, nil
}

func (s *Store) checkAndMigrate(ctx context.Context) error {
	migrations, err := embeddedMigrations()
	if err != nil {
		return err
	}
	return s.migrate(ctx, migrations)
}

// migrate checks the file and brings it up to the newest migration in the
// folder migrations (the embedded one; tests add a later migration to
// exercise the upgrade of an existing file).
func (s *Store) migrate(ctx context.Context, migrations fs.FS) error {
	if err := sizeCheck(ctx, s.db, s.path); err != nil {
		return err
	}
	have, err := fileVersion(ctx, s.db)
	if err != nil {
		return err
	}
	want, err := schemaVersion(migrations)
	if err != nil {
		return err
	}
	if have != want {
		// A migration writes: the whole file is read first, so that a
		// damaged one is refused before anything is added to it.
		if err := quickCheck(ctx, s.db); err != nil {
			return err
		}
	}
	switch {
	case have == 0:
		// Another program's database must not get our tables added to it.
		if err := checkNoForeignTables(ctx, s.db); err != nil {
			// Unless a MasterPlan opening the file at the same moment has
			// just created them.
			if now, verr := fileVersion(ctx, s.db); verr != nil || now == 0 {
				return err
			}
			return s.migrate(ctx, migrations)
		}
	case have > want:
		return fmt.Errorf("schema version %d, this app knows up to %d: %w", have, want, ErrNewerSchema)
	case have == want:
		return nil
	case have > 0:
		backup := fmt.Sprintf("%s.before-v%d-%s.bak", s.path, want, s.now().UTC().Format("20060102T150405Z"))
		if err := s.Backup(ctx, backup); err != nil {
			return fmt.Errorf("back up before migrating: %w", err)
		}
	}
	p, err := goose.NewProvider(goose.DialectSQLite3, s.db, migrations)
	if err != nil {
		return fmt.Errorf("load migrations: %w", err)
	}
	// Another process (the GUI and `masterplan remind` starting together) may
	// apply the same migration at the same moment: each migration is one
	// transaction, so the loser fails on "table already exists" and the file
	// is intact. Try again while the other process makes progress.
	for done := have; ; {
		_, err := p.Up(ctx)
		if err == nil {
			return nil
		}
		now, verr := fileVersion(ctx, s.db)
		if verr == nil && now == want {
			return nil
		}
		if verr != nil || now <= done {
			return fmt.Errorf("migrate from version %d to %d: %w", have, want, classify(err))
		}
		done = now
	}
}

// Check reads every page of the file, which Open leaves to migrations
// (see sizeCheck): ErrCorrupt when any is damaged.
func (s *Store) Check(ctx context.Context) error {
	if err := quickCheck(ctx, s.db); err != nil {
		return fmt.Errorf("check database %s: %w", s.path, err)
	}
	return nil
}

// checkNoForeignTables refuses a file at schema version 0 that already holds
// tables: it is some other program's SQLite database, not a new MasterPlan one.
func checkNoForeignTables(ctx context.Context, db interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}) error {
	var n int
	err := db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master
		WHERE name NOT LIKE 'sqlite_%' AND name <> 'goose_db_version'`).Scan(&n)
	if err != nil {
		return classify(err)
	}
	if n > 0 {
		return fmt.Errorf("%w (it holds %d tables or indexes but no MasterPlan schema version)", ErrCorrupt, n)
	}
	return nil
}

// sizeCheck is the check made at every open, in a few reads instead of
// quickCheck's reading of every page (tens of milliseconds on years of
// data, paid by every command): the file must be a database, and as long as
// its header says, which is how a truncated copy shows. When the file is
// shorter only because the last pages still sit in the write-ahead log,
// quickCheck decides. Damage inside a page is found by SQLite when the page
// is read, and classify reports it as ErrCorrupt; migrations, restores and
// the daily backup read every page.
func sizeCheck(ctx context.Context, db *sql.DB, path string) error {
	var pages, pageSize int64
	if err := db.QueryRowContext(ctx, `SELECT page_count, page_size FROM pragma_page_count, pragma_page_size`).Scan(&pages, &pageSize); err != nil {
		return classify(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("check database size: %w", err)
	}
	if fi.Size() < pages*pageSize {
		return quickCheck(ctx, db)
	}
	return nil
}

// quickCheck reads the whole file once: a truncated or foreign file fails
// here, before anything is written to it.
func quickCheck(ctx context.Context, db interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}) error {
	rows, err := db.QueryContext(ctx, `PRAGMA quick_check`)
	if err != nil {
		return classify(err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return classify(err)
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	if err := rows.Err(); err != nil {
		return classify(err)
	}
	if len(problems) > 0 {
		return fmt.Errorf("%w (%s)", ErrCorrupt, strings.Join(problems, "; "))
	}
	return nil
}

// classify maps SQLite's error texts onto the store's sentinel errors so
// that callers can tell the user what to do.
func classify(err error) error {
	if err == nil {
		return nil
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		// The primary result code is the low byte of the extended one.
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_FULL:
			return fmt.Errorf("%w: %w", ErrDiskFull, err)
		case sqlite3.SQLITE_IOERR:
			return fmt.Errorf("%w: %w", ErrIO, err)
		}
	}
	msg := err.Error()
	switch {
	case strings.Contains(msg, "file is not a database"),
		strings.Contains(msg, "malformed"),
		strings.Contains(msg, "SQLITE_CORRUPT"),
		strings.Contains(msg, "SQLITE_NOTADB"):
		return fmt.Errorf("%w: %w", ErrCorrupt, err)
	case strings.Contains(msg, "database is locked"), strings.Contains(msg, "SQLITE_BUSY"):
		return fmt.Errorf("%w: %w", ErrLocked, err)
	case strings.Contains(msg, "readonly database"), strings.Contains(msg, "SQLITE_READONLY"):
		return fmt.Errorf("%w: %w", ErrReadOnly, err)
	case strings.Contains(msg, "database or disk is full"), strings.Contains(msg, "SQLITE_FULL"),
		strings.Contains(msg, "no space left on device"):
		return fmt.Errorf("%w: %w", ErrDiskFull, err)
	case strings.Contains(msg, "disk I/O error"), strings.Contains(msg, "SQLITE_IOERR"),
		strings.Contains(msg, "file too large"):
		return fmt.Errorf("%w: %w", ErrIO, err)
	}
	return err
}

// Path is the database file's path.
func (s *Store) Path() string { return s.path }

// Close closes the database; the WAL is checkpointed by SQLite on the last close.
func (s *Store) Close() error {
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("close database %s: %w", s.path, err)
	}
	return nil
}

// inTx runs fn in one transaction: everything fn writes lands, or nothing.
// With CheckBeforeWrite, a damaged file refuses it before it begins.
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if err := s.checkBeforeWrite(ctx); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return describeIO(classify(err), s.path)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return describeIO(classify(err), s.path)
	}
	return describeIO(classify(tx.Commit()), s.path)
}

// inReadTx runs fn in one read transaction: it sees one state of the file,
// and, unlike inTx (BEGIN IMMEDIATE), neither waits for nor holds up a
// writer.
func (s *Store) inReadTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return classify(err)
	}
	defer tx.Rollback()
	return classify(fn(tx))
}
