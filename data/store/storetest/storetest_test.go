package storetest

import (
	"context"
	"database/sql"
	"strings"
	"testing"
	"time"

	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/store"
)

// recorder is a test that records its failures and runs its clean-ups
// when told, so that VerifyAfter's verdict can be read.
type recorder struct {
	testing.TB
	cleanups []func()
	failures []string
}

func (r *recorder) Cleanup(f func())                  { r.cleanups = append(r.cleanups, f) }
func (r *recorder) Errorf(format string, args ...any) { r.failures = append(r.failures, format) }
func (r *recorder) end() {
	for i := len(r.cleanups) - 1; i >= 0; i-- {
		r.cleanups[i]()
	}
}

// A database whose kept study totals no longer match its sessions fails
// the test that wrote it; an untouched one does not.
func TestVerifyAfterCatchesDrift(t *testing.T) {
	clean := &recorder{TB: t}
	Path(clean, "clean.db")
	clean.end()
	if len(clean.failures) != 0 {
		t.Errorf("a fresh database failed the check: %v", clean.failures)
	}

	drifted := &recorder{TB: t}
	path := Path(drifted, "drift.db")
	ctx := context.Background()
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	set := data.DefaultSettings()
	set.TimeZone = "Europe/London"
	if _, err := st.Setup(ctx, data.Rotation{Track: "MCM", Blocks: []data.Block{{Start: data.NewDate(2027, 3, 1), End: data.NewDate(2027, 3, 7),
		Location: "Redmond", TimeZone: "America/Los_Angeles"}}}, set); err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveStudySession(ctx, data.StudySession{Start: time.Date(2026, 3, 1, 18, 0, 0, 0, time.UTC), Duration: time.Hour, Topic: "Transport"}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	// A write path that forgot the kept totals.
	db, err := sql.Open("sqlite", store.DSN(path))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE study_days SET seconds = seconds + 60`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	drifted.end()
	if len(drifted.failures) != 1 || !strings.Contains(drifted.failures[0], "after the test") {
		t.Errorf("kept totals with no session behind them passed the check: %v", drifted.failures)
	}
}
