package store

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/masterplan-app/masterplan/data"
)

// The crash test runs this test binary again as a child that writes to the
// database and reports each commit on stdout; the parent kills it with
// SIGKILL at a random moment and checks that the file is intact, that every
// commit the child reported is there, and that no import is half there.
const (
	crashChildEnv = "MASTERPLAN_CRASH_CHILD" // the database path, in the child
	crashBatch    = 25                       // rows per "import"
)

// crashKills is how many times the child is killed: MASTERPLAN_CRASH_KILLS,
// 200 by default as issue 8 asks.
func crashKills(t *testing.T) int {
	if v := os.Getenv("MASTERPLAN_CRASH_KILLS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			t.Fatalf("MASTERPLAN_CRASH_KILLS=%q is not a positive number", v)
		}
		return n
	}
	return 200
}

func TestCrashSafetyUnderSIGKILL(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("kills a child process hundreds of times")
	}
	s, path := openTemp(t)
	rot := setUp(t, s)
	s.Close()
	kills := crashKills(t)
	committed := map[string]bool{} // titles the children reported committed
	batches := map[string]bool{}   // batch tags reported committed
	for round := 0; round < kills; round++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), crashChildEnv+"="+path, fmt.Sprintf("MASTERPLAN_CRASH_ROUND=%d", round),
			fmt.Sprintf("MASTERPLAN_CRASH_ROTATION=%d", rot.ID))
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := make(chan string)
		go func() {
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				lines <- sc.Text()
			}
			close(lines)
		}()
		// Wait until the child writes, then let it run 0-40 ms more.
		if first, ok := <-lines; !ok || first != "ready" {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("round %d: the child did not start (%q)", round, first)
		}
		kill := time.After(time.Duration(rand.IntN(40_000)) * time.Microsecond)
	read:
		for {
			select {
			case line, ok := <-lines:
				if !ok {
					break read
				}
				record(line, committed, batches)
			case <-kill:
				cmd.Process.Signal(syscall.SIGKILL)
				for line := range lines {
					record(line, committed, batches)
				}
				break read
			}
		}
		cmd.Wait()
	}

	s = openAt(t, path)
	var check string
	if err := s.db.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check after %d kills: %q, %v", kills, check, err)
	}
	have := map[string]bool{}
	perBatch := map[string]int{}
	for _, title := range titles(t, s, rot.ID) {
		have[title] = true
		if tag, _, ok := strings.Cut(title, " row "); ok {
			perBatch[tag]++
		}
	}
	for title := range committed {
		if !have[title] {
			t.Errorf("%q was reported committed but is gone", title)
		}
	}
	for tag := range batches {
		if perBatch[tag] != crashBatch {
			t.Errorf("import %q was reported committed with %d of %d rows", tag, perBatch[tag], crashBatch)
		}
	}
	for tag, n := range perBatch {
		if n != crashBatch {
			t.Errorf("import %q is half there: %d of %d rows", tag, n, crashBatch)
		}
	}
	t.Logf("%d kills survived: %d edits and %d imports reported committed, all present; %d rows in all",
		kills, len(committed), len(batches), len(have))
}

// record notes one line of the child's report.
func record(line string, committed, batches map[string]bool) {
	if tag, ok := strings.CutPrefix(line, "import "); ok {
		batches[tag] = true
	} else if title, ok := strings.CutPrefix(line, "edit "); ok {
		committed[title] = true
	}
}

// TestCrashChild is the child of TestCrashSafetyUnderSIGKILL: it writes
// until it is killed. Run on its own it has nothing to do.
func TestCrashChild(t *testing.T) {
	t.Parallel()
	path := os.Getenv(crashChildEnv)
	if path == "" {
		t.Skip("runs only as the crash test's child")
	}
	round := os.Getenv("MASTERPLAN_CRASH_ROUND")
	rotID, _ := strconv.ParseInt(os.Getenv("MASTERPLAN_CRASH_ROTATION"), 10, 64)
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(1)
	}
	due := data.NewDate(2026, 5, 1)
	fmt.Println("ready")
	for i := 0; ; i++ {
		if i%3 == 0 {
			tag := fmt.Sprintf("r%s-b%d", round, i)
			ms := make([]data.Milestone, crashBatch)
			for k := range ms {
				ms[k] = data.Milestone{RotationID: rotID, Title: fmt.Sprintf("%s row %d", tag, k), Due: due}
			}
			if _, err := s.AddMilestones(ctx, ms); err != nil {
				fmt.Println("error:", err)
				os.Exit(1)
			}
			fmt.Println("import " + tag)
			continue
		}
		title := fmt.Sprintf("r%s-e%d", round, i)
		if _, err := s.SaveMilestone(ctx, data.Milestone{RotationID: rotID, Title: title, Due: due}); err != nil {
			fmt.Println("error:", err)
			os.Exit(1)
		}
		fmt.Println("edit " + title)
	}
}
