//go:build e2e

// End-to-end tests of the real binary on a real X display (Xvfb) and a real
// D-Bus session. `make e2e` runs them inside xvfb-run and dbus-run-session
// with E2E_BIN pointing at the built binary; screenshots are written to
// E2E_SHOTS so that a person can look at them.
package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// e2eBin returns the binary under test; without it these tests cannot run,
// which is a failure, not a skip: `make e2e` always sets it.
func e2eBin(t *testing.T) string {
	t.Helper()
	bin := os.Getenv("E2E_BIN")
	if bin == "" || os.Getenv("DISPLAY") == "" {
		t.Fatal("E2E_BIN and DISPLAY must be set: run these tests with `make e2e`")
	}
	return bin
}

func shotDir(t *testing.T) string {
	if d := os.Getenv("E2E_SHOTS"); d != "" {
		return d
	}
	return t.TempDir()
}

// cli runs the binary with args and fails the test on a non-zero exit.
func cli(t *testing.T, bin string, args ...string) string {
	t.Helper()
	out, err := exec.Command(bin, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("masterplan %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// guiProcess is the app running in a window.
type guiProcess struct {
	cmd    *exec.Cmd
	window string
	done   chan error
	out    *bytes.Buffer
}

// startGUI starts the app on db with extra environment and waits for its window.
func startGUI(t *testing.T, bin, db string, env ...string) *guiProcess {
	t.Helper()
	g := &guiProcess{cmd: exec.Command(bin, "--db", db), done: make(chan error, 1), out: &bytes.Buffer{}}
	g.cmd.Env = append(os.Environ(), env...)
	g.cmd.Stdout, g.cmd.Stderr = g.out, g.out
	if err := g.cmd.Start(); err != nil {
		t.Fatalf("start the app: %v", err)
	}
	go func() { g.done <- g.cmd.Wait() }()
	t.Cleanup(func() {
		if g.cmd.ProcessState == nil {
			g.cmd.Process.Kill()
		}
	})
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		out, _ := exec.Command("xdotool", "search", "--onlyvisible", "--name", "^MasterPlan$").Output()
		if ids := strings.Fields(string(out)); len(ids) > 0 {
			g.window = ids[0]
			break
		}
		select {
		case err := <-g.done:
			t.Fatalf("the app exited before showing a window: %v\n%s", err, g.out)
		case <-time.After(200 * time.Millisecond):
		}
	}
	if g.window == "" {
		t.Fatalf("no MasterPlan window appeared within a minute\n%s", g.out)
	}
	xrun(t, "xdotool", "windowfocus", "--sync", g.window)
	return g
}

// key sends a key chord to the app's window.
func (g *guiProcess) key(t *testing.T, chord string) {
	t.Helper()
	xrun(t, "xdotool", "windowfocus", "--sync", g.window)
	xrun(t, "xdotool", "key", "--clearmodifiers", chord)
}

// resize sets the window's size.
func (g *guiProcess) resize(t *testing.T, w, h int) {
	t.Helper()
	xrun(t, "xdotool", "windowsize", "--sync", g.window, strconv.Itoa(w), strconv.Itoa(h))
}

// shot captures the window once it has drawn more than one colour and
// returns the file; a blank window after 15 s fails the test.
func (g *guiProcess) shot(t *testing.T, name string) string {
	t.Helper()
	path := filepath.Join(shotDir(t), name+".png")
	deadline := time.Now().Add(15 * time.Second)
	for {
		time.Sleep(400 * time.Millisecond)
		xrun(t, "import", "-window", g.window, path)
		out, err := exec.Command("identify", "-format", "%k", path).Output()
		if err != nil {
			t.Fatalf("identify %s: %v", path, err)
		}
		colours, _ := strconv.Atoi(strings.TrimSpace(string(out)))
		if colours > 1 {
			t.Logf("screenshot %s: %d colours", path, colours)
			return path
		}
		if time.Now().After(deadline) {
			t.Fatalf("screenshot %s is blank (%d colour)", path, colours)
		}
	}
}

// quit presses Ctrl+Q and expects a clean exit.
func (g *guiProcess) quit(t *testing.T) {
	t.Helper()
	g.key(t, "ctrl+q")
	select {
	case err := <-g.done:
		if err != nil {
			t.Fatalf("the app exited with %v after Ctrl+Q\n%s", err, g.out)
		}
	// Generous: a shared machine under load can take long to run the exit
	// (closing the database, stopping the reminder runner); this checks that
	// the app exits, not how fast.
	case <-time.After(60 * time.Second):
		t.Fatalf("the app did not exit within 60 s of Ctrl+Q\n%s", g.out)
	}
	if strings.Contains(g.out.String(), "should have been called in fyne.Do") {
		t.Errorf("the app touched widgets off the UI goroutine:\n%s", g.out)
	}
}

func xrun(t *testing.T, name string, args ...string) {
	t.Helper()
	if out, err := exec.Command(name, args...).CombinedOutput(); err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
}

// TestE2EFirstLaunch opens the app on an empty database: the setup shows.
func TestE2EFirstLaunch(t *testing.T) {
	bin := e2eBin(t)
	db := filepath.Join(t.TempDir(), "new.db")
	g := startGUI(t, bin, db)
	g.shot(t, "setup-dark-1024")
	g.quit(t)
	info, err := os.Stat(db)
	if err != nil {
		t.Fatalf("the database was not created: %v", err)
	}
	if perm := info.Mode().Perm(); perm != 0o600 {
		t.Errorf("database mode = %o, want 600", perm)
	}
}

// TestE2EEveryScreen sets a database up through the CLI, then opens every
// screen in light and dark theme, at 1024x700 and at a large size, and
// screenshots each.
func TestE2EEveryScreen(t *testing.T) {
	bin := e2eBin(t)
	db := filepath.Join(t.TempDir(), "mp.db")
	start := time.Now().AddDate(0, 3, 0).Format("2006-01-02")
	end := time.Now().AddDate(0, 3, 6).Format("2006-01-02")
	cli(t, bin, "--db", db, "setup", "--track", "MCM: Exchange Server 2010", "--start", start, "--end", end,
		"--location", "Redmond, Washington", "--tz", "America/Los_Angeles")
	cli(t, bin, "--db", db, "milestone", "add", "Flights booked", "--due", time.Now().AddDate(0, 1, 0).Format("2006-01-02"))
	screens := []string{"dashboard", "rotation", "reading", "study", "practice", "budget", "reminders", "settings"}
	for _, theme := range []string{"light", "dark"} {
		t.Run(theme, func(t *testing.T) {
			g := startGUI(t, bin, db, "FYNE_THEME="+theme)
			for _, size := range [][2]int{{1024, 700}, {1600, 1000}} {
				g.resize(t, size[0], size[1])
				for i, name := range screens {
					g.key(t, fmt.Sprintf("ctrl+%d", i+1))
					g.shot(t, fmt.Sprintf("%s-%s-%d", name, theme, size[0]))
				}
			}
			g.quit(t)
		})
	}
	status := cli(t, bin, "--db", db, "status", "--json")
	if !strings.Contains(status, `"track": "MCM: Exchange Server 2010"`) {
		t.Errorf("status after the GUI ran:\n%s", status)
	}
}

// TestE2EBrokenDatabase opens a file that is not a database: the app shows
// its message, exits 1 when dismissed, and leaves the file as it was.
func TestE2EBrokenDatabase(t *testing.T) {
	bin := e2eBin(t)
	db := filepath.Join(t.TempDir(), "broken.db")
	junk := bytes.Repeat([]byte("not a database "), 500)
	if err := os.WriteFile(db, junk, 0o600); err != nil {
		t.Fatal(err)
	}
	g := startGUI(t, bin, db)
	g.shot(t, "broken-database")
	g.key(t, "Return")
	select {
	case err := <-g.done:
		if code := g.cmd.ProcessState.ExitCode(); code != 1 {
			t.Errorf("exit code %d (%v), want 1", code, err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the app did not exit after its error message was dismissed")
	}
	after, _ := os.ReadFile(db)
	if !bytes.Equal(after, junk) {
		t.Error("the broken file was changed")
	}
}

// TestE2EQuietInTheCLocale runs the real binary as cron would, in the C.UTF-8
// locale: a command that succeeds writes nothing on stderr.
func TestE2EQuietInTheCLocale(t *testing.T) {
	bin := e2eBin(t)
	db := filepath.Join(t.TempDir(), "mp.db")
	cli(t, bin, "--db", db, "setup", "--track", "MCM: SQL Server 2008", "--rotation", "mcm-sql-2008-r2")
	cmd := exec.Command(bin, "--db", db, "status")
	cmd.Env = append(os.Environ(), "LANG=C.UTF-8", "LC_ALL=", "LANGUAGE=")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil || stderr.Len() > 0 {
		t.Fatalf("status in C.UTF-8: %v, stderr:\n%s", err, stderr.String())
	}
}
