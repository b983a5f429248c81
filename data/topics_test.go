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

// Similar names, as a user writes reading topics next to the catalog's
// practice topics (data.defaultTopicNames), in both directions.
func TestSimilarTopicNames(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Indexes and statistics", "Indexes", true},
		{"High availability (clustering, mirroring, log shipping)", "High availability", true},
		{"Query processing and tuning", "Query tuning", true},
		{"Backup and recovery", "Backups", true},
		{"Performance and capacity", "performance", true},
		{"Authentication and security", "Security", true},
		{"Query processing and tuning", "Query processing and tuning labs", true},
		{"Query processing and tuning", "Performance", false},
		{"Storage engine and database internals", "SQL Server internals", false},
		{"Mailbox databases and high availability (DAG)", "Database design", false},
		{"Backup & restore", "backup/restore", false}, // already one topic (TopicKey)
		{"Security", "", false},
		{"and", "Security and auditing", false},
	}
	for _, tc := range tests {
		if got := SimilarTopicNames(tc.a, tc.b); got != tc.want {
			t.Errorf("SimilarTopicNames(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
		if got := SimilarTopicNames(tc.b, tc.a); got != tc.want {
			t.Errorf("SimilarTopicNames(%q, %q) = %v, want %v (the other way round)", tc.b, tc.a, got, tc.want)
		}
	}
}

func TestTopicMergeOffers(t *testing.T) {
	practice := []Topic{{ID: 1, Name: "Query processing and tuning"}, {ID: 2, Name: "Indexes and statistics"}, {ID: 3, Name: "Security"}}
	others := []string{"Performance", "query tuning", "Query Tuning", "Indexes", "security", "Security auditing"}
	dismissed := func(id int64, key string) bool { return id == 3 && key == "security auditing" }
	got := TopicMergeOffers(practice, others, dismissed)
	want := []TopicMergeOffer{{practice[0], "query tuning"}, {practice[1], "Indexes"}}
	if !slices.EqualFunc(got, want, func(a, b TopicMergeOffer) bool { return a.Topic.ID == b.Topic.ID && a.Other == b.Other }) {
		t.Errorf("offers %+v, want %+v", got, want)
	}
}
