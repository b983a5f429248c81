package transfer

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/masterplan-app/masterplan/data"
)

func TestSafeCell(t *testing.T) {
	tests := []struct{ in, want string }{
		{"=SUM(A1:A9)", "'=SUM(A1:A9)"},
		{"+1", "'+1"},
		{"-2", "'-2"},
		{"@cmd", "'@cmd"},
		{"\tx", "'\tx"},
		{"\rx", "'\rx"},
		{"\nx", "'\nx"},
		{"'=quoted", "''=quoted"},
		{"''+", "'''+"},
		{"'plain", "'plain"},
		{"plain = text", "plain = text"},
		{"", ""},
		{"'", "'"},
		{"Exchange 2010", "Exchange 2010"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got := SafeCell(tc.in)
			if got != tc.want {
				t.Fatalf("SafeCell(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if back := UnescapeCell(got); back != tc.in {
				t.Fatalf("UnescapeCell(%q) = %q, want the original %q", got, back, tc.in)
			}
		})
	}
}

func TestWriteCSVIsFormulaSafe(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteCSV(&buf, []string{"a", "b"}, [][]string{{"=1+1", "ok"}, {"x,y", "say \"hi\""}}); err != nil {
		t.Fatal(err)
	}
	want := "a,b\n'=1+1,ok\n\"x,y\",\"say \"\"hi\"\"\"\n"
	if buf.String() != want {
		t.Fatalf("WriteCSV wrote %q, want %q", buf.String(), want)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs {
		for _, c := range r {
			if formulaStart(c) && !strings.HasPrefix(c, "'") {
				t.Errorf("cell %q would run as a formula", c)
			}
		}
	}
}

func TestCheckInput(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want error
		msg  string
	}{
		{"text", []byte("title\nA book\n"), nil, ""},
		{"bom and tabs", []byte("\xef\xbb\xbftitle\tauthor\r\nA\tB\r\n"), nil, ""},
		{"empty", nil, ErrEmptyFile, ""},
		{"only whitespace", []byte(" \r\n\t\n"), ErrEmptyFile, ""},
		{"only a bom", []byte("\xef\xbb\xbf"), ErrEmptyFile, ""},
		{"latin-1", []byte("title\nCaf\xe9\n"), ErrNotText, "line 2 has bytes that are not UTF-8"},
		{"utf-16", []byte("\xff\xfet\x00i\x00"), ErrNotText, "save it as UTF-8"},
		{"nul", []byte("a\nb\nc\x00d"), ErrNotText, "line 3 holds NUL"},
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00"), ErrNotText, ""},
		{"escape char", []byte("a\x1b[31m"), ErrNotText, "U+001B"},
		{"too large", bytes.Repeat([]byte("a"), MaxImportBytes+1), ErrTooLarge, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := CheckInput(tc.in)
			if !errors.Is(err, tc.want) {
				t.Fatalf("CheckInput = %v, want %v", err, tc.want)
			}
			if tc.want != nil && !errors.Is(err, data.ErrInvalid) {
				t.Errorf("%v does not match data.ErrInvalid", err)
			}
			if tc.msg != "" && !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("error %q does not contain %q", err, tc.msg)
			}
		})
	}
}

func TestReadCSV(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		want  []Record
		error string
	}{
		{"lines of records", "a,b\n1,2\n\n3,4\n", []Record{{1, []string{"a", "b"}}, {2, []string{"1", "2"}}, {4, []string{"3", "4"}}}, ""},
		{"multi-line field keeps its start line", "a,b\n\"x\ny\",2\n3,4\n", []Record{{1, []string{"a", "b"}}, {2, []string{"x\ny", "2"}}, {4, []string{"3", "4"}}}, ""},
		{"semicolons", "a;b\n1,5;2\n", []Record{{1, []string{"a", "b"}}, {2, []string{"1,5", "2"}}}, ""},
		{"tabs", "a\tb\tc\n1\t2\t3\n", []Record{{1, []string{"a", "b", "c"}}, {2, []string{"1", "2", "3"}}}, ""},
		{"quoted commas do not count", "\"a;b\",c\n1,2\n", []Record{{1, []string{"a;b", "c"}}, {2, []string{"1", "2"}}}, ""},
		{"blank rows skipped", "a,b\n,\n , \n1,2\n", []Record{{1, []string{"a", "b"}}, {4, []string{"1", "2"}}}, ""},
		{"ragged rows allowed", "a,b\n1\n1,2,3\n", []Record{{1, []string{"a", "b"}}, {2, []string{"1"}}, {3, []string{"1", "2", "3"}}}, ""},
		{"bom stripped", "\xef\xbb\xbfa\n1\n", []Record{{1, []string{"a"}}, {2, []string{"1"}}}, ""},
		{"bare quote", "a,b\n1,x\"y\n", nil, "line 2, column 4: a quote appears inside a field that is not quoted"},
		{"unclosed quote", "a,b\n1,\"open\n2,3\n", nil, "the row that starts on line 2"},
		{"binary", "a\x00", nil, "NUL"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ReadCSV([]byte(tc.in))
			if tc.error != "" {
				if err == nil || !strings.Contains(err.Error(), tc.error) || !errors.Is(err, data.ErrInvalid) {
					t.Fatalf("ReadCSV error = %v, want one containing %q", err, tc.error)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Fatalf("ReadCSV = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestReadCSVRowLimit(t *testing.T) {
	var b strings.Builder
	b.WriteString("title\n")
	for i := range MaxImportRows {
		fmt.Fprintf(&b, "Book %d\n", i)
	}
	recs, err := ReadCSV([]byte(b.String()))
	if err != nil || len(recs) != MaxImportRows+1 {
		t.Fatalf("exactly %d rows: %d records, %v", MaxImportRows, len(recs), err)
	}
	b.WriteString("one too many\n")
	if _, err := ReadCSV([]byte(b.String())); !errors.Is(err, ErrTooManyRows) {
		t.Fatalf("one row over: %v, want ErrTooManyRows", err)
	}
}

func TestHeader(t *testing.T) {
	h, err := NewHeader([]string{"\ufeffTitle", " Number of  Pages ", "", "AUTHOR", "Extra"})
	if err != nil {
		t.Fatal(err)
	}
	row := []string{" Inside SQL ", "'=5", "x", "Delaney"}
	tests := []struct {
		col, want string
		has       bool
	}{
		{"title", "Inside SQL", true},
		{"number of pages", "=5", true},
		{"Author", "Delaney", true},
		{"extra", "", true}, // the row is short
		{"missing", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.col, func(t *testing.T) {
			if got := h.Get(row, tc.col); got != tc.want {
				t.Errorf("Get(%q) = %q, want %q", tc.col, got, tc.want)
			}
			if h.Has(tc.col) != tc.has {
				t.Errorf("Has(%q) = %v", tc.col, !tc.has)
			}
		})
	}
	if got := h.Name("number of pages"); got != "Number of  Pages" {
		t.Errorf("Name = %q", got)
	}
	if got := h.Name("missing"); got != "missing" {
		t.Errorf("Name(missing) = %q", got)
	}
	if got := h.Unknown("title", "author", "number of pages"); len(got) != 1 || got[0] != "Extra" {
		t.Errorf("Unknown = %q, want [Extra]", got)
	}
	if _, err := NewHeader([]string{"title", "Title "}); err == nil || !strings.Contains(err.Error(), "twice (columns 1 and 2)") {
		t.Errorf("duplicate column: %v", err)
	}
}

func TestParseIntCell(t *testing.T) {
	tests := []struct {
		in   string
		want int
		msg  string
	}{
		{"3", 3, ""},
		{" 2 ", 2, ""},
		{"0", 0, "from 1 to 3"},
		{"4", 0, "is 4"},
		{"two", 0, "not a whole number"},
		{"1.5", 0, "not a whole number"},
		{"99999999999999999999999", 0, "not a whole number"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ParseIntCell("priority", tc.in, 1, 3)
			if tc.msg == "" {
				if err != nil || got != tc.want {
					t.Fatalf("= %d, %v; want %d", got, err, tc.want)
				}
				return
			}
			if msg := data.FieldMessage(err, "priority"); !strings.Contains(msg, tc.msg) {
				t.Fatalf("message %q, want %q", msg, tc.msg)
			}
		})
	}
}

func TestRejectError(t *testing.T) {
	err := errors.Join(data.Invalid("size", "is 0"), data.Invalid("size", "again"), data.Invalid("done", "too big"))
	got := RejectError(4, err, map[string]string{"size": "Number of Pages"})
	want := []Rejected{{4, "Number of Pages", "is 0"}, {4, "done", "too big"}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("RejectError = %v, want %v", got, want)
	}
	if got := RejectError(2, errors.New("broken"), nil); len(got) != 1 || got[0].Field != "" || got[0].String() != "line 2: broken" {
		t.Fatalf("plain error: %v", got)
	}
	if s := want[0].String(); s != "line 4: Number of Pages: is 0" {
		t.Errorf("String = %q", s)
	}
	p := Preview[int]{Rejected: append(want, Rejected{Line: 9})}
	if p.RejectedLines() != 2 {
		t.Errorf("RejectedLines = %d, want 2", p.RejectedLines())
	}
}

func TestNormaliseNewlines(t *testing.T) {
	if got := NormaliseNewlines("a\r\nb\rc\nd"); got != "a\nb\nc\nd" {
		t.Fatalf("= %q", got)
	}
}

func FuzzReadCSV(f *testing.F) {
	f.Add([]byte("a,b\n1,2\n"))
	f.Add([]byte("a;b\n\"x\ny\";2\n"))
	f.Add([]byte("a,\"b\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		recs, err := ReadCSV(b)
		if err != nil {
			if !errors.Is(err, data.ErrInvalid) || recs != nil {
				t.Fatalf("ReadCSV = %d records, %v", len(recs), err)
			}
			return
		}
		for i, r := range recs {
			if r.Line < 1 || (i > 0 && r.Line <= recs[i-1].Line) || allBlank(r.Fields) {
				t.Fatalf("record %d: %+v", i, r)
			}
			for _, c := range r.Fields {
				if UnescapeCell(SafeCell(c)) != c {
					t.Fatalf("SafeCell does not round trip %q", c)
				}
			}
		}
	})
}
