//go:build e2e

package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// startDunst runs the dunst notification daemon on the test's display and
// D-Bus session (make e2e provides both), with notifications that stay
// until closed, and stops it when the test ends.
func startDunst(t *testing.T) {
	t.Helper()
	if os.Getenv("DBUS_SESSION_BUS_ADDRESS") == "" {
		t.Fatal("no D-Bus session: run these tests with `make e2e`")
	}
	conf := filepath.Join(t.TempDir(), "dunstrc")
	err := os.WriteFile(conf, []byte(`[global]
    width = 420
    origin = top-right
    offset = 20x40
    format = "<b>%a</b>\n<b>%s</b>\n%b"
    max_icon_size = 48
[urgency_normal]
    timeout = 0
`), 0o600)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("dunst", "-config", conf)
	if err := cmd.Start(); err != nil {
		t.Fatalf("start dunst: %v", err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	// Asked without activating: dunstctl would start a second dunst by
	// D-Bus activation, racing this one for the name.
	deadline := time.Now().Add(15 * time.Second)
	for {
		out, _ := exec.Command("dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus",
			"org.freedesktop.DBus.NameHasOwner", "string:org.freedesktop.Notifications").Output()
		if strings.Contains(string(out), "boolean true") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("dunst did not come up on the session bus within 15 s")
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// dunstNote is one notification as `dunstctl history` reports it.
type dunstNote struct{ App, Summary, Body string }

// dunstHistory closes what dunst shows (history holds closed ones) and
// returns every notification it received, newest first.
func dunstHistory(t *testing.T) []dunstNote {
	t.Helper()
	xrun(t, "dunstctl", "close-all")
	out, err := exec.Command("dunstctl", "history").Output()
	if err != nil {
		t.Fatalf("dunstctl history: %v", err)
	}
	var h struct {
		Data [][]map[string]struct {
			Data any `json:"data"`
		} `json:"data"`
	}
	if err := json.Unmarshal(out, &h); err != nil {
		t.Fatalf("dunstctl history is not JSON: %v\n%s", err, out)
	}
	var notes []dunstNote
	for _, group := range h.Data {
		for _, n := range group {
			text := func(k string) string { s, _ := n[k].Data.(string); return s }
			notes = append(notes, dunstNote{App: text("appname"), Summary: text("summary"), Body: text("body")})
		}
	}
	return notes
}

// TestE2ERemindOnceReachesDunst delivers a due reminder through the real
// D-Bus session to dunst with `masterplan remind --once`, then lets the GUI
// deliver another: each arrives once, and neither process repeats the other's.
func TestE2ERemindOnceReachesDunst(t *testing.T) {
	bin := e2eBin(t)
	startDunst(t)
	db := filepath.Join(t.TempDir(), "mp.db")
	cli(t, bin, "--db", db, "setup", "--track", "MCM: Exchange Server 2010", "--start", time.Now().AddDate(0, 3, 0).Format("2006-01-02"),
		"--end", time.Now().AddDate(0, 3, 20).Format("2006-01-02"), "--location", "Redmond, Washington", "--tz", "America/Los_Angeles")
	now := time.Now().UTC()
	cli(t, bin, "--db", db, "remind", "add", "one-off", "Call the hotel", "--date", now.Format("2006-01-02"), "--at", now.Format("15:04"),
		"--tz", "UTC", "--note", "Ask for a quiet room")
	cli(t, bin, "--db", db, "remind", "add", "study", "Evening study", "--days", "daily", "--at", "19:30")

	out := cli(t, bin, "--db", db, "remind", "--once")
	if !strings.Contains(out, "Call the hotel  (on the desktop)") {
		t.Fatalf("remind --once said:\n%s", out)
	}
	got := dunstHistory(t)
	if len(got) != 1 || got[0] != (dunstNote{App: "MasterPlan", Summary: "Call the hotel", Body: "Ask for a quiet room"}) {
		t.Fatalf("dunst received %+v, want the one reminder from MasterPlan", got)
	}
	if out := cli(t, bin, "--db", db, "remind", "--once"); strings.TrimSpace(out) != "Nothing due." {
		t.Errorf("second remind --once said:\n%s", out)
	}
	if got := dunstHistory(t); len(got) != 1 {
		t.Errorf("after the second run dunst holds %d notifications, want still 1: %+v", len(got), got)
	}

	// The GUI delivers a reminder due now, and not the one already delivered.
	now = time.Now().UTC()
	cli(t, bin, "--db", db, "remind", "add", "one-off", "Pay the fee", "--date", now.Format("2006-01-02"), "--at", now.Format("15:04"), "--tz", "UTC")
	g := startGUI(t, bin, db, "FYNE_THEME=dark")
	deadline := time.Now().Add(20 * time.Second)
	for {
		out, _ := exec.Command("dunstctl", "count", "displayed").Output()
		if strings.TrimSpace(string(out)) == "1" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the GUI delivered nothing to dunst within 20 s\n%s", g.out)
		}
		time.Sleep(200 * time.Millisecond)
	}
	xrun(t, "import", "-window", "root", filepath.Join(shotDir(t), "reminder-notification.png"))
	g.key(t, "ctrl+7")
	g.resize(t, 1024, 700)
	g.shot(t, "reminders-delivered-dark-1024")
	g.quit(t)
	got = dunstHistory(t)
	if len(got) != 2 || got[0].Summary != "Pay the fee" || got[0].App != "MasterPlan" {
		t.Errorf("after the GUI ran dunst holds %+v, want Pay the fee then Call the hotel", got)
	}
	status := cli(t, bin, "--db", db, "status", "--json")
	var s struct {
		Reminders struct {
			Next []struct {
				Title string `json:"title"`
			} `json:"next"`
			Missed int `json:"missed"`
			Open   int `json:"open"`
		} `json:"reminders"`
	}
	if err := json.Unmarshal([]byte(status), &s); err != nil {
		t.Fatal(err)
	}
	if s.Reminders.Missed != 0 || s.Reminders.Open != 2 || len(s.Reminders.Next) == 0 || s.Reminders.Next[0].Title != "Evening study" {
		t.Errorf("status reminders = %+v", s.Reminders)
	}
}
