package data

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Kinds of the milestones MasterPlan suggests; the store keeps them so a
// second "suggest" does not add the same step twice.
const (
	MilestoneApplication = "application"
	MilestoneAccepted    = "accepted"
	MilestoneFeePaid     = "fee-paid"
	MilestoneFlights     = "flights"
	MilestoneHotel       = "hotel"
	MilestoneLeave       = "leave"
	MilestoneReading     = "reading"
	MilestoneWritten     = "written-exam"
	MilestoneLab         = "lab-exam"
	MilestoneRetake      = "retake"
)

// suggestion is a usual step and how many days before the first block it
// falls. The offsets follow the program's own sequence (resume review, then
// acceptance and payment, then travel) with slack for visas and fares.
type suggestion struct {
	kind, title string
	daysBefore  int
}

var usualSteps = []suggestion{
	{MilestoneApplication, "Application submitted", 120},
	{MilestoneAccepted, "Accepted into the program", 90},
	{MilestoneFeePaid, "Program fee paid", 60},
	{MilestoneLeave, "Leave from work approved", 60},
	{MilestoneFlights, "Flights booked", 45},
	{MilestoneHotel, "Hotel booked", 40},
	{MilestoneReading, "Reading list finished", 7},
}

// SuggestMilestones proposes the usual steps for a rotation: the preparation
// steps at fixed offsets before the first block, then the exams. Steps already
// present in existing are left out, so suggesting twice adds nothing: a step
// is present when a milestone has its kind and title, or has its kind and a
// title the user changed (the store keeps the kind when a title is edited).
// The user edits the dates afterwards. Application and acceptance come
// already done: MasterPlan's user has been accepted, and an open
// "Application submitted" months overdue would only nag.
func SuggestMilestones(r Rotation, existing []Milestone) []Milestone {
	first, ok := r.FirstBlock()
	if !ok {
		return nil
	}
	var all []Milestone
	suggest := func(kind, title string, due Date) {
		done := kind == MilestoneApplication || kind == MilestoneAccepted
		all = append(all, Milestone{RotationID: r.ID, Title: title, Due: due, Kind: kind, Done: done})
	}
	for _, s := range usualSteps {
		suggest(s.kind, s.title, first.Start.AddDays(-s.daysBefore))
	}
	// Written exams are held in class: spread them evenly over the on-site
	// days (whatever the split), with the lab exam on the very last day.
	var days []Date
	for _, b := range SortedBlocks(r.Blocks) {
		for d := b.Start; !d.After(b.End); d = d.AddDays(1) {
			days = append(days, d)
		}
	}
	if len(days) > 0 {
		for i := 1; i <= 3; i++ {
			suggest(MilestoneWritten, fmt.Sprintf("Written exam %d", i), days[max(0, i*len(days)/4-1)])
		}
		suggest(MilestoneLab, "Lab exam", days[len(days)-1])
	}

	// An existing milestone covers the suggestion with its kind and title;
	// failing that, one with a renamed title covers the first free suggestion
	// of its kind.
	taken := make([]bool, len(all))
	renamed := map[string]int{}
	for _, m := range existing {
		if m.Kind == "" {
			continue
		}
		i := slices.IndexFunc(all, func(s Milestone) bool { return s.Kind == m.Kind && s.Title == m.Title })
		if i >= 0 && !taken[i] {
			taken[i] = true
		} else {
			renamed[m.Kind]++
		}
	}
	var out []Milestone
	for i, s := range all {
		switch {
		case taken[i]:
		case renamed[s.Kind] > 0:
			renamed[s.Kind]--
		default:
			out = append(out, s)
		}
	}
	return out
}

// DueText says where an open milestone stands on day today, in words that
// do not rely on colour: "OVERDUE by 2 days", "due today", "due tomorrow",
// "due in 5 days"; "done" once it is done. The status text, the dashboard
// and the Reminders screen all say it this way.
func (m Milestone) DueText(today Date) string {
	days := today.DaysUntil(m.Due)
	switch {
	case m.Done:
		return "done"
	case days < 0:
		return "OVERDUE by " + Count(-days, "day", "days")
	case days == 0:
		return "due today"
	case days == 1:
		return "due tomorrow"
	default:
		return "due in " + Count(days, "day", "days")
	}
}

// Overdue reports whether the milestone is open and its due date is
// before today.
func (m Milestone) Overdue(today Date) bool { return !m.Done && m.Due.Before(today) }

// OverdueMilestones returns the open milestones due before today, most
// overdue first: the Reminders screen and the status list them, since a
// milestone past its day no longer rings.
func OverdueMilestones(ms []Milestone, today Date) []Milestone {
	var out []Milestone
	for _, m := range ms {
		if m.Overdue(today) {
			out = append(out, m)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Due.Before(out[j].Due) })
	return out
}

// OverdueText says which open milestones are overdue on today, most
// overdue first, naming at most n: "2 milestones overdue: Visa (OVERDUE by
// 4 days), Fee paid (OVERDUE by 1 day)."; "" when none is. A milestone
// past its day no longer rings, so the status, the dashboard and the
// Reminders screen say this instead.
func OverdueText(ms []Milestone, today Date, n int) string {
	overdue := OverdueMilestones(ms, today)
	if len(overdue) == 0 {
		return ""
	}
	var names []string
	for _, m := range overdue[:min(len(overdue), max(n, 1))] {
		names = append(names, fmt.Sprintf("%s (%s)", m.Title, m.DueText(today)))
	}
	text := Count(len(overdue), "milestone", "milestones") + " overdue: " + strings.Join(names, ", ")
	if more := len(overdue) - len(names); more > 0 {
		text += fmt.Sprintf(" and %d more", more)
	}
	return text + "."
}

// MilestoneDone is whether a milestone is done: one linked to a budget item
// ("Program fee paid") is done exactly when the item's actual amount is
// recorded, whatever its box said before; any other when it is checked.
func MilestoneDone(checked, linked, itemSpent bool) bool {
	if linked {
		return itemSpent
	}
	return checked
}

// LinkLabel names a budget item as a milestone linked to it shows it:
// "Program fee: Rotation fee (includes the lab exam and one retake)".
func (it BudgetItem) LinkLabel() string {
	if it.Description == "" {
		return it.Category.Label()
	}
	return it.Category.Label() + ": " + it.Description
}

// PaidText says what a linked milestone waits for, or "" when it has no
// link (no linked item named): "done when “Program fee: Rotation fee” is
// paid".
func (m Milestone) PaidText() string {
	if m.BudgetItem == "" {
		return ""
	}
	return "done when “" + m.BudgetItem + "” is paid"
}
