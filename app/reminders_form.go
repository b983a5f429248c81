package app

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/masterplan-app/masterplan/app/widgets"
	"github.com/masterplan-app/masterplan/data"
)

// reminderForm holds the fields of the reminder form; which show depends
// on the kind.
type reminderForm struct {
	r    *remindersScreen
	base data.Reminder // the reminder edited (ID 0 adds it)

	title, note, at, daysBefore, rule *widgets.Entry
	day                               *widgets.DateEntry
	zone                              *widgets.SelectEntry
	days                              []*widget.Check // Monday first
	custom, enabled                   *widget.Check
}

// yourZone is the zone picker's entry for "follow my zone".
const yourZone = "Your zone"

// edit opens the form for rem (ID 0 adds it).
func (r *remindersScreen) edit(rem data.Reminder) { newReminderForm(r, rem).show() }

// newReminderForm makes the form's fields, filled from rem.
func newReminderForm(r *remindersScreen, rem data.Reminder) *reminderForm {
	f := &reminderForm{
		r: r, base: rem,
		title: widgets.NewEntry(), note: widgets.NewMultiLineEntry(), at: widgets.NewEntry(), daysBefore: widgets.NewEntry(),
		rule: widgets.NewEntry(), day: r.shell.dateEntry("day", false),
		zone:    widgets.NewCompletingEntry(append([]string{yourZone}, commonZones...)),
		custom:  widget.NewCheck("Write the rule myself (RFC 5545 RRULE)", nil),
		enabled: widget.NewCheck("On", nil),
	}
	f.title.Validator = func(v string) error { return data.CheckText("title", v, true, data.MaxNameLen) }
	f.note.Validator = func(v string) error { return data.CheckText("body", v, false, data.MaxNoteLen) }
	f.note.SetMinRowsVisible(2)
	f.at.Validator = func(v string) error { _, err := data.ParseClock("time", v); return err }
	f.at.PlaceHolder = "HH:MM"
	f.daysBefore.Validator = func(v string) error { _, err := parseDaysBefore(v); return err }
	f.zone.Validator = func(v string) error {
		if v == yourZone || strings.TrimSpace(v) == "" {
			return nil
		}
		_, err := data.LoadZone(v)
		return err
	}
	f.title.SetText(rem.Title)
	f.note.SetText(rem.Body)
	f.at.SetText(fmt.Sprintf("%02d:%02d", rem.At.Hour, rem.At.Minute))
	f.daysBefore.SetText(strconv.Itoa(rem.DaysBefore))
	f.day.SetDate(rem.Day)
	f.enabled.SetChecked(rem.Enabled)
	f.zone.SetText(yourZone)
	if rem.TimeZone != "" {
		f.zone.SetText(rem.TimeZone)
	}
	return f
}

// show opens the form in a dialog; which fields show depends on the kind.
func (f *reminderForm) show() {
	r, rem := f.r, f.base
	items := []*widget.FormItem{{Text: "Title", Widget: f.title}}
	switch rem.Kind {
	case data.ReminderStudy:
		days, at, ok := data.StudyRuleDays(rem.RRule)
		dayRow := container.NewHBox()
		for _, d := range weekdays {
			c := widget.NewCheck(d.String()[:3], nil)
			for _, on := range days {
				c.Checked = c.Checked || on == d
			}
			f.days = append(f.days, c)
			dayRow.Add(c)
		}
		if ok {
			f.at.SetText(fmt.Sprintf("%02d:%02d", at.Hour, at.Minute))
		}
		f.rule.SetText(strings.TrimPrefix(rem.RRule, "RRULE:"))
		f.rule.PlaceHolder = "FREQ=WEEKLY;BYDAY=SA;BYHOUR=10;BYMINUTE=0"
		custom := container.NewVBox(f.rule)
		simple := []fyne.CanvasObject{dayRow, f.at}
		f.custom.OnChanged = func(on bool) {
			showIf(custom, on)
			for _, o := range simple {
				showIf(o, !on)
			}
		}
		f.custom.SetChecked(!ok)
		f.custom.OnChanged(!ok)
		items = append(items,
			&widget.FormItem{Text: "Days", Widget: dayRow},
			&widget.FormItem{Text: "Time", Widget: f.at, HintText: "24-hour, e.g. 19:30"},
			&widget.FormItem{Text: "", Widget: container.NewVBox(f.custom, custom)},
			&widget.FormItem{Text: "From", Widget: f.day, HintText: "the first day it may ring"})
	case data.ReminderOneOff:
		items = append(items,
			&widget.FormItem{Text: "Day", Widget: f.day},
			&widget.FormItem{Text: "Time", Widget: f.at, HintText: "24-hour, e.g. 09:30"})
	case data.ReminderMilestone:
		items = append(items,
			&widget.FormItem{Text: "Days before", Widget: f.daysBefore, HintText: "0 rings on the due day; each milestone can differ (Per milestone…)"},
			&widget.FormItem{Text: "Time", Widget: f.at, HintText: "24-hour, e.g. 09:00"})
	default:
		items = append(items, &widget.FormItem{Text: "From", Widget: f.at, HintText: "the time of day from which the day's nudge may come"})
	}
	items = append(items,
		&widget.FormItem{Text: "Note", Widget: f.note, HintText: "shown under the title"},
		&widget.FormItem{Text: "Time zone", Widget: f.zone, HintText: "\"Your zone\" follows you when you change it in Settings"},
		&widget.FormItem{Text: "", Widget: f.enabled})
	heading := "Edit reminder"
	if rem.ID == 0 {
		heading = "Add a reminder: " + kindNames[rem.Kind]
	}
	showFormDialog(r.shell.Window, heading, "Save", items,
		map[string]fyne.Validatable{"title": f.title, "body": f.note, "time": f.at, "day": f.day, "rule": f.rule,
			"days before": f.daysBefore, "time zone": f.zone},
		f.save)
}

// save stores the reminder; the store validates it whole again.
func (f *reminderForm) save() error {
	next, err := f.reminder(f.base)
	if err != nil {
		return err
	}
	if _, err := f.r.shell.Store.SaveReminder(f.r.shell.ctx(), next); err != nil {
		return err
	}
	if before := f.base; before.ID != 0 {
		f.r.undos.offer(fmt.Sprintf("Edited the reminder “%s”.", next.Title), func() error {
			_, err := f.r.shell.Store.SaveReminder(f.r.shell.ctx(), before)
			return err
		})
	} else {
		f.r.undos.forget()
	}
	f.r.shell.changed()
	return nil
}

// reminder reads the form into a copy of rem; the store validates it again.
func (f *reminderForm) reminder(rem data.Reminder) (data.Reminder, error) {
	rem.Title, rem.Body, rem.Enabled = f.title.Text, f.note.Text, f.enabled.Checked
	rem.TimeZone = strings.TrimSpace(f.zone.Text)
	if rem.TimeZone == yourZone {
		rem.TimeZone = ""
	}
	var errs []error
	at, err := data.ParseClock("time", f.at.Text)
	if rem.Kind != data.ReminderStudy || !f.custom.Checked {
		errs = append(errs, err)
	}
	switch rem.Kind {
	case data.ReminderStudy:
		rem.Day = f.day.Date()
		if f.custom.Checked {
			rem.RRule = strings.TrimSpace(f.rule.Text)
			break
		}
		var days []time.Weekday
		for i, c := range f.days {
			if c.Checked {
				days = append(days, weekdays[i])
			}
		}
		if err == nil {
			rem.RRule, err = data.StudyRule(days, at)
			errs = append(errs, err)
		}
	case data.ReminderOneOff:
		rem.Day, rem.At = f.day.Date(), at
		if rem.Day.IsZero() {
			errs = append(errs, f.day.Validate())
		}
	case data.ReminderMilestone:
		rem.At = at
		rem.DaysBefore, err = parseDaysBefore(f.daysBefore.Text)
		errs = append(errs, err)
	default:
		rem.At = at
	}
	return rem, errors.Join(errs...)
}

func parseDaysBefore(v string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < 0 || n > data.MaxMilestoneDaysBefore {
		return 0, data.Invalid("days before", "%q is not a number of days; enter 0 (on the day) to %d", v, data.MaxMilestoneDaysBefore)
	}
	return n, nil
}
