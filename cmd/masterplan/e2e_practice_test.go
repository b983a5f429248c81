//go:build e2e

package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// practiceHistory writes a practice CSV of 20 attempts over 6 topics and
// three exams, in the 80 days before today, slowly improving with noise.
func practiceHistory(t *testing.T) string {
	t.Helper()
	topics := []string{"Client access", "Transport and message hygiene", "Mailbox databases and high availability (DAG)",
		"Unified Messaging", "Permissions and RBAC", "Compliance and records management"}
	base := []float64{0.62, 0.55, 0.48, 0.71, 0.66, 0.58}
	exams := []struct {
		name string
		n    int
	}{{"Written exam 1", 8}, {"Written exam 2", 6}, {"Lab exam", 6}}
	rng := rand.New(rand.NewPCG(4, 2))
	var b strings.Builder
	b.WriteString("date,exam,topic,correct,total,source,duration_min,notes\n")
	start := time.Now().AddDate(0, 0, -80)
	for ei, e := range exams {
		for k := range e.n {
			day := start.AddDate(0, 0, 4*k+ei).Format("2006-01-02")
			src := []string{"MeasureUp", "Transcender", "own lab"}[k%3]
			for ti, topic := range topics {
				total := []int{10, 12, 15, 20}[rng.IntN(4)]
				p := min(0.98, base[ti]+0.018*float64(k)+rng.Float64()*0.12-0.06)
				fmt.Fprintf(&b, "%s,%s,%s,%d,%d,%s,90,\n", day, e.name, topic, int(p*float64(total)+0.5), total, src)
			}
		}
	}
	path := filepath.Join(t.TempDir(), "practice.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestE2EPractice imports 20 attempts over 6 topics through the CLI, shows
// the Practice screen in light and dark theme at 1024x700 and large, records
// one more attempt by keyboard only, and reads it back through the CLI.
func TestE2EPractice(t *testing.T) {
	bin := e2eBin(t)
	db := filepath.Join(t.TempDir(), "mp.db")
	start := time.Now().AddDate(0, 3, 0).Format("2006-01-02")
	end := time.Now().AddDate(0, 3, 20).Format("2006-01-02")
	cli(t, bin, "--db", db, "setup", "--track", "MCM: Exchange Server 2010", "--start", start, "--end", end,
		"--location", "Redmond, Washington", "--tz", "UTC")
	out := cli(t, bin, "--db", db, "import", "practice", practiceHistory(t))
	if !strings.Contains(out, "Imported 20 attempts.") {
		t.Fatalf("import:\n%s", out)
	}
	for _, theme := range []string{"light", "dark"} {
		t.Run(theme, func(t *testing.T) {
			g := startGUI(t, bin, db, "FYNE_THEME="+theme)
			g.key(t, "ctrl+5")
			for _, size := range [][2]int{{1024, 700}, {1600, 1000}} {
				g.resize(t, size[0], size[1])
				g.shot(t, fmt.Sprintf("practice-history-%s-%d", theme, size[0]))
			}
			if theme == "dark" {
				// Ctrl+N, Tab from the date past exam, source and duration to
				// the first topic, type a score, Enter saves.
				g.key(t, "ctrl+n")
				g.shot(t, "practice-new-attempt")
				for range 6 {
					g.key(t, "Tab")
				}
				xrun(t, "xdotool", "type", "--delay", "40", "8/10")
				g.key(t, "Return")
				g.shot(t, "practice-after-attempt")
			}
			g.quit(t)
		})
	}
	csv := cli(t, bin, "--db", db, "export", "practice")
	today := time.Now().Format("2006-01-02")
	if !strings.Contains(csv, today+",Written exam 1,Client access,8,10,") {
		t.Errorf("the attempt typed in the window is not in the export:\n%s", csv)
	}
	status := cli(t, bin, "--db", db, "status", "--json")
	if !strings.Contains(status, `"weakest_topics": [`) || !strings.Contains(status, `"name": "Lab exam"`) {
		t.Errorf("status --json:\n%s", status)
	}
}
