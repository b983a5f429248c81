package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/masterplan-app/masterplan/data"
)

// This file reads every record of the database as domain values, in one
// transaction, for the whole-database export (data/transfer/dbjson).
// Reminder deliveries (reminder_claims, reminder_notices), the running
// study timer and the machine's settings are this machine's state, not the
// user's records, and stay out.

// queryEach runs query in tx and calls scan for each row.
func queryEach(ctx context.Context, tx *sql.Tx, query string, scan func(*sql.Rows) error, args ...any) error {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Everything is every record of the database, each list in table order (by
// row id), with the row ids that relate them and the few stored facts the
// domain types leave out (when a rotation was made, an exam's place, an
// item's pending delete, a reminder's last save). Stored stamps are kept
// as the text the table holds, "2026-01-31T12:00:00Z" or "".
type Everything struct {
	Settings           []Setting
	Rotations          []StoredRotation
	Milestones         []data.Milestone
	ReadingItems       []StoredReadingItem
	ReadingProgress    []data.ProgressEntry
	StudySessions      []data.StudySession
	Exams              []StoredExam
	Topics             []StoredTopic
	Attempts           []data.Attempt // scores in their stored order
	BudgetItems        []StoredBudgetItem
	ExchangeRates      []StoredRate
	Reminders          []StoredReminder
	MilestoneReminders []StoredMilestoneReminder // by milestone id
}

// Setting is one row of the settings table.
type Setting struct{ Key, Value string }

// StoredRotation is a rotation, its blocks by first day, and when it was made.
type StoredRotation struct {
	data.Rotation
	CreatedAt string
}

// StoredReadingItem is a reading item; DeletedAt is set while its delete
// can still be undone.
type StoredReadingItem struct {
	data.ReadingItem
	DeletedAt string
}

// StoredExam is an exam of a rotation at its place in the rotation's list.
type StoredExam struct {
	data.Exam
	RotationID int64
	Position   int
}

// StoredTopic is a topic of a rotation.
type StoredTopic struct {
	data.Topic
	RotationID int64
}

// StoredBudgetItem is a budget item of a rotation.
type StoredBudgetItem struct {
	data.BudgetItem
	RotationID int64
}

// StoredRate is an exchange rate into Home.
type StoredRate struct {
	data.Rate
	Home string
}

// StoredReminder is a reminder and its last save ("" for an untouched default).
type StoredReminder struct {
	data.Reminder
	SavedAt string
}

// StoredMilestoneReminder is one milestone's own reminder choice.
type StoredMilestoneReminder struct {
	MilestoneID int64
	data.MilestoneSetting
}

// Everything reads every record in one read transaction.
func (s *Store) Everything(ctx context.Context) (Everything, error) {
	var e Everything
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		var err error
		e, err = readEverything(ctx, tx)
		return err
	})
	if err != nil {
		return Everything{}, fmt.Errorf("read everything: %w", err)
	}
	return e, nil
}

func readEverything(ctx context.Context, tx *sql.Tx) (Everything, error) {
	var e Everything
	for _, read := range []func(context.Context, *sql.Tx, *Everything) error{
		readAllSettings, readAllRotations, readAllMilestones, readAllReading, readAllSessions,
		readAllPractice, readAllBudget, readAllReminders,
	} {
		if err := read(ctx, tx, &e); err != nil {
			return Everything{}, err
		}
	}
	return e, nil
}

func readAllSettings(ctx context.Context, tx *sql.Tx, e *Everything) error {
	err := queryEach(ctx, tx, `SELECT key, value FROM settings ORDER BY key`, func(r *sql.Rows) error {
		var st Setting
		if err := r.Scan(&st.Key, &st.Value); err != nil {
			return err
		}
		if !data.MachineSetting(st.Key) { // this machine's state, not the user's data
			e.Settings = append(e.Settings, st)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("read settings: %w", err)
	}
	return nil
}

func readAllRotations(ctx context.Context, tx *sql.Tx, e *Everything) error {
	index := map[int64]int{}
	if err := queryEach(ctx, tx, `SELECT id, track, catalog_id, created_at FROM rotations ORDER BY id`, func(r *sql.Rows) error {
		var rot StoredRotation
		if err := r.Scan(&rot.ID, &rot.Track, &rot.CatalogID, &rot.CreatedAt); err != nil {
			return err
		}
		index[rot.ID] = len(e.Rotations)
		e.Rotations = append(e.Rotations, rot)
		return nil
	}); err != nil {
		return fmt.Errorf("read rotations: %w", err)
	}
	if err := queryEach(ctx, tx, `SELECT id, rotation_id, start_date, end_date, location, time_zone FROM blocks
		ORDER BY rotation_id, start_date, id`, func(r *sql.Rows) error {
		var rid int64
		var b data.Block
		var start, end string
		if err := r.Scan(&b.ID, &rid, &start, &end, &b.Location, &b.TimeZone); err != nil {
			return err
		}
		var err1, err2 error
		b.Start, err1 = storedDate("start", start)
		b.End, err2 = storedDate("end", end)
		if err1 != nil || err2 != nil {
			return fmt.Errorf("block %d: %w", b.ID, errors.Join(err1, err2))
		}
		rot := &e.Rotations[index[rid]]
		rot.Blocks = append(rot.Blocks, b)
		return nil
	}); err != nil {
		return fmt.Errorf("read blocks: %w", err)
	}
	return nil
}

func readAllMilestones(ctx context.Context, tx *sql.Tx, e *Everything) error {
	// Done is the box as ticked, and BudgetItemID the link alone: the
	// export keeps what was stored, not what a screen derives from it.
	err := queryEach(ctx, tx, `SELECT m.id, m.rotation_id, m.title, m.due_date, m.done, m.kind, coalesce(l.budget_item_id, 0)
		FROM milestones m LEFT JOIN milestone_budget_items l ON l.milestone_id = m.id ORDER BY m.id`, func(r *sql.Rows) error {
		var m data.Milestone
		var due string
		if err := r.Scan(&m.ID, &m.RotationID, &m.Title, &due, &m.Done, &m.Kind, &m.BudgetItemID); err != nil {
			return err
		}
		var err error
		if m.Due, err = storedDate("due", due); err != nil {
			return fmt.Errorf("milestone %d: %w", m.ID, err)
		}
		e.Milestones = append(e.Milestones, m)
		return nil
	})
	if err != nil {
		return fmt.Errorf("read milestones: %w", err)
	}
	return nil
}

func readAllReading(ctx context.Context, tx *sql.Tx, e *Everything) error {
	if err := queryEach(ctx, tx, `SELECT `+readingColumns+`, coalesce(deleted_at, '') FROM reading_items ORDER BY id`, func(r *sql.Rows) error {
		var it StoredReadingItem
		var err error
		it.ReadingItem, err = scanReadingItem(deletedToo{r, &it.DeletedAt})
		e.ReadingItems = append(e.ReadingItems, it)
		return err
	}); err != nil {
		return fmt.Errorf("read reading items: %w", err)
	}
	if err := queryEach(ctx, tx, `SELECT item_id, day, units FROM reading_progress ORDER BY id`, func(r *sql.Rows) error {
		var p data.ProgressEntry
		var day string
		if err := r.Scan(&p.ItemID, &day, &p.Units); err != nil {
			return err
		}
		var err error
		p.Date, err = storedDate("day", day)
		e.ReadingProgress = append(e.ReadingProgress, p)
		return err
	}); err != nil {
		return fmt.Errorf("read reading progress: %w", err)
	}
	return nil
}

// deletedToo scans a reading item's columns and then its deleted_at.
type deletedToo struct {
	r       *sql.Rows
	deleted *string
}

func (d deletedToo) Scan(dest ...any) error { return d.r.Scan(append(dest, d.deleted)...) }

func readAllSessions(ctx context.Context, tx *sql.Tx, e *Everything) error {
	err := queryEach(ctx, tx, `SELECT `+sessionColumns+` FROM study_sessions ORDER BY id`, func(r *sql.Rows) error {
		ss, err := scanSession(r)
		e.StudySessions = append(e.StudySessions, ss)
		return err
	})
	if err != nil {
		return fmt.Errorf("read study sessions: %w", err)
	}
	return nil
}

func readAllPractice(ctx context.Context, tx *sql.Tx, e *Everything) error {
	if err := queryEach(ctx, tx, `SELECT id, rotation_id, position, name, kind, pass_mark, pass_mark_assumed, exam_date, result, result_date
		FROM exams ORDER BY id`, func(r *sql.Rows) error {
		var x StoredExam
		var date, resultDate string
		if err := r.Scan(&x.ID, &x.RotationID, &x.Position, &x.Name, &x.Kind, &x.PassMark, &x.PassMarkAssumed, &date, &x.Result, &resultDate); err != nil {
			return err
		}
		var err1, err2 error
		x.Date, err1 = optionalDate("date", date)
		x.ResultDate, err2 = optionalDate("result_date", resultDate)
		e.Exams = append(e.Exams, x)
		return errors.Join(err1, err2)
	}); err != nil {
		return fmt.Errorf("read exams: %w", err)
	}
	topics := map[int64]int{}
	if err := queryEach(ctx, tx, `SELECT id, rotation_id, name FROM topics ORDER BY id`, func(r *sql.Rows) error {
		var t StoredTopic
		err := r.Scan(&t.ID, &t.RotationID, &t.Name)
		topics[t.ID] = len(e.Topics)
		e.Topics = append(e.Topics, t)
		return err
	}); err != nil {
		return fmt.Errorf("read topics: %w", err)
	}
	if err := queryEach(ctx, tx, `SELECT topic_id, exam_id FROM topic_exams ORDER BY topic_id, exam_id`, func(r *sql.Rows) error {
		var tid, eid int64
		err := r.Scan(&tid, &eid)
		t := &e.Topics[topics[tid]]
		t.ExamIDs = append(t.ExamIDs, eid)
		return err
	}); err != nil {
		return fmt.Errorf("read topic exams: %w", err)
	}
	attempts := map[int64]int{}
	if err := queryEach(ctx, tx, `SELECT id, exam_id, attempt_date, source, duration_s, notes FROM attempts ORDER BY id`, func(r *sql.Rows) error {
		var a data.Attempt
		var date string
		var secs int64
		if err := r.Scan(&a.ID, &a.ExamID, &date, &a.Source, &secs, &a.Notes); err != nil {
			return err
		}
		var err error
		a.Date, err = storedDate("date", date)
		a.Duration = time.Duration(secs) * time.Second
		attempts[a.ID] = len(e.Attempts)
		e.Attempts = append(e.Attempts, a)
		return err
	}); err != nil {
		return fmt.Errorf("read attempts: %w", err)
	}
	if err := queryEach(ctx, tx, `SELECT attempt_id, topic_id, correct, total, percent FROM scores
		ORDER BY attempt_id, position, topic_id`, func(r *sql.Rows) error {
		var aid int64
		var sc data.TopicScore
		var pct sql.NullFloat64
		if err := r.Scan(&aid, &sc.TopicID, &sc.Correct, &sc.Total, &pct); err != nil {
			return err
		}
		if pct.Valid {
			sc.Percent, sc.PercentOnly = pct.Float64, true
		}
		a := &e.Attempts[attempts[aid]]
		a.Scores = append(a.Scores, sc)
		return nil
	}); err != nil {
		return fmt.Errorf("read scores: %w", err)
	}
	return nil
}

func readAllBudget(ctx context.Context, tx *sql.Tx, e *Everything) error {
	if err := queryEach(ctx, tx, `SELECT rotation_id, `+budgetColumns+` FROM budget_items ORDER BY id`, func(r *sql.Rows) error {
		var it StoredBudgetItem
		var err error
		it.BudgetItem, err = scanBudgetItem(rotationToo{r, &it.RotationID})
		e.BudgetItems = append(e.BudgetItems, it)
		return err
	}); err != nil {
		return fmt.Errorf("read budget items: %w", err)
	}
	if err := queryEach(ctx, tx, `SELECT id, home, currency, to_home, as_of FROM exchange_rates ORDER BY id`, func(r *sql.Rows) error {
		var rt StoredRate
		var to, asOf string
		if err := r.Scan(&rt.ID, &rt.Home, &rt.Currency, &to, &asOf); err != nil {
			return err
		}
		var err1, err2 error
		rt.ToHome, err1 = decimal.NewFromString(to)
		rt.AsOf, err2 = storedDate("as_of", asOf)
		e.ExchangeRates = append(e.ExchangeRates, rt)
		if err := errors.Join(err1, err2); err != nil {
			return fmt.Errorf("rate %d: %w", rt.ID, err)
		}
		return nil
	}); err != nil {
		return fmt.Errorf("read exchange rates: %w", err)
	}
	return nil
}

// rotationToo scans a budget item's rotation id and then its columns.
type rotationToo struct {
	r   *sql.Rows
	rid *int64
}

func (rt rotationToo) Scan(dest ...any) error { return rt.r.Scan(append([]any{rt.rid}, dest...)...) }

func readAllReminders(ctx context.Context, tx *sql.Tx, e *Everything) error {
	if err := queryEach(ctx, tx, `SELECT `+reminderColumns+`, saved_at FROM reminders ORDER BY id`, func(r *sql.Rows) error {
		var rm StoredReminder
		var err error
		rm.Reminder, _, err = scanReminder(savedToo{r, &rm.SavedAt})
		e.Reminders = append(e.Reminders, rm)
		return err
	}); err != nil {
		return fmt.Errorf("read reminders: %w", err)
	}
	if err := queryEach(ctx, tx, `SELECT milestone_id, off, days_before FROM milestone_reminders ORDER BY milestone_id`, func(r *sql.Rows) error {
		var m StoredMilestoneReminder
		err := r.Scan(&m.MilestoneID, &m.Off, &m.DaysBefore)
		e.MilestoneReminders = append(e.MilestoneReminders, m)
		return err
	}); err != nil {
		return fmt.Errorf("read milestone reminders: %w", err)
	}
	return nil
}

// savedToo scans a reminder's columns and then its saved_at as stored.
type savedToo struct {
	r     *sql.Rows
	saved *string
}

func (s savedToo) Scan(dest ...any) error { return s.r.Scan(append(dest, s.saved)...) }
