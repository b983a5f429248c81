package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// filledDB is a set-up database with records of several areas, entered
// through the CLI.
func filledDB(t *testing.T) string {
	t.Helper()
	db := setupDB(t)
	steps := [][]string{
		{"milestone", "add", "Book flights", "--due", "2027-01-10"},
		{"import", "reading", writeFile(t, "list.csv", readingCSV), "--skip-rejected"},
		{"import", "practice", writeCSV(t, practiceCSV), "--create-missing"},
		{"import", "rates", writeFile(t, "rates.csv", "currency,rate_to_home,as_of\nUSD,0.8,2027-01-01\n")},
		{"import", "budget", writeFile(t, "budget.csv", budgetCSV)},
	}
	for _, args := range steps {
		if r := runCLI(t, db, args...); r.code != exitOK {
			t.Fatalf("%v: %d %s", args, r.code, r.stderr)
		}
	}
	return db
}

// exportFile runs `export json -o` on db and returns the file's text.
func exportFile(t *testing.T, db string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "all.json")
	if r := runCLI(t, db, "export", "json", "-o", out); r.code != exitOK {
		t.Fatalf("export json: %d %s", r.code, r.stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestJSONRoundTripThroughTheCLI(t *testing.T) {
	t.Parallel()
	db := filledDB(t)
	first := exportFile(t, db)
	for _, want := range []string{`"exported_at": "2026-11-23T12:00:00Z"`, `"Exchange Server 2010 Inside Out"`, `"MeasureUp"`,
		`"planned_amount": "18500.00"`, `"title": "Book flights"`} {
		if !strings.Contains(first, want) {
			t.Errorf("export lacks %s", want)
		}
	}
	path := writeFile(t, "all.json", first)

	fresh := filepath.Join(t.TempDir(), "fresh.db")
	r := runCLI(t, fresh, "import", "json", path)
	if r.code != exitOK || !strings.Contains(r.stdout, "1 rotation,") || !strings.Contains(r.stdout, "4 budget items") {
		t.Fatalf("import into a fresh file: %d %q %s", r.code, r.stdout, r.stderr)
	}
	if second := exportFile(t, fresh); second != first {
		t.Errorf("export -> import -> export differs:\n--- first\n%s\n--- second\n%s", first, second)
	}
	if got, want := statusBudget(t, fresh), statusBudget(t, db); got.Planned != want.Planned || got.Actual != want.Actual {
		t.Errorf("budget after the round trip = %+v, want %+v", got, want)
	}

	// Again into the same file: nothing is added twice.
	r = runCLI(t, fresh, "import", "json", path)
	if r.code != exitOK || !strings.Contains(r.stdout, "nothing new") || !strings.Contains(r.stdout, "4 budget items") {
		t.Fatalf("second import: %d %q %s", r.code, r.stdout, r.stderr)
	}
	if again := exportFile(t, fresh); again != first {
		t.Errorf("importing twice changed the database:\n%s", again)
	}
}

func TestImportJSONRefusesBadFiles(t *testing.T) {
	t.Parallel()
	good := exportFile(t, filledDB(t))
	cases := []struct {
		name, text, inStderr string
	}{
		{"newer version", strings.Replace(good, `"version": 2`, `"version": 3`, 1), "version 3, written by a newer MasterPlan"},
		{"truncated", good[:len(good)/2], "ends too early"},
		{"wrong type", strings.Replace(good, `"size": 1200`, `"size": "1200"`, 1), "reading_items.size"},
		{"not ours", `{"format": "other", "version": 1}`, "not a MasterPlan export"},
		{"broken rule", strings.Replace(good, `"pass_mark": 70`, `"pass_mark": 170`, 1), "exam 1: pass mark"},
		{"bad reference", strings.Replace(good, `"rotation": 1`, `"rotation": 3`, 1), "refers to rotation 3"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			db := setupDB(t)
			before := exportFile(t, db)
			r := runCLI(t, db, "import", "json", writeFile(t, "bad.json", c.text))
			if r.code != exitFail || !strings.Contains(r.stderr, c.inStderr) || !strings.Contains(r.stderr, "nothing was imported") {
				t.Fatalf("exit %d, stderr %q; want 1 and %q", r.code, r.stderr, c.inStderr)
			}
			if after := exportFile(t, db); after != before {
				t.Errorf("a refused file changed the database")
			}
		})
	}
}

// TestImportJSONChecksSettings holds issue 16 item 17: every setting of a
// JSON file is checked by its key; an unknown key, a value its key refuses
// or a 10 MB value refuse the whole file; the machine's state (when
// reminders last ran) is skipped, so "garbage" there cannot break status;
// more than 100,000 records are refused as in the CSV importers.
func TestImportJSONChecksSettings(t *testing.T) {
	t.Parallel()
	good := exportFile(t, filledDB(t))
	withSetting := func(key, value string) string {
		return strings.Replace(good, `"settings": [`, `"settings": [`+"\n    {\"key\": \""+key+"\", \"value\": \""+value+"\"},", 1)
	}
	refused := []struct{ name, text, inStderr string }{
		{"unknown key", withSetting("no.such.key", "1"), `"no.such.key" is not a setting`},
		{"bad value", withSetting("study.pomodoro_work_minutes", "-5"), "study.pomodoro_work_minutes"},
		{"huge value", withSetting("report.why", strings.Repeat("x", 10<<20)), "no setting is longer"},
		{"too many records", manyProgress(good, 100_001), "more than 100000 rows"},
	}
	for _, c := range refused {
		t.Run(c.name, func(t *testing.T) {
			db := setupDB(t)
			before := exportFile(t, db)
			r := runCLI(t, db, "import", "json", writeFile(t, "bad.json", c.text))
			if r.code != exitFail || !strings.Contains(r.stderr, c.inStderr) || !strings.Contains(r.stderr, "nothing was imported") {
				t.Fatalf("exit %d, stderr %.300q; want 1 and %q", r.code, r.stderr, c.inStderr)
			}
			if after := exportFile(t, db); after != before {
				t.Errorf("a refused file changed the database")
			}
		})
	}
	t.Run("machine state is skipped", func(t *testing.T) {
		db := filepath.Join(t.TempDir(), "fresh.db")
		if r := runCLI(t, db, "import", "json", writeFile(t, "x.json", withSetting("reminders.last_run", "garbage"))); r.code != exitOK {
			t.Fatalf("import: %d %s", r.code, r.stderr)
		}
		for _, args := range [][]string{{"status"}, {"status", "--json"}, {"export", "ics"}} {
			if r := runCLI(t, db, args...); r.code != exitOK {
				t.Errorf("%v after the import: %d %s", args, r.code, r.stderr)
			}
		}
		if strings.Contains(exportFile(t, db), "reminders.last_run") {
			t.Error("the export holds the machine's last run")
		}
	})
}

// manyProgress puts n more reading progress entries into an export's text.
func manyProgress(text string, n int) string {
	entry := `{"item": 1, "day": "2026-11-01", "units": 1}`
	list := strings.Repeat(entry+",", n-1) + entry
	if strings.Contains(text, `"reading_progress": []`) {
		return strings.Replace(text, `"reading_progress": []`, `"reading_progress": [`+list+`]`, 1)
	}
	return strings.Replace(text, `"reading_progress": [`, `"reading_progress": [`+list+`,`, 1)
}

// Moving to a new machine: export json, then import json into a fresh
// file, gives the same status --json, every figure of it.
func TestJSONRoundTripKeepsTheStatus(t *testing.T) {
	db := filledDB(t)
	if r := runCLI(t, db, "import", "sessions", writeFile(t, "s.csv", "date,start,minutes,topic,note\n2026-11-02,10:00,30,Transport,\n2026-11-20,23:30,90,Storage,late\n")); r.code != exitOK {
		t.Fatalf("import sessions: %d %s", r.code, r.stderr)
	}
	fresh := filepath.Join(t.TempDir(), "fresh.db")
	if r := runCLI(t, fresh, "import", "json", writeFile(t, "all.json", exportFile(t, db))); r.code != exitOK {
		t.Fatalf("import json: %d %s", r.code, r.stderr)
	}
	want, got := runCLI(t, db, "status", "--json"), runCLI(t, fresh, "status", "--json")
	if want.code != exitOK || got.code != exitOK {
		t.Fatalf("status: %d %s / %d %s", want.code, want.stderr, got.code, got.stderr)
	}
	if got.stdout != want.stdout {
		t.Errorf("status --json after the round trip differs:\n--- before\n%s\n--- after\n%s", want.stdout, got.stdout)
	}
	if !strings.Contains(want.stdout, `"study"`) {
		t.Errorf("status --json has no study part to compare:\n%s", want.stdout)
	}
}

// import json --dry-run says what it would add and leaves the database file
// and its write-ahead log byte for byte as they were, on a database just
// set up and on one that holds part of the file already.
func TestImportJSONDryRunWritesNothing(t *testing.T) {
	src := filledDB(t)
	path := writeFile(t, "all.json", exportFile(t, src))
	for name, db := range map[string]string{"set up": setupDB(t), "holding it": filledDB(t)} {
		t.Run(name, func(t *testing.T) {
			before := fileBytes(t, db)
			r := runCLI(t, db, "import", "json", "--dry-run", path)
			if r.code != exitOK || !strings.Contains(r.stdout, "would import from") || !strings.Contains(r.stdout, "nothing was changed (--dry-run)") {
				t.Fatalf("dry run: %d %q %s", r.code, r.stdout, r.stderr)
			}
			for p, b := range fileBytes(t, db) {
				if !bytes.Equal(b, before[p]) {
					t.Errorf("%s changed by the dry run (%d bytes, was %d)", p, len(b), len(before[p]))
				}
			}
			real := runCLI(t, db, "import", "json", path)
			if real.code != exitOK {
				t.Fatalf("import: %d %s", real.code, real.stderr)
			}
			wouldAdd := strings.TrimPrefix(strings.SplitN(r.stdout, "\n", 2)[0], "would import from ")
			if added := strings.TrimPrefix(strings.SplitN(real.stdout, "\n", 2)[0], "imported from "); added != wouldAdd {
				t.Errorf("the dry run said %q, the import did %q", wouldAdd, added)
			}
		})
	}
}
