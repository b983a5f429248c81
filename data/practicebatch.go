package data

import (
	"fmt"
	"slices"
)

// NamedAttempt is an attempt as a file gives it: its exam and topics known
// by name. Attempt carries their IDs where they exist already and 0 for
// those still to create, so whoever writes it creates those first, then
// calls Resolve.
type NamedAttempt struct {
	Exam    string   // the exam's name, as stored when it exists, else as in the file
	Topics  []string // the topic of each of Attempt.Scores, named the same way
	Attempt Attempt
	Lines   []int // the lines of its rows in the file, in file order
}

// Resolve returns the attempt with its exam and topic IDs looked up by name
// in exams and topics (as FindExam does). The error matches ErrNotFound
// when one is missing.
func (a NamedAttempt) Resolve(exams []Exam, topics []Topic) (Attempt, error) {
	at := a.Attempt
	if len(a.Topics) != len(at.Scores) {
		return Attempt{}, fmt.Errorf("attempt on %s: %w: %d topic names for %d scores", at.Date, ErrInvalid, len(a.Topics), len(at.Scores))
	}
	e, ok := FindExam(exams, a.Exam)
	if !ok {
		return Attempt{}, fmt.Errorf("attempt on %s: exam %q: %w", at.Date, a.Exam, ErrNotFound)
	}
	at.ExamID = e.ID
	at.Scores = slices.Clone(at.Scores)
	for i, name := range a.Topics {
		t, ok := FindTopic(topics, name)
		if !ok {
			return Attempt{}, fmt.Errorf("attempt on %s: topic %q: %w", at.Date, name, ErrNotFound)
		}
		at.Scores[i].TopicID = t.ID
	}
	return at, nil
}

// PracticeBatch is what a practice import writes, all of it in one
// transaction: the exams and topics to create (by name, each once), then
// the attempts, with the file line of each for messages. WithDefaults asks
// for the track's default exams and topics first when Practice was never
// opened, as opening it would (the CLI does; the seed generator does not).
type PracticeBatch struct {
	WithDefaults bool
	NewExams     []string
	NewTopics    []string
	Attempts     []NamedAttempt
	Lines        []int
}

// RepeatsAttempt reports whether a is an exact repeat of an attempt in
// existing: the same day, exam and source (Attempt.Key) and the same
// scores in the same order. An import skips such an attempt; one that
// shares the key but not the scores is a conflict (CheckDuplicateAttempt).
func RepeatsAttempt(a Attempt, existing []Attempt) bool {
	k := a.Key()
	for _, o := range existing {
		if o.Key() == k && slices.Equal(o.Scores, a.Scores) {
			return true
		}
	}
	return false
}
