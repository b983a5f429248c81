// Package transfer moves records across the app's edge as files: CSV (our
// own columns and Goodreads), plain text lists, and exports. Importers never
// write anything: they return a Preview of the rows to add and the rows
// rejected with their line and reason, and the store writes the accepted
// rows in one transaction. A file that cannot be read as a whole (empty,
// binary, not UTF-8, badly quoted, too long) is refused with an error and
// nothing of it is imported.
//
// csvutil.go holds the helpers every importer and exporter shares:
// CheckInput, ReadCSV, Header, the formula-safe SafeCell/UnescapeCell pair,
// WriteCSV, ParseIntCell, and the Preview and Rejected types.
package transfer

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/masterplan-app/masterplan/data"
)

// Import limits. MaxImportRows is far beyond any real reading list or
// study log and keeps a wrong file (a database dump, a log) from stalling
// the app; MaxImportBytes bounds what is read into memory.
const (
	MaxImportRows  = 100_000
	MaxImportBytes = 64 << 20
)

// Errors for files refused as a whole. They match data.ErrInvalid, so the
// CLI treats them as bad input; the wrapping error names the file.
var (
	ErrEmptyFile   = fmt.Errorf("%w: the file is empty; choose a file with at least one row", data.ErrInvalid)
	ErrNotText     = fmt.Errorf("%w: the file is not UTF-8 text", data.ErrInvalid)
	ErrTooManyRows = fmt.Errorf("%w: the file has more than %d rows; nothing was imported, split it into smaller files", data.ErrInvalid, MaxImportRows)
	ErrTooLarge    = fmt.Errorf("%w: the file is larger than %d MB; nothing was imported, split it into smaller files", data.ErrInvalid, MaxImportBytes>>20)
)

// Rejected is one row an import leaves out: its line in the file (1-based,
// the line where the row starts), the column at fault (as the file names it;
// "" when the whole row is at fault) and the reason, which says how to fix
// it. A row wrong in several columns has one Rejected per column.
type Rejected struct {
	Line   int
	Field  string
	Reason string
}

func (r Rejected) String() string {
	if r.Field == "" {
		return fmt.Sprintf("line %d: %s", r.Line, r.Reason)
	}
	return fmt.Sprintf("line %d: %s: %s", r.Line, r.Field, r.Reason)
}

// Preview is what an import would do, before anything is written: the
// records to add, each with the line it came from (Lines[i] for
// Accepted[i]), the rows rejected, the rows skipped as repeats, and notes
// about the file as a whole (a column that was ignored, a value read a
// particular way).
type Preview[T any] struct {
	Format   string
	Accepted []T
	Lines    []int
	Rejected []Rejected
	Warnings []string
	// Repeats counts the rows left out because they repeat an earlier row
	// of the file or a record already stored: importing a file twice adds
	// nothing, and that is not an error.
	Repeats int
}

// RepeatsNote says how many repeats were skipped ("2 repeats skipped"),
// or "" when there were none.
func RepeatsNote(n int) string {
	switch n {
	case 0:
		return ""
	case 1:
		return "1 repeat skipped"
	}
	return fmt.Sprintf("%d repeats skipped", n)
}

// RejectedLines counts the distinct rows rejected (a row may be rejected
// for several columns).
func (p Preview[T]) RejectedLines() int {
	seen := map[int]bool{}
	for _, r := range p.Rejected {
		seen[r.Line] = true
	}
	return len(seen)
}

func (p *Preview[T]) accept(line int, v T) {
	p.Accepted = append(p.Accepted, v)
	p.Lines = append(p.Lines, line)
}

// RejectError turns a validation error for the row at line into Rejected
// entries: one per data.FieldError, the field renamed by column (data's
// field name → the file's column name; names not in the map are kept), or
// one entry for the whole row when err holds no FieldError.
func RejectError(line int, err error, column map[string]string) []Rejected {
	fes := data.FieldErrors(err)
	if len(fes) == 0 {
		return []Rejected{{Line: line, Reason: err.Error()}}
	}
	out := make([]Rejected, 0, len(fes))
	seen := map[string]bool{}
	for _, fe := range fes {
		field := fe.Field
		if c, ok := column[field]; ok {
			field = c
		}
		if seen[field] {
			continue // a value refused while parsing is not refused again by Validate
		}
		seen[field] = true
		out = append(out, Rejected{Line: line, Field: field, Reason: fe.Message})
	}
	return out
}

// StripBOM drops a UTF-8 byte order mark, which Excel writes at the start of
// "CSV UTF-8" files.
func StripBOM(b []byte) []byte { return bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")) }

// Text is b as every reader here takes it: without a UTF-8 byte order
// mark, and with CR-only line endings (Excel for Mac's "CSV (Macintosh)",
// classic Mac OS text) turned into LF. A file with any LF keeps its CRs:
// CRLF is read as it is, and a CR inside a cell is the cell's.
func Text(b []byte) []byte {
	b = StripBOM(b)
	if bytes.IndexByte(b, '\r') >= 0 && bytes.IndexByte(b, '\n') < 0 {
		b = bytes.ReplaceAll(b, []byte("\r"), []byte("\n"))
	}
	return b
}

// utf16BOM reports a UTF-16 byte order mark, little- or big-endian: what
// Excel's "Unicode text" and Windows Notepad's "Unicode" write.
func utf16BOM(b []byte) bool {
	return bytes.HasPrefix(b, []byte{0xff, 0xfe}) || bytes.HasPrefix(b, []byte{0xfe, 0xff})
}

// CheckInput refuses what no importer can read: a file over MaxImportBytes,
// an empty (or whitespace-only) file, and anything that is not UTF-8 text:
// UTF-16 (said so, with how to save as UTF-8), invalid UTF-8, NUL bytes
// (binary files) and control characters other than tab, CR and LF. The
// error names the line of the first bad byte.
func CheckInput(b []byte) error {
	if len(b) > MaxImportBytes {
		return ErrTooLarge
	}
	if utf16BOM(b) {
		return fmt.Errorf("%w: the file is UTF-16 text (Excel's \"Unicode text\", Notepad's \"Unicode\"); save it as UTF-8 (\"CSV UTF-8\" in Excel, \"UTF-8\" in Notepad) and import it again", ErrNotText)
	}
	b = Text(b)
	if len(bytes.TrimSpace(b)) == 0 {
		return ErrEmptyFile
	}
	line := 1
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return fmt.Errorf("%w: line %d has bytes that are not UTF-8; save the file as UTF-8 (\"CSV UTF-8\" in Excel)", ErrNotText, line)
		case r == 0:
			return fmt.Errorf("%w: line %d holds NUL bytes, so this is a binary file or UTF-16 text; save it as UTF-8 text", ErrNotText, line)
		case r < 0x20 && r != '\t' && r != '\r' && r != '\n':
			return fmt.Errorf("%w: line %d holds the control character U+%04X, which text files do not contain; is this a binary file?", ErrNotText, line, r)
		case r == '\n':
			line++
		}
		i += size
	}
	return nil
}

// Record is one CSV row and the line it starts on.
type Record struct {
	Line   int
	Fields []string
}

// ReadCSV checks b with CheckInput and parses it whole, so that a quoting
// error anywhere refuses the file before any row is used. The delimiter is
// the comma, or the semicolon or tab when the first line has more of those
// (Excel in many European locales writes semicolons). Blank rows and rows
// whose cells are all empty are skipped. The first record (the header, for
// files that have one) counts towards no limit; more than MaxImportRows
// records after it fail with ErrTooManyRows.
func ReadCSV(b []byte) ([]Record, error) {
	if err := CheckInput(b); err != nil {
		return nil, err
	}
	b = Text(b)
	r := csv.NewReader(bytes.NewReader(b))
	r.Comma = sniffDelimiter(b)
	r.FieldsPerRecord = -1
	var out []Record
	for {
		fields, err := r.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, csvError(err)
		}
		if allBlank(fields) {
			continue
		}
		line, _ := r.FieldPos(0)
		if len(out) > MaxImportRows {
			return nil, ErrTooManyRows
		}
		out = append(out, Record{Line: line, Fields: fields})
	}
}

// readTable reads a CSV file into its header and data rows. Callers check
// the header's columns first, then refuse an empty table with errNoRows: a
// lone data line with no header is a missing-column error, not "no rows".
// errNoRows is the error for a file with a header line and nothing below it.
var errNoRows = fmt.Errorf("%w: the file has a header line but no rows below it", data.ErrInvalid)

func readTable(b []byte) (Header, []Record, error) {
	recs, err := ReadCSV(b)
	if err != nil {
		return Header{}, nil, err
	}
	if len(recs) == 0 {
		return Header{}, nil, ErrEmptyFile
	}
	h, err := NewHeader(recs[0].Fields)
	if err != nil {
		return Header{}, nil, fmt.Errorf("line %d: %w", recs[0].Line, err)
	}
	return h, recs[1:], nil
}

func allBlank(fields []string) bool {
	for _, f := range fields {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// csvError rewrites encoding/csv's messages as a line and a fix.
func csvError(err error) error {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return fmt.Errorf("%w: %v", data.ErrInvalid, err)
	}
	var how string
	switch {
	case errors.Is(pe.Err, csv.ErrQuote):
		how = "a quoted field is not closed, or a quote inside it is not doubled; write \"\" for a quote inside quotes"
	case errors.Is(pe.Err, csv.ErrBareQuote):
		how = "a quote appears inside a field that is not quoted; put the whole field in quotes and double the quote (\"\")"
	default:
		how = pe.Err.Error()
	}
	where := fmt.Sprintf("line %d, column %d", pe.Line, pe.Column)
	if pe.StartLine != pe.Line {
		where = fmt.Sprintf("the row that starts on line %d (reading on to line %d)", pe.StartLine, pe.Line)
	}
	return fmt.Errorf("%w: %s: %s; nothing was imported", data.ErrInvalid, where, how)
}

// sniffDelimiter picks the delimiter from the first line, counting outside quotes.
func sniffDelimiter(b []byte) rune {
	first, _, _ := bytes.Cut(b, []byte("\n"))
	counts := map[rune]int{}
	quoted := false
	for _, c := range string(first) {
		switch {
		case c == '"':
			quoted = !quoted
		case !quoted && (c == ',' || c == ';' || c == '\t'):
			counts[c]++
		}
	}
	switch {
	case counts[';'] > counts[','] && counts[';'] >= counts['\t']:
		return ';'
	case counts['\t'] > counts[','] && counts['\t'] > counts[';']:
		return '\t'
	default:
		return ','
	}
}

// HeaderKey normalises a column name for lookup: case, surrounding spaces
// and inner runs of spaces do not matter ("Number of  Pages" = "number of pages").
func HeaderKey(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(strings.TrimPrefix(s, "\ufeff")), " "))
}

// Header maps the column names of a CSV file (normalised by HeaderKey) to
// their position, so rows can be read by name in any column order.
type Header struct {
	index map[string]int
	names []string // as written in the file, for messages
}

// NewHeader reads the header row. Empty names are allowed (and ignored); a
// name that appears twice is refused, as its cells would be ambiguous.
func NewHeader(fields []string) (Header, error) {
	h := Header{index: make(map[string]int, len(fields)), names: fields}
	for i, f := range fields {
		k := HeaderKey(f)
		if k == "" {
			continue
		}
		if j, dup := h.index[k]; dup {
			return Header{}, fmt.Errorf("%w: the header names the column %q twice (columns %d and %d); rename or remove one", data.ErrInvalid, strings.TrimSpace(f), j+1, i+1)
		}
		h.index[k] = i
	}
	return h, nil
}

// Has reports whether the file has the column.
func (h Header) Has(name string) bool {
	_, ok := h.index[HeaderKey(name)]
	return ok
}

// Name returns the column name as the file writes it (trimmed), or name
// itself when the file has no such column.
func (h Header) Name(name string) string {
	if i, ok := h.index[HeaderKey(name)]; ok {
		return strings.TrimSpace(strings.TrimPrefix(h.names[i], "\ufeff"))
	}
	return name
}

// Get returns the trimmed, unescaped (see UnescapeCell) cell of column name
// in row, or "" when the file has no such column or the row is short.
func (h Header) Get(row []string, name string) string {
	i, ok := h.index[HeaderKey(name)]
	if !ok || i >= len(row) {
		return ""
	}
	return UnescapeCell(strings.TrimSpace(row[i]))
}

// Unknown lists the file's columns that are not in known, in file order,
// for a warning that they were ignored.
func (h Header) Unknown(known ...string) []string {
	want := map[string]bool{}
	for _, k := range known {
		want[HeaderKey(k)] = true
	}
	var out []string
	for _, n := range h.names {
		if k := HeaderKey(n); k != "" && !want[k] {
			out = append(out, strings.TrimSpace(strings.TrimPrefix(n, "\ufeff")))
		}
	}
	return out
}

// formulaStart reports whether a spreadsheet would run s as a formula (or
// treat it as one once a leading quote is stripped).
func formulaStart(s string) bool {
	s = strings.TrimLeft(s, "'")
	return s != "" && strings.ContainsRune("=+-@\t\r\n", rune(s[0]))
}

// SafeCell makes a cell safe to open in a spreadsheet: a cell starting with
// = + - @, a tab, CR or LF gets a leading single quote, so Excel and
// LibreOffice show it as text instead of running it. A cell that already
// starts with quotes before such a character gets one more, so that
// UnescapeCell gives back exactly the original.
func SafeCell(s string) string {
	if formulaStart(s) {
		return "'" + s
	}
	return s
}

// UnescapeCell undoes SafeCell: one leading quote is dropped when what
// follows would have needed it. Importers call it (through Header.Get) so
// that re-importing an export gives back the same text.
func UnescapeCell(s string) string {
	if strings.HasPrefix(s, "'") && formulaStart(s[1:]) {
		return s[1:]
	}
	return s
}

// WriteCSV writes a header and rows as comma-separated UTF-8 with every cell
// passed through SafeCell.
func WriteCSV(w io.Writer, header []string, rows [][]string) error {
	cw := csv.NewWriter(w)
	safe := func(cells []string) []string {
		out := make([]string, len(cells))
		for i, c := range cells {
			out[i] = SafeCell(c)
		}
		return out
	}
	if err := cw.Write(safe(header)); err != nil {
		return err
	}
	for _, row := range rows {
		if err := cw.Write(safe(row)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// ParseIntCell reads a whole number between lo and hi for field, with a
// message that says what was found and what is expected.
func ParseIntCell(field, s string, lo, hi int) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return 0, data.Invalid(field, "%q is not a whole number; write a number from %d to %d", s, lo, hi)
	}
	if n < lo || n > hi {
		return 0, data.Invalid(field, "is %d; write a number from %d to %d", n, lo, hi)
	}
	return n, nil
}

// NormaliseNewlines turns CRLF and lone CR inside a cell into LF, as
// encoding/csv does for CRLF only, so text compares equal however it was saved.
func NormaliseNewlines(s string) string {
	if !strings.ContainsRune(s, '\r') {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}
