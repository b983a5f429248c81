package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readingStatus runs status --json and returns its "reading" object.
func readingStatus(t *testing.T, db string) map[string]any {
	t.Helper()
	r := runCLI(t, db, "status", "--json")
	if r.code != 0 {
		t.Fatalf("status: %d %s", r.code, r.stderr)
	}
	var got struct {
		Reading map[string]any `json:"reading"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("status --json is not JSON: %v\n%s", err, r.stdout)
	}
	if got.Reading == nil {
		t.Fatalf("status --json has no reading object:\n%s", r.stdout)
	}
	return got.Reading
}

const readingCSV = `Title,Author,Kind,Topic,URL,Size,Unit,Done,Status,Priority,Due,Notes
Exchange Server 2010 Inside Out,Tony Redmond,book,Architecture,,1200,pages,300,reading,1,2027-01-15,Core text
HA whitepaper,,whitepaper,High availability,https://example.com/ha.pdf,80,pages,80,done,1,,
Transport deep dive,,video,Transport,https://example.com/t,90,minutes,,to read,2,,
=SUM(1),Mallory,,,,,,,,,,
`

func TestImportExportReading(t *testing.T) {
	t.Parallel()
	db := setupDB(t)
	file := writeFile(t, "list.csv", readingCSV)
	r := runCLI(t, db, "import", "reading", file)
	if r.code != 0 || !strings.Contains(r.stdout, "Added 4 items") {
		t.Fatalf("import: %d %q %q", r.code, r.stdout, r.stderr)
	}
	got := readingStatus(t, db)
	// The first block starts 2027-03-01: the deadline is 2027-02-22, 91 days away.
	want := map[string]any{"items": 4.0, "done": 1.0, "left": 900.0, "left_unit": "pages", "per_day_needed": 17.0, // 900 pages by the first item's due date, 53 days away, bind
		"binding_deadline": "2027-01-15", "projected_finish": nil, "on_track": nil, "pace_window_days": nil, "deadline": "2027-02-22", "days_left": 91.0,
		"percent": 31.3, // (25 + 100 + 0 + 0) / 4: the unsized item counts as unread
		"unsized": 1.0}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("reading.%s = %v, want %v", k, got[k], v)
		}
	}

	t.Run("a second import adds nothing", func(t *testing.T) {
		r := runCLI(t, db, "import", "reading", file)
		if r.code != 0 || !strings.Contains(r.stdout, "Added 0 items") || !strings.Contains(r.stdout, "4 repeats skipped") {
			t.Errorf("second import: %d %q %q", r.code, r.stdout, r.stderr)
		}
		if n := readingStatus(t, db)["items"]; n != 4.0 {
			t.Errorf("items after the second import = %v, want 4", n)
		}
	})
	t.Run("export is safe for spreadsheets and imports back the same", func(t *testing.T) {
		r := runCLI(t, db, "export", "reading")
		if r.code != 0 {
			t.Fatalf("export: %d %s", r.code, r.stderr)
		}
		if !strings.HasPrefix(r.stdout, "title,author,kind,topic,url,size,unit,done,status,priority,due,notes\n") {
			t.Errorf("export header: %q", strings.SplitN(r.stdout, "\n", 2)[0])
		}
		if !strings.Contains(r.stdout, "'=SUM(1),Mallory") {
			t.Errorf("a formula-like title is not escaped:\n%s", r.stdout)
		}
		out := filepath.Join(t.TempDir(), "out.csv")
		if r := runCLI(t, db, "export", "reading", "-o", out); r.code != 0 {
			t.Fatalf("export -o: %d %s", r.code, r.stderr)
		}
		b, err := os.ReadFile(out)
		if err != nil || string(b) != r.stdout {
			t.Fatalf("export -o wrote %q, %v; want what stdout got", b, err)
		}
		fresh := setupDB(t)
		if r := runCLI(t, fresh, "import", "reading", out); r.code != 0 {
			t.Fatalf("import the export: %d %s %s", r.code, r.stdout, r.stderr)
		}
		if again := runCLI(t, fresh, "export", "reading"); again.stdout != r.stdout {
			t.Errorf("round trip changed the list:\n%s\nwant\n%s", again.stdout, r.stdout)
		}
	})
}

func TestImportReadingRefusesBadInput(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, content string
		args          []string
		code          int
		say           string
	}{
		{"progress over size", "title,size,done\nGood,10,1\nBad,10,11\n", nil, exitFail, "line 3: done: is 11, more than the size 10"},
		{"size zero", "title,size\nZero,0\n", nil, exitFail, "line 2: size: is 0"},
		{"empty file", "", nil, exitFail, "empty"},
		{"binary file", "\x00\x01\x02PNG\xff\xfe", nil, exitFail, "not UTF-8 text"},
		{"broken quotes", "title,author\n\"Unclosed,me\nNext,you\n", nil, exitFail, "line"},
		{"unknown format", "title\nA\n", []string{"--format", "xml"}, exitUsage, "not a reading list format"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			db := setupDB(t)
			file := writeFile(t, "in.csv", tc.content)
			r := runCLI(t, db, append([]string{"import", "reading", file}, tc.args...)...)
			if r.code != tc.code || !strings.Contains(r.stdout+r.stderr, tc.say) {
				t.Errorf("exit %d, output %q %q; want %d and %q", r.code, r.stdout, r.stderr, tc.code, tc.say)
			}
			if n := readingStatus(t, db)["items"]; n != 0.0 {
				t.Errorf("%v items imported from a refused file, want none", n)
			}
		})
	}
	t.Run("--skip-rejected adds the good lines", func(t *testing.T) {
		db := setupDB(t)
		file := writeFile(t, "in.csv", "title,size,done\nGood,10,1\nBad,10,11\n")
		r := runCLI(t, db, "import", "reading", file, "--skip-rejected")
		if r.code != 0 || !strings.Contains(r.stdout, "Added 1 item ") {
			t.Errorf("exit %d, %q", r.code, r.stdout)
		}
	})
	t.Run("--dry-run changes nothing", func(t *testing.T) {
		db := setupDB(t)
		file := writeFile(t, "in.txt", "# my list\n- Exchange Inside Out\nhttps://learn.example.com/exchange\n")
		r := runCLI(t, db, "import", "reading", file, "--dry-run")
		if r.code != 0 || !strings.Contains(r.stdout, "Would add 2 items") || !strings.Contains(r.stdout, "(text)") {
			t.Errorf("exit %d, %q", r.code, r.stdout)
		}
		if n := readingStatus(t, db)["items"]; n != 0.0 {
			t.Errorf("a dry run imported %v items", n)
		}
	})
	t.Run("usage", func(t *testing.T) {
		db := setupDB(t)
		for _, args := range [][]string{{"import", "reading"}, {"import", "reading", "a", "b"}, {"export", "reading", "extra"}} {
			if r := runCLI(t, db, args...); r.code != exitUsage {
				t.Errorf("%v: exit %d, want %d (%s)", args, r.code, exitUsage, r.stderr)
			}
		}
		if r := runCLI(t, db, "import", "reading", filepath.Join(t.TempDir(), "missing.csv")); r.code != exitFail || !strings.Contains(r.stderr, "missing.csv") {
			t.Errorf("missing file: exit %d %q", r.code, r.stderr)
		}
	})
}

func TestImportGoodreads(t *testing.T) {
	t.Parallel()
	db := setupDB(t)
	file := writeFile(t, "goodreads_library_export.csv",
		"Book Id,Title,Author,Number of Pages,Exclusive Shelf,Bookshelves,Date Added\n"+
			"1,Exchange Inside Out,Tony Redmond,1200,currently-reading,\"exchange, currently-reading\",2026/10/01\n"+
			"2,Active Directory,Brian Desmond,0,to-read,,2026/10/02\n")
	r := runCLI(t, db, "import", "reading", file)
	if r.code != 0 || !strings.Contains(r.stdout, "Added 2 items") || !strings.Contains(r.stdout, "(goodreads)") {
		t.Fatalf("import: %d %q %q", r.code, r.stdout, r.stderr)
	}
	out := runCLI(t, db, "export", "reading").stdout
	if !strings.Contains(out, "Exchange Inside Out,Tony Redmond,book,exchange,,1200,pages,0,reading,2,,") {
		t.Errorf("export after a Goodreads import:\n%s", out)
	}
}

// TestImportGoodreadsExportWhole holds issue 16 item 8 end to end: a real
// Goodreads export, with several editions of one book, is imported whole by
// the default all-or-nothing import; the editions are counted as repeats.
func TestImportGoodreadsExportWhole(t *testing.T) {
	t.Parallel()
	db := setupDB(t)
	file := filepath.Join("..", "..", "data", "transfer", "testdata", "goodreads_library_export.csv")
	r := runCLI(t, db, "import", "reading", file)
	if r.code != 0 || !strings.Contains(r.stdout, "Added 8 items") || !strings.Contains(r.stdout, "4 repeats skipped") {
		t.Fatalf("import: %d %q %q", r.code, r.stdout, r.stderr)
	}
	r = runCLI(t, db, "import", "reading", file)
	if r.code != 0 || !strings.Contains(r.stdout, "Added 0 items") || !strings.Contains(r.stdout, "12 repeats skipped") {
		t.Fatalf("again: %d %q %q", r.code, r.stdout, r.stderr)
	}
	if n := readingStatus(t, db)["items"]; n != 8.0 {
		t.Errorf("items = %v, want 8", n)
	}
}
