//go:build unix

package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// writeTo runs writeOutput on path with content and returns its error.
func writeTo(t *testing.T, path, content string) error {
	t.Helper()
	e := &env{stdout: io.Discard, stderr: io.Discard}
	return writeOutput(e, path, func(w io.Writer) error {
		_, err := io.WriteString(w, content)
		return err
	})
}

// -o FILE replaces a regular file (or makes a new one) through a temporary
// file and a rename, so that a failed export never leaves half a file;
// anything else is written straight through and stays what it is (issue
// 16, item 19).
func TestOutputKeepsWhatTheTargetIs(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	t.Run("a new file", func(t *testing.T) {
		path := filepath.Join(dir, "new.csv")
		if err := writeTo(t, path, "fresh\n"); err != nil {
			t.Fatal(err)
		}
		if b, _ := os.ReadFile(path); string(b) != "fresh\n" {
			t.Errorf("content %q", b)
		}
	})
	t.Run("a regular file keeps its permissions", func(t *testing.T) {
		path := filepath.Join(dir, "shared.csv")
		if err := os.WriteFile(path, []byte("old, longer content\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(path, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := writeTo(t, path, "new\n"); err != nil {
			t.Fatal(err)
		}
		fi, err := os.Stat(path)
		if b, _ := os.ReadFile(path); err != nil || string(b) != "new\n" || fi.Mode().Perm() != 0o644 {
			t.Errorf("content %q, mode %v, %v; want new content, 0644 kept", b, fi.Mode(), err)
		}
	})
	t.Run("a symlink stays a symlink", func(t *testing.T) {
		target := filepath.Join(dir, "real.json")
		if err := os.WriteFile(target, []byte("old"), 0o600); err != nil {
			t.Fatal(err)
		}
		link := filepath.Join(dir, "latest.json")
		if err := os.Symlink("real.json", link); err != nil {
			t.Fatal(err)
		}
		if err := writeTo(t, link, "through the link"); err != nil {
			t.Fatal(err)
		}
		fi, err := os.Lstat(link)
		if err != nil || fi.Mode()&os.ModeSymlink == 0 {
			t.Fatalf("the symlink was replaced: %v, %v", fi.Mode(), err)
		}
		if b, _ := os.ReadFile(target); string(b) != "through the link" {
			t.Errorf("the link's target holds %q", b)
		}
	})
	t.Run("a dangling symlink gets its target made", func(t *testing.T) {
		link := filepath.Join(dir, "next.json")
		if err := os.Symlink("made-through-link.json", link); err != nil {
			t.Fatal(err)
		}
		if err := writeTo(t, link, "made"); err != nil {
			t.Fatal(err)
		}
		if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
			t.Fatalf("the symlink was replaced: %v, %v", fi.Mode(), err)
		}
		if b, _ := os.ReadFile(filepath.Join(dir, "made-through-link.json")); string(b) != "made" {
			t.Errorf("the link's new target holds %q", b)
		}
	})
	t.Run("a FIFO stays a FIFO", func(t *testing.T) {
		fifo := filepath.Join(dir, "pipe")
		if err := syscall.Mkfifo(fifo, 0o600); err != nil {
			t.Fatal(err)
		}
		// Opened without blocking, so that the writer's open finds a reader.
		r, err := os.OpenFile(fifo, os.O_RDONLY|syscall.O_NONBLOCK, 0)
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		if err := writeTo(t, fifo, "down the pipe"); err != nil {
			t.Fatal(err)
		}
		fi, err := os.Lstat(fifo)
		if err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
			t.Fatalf("the FIFO was replaced: %v, %v", fi.Mode(), err)
		}
		var got bytes.Buffer
		if _, err := io.Copy(&got, r); err != nil && !errors.Is(err, syscall.EAGAIN) {
			t.Fatal(err)
		}
		if got.String() != "down the pipe" {
			t.Errorf("read %q from the FIFO", got.String())
		}
	})
	t.Run("the command's own standard output, by name", func(t *testing.T) {
		out, err := os.Create(filepath.Join(dir, "captured"))
		if err != nil {
			t.Fatal(err)
		}
		defer out.Close()
		link := filepath.Join(dir, "stdout")
		if err := os.Symlink(out.Name(), link); err != nil {
			t.Fatal(err)
		}
		// Read-only for the name, as a pipe made by another user's shell
		// is: only the open file can be written.
		if err := os.Chmod(out.Name(), 0o400); err != nil {
			t.Fatal(err)
		}
		e := &env{stdout: out, stderr: io.Discard}
		if err := writeOutput(e, link, func(w io.Writer) error { _, err := io.WriteString(w, "to stdout"); return err }); err != nil {
			t.Fatal(err)
		}
		now, err := os.Stat(out.Name())
		was, err2 := out.Stat()
		if err != nil || err2 != nil || !os.SameFile(now, was) {
			t.Fatalf("the open standard output was replaced by another file: %v, %v", err, err2)
		}
		if b, _ := os.ReadFile(out.Name()); string(b) != "to stdout" {
			t.Errorf("standard output got %q", b)
		}
	})
	t.Run("a device stays a device", func(t *testing.T) {
		if os.Geteuid() != 0 {
			t.Skip("only root makes a device node; the FIFO covers writing straight through")
		}
		// The null device (1, 3) made in the test's folder: never the real
		// /dev/null, which an old build would replace.
		null := filepath.Join(dir, "null")
		if err := syscall.Mknod(null, syscall.S_IFCHR|0o666, 1<<8|3); err != nil {
			t.Fatal(err)
		}
		if err := writeTo(t, null, "gone"); err != nil {
			t.Fatal(err)
		}
		fi, err := os.Lstat(null)
		if err != nil || fi.Mode()&os.ModeCharDevice == 0 {
			t.Fatalf("the device was replaced: %v, %v", fi.Mode(), err)
		}
	})
	t.Run("no temporary file is left", func(t *testing.T) {
		left, _ := filepath.Glob(filepath.Join(dir, ".*.tmp"))
		if len(left) > 0 {
			t.Errorf("left behind: %q", left)
		}
	})
}

// A missing folder is named in the message, not the temporary file.
func TestOutputNamesTheMissingFolder(t *testing.T) {
	t.Parallel()
	missing := filepath.Join(t.TempDir(), "reports", "2027")
	err := writeTo(t, filepath.Join(missing, "plan.pdf"), "x")
	if err == nil || !strings.Contains(err.Error(), "folder "+missing+" does not exist") || strings.Contains(err.Error(), ".tmp") {
		t.Errorf("error %v; want it to name the folder %s and no temporary file", err, missing)
	}
	if err := writeTo(t, t.TempDir(), "x"); err == nil || !strings.Contains(err.Error(), "is a folder") {
		t.Errorf("writing to a folder: %v; want it to say it is a folder", err)
	}
}
