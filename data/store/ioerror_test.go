//go:build unix

package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/masterplan-app/masterplan/data"
)

// Giving a FIFO, a device or a folder as the database is not a full disk
// (issue 16, item 21): Open names what the path is, before SQLite touches
// it (SQLite would otherwise create a -journal file beside a device), and
// leaves it as it was.
func TestOpenNamesWhatThePathIs(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	cases := map[string]string{fifo: "named pipe (FIFO)", dir: "folder"}
	if os.Geteuid() == 0 {
		// The zero device (1, 5) made in the test's folder: no test writes
		// beside the real /dev/zero.
		dev := filepath.Join(dir, "zero")
		if err := syscall.Mknod(dev, syscall.S_IFCHR|0o600, 1<<8|5); err != nil {
			t.Fatalf("mknod: %v", err)
		}
		cases[dev] = "character device"
	} else {
		t.Log("not root: no device node of our own to try, the FIFO and the folder stand for it")
	}
	for path, kind := range cases {
		t.Run(kind, func(t *testing.T) {
			s, err := Open(ctx, path)
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded")
			}
			if errors.Is(err, ErrDiskFull) {
				t.Errorf("Open: %v, reported as a full disk", err)
			}
			if !errors.Is(err, ErrNotAFile) || !strings.Contains(err.Error(), kind) || !strings.Contains(err.Error(), path) {
				t.Errorf("Open: %v, want ErrNotAFile naming %s and %s", err, path, kind)
			}
			for _, companion := range []string{"-wal", "-shm", "-journal"} {
				if _, err := os.Lstat(path + companion); !errors.Is(err, os.ErrNotExist) {
					t.Errorf("Open left %s%s: %v", path, companion, err)
				}
			}
		})
	}
}

// Only SQLITE_FULL is a full disk. A real one is played by
// max_page_count, which makes SQLite answer SQLITE_FULL exactly as a full
// disk does; the rollback leaves the data as it was.
func TestOnlySQLiteFullIsADiskFull(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	r := setUp(t, s)
	s.db.SetMaxOpenConns(1)
	var pages int
	if err := s.db.QueryRow(`PRAGMA page_count`).Scan(&pages); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(fmt.Sprintf(`PRAGMA max_page_count = %d`, pages+2)); err != nil {
		t.Fatal(err)
	}
	var err error
	for i := 0; err == nil && i < 200; i++ {
		_, err = s.SaveMilestone(ctx, data.Milestone{RotationID: r.ID, Title: fmt.Sprintf("%d %s", i, strings.Repeat("y", 190)), Due: data.NewDate(2026, 5, 1)})
	}
	if !errors.Is(err, ErrDiskFull) || errors.Is(err, ErrIO) {
		t.Fatalf("write past max_page_count: %v, want ErrDiskFull", err)
	}
}
