package app

import (
	"context"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/plan"
	"github.com/masterplan-app/masterplan/data/summary"
)

// studyScreenIndex is the Study screen's place in screenTable: Start
// opens it on the timer it started.
const studyScreenIndex = 3

// tonightShown is how many of tonight's tasks the card lists; the Plan
// screen has them all.
const tonightShown = 4

// tonightCard is the dashboard's first card: tonight's tasks of the plan,
// each with Start (the study timer on its topic and item) and Done (the
// pages as progress, or the practice time as a session).
type tonightCard struct {
	shell *Shell
	box   *fyne.Container
	card  *dashCard     // framed and titled as the figure cards; a tap opens Plan
	hours *widget.Label // "1 h of 2 h planned"
	loads loader[tonightPlan]
}

// tonightPlan is a tonight card's load: the plan, or why it could not be
// made (which the card shows in place of the plan).
type tonightPlan struct {
	plan plan.Plan
	err  error
}

func newTonightCard(s *Shell) *tonightCard {
	c := &tonightCard{shell: s, box: container.NewVBox(widget.NewLabel("Loading…")), hours: widget.NewLabel("")}
	plan := screenIndex("Plan")
	c.card = newFramedCard(container.NewVBox(cardTitle("Tonight", plan), c.hours, c.box), plan, s.Select)
	return c
}

func (c *tonightCard) view() fyne.CanvasObject { return c.card }

// refresh plans off the UI goroutine and shows tonight's part.
func (c *tonightCard) refresh() {
	st, now := c.shell.Store, c.shell.Now()
	c.loads.load(c.shell, func(ctx context.Context) (tonightPlan, error) {
		p, _, err := summary.LoadPlan(ctx, st, now, 1)
		return tonightPlan{p, err}, nil
	}, func(t tonightPlan) {
		if t.err != nil {
			c.box.Objects = []fyne.CanvasObject{widget.NewLabel("The plan could not be made: " + userError(t.err).Error())}
			c.box.Refresh()
			return
		}
		c.show(t.plan)
	})
}

// show puts plan p's tonight on the card.
func (c *tonightCard) show(p plan.Plan) {
	tonight := p.Tonight()
	var rows []fyne.CanvasObject
	switch {
	case tonight.Closed != "":
		rows = append(rows, widget.NewLabel(fmt.Sprintf("No study planned tonight (%s).", tonight.Closed)))
	case len(tonight.Tasks) == 0:
		rows = append(rows, widget.NewLabel(fmt.Sprintf("Nothing planned tonight (%s free).", plan.Duration(tonight.Available))))
	}
	shown := tonight.Tasks[:min(len(tonight.Tasks), tonightShown)]
	for _, t := range shown {
		title := widget.NewLabel(t.Title)
		title.Wrapping = fyne.TextWrapWord
		title.TextStyle.Bold = true
		why := widget.NewLabel(t.Why)
		why.Wrapping = fyne.TextWrapWord
		start := widget.NewButtonWithIcon("Start", theme.MediaPlayIcon(), func() { c.start(t) })
		done := widget.NewButtonWithIcon("Done", theme.ConfirmIcon(), func() { c.done(t, p.Today) })
		rows = append(rows, container.NewBorder(nil, nil, nil, container.NewHBox(start, done), container.New(&tightVBox{}, title, why)))
	}
	if more := len(tonight.Tasks) - len(shown); more > 0 {
		rows = append(rows, widget.NewLabel(fmt.Sprintf("and %d more: see the Plan screen (Ctrl+9)", more)))
	}
	summaryLabel := widget.NewLabel(p.Summary)
	summaryLabel.Wrapping = fyne.TextWrapWord
	rows = append(rows, summaryLabel)
	c.hours.SetText(fmt.Sprintf("%s of %s planned", plan.Duration(tonight.Planned()), plan.Duration(tonight.Available)))
	c.box.Objects = rows
	c.box.Refresh()
}

// taskTopic is what the timer and the session are about.
func taskTopic(t plan.Task) string {
	switch {
	case t.Topic != "":
		return t.Topic
	case t.Exam != "":
		return t.Exam
	}
	return ""
}

// start starts the study timer on the task's topic and reading item, and
// opens the Study screen on it.
func (c *tonightCard) start(t plan.Task) {
	ctx, st, now := c.shell.ctx(), c.shell.Store, c.shell.Now()
	timer, err := st.Timer(ctx)
	if err == nil {
		if timer.Phase() != data.TimerIdle {
			err = data.Invalid("timer", "is already running; stop it on the Study screen first")
		} else if err = timer.Start(now, taskTopic(t), t.ItemID, data.Pomodoro{}); err == nil {
			err = st.SaveTimer(ctx, timer)
		}
	}
	if err != nil {
		c.shell.showError(err)
		return
	}
	c.shell.Select(studyScreenIndex)
}

// done records the task: a reading task's pages as the item's progress,
// practice and mocks as a study session that ends now.
func (c *tonightCard) done(t plan.Task, today data.Date) {
	ctx, st, now := c.shell.ctx(), c.shell.Store, c.shell.Now()
	var err error
	if t.Kind == plan.TaskReading {
		_, err = st.SetReadingProgress(ctx, t.ItemID, t.To, today)
	} else {
		d := time.Duration(t.Minutes) * time.Minute
		_, err = st.SaveStudySession(ctx, data.StudySession{Start: now.Add(-d), Duration: d, Topic: taskTopic(t), Note: t.Title})
	}
	if err != nil {
		c.shell.showError(err)
		return
	}
	c.shell.changed()
}
