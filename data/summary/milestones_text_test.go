package summary_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/summary"
)

// manyMilestones is a summary on 2026-11-23 with n open milestones, one a
// day from two days ago, and done ones every tenth.
func manyMilestones(n int) summary.Summary {
	today := data.NewDate(2026, 11, 23)
	s := summary.Summary{Today: today, TimeZone: "UTC", Track: "MCM", Headline: "Rotation in 98 days"}
	for i := range n {
		s.Milestones = append(s.Milestones, summary.MilestoneEntry{
			ID: int64(i + 1), Title: fmt.Sprintf("Step %d", i+1), Due: today.AddDays(i - 2), Done: i%10 == 9,
		})
	}
	return s
}

// TestStatusTextListsTheNextFewMilestones holds issue 16 item 18 (and the
// status half of item 11): the text listed every milestone, done ones too,
// by string concatenation (20,000 milestones: 6.6 s). It shows the next
// few open ones, soonest (most overdue) first, saying which are overdue,
// and counts the rest.
func TestStatusTextListsTheNextFewMilestones(t *testing.T) {
	text := manyMilestones(20000).Text()
	want := "\nMilestones:\n" +
		"  [ ] 2026-11-21  Step 1  (id 1, OVERDUE by 2 days)\n" +
		"  [ ] 2026-11-22  Step 2  (id 2, OVERDUE by 1 day)\n" +
		"  [ ] 2026-11-23  Step 3  (id 3, due today)\n" +
		"  [ ] 2026-11-24  Step 4  (id 4, due tomorrow)\n" +
		"  [ ] 2026-11-25  Step 5  (id 5, due in 2 days)\n" +
		"  and 17995 more open, 2000 done (`masterplan status --json` lists them all)\n"
	if !strings.Contains(text, want) {
		t.Fatalf("status text lacks\n%s\nit is:\n%s", want, text[:min(len(text), 2000)])
	}
	if lines := strings.Count(text, "\n"); lines > 40 {
		t.Errorf("status text has %d lines for 20,000 milestones", lines)
	}
	t.Run("all done", func(t *testing.T) {
		s := manyMilestones(1)
		s.Milestones[0].Done = true
		if text := s.Text(); !strings.Contains(text, "\nMilestones:\n  none open, 1 done\n") {
			t.Fatalf("status text:\n%s", text)
		}
	})
	t.Run("none", func(t *testing.T) {
		if text := manyMilestones(0).Text(); !strings.Contains(text, "\nMilestones:\n  none yet (add one with `masterplan milestone add`)\n") {
			t.Fatalf("status text:\n%s", text)
		}
	})
	t.Run("a few, nothing more to count", func(t *testing.T) {
		text := manyMilestones(3).Text()
		if strings.Contains(text, " more") || !strings.Contains(text, "  [ ] 2026-11-23  Step 3  (id 3, due today)\n") {
			t.Fatalf("status text:\n%s", text)
		}
	})
}

// BenchmarkStatusText20000Milestones is `status` text on a plan with
// 20,000 milestones (issue 16 item 18: 6.6 s when the text was
// concatenated).
func BenchmarkStatusText20000Milestones(b *testing.B) {
	s := manyMilestones(20000)
	for b.Loop() {
		if len(s.Text()) == 0 {
			b.Fatal("no text")
		}
	}
}
