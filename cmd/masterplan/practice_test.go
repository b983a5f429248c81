package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeCSV writes a file in a temporary folder and returns its path.
func writeCSV(t *testing.T, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "practice.csv")
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

const practiceCSV = "date,exam,topic,correct,total,source,duration_min,notes\n" +
	"2026-11-01,Written exam 1,Client access,32,40,MeasureUp,90,first try\n" +
	"2026-11-01,Written exam 1,Unified Messaging,85%,,MeasureUp,90,\n" +
	"2026-11-10,Mock lab,Client access,6,10,own lab,,\n" +
	"2026-11-12,Written exam 1,Public folders,7,10,Transcender,,\n"

func TestImportPracticeRejectsUnknownNames(t *testing.T) {
	t.Parallel()
	db := setupDB(t)
	file := writeCSV(t, practiceCSV)
	r := runCLI(t, db, "import", "practice", file)
	if r.code != exitFail {
		t.Fatalf("exit %d, want 1 for rejected rows\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, want := range []string{
		"1 attempt to add (2 rows), 2 rows rejected",
		"line 2: 2026-11-01 Written exam 1, MeasureUp: 82.5 % over 2 topics",
		`rejected line 4: exam: "Mock lab" is not an exam`,
		`rejected line 5: topic: "Public folders" is not a topic`,
		"--create-missing",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, r.stdout)
		}
	}
	if !strings.Contains(r.stderr, "2 rows rejected") || !strings.Contains(r.stderr, "nothing was imported") {
		t.Errorf("stderr = %q", r.stderr)
	}
	// Nothing was imported: creating the missing names imports all three.
	again := runCLI(t, db, "import", "practice", file, "--create-missing")
	if again.code != exitOK || !strings.Contains(again.stdout, "Imported 3 attempts.") {
		t.Errorf("second import:\n%s", again.stdout)
	}
	var status struct {
		Practice struct {
			Exams []struct {
				Name      string   `json:"name"`
				PassMark  float64  `json:"pass_mark"`
				Latest    *float64 `json:"latest"`
				Projected *float64 `json:"projected"`
				Readiness string   `json:"readiness"`
			} `json:"exams"`
			WeakestTopics []string `json:"weakest_topics"`
		} `json:"practice"`
	}
	s := runCLI(t, db, "status", "--json")
	if err := json.Unmarshal([]byte(s.stdout), &status); err != nil {
		t.Fatalf("status --json: %v\n%s", err, s.stdout)
	}
	p := status.Practice
	if len(p.Exams) != 5 || p.Exams[4].Name != "Mock lab" || p.Exams[0].Latest == nil || *p.Exams[0].Latest != 70 || (p.Exams[0].Projected == nil) != (p.Exams[0].Readiness == "too early") {
		t.Errorf("practice status = %+v", p)
	}
	if len(p.WeakestTopics) != 3 || p.WeakestTopics[0] != "Client access" {
		t.Errorf("weakest = %v", p.WeakestTopics)
	}
}

func TestImportPracticeBadRows(t *testing.T) {
	t.Parallel()
	db := setupDB(t)
	file := writeCSV(t, "date,exam,topic,correct,total,source\n"+
		"2026-11-01,Written exam 1,Client access,11,10,A\n"+
		"2026-11-01,Written exam 1,Unified Messaging,5,10,A\n"+
		"2026-11-02,Written exam 1,Client access,0,0,B\n"+
		"2026-12-01,Written exam 1,Client access,1,2,C\n"+
		"2026-11-03,Written exam 1,Client access,3,4,D\n")
	dry := runCLI(t, db, "import", "practice", "--dry-run", file)
	if !strings.Contains(dry.stdout, "Dry run: nothing was imported.") {
		t.Errorf("dry run:\n%s", dry.stdout)
	}
	if out := runCLI(t, db, "export", "practice"); strings.Count(out.stdout, "\n") != 1 {
		t.Fatalf("a dry run imported something:\n%s", out.stdout)
	}
	r := runCLI(t, db, "import", "practice", file)
	for _, want := range []string{
		"rejected line 2: correct: is 11, more than the total 10",
		"rejected line 3: belongs to the attempt on 2026-11-01 whose row on line 2 was rejected",
		"rejected line 4: total: is 0",
		"rejected line 5: date: 2026-12-01 is after today",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, r.stdout)
		}
	}
	if r.code != exitFail || !strings.Contains(r.stderr, "nothing was imported") || strings.Contains(r.stdout, "Imported") {
		t.Errorf("exit %d, want 1 and nothing imported\n%s%s", r.code, r.stdout, r.stderr)
	}
}

func TestExportPracticeRoundTrip(t *testing.T) {
	t.Parallel()
	db := setupDB(t)
	if r := runCLI(t, db, "import", "practice", writeCSV(t, practiceCSV), "--create-missing"); r.code != exitOK {
		t.Fatalf("import: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	out := filepath.Join(t.TempDir(), "out.csv")
	if r := runCLI(t, db, "export", "practice", "-o", out); r.code != exitOK {
		t.Fatalf("export: %d %s", r.code, r.stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(b), "date,exam,topic,correct,total,source,duration_min,notes\n") || strings.Count(string(b), "\n") != 5 {
		t.Fatalf("export:\n%s", b)
	}
	other := setupDB(t)
	if r := runCLI(t, other, "import", "practice", out, "--create-missing"); r.code != exitOK {
		t.Fatalf("import the export: %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if again := runCLI(t, other, "export", "practice"); again.stdout != string(b) {
		t.Errorf("export after a round trip differs:\n%s\nwant\n%s", again.stdout, b)
	}
}

func TestPracticeCLIUsage(t *testing.T) {
	t.Parallel()
	db := setupDB(t)
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"import", "practice"}, exitUsage, "usage: masterplan import practice FILE"},
		{[]string{"import", "practice", "a.csv", "b.csv"}, exitUsage, "usage"},
		{[]string{"import", "practice", "--nope", "a.csv"}, exitUsage, "flag provided but not defined"},
		{[]string{"import", "practice", filepath.Join(t.TempDir(), "missing.csv")}, exitFail, "no such file"},
		{[]string{"export", "practice", "extra"}, exitUsage, "takes no arguments"},
	}
	for _, tc := range tests {
		r := runCLI(t, db, tc.args...)
		if r.code != tc.code || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tc.args, r.code, r.stderr, tc.code, tc.want)
		}
	}
}

// TestImportPracticeAllOrNothing holds issue 16 item 2: a file with one bad
// row imports nothing (exit 1) unless --skip-rejected; the fixed file then
// adds what is missing and skips, counting them, the attempts already there.
func TestImportPracticeAllOrNothing(t *testing.T) {
	t.Parallel()
	db := setupDB(t)
	good := "date,exam,topic,correct,total,source\n" +
		"2026-11-01,Written exam 1,Client access,8,10,A\n" +
		"2026-11-03,Written exam 1,Client access,3,4,D\n"
	bad := good + "2026-11-04,Written exam 1,Client access,11,10,E\n"
	attempts := func() int {
		out := runCLI(t, db, "export", "practice")
		return strings.Count(out.stdout, "\n") - 1
	}
	r := runCLI(t, db, "import", "practice", writeCSV(t, bad))
	if r.code != exitFail || !strings.Contains(r.stderr, "nothing was imported") {
		t.Fatalf("bad file: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if n := attempts(); n != 0 {
		t.Fatalf("a refused file added %d attempts", n)
	}
	if r := runCLI(t, db, "import", "practice", writeCSV(t, bad), "--skip-rejected"); r.code != exitOK || !strings.Contains(r.stdout, "Imported 2 attempts.") {
		t.Fatalf("--skip-rejected: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	fixed := good + "2026-11-04,Written exam 1,Client access,9,10,E\n"
	r = runCLI(t, db, "import", "practice", writeCSV(t, fixed))
	if r.code != exitOK || !strings.Contains(r.stdout, "Imported 1 attempt;") || !strings.Contains(r.stdout, "2 repeats skipped") {
		t.Fatalf("fixed file: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = runCLI(t, db, "import", "practice", writeCSV(t, fixed))
	if r.code != exitOK || !strings.Contains(r.stdout, "3 repeats skipped") {
		t.Fatalf("same file again: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if n := attempts(); n != 3 {
		t.Errorf("%d attempts, want 3", n)
	}
}
