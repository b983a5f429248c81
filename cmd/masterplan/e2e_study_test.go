//go:build e2e

package main

import (
	"context"
	"encoding/json"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/store"
)

// TestE2EStudy logs study through the CLI, leaves a timer open as a crash
// would, then opens the app: the Study screen offers the open session, Enter
// logs it, and status --json counts it. Screenshots in light and dark, at
// 1024x700 and large.
func TestE2EStudy(t *testing.T) {
	bin := e2eBin(t)
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "mp.db")
	start := time.Now().AddDate(0, 3, 0).Format("2006-01-02")
	end := time.Now().AddDate(0, 3, 13).Format("2006-01-02")
	cli(t, bin, "--db", db, "setup", "--track", "MCM: Exchange Server 2010", "--start", start, "--end", end,
		"--location", "Redmond, Washington", "--tz", "America/Los_Angeles", "--weekly-goal", "10")
	for i := 1; i <= 40; i++ {
		day := time.Now().AddDate(0, 0, -i).Format("2006-01-02")
		if i%4 != 0 {
			cli(t, bin, "--db", db, "log", data.FormatStudyDuration(time.Duration(20+i*7%90)*time.Minute), "--date", day, "--topic", []string{"Transport", "Storage", "Security"}[i%3])
		}
	}

	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	var timer data.TimerState
	if err := timer.Start(time.Now().Add(-20*time.Minute), "Storage", 0, data.Pomodoro{}); err != nil {
		t.Fatal(err)
	}
	if err := st.SaveTimer(ctx, timer); err != nil {
		t.Fatal(err)
	}
	st.Close()

	g := startGUI(t, bin, db, "FYNE_THEME=dark")
	g.resize(t, 1024, 700)
	g.shot(t, "study-recovery-dark-1024")
	g.key(t, "Return") // "Log it" at the suggested end, now
	g.key(t, "ctrl+4")
	g.shot(t, "study-dark-1024")
	g.resize(t, 1600, 1000)
	g.shot(t, "study-dark-1600")
	g.quit(t)

	var status struct {
		Study struct {
			Sessions   int     `json:"sessions"`
			TotalHours float64 `json:"total_hours"`
			Timer      string  `json:"timer"`
			WeekGoal   float64 `json:"week_goal"`
		} `json:"study"`
	}
	// Only stdout: Fyne may log to stderr about the locale.
	out, err := exec.Command(bin, "--db", db, "status", "--json").Output()
	if err != nil {
		t.Fatalf("status --json: %v", err)
	}
	if err := json.Unmarshal(out, &status); err != nil {
		t.Fatalf("status --json: %v\n%s", err, out)
	}
	if s := status.Study; s.Sessions != 31 || s.Timer != "idle" || s.WeekGoal != 10 {
		t.Errorf("after logging the open session, study = %+v; want 30 logged + 1 recovered, timer idle", s)
	}

	// The light theme, with the session now in the list.
	g = startGUI(t, bin, db, "FYNE_THEME=light")
	g.resize(t, 1024, 700)
	g.key(t, "ctrl+4")
	g.shot(t, "study-light-1024")
	g.resize(t, 1600, 1000)
	g.shot(t, "study-light-1600")
	g.quit(t)
}
