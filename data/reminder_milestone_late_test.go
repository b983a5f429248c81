package data_test

import (
	"testing"
	"time"

	"github.com/masterplan-app/masterplan/data"
)

// TestMilestoneAddedLateRingsOnceSoon holds issue 16 item 11: with the
// default "3 days before at 09:00", a milestone added when its due date
// was nearer than that never rang. The rule: when the lead time has
// passed at the moment the milestone's reminder counts from (it was
// added, its due date moved, or its reminder changed), it rings once at
// that moment, which the runner's next pass delivers; and an open
// milestone also rings at the reminder's time on its due day. A milestone
// already overdue when added does not ring: the screens show it overdue.
func TestMilestoneAddedLateRingsOnceSoon(t *testing.T) {
	london := remZone(t, "Europe/London")
	rem := data.NewReminder(data.ReminderMilestone, data.NewDate(2026, 1, 1)) // 3 days before at 09:00
	rem.ID = 2
	due := data.NewDate(2026, 11, 24)
	m := data.Milestone{ID: 10, Title: "Flights booked", Due: due}
	type ring struct{ key, at, body string }
	tests := []struct {
		name  string
		since string // when the milestone was added, London time
		days  int    // the reminder's days before
		want  []ring
	}{
		{"added in good time: three days before and on the day", "2026-11-01 10:00", 3, []ring{
			{"milestone:10:2026-11-24", "2026-11-21 09:00", "Due in 3 days, on Tuesday 24 November 2026."},
			{"milestone:10:2026-11-24:due-day", "2026-11-24 09:00", "Due today, Tuesday 24 November 2026."},
		}},
		{"added the day before: now, then on the day", "2026-11-23 15:30", 3, []ring{
			{"milestone:10:2026-11-24", "2026-11-23 15:30", "Due tomorrow, Tuesday 24 November 2026."},
			{"milestone:10:2026-11-24:due-day", "2026-11-24 09:00", "Due today, Tuesday 24 November 2026."},
		}},
		{"added on the day before its time: once, now", "2026-11-24 07:00", 3, []ring{
			{"milestone:10:2026-11-24", "2026-11-24 07:00", "Due today, Tuesday 24 November 2026."},
		}},
		{"added on the day after its time: once, now", "2026-11-24 15:00", 0, []ring{
			{"milestone:10:2026-11-24", "2026-11-24 15:00", "Due today, Tuesday 24 November 2026."},
		}},
		{"on the day only, added in time", "2026-11-24 08:00", 0, []ring{
			{"milestone:10:2026-11-24", "2026-11-24 09:00", "Due today, Tuesday 24 November 2026."},
		}},
		{"added overdue: no ring", "2026-11-25 08:00", 3, nil},
		{"added before this was recorded: the lead time and the day", "", 3, []ring{
			{"milestone:10:2026-11-24", "2026-11-21 09:00", "Due in 3 days, on Tuesday 24 November 2026."},
			{"milestone:10:2026-11-24:due-day", "2026-11-24 09:00", "Due today, Tuesday 24 November 2026."},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := rem
			r.DaysBefore = tc.days
			since := map[int64]time.Time{}
			if tc.since != "" {
				since[m.ID] = remAt(t, london, tc.since)
			}
			occ, err := data.MilestoneOccurrences(r, []data.Milestone{m}, nil, since,
				remAt(t, london, "2026-10-01 00:00"), remAt(t, london, "2027-01-01 00:00"), london)
			if err != nil {
				t.Fatal(err)
			}
			var got []ring
			for _, o := range occ {
				got = append(got, ring{o.Key, o.At.In(london).Format("2006-01-02 15:04"), o.Body})
			}
			if len(got) != len(tc.want) {
				t.Fatalf("rings %+v, want %+v", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("ring %d = %+v, want %+v", i, got[i], tc.want[i])
				}
			}
		})
	}
}

func TestOverdueMilestones(t *testing.T) {
	today := data.NewDate(2026, 11, 24)
	ms := []data.Milestone{
		{ID: 1, Title: "Due today", Due: today},
		{ID: 2, Title: "Long overdue", Due: today.AddDays(-30)},
		{ID: 3, Title: "Done late", Due: today.AddDays(-40), Done: true},
		{ID: 4, Title: "Yesterday", Due: today.AddDays(-1)},
	}
	got := data.OverdueMilestones(ms, today)
	if len(got) != 2 || got[0].ID != 2 || got[1].ID != 4 {
		t.Fatalf("OverdueMilestones = %+v, want 2 then 4", got)
	}
	if s := got[0].DueText(today); s != "OVERDUE by 30 days" {
		t.Errorf("DueText = %q", s)
	}
	if s := got[1].DueText(today); s != "OVERDUE by 1 day" {
		t.Errorf("DueText = %q", s)
	}
}

func TestOverdueText(t *testing.T) {
	today := data.NewDate(2026, 11, 24)
	ms := []data.Milestone{
		{Title: "Fee paid", Due: today.AddDays(-1)},
		{Title: "Visa", Due: today.AddDays(-4)},
		{Title: "Leave", Due: today.AddDays(-2)},
		{Title: "Flights", Due: today},
	}
	if got, want := data.OverdueText(ms, today, 2), "3 milestones overdue: Visa (OVERDUE by 4 days), Leave (OVERDUE by 2 days) and 1 more."; got != want {
		t.Errorf("OverdueText = %q, want %q", got, want)
	}
	if got := data.OverdueText(ms[3:], today, 2); got != "" {
		t.Errorf("nothing overdue: %q", got)
	}
}
