package dbjson

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/store"
	"github.com/masterplan-app/masterplan/data/transfer"
)

// Import writes the records of x into st in one transaction: into an empty
// database it recreates them all (with new row ids, the relations kept);
// into one with records it adds only what is not there yet, each record
// recognised by its natural key (see the README). A record that breaks a
// rule refuses the whole import, naming the record, and nothing is
// written. now is the instant the records are checked at.
func Import(ctx context.Context, st *store.Store, x *transfer.Export, now time.Time) ([]Count, error) {
	if err := check(x, now); err != nil {
		return nil, err
	}
	var cs counts
	err := st.WriteBatch(ctx, func(b *store.Batch) error {
		old, err := b.Everything()
		if err != nil {
			return err
		}
		return newMerge(b, old, x, &cs).run()
	})
	if err != nil {
		return nil, fmt.Errorf("import: %w", err)
	}
	return cs, nil
}

// DryRun says what Import would add and find already there, applying the
// same rules to what st holds now, and writes nothing.
func DryRun(ctx context.Context, st *store.Store, x *transfer.Export, now time.Time) ([]Count, error) {
	if err := check(x, now); err != nil {
		return nil, err
	}
	old, err := st.Everything(ctx)
	if err != nil {
		return nil, fmt.Errorf("import: %w", err)
	}
	var cs counts
	if err := newMerge(newDryWriter(old), old, x, &cs).run(); err != nil {
		return nil, fmt.Errorf("import: %w", err)
	}
	return cs, nil
}

// check applies every rule that needs only the file.
func check(x *transfer.Export, now time.Time) error {
	if err := errors.Join(x.Validate(now), checkSettings(x.Settings)); err != nil {
		return fmt.Errorf("import: %w", err)
	}
	return nil
}

// writer is what an import writes through: a store.Batch, or for a dry
// run a dryWriter that writes nothing.
type writer interface {
	AddSetting(key, value string) error
	AddRotation(r data.Rotation, createdAt string) (data.Rotation, error)
	AddMilestones(ms []data.Milestone) ([]data.Milestone, error)
	AddReadingItem(it data.ReadingItem, deletedAt string) (int64, error)
	AddProgress(e data.ProgressEntry) error
	AddStudySessions(ss []data.StudySession) ([]data.StudySession, error)
	AddExam(rotationID int64, e data.Exam) (data.Exam, error)
	AddTopic(rotationID int64, t data.Topic) (data.Topic, error)
	SetTopicExams(t data.Topic) error
	AddAttempt(a data.Attempt) (data.Attempt, error)
	AddBudgetItems(rotationID int64, items []data.BudgetItem) ([]data.BudgetItem, error)
	LinkMilestone(m data.Milestone) error
	AddRate(home string, r data.Rate) error
	PutReminder(r data.Reminder, savedAt string) error
	AddMilestoneReminder(milestoneID int64, ms data.MilestoneSetting) error
}

func newMerge(w writer, old store.Everything, x *transfer.Export, cs *counts) *merge {
	return &merge{b: w, old: old, x: x, counts: cs, rotations: map[int64]int64{}, milestones: map[int64]int64{},
		items: map[int64]int64{}, exams: map[int64]int64{}, topics: map[int64]int64{}, budget: map[int64]int64{}, oldItems: map[int64]bool{}}
}

// run merges every list, in the order their references need.
func (m *merge) run() error {
	for _, step := range []func() error{
		m.settings, m.rotationList, m.milestoneList, m.readingItems, m.progress, m.sessions,
		m.examList, m.topicList, m.attempts, m.budgetItems, m.milestoneLinks, m.rates, m.reminders, m.milestoneReminders,
	} {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// merge is one import: what the database held when it began, the file, the
// map from the file's ids to the database's, and the counts.
type merge struct {
	b      writer
	old    store.Everything
	x      *transfer.Export
	counts *counts
	// File id -> row id, per list.
	rotations, milestones, items, exams, topics, budget map[int64]int64
	// Reading items that were already in the database: they keep their
	// own progress log.
	oldItems map[int64]bool
}

// fail names the record a write refused; a broken table CHECK or
// uniqueness is the file's fault, so it matches data.ErrInvalid.
func fail(kind string, i int, err error) error {
	if strings.Contains(err.Error(), "constraint failed") {
		return fmt.Errorf("%s %d: %w: %w", kind, i+1, data.ErrInvalid, err)
	}
	return fmt.Errorf("%s %d: %w", kind, i+1, err)
}

// settings adds the settings the database does not have; its own values
// win. An empty time zone (older exports: "the machine's own") never
// lands: the database keeps its zone, and one without any gets this
// machine's zone by name, as setup gives it.
func (m *merge) settings() error {
	have := map[string]bool{}
	for _, st := range m.old.Settings {
		// An empty zone is no zone: the file's may replace it.
		have[st.Key] = !(st.Key == keyTimeZone && st.Value == "")
	}
	for i, st := range m.x.Settings {
		if data.MachineSetting(st.Key) {
			continue // the machine that wrote the file, not this one
		}
		if have[st.Key] {
			m.counts.add("settings", false)
			continue
		}
		value := st.Value
		if st.Key == keyTimeZone && value == "" {
			value = store.SystemZone()
		}
		if err := m.b.AddSetting(st.Key, value); err != nil {
			return fail("setting", i, err)
		}
		have[st.Key] = true
		m.counts.add("settings", true)
	}
	return nil
}

// rotationKey is a rotation's natural key: its track and its blocks' days.
func rotationKey(r data.Rotation) string {
	var days []string
	for _, b := range data.SortedBlocks(r.Blocks) {
		days = append(days, b.Start.String()+".."+b.End.String())
	}
	return data.NameKey(r.Track) + "|" + r.CatalogID + "|" + strings.Join(days, ",")
}

func (m *merge) rotationList() error {
	existing := map[string]int64{}
	for _, r := range m.old.Rotations {
		existing[rotationKey(r.Rotation)] = r.ID
	}
	for i, rot := range m.x.Rotations {
		dom, _ := rot.Domain() // checked by Validate
		if id, ok := existing[rotationKey(dom)]; ok {
			m.rotations[rot.ID] = id
			m.counts.add("rotations", false)
			continue
		}
		added, err := m.b.AddRotation(dom, rot.CreatedAt)
		if err != nil {
			return fail("rotation", i, err)
		}
		m.rotations[rot.ID] = added.ID
		m.counts.add("rotations", true)
	}
	return nil
}

func milestoneKey(rotationID int64, title string, due data.Date) string {
	return fmt.Sprintf("%d|%s|%s", rotationID, title, due)
}

func (m *merge) milestoneList() error {
	existing := map[string]int64{}
	for _, ms := range m.old.Milestones {
		if k := milestoneKey(ms.RotationID, ms.Title, ms.Due); existing[k] == 0 {
			existing[k] = ms.ID
		}
	}
	for i, ms := range m.x.Milestones {
		dom, _ := ms.Domain()
		dom.RotationID = m.rotations[ms.Rotation]
		if id, ok := existing[milestoneKey(dom.RotationID, ms.Title, dom.Due)]; ok {
			m.milestones[ms.ID] = id
			m.counts.add("milestones", false)
			continue
		}
		added, err := m.b.AddMilestones([]data.Milestone{dom})
		if err != nil {
			return fail("milestone", i, err)
		}
		m.milestones[ms.ID] = added[0].ID
		m.counts.add("milestones", true)
	}
	return nil
}

func (m *merge) readingItems() error {
	existing := map[string]int64{}
	for _, it := range m.old.ReadingItems {
		if _, ok := existing[it.Key()]; !ok {
			existing[it.Key()] = it.ID
		}
	}
	for i, it := range m.x.ReadingItems {
		dom, _ := it.Domain()
		if id, ok := existing[dom.Key()]; ok {
			m.items[it.ID] = id
			m.oldItems[id] = true
			m.counts.add("reading items", false)
			continue
		}
		id, err := m.b.AddReadingItem(dom, it.DeletedAt)
		if err != nil {
			return fail("reading item", i, err)
		}
		m.items[it.ID] = id
		m.counts.add("reading items", true)
	}
	return nil
}

// progress adds the log of the items this import added; an item that was
// already on the list keeps its own progress and log, which agree.
func (m *merge) progress() error {
	for i, p := range m.x.ReadingProgress {
		id := m.items[p.Item]
		if m.oldItems[id] {
			m.counts.add("progress entries", false)
			continue
		}
		day, _ := data.ParseDate("day", p.Day)
		if err := m.b.AddProgress(data.ProgressEntry{ItemID: id, Date: day, Units: p.Units}); err != nil {
			return fail("reading progress", i, err)
		}
		m.counts.add("progress entries", true)
	}
	return nil
}

// zone is the database's zone, for the messages that name a local time.
func (m *merge) zone() *time.Location {
	for _, st := range m.old.Settings {
		if st.Key == keyTimeZone && st.Value != "" {
			if loc, err := data.LoadZone(st.Value); err == nil {
				return loc
			}
		}
	}
	return time.Local
}

// sessions adds the file's sessions: one repeating a stored session
// exactly (start to the second, length) is already there; one that
// overlaps another refuses the file, naming it, as every other way in does.
func (m *merge) sessions() error {
	timeline := data.NewSessionTimeline(m.old.StudySessions)
	var added []data.StudySession
	for i, ss := range m.x.StudySessions {
		dom, _ := ss.Domain()
		if o, ok := timeline.Overlap(dom); ok {
			if !dom.Repeats(o) {
				return fail("study session", i, data.OverlapError(dom, o, m.zone()))
			}
			m.counts.add("study sessions", false)
			continue
		}
		dom.ReadingItemID = m.items[ss.ReadingItem]
		timeline.Add(dom)
		added = append(added, dom)
		m.counts.add("study sessions", true)
	}
	if _, err := m.b.AddStudySessions(added); err != nil {
		return fmt.Errorf("study sessions: %w", err)
	}
	return nil
}

func nameKey(rotationID int64, name string) string {
	return fmt.Sprintf("%d|%s", rotationID, data.NameKey(name))
}

func (m *merge) examList() error {
	existing := map[string]int64{}
	for _, e := range m.old.Exams {
		existing[nameKey(e.RotationID, e.Name)] = e.ID
	}
	for i, e := range m.x.Exams {
		dom, _ := e.Domain()
		rid := m.rotations[e.Rotation]
		if id, ok := existing[nameKey(rid, e.Name)]; ok {
			m.exams[e.ID] = id
			m.counts.add("exams", false)
			continue
		}
		added, err := m.b.AddExam(rid, dom)
		if err != nil {
			return fail("exam", i, err)
		}
		m.exams[e.ID] = added.ID
		m.counts.add("exams", true)
	}
	return nil
}

// topicList adds new topics, and to a topic already there the exam links
// it lacks.
func (m *merge) topicList() error {
	existing := map[string]data.Topic{}
	for _, t := range m.old.Topics {
		existing[nameKey(t.RotationID, t.Name)] = t.Topic
	}
	for i, t := range m.x.Topics {
		rid := m.rotations[t.Rotation]
		var covered []int64
		for _, e := range t.Exams {
			covered = append(covered, m.exams[e])
		}
		have, ok := existing[nameKey(rid, t.Name)]
		if !ok {
			added, err := m.b.AddTopic(rid, data.Topic{Name: t.Name, ExamIDs: covered})
			if err != nil {
				return fail("topic", i, err)
			}
			m.topics[t.ID] = added.ID
			m.counts.add("topics", true)
			continue
		}
		m.topics[t.ID] = have.ID
		m.counts.add("topics", false)
		if more := union(have.ExamIDs, covered); len(more) > len(have.ExamIDs) {
			have.ExamIDs = more
			if err := m.b.SetTopicExams(have); err != nil {
				return fail("topic", i, err)
			}
		}
	}
	return nil
}

// union is a followed by the ids of b it lacks.
func union(a, b []int64) []int64 {
	out := append([]int64{}, a...)
	for _, id := range b {
		if !containsID(out, id) {
			out = append(out, id)
		}
	}
	return out
}

func containsID(ids []int64, id int64) bool {
	for _, v := range ids {
		if v == id {
			return true
		}
	}
	return false
}

func attemptKey(examID int64, day data.Date, source string) string {
	return fmt.Sprintf("%d|%s|%s", examID, day, data.NameKey(source))
}

func (m *merge) attempts() error {
	existing := map[string]bool{}
	for _, a := range m.old.Attempts {
		existing[attemptKey(a.ExamID, a.Date, a.Source)] = true
	}
	for i, a := range m.x.Attempts {
		dom, _ := a.Domain()
		dom.ExamID = m.exams[a.Exam]
		if existing[attemptKey(dom.ExamID, dom.Date, a.Source)] {
			m.counts.add("attempts", false)
			continue
		}
		for j := range dom.Scores {
			dom.Scores[j].TopicID = m.topics[dom.Scores[j].TopicID]
		}
		if _, err := m.b.AddAttempt(dom); err != nil {
			return fail("attempt", i, err)
		}
		m.counts.add("attempts", true)
	}
	return nil
}

// budgetItems adds the items not there yet; an item's natural key is all
// of its fields but the id, compared as the file writes them (so who
// fronted the money and the generator count: an item made by hand is not
// the generator's).
func (m *merge) budgetItems() error {
	existing := map[transfer.JSONBudgetItem]int64{}
	for _, it := range m.old.BudgetItems {
		if k := transfer.BudgetItemFromDomain(it.BudgetItem, 0, it.RotationID); existing[k] == 0 {
			existing[k] = it.ID
		}
	}
	for i, b := range m.x.BudgetItems {
		dom, _ := b.Domain()
		rid := m.rotations[b.Rotation]
		if id, ok := existing[transfer.BudgetItemFromDomain(dom, 0, rid)]; ok {
			m.budget[b.ID] = id
			m.counts.add("budget items", false)
			continue
		}
		added, err := m.b.AddBudgetItems(rid, []data.BudgetItem{dom})
		if err != nil {
			return fail("budget item", i, err)
		}
		m.budget[b.ID] = added[0].ID
		m.counts.add("budget items", true)
	}
	return nil
}

// milestoneLinks links the file's milestones to their budget items; a
// milestone the database already links keeps its own link, as the
// database's own choices win everywhere else.
func (m *merge) milestoneLinks() error {
	linked := map[int64]bool{}
	for _, ms := range m.old.Milestones {
		linked[ms.ID] = ms.BudgetItemID != 0
	}
	for i, ms := range m.x.Milestones {
		if ms.BudgetItem == 0 {
			continue
		}
		id := m.milestones[ms.ID]
		if linked[id] {
			m.counts.add("milestone links", false)
			continue
		}
		link := data.Milestone{ID: id, RotationID: m.rotations[ms.Rotation], Title: ms.Title, BudgetItemID: m.budget[ms.BudgetItem]}
		if err := m.b.LinkMilestone(link); err != nil {
			return fail("milestone", i, err)
		}
		linked[id] = true
		m.counts.add("milestone links", true)
	}
	return nil
}

// rates adds the rates of days the database has none for; a rate already
// there for the same currency and day keeps its value.
func (m *merge) rates() error {
	existing := map[string]bool{}
	key := func(home, currency string, day data.Date) string { return home + "|" + currency + "|" + day.String() }
	for _, r := range m.old.ExchangeRates {
		existing[key(r.Home, r.Currency, r.AsOf)] = true
	}
	for i, r := range m.x.ExchangeRates {
		dom, _ := r.Domain()
		if k := key(r.Home, r.Currency, dom.AsOf); existing[k] {
			m.counts.add("exchange rates", false)
			continue
		} else {
			existing[k] = true
		}
		if err := m.b.AddRate(r.Home, dom); err != nil {
			return fail("exchange rate", i, err)
		}
		m.counts.add("exchange rates", true)
	}
	return nil
}

// singleReminder reports whether kind has one reminder per database.
func singleReminder(kind string) bool {
	return kind == data.ReminderMilestone || kind == data.ReminderNudgeReading || kind == data.ReminderNudgeStudy
}

// reminders adds the reminders not there yet (same fields, the time of
// the last save aside). The milestone reminder and the nudges exist once:
// the file's replaces the database's while that one is still the untouched
// default (never saved), and otherwise the user's own choice stays.
func (m *merge) reminders() error {
	existing := map[transfer.JSONReminder]bool{}
	single := map[string]store.StoredReminder{}
	for _, r := range m.old.Reminders {
		existing[transfer.ReminderFromDomain(r.Reminder, "")] = true
		if singleReminder(r.Kind) {
			single[r.Kind] = r
		}
	}
	for i, r := range m.x.Reminders {
		dom, _ := r.Domain()
		known := existing[transfer.ReminderFromDomain(dom, "")]
		if singleReminder(r.Kind) {
			if have, ok := single[r.Kind]; ok {
				if have.SavedAt != "" || known && r.SavedAt == "" {
					m.counts.add("reminders", false)
					continue
				}
				dom.ID = have.ID
			}
		} else if known {
			m.counts.add("reminders", false)
			continue
		}
		if err := m.b.PutReminder(dom, r.SavedAt); err != nil {
			return fail("reminder", i, err)
		}
		m.counts.add("reminders", true)
	}
	return nil
}

func (m *merge) milestoneReminders() error {
	have := map[int64]bool{}
	for _, r := range m.old.MilestoneReminders {
		have[r.MilestoneID] = true
	}
	for i, r := range m.x.MilestoneReminders {
		id := m.milestones[r.Milestone]
		if have[id] {
			m.counts.add("milestone reminders", false)
			continue
		}
		if err := m.b.AddMilestoneReminder(id, data.MilestoneSetting{Off: r.Off, DaysBefore: r.DaysBefore}); err != nil {
			return fail("milestone reminder", i, err)
		}
		have[id] = true
		m.counts.add("milestone reminders", true)
	}
	return nil
}
