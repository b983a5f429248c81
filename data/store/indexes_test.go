package store

import (
	"context"
	"database/sql"
	"io/fs"
	"path/filepath"
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
	t.Parallel()
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
	// Written as version 6 wrote it: today's store also keeps per-day totals.
	if _, err := db.ExecContext(ctx, `INSERT INTO study_sessions (start_utc, duration_s, topic) VALUES (?, 2700, 'Replication')`,
		testNow.Add(-3*time.Hour).Format(startLayout)); err != nil {
		t.Fatal(err)
	}
	db.Close()

	s := openAt(t, path)
	want, err := schemaVersion(embedded)
	if err != nil {
		t.Fatal(err)
	}
	if v, err := fileVersion(ctx, s.db); err != nil || v != want {
		t.Fatalf("version after open = %d, %v; want %d", v, err, want)
	}
	if plan := queryPlan(t, s.db, `SELECT `+budgetColumns+` FROM budget_items
		WHERE rotation_id = ? ORDER BY start_date = '', start_date, id`, r.ID); !strings.Contains(plan, "budget_items_in_order") || strings.Contains(plan, "TEMP B-TREE") {
		t.Errorf("budget list plan:\n%s", plan)
	}
	if plan := queryPlan(t, s.db, `SELECT unixepoch(start_utc), duration_s, topic FROM study_sessions ORDER BY start_utc, id`); !strings.Contains(plan, "COVERING INDEX study_sessions_times") {
		t.Errorf("the plan of summing study per day:\n%s", plan)
	}
	totals, err := s.StudyTotals(ctx, time.UTC, data.DateOf(testNow, time.UTC), 0)
	if err != nil || totals.Sessions != 1 || totals.Total != 45*time.Minute || len(totals.Topics) != 1 || totals.Topics[0].Topic != "Replication" {
		t.Fatalf("study totals after upgrade = %+v, %v", totals, err)
	}
}

// An attempt's scores are read from where they are stored, side by side,
// not looked up one by one through an index (migration 00011).
func TestScoresAreReadInTheirOrder(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	plan := queryPlan(t, s.db, scoresQuery, 1)
	if !strings.Contains(plan, "SEARCH s USING PRIMARY KEY (attempt_id=?)") || strings.Contains(plan, "TEMP B-TREE") {
		t.Errorf("scores plan:\n%s", plan)
	}
}

// Each topic's study is read from its kept total, its name and first day
// with one seek each into the per-day totals, which are never scanned.
func TestStudyTopicsAreNotGroupedFromEveryDay(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	plan := queryPlan(t, s.db, studyTopicsQuery)
	if strings.Contains(plan, "SCAN d") || strings.Contains(plan, "TEMP B-TREE") || !strings.Contains(plan, "study_day_topics_by_key (topic_key=?)") {
		t.Errorf("study topics plan:\n%s", plan)
	}
}

// The pace's recent progress is found through the day's index, not by
// reading every item's whole log and sorting it.
func TestRecentProgressComesFromTheDaysIndex(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	plan := queryPlan(t, s.db, recentProgressQuery, "2026-03-01")
	if !strings.Contains(plan, "SEARCH p USING INDEX reading_progress_by_day") || strings.Contains(plan, "TEMP B-TREE") {
		t.Errorf("recent progress plan:\n%s", plan)
	}
}
