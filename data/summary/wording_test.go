package summary

import (
	"slices"
	"strings"
	"testing"

	"github.com/masterplan-app/masterplan/data"
)

// Flaws seen on the dashboard after one day of reading and one practice
// test: "over the last 1 days", and "TOO EARLY, too early to tell". The
// dashboard's figures and `masterplan status` print these lines.
func TestWordingOneDayAndTooEarly(t *testing.T) {
	one := 1
	s := Summary{
		Reading: &ReadingStatus{Items: 3, Left: 200, LeftUnit: "pages", ActualPerDay: 30, PaceWindowDays: &one, Verdict: "Too early to tell"},
		Practice: &PracticeStatus{Exams: []PracticeExam{{Name: "Written exam 1", PassMark: 70, PassMarkAssumed: true,
			Readiness: string(data.ReadinessTooEarly), Summary: data.Forecast{Missing: "2 more attempts"}.Summary()}}},
	}
	if text := s.Reading.Text(); !strings.Contains(text, "over the last 1 day\n") {
		t.Errorf("status reading text:\n%s", text)
	}
	single := Summary{Reading: &ReadingStatus{Items: 1, Left: 120, LeftUnit: "pages"}}
	if text, details := single.Reading.Text(), single.ReadingFigure().Details; !strings.Contains(text, "0 of 1 item done") ||
		!slices.Contains(details, "0 of 1 item done") {
		t.Errorf("one item is counted as several: %q / %q", text, details)
	}
	text := s.Practice.Text()
	if n := strings.Count(strings.ToLower(text), "too early"); n != 1 || !strings.Contains(text, "needs 2 more attempts") {
		t.Errorf("status practice text says \"too early\" %d times:\n%s", n, text)
	}
	for _, line := range s.ReadinessFigure().Details {
		if n := strings.Count(strings.ToLower(line), "too early"); n > 1 {
			t.Errorf("dashboard readiness line says \"too early\" %d times: %s", n, line)
		}
	}
}
