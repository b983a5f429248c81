package store_test

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"github.com/masterplan-app/masterplan/data"

	"github.com/masterplan-app/masterplan/data/store"
	"github.com/masterplan-app/masterplan/data/store/seed"
	"github.com/masterplan-app/masterplan/data/store/seed/seedbench"
)

// BenchmarkOpenTenYears opens the ten-year database of package seed as
// every start of the app and of the CLI does: pragmas, the check of the
// file's length, the schema version and the (empty) migration run.
func BenchmarkOpenTenYears(b *testing.B) {
	ctx := context.Background()
	path, err := seedbench.CopyTo(ctx, b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	cpu := seedbench.StartCPU()
	for b.Loop() {
		st, err := store.Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		if err := st.Close(); err != nil {
			b.Fatal(err)
		}
	}
	cpu.Report(b)
}

// BenchmarkMigrateTenYears opens the ten-year database as it was before
// migration 00007: Open reads every page, backs the file up, then builds
// the indexes of 00007, the empty tables of 00008 and 00009 (the study
// totals and the budget parts are worked out at the first read), and
// rebuilds the parts (00010) and the 5,018 scores (00011) in their new
// order, adds the group totals (00013), counts the scores per topic and
// exam (00014) and indexes the reading list for its tally (00015). Rolling
// the copy back is not timed.
func BenchmarkMigrateTenYears(b *testing.B) {
	ctx := context.Background()
	cpu := seedbench.StartCPU()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		path, err := seedbench.CopyTo(ctx, b.TempDir())
		if err != nil {
			b.Fatal(err)
		}
		db, err := sql.Open("sqlite", store.DSN(path))
		if err != nil {
			b.Fatal(err)
		}
		for _, q := range []string{`DROP INDEX study_sessions_times`, `DROP INDEX budget_items_in_order`,
			`DROP TABLE study_days`, `DROP TABLE study_day_topics`, `DROP TABLE study_days_zone`, `DROP TABLE study_topics`,
			`DROP TABLE budget_parts`, `DROP TABLE budget_parts_key`, `DROP TABLE budget_totals`,
			`DROP TRIGGER topic_exam_scores_add`, `DROP TRIGGER topic_exam_scores_take`, `DROP TRIGGER topic_exam_scores_move`,
			`DROP TRIGGER topic_exam_scores_exam`, `DROP TRIGGER topic_exam_scores_attempt_gone`, `DROP TABLE topic_exam_scores`,
			`DROP INDEX reading_items_tally`,
			`DELETE FROM goose_db_version WHERE version_id >= 7`} {
			if _, err := db.Exec(q); err != nil {
				b.Fatal(err)
			}
		}
		db.Close()
		b.StartTimer()
		st, err := store.Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		if err := st.Close(); err != nil {
			b.Fatal(err)
		}
	}
	cpu.Report(b)
}

// BenchmarkWorkOutTenYears is the first read after an upgrade or a change
// of zone, home currency or rates: the study totals per day and the budget
// parts of ten years, worked out again from the sessions and the items.
// (No cpu-ns/op: the process's CPU would include the untimed set-up.)
func BenchmarkWorkOutTenYears(b *testing.B) {
	ctx := context.Background()
	st := seedbench.OpenCopy(b)
	rot, err := st.Rotation(ctx)
	if err != nil {
		b.Fatal(err)
	}
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		b.Fatal(err)
	}
	today := data.DateOf(seedbench.Now(), loc)
	for b.Loop() {
		b.StopTimer()
		// Another zone and another home currency make both stale.
		if _, err := st.StudyTotals(ctx, time.UTC, today, 0); err != nil {
			b.Fatal(err)
		}
		if _, err := st.BudgetTotals(ctx, rot.ID, "USD"); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := st.StudyTotals(ctx, loc, today, 0); err != nil {
			b.Fatal(err)
		}
		if _, err := st.BudgetTotals(ctx, rot.ID, seed.HomeCurrency); err != nil {
			b.Fatal(err)
		}
	}
}
