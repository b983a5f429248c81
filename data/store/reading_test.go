package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/pressly/goose/v3"

	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/transfer"
)

// addReading stores an item or fails the test.
func addReading(t testing.TB, s *Store, it data.ReadingItem) data.ReadingItem {
	t.Helper()
	it, err := s.SaveReadingItem(context.Background(), it, date(t, "2026-03-08"))
	if err != nil {
		t.Fatalf("save %q: %v", it.Title, err)
	}
	return it
}

// readingTitles lists the titles of the reading list in its order.
func readingTitles(t testing.TB, s *Store) []string {
	t.Helper()
	items, err := s.ReadingItems(context.Background())
	if err != nil {
		t.Fatalf("reading items: %v", err)
	}
	out := []string{}
	for _, it := range items {
		out = append(out, it.Title)
	}
	return out
}

func TestReadingMigrationFromFoundation(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "masterplan.db")
	// A file as the foundation release left it: migrated to 00001 only, with a rotation.
	embedded := mustMigrations(t)
	first, err := fs.ReadFile(embedded, "00001_foundation.sql")
	if err != nil {
		t.Fatal(err)
	}
	if err := prepareFile(path); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", DSN(path))
	if err != nil {
		t.Fatal(err)
	}
	p, err := goose.NewProvider(goose.DialectSQLite3, db, fstest.MapFS{"00001_foundation.sql": {Data: first}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Up(ctx); err != nil {
		t.Fatalf("migrate to 00001: %v", err)
	}
	if _, err := db.Exec(`INSERT INTO rotations (track, created_at) VALUES ('MCM: SQL Server 2008', '2026-01-01T00:00:00Z')`); err != nil {
		t.Fatal(err)
	}
	db.Close()

	s := openAt(t, path)
	if v, _ := fileVersion(ctx, s.db); v < 2 {
		t.Fatalf("file at version %d after Open, want at least 2", v)
	}
	if r, err := s.Rotation(ctx); err != nil || r.Track != "MCM: SQL Server 2008" {
		t.Errorf("rotation after migrating = %+v, %v; want the foundation's row kept", r, err)
	}
	it := addReading(t, s, data.ReadingItem{Title: "Inside SQL Server", Size: 800, Done: 100})
	if got, err := s.ReadingItem(ctx, it.ID); err != nil || got.Done != 100 {
		t.Errorf("item after migrating = %+v, %v", got, err)
	}
}

func TestReadingTableRefusesWhatTheDomainRefuses(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	bad := map[string]string{
		"progress over size": `INSERT INTO reading_items (title, kind, unit, size, done, status, added_on) VALUES ('x', 'book', 'pages', 10, 11, 'reading', '2026-03-08')`,
		"progress, no size":  `INSERT INTO reading_items (title, kind, unit, size, done, status, added_on) VALUES ('x', 'book', 'pages', 0, 1, 'reading', '2026-03-08')`,
		"unknown status":     `INSERT INTO reading_items (title, kind, unit, status, added_on) VALUES ('x', 'book', 'pages', 'later', '2026-03-08')`,
		"priority 4":         `INSERT INTO reading_items (title, kind, unit, status, priority, added_on) VALUES ('x', 'book', 'pages', 'to read', 4, '2026-03-08')`,
		"empty title":        `INSERT INTO reading_items (title, kind, unit, status, added_on) VALUES ('', 'book', 'pages', 'to read', '2026-03-08')`,
		"progress of 0":      `INSERT INTO reading_progress (item_id, day, units) VALUES (1, '2026-03-08', 0)`,
	}
	for name, q := range bad {
		t.Run(name, func(t *testing.T) {
			if _, err := s.db.Exec(q); err == nil {
				t.Errorf("the table accepted %s", name)
			}
		})
	}
}

func TestSaveReadingItem(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	today := date(t, "2026-03-08")

	t.Run("a title alone gets the defaults", func(t *testing.T) {
		it := addReading(t, s, data.ReadingItem{Title: "  Mastering Exchange  "})
		got, err := s.ReadingItem(ctx, it.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := data.ReadingItem{ID: it.ID, Title: "Mastering Exchange", Kind: data.ReadingBook, Unit: data.ReadingPages,
			Status: data.ReadingToRead, Priority: 2, AddedOn: today}
		if got != want {
			t.Errorf("stored %+v, want %+v", got, want)
		}
	})
	t.Run("every field round-trips and an edit replaces them", func(t *testing.T) {
		it := addReading(t, s, data.ReadingItem{Title: "Transport deep dive", Author: "Ross Smith", Kind: "video", Topic: "Transport",
			URL: "https://example.com/t", Size: 90, Unit: "minutes", Done: 30, Status: "reading", Priority: 1,
			Due: date(t, "2026-04-01"), Notes: "line 1\nline 2"})
		got, err := s.ReadingItem(ctx, it.ID)
		if err != nil || got != it {
			t.Fatalf("stored %+v, %v; want %+v", got, err, it)
		}
		it.Title, it.Priority, it.Due, it.Notes = "Transport deep dive (2nd ed.)", 3, data.Date{}, ""
		if _, err := s.SaveReadingItem(ctx, it, today); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.ReadingItem(ctx, it.ID); got != it {
			t.Errorf("after edit %+v, want %+v", got, it)
		}
	})
	t.Run("invalid items are refused with the field named and nothing stored", func(t *testing.T) {
		before := count(t, s, "reading_items")
		for name, it := range map[string]data.ReadingItem{
			"progress over size": {Title: "A", Size: 100, Done: 120},
			"negative size":      {Title: "B", Size: -5},
			"no title":           {Author: "Nobody"},
			"bad url":            {Title: "C", URL: "ftp://x"},
		} {
			_, err := s.SaveReadingItem(ctx, it, today)
			if !errors.Is(err, data.ErrInvalid) || len(data.FieldErrors(err)) == 0 {
				t.Errorf("%s: err = %v, want a field error", name, err)
			}
		}
		if n := count(t, s, "reading_items"); n != before {
			t.Errorf("%d rows after refused saves, want %d", n, before)
		}
	})
	t.Run("editing a missing item is not found", func(t *testing.T) {
		_, err := s.SaveReadingItem(ctx, data.ReadingItem{ID: 9999, Title: "Ghost"}, today)
		if !errors.Is(err, data.ErrNotFound) {
			t.Errorf("err = %v, want not found", err)
		}
		if _, err := s.ReadingItem(ctx, 9999); !errors.Is(err, data.ErrNotFound) {
			t.Errorf("ReadingItem(9999) err = %v, want not found", err)
		}
	})
}

func TestReadingItemsOrder(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	addReading(t, s, data.ReadingItem{Title: "Later", Priority: 3})
	addReading(t, s, data.ReadingItem{Title: "Soon", Priority: 1, Due: date(t, "2026-04-01")})
	addReading(t, s, data.ReadingItem{Title: "First", Priority: 1, Due: date(t, "2026-03-20")})
	addReading(t, s, data.ReadingItem{Title: "Middle"})
	got := strings.Join(readingTitles(t, s), ", ")
	if want := "First, Soon, Middle, Later"; got != want {
		t.Errorf("order %s, want %s", got, want)
	}
}

func TestReadingProgressLog(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	it := addReading(t, s, data.ReadingItem{Title: "Exchange Server 2010 Inside Out", Size: 300, Done: 40})
	days := []string{"2026-03-01", "2026-03-05", "2026-03-08"}
	for i, page := range []int{100, 90, 300} {
		if _, err := s.SetReadingProgress(ctx, it.ID, page, date(t, days[i])); err != nil {
			t.Fatalf("progress %d: %v", page, err)
		}
	}
	got, err := s.ReadingItem(ctx, it.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Done != 300 || got.Status != data.ReadingDone {
		t.Errorf("after reaching the size: done %d status %q, want 300 done", got.Done, got.Status)
	}
	log, err := s.ReadingProgress(ctx, date(t, "2026-03-02"))
	if err != nil {
		t.Fatal(err)
	}
	want := []data.ProgressEntry{{ItemID: it.ID, Date: date(t, "2026-03-05"), Units: -10}, {ItemID: it.ID, Date: date(t, "2026-03-08"), Units: 210}}
	if len(log) != len(want) || log[0] != want[0] || log[1] != want[1] {
		t.Errorf("log since 03-02 = %v, want %v (the 40 pages it was added with are not logged)", log, want)
	}

	t.Run("progress over the size is refused and changes nothing", func(t *testing.T) {
		_, err := s.SetReadingProgress(ctx, it.ID, 301, date(t, "2026-03-08"))
		if !errors.Is(err, data.ErrInvalid) {
			t.Errorf("err = %v, want invalid", err)
		}
		if n := count(t, s, "reading_progress"); n != 3 {
			t.Errorf("%d log rows, want 3", n)
		}
	})
	t.Run("an edit in the form logs the difference", func(t *testing.T) {
		other := addReading(t, s, data.ReadingItem{Title: "Whitepaper", Kind: "whitepaper", Size: 50})
		other.Done = 20
		if _, err := s.SaveReadingItem(ctx, other, date(t, "2026-03-08")); err != nil {
			t.Fatal(err)
		}
		log, _ := s.ReadingProgress(ctx, date(t, "2026-03-08"))
		if last := log[len(log)-1]; last.ItemID != other.ID || last.Units != 20 {
			t.Errorf("last log entry %+v, want 20 units of item %d", last, other.ID)
		}
	})
	t.Run("ticking done logs what was left", func(t *testing.T) {
		v := addReading(t, s, data.ReadingItem{Title: "Video", Kind: "video", Size: 60, Done: 15})
		got, err := s.SetReadingStatus(ctx, v.ID, "done", date(t, "2026-03-08"))
		if err != nil || got.Done != 60 {
			t.Fatalf("status done: %+v, %v", got, err)
		}
		log, _ := s.ReadingProgress(ctx, date(t, "2026-03-08"))
		if last := log[len(log)-1]; last.ItemID != v.ID || last.Units != 45 {
			t.Errorf("last log entry %+v, want 45 units of item %d", last, v.ID)
		}
		if _, err := s.SetReadingStatus(ctx, v.ID, "someday", date(t, "2026-03-08")); !errors.Is(err, data.ErrInvalid) {
			t.Errorf("unknown status err = %v, want invalid", err)
		}
	})
}

func TestDeleteAndUndoReading(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	a := addReading(t, s, data.ReadingItem{Title: "A", Size: 10})
	b := addReading(t, s, data.ReadingItem{Title: "B"})
	if _, err := s.SetReadingProgress(ctx, a.ID, 5, date(t, "2026-03-08")); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteReadingItem(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(readingTitles(t, s), ","); got != "B" {
		t.Errorf("list after delete %q, want B", got)
	}
	if _, err := s.ReadingItem(ctx, a.ID); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("deleted item: err = %v, want not found", err)
	}
	if log, _ := s.ReadingProgress(ctx, date(t, "2026-01-01")); len(log) != 0 {
		t.Errorf("the deleted item's log still counts: %v", log)
	}
	if err := s.UndeleteReadingItem(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if got, err := s.ReadingItem(ctx, a.ID); err != nil || got.Done != 5 {
		t.Errorf("undone item = %+v, %v; want it back with its progress", got, err)
	}
	if log, _ := s.ReadingProgress(ctx, date(t, "2026-01-01")); len(log) != 1 {
		t.Errorf("log after undo %v, want the 5 pages back", log)
	}

	// Only the last deletion can be undone: the next one purges the earlier.
	if err := s.DeleteReadingItem(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteReadingItem(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.UndeleteReadingItem(ctx, a.ID); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("undo of an older deletion: err = %v, want not found", err)
	}
	if n := count(t, s, "reading_progress"); n != 0 {
		t.Errorf("%d log rows of the purged item remain", n)
	}
	if err := s.PurgeDeletedReading(ctx); err != nil {
		t.Fatal(err)
	}
	if err := s.UndeleteReadingItem(ctx, b.ID); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("undo after purge: err = %v, want not found", err)
	}
	if n := count(t, s, "reading_items"); n != 0 {
		t.Errorf("%d rows after purge, want 0", n)
	}
	if err := s.DeleteReadingItem(ctx, 12345); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("delete of a missing item: err = %v, want not found", err)
	}
}

func TestImportReadingItems(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	today := date(t, "2026-03-08")
	addReading(t, s, data.ReadingItem{Title: "Already here", Author: "Me"})
	batch := func() []data.ReadingItem {
		return []data.ReadingItem{
			{Title: "already HERE", Author: "me"},
			{Title: "New book", Size: 200},
			{URL: "https://learn.example.com/exchange/"},
			{Title: "Docs", URL: "https://www.learn.example.com/exchange"},
		}
	}
	got, err := s.ImportReadingItems(ctx, batch(), today)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Added) != 2 || got.Existing != 2 {
		t.Errorf("first import added %d, skipped %d; want 2 and 2", len(got.Added), got.Existing)
	}
	for _, it := range got.Added {
		if stored, err := s.ReadingItem(ctx, it.ID); err != nil || stored != it {
			t.Errorf("added %+v but stored %+v, %v", it, stored, err)
		}
	}
	again, err := s.ImportReadingItems(ctx, batch(), today)
	if err != nil {
		t.Fatal(err)
	}
	if len(again.Added) != 0 || again.Existing != 4 {
		t.Errorf("second import added %d, skipped %d; want 0 and 4", len(again.Added), again.Existing)
	}
	t.Run("one invalid item adds none", func(t *testing.T) {
		before := count(t, s, "reading_items")
		_, err := s.ImportReadingItems(ctx, []data.ReadingItem{{Title: "Fine"}, {Title: "Broken", Size: 10, Done: 11}}, today)
		if !errors.Is(err, data.ErrInvalid) || !strings.Contains(err.Error(), "item 2") {
			t.Errorf("err = %v, want invalid naming item 2", err)
		}
		if n := count(t, s, "reading_items"); n != before {
			t.Errorf("%d rows, want %d: a failed import must add nothing", n, before)
		}
	})
}

func TestReadingLeadDays(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	if n, err := s.ReadingLeadDays(ctx); err != nil || n != data.DefaultReadingLeadDays {
		t.Errorf("default = %d, %v; want %d", n, err, data.DefaultReadingLeadDays)
	}
	if err := s.SetReadingLeadDays(ctx, 21); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.ReadingLeadDays(ctx); n != 21 {
		t.Errorf("after set = %d, want 21", n)
	}
	if err := s.SetReadingLeadDays(ctx, -1); !errors.Is(err, data.ErrInvalid) {
		t.Errorf("set -1: err = %v, want invalid", err)
	}
	if n, _ := s.ReadingLeadDays(ctx); n != 21 {
		t.Errorf("a refused value changed the setting to %d", n)
	}
	if err := s.SetSetting(ctx, KeyReadingLeadDays, "lots"); err != nil {
		t.Fatal(err)
	}
	if n, err := s.ReadingLeadDays(ctx); err != nil || n != data.DefaultReadingLeadDays {
		t.Errorf("damaged value read as %d, %v; want the default", n, err)
	}
}

// BenchmarkImportReading adds a 10,000-item list in one transaction, as a
// large Goodreads export would be.
func BenchmarkImportReading(b *testing.B) {
	ctx := context.Background()
	items := make([]data.ReadingItem, 10000)
	for i := range items {
		items[i] = data.ReadingItem{Title: "Book " + strconv.Itoa(i), Size: 100 + i%400, Topic: "Topic " + strconv.Itoa(i%12)}
	}
	for b.Loop() {
		b.StopTimer()
		s, _ := openTemp(b)
		b.StartTimer()
		if _, err := s.ImportReadingItems(ctx, items, date(b, "2026-03-08")); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzImportReadingStore checks that whatever an importer accepts, the
// table accepts too: the domain's validation and the table's checks agree,
// so an import never fails half-way on a row the preview showed as fine.
func FuzzImportReadingStore(f *testing.F) {
	f.Add([]byte(readingSeedCSV))
	f.Add([]byte("Book Id,Title,Author,Number of Pages,Exclusive Shelf\n1,Été,Ann,0,read\n"))
	f.Add([]byte("- Title https://example.com/a\n# comment\nhttps://www.example.com/b/\n"))
	s, _ := openTemp(f)
	ctx := context.Background()
	today := date(f, "2026-03-08")
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := transfer.ImportReading("fuzz", b, transfer.ReadingAuto, nil, today)
		if err != nil {
			return
		}
		res, err := s.ImportReadingItems(ctx, p.Accepted, today)
		if err != nil {
			t.Fatalf("the store refused what the importer accepted: %v\n%q", err, b)
		}
		for _, it := range res.Added {
			got, err := s.ReadingItem(ctx, it.ID)
			if err != nil || got != it {
				t.Fatalf("stored %+v, %v; want %+v", got, err, it)
			}
		}
	})
}

const readingSeedCSV = `title,author,kind,topic,url,size,unit,done,status,priority,due,notes
Inside Out,Tony,book,Arch,,1200,pages,300,reading,1,2027-01-15,"two
lines"
Video,,video,,https://example.com/v,90,min,90,,3,,
Percent,,,,,,,40%,,,,
`

// The study screen's choices are the reading list's items, in its order,
// with what names them.
func TestReadingChoicesFollowTheList(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	for i, title := range []string{"Inside Out", "Mastering Exchange", "Pro PowerShell", "Deleted one"} {
		if _, err := s.db.ExecContext(ctx, `INSERT INTO reading_items (title, kind, unit, status, added_on, priority, due_date, topic, author)
			VALUES (?, 'book', 'pages', 'to read', ?, ?, ?, 'Transport', 'Someone')`, title, fmt.Sprintf("2026-03-0%d", 4-i), 1+i%2, []string{"", "2026-06-01", "2026-05-01", ""}[i]); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.db.ExecContext(ctx, `UPDATE reading_items SET deleted_at = '2026-03-08T08:00:00Z' WHERE title = 'Deleted one'`); err != nil {
		t.Fatal(err)
	}
	full, err := s.ReadingItems(ctx)
	if err != nil {
		t.Fatal(err)
	}
	choices, err := s.ReadingChoices(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(choices) != len(full) || len(full) != 3 {
		t.Fatalf("%d choices, %d items; want 3 each", len(choices), len(full))
	}
	for i := range full {
		if c, f := choices[i], full[i]; c.ID != f.ID || c.Title != f.Title || c.Topic != f.Topic {
			t.Errorf("choice %d = %d %q %q, want %d %q %q", i, c.ID, c.Title, c.Topic, f.ID, f.Title, f.Topic)
		}
	}
}
