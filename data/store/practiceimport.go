package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/masterplan-app/masterplan/data"
)

// This file holds the practice area's first-use defaults and its import:
// both create exams and topics, and an import on a database where Practice
// was never opened creates the defaults first, in its own transaction, so
// that a dry run (which only reads) sees the same exams the import will.

// keyPracticeDefaults records that the default exams and topics were offered
// once: a user who deletes them all does not get them back unasked.
const keyPracticeDefaults = "practice.defaults_done"

// EnsurePracticeDefaults gives rotation r the track's default exams (see
// data.DefaultExams) and suggested topics (data.SuggestTopics) the first
// time practice is opened, in one transaction, and reports whether it added
// them. Exam dates come from the rotation's exam milestones where they
// exist (same title), else from the dates data.SuggestMilestones proposes
// for them; every suggested topic is covered by every exam until the user
// says otherwise.
func (s *Store) EnsurePracticeDefaults(ctx context.Context, r data.Rotation) (bool, error) {
	// Read first: the write transaction (BEGIN IMMEDIATE) is only needed once.
	if _, done, err := s.Setting(ctx, keyPracticeDefaults); err != nil || done {
		return false, err
	}
	added := false
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		added, err = ensurePracticeDefaults(ctx, tx, r)
		return err
	})
	if err != nil {
		return false, fmt.Errorf("add the default exams and topics: %w", err)
	}
	return added, nil
}

// practiceDefaults returns the exams (dated, without IDs) and topic names
// that EnsurePracticeDefaults would add to rotation r, and whether it
// would: not once offered, nor when exams were made another way.
func practiceDefaults(ctx context.Context, q querier, r data.Rotation) ([]data.Exam, []string, bool, error) {
	if _, done, err := setting(ctx, q, keyPracticeDefaults); err != nil || done {
		return nil, nil, false, err
	}
	var n int
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM exams WHERE rotation_id = ?`, r.ID).Scan(&n); err != nil || n > 0 {
		return nil, nil, false, err
	}
	due := map[string]data.Date{}
	for _, m := range data.SuggestMilestones(r, nil) {
		due[data.NameKey(m.Title)] = m.Due
	}
	rows, err := q.QueryContext(ctx, `SELECT title, due_date FROM milestones WHERE rotation_id = ? AND kind IN (?, ?) ORDER BY id`,
		r.ID, data.MilestoneWritten, data.MilestoneLab)
	if err != nil {
		return nil, nil, false, err
	}
	defer rows.Close()
	for rows.Next() {
		var title, d string
		if err := rows.Scan(&title, &d); err != nil {
			return nil, nil, false, err
		}
		if day, err := storedDate("due", d); err == nil {
			due[data.NameKey(title)] = day
		}
	}
	if err := rows.Err(); err != nil {
		return nil, nil, false, err
	}
	exams := data.DefaultExams()
	for i := range exams {
		exams[i].Date = due[data.NameKey(exams[i].Name)]
	}
	return exams, data.SuggestTopics(r.Track), true, nil
}

// ensurePracticeDefaults writes the defaults practiceDefaults gives, and
// the setting that says they were offered, in tx.
func ensurePracticeDefaults(ctx context.Context, tx *sql.Tx, r data.Rotation) (bool, error) {
	exams, topicNames, needed, err := practiceDefaults(ctx, tx, r)
	if err != nil {
		return false, err
	}
	if !needed {
		// Offered before, or exams made another way (an import) first:
		// either way they are not offered again.
		return false, putSetting(ctx, tx, keyPracticeDefaults, "1")
	}
	var ids []int64
	for _, e := range exams {
		saved, err := insertExam(ctx, tx, r.ID, e)
		if err != nil {
			return false, err
		}
		ids = append(ids, saved.ID)
	}
	for _, name := range topicNames {
		if _, err := insertTopic(ctx, tx, r.ID, data.Topic{Name: name, ExamIDs: ids}); err != nil {
			return false, err
		}
	}
	return true, putSetting(ctx, tx, keyPracticeDefaults, "1")
}

// PracticeImportTargets reads, without writing anything, what a practice
// import into rotation r is checked against: the exams, topics and
// attempts stored, and, on a rotation whose Practice was never opened, the
// default exams and topics the import will create first (with IDs below
// zero, as they are not stored yet: they match by name).
func (s *Store) PracticeImportTargets(ctx context.Context, r data.Rotation) ([]data.Exam, []data.Topic, []data.Attempt, error) {
	var (
		es []data.Exam
		ts []data.Topic
		as []data.Attempt
	)
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		pc, err := loadPracticeContext(ctx, tx, r.ID)
		if err != nil {
			return err
		}
		es, ts, as = pc.exams, pc.topics, pc.attempts
		defExams, defTopics, needed, err := practiceDefaults(ctx, tx, r)
		if err != nil || !needed {
			return err
		}
		var ids []int64
		for i, e := range defExams {
			e.ID = -int64(i + 1)
			ids = append(ids, e.ID)
			es = append(es, e)
		}
		for i, name := range defTopics {
			ts = append(ts, data.Topic{ID: -int64(i + 1), Name: name, ExamIDs: ids})
		}
		return nil
	})
	if err != nil {
		return nil, nil, nil, fmt.Errorf("read practice for an import: %w", classify(err))
	}
	return es, ts, as, nil
}

// ImportPractice writes a practice import to rotation r on day today, all
// in one transaction: first, when b.WithDefaults, the default exams and
// topics if Practice was never opened (see PracticeImportTargets), then the exams and topics the
// batch lists as new (the user agreed to create them: exams written unless
// named as a lab, at data.DefaultPassMark; topics covered by the exams
// whose attempts score them), then every attempt, each checked again as
// SaveAttempt checks it. Any failure writes nothing. It returns how many
// attempts were added.
func (s *Store) ImportPractice(ctx context.Context, r data.Rotation, b data.PracticeBatch, today data.Date) (int, error) {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if b.WithDefaults {
			if _, err := ensurePracticeDefaults(ctx, tx, r); err != nil {
				return fmt.Errorf("add the default exams and topics: %w", err)
			}
		}
		pc, err := loadPracticeContext(ctx, tx, r.ID)
		if err != nil {
			return err
		}
		for _, name := range b.NewExams {
			if _, ok := data.FindExam(pc.exams, name); ok {
				continue
			}
			e := data.Exam{Name: name, Kind: importedExamKind(name), PassMark: data.DefaultPassMark, PassMarkAssumed: true}
			if err := e.Validate(today); err != nil {
				return fmt.Errorf("create exam %q: %w", name, err)
			}
			if e, err = insertExam(ctx, tx, r.ID, e); err != nil {
				return err
			}
			pc.exams = append(pc.exams, e)
		}
		for _, name := range b.NewTopics {
			if _, ok := data.FindTopic(pc.topics, name); ok {
				continue
			}
			t := data.Topic{Name: name}
			for _, ia := range b.Attempts {
				e, ok := data.FindExam(pc.exams, ia.Exam)
				if ok && !slices.Contains(t.ExamIDs, e.ID) && slices.ContainsFunc(ia.Topics, func(n string) bool { return data.NameKey(n) == data.NameKey(name) }) {
					t.ExamIDs = append(t.ExamIDs, e.ID)
				}
			}
			if err := t.Validate(); err != nil {
				return fmt.Errorf("create topic %q: %w", name, err)
			}
			if t, err = insertTopic(ctx, tx, r.ID, t); err != nil {
				return err
			}
			pc.topics = append(pc.topics, t)
		}
		for i, ia := range b.Attempts {
			a, err := ia.Resolve(pc.exams, pc.topics)
			if err != nil {
				return fmt.Errorf("line %d: %w", b.Lines[i], err)
			}
			if _, err := pc.save(ctx, tx, a, today); err != nil {
				return fmt.Errorf("line %d: %w", b.Lines[i], err)
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("import practice: %w", err)
	}
	return len(b.Attempts), nil
}

// importedExamKind guesses the kind of an exam an import creates from its
// name: the program has one lab exam, and users name it so.
func importedExamKind(name string) string {
	if slices.Contains(strings.Fields(data.NameKey(name)), "lab") {
		return data.ExamLab
	}
	return data.ExamWritten
}
