package dbjson

import (
	"fmt"

	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/store"
)

// dryWriter stands in for the store in a dry run: it writes nothing and
// gives each new record a negative id (no row has one), so the merge maps
// the file's references as the import does. It applies the one table rule
// the file's own check cannot see: the unique names of exams and topics
// per rotation, and one attempt per exam, day and source. The sessions'
// overlaps and every field were checked before.
type dryWriter struct {
	next  int64
	names map[string]bool // "exam|rotation|name key", "topic|...", "attempt|exam|day|source key"
}

func newDryWriter(old store.Everything) *dryWriter {
	w := &dryWriter{names: map[string]bool{}}
	for _, e := range old.Exams {
		w.names["exam|"+nameKey(e.RotationID, e.Name)] = true
	}
	for _, t := range old.Topics {
		w.names["topic|"+nameKey(t.RotationID, t.Name)] = true
	}
	for _, a := range old.Attempts {
		w.names["attempt|"+attemptKey(a.ExamID, a.Date, a.Source)] = true
	}
	return w
}

func (w *dryWriter) id() int64 {
	w.next--
	return w.next
}

// unique refuses a second exam or topic of one name in a rotation, as the
// table's UNIQUE constraint does on import.
func (w *dryWriter) unique(kind string, rotationID int64, name string) error {
	k := kind + "|" + nameKey(rotationID, name)
	if w.names[k] {
		return fmt.Errorf("%w: the rotation already has a %s named %q (UNIQUE constraint failed)", data.ErrInvalid, kind, name)
	}
	w.names[k] = true
	return nil
}

func (w *dryWriter) AddSetting(string, string) error { return nil }

func (w *dryWriter) AddRotation(r data.Rotation, _ string) (data.Rotation, error) {
	r.ID = w.id()
	return r, nil
}

func (w *dryWriter) AddMilestones(ms []data.Milestone) ([]data.Milestone, error) {
	out := make([]data.Milestone, len(ms))
	for i, m := range ms {
		m.ID = w.id()
		out[i] = m
	}
	return out, nil
}

func (w *dryWriter) AddReadingItem(data.ReadingItem, string) (int64, error) { return w.id(), nil }

func (w *dryWriter) AddProgress(data.ProgressEntry) error { return nil }

func (w *dryWriter) AddStudySessions(ss []data.StudySession) ([]data.StudySession, error) {
	return ss, nil
}

func (w *dryWriter) AddExam(rotationID int64, e data.Exam) (data.Exam, error) {
	e.ID = w.id()
	return e, w.unique("exam", rotationID, e.Name)
}

func (w *dryWriter) AddTopic(rotationID int64, t data.Topic) (data.Topic, error) {
	t.ID = w.id()
	return t, w.unique("topic", rotationID, t.Name)
}

func (w *dryWriter) SetTopicExams(data.Topic) error { return nil }

func (w *dryWriter) AddAttempt(a data.Attempt) (data.Attempt, error) {
	a.ID = w.id()
	k := "attempt|" + attemptKey(a.ExamID, a.Date, a.Source)
	if w.names[k] {
		return a, fmt.Errorf("%w: the exam already has an attempt on %s from %q (UNIQUE constraint failed)", data.ErrInvalid, a.Date, a.Source)
	}
	w.names[k] = true
	return a, nil
}

func (w *dryWriter) AddBudgetItems(_ int64, items []data.BudgetItem) ([]data.BudgetItem, error) {
	out := make([]data.BudgetItem, len(items))
	for i, it := range items {
		it.ID = w.id()
		out[i] = it
	}
	return out, nil
}

func (w *dryWriter) LinkMilestone(data.Milestone) error { return nil }

func (w *dryWriter) AddRate(string, data.Rate) error { return nil }

func (w *dryWriter) PutReminder(data.Reminder, string) error { return nil }

func (w *dryWriter) AddMilestoneReminder(int64, data.MilestoneSetting) error { return nil }
