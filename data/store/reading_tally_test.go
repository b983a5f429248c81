package store

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/masterplan-app/masterplan/data"
)

// checkReadingPaceTally checks that the store's tally and unit log are
// what data.Pace makes of the items and log the reading screen reads.
func checkReadingPaceTally(t *testing.T, s *Store, since data.Date, when string) {
	t.Helper()
	ctx := context.Background()
	items, err := s.ReadingItems(ctx)
	if err != nil {
		t.Fatal(err)
	}
	entries, err := s.ReadingProgress(ctx, since)
	if err != nil {
		t.Fatal(err)
	}
	tally, log, err := s.ReadingPaceTally(ctx, since)
	if err != nil {
		t.Fatal(err)
	}
	want := data.TallyReading(items)
	if tally.Items != want.Items || tally.DoneItems != want.DoneItems || tally.Dropped != want.Dropped ||
		tally.Unsized != want.Unsized || !reflect.DeepEqual(tally.Units, want.Units) || math.Abs(tally.Fractions-want.Fractions) > 1e-9 {
		t.Fatalf("%s: tally %+v, the items' %+v", when, tally, want)
	}
	unitOf := map[int64]string{}
	for _, it := range items {
		unitOf[it.ID] = it.Unit
	}
	var wantLog []data.UnitProgress
	for _, e := range entries {
		wantLog = append(wantLog, data.UnitProgress{Unit: unitOf[e.ItemID], Date: e.Date, Units: e.Units})
	}
	if first := firstProgress(entries); !first.IsZero() && (tally.FirstProgress.IsZero() || tally.FirstProgress.After(first)) {
		t.Fatalf("%s: first progress %s, the log's %s", when, tally.FirstProgress, first)
	}
	if !slices.Equal(log, wantLog) {
		t.Fatalf("%s: log %+v, want %+v", when, log, wantLog)
	}
}

// The pace tally and log the dashboard reads are the pace of the items, through adds, progress
// on several days, status changes (done, dropped, back), deletes and
// undeletes, in every unit, with and without sizes.
func TestReadingPaceTallyIsTheItems(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	r := rand.New(rand.NewPCG(15, 16))
	day := data.NewDate(2026, 2, 1)
	checkReadingPaceTally(t, s, day, "empty")
	var ids []int64
	var deleted int64 // the item an undo puts back; a delete purges the one before
	for step := range 200 {
		switch op := r.IntN(10); {
		case op < 3 || len(ids) == 0:
			it := data.ReadingItem{Title: fmt.Sprintf("Item %d", step), Unit: data.ReadingUnits()[r.IntN(3)]}
			if r.IntN(4) > 0 {
				it.Size = 1 + r.IntN(900)
			}
			if it.Unit == data.ReadingPercent && it.Size > 0 {
				it.Size = 100
			}
			if it.Size > 0 {
				it.Done = r.IntN(it.Size + 1)
			}
			if r.IntN(2) == 0 { // a few due dates, shared, so their sums add up
				it.Due = day.AddDays(r.IntN(5))
			}
			it.Status = data.ReadingStatuses()[r.IntN(len(data.ReadingStatuses()))]
			saved, err := s.SaveReadingItem(ctx, it, day)
			if err != nil {
				t.Fatalf("add %+v: %v", it, err)
			}
			ids = append(ids, saved.ID)
		case op < 6:
			it, err := s.ReadingItem(ctx, ids[r.IntN(len(ids))])
			if err != nil {
				t.Fatal(err)
			}
			if it.Size > 0 {
				if _, err := s.SetReadingProgress(ctx, it.ID, r.IntN(it.Size+1), day); err != nil {
					t.Fatal(err)
				}
			}
		case op < 8:
			status := data.ReadingStatuses()[r.IntN(len(data.ReadingStatuses()))]
			if _, err := s.SetReadingStatus(ctx, ids[r.IntN(len(ids))], status, day); err != nil && !strings.Contains(err.Error(), "size") {
				t.Fatal(err)
			}
		case op < 9:
			i := r.IntN(len(ids))
			if err := s.DeleteReadingItem(ctx, ids[i]); err != nil {
				t.Fatal(err)
			}
			deleted = ids[i]
			ids = slices.Delete(ids, i, i+1)
		default:
			if deleted == 0 {
				continue
			}
			if err := s.UndeleteReadingItem(ctx, deleted); err != nil {
				t.Fatal(err)
			}
			deleted, ids = 0, append(ids, deleted)
		}
		if r.IntN(5) == 0 {
			day = day.AddDays(1)
		}
		checkReadingPaceTally(t, s, day.AddDays(-(data.PaceWindowDays - 1)), fmt.Sprintf("after step %d", step))
	}
}

// The recent progress comes through the day's index.
func TestReadingPaceLogReadsTheDaysIndex(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	plan := queryPlan(t, s.db, recentUnitProgressQuery, "2026-03-01")
	if !strings.Contains(plan, "SEARCH p USING INDEX reading_progress_by_day") || strings.Contains(plan, "TEMP B-TREE") {
		t.Errorf("recent progress plan:\n%s", plan)
	}
}

// firstProgress is the earliest day of entries; zero without any.
func firstProgress(entries []data.ProgressEntry) data.Date {
	var first data.Date
	for _, e := range entries {
		if first.IsZero() || e.Date.Before(first) {
			first = e.Date
		}
	}
	return first
}
