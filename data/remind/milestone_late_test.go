package remind

import (
	"context"
	"strings"
	"testing"

	"github.com/masterplan-app/masterplan/data"
)

// TestMilestoneAddedLateRings holds issue 16 item 11 through the store and
// the runner: with the default "3 days before at 09:00", a milestone added
// the day before it is due never rang and "Coming up" was empty. It rings
// at the next pass after it is added, once, and again on its due day; one
// whose own reminder is changed so that its lead time has passed rings
// soon as well; one added already overdue does not ring.
func TestMilestoneAddedLateRings(t *testing.T) {
	f := newFixture(t, at("2026-11-23", 8, 0))
	ctx := context.Background()
	rot, err := f.st.Rotation(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got := f.once(t, at("2026-11-23", 8, 0)); len(got) != 0 {
		t.Fatalf("first pass rang %v", got)
	}
	f.clock.set(at("2026-11-23", 10, 0))
	if _, err := f.st.SaveMilestone(ctx, data.Milestone{RotationID: rot.ID, Title: "Flights booked", Due: data.NewDate(2026, 11, 24)}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.st.SaveMilestone(ctx, data.Milestone{RotationID: rot.ID, Title: "Visa", Due: data.NewDate(2026, 11, 20)}); err != nil {
		t.Fatal(err)
	}
	got := f.once(t, at("2026-11-23", 10, 0).Add(30e9))
	if len(got) != 1 || !strings.HasPrefix(got[0], "Flights booked|Due tomorrow, Tuesday 24 November 2026.") {
		t.Fatalf("the pass after adding rang %v, want Flights booked once", got)
	}
	if got := f.once(t, at("2026-11-23", 10, 5)); len(got) != 0 {
		t.Fatalf("the next pass rang again: %v", got)
	}
	plan, err := f.st.ReminderPlan(ctx)
	if err != nil {
		t.Fatal(err)
	}
	next, _ := plan.Schedule.Next(at("2026-11-23", 10, 5), 5)
	if len(next) != 1 || next[0].Title != "Flights booked" || !next[0].At.Equal(at("2026-11-24", 9, 0)) {
		t.Fatalf("coming up = %+v, want Flights booked on its due day at 09:00", next)
	}
	if got := f.once(t, at("2026-11-24", 9, 0)); len(got) != 1 || !strings.HasPrefix(got[0], "Flights booked|Due today") {
		t.Fatalf("the due day rang %v", got)
	}
	if got := f.once(t, at("2026-11-24", 9, 30)); len(got) != 0 {
		t.Fatalf("rang again on the due day: %v", got)
	}
	overdue := data.OverdueMilestones(plan.Schedule.Milestones, data.NewDate(2026, 11, 24))
	if len(overdue) != 1 || overdue[0].Title != "Visa" {
		t.Fatalf("overdue = %+v, want the visa", overdue)
	}

	t.Run("more days before on one milestone rings soon", func(t *testing.T) {
		f.clock.set(at("2026-11-24", 12, 0))
		hotel, err := f.st.SaveMilestone(ctx, data.Milestone{RotationID: rot.ID, Title: "Hotel booked", Due: data.NewDate(2026, 11, 30)})
		if err != nil {
			t.Fatal(err)
		}
		if got := f.once(t, at("2026-11-24", 12, 1)); len(got) != 0 {
			t.Fatalf("a milestone six days out rang at once: %v", got)
		}
		f.clock.set(at("2026-11-24", 13, 0))
		if err := f.st.SetMilestoneReminder(ctx, hotel.ID, &data.MilestoneSetting{DaysBefore: 10}); err != nil {
			t.Fatal(err)
		}
		if got := f.once(t, at("2026-11-24", 13, 1)); len(got) != 1 || !strings.HasPrefix(got[0], "Hotel booked|Due in 6 days") {
			t.Fatalf("after ten days before was set, rang %v", got)
		}
	})
}
