package remind

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/transfer"
)

// TestCalendarExportsSuggestedExamsOnce is issue 16 item 12 as a new user
// meets it: the suggested milestones hold the four exams, the Practice
// screen's default exams take their dates from them, and the export
// listed each exam twice. Every event now stands for one thing.
func TestCalendarExportsSuggestedExamsOnce(t *testing.T) {
	f := newFixture(t, at("2026-11-23", 8, 0))
	ctx := context.Background()
	rot, err := f.st.Rotation(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ms, err := f.st.AddMilestones(ctx, data.SuggestMilestones(rot, nil))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.st.EnsurePracticeDefaults(ctx, rot); err != nil {
		t.Fatal(err)
	}
	src := Sources{ExamDates: func(ctx context.Context) ([]transfer.ExamDate, error) {
		exams, err := f.st.Exams(ctx, rot.ID)
		var out []transfer.ExamDate
		for _, e := range exams {
			out = append(out, transfer.ExamDate{ID: e.ID, Name: e.Name, Date: e.Date})
		}
		return out, err
	}}
	in, err := Calendar(ctx, f.st, src, at("2026-11-23", 9, 0))
	if err != nil {
		t.Fatal(err)
	}
	if len(in.Exams) != 4 {
		t.Fatalf("the default exams are %+v, want four", in.Exams)
	}
	var b bytes.Buffer
	if err := transfer.WriteCalendar(&b, in); err != nil {
		t.Fatal(err)
	}
	text := b.String()
	if got, want := strings.Count(text, "BEGIN:VEVENT"), 1+len(ms); got != want {
		t.Errorf("%d events, want %d: the block and %d milestones", got, want, len(ms))
	}
	for _, name := range []string{"Written exam 1", "Written exam 2", "Written exam 3", "Lab exam"} {
		if n := strings.Count(text, "SUMMARY:"+name+"\r\n"); n != 1 {
			t.Errorf("%q is in the calendar %d times", name, n)
		}
	}
}
