package widgets

import (
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/masterplan-app/masterplan/data"
)

func TestMonthCells(t *testing.T) {
	for _, tc := range []struct {
		name      string
		year      int
		month     time.Month
		weekStart time.Weekday
		lead, n   int // blanks before the 1st, days in the month
	}{
		// 2026-12-01 is a Tuesday.
		{"Monday start, month starting Tuesday", 2026, time.December, time.Monday, 1, 31},
		{"Sunday start, month starting Tuesday", 2026, time.December, time.Sunday, 2, 31},
		// 2026-11-01 is a Sunday: the last cell of a Monday week, the first of a Sunday one.
		{"Monday start, month starting Sunday", 2026, time.November, time.Monday, 6, 30},
		{"Sunday start, month starting Sunday", 2026, time.November, time.Sunday, 0, 30},
		{"Saturday start", 2026, time.November, time.Saturday, 1, 30},
		// February: 29 days in a leap year (2028-02-01 is a Tuesday), 28 otherwise;
		// 2100 is not a leap year, 2000 was.
		{"leap February", 2028, time.February, time.Monday, 1, 29},
		{"February of 2027", 2027, time.February, time.Monday, 0, 28},
		{"February of 2100", 2100, time.February, time.Sunday, 1, 28},
		{"February of 2000", 2000, time.February, time.Sunday, 2, 29},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cells := MonthCells(tc.year, tc.month, tc.weekStart)
			if len(cells)%7 != 0 {
				t.Fatalf("%d cells, not whole weeks", len(cells))
			}
			lead := slices.IndexFunc(cells, func(d data.Date) bool { return !d.IsZero() })
			if lead != tc.lead {
				t.Errorf("%d blanks before the 1st, want %d", lead, tc.lead)
			}
			days := 0
			for i, d := range cells {
				if d.IsZero() {
					continue
				}
				days++
				if d.Month() != tc.month || d.Day() != days {
					t.Fatalf("cell %d is %s", i, d)
				}
				if want := WeekdayOrder(tc.weekStart)[i%7]; d.Weekday() != want {
					t.Errorf("%s sits in the %s column", d, want)
				}
			}
			if days != tc.n {
				t.Errorf("%d days, want %d", days, tc.n)
			}
		})
	}
}

// The calendar's first column is the week start; its header names it; the
// arrows cross the year's edges; picking a day fills the entry.
func TestDateEntryCalendarWeekStart(t *testing.T) {
	for _, start := range []time.Weekday{time.Monday, time.Sunday} {
		t.Run(start.String(), func(t *testing.T) {
			test.NewTempApp(t)
			e := NewDateEntry("due", true)
			e.WeekStart = func() time.Weekday { return start }
			w := test.NewWindow(e)
			defer w.Close()
			e.SetText("2026-12-15")
			e.ShowCalendar()
			c := e.Calendar()
			if c == nil {
				t.Fatal("no calendar opened")
			}
			if got, want := c.days.Objects[0].(*widget.Label).Text, start.String()[:2]; got != want {
				t.Errorf("first column %q, want %q", got, want)
			}
			if got := c.title.Text; got != "December 2026" {
				t.Errorf("title %q", got)
			}
			if c.Day(15).Importance != widget.HighImportance {
				t.Error("the entry's date is not marked")
			}
			// The 1st of December 2026 is a Tuesday: its column follows the start.
			first := slices.IndexFunc(c.days.Objects, func(o fyne.CanvasObject) bool { return o == fyne.CanvasObject(c.Day(1)) })
			if col, want := (first-7)%7, (int(time.Tuesday)-int(start)+7)%7; col != want {
				t.Errorf("the 1st is in column %d, want %d", col, want)
			}
			c.turn(1)
			if got := c.title.Text; got != "January 2027" {
				t.Errorf("after the next arrow: %q", got)
			}
			c.turn(-2)
			if got := c.title.Text; got != "November 2026" {
				t.Errorf("after going back two months: %q", got)
			}
			test.Tap(c.Day(3))
			if e.Text != "2026-11-03" {
				t.Errorf("picking the 3rd gave %q", e.Text)
			}
		})
	}
}

// An end date's calendar opens on its start's month while it is empty.
func TestEndDateCalendarOpensOnTheStartMonth(t *testing.T) {
	test.NewTempApp(t)
	start, end := NewDateEntry("start", false), NewDateEntry("end", true)
	end.NotBefore(start)
	w := test.NewWindow(widget.NewForm(widget.NewFormItem("Start", start), widget.NewFormItem("End", end)))
	defer w.Close()
	start.SetText("2031-03-14")
	end.ShowCalendar()
	if got := end.Calendar().Month(); got != data.NewDate(2031, time.March, 1) {
		t.Errorf("the end's calendar opens on %s, want March 2031", got)
	}
}
