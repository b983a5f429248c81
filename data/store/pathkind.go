package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// What a path can be, in the words the messages use.
const (
	kindMissing = "missing file"
	kindRegular = "regular file"
)

// companionSuffixes are the files SQLite keeps beside a database: the
// write-ahead log, its shared-memory index and the rollback journal.
var companionSuffixes = []string{"-wal", "-shm", "-journal"}

// pathKind says what path is (following symlinks): a regular file, a
// folder, a named pipe (FIFO), a device, a socket, or missing; "" when it
// cannot be looked at (the error then comes from the open that follows).
func pathKind(path string) string {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return kindMissing
	case err != nil:
		return ""
	}
	return modeKind(fi.Mode())
}

// modeKind names a file mode's type.
func modeKind(m fs.FileMode) string {
	switch {
	case m.IsRegular():
		return kindRegular
	case m.IsDir():
		return "folder"
	case m&fs.ModeNamedPipe != 0:
		return "named pipe (FIFO)"
	case m&fs.ModeCharDevice != 0:
		return "character device"
	case m&fs.ModeDevice != 0:
		return "block device"
	case m&fs.ModeSocket != 0:
		return "socket"
	}
	return "special file"
}

// checkFileKinds refuses a database path, or a companion file beside it,
// that is not a regular file: SQLite would block reading a FIFO, read zeros
// from a device and create a -journal beside it.
func checkFileKinds(path string) error {
	if kind := pathKind(path); kind != "" && kind != kindRegular && kind != kindMissing {
		return fmt.Errorf("%s is a %s: %w", path, kind, ErrNotAFile)
	}
	for _, suffix := range companionSuffixes {
		if kind := pathKind(path + suffix); kind != "" && kind != kindRegular && kind != kindMissing {
			return fmt.Errorf("%s, beside the database, is a %s: %w", path+suffix, kind, ErrNotAFile)
		}
	}
	return nil
}

// describeIO adds to an ErrIO what the database's path is, so that the
// message says more than "disk I/O error": a companion file that is not a
// regular file, or else the database as a regular file whose disk refused
// the read or write (a failing disk, a quota, a file-size limit).
func describeIO(err error, path string) error {
	if !errors.Is(err, ErrIO) {
		return err
	}
	if kerr := checkFileKinds(path); kerr != nil {
		return fmt.Errorf("%w: %w", kerr, err)
	}
	return fmt.Errorf("%s is a %s its disk would not read or write (a failing disk, a quota or a file-size limit): %w", path, pathKind(path), err)
}
