package app

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/masterplan-app/masterplan/data/summary"
)

// dashboardScreen shows where the candidate stands today: the countdown
// as the headline, then cards (dashboard_cards.go), Tonight's plan first.
type dashboardScreen struct {
	shell    *Shell
	headline *canvas.Text
	today    *widget.Label
	grid     *fyne.Container // Tonight, then one card per figure (cardGrid)
	cards    []*dashCard     // the figure cards, as last shown
	tonight  *tonightCard    // the first card: tonight's plan (plan_card.go)
	// loads shows only the newest refresh's summary (loader.go).
	loads  loader[summary.Summary]
	loaded bool // a summary has been shown
}

// dashboardCell is a card column's narrowest width: two columns fit at
// 1024 pixels beside the navigation, four at 1600.
const dashboardCell = 300

func newDashboardScreen(s *Shell) *dashboardScreen {
	d := &dashboardScreen{
		shell:    s,
		headline: canvas.NewText("", theme.Color(theme.ColorNameForeground)),
		today:    widget.NewLabel(""),
		tonight:  newTonightCard(s),
	}
	d.grid = container.New(&cardGrid{cell: dashboardCell}, d.tonight.view())
	d.headline.TextSize = theme.TextHeadingSize()
	d.headline.TextStyle.Bold = true
	d.today.Truncation = fyne.TextTruncateEllipsis
	return d
}

func (d *dashboardScreen) view() fyne.CanvasObject {
	makeReport := widget.NewButtonWithIcon("Business-case report… (Ctrl+P)", theme.DocumentPrintIcon(), d.shell.showReportForm)
	top := container.NewBorder(nil, nil, nil, makeReport, container.NewVBox(d.headline, d.today))
	return container.NewVScroll(container.NewPadded(container.NewBorder(top, nil, nil, nil, d.grid)))
}

func (d *dashboardScreen) newItem() {}

// refresh builds the summary off the UI goroutine: on years of data it
// takes longer than a frame, and the window draws meanwhile.
func (d *dashboardScreen) refresh() {
	d.tonight.refresh()
	if !d.loaded {
		d.headline.Text = "Loading…"
		d.headline.Refresh()
	}
	st, now := d.shell.Store, d.shell.Now()
	d.loads.load(d.shell, func(ctx context.Context) (summary.Summary, error) { return summary.Build(ctx, st, now) }, d.show)
}

// show puts summary s on the widgets.
func (d *dashboardScreen) show(s summary.Summary) {
	d.loaded = true
	d.headline.Text = s.Headline
	d.headline.Color = theme.Color(theme.ColorNameForeground)
	d.headline.Refresh()
	d.today.SetText(fmt.Sprintf("%s · today is %s, %s (%s)", s.Track, s.Today.Weekday(), s.Today, s.TimeZone))
	d.cards = d.cards[:0]
	objs := []fyne.CanvasObject{d.tonight.view()}
	for _, c := range figureCards(s) {
		card := newDashCard(c, d.shell.Select)
		d.cards = append(d.cards, card)
		objs = append(objs, card)
	}
	d.grid.Objects = objs
	d.grid.Refresh()
}
