package store_test

import (
	"context"
	"database/sql"
	"testing"

	"github.com/masterplan-app/masterplan/data/store"
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
// exam (00014), indexes the reading list for its tally (00015), and drops
// all but the study totals again (00019), joins the reading and study
// topics spelled as practice topics (00020), adds the budget's generator
// and fronted-by marks and the milestone links (00021), and makes the
// window's state table (00026), and swaps two indexes for the plan's
// covering ones (00027). Rolling the copy back is not timed.
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
			`ALTER TABLE milestones DROP COLUMN remind_from`, `ALTER TABLE exams DROP COLUMN pass_mark_assumed`,
			`DROP TABLE plan_availability`, `DROP TABLE plan_days_off`, `DROP TABLE plan_speeds`,
			`DROP TABLE window_state`, `DROP TABLE IF EXISTS topic_merge_dismissed`,
			`DROP TABLE milestone_budget_items`, `ALTER TABLE budget_items DROP COLUMN fronted_by`,
			`ALTER TABLE budget_items DROP COLUMN generated_by`,
			`CREATE INDEX reading_progress_by_item ON reading_progress (item_id)`, `DROP INDEX reading_progress_by_item_day`,
			`CREATE INDEX study_sessions_by_item ON study_sessions (reading_item_id) WHERE reading_item_id IS NOT NULL`,
			`DROP INDEX study_sessions_by_item_times`,
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

// BenchmarkRebuildKeptTenYears is `masterplan dev rebuild`, and what a
// change of zone costs the write that makes it: the study totals per day
// of ten years summed again from the 20,000 sessions.
func BenchmarkRebuildKeptTenYears(b *testing.B) {
	ctx := context.Background()
	st := seedbench.OpenCopy(b)
	cpu := seedbench.StartCPU()
	defer cpu.Report(b)
	for b.Loop() {
		if err := st.RebuildKept(ctx); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkVerifyKeptTenYears is `masterplan dev verify` and the app's
// check after start-up: the study totals recounted from the sessions and
// compared.
func BenchmarkVerifyKeptTenYears(b *testing.B) {
	ctx := context.Background()
	st := seedbench.OpenCopy(b)
	cpu := seedbench.StartCPU()
	defer cpu.Report(b)
	for b.Loop() {
		if err := st.VerifyKept(ctx); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheckTenYears is PRAGMA quick_check on the ten-year database:
// what CheckBeforeWrite adds once to every CLI command that writes, and
// what Open adds once to a file not yet in WAL mode (docs/reliability.md).
func BenchmarkCheckTenYears(b *testing.B) {
	ctx := context.Background()
	st := seedbench.OpenCopy(b)
	cpu := seedbench.StartCPU()
	for b.Loop() {
		if err := st.Check(ctx); err != nil {
			b.Fatal(err)
		}
	}
	cpu.Report(b)
}
