package store

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/masterplan-app/masterplan/data"
)

// recountedTopicExamScores counts the scores per topic and exam from the
// scores themselves, independently of topicExamScoresQuery.
func recountedTopicExamScores(t *testing.T, db *sql.DB) map[[2]int64]int {
	t.Helper()
	return topicExamCounts(t, db, `SELECT s.topic_id, a.exam_id, count(*) FROM scores s JOIN attempts a ON a.id = s.attempt_id GROUP BY 1, 2`)
}

func topicExamCounts(t *testing.T, db *sql.DB, query string) map[[2]int64]int {
	t.Helper()
	rows, err := db.Query(query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[[2]int64]int{}
	for rows.Next() {
		var topic, exam int64
		var n int
		if err := rows.Scan(&topic, &exam, &n); err != nil {
			t.Fatal(err)
		}
		out[[2]int64{topic, exam}] = n
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// checkRecentAttempts checks that recentAttempts returns the newest attempts, as stored, with at least the
// points a forecast over window looks at for every exam and topic.
func checkRecentAttempts(t *testing.T, s *Store, rotationID int64, window int, when string) {
	t.Helper()
	ctx := context.Background()
	counted := recountedTopicExamScores(t, s.db)
	all, err := s.Attempts(ctx, rotationID)
	if err != nil {
		t.Fatal(err)
	}
	var recent data.RecentPractice
	if err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		recent, err = recentAttempts(ctx, tx, rotationID, window)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	tail := all[len(all)-len(recent.Attempts):]
	if !slices.EqualFunc(tail, recent.Attempts, func(a, b data.Attempt) bool {
		return a.ID == b.ID && a.ExamID == b.ExamID && a.Date == b.Date && slices.Equal(a.Scores, b.Scores)
	}) {
		t.Fatalf("%s: recent attempts %+v are not the newest of %+v", when, recent.Attempts, all)
	}
	wanted := window // the readiness model fits the last window points
	if wanted < 1 {
		wanted = data.DefaultFitWindow
	}
	examPoints, topicPoints := map[int64][]int{}, map[int64][]int{} // [in the recent ones, in all]
	for i, a := range all {
		in := 0
		if i >= len(all)-len(recent.Attempts) {
			in = 1
		}
		examPoints[a.ExamID] = append(examPoints[a.ExamID], in)
		for _, sc := range a.Scores {
			topicPoints[sc.TopicID] = append(topicPoints[sc.TopicID], in)
		}
	}
	for what, points := range map[string]map[int64][]int{"exam": examPoints, "topic": topicPoints} {
		for id, in := range points {
			got := 0
			for _, n := range in {
				got += n
			}
			if got < min(wanted, len(in)) {
				t.Fatalf("%s: %s %d has %d of its %d points among the recent attempts, want %d", when, what, id, got, len(in), min(wanted, len(in)))
			}
		}
	}
	scoredIn := map[[2]int64]int{}
	for topic, exams := range recent.ScoredIn {
		for _, exam := range exams {
			scoredIn[[2]int64{topic, exam}] = counted[[2]int64{topic, exam}]
		}
	}
	if !maps.Equal(scoredIn, counted) {
		t.Fatalf("%s: scored in %v, want the pairs of %v", when, recent.ScoredIn, counted)
	}
	// Each topic's first score, from every attempt read in full.
	first := map[int64]data.Date{}
	for _, a := range all {
		for _, sc := range a.Scores {
			if d, ok := first[sc.TopicID]; !ok || a.Date.Before(d) {
				first[sc.TopicID] = a.Date
			}
		}
	}
	if !maps.Equal(recent.FirstScored, first) {
		t.Fatalf("%s: first scored %v, want %v", when, recent.FirstScored, first)
	}
}

// The recent attempts always hold what the forecasts read, through every
// write of attempts and scores (adds, edits that move an attempt to
// another exam or change its scores, deletes that cascade, merges).
func TestRecentAttemptsFollowEveryWrite(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	today := practiceToday(t)
	s, _ := openTemp(t)
	rot, exams, topics := withDefaults(t, s)
	r := rand.New(rand.NewPCG(14, 15))
	randomScores := func() []data.TopicScore {
		var scores []data.TopicScore
		for _, i := range r.Perm(len(topics))[:1+r.IntN(4)] {
			if r.IntN(4) == 0 {
				scores = append(scores, data.PercentScore(topics[i].ID, float64(r.IntN(101))))
			} else {
				total := 1 + r.IntN(40)
				scores = append(scores, data.CountedScore(topics[i].ID, r.IntN(total+1), total))
			}
		}
		return scores
	}
	checkRecentAttempts(t, s, rot.ID, 0, "empty")
	var ids []int64
	for step := range 150 {
		switch op := r.IntN(20); {
		case op < 10 || len(ids) == 0:
			a := attemptOf(exams[r.IntN(len(exams))], today.AddDays(-r.IntN(200)), fmt.Sprintf("source %d", step), randomScores()...)
			saved, err := s.SaveAttempt(ctx, rot.ID, a, today)
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, saved.ID)
		case op < 14:
			a := attemptOf(exams[r.IntN(len(exams))], today.AddDays(-r.IntN(200)), fmt.Sprintf("source %d", step), randomScores()...)
			a.ID = ids[r.IntN(len(ids))]
			if _, err := s.SaveAttempt(ctx, rot.ID, a, today); err != nil {
				t.Fatal(err)
			}
		case op < 16:
			// No store method moves a score in place (writeScores replaces
			// them), but the counts must follow one that does.
			from, to := ids[r.IntN(len(ids))], ids[r.IntN(len(ids))]
			move := `UPDATE OR IGNORE scores SET topic_id = ? WHERE attempt_id = ? AND topic_id = (SELECT min(topic_id) FROM scores WHERE attempt_id = ?)`
			args := []any{topics[r.IntN(len(topics))].ID, from, from}
			if op == 15 {
				move = `UPDATE OR IGNORE scores SET attempt_id = ? WHERE attempt_id = ? AND topic_id = (SELECT min(topic_id) FROM scores WHERE attempt_id = ?)
					AND (SELECT count(*) FROM scores WHERE attempt_id = ?) > 1`
				args = []any{to, from, from, from}
			}
			if _, err := s.db.Exec(move, args...); err != nil {
				t.Fatal(err)
			}
		case op < 18:
			i := r.IntN(len(ids))
			if _, err := s.DeleteAttempt(ctx, rot.ID, ids[i]); err != nil {
				t.Fatal(err)
			}
			ids = slices.Delete(ids, i, i+1)
		default:
			// Merge one topic into another and add a new one in its place.
			i, j := r.IntN(len(topics)), r.IntN(len(topics)-1)
			if j >= i {
				j++
			}
			if _, err := s.MergeTopics(ctx, rot.ID, topics[i].ID, topics[j].ID); err != nil {
				t.Fatal(err)
			}
			added, err := s.SaveTopic(ctx, rot.ID, data.Topic{Name: fmt.Sprintf("Topic %d", step), ExamIDs: []int64{exams[0].ID}})
			if err != nil {
				t.Fatal(err)
			}
			topics[i] = added
		}
		checkRecentAttempts(t, s, rot.ID, []int{0, 2, 6}[step%3], fmt.Sprintf("after step %d", step))
	}
}

// The attempts are read newest first by the date index, each one's
// scores by their key: nothing is sorted, so reading stops where the
// caller stops.
func TestRecentAttemptsWalkTheDateIndex(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	plan := queryPlan(t, s.db, newestAttemptsQuery, 1)
	if !strings.Contains(plan, "USING INDEX attempts_by_date") || !strings.Contains(plan, "USING PRIMARY KEY (attempt_id=?)") || strings.Contains(plan, "TEMP B-TREE") {
		t.Errorf("newest attempts plan:\n%s", plan)
	}
}
