package store

import (
	"context"
	"database/sql"
	"io/fs"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/masterplan-app/masterplan/data"
)

// queryPlan is SQLite's plan for q, one line per step.
func queryPlan(t *testing.T, db *sql.DB, q string, args ...any) string {
	t.Helper()
	rows, err := db.Query(`EXPLAIN QUERY PLAN `+q, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var lines []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		lines = append(lines, detail)
	}
	return strings.Join(lines, "\n")
}

// The indexes of 00007 come to a file made before them, and the reads they
// are for use them: the budget list is not sorted row by row, and the
// dashboard's study times come from the index alone.
func TestIndexesMigrationFromVersion6(t *testing.T) {
	ctx := context.Background()
	embedded := mustMigrations(t)
	six := fstest.MapFS{}
	entries, err := fs.ReadDir(embedded, ".")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() < "00007" {
			b, err := fs.ReadFile(embedded, e.Name())
			if err != nil {
				t.Fatal(err)
			}
			six[e.Name()] = &fstest.MapFile{Data: b}
		}
	}
	path := filepath.Join(t.TempDir(), "six.db")
	if err := prepareFile(path); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", DSN(path))
	if err != nil {
		t.Fatal(err)
	}
	old := &Store{db: db, path: path, now: func() time.Time { return testNow }}
	if err := old.migrate(ctx, six); err != nil {
		t.Fatalf("migrate to 6: %v", err)
	}
	r := setUp(t, old)
	if _, err := old.AddStudySessions(ctx, []data.StudySession{session(testNow.Add(-3*time.Hour), 45, "Replication")}); err != nil {
		t.Fatal(err)
	}
	db.Close()

	s := openAt(t, path)
	if v, err := fileVersion(ctx, s.db); err != nil || v != 7 {
		t.Fatalf("version after open = %d, %v; want 7", v, err)
	}
	if plan := queryPlan(t, s.db, `SELECT `+budgetColumns+` FROM budget_items
		WHERE rotation_id = ? ORDER BY start_date = '', start_date, id`, r.ID); !strings.Contains(plan, "budget_items_in_order") || strings.Contains(plan, "TEMP B-TREE") {
		t.Errorf("budget list plan:\n%s", plan)
	}
	if plan := queryPlan(t, s.db, `SELECT unixepoch(start_utc), duration_s, topic FROM study_sessions ORDER BY start_utc, id`); !strings.Contains(plan, "COVERING INDEX study_sessions_times") {
		t.Errorf("study times plan:\n%s", plan)
	}
	times, err := s.StudyTimes(ctx)
	if err != nil || len(times) != 1 || times[0].Topic != "Replication" {
		t.Fatalf("study times after upgrade = %+v, %v", times, err)
	}
}

// StudyTimes is StudySessions without IDs, items and notes, in the same
// order (ties on the start broken by ID, so topic names keep their first
// spelling).
func TestStudyTimesMatchSessions(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	item := addReadingItem(t, s, "SQL Server Internals")
	start := testNow.Add(-48 * time.Hour)
	in := []data.StudySession{
		session(start, 30, "replication"),
		session(start, 45, "Replication"),
		{Start: start.Add(-26 * time.Hour), Duration: 90 * time.Minute, Topic: "Indexes", ReadingItemID: item, Note: "chapter 3"},
		session(start.Add(time.Hour+30*time.Second), 1, ""),
	}
	if _, err := s.AddStudySessions(ctx, in); err != nil {
		t.Fatal(err)
	}
	all, err := s.StudySessions(ctx, time.Time{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	var want []data.StudySession
	for _, ss := range all {
		want = append(want, data.StudySession{Start: ss.Start, Duration: ss.Duration, Topic: ss.Topic})
	}
	got, err := s.StudyTimes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("StudyTimes =\n%+v\nwant\n%+v", got, want)
	}
	empty, _ := openTemp(t)
	if got, err := empty.StudyTimes(ctx); err != nil || got == nil || len(got) != 0 {
		t.Errorf("StudyTimes of no sessions = %#v, %v; want an empty list", got, err)
	}
}
