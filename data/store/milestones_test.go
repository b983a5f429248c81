package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/masterplan-app/masterplan/data"
)

func TestMilestonesCRUD(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	r := setUp(t, s)

	if ms, err := s.Milestones(ctx, r.ID); err != nil || len(ms) != 0 {
		t.Fatalf("milestones of a new rotation = %v, %v", ms, err)
	}
	hotel := addMilestone(t, s, r, "Hotel booked", "2026-04-22")
	fee := addMilestone(t, s, r, "  Program fee paid  ", "2026-04-02")
	addMilestone(t, s, r, "Flights booked", "2026-04-17")
	if hotel.ID == 0 || fee.ID == 0 || hotel.ID == fee.ID {
		t.Fatalf("IDs %d and %d", hotel.ID, fee.ID)
	}
	if fee.Title != "Program fee paid" {
		t.Errorf("returned title %q, want it trimmed", fee.Title)
	}
	if got := strings.Join(titles(t, s, r.ID), "|"); got != "Program fee paid|Flights booked|Hotel booked" {
		t.Errorf("by due date: %s", got)
	}

	t.Run("update", func(t *testing.T) {
		hotel.Title, hotel.Due, hotel.Done = "Hotel booked (Redmond)", date(t, "2026-03-01"), true
		if _, err := s.SaveMilestone(ctx, hotel); err != nil {
			t.Fatal(err)
		}
		ms, err := s.Milestones(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if ms[0].ID != hotel.ID || ms[0].Title != "Hotel booked (Redmond)" || ms[0].Due.String() != "2026-03-01" || !ms[0].Done || ms[0].RotationID != r.ID {
			t.Errorf("after update: %+v", ms[0])
		}
	})
	t.Run("done and undone", func(t *testing.T) {
		for _, done := range []bool{true, false} {
			if err := s.SetMilestoneDone(ctx, fee.ID, done); err != nil {
				t.Fatal(err)
			}
			ms, _ := s.Milestones(ctx, r.ID)
			for _, m := range ms {
				if m.ID == fee.ID && m.Done != done {
					t.Errorf("done = %v, want %v", m.Done, done)
				}
			}
		}
	})
	t.Run("delete", func(t *testing.T) {
		if _, err := s.DeleteMilestone(ctx, fee.ID); err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(titles(t, s, r.ID), "|"); got != "Hotel booked (Redmond)|Flights booked" {
			t.Errorf("after delete: %s", got)
		}
	})
	t.Run("not found", func(t *testing.T) {
		gone := fee // deleted above
		if _, err := s.SaveMilestone(ctx, gone); !errors.Is(err, data.ErrNotFound) {
			t.Errorf("update a deleted milestone: %v", err)
		}
		if err := s.SetMilestoneDone(ctx, gone.ID, true); !errors.Is(err, data.ErrNotFound) {
			t.Errorf("mark a deleted milestone: %v", err)
		}
		if _, err := s.DeleteMilestone(ctx, gone.ID); !errors.Is(err, data.ErrNotFound) {
			t.Errorf("delete a deleted milestone: %v", err)
		}
		_, err := s.SaveMilestone(ctx, data.Milestone{RotationID: r.ID + 100, Title: "Orphan", Due: date(t, "2026-01-01")})
		if !errors.Is(err, data.ErrNotFound) {
			t.Errorf("add to an unknown rotation: %v", err)
		}
		if ms, err := s.Milestones(ctx, r.ID+100); err != nil || len(ms) != 0 {
			t.Errorf("milestones of an unknown rotation = %v, %v", ms, err)
		}
	})
	t.Run("invalid", func(t *testing.T) {
		before := count(t, s, "milestones")
		for name, m := range map[string]data.Milestone{
			"title":     {RotationID: r.ID, Title: "", Due: date(t, "2026-01-01")},
			"due":       {RotationID: r.ID, Title: "No date"},
			"long":      {RotationID: r.ID, Title: strings.Repeat("m", 10000), Due: date(t, "2026-01-01")},
			"201 chars": {RotationID: r.ID, Title: strings.Repeat("m", 201), Due: date(t, "2026-01-01")},
		} {
			if _, err := s.SaveMilestone(ctx, m); !errors.Is(err, data.ErrInvalid) {
				t.Errorf("%s: %v, want ErrInvalid", name, err)
			}
		}
		if n := count(t, s, "milestones"); n != before {
			t.Errorf("%d milestones after refusals, want %d", n, before)
		}
	})
}

func TestAddMilestonesAllOrNothing(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	r := setUp(t, s)
	ms := data.SuggestMilestones(r, nil)
	bad := append([]data.Milestone(nil), ms...)
	bad[5].Title = ""
	_, err := s.AddMilestones(ctx, bad)
	if !errors.Is(err, data.ErrInvalid) || data.FieldMessage(err, "title") == "" {
		t.Fatalf("AddMilestones with one bad title: %v", err)
	}
	if n := count(t, s, "milestones"); n != 0 {
		t.Fatalf("%d milestones landed from a refused batch", n)
	}

	added, err := s.AddMilestones(ctx, ms)
	if err != nil || len(added) != len(ms) {
		t.Fatalf("AddMilestones = %d, %v", len(added), err)
	}
	stored, err := s.Milestones(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if again := data.SuggestMilestones(r, stored); len(again) != 0 {
		t.Errorf("suggesting again after storing adds %d", len(again))
	}
	// Editing a suggested milestone keeps its kind, so it is not suggested again.
	flights := stored[0]
	for _, m := range stored {
		if m.Kind == data.MilestoneFlights {
			flights = m
		}
	}
	flights.Title = "Flights booked: LHR to SEA"
	if _, err := s.SaveMilestone(ctx, flights); err != nil {
		t.Fatal(err)
	}
	stored, _ = s.Milestones(ctx, r.ID)
	if again := data.SuggestMilestones(r, stored); len(again) != 0 {
		t.Errorf("after renaming flights, suggested %q again", again[0].Title)
	}
	for _, m := range stored {
		if m.ID == flights.ID && m.Kind != data.MilestoneFlights {
			t.Errorf("kind after edit = %q", m.Kind)
		}
	}
}

// A deleted milestone comes back as it was: the same id (so nothing that
// names it is left pointing nowhere), its own reminder choice, its link to
// a budget item and when its reminders start; main re-added it as a new
// milestone and lost the rest.
func TestDeleteAndRestoreMilestone(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	r := setUp(t, s)
	items, err := s.AddBudgetItems(ctx, r.ID, []data.BudgetItem{{Category: data.CategoryProgramFee, Description: "Program fee",
		Planned: data.NewMoney("18500", "USD"), PaidBy: data.PaidByMe, Reimbursement: data.NotClaimed}})
	if err != nil {
		t.Fatal(err)
	}
	fee, err := s.SaveMilestone(ctx, data.Milestone{RotationID: r.ID, Title: "Program fee paid", Due: date(t, "2026-04-01"), BudgetItemID: items[0].ID})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetMilestoneReminder(ctx, fee.ID, &data.MilestoneSetting{DaysBefore: 14}); err != nil {
		t.Fatal(err)
	}
	before, _ := s.Milestones(ctx, r.ID)
	settingsBefore, _ := s.MilestoneReminderSettings(ctx)

	gone, err := s.DeleteMilestone(ctx, fee.ID)
	if err != nil {
		t.Fatal(err)
	}
	if ms, _ := s.Milestones(ctx, r.ID); len(ms) != len(before)-1 {
		t.Fatalf("%d milestones after the delete, want %d", len(ms), len(before)-1)
	}
	if err := s.RestoreMilestone(ctx, gone); err != nil {
		t.Fatal(err)
	}
	if after, _ := s.Milestones(ctx, r.ID); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Errorf("after the restore:\n got %+v\nwant %+v", after, before)
	}
	if after, _ := s.MilestoneReminderSettings(ctx); fmt.Sprint(after) != fmt.Sprint(settingsBefore) {
		t.Errorf("reminder choices after the restore: %v, want %v", after, settingsBefore)
	}
	if err := s.RestoreMilestone(ctx, gone); !errors.Is(err, data.ErrConflict) {
		t.Errorf("restoring a milestone that is there: %v, want a conflict", err)
	}
	if _, err := s.DeleteMilestone(ctx, fee.ID+100); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("deleting no milestone: %v", err)
	}
}
