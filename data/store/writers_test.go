package store

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/masterplan-app/masterplan/data"
)

// The app and `masterplan remind` may have one file open at once. Here two
// processes write to it steadily for MASTERPLAN_SOAK (5s by default; the
// reliability figures in docs/reliability.md use 1m): no write may fail with
// "database is locked", and every write must be there afterwards.
const writerChildEnv = "MASTERPLAN_WRITER_CHILD"

func soakDuration(t *testing.T) time.Duration {
	if v := os.Getenv("MASTERPLAN_SOAK"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil {
			t.Fatalf("MASTERPLAN_SOAK=%q: %v", v, err)
		}
		return d
	}
	return 5 * time.Second
}

func TestTwoWritersOneFile(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("writes from two processes for several seconds")
	}
	s, path := openTemp(t)
	rot := setUp(t, s)
	d := soakDuration(t)

	cmd := exec.Command(os.Args[0], "-test.run=^TestWriterChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), writerChildEnv+"="+path, "MASTERPLAN_WRITER_ROTATION="+strconv.FormatInt(rot.ID, 10),
		"MASTERPLAN_SOAK="+d.String())
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	childDone := make(chan []string)
	go func() {
		var lines []string
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines = append(lines, sc.Text())
		}
		childDone <- lines
	}()

	ctx := context.Background()
	mine := 0
	for end := time.Now().Add(d); time.Now().Before(end); mine++ {
		if _, err := s.SaveMilestone(ctx, data.Milestone{RotationID: rot.ID, Title: fmt.Sprintf("app %d", mine), Due: data.NewDate(2026, 5, 1)}); err != nil {
			t.Fatalf("the app's write %d failed while another process writes: %v", mine, err)
		}
	}
	lines := <-childDone
	if err := cmd.Wait(); err != nil {
		t.Fatalf("the other writer failed: %v: %s", err, strings.Join(lines, "\n"))
	}
	theirs := -1
	for _, l := range lines {
		if n, ok := strings.CutPrefix(l, "wrote "); ok {
			theirs, _ = strconv.Atoi(n)
		}
	}
	if theirs < 0 {
		t.Fatalf("the other writer's report: %q", lines)
	}
	if got := count(t, s, "milestones"); got != mine+theirs {
		t.Fatalf("%d milestones stored, want %d (app) + %d (other)", got, mine, theirs)
	}
	t.Logf("%s of two writers: %d + %d writes, none refused, none lost", d, mine, theirs)
}

// TestWriterChild is the second writer of TestTwoWritersOneFile.
func TestWriterChild(t *testing.T) {
	t.Parallel()
	path := os.Getenv(writerChildEnv)
	if path == "" {
		t.Skip("runs only as the two-writers test's child")
	}
	rotID, _ := strconv.ParseInt(os.Getenv("MASTERPLAN_WRITER_ROTATION"), 10, 64)
	d, _ := time.ParseDuration(os.Getenv("MASTERPLAN_SOAK"))
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(1)
	}
	defer s.Close()
	n := 0
	for end := time.Now().Add(d); time.Now().Before(end); n++ {
		if _, err := s.SaveMilestone(ctx, data.Milestone{RotationID: rotID, Title: fmt.Sprintf("remind %d", n), Due: data.NewDate(2026, 5, 2)}); err != nil {
			fmt.Println("write failed:", err)
			os.Exit(1)
		}
	}
	fmt.Printf("wrote %d\n", n)
}
