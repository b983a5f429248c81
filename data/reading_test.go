package data

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
)

func readingDate(t *testing.T, s string) Date {
	t.Helper()
	v, err := ParseDate("test", s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func validItem() ReadingItem {
	return ReadingItem{Title: "Exchange Server 2010 Best Practices", Author: "Siegfried Jagott", Kind: ReadingBook,
		Size: 700, Unit: ReadingPages, Done: 120, Status: ReadingReading, Priority: 1}
}

func TestReadingItemValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(*ReadingItem)
		field  string // "" when the item is valid
		msg    string // part of the expected message
	}{
		{"valid", func(*ReadingItem) {}, "", ""},
		{"valid without size", func(it *ReadingItem) { it.Size, it.Done = 0, 0 }, "", ""},
		{"valid percent", func(it *ReadingItem) { it.Unit, it.Size, it.Done = ReadingPercent, 100, 100 }, "", ""},
		{"valid url", func(it *ReadingItem) { it.URL = "https://learn.microsoft.com/exchange/overview?view=2010#top" }, "", ""},
		{"missing title", func(it *ReadingItem) { it.Title = "  " }, "title", "is required"},
		{"title too long", func(it *ReadingItem) { it.Title = strings.Repeat("é", MaxNameLen+1) }, "title", "201 characters"},
		{"title on two lines", func(it *ReadingItem) { it.Title = "Part one\r\nPart two" }, "title", "one line"},
		{"notes on many lines", func(it *ReadingItem) { it.Notes = "a\nb\nc" }, "", ""},
		{"notes too long", func(it *ReadingItem) { it.Notes = strings.Repeat("x", MaxNoteLen+1) }, "notes", "limit is 4000"},
		{"negative size", func(it *ReadingItem) { it.Size, it.Done = -1, 0 }, "size", "at least 1 page"},
		{"size too big", func(it *ReadingItem) { it.Size = 9780596 }, "size", "ISBN"},
		{"percent size not 100", func(it *ReadingItem) { it.Unit, it.Size, it.Done = ReadingPercent, 350, 10 }, "size", "size is 100"},
		{"progress over size", func(it *ReadingItem) { it.Done = 701 }, "done", "more than the size 700"},
		{"percent over 100", func(it *ReadingItem) { it.Unit, it.Size, it.Done = ReadingPercent, 100, 101 }, "done", "at most 100"},
		{"negative progress", func(it *ReadingItem) { it.Done = -5 }, "done", "cannot be negative"},
		{"progress without size", func(it *ReadingItem) { it.Size, it.Done = 0, 10 }, "done", "enter the size first"},
		{"priority zero", func(it *ReadingItem) { it.Priority = 0 }, "priority", "use 1"},
		{"priority four", func(it *ReadingItem) { it.Priority = 4 }, "priority", "use 1"},
		{"unknown kind", func(it *ReadingItem) { it.Kind = "podcast" }, "kind", "lab guide"},
		{"unknown status", func(it *ReadingItem) { it.Status = "later" }, "status", "to read"},
		{"unknown unit", func(it *ReadingItem) { it.Unit = "chapters" }, "unit", "pages, minutes or percent"},
		{"ftp url", func(it *ReadingItem) { it.URL = "ftp://example.com/a.pdf" }, "url", "http://"},
		{"url without host", func(it *ReadingItem) { it.URL = "https:///path" }, "url", "http://"},
		{"url with space", func(it *ReadingItem) { it.URL = "https://example.com/a b" }, "url", "spaces"},
		{"url too long", func(it *ReadingItem) { it.URL = "https://example.com/" + strings.Repeat("a", MaxURLLen) }, "url", "limit is 2048"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			it := validItem()
			tc.change(&it)
			err := it.Validate()
			if tc.field == "" {
				if err != nil {
					t.Fatalf("Validate() = %v, want nil", err)
				}
				return
			}
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("Validate() = %v, want ErrInvalid", err)
			}
			msg := FieldMessage(err, tc.field)
			if !strings.Contains(msg, tc.msg) {
				t.Fatalf("message for %s = %q, want it to contain %q (all: %v)", tc.field, msg, tc.msg, err)
			}
			if n := len(FieldErrors(err)); n != 1 {
				t.Errorf("got %d field errors, want 1: %v", n, err)
			}
		})
	}
}

func TestApplyDefaults(t *testing.T) {
	tests := []struct {
		name string
		in   ReadingItem
		want ReadingItem
	}{
		{"title only", ReadingItem{Title: "  Inside SQL Server  "},
			ReadingItem{Title: "Inside SQL Server", Kind: ReadingBook, Unit: ReadingPages, Status: ReadingToRead, Priority: 2}},
		{"url only", ReadingItem{URL: "https://www.example.com/docs/ad-ds/"},
			ReadingItem{Title: "example.com/docs/ad-ds", URL: "https://www.example.com/docs/ad-ds/", Kind: ReadingDocumentation, Unit: ReadingPages, Status: ReadingToRead, Priority: 2}},
		{"video counts minutes", ReadingItem{Title: "Lync deep dive", Kind: "Video", Size: 90},
			ReadingItem{Title: "Lync deep dive", Kind: ReadingVideo, Unit: ReadingMinutes, Size: 90, Status: ReadingToRead, Priority: 2}},
		{"percent gets size 100", ReadingItem{Title: "E-book", Unit: "%", Done: 40},
			ReadingItem{Title: "E-book", Kind: ReadingBook, Unit: ReadingPercent, Size: 100, Done: 40, Status: ReadingReading, Priority: 2}},
		{"done fills progress", ReadingItem{Title: "Read", Size: 300, Status: "read"},
			ReadingItem{Title: "Read", Kind: ReadingBook, Unit: ReadingPages, Size: 300, Done: 300, Status: ReadingDone, Priority: 2}},
		{"aliases", ReadingItem{Title: "Post", Kind: "Blog", Status: "currently-reading", Unit: "min", Priority: 3},
			ReadingItem{Title: "Post", Kind: ReadingBlogPost, Status: ReadingReading, Unit: ReadingMinutes, Priority: 3}},
		{"unknown words kept for Validate", ReadingItem{Title: "X", Kind: "podcast", Status: "later", Unit: "chapters"},
			ReadingItem{Title: "X", Kind: "podcast", Status: "later", Unit: "chapters", Priority: 2}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.in
			got.ApplyDefaults()
			if got != tc.want {
				t.Fatalf("ApplyDefaults() =\n%+v, want\n%+v", got, tc.want)
			}
		})
	}
}

func TestTitleFromURLIsCut(t *testing.T) {
	got := TitleFromURL("https://example.com/" + strings.Repeat("a", 500))
	if n := len([]rune(got)); n != MaxNameLen {
		t.Fatalf("title has %d runes, want %d", n, MaxNameLen)
	}
	it := ReadingItem{URL: "https://example.com/" + strings.Repeat("a", 500)}
	it.ApplyDefaults()
	if err := it.Validate(); err != nil {
		t.Fatalf("item made from a long URL is invalid: %v", err)
	}
}

func TestParseReadingWords(t *testing.T) {
	tests := []struct {
		name  string
		parse func(string) (string, error)
		in    string
		want  string
		field string
	}{
		{"kind white paper", ParseReadingKind, "White  Paper", ReadingWhitepaper, ""},
		{"kind docs", ParseReadingKind, "docs", ReadingDocumentation, ""},
		{"kind lab", ParseReadingKind, "Lab", ReadingLabGuide, ""},
		{"kind unknown", ParseReadingKind, "podcast", "", "kind"},
		{"status to-read", ParseReadingStatus, "to-read", ReadingToRead, ""},
		{"status read", ParseReadingStatus, "READ", ReadingDone, ""},
		{"status dnf", ParseReadingStatus, "did-not-finish", ReadingDropped, ""},
		{"status unknown", ParseReadingStatus, "soon", "", "status"},
		{"unit percent sign", ParseReadingUnit, "%", ReadingPercent, ""},
		{"unit page", ParseReadingUnit, "Page", ReadingPages, ""},
		{"unit unknown", ParseReadingUnit, "hours", "", "unit"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.parse(tc.in)
			if tc.field != "" {
				if FieldMessage(err, tc.field) == "" {
					t.Fatalf("error = %v, want a message for %s", err, tc.field)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("= %q, %v; want %q", got, err, tc.want)
			}
		})
	}
}

func TestReadingKey(t *testing.T) {
	tests := []struct {
		name string
		a, b ReadingItem
		same bool
	}{
		{"case and punctuation", ReadingItem{Title: "Exchange 2010: Best Practices", Author: "Jagott"},
			ReadingItem{Title: "exchange 2010 best   practices", Author: "JAGOTT."}, true},
		{"other author", ReadingItem{Title: "Inside SQL Server", Author: "Delaney"},
			ReadingItem{Title: "Inside SQL Server", Author: "Ben-Gan"}, false},
		{"url normalised", ReadingItem{Title: "A", URL: "http://www.Example.com/docs/#intro"},
			ReadingItem{Title: "B", URL: "https://example.com/docs"}, true},
		{"url query matters", ReadingItem{URL: "https://example.com/docs?view=2010"},
			ReadingItem{URL: "https://example.com/docs?view=2013"}, false},
		{"same title other url", ReadingItem{Title: "Overview", URL: "https://example.com/a"},
			ReadingItem{Title: "Overview", URL: "https://example.com/b"}, false},
		{"accented letters kept", ReadingItem{Title: "Größe"}, ReadingItem{Title: "Grosse"}, false},
		// Punctuation that is part of a name makes another book (issue 16 item 8).
		{"C# is not C", ReadingItem{Title: "C# in Depth", Author: "Skeet"}, ReadingItem{Title: "C in Depth", Author: "Skeet"}, false},
		{"C++ is not C", ReadingItem{Title: "C++ Primer"}, ReadingItem{Title: "C Primer"}, false},
		{".NET is not NET", ReadingItem{Title: ".NET Internals"}, ReadingItem{Title: "NET Internals"}, false},
		{"ASP.NET is not ASP NET", ReadingItem{Title: "ASP.NET Core"}, ReadingItem{Title: "ASP NET Core"}, false},
		{"a version is not a number", ReadingItem{Title: "PowerShell 2.0"}, ReadingItem{Title: "PowerShell 20"}, false},
		{"trailing dot and colon fold", ReadingItem{Title: "C#: The Basics.", Author: "J. Doe"}, ReadingItem{Title: "c# the basics", Author: "J Doe"}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.a.Key() == tc.b.Key(); got != tc.same {
				t.Fatalf("Key %q vs %q: same = %v, want %v", tc.a.Key(), tc.b.Key(), got, tc.same)
			}
		})
	}
	keys := ReadingKeys([]ReadingItem{tests[0].a, tests[2].a})
	if !keys[tests[0].b.Key()] || !keys[tests[2].b.Key()] || len(keys) != 2 {
		t.Fatalf("ReadingKeys = %v", keys)
	}
}

func TestSetProgress(t *testing.T) {
	today := NewDate(2026, 3, 2)
	tests := []struct {
		name       string
		item       ReadingItem
		done       int
		wantStatus string
		wantUnits  int
		field      string
	}{
		{"starts reading", ReadingItem{ID: 7, Size: 300, Status: ReadingToRead}, 40, ReadingReading, 40, ""},
		{"reaches the end", ReadingItem{ID: 7, Size: 300, Done: 250, Status: ReadingReading}, 300, ReadingDone, 50, ""},
		{"corrected down reopens", ReadingItem{ID: 7, Size: 300, Done: 300, Status: ReadingDone}, 280, ReadingReading, -20, ""},
		{"dropped stays dropped", ReadingItem{ID: 7, Size: 300, Done: 10, Status: ReadingDropped}, 20, ReadingDropped, 10, ""},
		{"back to zero keeps reading", ReadingItem{ID: 7, Size: 300, Done: 10, Status: ReadingReading}, 0, ReadingReading, -10, ""},
		{"percent", ReadingItem{ID: 7, Size: 100, Unit: ReadingPercent, Status: ReadingToRead}, 100, ReadingDone, 100, ""},
		{"over the size", ReadingItem{Size: 300}, 301, "", 0, "done"},
		{"negative", ReadingItem{Size: 300}, -1, "", 0, "done"},
		{"no size", ReadingItem{}, 5, "", 0, "done"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			it := tc.item
			e, err := it.SetProgress(tc.done, today)
			if tc.field != "" {
				if FieldMessage(err, tc.field) == "" {
					t.Fatalf("error = %v, want one for %s", err, tc.field)
				}
				if it != tc.item {
					t.Fatalf("item changed on error: %+v", it)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if it.Done != tc.done || it.Status != tc.wantStatus {
				t.Errorf("item = done %d status %q, want %d %q", it.Done, it.Status, tc.done, tc.wantStatus)
			}
			if want := (ProgressEntry{ItemID: 7, Date: today, Units: tc.wantUnits}); e != want {
				t.Errorf("entry = %+v, want %+v", e, want)
			}
		})
	}
}

func TestSetStatus(t *testing.T) {
	today := NewDate(2026, 3, 2)
	it := ReadingItem{ID: 3, Size: 200, Done: 50, Status: ReadingReading}
	e, err := it.SetStatus("Done", today)
	if err != nil || it.Done != 200 || it.Status != ReadingDone || e.Units != 150 || e.ItemID != 3 || e.Date != today {
		t.Fatalf("SetStatus(done) = %+v, %v; item %+v", e, err, it)
	}
	e, err = it.SetStatus(ReadingDropped, today)
	if err != nil || e.Units != 0 || it.Status != ReadingDropped || it.Done != 200 {
		t.Fatalf("SetStatus(dropped) = %+v, %v; item %+v", e, err, it)
	}
	if _, err := it.SetStatus("later", today); FieldMessage(err, "status") == "" {
		t.Fatalf("SetStatus(later) = %v, want a status error", err)
	}
	unsized := ReadingItem{Status: ReadingToRead}
	if e, err := unsized.SetStatus(ReadingDone, today); err != nil || e.Units != 0 || unsized.Status != ReadingDone {
		t.Fatalf("unsized SetStatus(done) = %+v, %v", e, err)
	}
}

func TestFractionAndLeft(t *testing.T) {
	tests := []struct {
		name    string
		item    ReadingItem
		frac    float64
		ok      bool
		left    int
		percent float64
	}{
		{"half read", ReadingItem{Size: 400, Done: 200, Status: ReadingReading}, 0.5, true, 200, 50},
		{"done without size", ReadingItem{Status: ReadingDone}, 1, true, 0, 100},
		{"to read without size", ReadingItem{Status: ReadingToRead}, 0, false, 0, 0},
		{"dropped", ReadingItem{Size: 100, Done: 10, Status: ReadingDropped}, 0.1, true, 0, 10},
		{"done but progress behind", ReadingItem{Size: 100, Done: 10, Status: ReadingDone}, 1, true, 0, 100},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, ok := tc.item.Fraction()
			if f != tc.frac || ok != tc.ok || tc.item.Left() != tc.left || tc.item.PercentDone() != tc.percent {
				t.Fatalf("Fraction = %v,%v Left = %d Percent = %v; want %v,%v %d %v",
					f, ok, tc.item.Left(), tc.item.PercentDone(), tc.frac, tc.ok, tc.left, tc.percent)
			}
		})
	}
}

func TestOverdue(t *testing.T) {
	today := NewDate(2026, 3, 2)
	tests := []struct {
		name string
		item ReadingItem
		want bool
	}{
		{"no due date", ReadingItem{Status: ReadingToRead}, false},
		{"due yesterday", ReadingItem{Status: ReadingReading, Due: today.AddDays(-1)}, true},
		{"due today", ReadingItem{Status: ReadingReading, Due: today}, false},
		{"done late", ReadingItem{Status: ReadingDone, Due: today.AddDays(-1)}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.item.Overdue(today); got != tc.want {
				t.Fatalf("Overdue = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestReadingDeadline(t *testing.T) {
	tests := []struct {
		name  string
		start string
		days  int
		want  string
	}{
		{"default week", "2026-03-16", DefaultReadingLeadDays, "2026-03-09"},
		{"into a leap day", "2024-03-07", 7, "2024-02-29"},
		{"across the year", "2026-01-03", 7, "2025-12-27"},
		{"zero days", "2026-03-16", 0, "2026-03-16"},
		{"negative counts as zero", "2026-03-16", -5, "2026-03-16"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := ReadingDeadline(readingDate(t, tc.start), tc.days); got != readingDate(t, tc.want) {
				t.Fatalf("ReadingDeadline = %s, want %s", got, tc.want)
			}
		})
	}
	if got := ReadingDeadline(Date{}, 7); !got.IsZero() {
		t.Fatalf("no rotation: deadline = %s, want zero", got)
	}
	for _, n := range []int{-1, MaxReadingLeadDays + 1} {
		if CheckReadingLeadDays(n) == nil {
			t.Errorf("CheckReadingLeadDays(%d) = nil, want an error", n)
		}
	}
	if err := CheckReadingLeadDays(7); err != nil {
		t.Errorf("CheckReadingLeadDays(7) = %v", err)
	}
}

// progressOver spreads units evenly over the n days ending today for item id.
func progressOver(id int64, today Date, n, perDay int) []ProgressEntry {
	var log []ProgressEntry
	for i := range n {
		log = append(log, ProgressEntry{ItemID: id, Date: today.AddDays(-i), Units: perDay})
	}
	return log
}

func TestPace(t *testing.T) {
	today := NewDate(2026, 2, 1)
	book := func(id int64, size, done int, status string) ReadingItem {
		return ReadingItem{ID: id, Title: "b", Unit: ReadingPages, Size: size, Done: done, Status: status, Priority: 2, Kind: ReadingBook}
	}
	video := func(id int64, size, done int) ReadingItem {
		return ReadingItem{ID: id, Title: "v", Unit: ReadingMinutes, Size: size, Done: done, Status: ReadingReading, Priority: 2, Kind: ReadingVideo}
	}
	type want struct {
		items, done, unsized int
		percent              float64
		left                 float64
		perDay               float64
		unit                 string
		finish               Date
		onTrack, finished    bool
		behind               int
		verdict              string
	}
	tests := []struct {
		name     string
		items    []ReadingItem
		log      []ProgressEntry
		deadline Date
		want     want
	}{
		{"empty list", nil, nil, today.AddDays(30),
			want{unit: ReadingPages, finish: today, onTrack: true, finished: true, verdict: "The reading list is empty"}},
		{"no progress yet", []ReadingItem{book(1, 300, 0, ReadingToRead)}, nil, today.AddDays(30),
			want{items: 1, left: 300, perDay: 10, unit: ReadingPages, verdict: "No progress yet: 10 pages a day needed to finish by 2026-03-03 (the list's deadline)"}},
		{"on track", []ReadingItem{book(1, 340, 140, ReadingReading)}, progressOver(1, today, 14, 10), today.AddDays(30),
			want{items: 1, percent: 140.0 / 340 * 100, left: 200, perDay: 200.0 / 30, unit: ReadingPages, finish: today.AddDays(20), onTrack: true,
				verdict: "On track: at this pace you finish on 2026-02-21 (range 2026-02-21); 6.7 pages a day needed to finish by 2026-03-03 (the list's deadline)"}},
		{"exactly on the deadline", []ReadingItem{book(1, 440, 140, ReadingReading)}, progressOver(1, today, 14, 10), today.AddDays(30),
			want{items: 1, percent: 140.0 / 440 * 100, left: 300, perDay: 10, unit: ReadingPages, finish: today.AddDays(30), onTrack: true,
				verdict: "On track"}},
		{"behind", []ReadingItem{book(1, 640, 140, ReadingReading)}, progressOver(1, today, 14, 10), today.AddDays(30),
			want{items: 1, percent: 140.0 / 640 * 100, left: 500, perDay: 500.0 / 30, unit: ReadingPages, finish: today.AddDays(50), behind: 20,
				verdict: "Behind by 20 days: at this pace you finish on 2026-03-23 (range 2026-03-23); 16.7 pages a day needed to finish by 2026-03-03"}},
		{"partial day rounds the finish up", []ReadingItem{book(1, 301, 140, ReadingReading)}, progressOver(1, today, 14, 10), today.AddDays(30),
			want{items: 1, percent: 140.0 / 301 * 100, left: 161, perDay: 161.0 / 30, unit: ReadingPages, finish: today.AddDays(17), onTrack: true, verdict: "On track"}},
		{"already finished", []ReadingItem{book(1, 300, 300, ReadingDone), book(2, 100, 0, ReadingDropped)}, nil, today.AddDays(30),
			want{items: 1, done: 1, percent: 100, unit: ReadingPages, finish: today, onTrack: true, finished: true, verdict: "All read"}},
		{"deadline passed", []ReadingItem{book(1, 240, 140, ReadingReading)}, progressOver(1, today, 14, 10), today.AddDays(-3),
			want{items: 1, percent: 140.0 / 240 * 100, left: 100, perDay: 100, unit: ReadingPages, finish: today.AddDays(10), behind: 13, verdict: "Behind by 13 days"}},
		{"deadline today", []ReadingItem{book(1, 240, 140, ReadingReading)}, progressOver(1, today, 14, 10), today,
			want{items: 1, percent: 140.0 / 240 * 100, left: 100, perDay: 100, unit: ReadingPages, finish: today.AddDays(10), behind: 10, verdict: "Behind by 10 days"}},
		{"no deadline", []ReadingItem{book(1, 240, 140, ReadingReading)}, progressOver(1, today, 14, 10), Date{},
			want{items: 1, percent: 140.0 / 240 * 100, left: 100, unit: ReadingPages, finish: today.AddDays(10), verdict: "No reading deadline yet"}},
		{"items without size", []ReadingItem{book(1, 240, 140, ReadingReading), book(2, 0, 0, ReadingToRead), book(3, 0, 0, ReadingToRead), book(4, 0, 0, ReadingDone)},
			progressOver(1, today, 14, 10), today.AddDays(30),
			want{items: 4, done: 1, unsized: 2, percent: (140.0/240 + 1) / 4 * 100, left: 100, perDay: 100.0 / 30, unit: ReadingPages, finish: today.AddDays(10), onTrack: true,
				verdict: "On track: at this pace you finish on 2026-02-11 (range 2026-02-11); 3.3 pages a day needed to finish by 2026-03-03 (the list's deadline); 2 items without a size not counted"}},
		{"only items without size left", []ReadingItem{book(1, 240, 240, ReadingDone), book(2, 0, 0, ReadingToRead)}, nil, today.AddDays(30),
			want{items: 2, done: 1, unsized: 1, percent: 50, unit: ReadingPages, finish: today, onTrack: true, verdict: "1 item without a size not counted"}},
		{"pages and minutes: the slower one decides", []ReadingItem{book(1, 240, 140, ReadingReading), video(2, 600, 0)},
			append(progressOver(1, today, 14, 10), progressOver(2, today, 14, 5)...), today.AddDays(30),
			want{items: 2, percent: (140.0 / 240) / 2 * 100, left: 100, perDay: 100.0 / 30, unit: ReadingPages, finish: today.AddDays(120), behind: 90, verdict: "Behind by 90 days"}},
		{"pages done, minutes left headline", []ReadingItem{book(1, 240, 240, ReadingDone), video(2, 90, 30)}, progressOver(2, today, 3, 10), today.AddDays(30),
			want{items: 2, done: 1, percent: (1 + 30.0/90) / 2 * 100, left: 60, perDay: 2, unit: ReadingMinutes, verdict: "Too early to tell: 4 more days since the first needed for a forecast"}},
		{"a unit with no pace means no projection", []ReadingItem{book(1, 240, 140, ReadingReading), video(2, 90, 0)}, progressOver(1, today, 14, 10), today.AddDays(30),
			want{items: 2, percent: (140.0 / 240) / 2 * 100, left: 100, perDay: 100.0 / 30, unit: ReadingPages, verdict: "No progress in minutes in the last 14 days: 3.3 pages a day needed to finish by 2026-03-03"}},
		{"reading started 5 days ago is too early", []ReadingItem{book(1, 240, 40, ReadingReading)}, []ProgressEntry{{1, today.AddDays(-4), 40}}, today.AddDays(30),
			want{items: 1, percent: 40.0 / 240 * 100, left: 200, perDay: 200.0 / 30, unit: ReadingPages, verdict: "Too early to tell: 2 more days of reading and 2 more days since the first"}},
		{"old, future and unknown entries ignored", []ReadingItem{book(1, 240, 140, ReadingReading)},
			append(progressOver(1, today, 14, 10), ProgressEntry{1, today.AddDays(-14), 1000}, ProgressEntry{1, today.AddDays(1), 1000}, ProgressEntry{99, today, 1000}),
			today.AddDays(30),
			want{items: 1, percent: 140.0 / 240 * 100, left: 100, perDay: 100.0 / 30, unit: ReadingPages, finish: today.AddDays(10), onTrack: true, verdict: "On track"}},
		{"corrections that cancel out leave no pace", []ReadingItem{book(1, 240, 0, ReadingReading)},
			[]ProgressEntry{{1, today.AddDays(-2), 50}, {1, today, -50}}, today.AddDays(30),
			want{items: 1, left: 240, perDay: 8, unit: ReadingPages, verdict: "Too early to tell: 2 more days of reading"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Pace(tc.items, tc.log, today, tc.deadline)
			w := tc.want
			got := want{r.Items, r.DoneItems, r.Unsized, r.Percent, r.Left, r.PerDayNeeded, r.LeftUnit, r.ProjectedFinish, r.OnTrack, r.Finished, r.BehindDays, ""}
			w.verdict = ""
			if !readingApprox(got.percent, w.percent) || !readingApprox(got.perDay, w.perDay) {
				t.Errorf("percent %v perDay %v, want %v %v", got.percent, got.perDay, w.percent, w.perDay)
			}
			got.percent, got.perDay, w.percent, w.perDay = 0, 0, 0, 0
			if got != w {
				t.Errorf("Pace =\n%+v, want\n%+v", got, w)
			}
			if v := r.Verdict(); !strings.Contains(v, tc.want.verdict) {
				t.Errorf("Verdict = %q, want it to contain %q", v, tc.want.verdict)
			}
		})
	}
}

func readingApprox(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestPaceUnits(t *testing.T) {
	today := NewDate(2026, 2, 1)
	items := []ReadingItem{
		{ID: 1, Unit: ReadingPages, Size: 300, Done: 100, Status: ReadingReading},
		{ID: 2, Unit: ReadingPages, Size: 200, Done: 200, Status: ReadingDone},
		{ID: 3, Unit: ReadingPercent, Size: 100, Done: 30, Status: ReadingReading},
		{ID: 4, Unit: ReadingMinutes, Size: 60, Done: 0, Status: ReadingDropped},
	}
	log := append(progressOver(1, today, 14, 2), progressOver(3, today, 14, 1)...)
	deadline := today.AddDays(10)
	r := Pace(items, log, today, deadline)
	want := []UnitPace{
		{Unit: ReadingPages, Total: 500, Left: 200, PerDayNeeded: 20, Binding: deadline, ActualPerDay: 2,
			ProjectedFinish: today.AddDays(100), FinishEarliest: today.AddDays(100), FinishLatest: today.AddDays(100), BehindDays: 90},
		{Unit: ReadingPercent, Total: 100, Left: 70, PerDayNeeded: 7, Binding: deadline, ActualPerDay: 1,
			ProjectedFinish: today.AddDays(70), FinishEarliest: today.AddDays(70), FinishLatest: today.AddDays(70), BehindDays: 60},
	}
	if len(r.Units) != len(want) {
		t.Fatalf("Units = %+v, want %+v (dropped minutes left out)", r.Units, want)
	}
	for i := range want {
		if r.Units[i] != want[i] {
			t.Errorf("Units[%d] = %+v, want %+v", i, r.Units[i], want[i])
		}
	}
	if r.ProjectedFinish != today.AddDays(100) || r.BehindDays != 90 || r.Dropped != 1 {
		t.Errorf("projected %s behind %d dropped %d, want %s 90 1", r.ProjectedFinish, r.BehindDays, r.Dropped, today.AddDays(100))
	}
}

func TestPaceByTopic(t *testing.T) {
	today := NewDate(2026, 2, 1)
	items := []ReadingItem{
		{ID: 1, Topic: "Exchange", Unit: ReadingPages, Size: 100, Status: ReadingReading},
		{ID: 2, Topic: "", Unit: ReadingPages, Size: 50, Status: ReadingToRead},
		{ID: 3, Topic: " exchange ", Unit: ReadingPages, Size: 100, Status: ReadingToRead},
		{ID: 4, Topic: "Active Directory", Unit: ReadingPages, Size: 70, Done: 70, Status: ReadingDone},
	}
	log := append(progressOver(1, today, 14, 1), progressOver(4, today, 14, 5)...)
	got := PaceByTopic(items, log, today, today.AddDays(10))
	if len(got) != 3 {
		t.Fatalf("PaceByTopic gave %d topics, want 3: %+v", len(got), got)
	}
	wantTopics := []string{"Active Directory", "Exchange", ""}
	for i, w := range wantTopics {
		if got[i].Topic != w {
			t.Errorf("topic %d = %q, want %q", i, got[i].Topic, w)
		}
	}
	ex := got[1].Report
	if ex.Items != 2 || ex.Left != 200 || ex.Units[0].ActualPerDay != 1 || ex.ProjectedFinish != today.AddDays(200) || ex.BehindDays != 190 {
		t.Errorf("Exchange = %+v", ex)
	}
	if !got[0].Report.Finished || got[0].Report.Units[0].ActualPerDay != 5 {
		t.Errorf("Active Directory = %+v", got[0].Report)
	}
	if none := got[2].Report; none.Left != 50 || !none.ProjectedFinish.IsZero() {
		t.Errorf("no topic = %+v", none)
	}
}

func TestSortReading(t *testing.T) {
	day := NewDate(2026, 3, 1)
	items := []ReadingItem{
		{Title: "p2 no due", Priority: 2},
		{Title: "p1 due later", Priority: 1, Due: day.AddDays(5)},
		{Title: "p1 no due old", Priority: 1, AddedOn: day.AddDays(-9)},
		{Title: "p1 due soon", Priority: 1, Due: day},
		{Title: "P1 no due new b", Priority: 1, AddedOn: day},
		{Title: "p1 no due new a", Priority: 1, AddedOn: day},
		{Title: "p3", Priority: 3, Due: day.AddDays(-100)},
	}
	SortReading(items)
	want := []string{"p1 due soon", "p1 due later", "p1 no due old", "p1 no due new a", "P1 no due new b", "p2 no due", "p3"}
	for i, w := range want {
		if items[i].Title != w {
			t.Errorf("position %d = %q, want %q", i, items[i].Title, w)
		}
	}
}

func TestFilterReading(t *testing.T) {
	items := []ReadingItem{
		{ID: 1, Title: "Exchange 2010 Best Practices", Author: "Jagott", Topic: "Exchange", Status: ReadingReading},
		{ID: 2, Title: "Inside SQL Server", Topic: "SQL", Status: ReadingToRead, Notes: "borrowed from the library"},
		{ID: 3, Title: "HA docs", Topic: "exchange!", URL: "https://learn.example.com/dag", Status: ReadingDone},
	}
	tests := []struct {
		name string
		f    ReadingFilter
		want []int64
	}{
		{"all", ReadingFilter{}, []int64{1, 2, 3}},
		{"status", ReadingFilter{Status: ReadingToRead}, []int64{2}},
		{"topic ignores case and punctuation", ReadingFilter{Topic: "EXCHANGE"}, []int64{1, 3}},
		{"text in author", ReadingFilter{Text: "jagott"}, []int64{1}},
		{"text in notes", ReadingFilter{Text: " Library "}, []int64{2}},
		{"text in url", ReadingFilter{Text: "dag"}, []int64{3}},
		{"combined", ReadingFilter{Topic: "exchange", Status: ReadingDone, Text: "ha"}, []int64{3}},
		{"nothing", ReadingFilter{Text: "lync"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := FilterReading(items, tc.f)
			var ids []int64
			for _, it := range got {
				ids = append(ids, it.ID)
			}
			if fmt.Sprint(ids) != fmt.Sprint(tc.want) {
				t.Fatalf("FilterReading = %v, want %v", ids, tc.want)
			}
		})
	}
}

// The rules of the pace window, its verdict and its range, on the cases
// the forecasts issue names.
func TestPaceRules(t *testing.T) {
	today := NewDate(2026, 11, 1)
	book := func(id int64, size int, due Date) ReadingItem {
		return ReadingItem{ID: id, Title: "b", Unit: ReadingPages, Size: size, Status: ReadingReading, Priority: 2, Kind: ReadingBook, Due: due}
	}
	t.Run("one day of progress", func(t *testing.T) {
		// One evening of 230 pages: too early, with what is needed and missing.
		r := Pace([]ReadingItem{book(1, 1200, Date{})}, []ProgressEntry{{1, today, 230}}, today, today.AddDays(60))
		if !r.TooEarly || !r.ProjectedFinish.IsZero() || r.OnTrack || r.WindowDays != 1 || r.Verdicts() {
			t.Fatalf("%+v", r)
		}
		if r.Missing != "2 more days of reading and 6 more days since the first" {
			t.Errorf("missing %q", r.Missing)
		}
		if got := r.PaceText(); got != "230 pages a day over the last 1 day" {
			t.Errorf("pace %q", got)
		}
		if v := r.Verdict(); !strings.HasPrefix(v, "Too early to tell: 2 more days of reading") || !strings.Contains(v, "20 pages a day needed to finish by 2026-12-31") {
			t.Errorf("verdict %q", v)
		}
	})
	t.Run("progress every day for four weeks", func(t *testing.T) {
		// 10 pages a day, then 20 a day in the last week: 15 a day over 14
		// days, 20 over 7, 350/28 = 12.5 over 28.
		log := append(progressOver(1, today, 28, 10), progressOver(1, today, 7, 10)...)
		r := Pace([]ReadingItem{book(1, 2000, Date{})}, log, today, today.AddDays(45))
		if r.TooEarly || r.WindowDays != 14 || r.ActualPerDay != 15 {
			t.Fatalf("too early %v window %d pace %v", r.TooEarly, r.WindowDays, r.ActualPerDay)
		}
		r = Pace([]ReadingItem{book(1, 600, Date{})}, log, today, today.AddDays(45))
		if r.ProjectedFinish != today.AddDays(40) || r.FinishEarliest != today.AddDays(30) || r.FinishLatest != today.AddDays(48) || !r.OnTrack {
			t.Fatalf("finish %s range %s to %s on track %v", r.ProjectedFinish, r.FinishEarliest, r.FinishLatest, r.OnTrack)
		}
		if got := r.FinishRangeText(); got != "range 2026-12-01 to 2026-12-19" {
			t.Errorf("range %q", got)
		}
	})
	t.Run("a gap of 10 days counts as zeros", func(t *testing.T) {
		log := []ProgressEntry{{1, today.AddDays(-13), 10}, {1, today.AddDays(-12), 10}, {1, today.AddDays(-11), 10}, {1, today, 10}}
		r := Pace([]ReadingItem{book(1, 100, Date{})}, log, today, today.AddDays(50))
		if r.WindowDays != 14 || !readingApprox(r.ActualPerDay, 40.0/14) || r.TooEarly {
			t.Fatalf("window %d pace %v too early %v", r.WindowDays, r.ActualPerDay, r.TooEarly)
		}
		// 14 days: 40 pages, 35 days for 100; 7 days: 10 pages, 70 days.
		if r.ProjectedFinish != today.AddDays(35) || r.FinishEarliest != today.AddDays(35) || r.FinishLatest != today.AddDays(70) || !r.OnTrack || r.BehindDays != 0 {
			t.Fatalf("finish %s range %s to %s on track %v behind %d", r.ProjectedFinish, r.FinishEarliest, r.FinishLatest, r.OnTrack, r.BehindDays)
		}
	})
	t.Run("an item due before the list's deadline binds", func(t *testing.T) {
		due := today.AddDays(10)
		items := []ReadingItem{book(1, 100, due), book(2, 500, Date{})}
		deadline := today.AddDays(100)
		r := Pace(items, progressOver(2, today, 14, 8), today, deadline)
		// 100 pages in 10 days beat 600 in 100: 10 a day, by the item's date.
		if r.Binding != due || r.BindingIsList || !readingApprox(r.PerDayNeeded, 10) {
			t.Fatalf("binding %s (list %v) needing %v", r.Binding, r.BindingIsList, r.PerDayNeeded)
		}
		// At 8 a day the item is read 3 days late, though the list ends in time.
		if r.OnTrack || r.BehindDays != 3 {
			t.Fatalf("on track %v behind %d", r.OnTrack, r.BehindDays)
		}
		if got := r.NeedText(); got != "10 pages a day needed to finish by 2026-11-11 (an item's due date)" {
			t.Errorf("need %q", got)
		}
		// Without the early due date the list's deadline binds.
		items[0].Due = Date{}
		if r := Pace(items, progressOver(2, today, 14, 8), today, deadline); r.Binding != deadline || !r.BindingIsList || !readingApprox(r.PerDayNeeded, 6) || !r.OnTrack {
			t.Fatalf("binding %s (list %v) needing %v, on track %v", r.Binding, r.BindingIsList, r.PerDayNeeded, r.OnTrack)
		}
	})
	t.Run("the first progress older than the log", func(t *testing.T) {
		tally := TallyReading([]ReadingItem{book(1, 300, Date{})})
		tally.FirstProgress = today.AddDays(-60)
		r := PaceOfTally(tally, []UnitProgress{{ReadingPages, today, 10}, {ReadingPages, today.AddDays(-3), 10}}, today, today.AddDays(60))
		if r.TooEarly || r.WindowDays != 14 || r.ProgressDays != 3 {
			t.Fatalf("too early %v window %d days %d", r.TooEarly, r.WindowDays, r.ProgressDays)
		}
	})
}
