package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/masterplan-app/masterplan/data"
)

// RemovedPractice is what DeleteExam or DeleteTopic took: the exam's or
// topic's row and every row that went with it, each with all its columns
// as stored, so that RestorePractice puts them back exactly (the same ids,
// the same score positions) and every figure worked out from them
// (readiness, scores, status) is the same as before the delete.
type RemovedPractice struct {
	// Name is the exam's or topic's name; Attempts and Scores count the
	// practice attempts and the scores that went with it, for the screen
	// to say what an undo brings back.
	Name             string
	Attempts, Scores int
	rotationID       int64
	kind             string         // "exam" or "topic"
	tables           []removedTable // parents first: the order of a restore
}

// removedTable is the rows a delete took from one table.
type removedTable struct {
	name    string
	columns []string
	rows    [][]any
}

// removedRows names, for each table a delete takes rows from, which rows:
// a condition on the deleted exam's or topic's id, ?1.
type removedRows struct {
	table, where string
}

// examRows are the rows that go with an exam: its row, its links to the
// topics it covers, its attempts and their scores.
var examRows = []removedRows{
	{"exams", "id = ?1"},
	{"topic_exams", "exam_id = ?1"},
	{"attempts", "exam_id = ?1"},
	{"scores", "attempt_id IN (SELECT id FROM attempts WHERE exam_id = ?1)"},
}

// scoredOnlyTopic picks the attempts that scored topic ?1 and nothing
// else: without it they would have no score, which no attempt may have.
const scoredOnlyTopic = `id IN (SELECT attempt_id FROM scores WHERE topic_id = ?1)
	AND NOT EXISTS (SELECT 1 FROM scores o WHERE o.attempt_id = attempts.id AND o.topic_id <> ?1)`

// topicRows are the rows that go with a topic: its row, its links to the
// exams that cover it, the attempts that scored only it, its scores in
// every attempt and the merge offers turned down for it
// (Store.DismissTopicMerge).
var topicRows = []removedRows{
	{"topics", "id = ?1"},
	{"topic_exams", "topic_id = ?1"},
	{"attempts", scoredOnlyTopic},
	{"scores", "topic_id = ?1"},
	{"topic_merge_dismissed", "topic_id = ?1"},
}

// DeleteExam deletes an exam with its practice attempts, their scores and
// its links to topics, in one transaction, and returns what it took for
// RestorePractice: the screen deletes at once and offers to undo. (The
// schema's RESTRICT keeps attempts from going with an exam by accident;
// here they are deleted on purpose, and kept for the undo.)
func (s *Store) DeleteExam(ctx context.Context, id int64) (RemovedPractice, error) {
	gone := RemovedPractice{kind: "exam"}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := gone.keep(ctx, tx, id, examRows); err != nil {
			return err
		}
		gone.Attempts, gone.Scores = gone.count("attempts"), gone.count("scores")
		// The scores go with their attempts (ON DELETE CASCADE), the
		// topic links with the exam.
		if _, err := tx.ExecContext(ctx, `DELETE FROM attempts WHERE exam_id = ?`, id); err != nil {
			return err
		}
		return expectOne(tx.ExecContext(ctx, `DELETE FROM exams WHERE id = ?`, id))
	})
	if err != nil {
		return RemovedPractice{}, fmt.Errorf("delete exam %d: %w", id, err)
	}
	return gone, nil
}

// DeleteTopic deletes a topic with its scores in every attempt (the
// attempts keep their other scores; one that scored only this topic goes
// too), its links to exams and the merge offers turned down for it, in one
// transaction, and returns what it took for RestorePractice.
func (s *Store) DeleteTopic(ctx context.Context, id int64) (RemovedPractice, error) {
	gone := RemovedPractice{kind: "topic"}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := gone.keep(ctx, tx, id, topicRows); err != nil {
			return err
		}
		gone.Attempts, gone.Scores = gone.count("attempts"), gone.count("scores")
		if _, err := tx.ExecContext(ctx, `DELETE FROM attempts WHERE `+scoredOnlyTopic, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM scores WHERE topic_id = ?`, id); err != nil {
			return err
		}
		return expectOne(tx.ExecContext(ctx, `DELETE FROM topics WHERE id = ?`, id))
	})
	if err != nil {
		return RemovedPractice{}, fmt.Errorf("delete topic %d: %w", id, err)
	}
	return gone, nil
}

// RestorePractice puts back, in one transaction, every row DeleteExam or
// DeleteTopic took, with its id. A name another exam or topic has taken
// since is a conflict, as is a row that can no longer go back (its id
// taken, what it refers to deleted since): nothing is restored then.
func (s *Store) RestorePractice(ctx context.Context, gone RemovedPractice) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var taken int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM `+gone.kind+`s WHERE rotation_id = ? AND name_key = ?`,
			gone.rotationID, data.NameKey(gone.Name)).Scan(&taken); err != nil {
			return err
		}
		if taken > 0 {
			return fmt.Errorf("%w: another %s is called %q now; rename it first", data.ErrConflict, gone.kind, gone.Name)
		}
		for _, t := range gone.tables {
			if err := t.insert(ctx, tx); isConstraint(err) {
				return fmt.Errorf("%w: the practice records changed since the delete: a new record took its place, "+
					"or what it belonged to was deleted (%w)", data.ErrConflict, err)
			} else if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("bring back the %s %q: %w", gone.kind, gone.Name, err)
	}
	return nil
}

// keep reads, before the delete, the exam's or topic's name and every
// row of tables that goes with it.
func (g *RemovedPractice) keep(ctx context.Context, tx *sql.Tx, id int64, tables []removedRows) error {
	err := tx.QueryRowContext(ctx, `SELECT rotation_id, name FROM `+g.kind+`s WHERE id = ?`, id).Scan(&g.rotationID, &g.Name)
	if errors.Is(err, sql.ErrNoRows) {
		return data.ErrNotFound
	}
	if err != nil {
		return err
	}
	for _, r := range tables {
		t, err := readRemoved(ctx, tx, r, id)
		if err != nil {
			return fmt.Errorf("read %s: %w", r.table, err)
		}
		g.tables = append(g.tables, t)
	}
	return nil
}

// count is how many rows of table the delete took.
func (g *RemovedPractice) count(table string) int {
	for _, t := range g.tables {
		if t.name == table {
			return len(t.rows)
		}
	}
	return 0
}

// readRemoved reads the rows r names, every column as stored.
func readRemoved(ctx context.Context, tx *sql.Tx, r removedRows, id int64) (removedTable, error) {
	t := removedTable{name: r.table}
	rows, err := tx.QueryContext(ctx, `SELECT * FROM `+r.table+` WHERE `+r.where, id)
	if err != nil {
		return t, err
	}
	defer rows.Close()
	if t.columns, err = rows.Columns(); err != nil {
		return t, err
	}
	for rows.Next() {
		row := make([]any, len(t.columns))
		ptrs := make([]any, len(row))
		for i := range row {
			ptrs[i] = &row[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return t, err
		}
		t.rows = append(t.rows, row)
	}
	return t, rows.Err()
}

// insert writes t's rows back as they were read.
func (t removedTable) insert(ctx context.Context, tx *sql.Tx) error {
	if len(t.rows) == 0 {
		return nil
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO `+t.name+` (`+strings.Join(t.columns, ", ")+`) VALUES (?`+
		strings.Repeat(", ?", len(t.columns)-1)+`)`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, row := range t.rows {
		if _, err := stmt.ExecContext(ctx, row...); err != nil {
			return fmt.Errorf("%s: %w", t.name, err)
		}
	}
	return nil
}

// isConstraint reports whether err is SQLite refusing a row: a unique key
// or a foreign key it breaks.
func isConstraint(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_CONSTRAINT
}
