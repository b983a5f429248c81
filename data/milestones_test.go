package data_test

import (
	"testing"

	"github.com/masterplan-app/masterplan/data"
)

type suggested struct{ kind, title, due string }

// wantSuggestions compares SuggestMilestones' answer with want, in order.
func wantSuggestions(t *testing.T, got []data.Milestone, want []suggested) {
	t.Helper()
	if len(got) != len(want) {
		for _, m := range got {
			t.Logf("got %s %q %s", m.Kind, m.Title, m.Due)
		}
		t.Fatalf("%d suggestions, want %d", len(got), len(want))
	}
	for i, w := range want {
		m := got[i]
		if m.Kind != w.kind || m.Title != w.title || m.Due.String() != w.due {
			t.Errorf("suggestion %d = %s %q %s, want %s %q %s", i+1, m.Kind, m.Title, m.Due, w.kind, w.title, w.due)
		}
		// The user has been accepted: those two steps come done, the rest open.
		wantDone := w.kind == data.MilestoneApplication || w.kind == data.MilestoneAccepted
		if m.Done != wantDone || m.ID != 0 {
			t.Errorf("suggestion %q: done %v (want %v), ID %d (want none)", m.Title, m.Done, wantDone, m.ID)
		}
		if err := m.Validate(); err != nil {
			t.Errorf("suggestion %q is not valid: %v", m.Title, err)
		}
	}
}

func TestSuggestMilestones(t *testing.T) {
	single := data.Rotation{ID: 7, Track: "MCM: SQL Server 2008", Blocks: []data.Block{fBlock(t, "2026-03-16", "2026-04-04")}}
	t.Run("one three-week block", func(t *testing.T) {
		got := data.SuggestMilestones(single, nil)
		wantSuggestions(t, got, []suggested{
			{data.MilestoneApplication, "Application submitted", "2025-11-16"},
			{data.MilestoneAccepted, "Accepted into the program", "2025-12-16"},
			{data.MilestoneFeePaid, "Program fee paid", "2026-01-15"},
			{data.MilestoneLeave, "Leave from work approved", "2026-01-15"},
			{data.MilestoneFlights, "Flights booked", "2026-01-30"},
			{data.MilestoneHotel, "Hotel booked", "2026-02-04"},
			{data.MilestoneReading, "Reading list finished", "2026-03-09"},
			{data.MilestoneWritten, "Written exam 1", "2026-03-20"},
			{data.MilestoneWritten, "Written exam 2", "2026-03-25"},
			{data.MilestoneWritten, "Written exam 3", "2026-03-30"},
			{data.MilestoneLab, "Lab exam", "2026-04-04"},
		})
		for _, m := range got {
			if m.RotationID != 7 {
				t.Errorf("%q has rotation %d, want 7", m.Title, m.RotationID)
			}
		}
	})

	split := splitRotation(t)
	t.Run("exams spread over a split rotation", func(t *testing.T) {
		got := data.SuggestMilestones(split, nil)
		wantSuggestions(t, got, []suggested{
			{data.MilestoneApplication, "Application submitted", "2026-02-01"},
			{data.MilestoneAccepted, "Accepted into the program", "2026-03-03"},
			{data.MilestoneFeePaid, "Program fee paid", "2026-04-02"},
			{data.MilestoneLeave, "Leave from work approved", "2026-04-02"},
			{data.MilestoneFlights, "Flights booked", "2026-04-17"},
			{data.MilestoneHotel, "Hotel booked", "2026-04-22"},
			{data.MilestoneReading, "Reading list finished", "2026-05-25"},
			{data.MilestoneWritten, "Written exam 1", "2026-06-05"},
			{data.MilestoneWritten, "Written exam 2", "2026-09-09"},
			{data.MilestoneWritten, "Written exam 3", "2026-09-14"},
			{data.MilestoneLab, "Lab exam", "2026-09-20"},
		})
		// Every exam falls on an on-site day, none between the blocks.
		for _, m := range got {
			if m.Kind != data.MilestoneWritten && m.Kind != data.MilestoneLab {
				continue
			}
			inside := false
			for _, b := range split.Blocks {
				inside = inside || (!m.Due.Before(b.Start) && !m.Due.After(b.End))
			}
			if !inside {
				t.Errorf("%q on %s is not on an on-site day", m.Title, m.Due)
			}
		}
	})

	t.Run("a one-day block holds every exam", func(t *testing.T) {
		r := data.Rotation{Track: "MCM", Blocks: []data.Block{fBlock(t, "2026-06-01", "2026-06-01")}}
		got := data.SuggestMilestones(r, nil)
		if len(got) != 11 {
			t.Fatalf("%d suggestions, want 11", len(got))
		}
		for _, m := range got[7:] {
			if m.Due.String() != "2026-06-01" {
				t.Errorf("%q on %s, want 2026-06-01", m.Title, m.Due)
			}
		}
	})

	t.Run("no blocks, no suggestions", func(t *testing.T) {
		if got := data.SuggestMilestones(data.Rotation{Track: "MCM"}, nil); len(got) != 0 {
			t.Errorf("got %d suggestions", len(got))
		}
	})

	t.Run("a block without an end does not panic", func(t *testing.T) {
		r := data.Rotation{Track: "MCM", Blocks: []data.Block{{Start: fDate(t, "2026-06-01"), Location: "Redmond", TimeZone: "UTC"}}}
		got := data.SuggestMilestones(r, nil)
		if len(got) != 7 {
			t.Errorf("%d suggestions, want the 7 preparation steps", len(got))
		}
	})

	t.Run("suggesting twice adds nothing", func(t *testing.T) {
		first := data.SuggestMilestones(split, nil)
		for i := range first {
			first[i].ID = int64(i + 1)
		}
		if again := data.SuggestMilestones(split, first); len(again) != 0 {
			t.Errorf("second suggestion added %d milestones, e.g. %q", len(again), again[0].Title)
		}
	})

	t.Run("edited suggestions are not suggested again", func(t *testing.T) {
		existing := data.SuggestMilestones(split, nil)
		existing[4].Title = "Flights booked (LHR-SEA)" // flights
		existing[4].Due = fDate(t, "2026-03-01")
		existing[8].Title = "Exam: messaging" // written exam 2
		existing[10].Done = true              // lab exam
		if again := data.SuggestMilestones(split, existing); len(again) != 0 {
			t.Errorf("after edits, suggested again: %q", again[0].Title)
		}
	})

	t.Run("deleted suggestions come back, kept ones do not", func(t *testing.T) {
		all := data.SuggestMilestones(split, nil)
		// Keep the hotel and written exams 2 and 3, plus a milestone of the user's own.
		kept := []data.Milestone{all[5], all[8], all[9], {Title: "Flights booked", Due: fDate(t, "2026-01-01")}}
		got := data.SuggestMilestones(split, kept)
		wantSuggestions(t, got, []suggested{
			{data.MilestoneApplication, "Application submitted", "2026-02-01"},
			{data.MilestoneAccepted, "Accepted into the program", "2026-03-03"},
			{data.MilestoneFeePaid, "Program fee paid", "2026-04-02"},
			{data.MilestoneLeave, "Leave from work approved", "2026-04-02"},
			{data.MilestoneFlights, "Flights booked", "2026-04-17"},
			{data.MilestoneReading, "Reading list finished", "2026-05-25"},
			{data.MilestoneWritten, "Written exam 1", "2026-06-05"},
			{data.MilestoneLab, "Lab exam", "2026-09-20"},
		})
	})
}
