package widgets

import (
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/masterplan-app/masterplan/data"
)

// Calendar is a month of days to pick one from, with weeks starting on the
// day the user chose in Settings: Fyne 2.7's widget.Calendar always starts
// them on Sunday.
type Calendar struct {
	widget.BaseWidget
	weekStart time.Weekday
	month     data.Date // the first day of the month shown
	picked    data.Date // the date the entry holds; zero when none
	// OnSelected is called with the day the user picks.
	OnSelected func(data.Date)

	title *widget.Label
	days  *fyne.Container
}

var _ fyne.Widget = (*Calendar)(nil)

// NewCalendar shows the month of shown (whose day is marked as picked
// unless it is zero: then today's month shows) with weeks starting on
// weekStart.
func NewCalendar(shown data.Date, picked data.Date, weekStart time.Weekday, onSelected func(data.Date)) *Calendar {
	if shown.IsZero() {
		now := time.Now()
		shown = data.NewDate(now.Year(), now.Month(), now.Day())
	}
	c := &Calendar{weekStart: weekStart, month: data.NewDate(shown.Year(), shown.Month(), 1), picked: picked, OnSelected: onSelected}
	c.ExtendBaseWidget(c)
	c.title = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	c.days = container.NewGridWithColumns(7)
	c.fill()
	return c
}

// CreateRenderer lays out the month's title between its arrows, then the
// weekday names and the days.
func (c *Calendar) CreateRenderer() fyne.WidgetRenderer {
	prev := widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { c.turn(-1) })
	next := widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { c.turn(1) })
	return widget.NewSimpleRenderer(container.NewBorder(container.NewBorder(nil, nil, prev, next, c.title), nil, nil, nil, c.days))
}

// WeekStart is the weekday of the first column.
func (c *Calendar) WeekStart() time.Weekday { return c.weekStart }

// Month is the first day of the month shown.
func (c *Calendar) Month() data.Date { return c.month }

// turn shows the month n months away.
func (c *Calendar) turn(n int) {
	t := c.month.Time().AddDate(0, n, 0)
	c.month = data.NewDate(t.Year(), t.Month(), 1)
	c.fill()
}

// fill puts the month shown on the grid.
func (c *Calendar) fill() {
	c.title.SetText(c.month.Time().Format("January 2006"))
	objs := make([]fyne.CanvasObject, 0, 49)
	for _, d := range WeekdayOrder(c.weekStart) {
		objs = append(objs, widget.NewLabelWithStyle(d.String()[:2], fyne.TextAlignCenter, fyne.TextStyle{Bold: true}))
	}
	for _, day := range MonthCells(c.month.Year(), c.month.Month(), c.weekStart) {
		if day.IsZero() {
			objs = append(objs, widget.NewLabel(""))
			continue
		}
		b := widget.NewButton(strconv.Itoa(day.Day()), func() {
			if c.OnSelected != nil {
				c.OnSelected(day)
			}
		})
		b.Importance = widget.LowImportance
		if day == c.picked {
			b.Importance = widget.HighImportance
		}
		objs = append(objs, b)
	}
	c.days.Objects = objs
	c.days.Refresh()
}

// Day is the button of day d in the month shown, nil when it is not shown.
func (c *Calendar) Day(d int) *widget.Button {
	for _, o := range c.days.Objects {
		if b, ok := o.(*widget.Button); ok && b.Text == strconv.Itoa(d) {
			return b
		}
	}
	return nil
}

// WeekdayOrder lists the seven weekdays starting with start.
func WeekdayOrder(start time.Weekday) []time.Weekday {
	out := make([]time.Weekday, 7)
	for i := range out {
		out[i] = (start + time.Weekday(i)) % 7
	}
	return out
}

// MonthCells lays out a month for a grid of weeks starting on weekStart:
// zero Dates before the first day (to put it under its weekday) and after
// the last (to end the week), so the length is a multiple of 7.
func MonthCells(year int, month time.Month, weekStart time.Weekday) []data.Date {
	first := data.NewDate(year, month, 1)
	lead := (int(first.Weekday()) - int(weekStart) + 7) % 7
	cells := make([]data.Date, lead, 42)
	for d := first; d.Month() == month; d = d.AddDays(1) {
		cells = append(cells, d)
	}
	for len(cells)%7 != 0 {
		cells = append(cells, data.Date{})
	}
	return cells
}
