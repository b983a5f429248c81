package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/store"
)

// addBook puts a book on the reading list of db, as the app would.
func addBook(t *testing.T, db string, it data.ReadingItem) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.SaveReadingItem(ctx, it, data.NewDate(2026, 11, 23)); err != nil {
		t.Fatal(err)
	}
}

func TestPlanCommands(t *testing.T) {
	t.Parallel()
	db := setupDB(t)
	addBook(t, db, data.ReadingItem{Title: "SQL Server 2008 Internals", Kind: data.ReadingBook, Unit: data.ReadingPages,
		Size: 310, Done: 250, Status: data.ReadingReading, Priority: 1, Due: data.NewDate(2027, 1, 31), AddedOn: data.NewDate(2026, 11, 1)})
	for _, args := range [][]string{
		{"plan", "availability", "Mon-Fri 19:00-21:00; Sat 09:00-13:00"},
		{"plan", "off", "2026-11-24", "2026-11-25"},
		{"plan", "speed", "book", "20"},
	} {
		if r := runCLI(t, db, args...); r.code != 0 {
			t.Fatalf("%q: exit %d: %s", args, r.code, r.stderr)
		}
	}
	r := runCLI(t, db, "plan", "--days", "4", "--json")
	if r.code != 0 {
		t.Fatalf("plan --json: %d %s", r.code, r.stderr)
	}
	var got struct {
		Feasible       bool     `json:"feasible"`
		ShortfallHours float64  `json:"shortfall_hours"`
		ReadingFinish  *string  `json:"reading_finish"`
		Options        []string `json:"options"`
		Days           []struct {
			Date         string `json:"date"`
			AvailableMin int    `json:"available_min"`
			Tasks        []struct {
				Kind    string  `json:"kind"`
				Title   string  `json:"title"`
				ItemID  *int64  `json:"item_id"`
				Exam    *string `json:"exam"`
				From    *int    `json:"from"`
				To      *int    `json:"to"`
				Unit    *string `json:"unit"`
				Minutes int     `json:"minutes"`
				Why     string  `json:"why"`
			} `json:"tasks"`
		} `json:"days"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	if !got.Feasible || got.ReadingFinish == nil || *got.ReadingFinish != "2026-11-26" || len(got.Days) != 4 || got.Options == nil {
		t.Fatalf("plan = %+v", got)
	}
	if got.Days[1].AvailableMin != 0 || len(got.Days[1].Tasks) != 0 {
		t.Errorf("a day off has %+v", got.Days[1])
	}
	tonight := got.Days[0].Tasks
	if len(tonight) != 1 || *tonight[0].From != 251 || *tonight[0].To != 290 || *tonight[0].Unit != "pages" ||
		tonight[0].Minutes != 120 || tonight[0].Exam != nil || tonight[0].Why != "due 2027-01-31, priority 1" {
		t.Errorf("tonight = %+v", tonight)
	}
	text := runCLI(t, db, "plan")
	if text.code != 0 || !strings.Contains(text.stdout, "Read SQL Server 2008 Internals, pp. 251-290 (40 pages, about 2 h)") ||
		!strings.Contains(text.stdout, "(day off)") {
		t.Errorf("plan text:\n%s", text.stdout)
	}
	status := runCLI(t, db, "status", "--json")
	var st struct {
		Today struct {
			Date         string `json:"date"`
			AvailableMin int    `json:"available_min"`
			Tasks        []struct {
				Title string `json:"title"`
			} `json:"tasks"`
		} `json:"today"`
	}
	if err := json.Unmarshal([]byte(status.stdout), &st); status.code != 0 || err != nil {
		t.Fatalf("status --json: %d %v\n%s", status.code, err, status.stdout)
	}
	if st.Today.Date != got.Days[0].Date || st.Today.AvailableMin != got.Days[0].AvailableMin ||
		len(st.Today.Tasks) != 1 || st.Today.Tasks[0].Title != tonight[0].Title || strings.Contains(status.stdout, `"today_plan"`) {
		t.Errorf("status --json today = %+v, want the plan's first day %+v", st.Today, got.Days[0])
	}
	if ics := runCLI(t, db, "export", "ics"); ics.code != 0 || strings.Contains(ics.stdout, "UID:plan-") {
		t.Errorf("export ics without --plan: %d, has plan blocks: %v", ics.code, strings.Contains(ics.stdout, "UID:plan-"))
	}
	if ics := runCLI(t, db, "export", "ics", "--plan"); ics.code != 0 || !strings.Contains(ics.stdout, "UID:plan-") ||
		!strings.Contains(ics.stdout, "SUMMARY:Study: Read SQL Server 2008 Internals\\, pp. 251-290") {
		t.Errorf("export ics --plan: %d %s\n%s", ics.code, ics.stderr, ics.stdout)
	}
	if r := runCLI(t, db, "plan", "speed", "book", "0"); r.code == 0 || !strings.Contains(r.stderr, "out of range") {
		t.Errorf("a speed of 0: exit %d %s", r.code, r.stderr)
	}
	if r := runCLI(t, db, "plan", "availability", "Mon 21:00-19:00"); r.code == 0 {
		t.Errorf("a backwards range was accepted")
	}
}
