package transfer

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/masterplan-app/masterplan/data"
)

// ReadingFormat is the layout of a reading list file.
type ReadingFormat string

// The reading list formats. ReadingAuto asks ImportReading to tell them apart.
const (
	ReadingAuto      ReadingFormat = ""
	ReadingCSV       ReadingFormat = "csv"       // our columns, see ReadingColumns
	ReadingGoodreads ReadingFormat = "goodreads" // a Goodreads library export
	ReadingText      ReadingFormat = "text"      // one title or URL per line
)

// ParseReadingFormat reads a --format flag value; "" and "auto" mean detect.
func ParseReadingFormat(s string) (ReadingFormat, error) {
	switch f := ReadingFormat(strings.ToLower(strings.TrimSpace(s))); f {
	case "auto":
		return ReadingAuto, nil
	case ReadingAuto, ReadingCSV, ReadingGoodreads, ReadingText:
		return f, nil
	}
	return "", data.Invalid("format", "%q is not a reading list format; use auto, csv, goodreads or text", s)
}

// ReadingColumns are the columns of our reading list CSV, in export order.
// On import the names are case-insensitive, any order, and only title is
// required (or url, from which a title is made).
func ReadingColumns() []string {
	return []string{"title", "author", "kind", "topic", "url", "size", "unit", "done", "status", "priority", "due", "notes"}
}

// Goodreads export columns that ImportReading reads; the others are ignored.
const (
	grTitle       = "Title"
	grAuthor      = "Author"
	grPages       = "Number of Pages"
	grShelf       = "Exclusive Shelf"
	grShelves     = "Bookshelves"
	grDateAdded   = "Date Added"
	grNotes       = "Private Notes"
	grBookID      = "Book Id"
	grDateLayout  = "2006/01/02"
	grDateLayout2 = "2006-01-02"
)

// DetectReadingFormat tells the formats apart by the first line: a CSV
// header with a title (or url) column is ours, or Goodreads' when it also has a
// Goodreads column (Exclusive Shelf, Book Id, Bookshelves or Number of
// Pages); anything else is a plain list.
func DetectReadingFormat(b []byte) ReadingFormat {
	b = Text(b)
	for len(b) > 0 {
		var line []byte
		line, b, _ = bytes.Cut(b, []byte("\n"))
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		recs, err := ReadCSV(line)
		if err != nil || len(recs) == 0 {
			return ReadingText
		}
		// Column names are compared directly, not through NewHeader, so that
		// a header with a repeated name is still seen as CSV (and refused as such).
		cols := map[string]bool{}
		for _, f := range recs[0].Fields {
			cols[HeaderKey(f)] = true
		}
		switch {
		case !cols["title"] && !cols["url"]:
			return ReadingText
		case cols[HeaderKey(grShelf)] || cols[HeaderKey(grBookID)] || cols[HeaderKey(grShelves)] || cols[HeaderKey(grPages)]:
			return ReadingGoodreads
		default:
			return ReadingCSV
		}
	}
	return ReadingText
}

// notAList refuses, for auto-detection, a file that is not a list of titles
// although it has no title column: JSON (a whole-database export, most
// likely), and a table, that is a file of two or more lines that all split
// into the same number (two or more) of cells by one delimiter. Read as a
// list, its rows would become titles such as "Book A,Ann".
func notAList(b []byte) error {
	b = bytes.TrimSpace(Text(b))
	if len(b) > 0 && (b[0] == '{' || b[0] == '[') {
		return fmt.Errorf("%w: this is JSON, not a reading list; a MasterPlan export is imported whole with \"masterplan import json FILE\"", data.ErrInvalid)
	}
	recs, err := ReadCSV(b)
	if err != nil || len(recs) < 2 || len(recs[0].Fields) < 2 {
		return nil
	}
	for _, r := range recs[1:] {
		if len(r.Fields) != len(recs[0].Fields) {
			return nil
		}
	}
	cols := make([]string, 0, len(recs[0].Fields))
	for _, f := range recs[0].Fields {
		cols = append(cols, strings.TrimSpace(f))
	}
	return fmt.Errorf("%w: the file is a table with the columns %s, but none is a title or url column; name the columns as %s (only title, or url, is required), or import a Goodreads export as it is",
		data.ErrInvalid, strings.Join(cols, ", "), strings.Join(ReadingColumns(), ","))
}

// ImportReading reads a reading list file named name (for messages) in
// format (ReadingAuto to detect it) and returns what would be added.
// Items get today as their AddedOn unless the file says otherwise. A row
// whose item has the same Key as an earlier row, or as one of existing (see
// data.ReadingKeys), is skipped and counted in Repeats, so importing a file
// twice adds nothing and is not an error. The error is for a file refused as a whole: then nothing is
// accepted.
func ImportReading(name string, b []byte, format ReadingFormat, existing map[string]bool, today data.Date) (Preview[data.ReadingItem], error) {
	if err := CheckInput(b); err != nil {
		return Preview[data.ReadingItem]{}, fmt.Errorf("import %s: %w", name, err)
	}
	if format == ReadingAuto {
		if format = DetectReadingFormat(b); format == ReadingText {
			if err := notAList(b); err != nil {
				return Preview[data.ReadingItem]{}, fmt.Errorf("import %s: %w", name, err)
			}
		}
	}
	var (
		p   Preview[data.ReadingItem]
		err error
	)
	switch format {
	case ReadingCSV:
		p, err = importReadingCSV(b, today)
	case ReadingGoodreads:
		p, err = importGoodreads(b, today)
	case ReadingText:
		p, err = importReadingText(b, today)
	default:
		_, err = ParseReadingFormat(string(format))
	}
	if err != nil {
		return Preview[data.ReadingItem]{}, fmt.Errorf("import %s: %w", name, err)
	}
	p.Format = string(format)
	return dedupeReading(p, existing), nil
}

// dedupeReading skips, counting them in Repeats, the rows whose key was seen
// before, in the file (a Goodreads export lists each edition of a book:
// same title and author, another Book Id) or in existing, keeping the first.
func dedupeReading(p Preview[data.ReadingItem], existing map[string]bool) Preview[data.ReadingItem] {
	out := Preview[data.ReadingItem]{Format: p.Format, Rejected: p.Rejected, Warnings: p.Warnings, Repeats: p.Repeats}
	seen := map[string]bool{}
	for i, it := range p.Accepted {
		key := it.Key()
		if existing[key] || seen[key] {
			out.Repeats++
			continue
		}
		seen[key] = true
		out.accept(p.Lines[i], it)
	}
	return out
}

func ignoredColumns(h Header, known []string) []string {
	if u := h.Unknown(known...); len(u) > 0 {
		return []string{fmt.Sprintf("ignored the columns %s: MasterPlan does not use them", strings.Join(u, ", "))}
	}
	return nil
}

func importReadingCSV(b []byte, today data.Date) (Preview[data.ReadingItem], error) {
	h, rows, err := readTable(b)
	if err != nil {
		return Preview[data.ReadingItem]{}, err
	}
	if !h.Has("title") && !h.Has("url") {
		return Preview[data.ReadingItem]{}, fmt.Errorf("%w: the first line has no title column; it must name the columns, e.g. %s", data.ErrInvalid, strings.Join(ReadingColumns(), ","))
	}
	if len(rows) == 0 {
		return Preview[data.ReadingItem]{}, errNoRows
	}
	p := Preview[data.ReadingItem]{Warnings: ignoredColumns(h, ReadingColumns())}
	columns := map[string]string{}
	for _, c := range ReadingColumns() {
		columns[c] = h.Name(c)
	}
	for _, rec := range rows {
		get := func(col string) string { return h.Get(rec.Fields, col) }
		it := data.ReadingItem{
			Title: get("title"), Author: get("author"), Topic: get("topic"), URL: get("url"),
			Notes: NormaliseNewlines(get("notes")), AddedOn: today,
		}
		var errs []error
		parse := func(col string, f func(string) error) {
			if v := get(col); v != "" {
				if err := f(v); err != nil {
					errs = append(errs, err)
				}
			}
		}
		parse("kind", func(v string) (err error) { it.Kind, err = data.ParseReadingKind(v); return })
		parse("status", func(v string) (err error) { it.Status, err = data.ParseReadingStatus(v); return })
		parse("unit", func(v string) (err error) { it.Unit, err = data.ParseReadingUnit(v); return })
		parse("size", func(v string) (err error) {
			if it.Size, err = ParseIntCell("size", v, 0, data.MaxReadingSize); err == nil && it.Size == 0 {
				err = data.Invalid("size", "is 0; the size must be at least 1, or leave it empty when you do not know it")
			}
			return
		})
		parse("done", func(v string) (err error) {
			if strings.HasSuffix(v, "%") && it.Unit == "" {
				it.Unit = data.ReadingPercent // "40%" with no unit means progress in percent
			}
			it.Done, err = ParseIntCell("done", strings.TrimSpace(strings.TrimSuffix(v, "%")), 0, data.MaxReadingSize)
			return
		})
		parse("priority", func(v string) (err error) { it.Priority, err = ParseIntCell("priority", v, 1, 3); return })
		parse("due", func(v string) (err error) { it.Due, err = data.ParseDate("due", v); return })
		it.ApplyDefaults()
		errs = append(errs, it.Validate())
		if err := errors.Join(errs...); err != nil {
			p.Rejected = append(p.Rejected, RejectError(rec.Line, err, columns)...)
			continue
		}
		p.accept(rec.Line, it)
	}
	return p, nil
}

func importGoodreads(b []byte, today data.Date) (Preview[data.ReadingItem], error) {
	h, rows, err := readTable(b)
	if err != nil {
		return Preview[data.ReadingItem]{}, err
	}
	if !h.Has(grTitle) {
		return Preview[data.ReadingItem]{}, fmt.Errorf("%w: the first line has no Title column; is this a Goodreads library export (My Books → Import and export)?", data.ErrInvalid)
	}
	if len(rows) == 0 {
		return Preview[data.ReadingItem]{}, errNoRows
	}
	p := Preview[data.ReadingItem]{}
	columns := map[string]string{"title": h.Name(grTitle), "author": h.Name(grAuthor), "size": h.Name(grPages),
		"done": h.Name(grPages), "status": h.Name(grShelf), "notes": h.Name(grNotes), "topic": h.Name(grShelves)}
	unknownShelves := map[string]bool{}
	for _, rec := range rows {
		get := func(col string) string { return h.Get(rec.Fields, col) }
		it := data.ReadingItem{
			Title: get(grTitle), Author: get(grAuthor), Kind: data.ReadingBook, Unit: data.ReadingPages,
			Notes: NormaliseNewlines(get(grNotes)), AddedOn: today,
		}
		var errs []error
		// Goodreads writes 0 or nothing when it does not know the page count.
		if v := get(grPages); v != "" && v != "0" {
			var err error
			if it.Size, err = ParseIntCell("size", v, 1, data.MaxReadingSize); err != nil {
				errs = append(errs, err)
			}
		}
		shelf := get(grShelf)
		switch s, err := data.ParseReadingStatus(shelf); {
		case shelf == "":
			it.Status = data.ReadingToRead
		case err != nil:
			it.Status = data.ReadingToRead
			unknownShelves[shelf] = true
		default:
			it.Status = s
		}
		it.Topic = goodreadsTopic(get(grShelves))
		if v := get(grDateAdded); v != "" {
			if t, err := time.Parse(grDateLayout, v); err == nil {
				it.AddedOn = data.NewDate(t.Date())
			} else if t, err := time.Parse(grDateLayout2, v); err == nil {
				it.AddedOn = data.NewDate(t.Date())
			}
		}
		it.ApplyDefaults()
		errs = append(errs, it.Validate())
		if err := errors.Join(errs...); err != nil {
			p.Rejected = append(p.Rejected, RejectError(rec.Line, err, columns)...)
			continue
		}
		p.accept(rec.Line, it)
	}
	if len(unknownShelves) > 0 {
		names := make([]string, 0, len(unknownShelves))
		for s := range unknownShelves {
			names = append(names, s)
		}
		sort.Strings(names)
		p.Warnings = append(p.Warnings, fmt.Sprintf("read the shelves %s as \"to read\"", strings.Join(names, ", ")))
	}
	return p, nil
}

// goodreadsTopic takes the first of the user's own shelves ("exchange,
// to-read" gives "exchange") as the topic: shelves are how Goodreads users
// group books by subject. Status shelves are skipped.
func goodreadsTopic(shelves string) string {
	for _, s := range strings.Split(shelves, ",") {
		s = strings.TrimSpace(s)
		if _, err := data.ParseReadingStatus(s); s != "" && err != nil && len([]rune(s)) <= data.MaxNameLen {
			return s
		}
	}
	return ""
}

// importReadingText reads one item per line: a title, a URL, or both
// ("Title https://..." in either order). Blank lines and lines starting with
// # are skipped, and a leading list bullet (-, *, •) is dropped, so a list
// pasted from notes or Markdown imports as it reads.
func importReadingText(b []byte, today data.Date) (Preview[data.ReadingItem], error) {
	var p Preview[data.ReadingItem]
	lines := strings.Split(string(Text(b)), "\n")
	rows := 0
	for i, raw := range lines {
		line := strings.TrimSpace(raw)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if rows++; rows > MaxImportRows {
			return Preview[data.ReadingItem]{}, ErrTooManyRows
		}
		for _, bullet := range []string{"- ", "* ", "• "} {
			line = strings.TrimSpace(strings.TrimPrefix(line, bullet))
		}
		it := data.ReadingItem{AddedOn: today}
		var rest []string
		for _, w := range strings.Fields(line) {
			if it.URL == "" && isWebAddress(w) {
				it.URL = w
				continue
			}
			rest = append(rest, w)
		}
		if it.URL != "" {
			it.Title = strings.Trim(strings.Join(rest, " "), " -|:–—")
		} else {
			it.Title = line
		}
		it.ApplyDefaults()
		if err := it.Validate(); err != nil {
			p.Rejected = append(p.Rejected, RejectError(i+1, err, nil)...)
			continue
		}
		p.accept(i+1, it)
	}
	if rows == 0 {
		return Preview[data.ReadingItem]{}, fmt.Errorf("%w: the file has only blank lines and # comments; write one title or URL per line", data.ErrInvalid)
	}
	return p, nil
}

func isWebAddress(w string) bool {
	l := strings.ToLower(w)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// ExportReading writes items as our reading list CSV (ReadingColumns), safe
// to open in a spreadsheet; importing it back gives the same items.
func ExportReading(w io.Writer, items []data.ReadingItem) error {
	rows := make([][]string, 0, len(items))
	for _, it := range items {
		size := ""
		if it.Size > 0 {
			size = strconv.Itoa(it.Size)
		}
		rows = append(rows, []string{it.Title, it.Author, it.Kind, it.Topic, it.URL, size, it.Unit,
			strconv.Itoa(it.Done), it.Status, strconv.Itoa(it.Priority), it.Due.String(), it.Notes})
	}
	if err := WriteCSV(w, ReadingColumns(), rows); err != nil {
		return fmt.Errorf("export reading list: %w", err)
	}
	return nil
}
