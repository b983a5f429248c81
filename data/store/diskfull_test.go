//go:build unix

// The disk-full test needs a file-size limit (setrlimit), which Windows
// does not have.

package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/masterplan-app/masterplan/data"
)

// A write the disk refuses is played by a file-size limit (RLIMIT_FSIZE)
// in a child process, since a test cannot fill the real disk: the write
// fails (SQLite says "disk I/O error", not SQLITE_FULL, for EFBIG, so it is
// ErrIO naming the file, not a full disk; TestOnlySQLiteFullIsADiskFull
// has the full disk), nothing of the failed change is visible, and the file
// opens intact afterwards.
const diskFullChildEnv = "MASTERPLAN_DISKFULL_CHILD"

func TestDiskFullLeavesTheFileAsItWas(t *testing.T) {
	s, path := openTemp(t)
	rot := setUp(t, s)
	addMilestone(t, s, rot, "Before the disk filled", "2026-05-01")
	s.Close()

	cmd := exec.Command(os.Args[0], "-test.run=^TestDiskFullChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), diskFullChildEnv+"="+path, "MASTERPLAN_DISKFULL_ROTATION="+strconv.FormatInt(rot.ID, 10))
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "refused: write failed") || !strings.Contains(string(out), path) {
		t.Fatalf("the over-large import was not refused as a failed write naming the file:\n%s", out)
	}

	s = openAt(t, path)
	var check string
	if err := s.db.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check: %q, %v", check, err)
	}
	if got := titles(t, s, rot.ID); len(got) != 1 || got[0] != "Before the disk filled" {
		t.Fatalf("after the failed import: %d milestones (%.60v), want only the one from before", len(got), got)
	}
}

// TestDiskFullChild limits its own file size, then tries an import too big
// to fit.
func TestDiskFullChild(t *testing.T) {
	path := os.Getenv(diskFullChildEnv)
	if path == "" {
		t.Skip("runs only as the disk-full test's child")
	}
	rotID, _ := strconv.ParseInt(os.Getenv("MASTERPLAN_DISKFULL_ROTATION"), 10, 64)
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(1)
	}
	// Room for the file as it is plus a little: the import below needs
	// megabytes. Go ignores SIGXFSZ, so the write returns EFBIG instead.
	info, err := os.Stat(path)
	if err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	limit := uint64(info.Size() + 256<<10)
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: limit, Max: limit}); err != nil {
		fmt.Println("setrlimit:", err)
		os.Exit(1)
	}
	ms := make([]data.Milestone, 20000)
	for i := range ms {
		ms[i] = data.Milestone{RotationID: rotID, Title: fmt.Sprintf("%d %s", i, strings.Repeat("x", 180)), Due: data.NewDate(2026, 5, 1)}
	}
	_, err = s.AddMilestones(ctx, ms)
	switch {
	case errors.Is(err, ErrIO) && !errors.Is(err, ErrDiskFull):
		fmt.Println("refused: write failed:", err)
	default:
		fmt.Println("unexpected:", err)
	}
	s.Close()
}
