package store

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/masterplan-app/masterplan/data"
)

// The Practice screen's offer: a reading topic "Indexes" next to the
// practice topic "Indexes and statistics" is offered for merging; merging
// moves its reading and study (and undo puts them back), dismissing it is
// remembered.
func TestTopicMergeOffersMergeAndDismiss(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	r := setUp(t, s)
	idx, err := s.SaveTopic(ctx, r.ID, data.Topic{Name: "Indexes and statistics"})
	if err != nil {
		t.Fatal(err)
	}
	sec, err := s.SaveTopic(ctx, r.ID, data.Topic{Name: "Security"})
	if err != nil {
		t.Fatal(err)
	}
	item := addReading(t, s, data.ReadingItem{Title: "Inside the index", Topic: "Indexes"})
	if _, err := s.AddStudySessions(ctx, []data.StudySession{
		session(time.Date(2026, 3, 1, 18, 0, 0, 0, time.UTC), 60, "Security auditing"),
		session(time.Date(2026, 3, 2, 18, 0, 0, 0, time.UTC), 30, "indexes"),
		session(time.Date(2026, 3, 3, 18, 0, 0, 0, time.UTC), 30, "Performance"),
	}); err != nil {
		t.Fatal(err)
	}
	offers := func() []string {
		t.Helper()
		got, err := s.TopicMergeOffers(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, o := range got {
			out = append(out, o.Other+" > "+o.Topic.Name)
		}
		return out
	}
	if got := offers(); len(got) != 2 || got[0] != "Indexes > Indexes and statistics" || got[1] != "Security auditing > Security" {
		t.Fatalf("offers %q", got)
	}
	if err := s.DismissTopicMerge(ctx, sec.ID, "security  AUDITING"); err != nil {
		t.Fatal(err)
	}
	change, err := s.MergeTopicName(ctx, r.ID, "Indexes", idx.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := offers(); len(got) != 0 {
		t.Errorf("offers after a merge and a dismissal: %q", got)
	}
	if got, _ := s.ReadingItem(ctx, item.ID); got.Topic != idx.Name {
		t.Errorf("reading item topic %q after the merge", got.Topic)
	}
	choices, err := s.TopicChoices(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Indexes and statistics|Security|Performance|Security auditing"; strings.Join(choices, "|") != want {
		t.Errorf("choices %s, want %s", strings.Join(choices, "|"), want)
	}
	if err := s.UndoTopicChange(ctx, change); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.ReadingItem(ctx, item.ID); got.Topic != "Indexes" {
		t.Errorf("reading item topic %q after the undo", got.Topic)
	}
	if got := offers(); len(got) != 1 || got[0] != "Indexes > Indexes and statistics" {
		t.Errorf("offers after the undo: %q (the dismissal stays)", got)
	}
}
