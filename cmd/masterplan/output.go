package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// writeOutput writes what -o names (every export and the report): to
// standard output when path is "" or "-"; to a regular file, new or
// existing, under a temporary name renamed over it at the end, so that an
// export that fails half-way never leaves a truncated file (an existing
// file keeps its permissions); and straight through to anything else (a
// device such as /dev/null, a FIFO, /dev/stdout), which a rename would
// replace with a regular file. A symlink stays a symlink: what it points to
// is written, by the same rules.
func writeOutput(e *env, path string, write func(io.Writer) error) error {
	if path == "" || path == "-" {
		return write(e.stdout)
	}
	fi, err := os.Stat(path) // follows symlinks: the rules apply to the target
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return writeReplacing(path, 0, write)
	case err != nil:
		return fmt.Errorf("write %s: %w", path, err)
	case fi.IsDir():
		return fmt.Errorf("write %s: it is a folder; name a file in it", path)
	case isStdout(e, fi):
		// /dev/stdout, /dev/fd/1: reopening a pipe by name may be refused
		// (it belongs to the shell that made it); the open one is at hand.
		return write(e.stdout)
	case fi.Mode().IsRegular():
		return writeReplacing(path, fi.Mode().Perm(), write)
	}
	return writeThrough(path, write)
}

// isStdout reports whether fi is the file the command's standard output
// is open on.
func isStdout(e *env, fi fs.FileInfo) bool {
	f, ok := e.stdout.(*os.File)
	if !ok {
		return false
	}
	out, err := f.Stat()
	return err == nil && os.SameFile(fi, out)
}

// writeReplacing writes a regular file (new when perm is 0) beside its
// final name and renames it into place. A symlink is resolved first, so
// that the rename replaces its target, not the link.
func writeReplacing(path string, perm fs.FileMode, write func(io.Writer) error) error {
	target, err := followLinks(path)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	dir := filepath.Dir(target)
	if fi, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("write %s: the folder %s does not exist; create it first", path, dir)
	} else if err == nil && !fi.IsDir() {
		return fmt.Errorf("write %s: %s is not a folder", path, dir)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(target)+".*.tmp")
	if err != nil {
		return fmt.Errorf("write %s: cannot create a file in the folder %s: %w", path, dir, errors.Unwrap(err))
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if perm != 0 {
		if err := tmp.Chmod(perm); err != nil {
			tmp.Close()
			return fmt.Errorf("write %s: %w", path, err)
		}
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// writeThrough writes to an existing file that is not a regular one, as it
// is: nothing is created, renamed or replaced.
func writeThrough(path string, write func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := write(f); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// followLinks follows path's symlinks to the name they end at, which need
// not exist yet (a link to the file an export is about to create).
func followLinks(path string) (string, error) {
	for range 40 { // the kernel's own limit on links in a row
		fi, err := os.Lstat(path)
		if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			return path, nil
		}
		to, err := os.Readlink(path)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(to) {
			to = filepath.Join(filepath.Dir(path), to)
		}
		path = to
	}
	return "", fmt.Errorf("too many symlinks in a row")
}
