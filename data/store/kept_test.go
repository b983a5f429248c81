package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/masterplan-app/masterplan/data"
)

// VerifyKept finds every way the study totals can differ from their
// sessions (a day's, a day and topic's, a topic's total changed, a row
// too many, a row missing), and RebuildKept mends each.
func TestVerifyKeptFindsDriftAndRebuildMends(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	setZone(t, s, "Europe/Paris")
	if _, err := s.AddStudySessions(ctx, []data.StudySession{
		{Start: testNow.Add(-5 * time.Hour), Duration: 2 * time.Hour, Topic: "DNS"},
		{Start: testNow.Add(-29 * time.Hour), Duration: time.Hour, Topic: "Mail flow"},
	}); err != nil {
		t.Fatal(err)
	}
	if err := s.VerifyKept(ctx); err != nil {
		t.Fatalf("after the writes: %v", err)
	}
	for _, tamper := range []string{
		`UPDATE study_days SET seconds = seconds + 60 WHERE day = (SELECT max(day) FROM study_days)`,
		`UPDATE study_day_topics SET seconds = seconds - 1 WHERE topic = 'DNS'`,
		`UPDATE study_topics SET seconds = 1`,
		`INSERT INTO study_days (day, seconds) VALUES (1, 60)`,
		`DELETE FROM study_day_topics WHERE topic = 'Mail flow'`,
		`UPDATE study_day_topics SET topic_key = 'other' WHERE topic = 'DNS'`,
	} {
		if _, err := s.db.ExecContext(ctx, tamper); err != nil {
			t.Fatal(err)
		}
		if err := s.VerifyKept(ctx); !errors.Is(err, ErrKeptDrift) {
			t.Errorf("after %s: %v, want ErrKeptDrift", tamper, err)
		}
		if err := s.RebuildKept(ctx); err != nil {
			t.Fatal(err)
		}
		if err := s.VerifyKept(ctx); err != nil {
			t.Errorf("rebuilt after %s: %v", tamper, err)
		}
	}
}

// A read in another zone than the totals are kept in sums the sessions
// and writes nothing; saving the zone keeps the totals in it, in the
// same transaction.
func TestStudyTotalsInAnotherZone(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	paris := setZone(t, s, "Europe/Paris")
	late := data.StudySession{Start: time.Date(2026, 3, 1, 22, 30, 0, 0, time.UTC), Duration: 2 * time.Hour, Topic: "Exchange"}
	if _, err := s.AddStudySessions(ctx, []data.StudySession{late}); err != nil {
		t.Fatal(err)
	}
	kolkata, err := time.LoadLocation("Asia/Kolkata")
	if err != nil {
		t.Fatal(err)
	}
	checkStudyTotals(t, s, kolkata, "asked in Kolkata, kept in Paris")
	if have, err := keptZone(t, s); err != nil || have != data.ZoneKey(paris) {
		t.Errorf("a read in another zone wrote the totals' zone: %q, %v", have, err)
	}
	setZone(t, s, "Asia/Kolkata")
	if have, err := keptZone(t, s); err != nil || have != data.ZoneKey(kolkata) {
		t.Errorf("the totals after the zone was saved are kept in %q, %v", have, err)
	}
	if err := s.VerifyKept(ctx); err != nil {
		t.Errorf("after the zone changed: %v", err)
	}
	checkStudyTotals(t, s, kolkata, "kept in Kolkata")
}

func keptZone(t *testing.T, s *Store) (string, error) {
	t.Helper()
	var zone string
	err := s.db.QueryRow(`SELECT zone FROM study_days_zone`).Scan(&zone)
	return zone, err
}

// A file from before the totals were kept (or whose zone changed under
// it) is stale, not drifted; the next write of a session keeps them again.
func TestVerifyKeptStaleUntilTheNextWrite(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	setZone(t, s, "Europe/Paris")
	if _, err := s.AddStudySessions(ctx, []data.StudySession{{Start: testNow.Add(-5 * time.Hour), Duration: time.Hour}}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.ExecContext(ctx, `DELETE FROM study_days_zone`); err != nil {
		t.Fatal(err)
	}
	if err := s.VerifyKept(ctx); !errors.Is(err, ErrKeptStale) {
		t.Errorf("without a zone: %v, want ErrKeptStale", err)
	}
	if _, err := s.AddStudySessions(ctx, []data.StudySession{{Start: testNow.Add(-3 * time.Hour), Duration: time.Hour}}); err != nil {
		t.Fatal(err)
	}
	if err := s.VerifyKept(ctx); err != nil {
		t.Errorf("after the next write: %v", err)
	}
}

// WithBusyTimeout sets how long each connection waits for a lock.
func TestWithBusyTimeout(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for _, c := range []struct {
		opts []Option
		want int
	}{{nil, 5000}, {[]Option{WithBusyTimeout(150 * time.Millisecond)}, 150}} {
		_, path := openTemp(t)
		s, err := Open(ctx, path, c.opts...)
		if err != nil {
			t.Fatal(err)
		}
		var ms int
		if err := s.db.QueryRowContext(ctx, `PRAGMA busy_timeout`).Scan(&ms); err != nil || ms != c.want {
			t.Errorf("busy_timeout = %d, %v; want %d", ms, err, c.want)
		}
		s.Close()
	}
}
