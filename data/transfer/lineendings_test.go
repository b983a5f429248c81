package transfer

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/masterplan-app/masterplan/data"
)

// macCSV turns a file's LF line endings into lone CRs, as Excel for Mac's
// "CSV (Macintosh)" writes them.
func macCSV(s string) []byte { return []byte(strings.ReplaceAll(s, "\n", "\r")) }

// TestCROnlyLineEndings holds issue 16 item 10: a file with CR-only line
// endings is read row by row, by every importer, with the right lines.
func TestCROnlyLineEndings(t *testing.T) {
	today := data.NewDate(2026, 11, 23)
	t.Run("budget", func(t *testing.T) {
		p, err := ImportBudget("b.csv", macCSV("category,description,planned,planned_currency\nhotel,Night 1,100,USD\nhotel,Night 2,x,USD\n"), BudgetImport{})
		if err != nil || len(p.Accepted) != 1 || len(p.Rejected) != 1 || p.Rejected[0].Line != 3 {
			t.Fatalf("accepted %d, rejected %v, %v", len(p.Accepted), p.Rejected, err)
		}
	})
	t.Run("rates", func(t *testing.T) {
		p, err := ImportRates("r.csv", macCSV("currency,rate_to_home,as_of\nUSD,0.8,2027-01-01\nEUR,0.9,2027-01-01\n"), "GBP", 0)
		if err != nil || len(p.Accepted) != 2 {
			t.Fatalf("accepted %d, %v", len(p.Accepted), err)
		}
	})
	t.Run("reading csv", func(t *testing.T) {
		p, err := ImportReading("r.csv", macCSV("title,author\nBook A,Ann\nBook B,Bob\n"), ReadingAuto, nil, today)
		if err != nil || p.Format != "csv" || len(p.Accepted) != 2 || p.Lines[1] != 3 {
			t.Fatalf("format %q, accepted %d (lines %v), %v", p.Format, len(p.Accepted), p.Lines, err)
		}
	})
	t.Run("reading text", func(t *testing.T) {
		p, err := ImportReading("r.txt", macCSV("Book A\nBook B\n"), ReadingAuto, nil, today)
		if err != nil || len(p.Accepted) != 2 || p.Accepted[1].Title != "Book B" {
			t.Fatalf("accepted %+v, %v", p.Accepted, err)
		}
	})
	t.Run("sessions", func(t *testing.T) {
		p, err := ImportSessions("s.csv", macCSV("date,start,duration_min,topic\n2026-11-02,10:00,30,Transport\n2026-11-03,10:00,45,DNS\n"),
			time.UTC, time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC), nil)
		if err != nil || len(p.Accepted) != 2 {
			t.Fatalf("accepted %d, rejected %v, %v", len(p.Accepted), p.Rejected, err)
		}
	})
	t.Run("practice", func(t *testing.T) {
		p, err := ImportPractice("p.csv", macCSV("date,exam,topic,correct,total\n2026-11-01,Exam 1,Transport,8,10\n2026-11-01,Exam 1,DNS,7,10\n"),
			PracticeImport{Today: today})
		if err != nil || len(p.Accepted) != 1 || len(p.Accepted[0].Attempt.Scores) != 2 {
			t.Fatalf("accepted %+v, rejected %v, %v", p.Accepted, p.Rejected, err)
		}
	})
	t.Run("a bad byte is named on its line", func(t *testing.T) {
		err := CheckInput(macCSV("title\nok\nbad \xff\n"))
		if !errors.Is(err, ErrNotText) || !strings.Contains(err.Error(), "line 3") {
			t.Errorf("CheckInput = %v, want line 3", err)
		}
	})
}

// TestReadJSONByteOrderMarks holds the JSON half of issue 16 item 10: a
// UTF-8 BOM is read past, UTF-16 is explained as the CSV importers explain it.
func TestReadJSONByteOrderMarks(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteJSON(&buf, validExport()); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadJSON(append([]byte("\xef\xbb\xbf"), buf.Bytes()...)); err != nil {
		t.Errorf("JSON with a UTF-8 BOM: %v", err)
	}
	utf16 := []byte{0xff, 0xfe}
	for _, c := range buf.String() {
		utf16 = append(utf16, byte(c), 0)
	}
	_, err := ReadJSON(utf16)
	if !errors.Is(err, ErrNotText) || !strings.Contains(err.Error(), "UTF-16") || !strings.Contains(err.Error(), "UTF-8") {
		t.Errorf("UTF-16 JSON: %v", err)
	}
	if _, err := ReadJSON([]byte("\xef\xbb\xbf")); !errors.Is(err, ErrEmptyFile) {
		t.Errorf("a BOM alone: %v", err)
	}
}
