package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/masterplan-app/masterplan/data"
)

// Exams lists rotation rotationID's exams in the order they were added
// (the default order is the program's: written exams, then the lab).
func (s *Store) Exams(ctx context.Context, rotationID int64) ([]data.Exam, error) {
	out, err := exams(ctx, s.db, rotationID)
	if err != nil {
		return nil, fmt.Errorf("read exams: %w", classify(err))
	}
	return out, nil
}

func exams(ctx context.Context, q querier, rotationID int64) ([]data.Exam, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, name, kind, pass_mark, pass_mark_assumed, exam_date, result, result_date FROM exams
		WHERE rotation_id = ? ORDER BY position, id`, rotationID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []data.Exam
	for rows.Next() {
		var e data.Exam
		var day, resultDay string
		if err := rows.Scan(&e.ID, &e.Name, &e.Kind, &e.PassMark, &e.PassMarkAssumed, &day, &e.Result, &resultDay); err != nil {
			return nil, err
		}
		if e.Date, err = optionalDate("date", day); err != nil {
			return nil, fmt.Errorf("exam %d: %w", e.ID, err)
		}
		if e.ResultDate, err = optionalDate("result date", resultDay); err != nil {
			return nil, fmt.Errorf("exam %d: %w", e.ID, err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// SaveExam adds (ID 0) or changes an exam of rotation rotationID on day
// today. When the change records a failed result (and the exam was not
// failed before), the retake milestone (data.Exam.RetakeMilestone) is added
// to the rotation in the same transaction, unless an open milestone with
// its kind and title is there already; it is returned, nil otherwise.
// A name another exam has, or a date before one of the exam's practice
// attempts, is refused with a field error.
func (s *Store) SaveExam(ctx context.Context, rotationID int64, e data.Exam, today data.Date) (data.Exam, *data.Milestone, error) {
	if err := e.Validate(today); err != nil {
		return e, nil, fmt.Errorf("save exam: %w", err)
	}
	e.Name = strings.TrimSpace(e.Name)
	var retake *data.Milestone
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var clash int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM exams WHERE rotation_id = ? AND name_key = ? AND id <> ?`,
			rotationID, data.NameKey(e.Name), e.ID).Scan(&clash); err != nil {
			return err
		}
		if clash > 0 {
			return fmt.Errorf("%w: %w", data.ErrConflict, data.Invalid("name", "another exam is called %q; choose another name", e.Name))
		}
		before := ""
		if e.ID != 0 {
			if err := tx.QueryRowContext(ctx, `SELECT result FROM exams WHERE id = ? AND rotation_id = ?`, e.ID, rotationID).Scan(&before); err != nil {
				if errors.Is(err, sql.ErrNoRows) {
					return fmt.Errorf("exam %d: %w", e.ID, data.ErrNotFound)
				}
				return err
			}
			var last sql.NullString
			if err := tx.QueryRowContext(ctx, `SELECT max(attempt_date) FROM attempts WHERE exam_id = ?`, e.ID).Scan(&last); err != nil {
				return err
			}
			if !e.Date.IsZero() && last.Valid && last.String > e.Date.String() {
				return data.Invalid("date", "%s is before the practice attempt of %s; an exam comes after its practice, so choose a later date", e.Date, last.String)
			}
			if err := expectOne(tx.ExecContext(ctx, `UPDATE exams SET name = ?, name_key = ?, kind = ?, pass_mark = ?, pass_mark_assumed = ?, exam_date = ?, result = ?, result_date = ?
				WHERE id = ? AND rotation_id = ?`, e.Name, data.NameKey(e.Name), e.Kind, e.PassMark, e.PassMarkAssumed, dateText(e.Date), e.Result, dateText(e.ResultDate),
				e.ID, rotationID)); err != nil {
				return fmt.Errorf("exam %d: %w", e.ID, err)
			}
		} else {
			var err error
			if e, err = insertExam(ctx, tx, rotationID, e); err != nil {
				return err
			}
		}
		if before == data.ExamFailed {
			return nil
		}
		m, ok := e.RetakeMilestone(rotationID)
		if !ok {
			return nil
		}
		var open int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM milestones WHERE rotation_id = ? AND kind = ? AND title = ? AND done = 0`,
			rotationID, m.Kind, m.Title).Scan(&open); err != nil {
			return err
		}
		if open > 0 {
			return nil
		}
		added, err := s.saveMilestones(ctx, tx, []data.Milestone{m})
		if err != nil {
			return err
		}
		retake = &added[0]
		return nil
	})
	if err != nil {
		return e, nil, fmt.Errorf("save exam %q: %w", e.Name, err)
	}
	return e, retake, nil
}

func insertExam(ctx context.Context, tx *sql.Tx, rotationID int64, e data.Exam) (data.Exam, error) {
	e.Name = strings.TrimSpace(e.Name)
	res, err := tx.ExecContext(ctx, `INSERT INTO exams (rotation_id, position, name, name_key, kind, pass_mark, pass_mark_assumed, exam_date, result, result_date)
		VALUES (?, (SELECT coalesce(max(position), 0) + 1 FROM exams WHERE rotation_id = ?), ?, ?, ?, ?, ?, ?, ?, ?)`,
		rotationID, rotationID, e.Name, data.NameKey(e.Name), e.Kind, e.PassMark, e.PassMarkAssumed, dateText(e.Date), e.Result, dateText(e.ResultDate))
	if err != nil && strings.Contains(err.Error(), "FOREIGN KEY constraint failed") {
		return e, fmt.Errorf("add exam %q: rotation %d: %w", e.Name, rotationID, data.ErrNotFound)
	}
	if err != nil {
		return e, fmt.Errorf("add exam %q: %w", e.Name, err)
	}
	e.ID, err = res.LastInsertId()
	return e, err
}

// Topics lists rotation rotationID's topics by name, each with the exams
// that cover it.
func (s *Store) Topics(ctx context.Context, rotationID int64) ([]data.Topic, error) {
	out, err := topics(ctx, s.db, rotationID)
	if err != nil {
		return nil, fmt.Errorf("read topics: %w", classify(err))
	}
	return out, nil
}

func topics(ctx context.Context, q querier, rotationID int64) ([]data.Topic, error) {
	rows, err := q.QueryContext(ctx, `SELECT t.id, t.name, te.exam_id FROM topics t
		LEFT JOIN topic_exams te ON te.topic_id = t.id
		WHERE t.rotation_id = ? ORDER BY t.name_key, t.id, te.exam_id`, rotationID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []data.Topic
	for rows.Next() {
		var id int64
		var name string
		var exam sql.NullInt64
		if err := rows.Scan(&id, &name, &exam); err != nil {
			return nil, err
		}
		if len(out) == 0 || out[len(out)-1].ID != id {
			out = append(out, data.Topic{ID: id, Name: name})
		}
		if exam.Valid {
			t := &out[len(out)-1]
			t.ExamIDs = append(t.ExamIDs, exam.Int64)
		}
	}
	return out, rows.Err()
}

// SaveTopic adds (ID 0) or renames a topic of rotation rotationID and sets
// the exams that cover it. Renaming keeps every score (they refer to the
// topic, not its name) and moves the reading items and study sessions
// written with the old name to the new one; a name another topic has is
// refused, with the advice to merge the two instead.
func (s *Store) SaveTopic(ctx context.Context, rotationID int64, t data.Topic) (data.Topic, error) {
	t, _, err := s.RenameTopic(ctx, rotationID, t)
	return t, err
}

// RenameTopic is SaveTopic that also returns what a rename changed, for
// the screen to offer its undo (UndoTopicChange).
func (s *Store) RenameTopic(ctx context.Context, rotationID int64, t data.Topic) (data.Topic, TopicChange, error) {
	change := TopicChange{rotationID: rotationID}
	if err := t.Validate(); err != nil {
		return t, change, fmt.Errorf("save topic: %w", err)
	}
	t.Name = strings.TrimSpace(t.Name)
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := nameFree(ctx, tx, rotationID, t); errors.Is(err, data.ErrConflict) {
			return fmt.Errorf("%w: %w", data.ErrConflict, data.Invalid("name", "another topic is called %q; choose another name, or merge the two topics", t.Name))
		} else if err != nil {
			return err
		}
		if t.ID == 0 {
			var err error
			t, err = insertTopic(ctx, tx, rotationID, t)
			return err
		}
		ts, err := topics(ctx, tx, rotationID)
		if err != nil {
			return err
		}
		i := slices.IndexFunc(ts, func(o data.Topic) bool { return o.ID == t.ID })
		if i < 0 {
			return fmt.Errorf("topic %d: %w", t.ID, data.ErrNotFound)
		}
		change.before = ts[i]
		if err := expectOne(tx.ExecContext(ctx, `UPDATE topics SET name = ?, name_key = ? WHERE id = ? AND rotation_id = ?`,
			t.Name, data.NameKey(t.Name), t.ID, rotationID)); err != nil {
			return fmt.Errorf("topic %d: %w", t.ID, err)
		}
		if change.reading, change.sessions, err = moveTopicText(ctx, tx, change.before.Name, t.Name); err != nil {
			return err
		}
		return setTopicExams(ctx, tx, t)
	})
	if err != nil {
		return t, TopicChange{}, fmt.Errorf("save topic %q: %w", t.Name, err)
	}
	return t, change, nil
}

func insertTopic(ctx context.Context, tx *sql.Tx, rotationID int64, t data.Topic) (data.Topic, error) {
	t.Name = strings.TrimSpace(t.Name)
	res, err := tx.ExecContext(ctx, `INSERT INTO topics (rotation_id, name, name_key) VALUES (?, ?, ?)`, rotationID, t.Name, data.NameKey(t.Name))
	if err != nil {
		return t, fmt.Errorf("add topic %q: %w", t.Name, err)
	}
	if t.ID, err = res.LastInsertId(); err != nil {
		return t, err
	}
	return t, setTopicExams(ctx, tx, t)
}

// setTopicExams replaces the exams covering t with t.ExamIDs; an exam that
// does not exist is ErrNotFound.
func setTopicExams(ctx context.Context, tx *sql.Tx, t data.Topic) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM topic_exams WHERE topic_id = ?`, t.ID); err != nil {
		return err
	}
	for _, id := range t.ExamIDs {
		_, err := tx.ExecContext(ctx, `INSERT INTO topic_exams (topic_id, exam_id) VALUES (?, ?)`, t.ID, id)
		if err != nil && strings.Contains(err.Error(), "FOREIGN KEY constraint failed") {
			return fmt.Errorf("topic %q: exam %d: %w", t.Name, id, data.ErrNotFound)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// MergeTopics merges topic from into topic into, in one transaction: every
// score of from moves to into (data.MergeTopicScores: an attempt that
// scored both gets one combined score), into covers the exams of both, and
// from is deleted. No score is lost. The reading items and study sessions
// of from become into's too (moveTopicText). The change returned undoes
// the merge (UndoTopicChange).
func (s *Store) MergeTopics(ctx context.Context, rotationID, from, into int64) (TopicChange, error) {
	change := TopicChange{rotationID: rotationID}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		ts, err := topics(ctx, tx, rotationID)
		if err != nil {
			return err
		}
		fi := slices.IndexFunc(ts, func(t data.Topic) bool { return t.ID == from })
		ii := slices.IndexFunc(ts, func(t data.Topic) bool { return t.ID == into })
		if fi < 0 || ii < 0 {
			return fmt.Errorf("topics %d and %d: %w", from, into, data.ErrNotFound)
		}
		all, err := attempts(ctx, tx, rotationID)
		if err != nil {
			return err
		}
		changed, err := data.MergeTopicScores(all, from, into)
		if err != nil {
			return err
		}
		for _, a := range changed {
			was := all[slices.IndexFunc(all, func(o data.Attempt) bool { return o.ID == a.ID })]
			change.attempts = append(change.attempts, was)
			if err := writeScores(ctx, tx, a); err != nil {
				return err
			}
		}
		change.removed, change.before = ts[fi], ts[ii]
		if err := setTopicExams(ctx, tx, data.MergeTopicInto(ts[ii], ts[fi])); err != nil {
			return err
		}
		if change.reading, change.sessions, err = moveTopicText(ctx, tx, ts[fi].Name, ts[ii].Name); err != nil {
			return err
		}
		return expectOne(tx.ExecContext(ctx, `DELETE FROM topics WHERE id = ?`, from))
	})
	if err != nil {
		return TopicChange{}, fmt.Errorf("merge topic %d into %d: %w", from, into, err)
	}
	return change, nil
}

// Attempts lists every practice attempt of rotation rotationID with its
// scores, oldest first.
func (s *Store) Attempts(ctx context.Context, rotationID int64) ([]data.Attempt, error) {
	out, err := attempts(ctx, s.db, rotationID)
	if err != nil {
		return nil, fmt.Errorf("read practice attempts: %w", classify(err))
	}
	return out, nil
}

// scoresQuery reads a rotation's scores, each attempt's side by side
// (migration 00011 stores them in that order).
const scoresQuery = `SELECT s.attempt_id, s.position, s.topic_id, s.correct, s.total, s.percent
	FROM scores s JOIN attempts a ON a.id = s.attempt_id JOIN exams e ON e.id = a.exam_id
	WHERE e.rotation_id = ?`

// attemptColumns are an attempt's columns as scanAttempts reads them.
const attemptColumns = `a.id, a.exam_id, a.attempt_date, a.source, a.duration_s, a.notes`

// attempts reads a rotation's attempts by date, each with its scores in order.
func attempts(ctx context.Context, q querier, rotationID int64) ([]data.Attempt, error) {
	out, err := scanAttempts(q.QueryContext(ctx, `SELECT `+attemptColumns+`
		FROM attempts a JOIN exams e ON e.id = a.exam_id
		WHERE e.rotation_id = ? ORDER BY a.attempt_date, a.id`, rotationID))
	if err != nil {
		return nil, err
	}
	rows, err := q.QueryContext(ctx, scoresQuery, rotationID)
	if err != nil {
		return nil, err
	}
	return out, addScores(out, rows)
}

// scanAttempts reads the attempts of a query of attemptColumns, without
// their scores, and closes rows.
func scanAttempts(rows *sql.Rows, err error) ([]data.Attempt, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []data.Attempt
	for rows.Next() {
		var a data.Attempt
		var day string
		var secs int64
		if err := rows.Scan(&a.ID, &a.ExamID, &day, &a.Source, &secs, &a.Notes); err != nil {
			return nil, err
		}
		if a.Date, err = storedDate("date", day); err != nil {
			return nil, fmt.Errorf("attempt %d: %w", a.ID, err)
		}
		a.Duration = time.Duration(secs) * time.Second
		out = append(out, a)
	}
	return out, rows.Err()
}

// addScores gives each attempt of out its scores from a query of
// scoresQuery's columns, in their order, and closes rows. The scores may
// come in any order and are put in theirs here: SQL sorting 5,000 scores
// took 2 ms.
func addScores(out []data.Attempt, rows *sql.Rows) error {
	defer rows.Close()
	index := make(map[int64]int, len(out))
	for i, a := range out {
		index[a.ID] = i
	}
	positions := make([][]int, len(out))
	for rows.Next() {
		var id int64
		var pos int
		var sc data.TopicScore
		var pct sql.NullFloat64
		if err := rows.Scan(&id, &pos, &sc.TopicID, &sc.Correct, &sc.Total, &pct); err != nil {
			return err
		}
		if pct.Valid {
			sc = data.PercentScore(sc.TopicID, pct.Float64)
		}
		if i, ok := index[id]; ok {
			out[i].Scores = append(out[i].Scores, sc)
			positions[i] = append(positions[i], pos)
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for i := range out {
		sortScores(out[i].Scores, positions[i])
	}
	return nil
}

// recentAttempts reads rotation rotationID's newest attempts, each with
// its scores, until they hold every point a forecast over window looks at
// (data.RecentPoints), and the exams each topic was ever scored in: the
// plan, the dashboard and `masterplan status` forecast from a few dozen
// attempts instead of every one, read once by the plan
// (PlanInputAndPractice). The counts that say how many points there are
// come from the attempts' index and a count of the scores.
func recentAttempts(ctx context.Context, tx *sql.Tx, rotationID int64, window int) (data.RecentPractice, error) {
	r := data.RecentPractice{ScoredIn: map[int64][]int64{}, FirstScored: map[int64]data.Date{}}
	examAttempts, topicScores := map[int64]int{}, map[int64]int{}
	err := queryEach(ctx, tx, `SELECT e.id, (SELECT count(*) FROM attempts a WHERE a.exam_id = e.id)
		FROM exams e WHERE e.rotation_id = ?`, func(rows *sql.Rows) error {
		var exam int64
		var n int
		err := rows.Scan(&exam, &n)
		examAttempts[exam] = n
		return err
	}, rotationID)
	if err != nil {
		return r, err
	}
	firstDay := map[int64]string{} // stored dates order as text
	err = queryEach(ctx, tx, topicExamScoresQuery, func(rows *sql.Rows) error {
		var topic, exam int64
		var n int
		var day string
		err := rows.Scan(&topic, &exam, &n, &day)
		topicScores[topic] += n
		r.ScoredIn[topic] = append(r.ScoredIn[topic], exam)
		if first, ok := firstDay[topic]; !ok || day < first {
			firstDay[topic] = day
		}
		return err
	}, rotationID)
	if err != nil {
		return r, err
	}
	for topic, day := range firstDay {
		if r.FirstScored[topic], err = storedDate("attempt date", day); err != nil {
			return r, err
		}
	}
	newest, err := attemptsUntil(ctx, tx, rotationID, data.NewRecentPoints(window, examAttempts, topicScores))
	if err != nil {
		return r, err
	}
	slices.Reverse(newest)
	r.Attempts = newest
	return r, nil
}

// topicExamScoresQuery counts a rotation's scores per topic and exam, with
// the day of the first: a thousand scores on three years of heavy use,
// five thousand on ten, joined once for both (a topic's first score is
// the first of its exams').
const topicExamScoresQuery = `SELECT s.topic_id, a.exam_id, count(*), min(a.attempt_date)
	FROM topics t JOIN scores s ON s.topic_id = t.id JOIN attempts a ON a.id = s.attempt_id
	WHERE t.rotation_id = ? GROUP BY s.topic_id, a.exam_id ORDER BY s.topic_id, a.exam_id`

// newestAttemptsQuery reads a rotation's attempts newest first, each
// with its scores on the rows that follow it. CROSS JOIN makes SQLite walk
// the attempts by date and each one's scores by their key, so the rows
// come as they are read, nothing sorted, and reading stops where the
// caller stops; left to itself it reads every attempt of the rotation's
// exams and sorts them.
const newestAttemptsQuery = `SELECT ` + attemptColumns + `, s.position, s.topic_id, s.correct, s.total, s.percent
	FROM attempts a CROSS JOIN exams e ON e.id = a.exam_id LEFT JOIN scores s ON s.attempt_id = a.id
	WHERE e.rotation_id = ? ORDER BY a.attempt_date DESC, a.id DESC`

// attemptsUntil reads a rotation's attempts newest first, each with its
// scores in order, until need has enough of them (or there are no more):
// one query, stopped at the attempt that makes need enough, where pages
// of attempts and then their scores took three queries of each on the
// heavy profile and read twice the attempts needed.
func attemptsUntil(ctx context.Context, tx *sql.Tx, rotationID int64, need *data.RecentPoints) ([]data.Attempt, error) {
	rows, err := tx.QueryContext(ctx, newestAttemptsQuery, rotationID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []data.Attempt
	var positions []int // of the scores of out's last attempt
	// done finishes out's last attempt: its scores in order, its points counted.
	done := func() {
		if n := len(out); n > 0 {
			sortScores(out[n-1].Scores, positions)
			need.Add(out[n-1])
		}
	}
	for rows.Next() {
		var a data.Attempt
		var day string
		var secs int64
		var pos, topic, correct, total sql.NullInt64
		var pct sql.NullFloat64
		if err := rows.Scan(&a.ID, &a.ExamID, &day, &a.Source, &secs, &a.Notes, &pos, &topic, &correct, &total, &pct); err != nil {
			return nil, err
		}
		if n := len(out); n == 0 || out[n-1].ID != a.ID {
			if done(); need.Enough() {
				return out, nil
			}
			if a.Date, err = storedDate("date", day); err != nil {
				return nil, fmt.Errorf("attempt %d: %w", a.ID, err)
			}
			a.Duration = time.Duration(secs) * time.Second
			out, positions = append(out, a), positions[:0]
		}
		if !topic.Valid { // an attempt without scores
			continue
		}
		sc := data.TopicScore{TopicID: topic.Int64, Correct: int(correct.Int64), Total: int(total.Int64)}
		if pct.Valid {
			sc = data.PercentScore(sc.TopicID, pct.Float64)
		}
		last := &out[len(out)-1]
		last.Scores = append(last.Scores, sc)
		positions = append(positions, int(pos.Int64))
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	done()
	return out, nil
}

// sortScores puts an attempt's scores in their stored order: by position,
// then by topic ID. pos holds each score's position.
func sortScores(scores []data.TopicScore, pos []int) {
	sort.Sort(scoreOrder{scores, pos})
}

// scoreOrder sorts scores and their positions together.
type scoreOrder struct {
	scores []data.TopicScore
	pos    []int
}

func (o scoreOrder) Len() int { return len(o.scores) }
func (o scoreOrder) Less(i, j int) bool {
	if o.pos[i] != o.pos[j] {
		return o.pos[i] < o.pos[j]
	}
	return o.scores[i].TopicID < o.scores[j].TopicID
}
func (o scoreOrder) Swap(i, j int) {
	o.scores[i], o.scores[j] = o.scores[j], o.scores[i]
	o.pos[i], o.pos[j] = o.pos[j], o.pos[i]
}

// SaveAttempt adds (ID 0) or changes a practice attempt of rotation
// rotationID on day today. The attempt is checked against its exam
// (data.Attempt.Validate: not after today nor after the exam, scores
// sound), its topics must exist, and an attempt on the same day for the
// same exam from the same source is refused as a duplicate (ErrConflict).
// The attempt and its scores are written in one transaction.
func (s *Store) SaveAttempt(ctx context.Context, rotationID int64, a data.Attempt, today data.Date) (data.Attempt, error) {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		pc, err := loadPracticeContext(ctx, tx, rotationID)
		if err != nil {
			return err
		}
		a, err = pc.save(ctx, tx, a, today)
		return err
	})
	if err != nil {
		return a, fmt.Errorf("save attempt of %s: %w", a.Date, err)
	}
	return a, nil
}

// practiceContext is what checking an attempt needs, read inside the
// transaction that writes it.
type practiceContext struct {
	exams    []data.Exam
	topics   []data.Topic
	attempts []data.Attempt
}

func loadPracticeContext(ctx context.Context, tx *sql.Tx, rotationID int64) (*practiceContext, error) {
	var pc practiceContext
	var err error
	if pc.exams, err = exams(ctx, tx, rotationID); err != nil {
		return nil, err
	}
	if pc.topics, err = topics(ctx, tx, rotationID); err != nil {
		return nil, err
	}
	if pc.attempts, err = attempts(ctx, tx, rotationID); err != nil {
		return nil, err
	}
	return &pc, nil
}

// save checks and writes one attempt and keeps pc up to date, so that the
// next attempt of an import is checked against it too.
func (pc *practiceContext) save(ctx context.Context, tx *sql.Tx, a data.Attempt, today data.Date) (data.Attempt, error) {
	a.Source, a.Notes = strings.TrimSpace(a.Source), strings.TrimSpace(a.Notes)
	a.Duration = a.Duration.Round(time.Second)
	i := slices.IndexFunc(pc.exams, func(e data.Exam) bool { return e.ID == a.ExamID })
	if i < 0 {
		return a, data.Invalid("exam", "exam %d does not exist; choose an exam from the list", a.ExamID)
	}
	if err := a.Validate(pc.exams[i], today); err != nil {
		return a, err
	}
	for n, sc := range a.Scores {
		if !slices.ContainsFunc(pc.topics, func(t data.Topic) bool { return t.ID == sc.TopicID }) {
			return a, fmt.Errorf("score %d: %w", n+1, data.Invalid("topic", "topic %d does not exist (it may have been merged); choose the topic again", sc.TopicID))
		}
	}
	if err := data.CheckDuplicateAttempt(a, pc.attempts); err != nil {
		return a, err
	}
	if a.ID == 0 {
		res, err := tx.ExecContext(ctx, `INSERT INTO attempts (exam_id, attempt_date, source, source_key, duration_s, notes) VALUES (?, ?, ?, ?, ?, ?)`,
			a.ExamID, a.Date.String(), a.Source, data.NameKey(a.Source), int64(a.Duration/time.Second), a.Notes)
		if err != nil {
			return a, fmt.Errorf("add attempt: %w", err)
		}
		if a.ID, err = res.LastInsertId(); err != nil {
			return a, err
		}
		pc.attempts = append(pc.attempts, a)
	} else {
		if err := expectOne(tx.ExecContext(ctx, `UPDATE attempts SET exam_id = ?, attempt_date = ?, source = ?, source_key = ?, duration_s = ?, notes = ?
			WHERE id = ?`, a.ExamID, a.Date.String(), a.Source, data.NameKey(a.Source), int64(a.Duration/time.Second), a.Notes, a.ID)); err != nil {
			return a, fmt.Errorf("attempt %d: %w", a.ID, err)
		}
		if j := slices.IndexFunc(pc.attempts, func(o data.Attempt) bool { return o.ID == a.ID }); j >= 0 {
			pc.attempts[j] = a
		}
	}
	return a, writeScores(ctx, tx, a)
}

// writeScores replaces the stored scores of attempt a with a.Scores.
func writeScores(ctx context.Context, tx *sql.Tx, a data.Attempt) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM scores WHERE attempt_id = ?`, a.ID); err != nil {
		return err
	}
	for i, sc := range a.Scores {
		var pct any
		correct, total := sc.Correct, sc.Total
		if sc.PercentOnly {
			pct, correct, total = sc.Percent, 0, 0
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO scores (attempt_id, topic_id, position, correct, total, percent) VALUES (?, ?, ?, ?, ?, ?)`,
			a.ID, sc.TopicID, i, correct, total, pct); err != nil {
			return fmt.Errorf("attempt %d: score %d: %w", a.ID, i+1, err)
		}
	}
	return nil
}

// DeleteAttempt removes an attempt with its scores and returns it as it
// was, so the screen can offer to undo (save it again with ID 0).
func (s *Store) DeleteAttempt(ctx context.Context, rotationID, id int64) (data.Attempt, error) {
	var gone data.Attempt
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		all, err := attempts(ctx, tx, rotationID)
		if err != nil {
			return err
		}
		i := slices.IndexFunc(all, func(a data.Attempt) bool { return a.ID == id })
		if i < 0 {
			return data.ErrNotFound
		}
		gone = all[i]
		return expectOne(tx.ExecContext(ctx, `DELETE FROM attempts WHERE id = ?`, id))
	})
	if err != nil {
		return gone, fmt.Errorf("delete attempt %d: %w", id, err)
	}
	return gone, nil
}
