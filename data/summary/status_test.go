package summary_test

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/store"
	"github.com/masterplan-app/masterplan/data/store/seed"
	"github.com/masterplan-app/masterplan/data/store/seed/seedbench"
	"github.com/masterplan-app/masterplan/data/store/storetest"
	"github.com/masterplan-app/masterplan/data/summary"
)

// generatedYear is a store holding a generated user's year (seed 3) up to
// now, the benchmarks' fixed day; it closes when the test ends.
func generatedYear(t *testing.T) (*store.Store, time.Time) {
	t.Helper()
	ctx := context.Background()
	now := seedbench.Now()
	st, err := store.Open(ctx, storetest.Path(t, "year.db"), store.WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := seed.Generate(ctx, st, seed.Options{Years: 1, Now: now, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	return st, now
}

// The dashboard and `status` read less than the screens: the reading pace
// from only the fields it counts, the practice forecast from only the
// newest attempts and without the study next to each topic. Over a year of a generated user's records (pages,
// hours and chapters; done, dropped and open items; topics and progress;
// attempts over three exams), both give the same status.
func TestStatusIsWhatTheScreensShow(t *testing.T) {
	ctx := context.Background()
	st, now := generatedYear(t)
	s, err := summary.Build(ctx, st, now)
	if err != nil {
		t.Fatal(err)
	}
	rot, err := st.Rotation(ctx)
	if err != nil {
		t.Fatal(err)
	}
	p, err := summary.LoadReadingPace(ctx, st, rot, s.Today)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := jsonOf(t, s.Reading), jsonOf(t, summary.NewReadingStatus(p.Report)); got != want {
		t.Fatalf("status pace\n%s\nreading screen's\n%s", got, want)
	}
	if s.Reading.Items < 100 || s.Reading.Done == 0 || s.Reading.Left == 0 || len(p.Log) == 0 {
		t.Fatalf("the generated list does not exercise the pace: %+v, %d log entries", *s.Reading, len(p.Log))
	}
	practice, err := summary.LoadPractice(ctx, st, rot, mustSettings(t, st), now)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := jsonOf(t, s.Practice), jsonOf(t, practice.Status()); got != want || len(s.Practice.WeakestTopics) == 0 {
		t.Fatalf("status practice\n%s\npractice screen's\n%s", got, want)
	}
	var units = map[string]bool{}
	for _, it := range p.Items {
		units[string(it.Unit)] = true
	}
	if len(units) < 2 {
		t.Errorf("the generated list has one unit only: %v", units)
	}
}

func mustSettings(t *testing.T, st *store.Store) data.Settings {
	t.Helper()
	set, err := st.Settings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// jsonOf is v as `status --json` writes it.
func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// `status` reads the areas one after the other on one connection, the
// dashboard at once: both read the same summary.
func TestBuildInOrderIsBuild(t *testing.T) {
	ctx := context.Background()
	st, now := generatedYear(t)
	atOnce, err := summary.Build(ctx, st, now)
	if err != nil {
		t.Fatal(err)
	}
	inOrder, err := summary.BuildInOrder(ctx, st, now)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(atOnce, inOrder) {
		t.Errorf("in order:\n%+v\nat once:\n%+v", inOrder, atOnce)
	}
}
