package transfer

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/masterplan-app/masterplan/data"
)

// Dates stored before the years check (data.MinYear-MaxYear) existed can
// still be in an old database. The calendar refuses them, naming the
// record and the years, instead of writing a DTEND of five digits or a
// year-1 event that calendars misread.
func TestWriteCalendarRefusesDatesOutsideTheYears(t *testing.T) {
	tests := []struct {
		name string
		edit func(*CalendarInput)
		want string
	}{
		{"block", func(in *CalendarInput) { in.Rotation.Blocks[0].End = data.NewDate(9999, 12, 31) },
			`block 2026-05-04 to 9999-12-31: end: "9999-12-31" is outside the years 1900 to 2200`},
		{"milestone", func(in *CalendarInput) { in.Milestones[0].Due = data.NewDate(1899, 12, 31) },
			`milestone "Flights, hotel; visa\nand the car": due: "1899-12-31" is outside the years 1900 to 2200`},
		{"exam", func(in *CalendarInput) { in.Exams[0].Date = data.NewDate(2201, 1, 1) },
			`exam "Lab exam": date: "2201-01-01" is outside the years 1900 to 2200`},
		{"study reminder", func(in *CalendarInput) { in.Study[0].Day = data.NewDate(1000, 1, 5) },
			`study reminder "Study session": day: "1000-01-05" is outside the years 1900 to 2200`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := calFixture(t)
			tc.edit(&in)
			var b bytes.Buffer
			err := WriteCalendar(&b, in)
			if !errors.Is(err, data.ErrInvalid) || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "change it") {
				t.Fatalf("error = %v, want ErrInvalid containing %q and what to do", err, tc.want)
			}
			if b.Len() != 0 {
				t.Fatal("wrote part of a calendar")
			}
		})
	}
}
