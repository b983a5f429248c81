package app

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/masterplan-app/masterplan/data"
)

// The reading list sorts by priority, due date, progress or title, keeps
// done items in place, last or hidden, and each database remembers the
// choice.
func TestReadingSortAndDoneItemsAreKept(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mp.db")
	sh, st, _ := shellOn(t, path)
	for _, it := range []data.ReadingItem{
		{Title: "Clustering", Priority: 1, Size: 100, Done: 100, Status: data.ReadingDone},
		{Title: "Architecture", Priority: 2, Size: 200, Done: 150},
		{Title: "Backup", Priority: 3, Size: 100, Done: 10, Due: mustDay(t, "2026-12-01")},
	} {
		if _, err := st.SaveReadingItem(context.Background(), it, mustDay(t, readingToday)); err != nil {
			t.Fatal(err)
		}
	}
	shownTitles := func(r *readingScreen) []string {
		var out []string
		for _, it := range r.shown {
			out = append(out, it.Title)
		}
		return out
	}
	sh.Select(screenIndex("Reading"))
	r := sh.screen(screenIndex("Reading")).(*readingScreen)
	for _, tc := range []struct {
		order, done string
		want        []string
	}{
		{data.ReadingByPriority, data.DoneInPlace, []string{"Clustering", "Architecture", "Backup"}},
		{data.ReadingByTitle, data.DoneInPlace, []string{"Architecture", "Backup", "Clustering"}},
		{data.ReadingByDue, data.DoneInPlace, []string{"Backup", "Clustering", "Architecture"}},
		{data.ReadingByProgress, data.DoneLast, []string{"Backup", "Architecture", "Clustering"}},
		{data.ReadingByTitle, data.DoneHidden, []string{"Architecture", "Backup"}},
	} {
		r.order.SetSelected(tc.order)
		r.donePlace.SetSelected(tc.done)
		if got := shownTitles(r); !slices.Equal(got, tc.want) {
			t.Errorf("%s, %s: the list shows %v, want %v", tc.order, tc.done, got, tc.want)
		}
	}
	sh.Close()
	st.Close()

	again, _, _ := shellOn(t, path)
	again.Select(screenIndex("Reading"))
	r2 := again.screen(screenIndex("Reading")).(*readingScreen)
	if r2.order.Selected != data.ReadingByTitle || r2.donePlace.Selected != data.DoneHidden {
		t.Errorf("after a restart: %q, %q; want title, done hidden", r2.order.Selected, r2.donePlace.Selected)
	}
	if got := shownTitles(r2); !slices.Equal(got, []string{"Architecture", "Backup"}) {
		t.Errorf("after a restart the list shows %v", got)
	}
}
