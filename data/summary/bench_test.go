package summary_test

import (
	"context"
	"testing"

	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/store"
	"github.com/masterplan-app/masterplan/data/store/seed/seedbench"
	"github.com/masterplan-app/masterplan/data/summary"
)

// The benchmarks below read the ten-year database of package seed the way
// the dashboard and each screen's first view do; the target is one frame
// (16 ms) each on a 2-core machine. See docs/performance.md.

// The heavy profile's counts (seed.Heavy): three years of heavy use.
var heavyCounts = counts{sessions: 3000, reading: 300, attempts: 200, budget: 300}

// The ten-year database's counts.
var tenYearCounts = counts{sessions: 20000, reading: 2000, attempts: 1000, budget: 5000}

// counts are what a seeded database holds, checked so that a benchmark
// never measures an empty read.
type counts struct{ sessions, reading, attempts, budget int }

// BenchmarkDashboard is everything behind the dashboard and `status`, on
// the ten-year database (target 100 ms) and the heavy profile (16 ms).
func BenchmarkDashboard(b *testing.B) {
	b.Run("tenyears", func(b *testing.B) { benchDashboard(b, seedbench.OpenCopy(b), tenYearCounts) })
	b.Run("heavy", func(b *testing.B) { benchDashboard(b, seedbench.OpenHeavyCopy(b), heavyCounts) })
}

func benchDashboard(b *testing.B, st *store.Store, want counts) {
	ctx := context.Background()
	cpu := seedbench.StartCPU()
	defer cpu.Report(b)
	for b.Loop() {
		s, err := summary.Build(ctx, st, seedbench.Now())
		if err != nil {
			b.Fatal(err)
		}
		if s.Study == nil || s.Study.Sessions != want.sessions {
			b.Fatalf("study = %+v", s.Study)
		}
	}
}

// BenchmarkScreenData measures the reads and sums each screen's refresh
// makes before it touches a widget, in the order app/*.go makes them, on
// the ten-year database (target 100 ms) and the heavy profile (16 ms).
func BenchmarkScreenData(b *testing.B) {
	b.Run("tenyears", func(b *testing.B) { benchScreenData(b, seedbench.OpenCopy(b), tenYearCounts) })
	b.Run("heavy", func(b *testing.B) { benchScreenData(b, seedbench.OpenHeavyCopy(b), heavyCounts) })
}

func benchScreenData(b *testing.B, st *store.Store, want counts) {
	ctx := context.Background()
	now := seedbench.Now()
	set, err := st.Settings(ctx)
	if err != nil {
		b.Fatal(err)
	}
	loc := set.Location()
	must := func(err error) {
		if err != nil {
			b.Fatal(err)
		}
	}
	b.Run("reading", func(b *testing.B) {
		cpu := seedbench.StartCPU()
		defer cpu.Report(b)
		for b.Loop() {
			set, err := st.Settings(ctx)
			must(err)
			rot, err := st.Rotation(ctx)
			must(err)
			p, err := summary.LoadReadingPace(ctx, st, rot, data.DateOf(now, set.Location()))
			must(err)
			if len(p.Items) != want.reading {
				b.Fatalf("%d items", len(p.Items))
			}
		}
	})
	b.Run("study", func(b *testing.B) {
		cpu := seedbench.StartCPU()
		defer cpu.Report(b)
		for b.Loop() {
			set, err := st.Settings(ctx)
			must(err)
			opts, err := st.StudyOptions(ctx)
			must(err)
			_, err = st.Timer(ctx)
			must(err)
			today := data.DateOf(now, loc)
			totals, err := st.StudyTotals(ctx, loc, today, opts.StreakMinimum)
			must(err)
			_, err = st.ReadingChoices(ctx)
			must(err)
			page, err := st.StudySessionsNewestFirst(ctx, 0, 100) // the list's first page
			must(err)
			if totals.Sessions != want.sessions || len(page) != 100 {
				b.Fatalf("%d sessions, a page of %d", totals.Sessions, len(page))
			}
			data.WeekHoursOfDays(totals.Recent, today, set.WeekStart)
			data.WeeklyStudyOfDays(totals.Recent, today, set.WeekStart, data.StudyChartWeeks)
			data.DailyStudyOfDays(totals.Recent, today, set.WeekStart, data.StudyHeatmapWeeks)
		}
	})
	b.Run("practice", func(b *testing.B) {
		cpu := seedbench.StartCPU()
		defer cpu.Report(b)
		for b.Loop() {
			rot, err := st.Rotation(ctx)
			must(err)
			_, err = st.EnsurePracticeDefaults(ctx, rot)
			must(err)
			set, err := st.Settings(ctx)
			must(err)
			p, err := summary.LoadPractice(ctx, st, rot, set, now)
			must(err)
			if len(p.Attempts) != want.attempts {
				b.Fatalf("%d attempts", len(p.Attempts))
			}
		}
	})
	b.Run("budget", func(b *testing.B) {
		cpu := seedbench.StartCPU()
		defer cpu.Report(b)
		for b.Loop() {
			rot, err := st.Rotation(ctx)
			must(err)
			set, err := st.Settings(ctx)
			must(err)
			totals, shown, err := st.BudgetList(ctx, rot.ID, set.HomeCurrency)
			must(err)
			rates, err := st.Rates(ctx, set.HomeCurrency)
			must(err)
			_, err = st.BudgetUsesOtherCurrency(ctx, rot.ID, set.HomeCurrency)
			must(err)
			_, err = st.DecimalMark(ctx)
			must(err)
			page, err := st.BudgetItemsPage(ctx, rot.ID, 0, 100) // the list's first page
			must(err)
			table := data.NewRateTable(set.HomeCurrency, rates)
			for _, it := range page {
				data.ConvertItem(it, table)
			}
			if len(shown) != want.budget || len(page) != 100 || len(totals.Missing) != 0 {
				b.Fatalf("%d amounts shown, a page of %d, missing %v", len(shown), len(page), totals.Missing)
			}
		}
	})
	b.Run("reminders", func(b *testing.B) {
		cpu := seedbench.StartCPU()
		defer cpu.Report(b)
		for b.Loop() {
			plan, err := st.ReminderPlan(ctx)
			must(err)
			_, err = st.Notices(ctx)
			must(err)
			if _, err := plan.Schedule.Next(now, 20); err != nil {
				b.Fatal(err)
			}
		}
	})
}
