package store

import (
	"context"
	"testing"
	"time"

	"github.com/masterplan-app/masterplan/data"
)

// Merging the study topic "Performance" into the practice topic "Query
// processing and tuning" moves its reading items and study sessions, so
// the hours studied reach the practice topic; renaming moves them too.
func TestMergeAndRenameMoveReadingAndStudy(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	r := setUp(t, s)
	query, err := s.SaveTopic(ctx, r.ID, data.Topic{Name: "Query processing and tuning"})
	if err != nil {
		t.Fatal(err)
	}
	perf, err := s.SaveTopic(ctx, r.ID, data.Topic{Name: "Performance"})
	if err != nil {
		t.Fatal(err)
	}
	day := date(t, "2026-03-01")
	item, err := s.SaveReadingItem(ctx, data.ReadingItem{Title: "Internals", Topic: "performance", Size: 100}, day)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddStudySessions(ctx, []data.StudySession{
		{Start: time.Date(2026, 3, 1, 18, 0, 0, 0, time.UTC), Duration: 2 * time.Hour, Topic: "Performance"},
	}); err != nil {
		t.Fatal(err)
	}
	hours := func(topic string) time.Duration {
		t.Helper()
		got, err := s.StudySince(ctx, time.UTC, []data.TopicDay{{Topic: topic, Day: day}})
		if err != nil {
			t.Fatal(err)
		}
		return got[data.TopicDay{Topic: topic, Day: day}]
	}
	if hours("Performance") != 2*time.Hour || hours(query.Name) != 0 {
		t.Fatalf("before: %v on Performance, %v on %s", hours("Performance"), hours(query.Name), query.Name)
	}
	if _, err := s.MergeTopics(ctx, r.ID, perf.ID, query.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.ReadingItem(ctx, item.ID); got.Topic != query.Name {
		t.Errorf("reading item topic %q after the merge, want %q", got.Topic, query.Name)
	}
	if hours(query.Name) != 2*time.Hour || hours("Performance") != 0 {
		t.Errorf("after the merge: %v on %s, %v on Performance", hours(query.Name), query.Name, hours("Performance"))
	}
	query.Name = "Query tuning"
	if _, err := s.SaveTopic(ctx, r.ID, query); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.ReadingItem(ctx, item.ID); got.Topic != "Query tuning" || hours("Query tuning") != 2*time.Hour {
		t.Errorf("after the rename: item topic %q, %v studied", got.Topic, hours("Query tuning"))
	}
}
