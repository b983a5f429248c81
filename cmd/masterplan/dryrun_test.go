package main

import (
	"bytes"
	"os"
	"testing"
)

// fileBytes reads the database file and its companions ("" for one that
// does not exist), so a test can tell whether anything at all was written.
func fileBytes(t *testing.T, db string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, p := range []string{db, db + "-wal", db + "-journal"} {
		b, err := os.ReadFile(p)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		out[p] = b
	}
	return out
}

// TestEveryDryRunWritesNothing holds issue 16 item 2's last part: every
// importer's --dry-run leaves the database byte for byte as it was, on a
// database just set up (where practice used to create its default exams,
// topics and a settings flag) and with a file that would add records.
func TestEveryDryRunWritesNothing(t *testing.T) {
	t.Parallel()
	cases := []struct{ kind, file string }{
		{"budget", budgetCSV},
		{"rates", "currency,rate_to_home,as_of\nUSD,0.8,2027-01-01\n"},
		{"practice", practiceCSV},
		{"reading", "title,author\nMastering Exchange,Ann Author\n"},
		{"sessions", "date,start,minutes,topic,note\n2026-11-02,10:00,30,Transport,\n"},
	}
	for _, tc := range cases {
		t.Run(tc.kind, func(t *testing.T) {
			db := setupDB(t)
			before := fileBytes(t, db)
			args := []string{"import", tc.kind, writeFile(t, tc.kind+".csv", tc.file), "--dry-run"}
			if tc.kind == "practice" {
				args = append(args, "--create-missing")
			}
			r := runCLI(t, db, args...)
			if r.code != 0 {
				t.Fatalf("dry run: exit %d\n%s%s", r.code, r.stdout, r.stderr)
			}
			for p, b := range fileBytes(t, db) {
				if !bytes.Equal(b, before[p]) {
					t.Errorf("%s changed by the dry run (%d bytes, was %d)", p, len(b), len(before[p]))
				}
			}
		})
	}
}
