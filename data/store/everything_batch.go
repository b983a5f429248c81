package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/masterplan-app/masterplan/data"
)

// Batch writes many records of several kinds in one transaction, through
// the store's own writers (the ones the screens and the CSV importers use),
// so that what they keep alongside (the per-day study totals) is kept here
// too. The whole-database JSON import (data/transfer/dbjson) is its user:
// it reads what is there with Everything, decides what to add, and adds it.
type Batch struct {
	s    *Store
	ctx  context.Context
	tx   *sql.Tx
	item *sql.Stmt // insertReadingSQL, prepared on first use
}

// WriteBatch runs fn in one write transaction: everything fn writes lands,
// or, when fn or a write fails, nothing does.
func (s *Store) WriteBatch(ctx context.Context, fn func(*Batch) error) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		b := &Batch{s: s, ctx: ctx, tx: tx}
		defer b.close()
		return fn(b)
	})
}

func (b *Batch) close() {
	if b.item != nil {
		b.item.Close()
	}
}

// Everything reads every record as the transaction sees it.
func (b *Batch) Everything() (Everything, error) { return readEverything(b.ctx, b.tx) }

// AddSetting stores a setting the database does not have. A time zone is
// the zone the study totals are kept in: they move with it, as when the
// settings are saved.
func (b *Batch) AddSetting(key, value string) error {
	if err := putSetting(b.ctx, b.tx, key, value); err != nil {
		return err
	}
	if key == keyTimeZone {
		return keepStudyDaysInZone(b.ctx, b.tx)
	}
	return nil
}

// AddRotation adds a rotation with its blocks, made at createdAt (an
// instant such as 2026-01-31T12:00:00Z), and returns it with its ids.
func (b *Batch) AddRotation(r data.Rotation, createdAt string) (data.Rotation, error) {
	r, err := b.s.insertRotation(b.ctx, b.tx, r)
	if err != nil {
		return r, err
	}
	// insertRotation stamps now; a rotation brought back keeps its own day.
	_, err = b.tx.ExecContext(b.ctx, `UPDATE rotations SET created_at = ? WHERE id = ?`, createdAt, r.ID)
	return r, err
}

// AddMilestones adds milestones (ID 0) and returns them with their ids.
func (b *Batch) AddMilestones(ms []data.Milestone) ([]data.Milestone, error) {
	return b.s.saveMilestones(b.ctx, b.tx, ms)
}

// AddReadingItem adds an item as it is (no defaults, no progress logged:
// the log comes with AddProgress); deletedAt, when set, marks its delete as
// pending. It returns the new id.
func (b *Batch) AddReadingItem(it data.ReadingItem, deletedAt string) (int64, error) {
	if b.item == nil {
		stmt, err := b.tx.PrepareContext(b.ctx, insertReadingSQL)
		if err != nil {
			return 0, err
		}
		b.item = stmt
	}
	id, err := insertReadingItem(b.ctx, b.item, it)
	if err != nil || deletedAt == "" {
		return id, err
	}
	_, err = b.tx.ExecContext(b.ctx, `UPDATE reading_items SET deleted_at = ? WHERE id = ?`, deletedAt, id)
	return id, err
}

// AddProgress adds an entry to the reading progress log.
func (b *Batch) AddProgress(e data.ProgressEntry) error { return logProgress(b.ctx, b.tx, e) }

// AddStudySessions adds sessions, checked at the store's clock and against
// overlaps, with the per-day totals kept.
func (b *Batch) AddStudySessions(ss []data.StudySession) ([]data.StudySession, error) {
	return b.s.saveSessions(b.ctx, b.tx, ss)
}

// AddExam adds an exam at the end of its rotation's list.
func (b *Batch) AddExam(rotationID int64, e data.Exam) (data.Exam, error) {
	return insertExam(b.ctx, b.tx, rotationID, e)
}

// AddTopic adds a topic covered by t.ExamIDs.
func (b *Batch) AddTopic(rotationID int64, t data.Topic) (data.Topic, error) {
	return insertTopic(b.ctx, b.tx, rotationID, t)
}

// SetTopicExams makes t covered by exactly t.ExamIDs.
func (b *Batch) SetTopicExams(t data.Topic) error { return setTopicExams(b.ctx, b.tx, t) }

// AddAttempt adds a practice attempt with its scores. It is not checked
// against its exam's date, as a new attempt on the Practice screen is: an
// attempt brought back was legitimate when it was saved, and the exam may
// have moved since.
func (b *Batch) AddAttempt(a data.Attempt) (data.Attempt, error) {
	res, err := b.tx.ExecContext(b.ctx, `INSERT INTO attempts (exam_id, attempt_date, source, source_key, duration_s, notes) VALUES (?, ?, ?, ?, ?, ?)`,
		a.ExamID, a.Date.String(), a.Source, data.NameKey(a.Source), int64(a.Duration/time.Second), a.Notes)
	if err != nil {
		return a, fmt.Errorf("add attempt: %w", err)
	}
	if a.ID, err = res.LastInsertId(); err != nil {
		return a, err
	}
	return a, writeScores(b.ctx, b.tx, a)
}

// AddBudgetItems adds items to a rotation's budget and returns them with
// their ids.
func (b *Batch) AddBudgetItems(rotationID int64, items []data.BudgetItem) ([]data.BudgetItem, error) {
	out := make([]data.BudgetItem, 0, len(items))
	for _, it := range items {
		saved, err := saveBudgetItem(b.ctx, b.tx, rotationID, it)
		if err != nil {
			return nil, err
		}
		out = append(out, saved)
	}
	return out, nil
}

// LinkMilestone links milestone m (its ID, RotationID and title) to budget
// item m.BudgetItemID, which must be in the same rotation's budget.
func (b *Batch) LinkMilestone(m data.Milestone) error { return saveMilestoneLink(b.ctx, b.tx, &m) }

// AddRate adds a rate into home for a currency and day that have none.
func (b *Batch) AddRate(home string, r data.Rate) error {
	_, err := b.tx.ExecContext(b.ctx, `INSERT INTO exchange_rates (home, currency, to_home, as_of) VALUES (?, ?, ?, ?)`,
		home, r.Currency, r.ToHome.String(), r.AsOf.String())
	return err
}

// PutReminder adds a reminder (ID 0) or replaces one, with savedAt as its
// last save ("" for an untouched default). Unlike the Reminders screen's
// save it does not ask that the reminder still rings: one that has rung
// its last is still a record.
func (b *Batch) PutReminder(r data.Reminder, savedAt string) error {
	r.Title, r.Body, r.TimeZone, r.RRule = strings.TrimSpace(r.Title), strings.TrimSpace(r.Body), strings.TrimSpace(r.TimeZone), strings.TrimSpace(r.RRule)
	args := []any{r.Kind, r.Title, r.Body, r.Enabled, r.TimeZone, r.RRule, dateText(r.Day), formatClock(r.At), r.DaysBefore, savedAt}
	if r.ID == 0 {
		_, err := b.tx.ExecContext(b.ctx, `INSERT INTO reminders (kind, title, body, enabled, time_zone, rrule, day, at, days_before, saved_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, args...)
		if err != nil {
			return oneOfAKind(r.Kind, err)
		}
		return nil
	}
	return expectOne(b.tx.ExecContext(b.ctx, `UPDATE reminders SET kind = ?, title = ?, body = ?, enabled = ?, time_zone = ?,
		rrule = ?, day = ?, at = ?, days_before = ?, saved_at = ? WHERE id = ?`, append(args, r.ID)...))
}

// AddMilestoneReminder stores a milestone's own reminder choice.
func (b *Batch) AddMilestoneReminder(milestoneID int64, ms data.MilestoneSetting) error {
	_, err := b.tx.ExecContext(b.ctx, `INSERT INTO milestone_reminders (milestone_id, off, days_before) VALUES (?, ?, ?)`,
		milestoneID, ms.Off, ms.DaysBefore)
	return err
}
