package summary

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/store"
	"github.com/masterplan-app/masterplan/data/store/storetest"
)

func mustDate(t *testing.T, s string) data.Date {
	t.Helper()
	d, err := data.ParseDate("test", s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// readingStore is a set-up database whose first block starts 2026-04-20, so
// the reading deadline is 2026-04-13 by default.
func readingStore(t *testing.T) *store.Store {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, storetest.Path(t, "m.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	rot := data.Rotation{Track: "MCM: Exchange Server 2010", Blocks: []data.Block{{
		Start: mustDate(t, "2026-04-20"), End: mustDate(t, "2026-05-08"), Location: "Redmond", TimeZone: "America/Los_Angeles"}}}
	set := data.DefaultSettings()
	set.TimeZone = "UTC"
	if _, err := st.Setup(ctx, rot, set); err != nil {
		t.Fatal(err)
	}
	return st
}

func readingJSON(t *testing.T, st *store.Store, now time.Time) map[string]any {
	t.Helper()
	s, err := Build(context.Background(), st, now)
	if err != nil {
		t.Fatal(err)
	}
	if s.Reading == nil {
		t.Fatal("Build gave no reading status")
	}
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	var out struct {
		Reading map[string]any `json:"reading"`
	}
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out.Reading
}

func TestReadingStatus(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 3, 14, 12, 0, 0, 0, time.UTC)
	today := mustDate(t, "2026-03-14")

	t.Run("an empty list says so", func(t *testing.T) {
		st := readingStore(t)
		got := readingJSON(t, st, now)
		if got["items"] != 0.0 || got["left"] != 0.0 || got["deadline"] != "2026-04-13" {
			t.Errorf("reading = %v", got)
		}
		s, _ := Build(ctx, st, now)
		if !strings.Contains(s.Reading.Text(), "empty") {
			t.Errorf("Text() = %q, want it to say the list is empty", s.Reading.Text())
		}
	})
	t.Run("pace from the last 14 days against the deadline", func(t *testing.T) {
		st := readingStore(t)
		// 300 pages, 100 read in the window: 10 a day over 10 days of reading.
		it, err := st.SaveReadingItem(ctx, data.ReadingItem{Title: "Inside Out", Size: 400, Done: 0}, mustDate(t, "2026-03-01"))
		if err != nil {
			t.Fatal(err)
		}
		// Three days of reading from 2026-03-05: enough for a verdict.
		for _, step := range []struct {
			done int
			day  string
		}{{40, "2026-03-05"}, {70, "2026-03-09"}, {100, "2026-03-12"}} {
			if _, err := st.SetReadingProgress(ctx, it.ID, step.done, mustDate(t, step.day)); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := st.SaveReadingItem(ctx, data.ReadingItem{Title: "Dropped", Size: 50, Status: "dropped"}, today); err != nil {
			t.Fatal(err)
		}
		got := readingJSON(t, st, now)
		want := map[string]any{
			"items": 1.0, "done": 0.0, "dropped": 1.0, "percent": 25.0, "left": 300.0, "left_unit": "pages",
			"per_day_needed":   10.0, // 300 pages over the 30 days to 2026-04-13
			"actual_per_day":   10.0, // 100 pages over 2026-03-05..14
			"projected_finish": "2026-04-13", "on_track": true, "behind_days": 0.0, "days_left": 30.0,
			"pace_window_days": 10.0, "binding_deadline": "2026-04-13",
		}
		// The 7-day pace (60 pages) finishes later; the window's is the earliest.
		if r, ok := got["finish_range"].([]any); !ok || len(r) != 2 || r[0] != "2026-04-13" || r[1] != "2026-04-18" {
			t.Errorf("finish_range = %v, want [2026-04-13 2026-04-18]", got["finish_range"])
		}
		for k, v := range want {
			if got[k] != v {
				t.Errorf("%s = %v, want %v", k, got[k], v)
			}
		}
		// A later deadline setting moves the need, not the projection.
		if err := st.SetReadingLeadDays(ctx, 17); err != nil {
			t.Fatal(err)
		}
		got = readingJSON(t, st, now)
		if got["on_track"] != false || got["behind_days"] != 10.0 || got["deadline"] != "2026-04-03" {
			t.Errorf("with 17 lead days: on_track %v behind %v deadline %v; want false, 10, 2026-04-03", got["on_track"], got["behind_days"], got["deadline"])
		}
	})
	t.Run("one day of reading is too early", func(t *testing.T) {
		st := readingStore(t)
		it, err := st.SaveReadingItem(ctx, data.ReadingItem{Title: "One evening", Size: 1000}, today)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.SetReadingProgress(ctx, it.ID, 230, today); err != nil {
			t.Fatal(err)
		}
		got := readingJSON(t, st, now)
		if got["on_track"] != nil || got["projected_finish"] != nil || got["finish_range"] != nil || got["pace_window_days"] != 1.0 {
			t.Errorf("on_track %v projected %v range %v window %v; want null, null, null, 1", got["on_track"], got["projected_finish"], got["finish_range"], got["pace_window_days"])
		}
		s, err := Build(ctx, st, now)
		if err != nil {
			t.Fatal(err)
		}
		if text := s.Reading.Text(); !strings.Contains(text, "230.0 a day over the last 1 day") || !strings.Contains(text, "Too early to tell") {
			t.Errorf("Text() = %q", text)
		}
	})
	t.Run("no progress gives a null projection", func(t *testing.T) {
		st := readingStore(t)
		if _, err := st.SaveReadingItem(ctx, data.ReadingItem{Title: "Untouched", Size: 100}, today); err != nil {
			t.Fatal(err)
		}
		got := readingJSON(t, st, now)
		if v, ok := got["projected_finish"]; !ok || v != nil {
			t.Errorf("projected_finish = %v (present %v), want null", v, ok)
		}
		for _, k := range []string{"on_track", "pace_window_days", "finish_range"} {
			if v, ok := got[k]; !ok || v != nil {
				t.Errorf("%s = %v (present %v), want null", k, v, ok)
			}
		}
	})
}
