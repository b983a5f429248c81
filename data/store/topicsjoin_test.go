package store

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"maps"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/pressly/goose/v3"

	"github.com/masterplan-app/masterplan/data"
)

// migrationsUpTo returns the embedded migrations numbered up to last: the
// schema an older release left.
// storeAtVersion makes a new file at path migrated up to version last only:
// a file of an earlier release, for a migration's own test. Close its db
// before opening path with Open.
func storeAtVersion(t testing.TB, path string, last int) *Store {
	t.Helper()
	if err := prepareFile(path); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", DSN(path))
	if err != nil {
		t.Fatal(err)
	}
	old := &Store{db: db, path: path, now: func() time.Time { return testNow }}
	if err := old.migrate(context.Background(), migrationsUpTo(t, last)); err != nil {
		t.Fatalf("migrate to %05d: %v", last, err)
	}
	return old
}

func migrationsUpTo(t testing.TB, last int) fstest.MapFS {
	t.Helper()
	embedded := mustMigrations(t)
	entries, err := fs.ReadDir(embedded, ".")
	if err != nil {
		t.Fatal(err)
	}
	out := fstest.MapFS{}
	for _, e := range entries {
		var n int
		if _, err := fmt.Sscanf(e.Name(), "%05d_", &n); err != nil || n > last {
			continue
		}
		b, err := fs.ReadFile(embedded, e.Name())
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = &fstest.MapFile{Data: b}
	}
	return out
}

// topicCounts counts per topic (data.TopicKey) the reading items and the
// study seconds, the kept per-day totals' seconds, and the scores.
func topicCounts(t testing.TB, db *sql.DB) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, q := range []struct{ prefix, sql string }{
		{"reading ", `SELECT topic, count(*) FROM reading_items GROUP BY topic`},
		{"study s ", `SELECT topic, sum(duration_s) FROM study_sessions GROUP BY topic`},
		{"kept s ", `SELECT topic, sum(seconds) FROM study_day_topics GROUP BY topic`},
		{"scores ", `SELECT t.name, count(*) FROM scores s JOIN topics t ON t.id = s.topic_id GROUP BY t.id`},
	} {
		rows, err := db.Query(q.sql)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var topic string
			var n int
			if err := rows.Scan(&topic, &n); err != nil {
				t.Fatal(err)
			}
			out[q.prefix+data.TopicKey(topic)] += n
		}
		rows.Close()
	}
	return out
}

func spellings(t testing.TB, db *sql.DB, table string) []string {
	t.Helper()
	rows, err := db.Query(`SELECT DISTINCT topic FROM ` + table + ` WHERE topic <> '' ORDER BY topic`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}

// Migration 00020 on a file written by the previous release: reading and
// study topics spelled as a practice topic up to case and spacing join it,
// the rest stay as they are, and no item, second or score moves to another
// topic, up or down.
func TestTopicsJoinMigrationUpAndDown(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v19.db")
	old := storeAtVersion(t, path, 19)
	db := old.db
	r := setUp(t, old)
	for _, name := range []string{"High availability", "Query processing and tuning", "Backup & restore"} {
		if _, err := old.SaveTopic(ctx, r.ID, data.Topic{Name: name}); err != nil {
			t.Fatal(err)
		}
	}
	for i, topic := range []string{"high  availability", "HIGH AVAILABILITY", "Performance", "Backup/restore", ""} {
		addReading(t, old, data.ReadingItem{Title: "Book " + strings.Repeat("I", i+1), Topic: topic, Size: 10})
	}
	day := time.Date(2026, 3, 1, 18, 0, 0, 0, time.UTC)
	if _, err := old.AddStudySessions(ctx, []data.StudySession{
		session(day, 30, "high availability"), session(day.Add(time.Hour), 45, "High Availability"),
		session(day.Add(2*time.Hour), 60, "Performance"), session(day.Add(24*time.Hour), 20, "high\tavailability"),
		session(day.Add(25*time.Hour), 15, "Backup/restore"), session(day.Add(26*time.Hour), 10, ""),
	}); err != nil {
		t.Fatal(err)
	}
	before := topicCounts(t, db)
	db.Close()

	s := openAt(t, path)
	if v, _ := fileVersion(ctx, s.db); v < 20 {
		t.Fatalf("file at version %d after Open, want 20", v)
	}
	if got := topicCounts(t, s.db); !maps.Equal(got, before) {
		t.Errorf("counts per topic after 00020:\n got %v\nwant %v", got, before)
	}
	wantSpellings := "Backup/restore|High availability|Performance"
	for _, table := range []string{"reading_items", "study_sessions", "study_day_topics"} {
		if got := strings.Join(spellings(t, s.db, table), "|"); got != wantSpellings {
			t.Errorf("%s topics after 00020: %s, want %s", table, got, wantSpellings)
		}
	}
	if err := s.VerifyKept(ctx); err != nil {
		t.Errorf("kept totals after 00020: %v", err)
	}

	p, err := goose.NewProvider(goose.DialectSQLite3, s.db, mustMigrations(t))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.DownTo(ctx, 19); err != nil {
		t.Fatalf("down to 00019: %v", err)
	}
	if got := topicCounts(t, s.db); !maps.Equal(got, before) {
		t.Errorf("counts per topic after 00020 down:\n got %v\nwant %v", got, before)
	}
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE name = 'topic_merge_dismissed'`).Scan(&n); err != nil || n != 0 {
		t.Errorf("topic_merge_dismissed after down: %d, %v", n, err)
	}
	if _, err := p.Up(ctx); err != nil {
		t.Fatalf("up again: %v", err)
	}
	if got := topicCounts(t, s.db); !maps.Equal(got, before) {
		t.Errorf("counts per topic after 00020 up again:\n got %v\nwant %v", got, before)
	}
}
