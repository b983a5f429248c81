//go:build e2e

package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// readingList200 writes a 200-row reading list CSV of every kind and six
// topics, and returns its path with the number of items done and of pages
// left in it.
func readingList200(t *testing.T) (path string, done, pagesLeft int) {
	t.Helper()
	kinds := []string{"book", "whitepaper", "documentation", "blog post", "video", "lab guide"}
	topics := []string{"Architecture", "Transport", "High availability", "Security", "Unified Messaging", "Management"}
	var b strings.Builder
	b.WriteString("title,author,kind,topic,url,size,unit,done,status,priority,due,notes\n")
	for i := range 200 {
		kind, topic := kinds[i%6], topics[(i*7)%6]
		unit, url := "pages", ""
		if kind == "video" {
			unit = "minutes"
		}
		if kind == "documentation" || kind == "blog post" {
			url = fmt.Sprintf("https://example.com/doc/%d", i)
		}
		size := 20 + (i*37)%600
		read, status := 0, "to read"
		if i%3 == 0 {
			read, status = (i*13)%size, "reading"
		}
		if i%17 == 0 {
			read, status = size, "done"
			done++
		}
		if unit == "pages" {
			pagesLeft += size - read
		}
		fmt.Fprintf(&b, "Item %03d on %s,Author %d,%s,%s,%s,%d,%s,%d,%s,%d,,\n", i, topic, i%23, kind, topic, url, size, unit, read, status, 1+i%3)
	}
	path = filepath.Join(t.TempDir(), "reading-200.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	return path, done, pagesLeft
}

// statusReading runs `status --json` and returns its reading object; only
// standard output is parsed, as the toolkit may log to standard error.
func statusReading(t *testing.T, bin, db string) map[string]any {
	t.Helper()
	out, err := exec.Command(bin, "--db", db, "status", "--json").Output()
	if err != nil {
		t.Fatalf("status --json: %v", err)
	}
	var s struct {
		Reading map[string]any `json:"reading"`
	}
	if err := json.Unmarshal(out, &s); err != nil {
		t.Fatalf("status --json is not JSON: %v\n%s", err, out)
	}
	return s.Reading
}

// TestE2EReadingImportAndProgress imports a 200-row list through the CLI,
// reads it back with status --json, then in the window finds an item
// (Ctrl+F, Enter), types the page and presses Enter, in both themes.
func TestE2EReadingImportAndProgress(t *testing.T) {
	bin := e2eBin(t)
	db := filepath.Join(t.TempDir(), "mp.db")
	start := time.Now().AddDate(0, 3, 0).Format("2006-01-02")
	end := time.Now().AddDate(0, 3, 20).Format("2006-01-02")
	cli(t, bin, "--db", db, "setup", "--track", "MCM: Exchange Server 2010", "--start", start, "--end", end,
		"--location", "Redmond, Washington", "--tz", "America/Los_Angeles")
	list, done, pagesLeft := readingList200(t)

	if out := cli(t, bin, "--db", db, "import", "reading", list); !strings.Contains(out, "Added 200 items") {
		t.Fatalf("import:\n%s", out)
	}
	r := statusReading(t, bin, db)
	if r["items"] != 200.0 || r["done"] != float64(done) || r["left"] != float64(pagesLeft) || r["left_unit"] != "pages" {
		t.Errorf("status reading = %v; want 200 items, %d done, %d pages left", r, done, pagesLeft)
	}
	// Nothing read yet: too early for a finish or a verdict (issue 17).
	if r["projected_finish"] != nil || r["on_track"] != nil {
		t.Errorf("with nothing read yet: projected_finish %v on_track %v; want null and null", r["projected_finish"], r["on_track"])
	}
	if out := cli(t, bin, "--db", db, "import", "reading", list); !strings.Contains(out, "Added 0 items") {
		t.Errorf("second import:\n%s", out)
	}

	pages := map[string]string{"dark": "50", "light": "120"}
	for _, theme := range []string{"dark", "light"} {
		t.Run(theme, func(t *testing.T) {
			g := startGUI(t, bin, db, "FYNE_THEME="+theme)
			g.resize(t, 1024, 700)
			g.key(t, "ctrl+3")
			g.shot(t, "reading-list-"+theme+"-1024")
			g.key(t, "ctrl+f")
			xrun(t, "xdotool", "type", "--delay", "40", "Item 007")
			g.key(t, "Return")
			xrun(t, "xdotool", "type", "--delay", "40", pages[theme])
			g.shot(t, "reading-progress-"+theme+"-1024")
			g.key(t, "Return")
			g.resize(t, 1600, 1000)
			g.shot(t, "reading-list-"+theme+"-1600")
			g.key(t, "ctrl+1")
			g.shot(t, "reading-dashboard-"+theme+"-1600")
			g.quit(t)
			out := cli(t, bin, "--db", db, "export", "reading")
			want := fmt.Sprintf("Item 007 on Transport,Author 7,whitepaper,Transport,,279,pages,%s,reading,", pages[theme])
			if !strings.Contains(out, want) {
				t.Errorf("after typing %s, Enter: the export has no %q", pages[theme], want)
			}
		})
	}
	// 50 then 120 pages of one item, both today: 120 pages in a one-day window.
	if r := statusReading(t, bin, db); r["actual_per_day"] != 120.0 {
		t.Errorf("after reading 120 pages today: actual_per_day %v, want 120", r["actual_per_day"])
	}
}
