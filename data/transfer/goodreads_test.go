package transfer

import (
	"os"
	"testing"

	"github.com/masterplan-app/masterplan/data"
)

// TestGoodreadsEditionsAreRepeats holds issue 16 item 8: a real Goodreads
// export lists one book in several editions (same title and author, another
// Book Id and ISBN). Each book is added once; the other editions are
// skipped and counted, never rejected, so the default all-or-nothing import
// takes the whole library. Importing it again adds nothing.
func TestGoodreadsEditionsAreRepeats(t *testing.T) {
	b, err := os.ReadFile("testdata/goodreads_library_export.csv")
	if err != nil {
		t.Fatal(err)
	}
	today := data.NewDate(2025, 6, 1)
	p, err := ImportReading("goodreads_library_export.csv", b, ReadingAuto, nil, today)
	if err != nil {
		t.Fatal(err)
	}
	if p.Format != string(ReadingGoodreads) || len(p.Rejected) != 0 || len(p.Accepted) != 8 || p.Repeats != 4 {
		t.Fatalf("format %q, accepted %d, repeats %d (want 8 and 4), rejected %v", p.Format, len(p.Accepted), p.Repeats, p.Rejected)
	}
	// The first edition listed is the one kept, with its shelf and notes.
	if first := p.Accepted[0]; first.Title != "Microsoft Exchange Server 2010 Inside Out" || first.Status != data.ReadingDone || first.Size != 1232 {
		t.Errorf("first item = %+v", first)
	}
	again, err := ImportReading("goodreads_library_export.csv", b, ReadingAuto, data.ReadingKeys(p.Accepted), today)
	if err != nil || len(again.Accepted) != 0 || len(again.Rejected) != 0 || again.Repeats != 12 {
		t.Fatalf("again: accepted %d, repeats %d, rejected %v, %v", len(again.Accepted), again.Repeats, again.Rejected, err)
	}
	// Titles that differ only in punctuation that names something are
	// different books.
	list := "Title,Author,Exclusive Shelf\nC# in Depth,Ann,to-read\nC in Depth,Ann,to-read\nC++ Primer,Ann,to-read\nC Primer,Ann,to-read\n" +
		".NET Internals,Ann,to-read\nNET Internals,Ann,to-read\n"
	p, err = ImportReading("gr.csv", []byte(list), ReadingGoodreads, nil, today)
	if err != nil || len(p.Accepted) != 6 || p.Repeats != 0 {
		t.Errorf("punctuation: accepted %d, repeats %d, rejected %v, %v", len(p.Accepted), p.Repeats, p.Rejected, err)
	}
}
