package data

import "testing"

func TestRepeatsAttempt(t *testing.T) {
	day := NewDate(2026, 11, 1)
	stored := []Attempt{{ID: 7, ExamID: 1, Date: day, Source: "MeasureUp", Scores: []TopicScore{CountedScore(3, 8, 10)}}}
	tests := []struct {
		name string
		a    Attempt
		want bool
	}{
		{"exact repeat, source in other case", Attempt{ExamID: 1, Date: day, Source: "measureup", Scores: []TopicScore{CountedScore(3, 8, 10)}}, true},
		{"same key, another score", Attempt{ExamID: 1, Date: day, Source: "MeasureUp", Scores: []TopicScore{CountedScore(3, 9, 10)}}, false},
		{"another day", Attempt{ExamID: 1, Date: day.AddDays(1), Source: "MeasureUp", Scores: []TopicScore{CountedScore(3, 8, 10)}}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := RepeatsAttempt(tc.a, stored); got != tc.want {
				t.Errorf("RepeatsAttempt = %v, want %v", got, tc.want)
			}
		})
	}
}
