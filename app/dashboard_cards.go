package app

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/masterplan-app/masterplan/app/widgets"
	"github.com/masterplan-app/masterplan/data/summary"
)

// milestonesShown is how many open milestones the dashboard lists.
const milestonesShown = 3

// Screen indexes in screenTable that the cards open.
const (
	rotationScreenIndex  = 1
	readingScreenIndex   = 2
	practiceScreenIndex  = 4
	budgetScreenIndex    = 5
	remindersScreenIndex = 6
)

// figureCards are the dashboard's cards after Tonight, in display order,
// each with the screen it opens.
func figureCards(s summary.Summary) []cardContent {
	ms, lines := s.MilestonesFigure(milestonesShown)
	cards := []cardContent{
		{title: "Rotation", screen: rotationScreenIndex, fig: s.RotationFigure()},
		{title: "Reading", screen: readingScreenIndex, fig: s.ReadingFigure()},
		{title: "Study", screen: studyScreenIndex, fig: s.StudyFigure()},
		{title: "Readiness", screen: practiceScreenIndex, fig: s.ReadinessFigure()},
		{title: "Budget", screen: budgetScreenIndex, fig: s.BudgetFigure()},
		{title: "Milestones", screen: rotationScreenIndex, fig: ms, milestones: lines},
	}
	if title, text := remindersCard(s); text != "" {
		cards = append(cards, cardContent{title: title, screen: remindersScreenIndex, fig: summary.Figure{Details: []string{text}}})
	}
	return cards
}

// cardContent is what one card shows and where it leads.
type cardContent struct {
	title      string
	screen     int // index in screenTable
	fig        summary.Figure
	milestones []summary.MilestoneLine
}

// dashCard is a dashboard card: its title, one big figure, a few lines and
// bars. A tap (or its screen's Ctrl+number, shown in the title) opens its
// screen.
type dashCard struct {
	widget.BaseWidget
	content cardContent
	onTap   func()
	bg      *canvas.Rectangle
	body    fyne.CanvasObject
	figure  *canvas.Text // the big figure; nil when the card has none
}

var (
	_ fyne.Tappable      = (*dashCard)(nil)
	_ desktop.Cursorable = (*dashCard)(nil)
)

func newDashCard(c cardContent, open func(int)) *dashCard {
	body, figure := cardBody(c)
	d := newFramedCard(body, c.screen, open)
	d.content, d.figure = c, figure
	return d
}

// newFramedCard is a card drawn around body that opens screen on a tap:
// Tonight (plan_card.go) is framed as the figure cards are.
func newFramedCard(body fyne.CanvasObject, screen int, open func(int)) *dashCard {
	d := &dashCard{content: cardContent{screen: screen}, onTap: func() { open(screen) }, body: body}
	d.bg = canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	d.ExtendBaseWidget(d)
	return d
}

// cardTitle is a card's title: its name in bold and the shortcut of the
// screen it opens, "Reading  (Ctrl+3)".
func cardTitle(name string, screen int) *widget.Label {
	return widget.NewLabelWithStyle(fmt.Sprintf("%s  (Ctrl+%d)", name, screen+1), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// Tapped opens the card's screen.
func (d *dashCard) Tapped(*fyne.PointEvent) { d.onTap() }

// Cursor shows the card can be clicked.
func (d *dashCard) Cursor() desktop.Cursor { return desktop.PointerCursor }

// CreateRenderer implements fyne.Widget.
func (d *dashCard) CreateRenderer() fyne.WidgetRenderer {
	d.bg.CornerRadius = theme.InputRadiusSize() * 2
	d.bg.StrokeWidth = 1
	return &dashCardRenderer{d: d, WidgetRenderer: widget.NewSimpleRenderer(container.NewStack(d.bg, container.NewPadded(d.body)))}
}

type dashCardRenderer struct {
	fyne.WidgetRenderer
	d *dashCard
}

// Refresh takes the card's colours from the theme again (light or dark).
func (r *dashCardRenderer) Refresh() {
	r.d.bg.FillColor = theme.Color(theme.ColorNameInputBackground)
	r.d.bg.StrokeColor = theme.Color(theme.ColorNameSeparator)
	if r.d.figure != nil {
		r.d.figure.Color = figureColor(r.d.content.fig.State)
	}
	r.WidgetRenderer.Refresh()
}

// cardBody lays out a card's content: title, figure and caption, details,
// milestones, bars. It returns the big figure too, whose colour follows
// the theme.
func cardBody(c cardContent) (fyne.CanvasObject, *canvas.Text) {
	f := c.fig
	rows := []fyne.CanvasObject{cardTitle(c.title, c.screen)}
	var big *canvas.Text
	if f.Value != "" {
		big = canvas.NewText(f.Value, figureColor(f.State))
		big.TextSize = theme.TextHeadingSize() * 1.5
		big.TextStyle.Bold = true
		// Indented as far as the labels' text, so the card reads down one edge.
		rows = append(rows, container.New(layout.NewCustomPaddedLayout(0, 0, theme.InnerPadding(), 0), big))
	}
	lines := []fyne.CanvasObject{}
	if f.Caption != "" {
		caption := widget.NewLabel(f.Caption)
		caption.Truncation = fyne.TextTruncateEllipsis
		lines = append(lines, caption)
	}
	if len(f.Details) > 0 {
		lines = append(lines, cardLine(strings.Join(f.Details, "\n"), false))
	}
	for _, m := range c.milestones {
		l := cardLine(m.Text, m.Overdue)
		if m.Overdue {
			lines = append(lines, container.NewBorder(nil, nil, widget.NewIcon(theme.NewErrorThemedResource(theme.WarningIcon())), nil, l))
			continue
		}
		lines = append(lines, l)
	}
	rows = append(rows, container.New(&tightVBox{}, lines...))
	if len(f.Bars) > 0 {
		bars := container.New(layout.NewFormLayout()) // the labels in one column, so the bars line up
		for _, b := range f.Bars {
			m := widgets.NewMeter()
			parts := make([]widgets.MeterPart, len(b.Parts))
			for i, p := range b.Parts {
				parts[i] = widgets.MeterPart{Value: p.Value, Ink: meterInk(p.Ink)}
			}
			m.SetParts(b.Of, parts)
			if b.Mark > 0 && b.Of > 0 {
				m.SetMark(b.Mark / b.Of)
			}
			bars.Add(widget.NewLabel(b.Label))
			bars.Add(m)
		}
		rows = append(rows, bars)
	}
	return container.NewVBox(rows...), big
}

// cardLine is a label that wraps at the card's width; bold for what is late.
func cardLine(text string, bold bool) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.TextStyle.Bold = bold
	return l
}

func meterInk(i summary.Ink) widgets.MeterInk {
	switch i {
	case summary.Pale:
		return widgets.InkPale
	case summary.Blank:
		return widgets.InkBlank
	}
	return widgets.InkStrong
}

// figureColor is the big figure's colour: green for good news, red for bad,
// each darkened or lightened until it reads on the card (WCAG AA).
func figureColor(s summary.State) color.Color {
	name := theme.ColorNameForeground
	switch s {
	case summary.Good:
		name = theme.ColorNameSuccess
	case summary.Bad:
		name = theme.ColorNameError
	}
	return legible(theme.Color(name), cardBackground())
}

// cardBackground is the colour a card's text sits on: the input background
// (translucent in the dark theme) over the window's background.
func cardBackground() color.Color {
	return over(theme.Color(theme.ColorNameInputBackground), theme.Color(theme.ColorNameBackground))
}
