package data

import (
	"slices"
	"testing"
)

// The timer offered only the reading topics ("Performance"), so study
// never reached the practice topics: now every topic, practice first.
func TestTopicChoicesOfferPracticeTopicsFirst(t *testing.T) {
	practice := []Topic{{ID: 1, Name: "Query processing and tuning"}, {ID: 2, Name: "High availability"}}
	got := TopicChoices(practice, []string{"Performance", "high  availability", ""}, []string{"Backup & restore", "performance"})
	want := []string{"Query processing and tuning", "High availability", "Backup & restore", "Performance"}
	if !slices.Equal(got, want) {
		t.Fatalf("choices %q, want %q", got, want)
	}
}
