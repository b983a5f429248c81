package store

import (
	"context"
	"database/sql"
	"fmt"
	"reflect"
	"testing"

	"github.com/masterplan-app/masterplan/data"
)

// The practice the plan hands to the summary is the practice the summary
// read itself before: the rotation's exams, its topics and the newest
// attempts over the default window, and the plan's inputs are PlanInput's.
func TestPlanInputAndPracticeIsWhatThePracticeReads(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	today := practiceToday(t)
	s, _ := openTemp(t)
	rot, exams, topics := withDefaults(t, s)
	for i := range 30 {
		a := attemptOf(exams[i%len(exams)], today.AddDays(-3*i), fmt.Sprintf("source %d", i),
			data.CountedScore(topics[i%len(topics)].ID, 10+i%20, 40), data.PercentScore(topics[(i+3)%len(topics)].ID, float64(50+i)))
		if _, err := s.SaveAttempt(ctx, rot.ID, a, today); err != nil {
			t.Fatal(err)
		}
	}
	in, practice, err := s.PlanInputAndPractice(ctx, testNow)
	if err != nil {
		t.Fatal(err)
	}
	alone, err := s.PlanInput(ctx, testNow)
	if err != nil || !reflect.DeepEqual(in, alone) {
		t.Errorf("plan input with the practice differs from PlanInput's (%v):\n%+v\n%+v", err, in, alone)
	}
	wantExams, err := s.Exams(ctx, rot.ID)
	if err != nil || !reflect.DeepEqual(practice.Exams, wantExams) {
		t.Errorf("exams = %+v, want %+v (%v)", practice.Exams, wantExams, err)
	}
	wantTopics, err := s.Topics(ctx, rot.ID)
	if err != nil || !reflect.DeepEqual(practice.Topics, wantTopics) {
		t.Errorf("topics = %+v, want %+v (%v)", practice.Topics, wantTopics, err)
	}
	var wantRecent data.RecentPractice
	if err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		wantRecent, err = recentAttempts(ctx, tx, rot.ID, data.DefaultFitWindow)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if len(practice.Recent.Attempts) == 0 || !reflect.DeepEqual(practice.Recent, wantRecent) {
		t.Errorf("recent attempts = %+v, want %+v", practice.Recent, wantRecent)
	}
}
