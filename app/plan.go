package app

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

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
	availability *widget.Entry
	offFrom      *widget.Entry
	offTo        *widget.Entry
	speeds       *fyne.Container
	grid         *fyne.Container
	list         *widget.List
	plan         plan.Plan
	loads        loader[plannedDays]
}

// plannedDays is the plan screen's load: the plan and what it was made of.
type plannedDays struct {
	plan plan.Plan
	in   plan.Input
}

func newPlanScreen(s *Shell) *planScreen {
	ps := &planScreen{
		shell: s, summary: widget.NewLabel("Loading…"), options: widget.NewLabel(""),
		availability: widget.NewEntry(), offFrom: widget.NewEntry(), offTo: widget.NewEntry(),
		speeds: container.NewVBox(), grid: container.NewGridWithColumns(7),
	}
	ps.summary.Wrapping = fyne.TextWrapWord
	ps.summary.TextStyle.Bold = true
	ps.options.Wrapping = fyne.TextWrapWord
	ps.availability.SetPlaceHolder("Mon-Fri 19:00-21:00; Sat 09:00-13:00")
	ps.availability.Validator = func(v string) error { _, err := plan.ParseAvailability(v); return err }
	ps.offFrom.SetPlaceHolder("first day YYYY-MM-DD")
	ps.offTo.SetPlaceHolder("last day YYYY-MM-DD")
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
	saveAvail := widget.NewButtonWithIcon("Save availability", theme.DocumentSaveIcon(), ps.onSaveAvailability)
	markOff := widget.NewButtonWithIcon("Mark days off", theme.ContentRemoveIcon(), func() { ps.onDaysOff(true) })
	clearOff := widget.NewButtonWithIcon("Open again", theme.ContentAddIcon(), func() { ps.onDaysOff(false) })
	settings := container.NewVBox(
		widget.NewLabel("Weekly availability"),
		container.NewBorder(nil, nil, nil, saveAvail, ps.availability),
		widget.NewLabel("Days off (holidays, travel, a busy week)"),
		container.NewBorder(nil, nil, nil, container.NewHBox(markOff, clearOff), container.NewGridWithColumns(2, ps.offFrom, ps.offTo)),
		widget.NewLabel("Reading speeds (units an hour)"),
		ps.speeds,
	)
	tabs := container.NewAppTabs(
		container.NewTabItem("Next weeks", ps.list),
		container.NewTabItem("Calendar", container.NewVScroll(ps.grid)),
		container.NewTabItem("Availability and speeds", container.NewVScroll(container.NewPadded(settings))),
	)
	return container.NewBorder(container.NewPadded(container.NewVBox(ps.summary, ps.options)), nil, nil, nil, tabs)
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
	if !ps.availability.Disabled() && ps.availability.Text == "" {
		ps.availability.SetText(in.Availability.String())
	}
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
	for _, sp := range speeds {
		entry := widget.NewEntry()
		entry.SetText(strconv.FormatFloat(sp.PerHour, 'f', -1, 64))
		entry.Validator = func(v string) error {
			f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err != nil {
				return data.Invalid("speed", "%q is not a number", v)
			}
			return plan.CheckSpeed(f)
		}
		source := sp.Source
		if sp.Sessions > 0 {
			source += fmt.Sprintf(", %d measured session(s)", sp.Sessions)
		}
		label := widget.NewLabel(fmt.Sprintf("%s, %s an hour (%s)", sp.Kind.Kind, sp.Unit, source))
		set := widget.NewButton("Set", func() { ps.onSetSpeed(sp.Kind, entry) })
		rows = append(rows, container.NewBorder(nil, nil, label, set, entry))
	}
	ps.speeds.Objects = rows
	ps.speeds.Refresh()
}

func (ps *planScreen) onSaveAvailability() {
	a, err := plan.ParseAvailability(ps.availability.Text)
	if err == nil {
		err = ps.shell.Store.SetPlanAvailability(ps.shell.ctx(), a)
	}
	if err != nil {
		ps.shell.showError(err)
		return
	}
	ps.availability.SetText(a.String())
	ps.refresh()
}

func (ps *planScreen) onDaysOff(off bool) {
	from, err := data.ParseDate("first day", strings.TrimSpace(ps.offFrom.Text))
	to := from
	if err == nil && strings.TrimSpace(ps.offTo.Text) != "" {
		to, err = data.ParseDate("last day", strings.TrimSpace(ps.offTo.Text))
	}
	if err == nil {
		err = ps.shell.Store.SetDaysOff(ps.shell.ctx(), from, to, off)
	}
	if err != nil {
		ps.shell.showError(err)
		return
	}
	ps.refresh()
}

func (ps *planScreen) onSetSpeed(k plan.Kind, entry *widget.Entry) {
	v, err := strconv.ParseFloat(strings.TrimSpace(entry.Text), 64)
	if err != nil {
		ps.shell.showError(data.Invalid("speed", "%q is not a number", entry.Text))
		return
	}
	if err := ps.shell.Store.SetPlanSpeed(ps.shell.ctx(), k, v); err != nil {
		ps.shell.showError(err)
		return
	}
	ps.refresh()
}
