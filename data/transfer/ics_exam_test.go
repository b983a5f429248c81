package transfer

import (
	"strings"
	"testing"

	"github.com/masterplan-app/masterplan/data"
)

// TestCalendarListsEachExamOnce holds issue 16 item 12: an exam was
// exported twice, as the exam and as the milestone of the same name on
// the same day. The milestone's event (with its alarm and its UID) stands
// for both; an exam without such a milestone keeps its own event and UID.
func TestCalendarListsEachExamOnce(t *testing.T) {
	in := calFixture(t)
	in.Milestones = append(in.Milestones,
		data.Milestone{ID: 21, Title: "Lab exam", Due: data.NewDate(2026, 5, 17), Kind: data.MilestoneLab},
		data.Milestone{ID: 22, Title: "Written  exam 1", Due: data.NewDate(2026, 5, 5), Kind: data.MilestoneWritten},
	)
	in.MilestoneAlarmDays[21] = 3
	in.Exams = append(in.Exams,
		ExamDate{ID: 3, Name: "written exam 1", Date: data.NewDate(2026, 5, 5)},  // its milestone, spelt otherwise
		ExamDate{ID: 4, Name: "Written exam 2", Date: data.NewDate(2026, 5, 10)}, // no milestone: its own event
		ExamDate{ID: 5, Name: "Leave approved", Date: data.NewDate(2026, 5, 11)}, // a milestone's name on another day
	)
	text, cal := calWrite(t, in)
	count := map[string]int{}
	for _, e := range cal.Events() {
		summary, _ := calProp(t, &e.ComponentBase, "SUMMARY")
		count[summary]++
	}
	for name, want := range map[string]int{"Lab exam": 1, "Written  exam 1": 1, "written exam 1": 0, "Written exam 2": 1, "Leave approved": 2} {
		if count[name] != want {
			t.Errorf("%q: %d events, want %d (all: %v)", name, count[name], want, count)
		}
	}
	for _, uid := range []string{"milestone-21@masterplan", "milestone-22@masterplan", "exam-4@masterplan", "exam-5@masterplan"} {
		if !strings.Contains(text, "UID:"+uid+"\r\n") {
			t.Errorf("the export lacks UID %s", uid)
		}
	}
	for _, uid := range []string{"exam-1@masterplan", "exam-3@masterplan"} {
		if strings.Contains(text, "UID:"+uid) {
			t.Errorf("the exam %s is exported beside its milestone", uid)
		}
	}
}
