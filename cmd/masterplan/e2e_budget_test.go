//go:build e2e

package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestE2EBudget fills a budget in three currencies through the CLI, then
// shows the Budget screen's items, totals, rates and the item form in light
// and dark, at 1024x700 and large, and checks the status the GUI leaves.
func TestE2EBudget(t *testing.T) {
	bin := e2eBin(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "mp.db")
	start := time.Now().AddDate(0, 3, 0)
	cli(t, bin, "--db", db, "setup", "--track", "MCM: Exchange Server 2010", "--start", start.Format("2006-01-02"),
		"--end", start.AddDate(0, 0, 6).Format("2006-01-02"), "--location", "Redmond, Washington",
		"--tz", "America/Los_Angeles", "--home-currency", "GBP")
	day := func(offset int) string { return start.AddDate(0, 0, offset).Format("2006-01-02") }
	rates := "currency,rate_to_home,as_of\nUSD,0.79,2026-01-01\nEUR,0.86,2026-01-01\n"
	budget := "date,category,description,planned,planned_currency,actual,actual_currency,paid_by,employer_percent,reimbursement\n" +
		day(-60) + ",program fee,Rotation fee,18500,USD,18500,USD,employer,,claimed\n" +
		day(-30) + ",flights,LHR-SEA return,850,GBP,912.40,GBP,me,,\n" +
		day(-1) + ",hotel,Hotel in Redmond,1323,USD,,,split,50,\n" +
		day(0) + ",meals,Meals per diem,490,USD,,,me,,\n" +
		day(-2) + ",ground transport,Rail pass in Paris,120,EUR,,,me,,\n" +
		day(-10) + ",visa/insurance,Travel insurance,35.50,EUR,,,me,,\n"
	for name, content := range map[string]string{"rates.csv": rates, "budget.csv": budget} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	cli(t, bin, "--db", db, "import", "rates", filepath.Join(dir, "rates.csv"))
	cli(t, bin, "--db", db, "import", "budget", filepath.Join(dir, "budget.csv"))

	for _, theme := range []string{"light", "dark"} {
		t.Run(theme, func(t *testing.T) {
			g := startGUI(t, bin, db, "FYNE_THEME="+theme)
			for _, size := range [][2]int{{1024, 700}, {1600, 1000}} {
				g.resize(t, size[0], size[1])
				g.key(t, "ctrl+6")
				g.shot(t, "budget-items-"+theme+"-"+strconv.Itoa(size[0]))
			}
			g.key(t, "ctrl+n")
			xrun(t, "xdotool", "type", "--delay", "30", "Visa fee")
			g.shot(t, "budget-form-"+theme)
			// Focus is in the description; back three steps is Cancel
			// (Fyne dialogs do not close on Escape, and a focused entry
			// keeps Ctrl+Q from the window).
			g.key(t, "shift+Tab")
			g.key(t, "shift+Tab")
			g.key(t, "shift+Tab")
			g.key(t, "space")
			g.quit(t)
		})
	}
	status := cli(t, bin, "--db", db, "status", "--json")
	for _, want := range []string{`"home_currency": "GBP"`, `"missing_rates": []`, `"planned": "17031.00"`} {
		if !strings.Contains(status, want) {
			t.Errorf("status lacks %s:\n%s", want, status)
		}
	}
}
