package store

import (
	"context"
	"errors"
	"maps"
	"slices"
	"testing"
	"time"

	"github.com/masterplan-app/masterplan/data"
)

// topicState is everything a topic change may touch: the topics with their
// exams, every attempt's scores, and the topic of each reading item and
// study session by id.
type topicState struct {
	topics   []data.Topic
	attempts []data.Attempt
	reading  map[int64]string
	sessions map[int64]string
}

func readTopicState(t *testing.T, s *Store, rotationID int64) topicState {
	t.Helper()
	ctx := context.Background()
	ts, err := s.Topics(ctx, rotationID)
	if err != nil {
		t.Fatal(err)
	}
	as, err := s.Attempts(ctx, rotationID)
	if err != nil {
		t.Fatal(err)
	}
	texts := func(table string) map[int64]string {
		out := map[int64]string{}
		rows, err := s.db.Query(`SELECT id, topic FROM ` + table)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var topic string
			if err := rows.Scan(&id, &topic); err != nil {
				t.Fatal(err)
			}
			out[id] = topic
		}
		return out
	}
	return topicState{ts, as, texts("reading_items"), texts("study_sessions")}
}

func (a topicState) equal(b topicState) bool {
	return slices.EqualFunc(a.topics, b.topics, func(x, y data.Topic) bool {
		return x.ID == y.ID && x.Name == y.Name && slices.Equal(x.ExamIDs, y.ExamIDs)
	}) && slices.EqualFunc(a.attempts, b.attempts, func(x, y data.Attempt) bool {
		return x.ID == y.ID && slices.Equal(x.Scores, y.Scores)
	}) && maps.Equal(a.reading, b.reading) && maps.Equal(a.sessions, b.sessions)
}

// Undoing a merge puts back exactly which reading items, sessions and
// scores belonged to which topic, though the merge mixed them (an attempt
// that scored both got one combined score; both topics had reading); and
// undoing a rename gives the name, the exams and the text back.
func TestUndoMergeAndRenameOfTopics(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	today := practiceToday(t)
	s, _ := openTemp(t)
	r, es, _ := withDefaults(t, s)
	dns, err := s.SaveTopic(ctx, r.ID, data.Topic{Name: "DNS", ExamIDs: []int64{es[0].ID}})
	if err != nil {
		t.Fatal(err)
	}
	names, err := s.SaveTopic(ctx, r.ID, data.Topic{Name: "Name resolution", ExamIDs: []int64{es[1].ID}})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range []data.Attempt{
		attemptOf(es[0], today.AddDays(-2), "A", data.CountedScore(dns.ID, 8, 10), data.PercentScore(names.ID, 50)),
		attemptOf(es[0], today.AddDays(-1), "A", data.CountedScore(dns.ID, 9, 10)),
		attemptOf(es[1], today.AddDays(-1), "B", data.CountedScore(names.ID, 3, 10)),
	} {
		if _, err := s.SaveAttempt(ctx, r.ID, a, today); err != nil {
			t.Fatal(err)
		}
	}
	for _, it := range []data.ReadingItem{{Title: "DNS and BIND", Topic: "dns"}, {Title: "Windows internals", Topic: "Name resolution"}, {Title: "Other"}} {
		addReading(t, s, it)
	}
	start := time.Date(2026, 3, 1, 18, 0, 0, 0, time.UTC)
	if _, err := s.AddStudySessions(ctx, []data.StudySession{
		session(start, 30, "DNS"), session(start.Add(time.Hour), 40, "name resolution"), session(start.Add(2*time.Hour), 50, ""),
	}); err != nil {
		t.Fatal(err)
	}
	before := readTopicState(t, s, r.ID)
	hoursBefore, _ := s.StudyTotals(ctx, time.UTC, today, 0)

	change, err := s.MergeTopics(ctx, r.ID, dns.ID, names.ID)
	if err != nil {
		t.Fatal(err)
	}
	if readTopicState(t, s, r.ID).equal(before) {
		t.Fatal("the merge changed nothing")
	}
	if err := s.UndoTopicChange(ctx, change); err != nil {
		t.Fatalf("undo the merge: %v", err)
	}
	if got := readTopicState(t, s, r.ID); !got.equal(before) {
		t.Errorf("after undoing the merge:\n got %+v\nwant %+v", got, before)
	}
	if got, _ := s.StudyTotals(ctx, time.UTC, today, 0); !slices.Equal(got.Topics, hoursBefore.Topics) {
		t.Errorf("study by topic after the undo %v, want %v", got.Topics, hoursBefore.Topics)
	}

	renamed := dns
	renamed.Name, renamed.ExamIDs = "DNS and WINS", []int64{es[0].ID, es[1].ID}
	_, change, err = s.RenameTopic(ctx, r.ID, renamed)
	if err != nil {
		t.Fatal(err)
	}
	if got := readTopicState(t, s, r.ID); got.reading[1] != "DNS and WINS" {
		t.Fatalf("the rename did not move the reading item: %v", got.reading)
	}
	if err := s.UndoTopicChange(ctx, change); err != nil {
		t.Fatalf("undo the rename: %v", err)
	}
	if got := readTopicState(t, s, r.ID); !got.equal(before) {
		t.Errorf("after undoing the rename:\n got %+v\nwant %+v", got, before)
	}

	// A name taken since cannot be given back: nothing changes.
	change, err = s.MergeTopics(ctx, r.ID, dns.ID, names.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveTopic(ctx, r.ID, data.Topic{Name: "dns"}); err != nil {
		t.Fatal(err)
	}
	mid := readTopicState(t, s, r.ID)
	if err := s.UndoTopicChange(ctx, change); !errors.Is(err, data.ErrConflict) {
		t.Errorf("undo onto a taken name: %v, want ErrConflict", err)
	}
	if !readTopicState(t, s, r.ID).equal(mid) {
		t.Error("a refused undo changed the topics")
	}
}
