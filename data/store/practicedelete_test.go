package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"slices"
	"testing"

	"github.com/masterplan-app/masterplan/data"
)

// practiceTables are every table a delete of an exam or a topic takes
// rows from, by a cascade or explicitly.
var practiceTables = []string{"exams", "topics", "topic_exams", "attempts", "scores", "topic_merge_dismissed"}

// dumpPractice is every row of the practice tables, each row's columns as
// stored: equal dumps mean equal figures, ids, order and positions alike.
func dumpPractice(t *testing.T, s *Store) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, table := range practiceTables {
		rows, err := s.db.Query(`SELECT * FROM ` + table)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			out[table] = append(out[table], fmt.Sprintf("%#v", vals))
		}
		rows.Close()
		slices.Sort(out[table])
	}
	return out
}

// A deleted exam takes its attempts, their scores and its topic links with
// it, a deleted topic its scores (in every exam's attempts), the attempts
// that scored nothing else, its exam links and the merge offers turned down; restoring either gives back every row
// as it was, with the same ids and score positions, so that the recent
// practice the forecasts read is the same, and the kept totals stay sound.
func TestDeleteAndRestoreExamAndTopic(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	today := practiceToday(t)
	s, _ := openTemp(t)
	r, es, ts := withDefaults(t, s)
	for _, a := range []data.Attempt{
		attemptOf(es[0], today.AddDays(-9), "A", data.CountedScore(ts[0].ID, 8, 10), data.PercentScore(ts[1].ID, 55), data.CountedScore(ts[2].ID, 3, 4)),
		attemptOf(es[0], today.AddDays(-2), "A", data.CountedScore(ts[1].ID, 9, 10)),
		attemptOf(es[1], today.AddDays(-1), "B", data.CountedScore(ts[1].ID, 3, 10), data.CountedScore(ts[0].ID, 6, 10)),
	} {
		if _, err := s.SaveAttempt(ctx, r.ID, a, today); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.DismissTopicMerge(ctx, ts[1].ID, "Routing basics"); err != nil {
		t.Fatal(err)
	}
	before := dumpPractice(t, s)
	recentBefore := readRecent(t, s, r.ID)
	restored := func(t *testing.T) {
		t.Helper()
		if got := dumpPractice(t, s); !maps.EqualFunc(got, before, slices.Equal) {
			t.Errorf("after the restore:\n got %v\nwant %v", got, before)
		}
		recent := readRecent(t, s, r.ID)
		if fmt.Sprint(recent) != fmt.Sprint(recentBefore) {
			t.Errorf("recent practice after the restore:\n got %+v\nwant %+v", recent, recentBefore)
		}
		if err := s.VerifyKept(ctx); err != nil {
			t.Errorf("verify after the restore: %v", err)
		}
	}

	t.Run("an exam with its attempts", func(t *testing.T) {
		gone, err := s.DeleteExam(ctx, es[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		if gone.Name != es[0].Name || gone.Attempts != 2 || gone.Scores != 4 {
			t.Errorf("DeleteExam says it took %q, %d attempts, %d scores; want %q, 2, 4", gone.Name, gone.Attempts, gone.Scores, es[0].Name)
		}
		if got, _ := s.Exams(ctx, r.ID); slices.ContainsFunc(got, func(e data.Exam) bool { return e.ID == es[0].ID }) {
			t.Error("the exam is still there")
		}
		if n := count(t, s, "attempts"); n != 1 {
			t.Errorf("%d attempts left, want the other exam's 1", n)
		}
		if n := count(t, s, "scores"); n != 2 {
			t.Errorf("%d scores left, want the other exam's 2", n)
		}
		if err := s.VerifyKept(ctx); err != nil {
			t.Errorf("verify after the delete: %v", err)
		}
		if err := s.RestorePractice(ctx, gone); err != nil {
			t.Fatalf("restore: %v", err)
		}
		restored(t)
	})

	t.Run("a topic scored in two exams", func(t *testing.T) {
		gone, err := s.DeleteTopic(ctx, ts[1].ID)
		if err != nil {
			t.Fatal(err)
		}
		if gone.Name != ts[1].Name || gone.Attempts != 1 || gone.Scores != 3 {
			t.Errorf("DeleteTopic says it took %q, %d attempts, %d scores; want %q, 1, 3", gone.Name, gone.Attempts, gone.Scores, ts[1].Name)
		}
		// An attempt keeps its other scores; one that scored only this
		// topic would be left with none, which no attempt may be.
		if all, _ := s.Attempts(ctx, r.ID); len(all) != 2 || slices.ContainsFunc(all, func(a data.Attempt) bool { return len(a.Scores) == 0 }) {
			t.Errorf("attempts left = %+v, want the 2 with other scores", all)
		}
		if n := count(t, s, "topic_merge_dismissed"); n != 0 {
			t.Errorf("%d turned-down offers left", n)
		}
		if err := s.RestorePractice(ctx, gone); err != nil {
			t.Fatalf("restore: %v", err)
		}
		restored(t)
	})

	t.Run("a name taken since is not given back", func(t *testing.T) {
		gone, err := s.DeleteTopic(ctx, ts[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.SaveTopic(ctx, r.ID, data.Topic{Name: ts[0].Name}); err != nil {
			t.Fatal(err)
		}
		mid := dumpPractice(t, s)
		if err := s.RestorePractice(ctx, gone); !errors.Is(err, data.ErrConflict) {
			t.Errorf("restore onto a taken name: %v, want ErrConflict", err)
		}
		if got := dumpPractice(t, s); !maps.EqualFunc(got, mid, slices.Equal) {
			t.Error("a refused restore changed the practice records")
		}
	})

	t.Run("an id taken since is not given back", func(t *testing.T) {
		now, _ := s.Topics(ctx, r.ID)
		last := slices.MaxFunc(now, func(a, b data.Topic) int { return int(a.ID - b.ID) })
		gone, err := s.DeleteTopic(ctx, last.ID)
		if err != nil {
			t.Fatal(err)
		}
		taker, err := s.SaveTopic(ctx, r.ID, data.Topic{Name: "Public folders"})
		if err != nil || taker.ID != last.ID {
			t.Fatalf("the new topic got id %d (%v), want the deleted one's %d", taker.ID, err, last.ID)
		}
		mid := dumpPractice(t, s)
		if err := s.RestorePractice(ctx, gone); !errors.Is(err, data.ErrConflict) {
			t.Errorf("restore onto a taken id: %v, want ErrConflict", err)
		}
		if got := dumpPractice(t, s); !maps.EqualFunc(got, mid, slices.Equal) {
			t.Error("a refused restore changed the practice records")
		}
	})

	t.Run("missing", func(t *testing.T) {
		if _, err := s.DeleteExam(ctx, 9999); !errors.Is(err, data.ErrNotFound) {
			t.Errorf("delete a missing exam: %v", err)
		}
		if _, err := s.DeleteTopic(ctx, 9999); !errors.Is(err, data.ErrNotFound) {
			t.Errorf("delete a missing topic: %v", err)
		}
	})
}

// Every table that refers to an exam, a topic or an attempt is one a
// delete takes rows from and a restore puts back: a new one added by a
// migration must be added to the delete too.
func TestPracticeDeleteKnowsEveryReferringTable(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	rows, err := s.db.Query(`SELECT m.name, f."table" FROM sqlite_master m, pragma_foreign_key_list(m.name) f
		WHERE m.type = 'table' AND f."table" IN ('exams', 'topics', 'attempts')`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var table, parent string
		if err := rows.Scan(&table, &parent); err != nil {
			t.Fatal(err)
		}
		if !slices.Contains(practiceTables, table) {
			t.Errorf("%s refers to %s, but deleting one does not keep its rows for the restore", table, parent)
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
}

// readRecent reads the newest attempts the forecasts use, as the plan's
// read does.
func readRecent(t *testing.T, s *Store, rotationID int64) data.RecentPractice {
	t.Helper()
	var recent data.RecentPractice
	if err := s.inReadTx(context.Background(), func(tx *sql.Tx) error {
		var err error
		recent, err = recentAttempts(context.Background(), tx, rotationID, data.DefaultFitWindow)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return recent
}
