// Package dbjson moves a whole database to and from MasterPlan's JSON file
// (transfer.Export): the export turns the store's records into the file's
// (transfer's FromDomain functions, with file ids), and the import holds
// the merge rules (what is already there, what is added, what refuses the
// file) and writes through the store's own batch writers in one
// transaction. It sits apart from data/transfer so that the format stays
// free of the store, and the store free of the format.
package dbjson

import (
	"context"
	"fmt"
	"time"

	"github.com/masterplan-app/masterplan/data/store"
	"github.com/masterplan-app/masterplan/data/transfer"
)

// Export reads every record of st into the file's form, stamped with now.
// Records keep their table order (by row id), and the file ids number each
// list from 1 in that order, so an export imported into an empty database
// exports again to the same file.
func Export(ctx context.Context, st *store.Store, now time.Time) (*transfer.Export, error) {
	all, err := st.Everything(ctx)
	if err != nil {
		return nil, fmt.Errorf("export everything: %w", err)
	}
	return fromStore(all, now), nil
}

// fileIDs numbers one table's row ids 1, 2, ... in the order they are added.
type fileIDs map[int64]int64

func (f fileIDs) add(rowID int64) int64 {
	f[rowID] = int64(len(f) + 1)
	return f[rowID]
}

func fromStore(all store.Everything, now time.Time) *transfer.Export {
	x := &transfer.Export{Format: transfer.JSONFormat, Version: transfer.JSONVersion, ExportedAt: now.UTC().Format(transfer.InstantLayout),
		Settings: []transfer.Setting{}, Rotations: []transfer.JSONRotation{}, Milestones: []transfer.JSONMilestone{},
		ReadingItems: []transfer.JSONReadingItem{}, ReadingProgress: []transfer.JSONProgress{}, StudySessions: []transfer.JSONSession{},
		Exams: []transfer.JSONExam{}, Topics: []transfer.JSONTopic{}, Attempts: []transfer.JSONAttempt{}, BudgetItems: []transfer.JSONBudgetItem{},
		ExchangeRates: []transfer.JSONRate{}, Reminders: []transfer.JSONReminder{}, MilestoneReminders: []transfer.JSONMilestoneReminder{}}
	rotations, milestones, items, exams, topics, budget := fileIDs{}, fileIDs{}, fileIDs{}, fileIDs{}, fileIDs{}, fileIDs{}
	for _, st := range all.Settings {
		x.Settings = append(x.Settings, transfer.Setting{Key: st.Key, Value: st.Value})
	}
	for _, r := range all.Rotations {
		x.Rotations = append(x.Rotations, transfer.RotationFromDomain(r.Rotation, rotations.add(r.ID), r.CreatedAt))
	}
	// Budget items are numbered first: milestones come before them in the
	// file and refer to them.
	for _, b := range all.BudgetItems {
		budget.add(b.ID)
	}
	for _, m := range all.Milestones {
		x.Milestones = append(x.Milestones, transfer.MilestoneFromDomain(m, milestones.add(m.ID), rotations[m.RotationID], budget[m.BudgetItemID]))
	}
	for _, it := range all.ReadingItems {
		x.ReadingItems = append(x.ReadingItems, transfer.ReadingItemFromDomain(it.ReadingItem, items.add(it.ID), it.DeletedAt))
	}
	for _, p := range all.ReadingProgress {
		x.ReadingProgress = append(x.ReadingProgress, transfer.ProgressFromDomain(p, items[p.ItemID]))
	}
	for _, s := range all.StudySessions {
		x.StudySessions = append(x.StudySessions, transfer.SessionFromDomain(s, items[s.ReadingItemID]))
	}
	for _, e := range all.Exams {
		x.Exams = append(x.Exams, transfer.ExamFromDomain(e.Exam, exams.add(e.ID), rotations[e.RotationID], e.Position))
	}
	for _, t := range all.Topics {
		id := topics.add(t.ID)
		var covered []int64
		for _, e := range t.ExamIDs {
			covered = append(covered, exams[e])
		}
		x.Topics = append(x.Topics, transfer.TopicFromDomain(t.Topic, id, rotations[t.RotationID], covered))
	}
	for _, a := range all.Attempts {
		x.Attempts = append(x.Attempts, transfer.AttemptFromDomain(a, exams[a.ExamID], func(id int64) int64 { return topics[id] }))
	}
	for _, b := range all.BudgetItems {
		x.BudgetItems = append(x.BudgetItems, transfer.BudgetItemFromDomain(b.BudgetItem, budget[b.ID], rotations[b.RotationID]))
	}
	for _, r := range all.ExchangeRates {
		x.ExchangeRates = append(x.ExchangeRates, transfer.RateFromDomain(r.Rate, r.Home))
	}
	for _, r := range all.Reminders {
		x.Reminders = append(x.Reminders, transfer.ReminderFromDomain(r.Reminder, r.SavedAt))
	}
	for _, m := range all.MilestoneReminders {
		x.MilestoneReminders = append(x.MilestoneReminders, transfer.MilestoneReminderFromDomain(m.MilestoneSetting, milestones[m.MilestoneID]))
	}
	return x
}
