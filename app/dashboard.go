package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/masterplan-app/masterplan/data/summary"
)

// dashboardScreen shows where the candidate stands today: the countdown,
// the blocks and the next milestones.
type dashboardScreen struct {
	shell      *Shell
	headline   *canvas.Text
	track      *widget.Label
	today      *widget.Label
	blocks     *widget.Label
	milestones *widget.Label
	areas      *fyne.Container // one card per feature area that has something to say
	tonight    *tonightCard    // the first card: tonight's plan (plan_card.go)
	// loads counts the refreshes begun, so that only the newest one's
	// summary is shown; read and written on the UI goroutine only.
	loads  int
	loaded bool // a summary has been shown
}

// areaCards build the feature areas' dashboard cards, in display order.
func areaCards() []func(summary.Summary) (title, text string) {
	return []func(summary.Summary) (string, string){readingCard, studyCard, practiceCard, budgetCard, remindersCard}
}

func newDashboardScreen(s *Shell) *dashboardScreen {
	d := &dashboardScreen{
		shell:      s,
		headline:   canvas.NewText("", theme.Color(theme.ColorNameForeground)),
		track:      widget.NewLabel(""),
		today:      widget.NewLabel(""),
		blocks:     widget.NewLabel(""),
		milestones: widget.NewLabel(""),
		areas:      container.NewGridWithColumns(2),
		tonight:    newTonightCard(s),
	}
	d.headline.TextSize = theme.TextHeadingSize() * 1.6
	d.headline.TextStyle.Bold = true
	d.track.TextStyle.Bold = true
	d.blocks.Wrapping = fyne.TextWrapWord
	d.milestones.Wrapping = fyne.TextWrapWord
	return d
}

func (d *dashboardScreen) view() fyne.CanvasObject {
	openRotation := widget.NewButtonWithIcon("Open the rotation", theme.NavigateNextIcon(), func() { d.shell.Select(1) })
	makeReport := widget.NewButtonWithIcon("Business-case report… (Ctrl+P)", theme.DocumentPrintIcon(), d.shell.showReportForm)
	return container.NewVScroll(container.NewPadded(container.NewVBox(
		container.NewBorder(nil, nil, nil, makeReport, d.headline), d.track, d.today,
		d.tonight.view(),
		widget.NewCard("Blocks", "", d.blocks),
		widget.NewCard("Next milestones", "", container.NewVBox(d.milestones, container.NewHBox(openRotation))),
		d.areas,
	)))
}

func (d *dashboardScreen) newItem() {}

// refresh builds the summary off the UI goroutine: on years of data it
// takes longer than a frame, and the window draws meanwhile.
func (d *dashboardScreen) refresh() {
	d.tonight.refresh()
	d.loads++
	load := d.loads
	if !d.loaded {
		d.headline.Text = "Loading…"
		d.headline.Refresh()
	}
	ctx, st, now := d.shell.ctx(), d.shell.Store, d.shell.Now()
	d.shell.background(func() {
		s, err := summary.Build(ctx, st, now)
		d.shell.toUI(func() {
			if load != d.loads {
				return // a newer refresh began meanwhile: its summary is the one to show
			}
			if err != nil {
				d.shell.showError(err)
				return
			}
			d.show(s)
		})
	})
}

// show puts summary s on the widgets.
func (d *dashboardScreen) show(s summary.Summary) {
	d.loaded = true
	d.headline.Text = s.Headline
	d.headline.Color = theme.Color(theme.ColorNameForeground)
	d.headline.Refresh()
	d.track.SetText(s.Track)
	d.today.SetText(fmt.Sprintf("Today is %s, %s (%s)", s.Today.Weekday(), s.Today, s.TimeZone))
	d.blocks.SetText(blocksText(s))
	d.milestones.SetText(nextMilestonesText(s))
	d.areas.RemoveAll()
	for _, card := range areaCards() {
		if title, text := card(s); text != "" {
			l := widget.NewLabel(text)
			l.Wrapping = fyne.TextWrapWord
			d.areas.Add(widget.NewCard(title, "", l))
		}
	}
}

func blocksText(s summary.Summary) string {
	out := ""
	for i, b := range s.Rotation.Blocks {
		if i > 0 {
			out += "\n"
		}
		out += fmt.Sprintf("Block %d: %s to %s, %s (%d days) — %s", i+1, b.Start, b.End, b.Location,
			b.Start.DaysUntil(b.End)+1, blockState(b))
	}
	return out
}

func blockState(b summary.BlockEntry) string {
	switch {
	case b.Phase == "finished":
		return "finished"
	case b.Phase == "in progress":
		return "in progress"
	case b.DaysLeft == 1:
		return "starts tomorrow"
	case b.DaysLeft == 0:
		return "starts today"
	default:
		return fmt.Sprintf("in %d days", b.DaysLeft)
	}
}

func nextMilestonesText(s summary.Summary) string {
	next := s.NextMilestones(3)
	if len(next) == 0 {
		return "Nothing open. Add milestones on the Rotation screen, or let MasterPlan suggest the usual ones."
	}
	out := ""
	for i, m := range next {
		if i > 0 {
			out += "\n"
		}
		days := s.Today.DaysUntil(m.Due)
		when := fmt.Sprintf("in %d days", days)
		switch {
		case days == 0:
			when = "due today"
		case days == 1:
			when = "due tomorrow"
		case days < 0:
			when = fmt.Sprintf("OVERDUE by %d days", -days)
		}
		out += fmt.Sprintf("%s  %s  (%s)", m.Due, m.Title, when)
	}
	return out
}
