package summary

import (
	"strings"
	"testing"

	"github.com/masterplan-app/masterplan/data"
)

func fptr(v float64) *float64 { return &v }

func TestFigures(t *testing.T) {
	today := data.NewDate(2026, 12, 5)
	yes, no := true, false
	full := Summary{
		Today:    today,
		Rotation: RotationSummary{DaysLeft: 30, OnSite: 21, Blocks: []BlockEntry{{Start: today.AddDays(30), End: today.AddDays(50), Location: "Redmond", DaysLeft: 30, Phase: "upcoming"}}},
		Milestones: []MilestoneEntry{
			{ID: 1, Title: "Book flights", Due: today.AddDays(-3)},
			{ID: 2, Title: "Visa", Due: today.AddDays(10)},
			{ID: 3, Title: "Done one", Due: today.AddDays(-9), Done: true},
		},
		Reading: &ReadingStatus{Items: 10, Done: 4, Percent: 42, OnTrack: &no, BehindDays: 6, Left: 300, LeftUnit: "pages", Verdict: "Behind by 6 days"},
		Study:   &StudyStatus{WeekHours: 6, WeekGoal: 10, StreakDays: 3, BestStreakDays: 9, Sessions: 12},
		Practice: &PracticeStatus{Exams: []PracticeExam{
			{Name: "Written", PassMark: 70, Date: today.AddDays(12), Projected: fptr(85), Low: fptr(46), High: fptr(97), PassChance: fptr(81)},
			{Name: "Lab"},
		}},
		Budget: &BudgetStatus{HomeCurrency: "USD", Items: 3, Planned: "20000.00", Actual: "5000.00", Forecast: "21000.00", Employer: "18500.00", Self: "2500.00"},
	}
	tests := []struct {
		name  string
		fig   Figure
		value string
		state State
		lines []string // each is in one of the details
		bars  int
	}{
		{"rotation", full.RotationFigure(), "30 days", Neutral, []string{"Block 1, Redmond: 2027-01-04 to 2027-01-24, in 30 days", "Written: in 12 days (2026-12-17)", "Lab: no date yet"}, 0},
		{"reading", full.ReadingFigure(), "42 %", Bad, []string{"Behind by 6 days", "4 of 10 items done"}, 1},
		{"study", full.StudyFigure(), "6 h", Neutral, []string{"4 h to go", "streak 3 days (best 9 days)"}, 1},
		{"readiness", full.ReadinessFigure(), "81 %", Good, []string{"Written: projected 85 % (80 % range 46-97 %), chance about 81 % (pass mark 70 %)", "Lab: too early"}, 1},
		{"budget", full.BudgetFigure(), "USD 21,000.00", Neutral, []string{"spent USD 5,000.00 of USD 20,000.00 planned", "employer pays USD 18,500.00, you USD 2,500.00"}, 2},
	}
	full.Reading.OnTrack = &no
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.name == "reading" && tc.fig.Caption != "read, behind by 6 days" {
				t.Errorf("caption %q", tc.fig.Caption)
			}
			if tc.fig.Value != tc.value || tc.fig.State != tc.state || tc.fig.Empty {
				t.Errorf("figure %q state %v empty %v, want %q state %v", tc.fig.Value, tc.fig.State, tc.fig.Empty, tc.value, tc.state)
			}
			all := strings.Join(tc.fig.Details, "\n")
			for _, l := range tc.lines {
				if !strings.Contains(all, l) {
					t.Errorf("details %q lack %q", all, l)
				}
			}
			if len(tc.fig.Bars) != tc.bars {
				t.Errorf("%d bars, want %d", len(tc.fig.Bars), tc.bars)
			}
		})
	}
	t.Run("reading on track and too early", func(t *testing.T) {
		r := ReadingStatus{Items: 3, Done: 1, OnTrack: &yes}
		if got := r.TrackWord(); got != "on track" {
			t.Errorf("on track: %q", got)
		}
		r.OnTrack = nil
		if got := r.TrackWord(); got != "too early to tell" {
			t.Errorf("too early: %q", got)
		}
	})
	t.Run("budget bars", func(t *testing.T) {
		b := full.BudgetFigure().Bars
		if b[0].Of != 21000 || b[0].Parts[0].Value != 5000 || b[1].Parts[0].Value != 18500 || b[1].Parts[1].Value != 2500 {
			t.Errorf("bars %+v", b)
		}
	})
	t.Run("milestones: the overdue one marked", func(t *testing.T) {
		f, lines := full.MilestonesFigure(3)
		if f.Value != "1" || f.State != Bad || len(lines) != 2 || !lines[0].Overdue || lines[1].Overdue ||
			!strings.Contains(lines[0].Text, "OVERDUE by 3 days") {
			t.Errorf("figure %+v lines %+v", f, lines)
		}
	})
	t.Run("milestones: one open is one milestone", func(t *testing.T) {
		one := Summary{Today: today, Milestones: []MilestoneEntry{{ID: 2, Title: "Visa", Due: today.AddDays(10)}}}
		if f, _ := one.MilestonesFigure(3); f.Value != "1" || f.Caption != "milestone open" {
			t.Errorf("figure %+v, want 1 milestone open", f)
		}
	})
	t.Run("empty database says what to do", func(t *testing.T) {
		empty := Summary{Today: today, Milestones: []MilestoneEntry{}, Reading: &ReadingStatus{}, Study: &StudyStatus{},
			Practice: &PracticeStatus{}, Budget: &BudgetStatus{}}
		ms, _ := empty.MilestonesFigure(3)
		for _, f := range []Figure{empty.ReadingFigure(), empty.StudyFigure(), empty.ReadinessFigure(), empty.BudgetFigure(), ms} {
			if !f.Empty || len(f.Details) == 0 || !strings.Contains(f.Details[0], "screen") {
				t.Errorf("%q: empty %v, details %q; want what to do", f.Caption, f.Empty, f.Details)
			}
		}
	})
}

// Each exam's readiness bar carries its pass mark, where the dashboard
// draws a tick: the range reads against it.
func TestReadinessBarsTickAtThePassMark(t *testing.T) {
	s := Summary{Practice: &PracticeStatus{Exams: []PracticeExam{
		{Name: "Written", PassMark: 70, Low: fptr(46), High: fptr(97), Projected: fptr(85), PassChance: fptr(81)},
		{Name: "Lab", PassMark: 80, Low: fptr(60), High: fptr(75), Projected: fptr(68), PassChance: fptr(20)},
	}}}
	bars := s.ReadinessFigure().Bars
	if len(bars) != 2 {
		t.Fatalf("%d bars, want one per exam with a range", len(bars))
	}
	for i, want := range []float64{70, 80} {
		if bars[i].Mark != want {
			t.Errorf("%s: mark %v, want the pass mark %v", bars[i].Label, bars[i].Mark, want)
		}
	}
	if mark := s.BudgetFigure().Bars; len(mark) > 0 && mark[0].Mark != 0 {
		t.Error("a budget bar has a mark")
	}
}

// The dashboard lists a linked milestone's budget item on a line of its
// own, under the milestone, where the card's width does not cut it.
func TestDashboardMilestoneShowsItsLinkOnItsOwnLine(t *testing.T) {
	today := data.NewDate(2026, 12, 5)
	s := Summary{Today: today, Milestones: []MilestoneEntry{
		{ID: 1, Title: "Program fee paid", Due: today.AddDays(20), DoneWhenPaid: "Program fee: Rotation fee"},
		{ID: 2, Title: "Visa", Due: today.AddDays(30)},
	}}
	_, lines := s.MilestonesFigure(3)
	if len(lines) != 2 {
		t.Fatalf("%d lines, want 2", len(lines))
	}
	if want := "\ndone when “Program fee: Rotation fee” is paid"; !strings.HasSuffix(lines[0].Text, want) {
		t.Errorf("linked milestone %q does not end in %q", lines[0].Text, want)
	}
	if strings.Contains(lines[1].Text, "\n") {
		t.Errorf("unlinked milestone %q has a second line", lines[1].Text)
	}
}
