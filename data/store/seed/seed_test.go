package seed_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	_ "modernc.org/sqlite"

	"github.com/masterplan-app/masterplan/data/store"
	"github.com/masterplan-app/masterplan/data/store/seed"
)

// counts reads how many rows each table of path holds.
func counts(t *testing.T, path string) map[string]int {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	out := map[string]int{}
	for _, table := range []string{"study_sessions", "reading_items", "reading_progress", "attempts", "topics", "exams",
		"scores", "budget_items", "exchange_rates", "reminders", "milestones"} {
		var n int
		if err := db.QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
			t.Fatalf("count %s: %v", table, err)
		}
		out[table] = n
	}
	var currencies int
	if err := db.QueryRow(`SELECT count(DISTINCT planned_currency) FROM budget_items`).Scan(&currencies); err != nil {
		t.Fatal(err)
	}
	out["currencies"] = currencies
	return out
}

func generate(t *testing.T, years int) string {
	t.Helper()
	ctx := context.Background()
	now := time.Date(2026, time.March, 1, 20, 0, 0, 0, time.UTC)
	path := filepath.Join(t.TempDir(), "seed.db")
	st, err := store.Open(ctx, path, store.WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	if err := seed.Generate(ctx, st, seed.Options{Years: years, Now: now, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// One year is a tenth of the ten-year sizes the benchmarks use, and two
// runs with one seed make the same rows.
func TestGenerateOneYear(t *testing.T) {
	a, b := counts(t, generate(t, 1)), counts(t, generate(t, 1))
	want := map[string]int{"study_sessions": 2000, "reading_items": 200, "attempts": 100, "topics": 20, "exams": 3,
		"budget_items": 500, "exchange_rates": 50, "reminders": 3 + 20, "currencies": 6}
	for k, n := range want {
		if a[k] != n {
			t.Errorf("%s: %d rows, want %d", k, a[k], n)
		}
	}
	if a["reading_progress"] < 200 || a["scores"] < 400 {
		t.Errorf("progress %d, scores %d: too few", a["reading_progress"], a["scores"])
	}
	for k := range a {
		if a[k] != b[k] {
			t.Errorf("%s: %d then %d rows from the same seed", k, a[k], b[k])
		}
	}
}

func TestGenerateRefusesAUsedDatabase(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, time.March, 1, 20, 0, 0, 0, time.UTC)
	path := generate(t, 1)
	st, err := store.Open(ctx, path, store.WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := seed.Generate(ctx, st, seed.Options{Years: 1, Now: now}); err == nil {
		t.Fatal("seeding a database that has a rotation worked")
	}
}
