package store

import (
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/pressly/goose/v3"

	"github.com/masterplan-app/masterplan/data"
)

// Migration 00027 on a file of the previous release: the plan's speeds are
// read from the two covering indexes alone (no look-up of a session's or
// a progress row's table row), they are the same speeds as before, and
// down puts the indexes they replace back.
func TestPlanSpeedsIndexMigrationUpAndDown(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v26.db")
	old := storeAtVersion(t, path, 26)
	db := old.db
	setUp(t, old)
	today := data.DateOf(testNow, time.UTC)
	book := addReading(t, old, data.ReadingItem{Title: "Internals", Kind: data.ReadingBook, Unit: data.ReadingPages, Size: 300})
	for i := 3; i >= 1; i-- {
		day := today.AddDays(-i)
		if _, err := old.SetReadingProgress(ctx, book.ID, 30*(4-i), day); err != nil {
			t.Fatal(err)
		}
		if _, err := old.SaveStudySession(ctx, data.StudySession{Start: day.In(time.UTC).Add(19 * time.Hour), Duration: time.Hour, ReadingItemID: book.ID}); err != nil {
			t.Fatal(err)
		}
	}
	before, err := planSpeeds(ctx, db, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()

	s := openAt(t, path)
	if v, _ := fileVersion(ctx, s.db); v < 27 {
		t.Fatalf("file at version %d after Open, want 27", v)
	}
	plan := queryPlan(t, s.db, speedPairsQuery)
	if !strings.Contains(plan, "COVERING INDEX study_sessions_by_item_times") || !strings.Contains(plan, "COVERING INDEX reading_progress_by_item_day (item_id=? AND day>? AND day<?)") {
		t.Errorf("speed pairs plan after 00027:\n%s", plan)
	}
	after, err := planSpeeds(ctx, s.db, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	if len(after) == 0 || !reflect.DeepEqual(after, before) {
		t.Errorf("speeds after 00027 = %+v, before %+v", after, before)
	}

	p, err := goose.NewProvider(goose.DialectSQLite3, s.db, mustMigrations(t))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.DownTo(ctx, 26); err != nil {
		t.Fatalf("down to 00026: %v", err)
	}
	for name, want := range map[string]int{"study_sessions_by_item": 1, "reading_progress_by_item": 1, "study_sessions_by_item_times": 0, "reading_progress_by_item_day": 0} {
		var n int
		if err := s.db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = ?`, name).Scan(&n); err != nil || n != want {
			t.Errorf("index %s after down: %d, %v; want %d", name, n, err, want)
		}
	}
	if _, err := p.Up(ctx); err != nil {
		t.Fatalf("up again: %v", err)
	}
}
