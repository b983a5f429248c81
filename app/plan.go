package app

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/masterplan-app/masterplan/app/widgets"
	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/plan"
	"github.com/masterplan-app/masterplan/data/summary"
)

// planDays is how far the Plan screen looks: the next five weeks.
const planDays = 35

// planScreen shows the study plan of the next weeks as a list and as a
// calendar-like grid, with the days off, and edits what the plan is made
// from: the weekly availability, days off and reading speeds.
type planScreen struct {
	shell        *Shell
	summary      *widget.Label
	options      *widget.Label
	availability *widgets.Entry
	// savedAvailability is the availability as stored, which Esc puts
	// back in the field.
	savedAvailability string
	availabilityMsg   *widget.Label
	offFrom           *widgets.DateEntry
	offTo             *widgets.DateEntry
	offMsg            *widget.Label
	speeds            *fyne.Container
	speedMsg          *widget.Label
	undos             *undoer
	grid              *fyne.Container
	list              *widget.List
	plan              plan.Plan
	loads             loader[plannedDays]
}

// plannedDays is the plan screen's load: the plan and what it was made of.
type plannedDays struct {
	plan plan.Plan
	in   plan.Input
}

func newPlanScreen(s *Shell) *planScreen {
	ps := &planScreen{
		shell: s, summary: widget.NewLabel("Loading…"), options: widget.NewLabel(""),
		speeds: container.NewVBox(), grid: container.NewGridWithColumns(7),
	}
	ps.newPlanFields()
	ps.undos = newUndoer(s, ps.refresh)
	ps.summary.Wrapping = fyne.TextWrapWord
	ps.summary.TextStyle.Bold = true
	ps.options.Wrapping = fyne.TextWrapWord
	ps.list = widget.NewList(ps.dayCount, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Wrapping = fyne.TextWrapWord
		return l
	}, func(i widget.ListItemID, o fyne.CanvasObject) {
		o.(*widget.Label).SetText(dayText(ps.plan.Days[i]))
		ps.list.SetItemHeight(i, o.MinSize().Height)
	})
	return ps
}

func (ps *planScreen) dayCount() int { return min(len(ps.plan.Days), planDays) }

func (ps *planScreen) view() fyne.CanvasObject {
	tabs := container.NewAppTabs(
		container.NewTabItem("Next weeks", ps.list),
		container.NewTabItem("Calendar", container.NewVScroll(ps.grid)),
		container.NewTabItem("Availability and speeds", container.NewVScroll(container.NewPadded(ps.settingsView()))),
	)
	return container.NewBorder(container.NewPadded(container.NewVBox(ps.summary, ps.options)), ps.undos.bar, nil, nil, tabs)
}

func (ps *planScreen) newItem() {}

// refresh plans off the UI goroutine (the store's reads take a while on
// years of data) and shows the result.
func (ps *planScreen) refresh() {
	st, now := ps.shell.Store, ps.shell.Now()
	ps.loads.load(ps.shell, func(ctx context.Context) (plannedDays, error) {
		p, in, err := summary.LoadPlan(ctx, st, now, planDays)
		return plannedDays{p, in}, err
	}, func(d plannedDays) { ps.show(d.plan, d.in) })
}

func (ps *planScreen) show(p plan.Plan, in plan.Input) {
	ps.plan = p
	ps.summary.SetText(p.Summary)
	var opts []string
	for _, o := range p.Options {
		opts = append(opts, "• "+o)
	}
	if len(p.Unsized) > 0 {
		opts = append(opts, fmt.Sprintf("Not planned, size unknown: %s", strings.Join(p.Unsized, ", ")))
	}
	ps.options.SetText(strings.Join(opts, "\n"))
	ps.options.Hidden = len(opts) == 0
	// The field follows what is stored (after an undo, say) unless the
	// user is typing something else into it.
	saved := in.Availability.String()
	if ps.availability.Text == "" || ps.availability.Text == ps.savedAvailability {
		ps.availability.SetText(saved)
	}
	ps.savedAvailability = saved
	ps.showSpeeds(in.Speeds)
	ps.showGrid(p)
	ps.list.Refresh()
}

// dayText is one day of the list: date, time, tasks with their why.
func dayText(d plan.Day) string {
	head := fmt.Sprintf("%s %s", d.Date.Time().Format("Mon"), d.Date)
	switch {
	case d.Closed != "":
		return head + ": " + d.Closed
	case d.Available == 0:
		return head + ": no study time"
	}
	lines := []string{fmt.Sprintf("%s: %s of %s planned", head, plan.Duration(d.Planned()), plan.Duration(d.Available))}
	for _, t := range d.Tasks {
		lines = append(lines, fmt.Sprintf("    %s (%s)", t.Title, t.Why))
	}
	return strings.Join(lines, "\n")
}

// showGrid lays the days out as weeks, Monday first, each cell the day's
// planned and available time, or why it has none.
func (ps *planScreen) showGrid(p plan.Plan) {
	var cells []fyne.CanvasObject
	for _, name := range []string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"} {
		l := widget.NewLabel(name)
		l.TextStyle.Bold = true
		cells = append(cells, l)
	}
	if len(p.Days) > 0 {
		lead := (int(p.Days[0].Date.Weekday()) + 6) % 7
		for range lead {
			cells = append(cells, widget.NewLabel(""))
		}
	}
	for i, d := range p.Days {
		if i >= planDays {
			break
		}
		text := fmt.Sprintf("%d %s\n", d.Date.Day(), d.Date.Time().Format("Jan"))
		switch {
		case d.Closed != "":
			text += d.Closed
		case d.Available == 0:
			text += "—"
		default:
			text += fmt.Sprintf("%s / %s\n%s", plan.Duration(d.Planned()), plan.Duration(d.Available), taskKinds(d))
		}
		l := widget.NewLabel(text)
		// Wrapped at the column's width: unwrapped, the longest day made
		// the window at least 1277 pixels wide.
		l.Wrapping = fyne.TextWrapWord
		l.Importance = widget.MediumImportance
		if d.Closed != "" {
			l.Importance = widget.WarningImportance
		}
		cells = append(cells, l)
	}
	ps.grid.Objects = cells
	ps.grid.Refresh()
}

// taskKinds names what a day holds: "reading, practice".
func taskKinds(d plan.Day) string {
	var kinds []string
	for _, t := range d.Tasks {
		if len(kinds) == 0 || kinds[len(kinds)-1] != t.Kind {
			kinds = append(kinds, t.Kind)
		}
	}
	return strings.Join(kinds, ", ")
}

// showSpeeds lists each kind's speed with an entry to set it.
func (ps *planScreen) showSpeeds(speeds []plan.Speed) {
	var rows []fyne.CanvasObject
	var entries []*widget.Entry
	for _, sp := range speeds {
		entry := ps.speedEntry(sp)
		entries = append(entries, &entry.Entry)
		source := sp.Source
		if sp.Sessions > 0 {
			source += ", " + data.Count(sp.Sessions, "measured session", "measured sessions")
		}
		label := widget.NewLabel(fmt.Sprintf("%s, %s an hour (%s)", sp.Kind.Kind, sp.Unit, source))
		set := widget.NewButton("Set", func() { ps.onSetSpeed(sp.Kind, entry) })
		rows = append(rows, container.NewBorder(nil, nil, label, set, entry))
	}
	bindMessage(ps.speedMsg, entries...)
	ps.speeds.Objects = rows
	ps.speeds.Refresh()
}
