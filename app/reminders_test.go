package app

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/masterplan-app/masterplan/app/widgets"
	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/remind"
	"github.com/masterplan-app/masterplan/data/store"
	"github.com/masterplan-app/masterplan/data/summary"
)

// remindersIndex is the Reminders screen's place in the table.
const remindersIndex = 6

// openReminders sets up a rotation and shows the Reminders screen.
func openReminders(t *testing.T) (*Shell, *store.Store, *remindersScreen) {
	t.Helper()
	sh, st := newTestShell(t)
	setUpRotation(t, st, block("2027-03-01", "2027-03-21"))
	sh.Start()
	sh.Select(remindersIndex)
	return sh, st, sh.screens[remindersIndex].(*remindersScreen)
}

func reminderTitles(t *testing.T, st *store.Store) []string {
	t.Helper()
	rs, err := st.Reminders(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range rs {
		out = append(out, r.Title)
	}
	return out
}

func TestRemindersScreenAddOneOff(t *testing.T) {
	sh, st, r := openReminders(t)
	if r.list.Length() != 3 || !r.empty.Hidden {
		t.Fatalf("the defaults are not listed: %d rows", r.list.Length())
	}
	sh.Window.Canvas().(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(ctrl(fyne.KeyN))
	// The milestone reminder and the nudges exist, so only repeatable kinds are offered.
	markup := test.RenderToMarkup(sh.Window.Canvas())
	if strings.Contains(markup, "Reading nudge</") {
		t.Error("the chooser offers a second reading nudge")
	}
	test.Tap(dialogButton(t, sh.Window.Canvas(), "One-off"))
	form := findForm(t, sh.Window.Canvas())
	title := form.Items[0].Widget.(*widgets.Entry)
	day := form.Items[1].Widget.(fyne.Focusable)
	at := form.Items[2].Widget.(*widgets.Entry)
	test.Type(title, "Call the hotel")
	day.(interface{ SetText(string) }).SetText("")
	test.Type(day, "2026-11-25")
	at.SetText("")
	test.Type(at, "08:15")
	form.OnSubmit()
	rs, _ := st.Reminders(context.Background())
	got := rs[len(rs)-1]
	if got.Kind != data.ReminderOneOff || got.Title != "Call the hotel" || got.Day.String() != "2026-11-25" || got.At != (data.Clock{Hour: 8, Minute: 15}) {
		t.Fatalf("stored %+v", got)
	}
	if r.list.Length() != 4 {
		t.Errorf("list shows %d rows after adding, want 4", r.list.Length())
	}
	if len(r.next) == 0 || r.next[0].Title != "Call the hotel" {
		t.Errorf("coming up = %+v, want the new one-off first", r.next)
	}
}

func TestRemindersScreenRefusesThePast(t *testing.T) {
	sh, st, r := openReminders(t)
	r.edit(data.NewReminder(data.ReminderOneOff, data.NewDate(2026, 11, 23)))
	form := findForm(t, sh.Window.Canvas())
	test.Type(form.Items[0].Widget.(*widgets.Entry), "Too late")
	at := form.Items[2].Widget.(*widgets.Entry)
	at.SetText("")
	test.Type(at, "07:00") // it is 10:00 in Los Angeles
	form.OnSubmit()
	if titles := reminderTitles(t, st); len(titles) != 3 {
		t.Fatalf("a one-off in the past was saved: %v", titles)
	}
	if !strings.Contains(test.RenderToMarkup(sh.Window.Canvas()), "is in the past") {
		t.Error("the dialog does not say the time has passed")
	}
	at.SetText("25:00")
	if err := at.Validate(); err == nil || !strings.Contains(err.Error(), "not a time of day") {
		t.Errorf("time field message = %v", err)
	}
}

func TestRemindersScreenStudyRule(t *testing.T) {
	sh, st, r := openReminders(t)
	r.edit(data.NewReminder(data.ReminderStudy, data.NewDate(2026, 11, 23)))
	form := findForm(t, sh.Window.Canvas())
	days := form.Items[1].Widget.(*fyne.Container)
	test.Tap(days.Objects[4].(*widget.Check)) // Friday off
	test.Tap(days.Objects[5].(*widget.Check)) // Saturday on
	at := form.Items[2].Widget.(*widgets.Entry)
	at.SetText("")
	test.Type(at, "07:45")
	form.OnSubmit()
	rs, _ := st.Reminders(context.Background())
	got := rs[len(rs)-1]
	if got.RRule != "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,SA;BYHOUR=7;BYMINUTE=45" {
		t.Fatalf("stored rule %q", got.RRule)
	}
	if got.Describe() != "Mon-Thu, Sat at 07:45" {
		t.Errorf("described as %q", got.Describe())
	}
	// Ticking no day is refused with a message, and nothing changes.
	r.edit(got)
	form = findForm(t, sh.Window.Canvas())
	for _, c := range form.Items[1].Widget.(*fyne.Container).Objects {
		c.(*widget.Check).SetChecked(false)
	}
	form.OnSubmit()
	if again, _ := st.Reminder(context.Background(), got.ID); again.RRule != got.RRule {
		t.Errorf("a rule with no day was saved: %q", again.RRule)
	}
	if !strings.Contains(test.RenderToMarkup(sh.Window.Canvas()), "tick at least one day") {
		t.Error("the dialog does not ask for a day")
	}
}

func TestRemindersScreenOffAndDelete(t *testing.T) {
	sh, st, r := openReminders(t)
	ms := r.plan.Schedule.Reminders[0]
	r.setEnabled(ms, false)
	if got, _ := st.Reminder(context.Background(), ms.ID); got.Enabled {
		t.Fatal("the milestone reminder is still on")
	}
	r.delete(ms)
	if sh.Window.Canvas().Overlays().Top() != nil {
		t.Fatal("the delete asked first; it should delete and offer Undo")
	}
	if _, err := st.Reminder(context.Background(), ms.ID); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("after delete: %v", err)
	}
	if r.list.Length() != 2 {
		t.Errorf("list shows %d rows, want 2", r.list.Length())
	}
}

func TestRemindersScreenDoneAndSnooze(t *testing.T) {
	_, st, r := openReminders(t)
	ctx := context.Background()
	occ := []data.Occurrence{
		{Key: "reminder:1:2026-11-23T17:00:00Z", Kind: data.ReminderOneOff, At: fixedNow.Add(-time.Hour), Title: "Pay the fee"},
		{Key: "reminder:2:2026-11-23T17:30:00Z", Kind: data.ReminderOneOff, At: fixedNow.Add(-30 * time.Minute), Title: "Book flights", ReminderID: 2},
	}
	if _, err := st.Deliver(ctx, occ, fixedNow, time.UTC, "test"); err != nil {
		t.Fatal(err)
	}
	r.refresh()
	if r.noticeList.Length() != 2 || !r.noticeEmpty.Hidden {
		t.Fatalf("waiting list shows %d", r.noticeList.Length())
	}
	first, second := r.notices[0], r.notices[1]
	r.snooze(first, data.SnoozeTomorrowMorning)
	r.done(second)
	list, _ := st.Notices(ctx)
	if len(list) != 1 || list[0].State != store.NoticeSnoozed {
		t.Fatalf("notices = %+v, want one snoozed", list)
	}
	// Tomorrow morning is 08:00 in Los Angeles.
	if want := time.Date(2026, 11, 24, 16, 0, 0, 0, time.UTC); !list[0].SnoozeUntil.Equal(want) {
		t.Errorf("snoozed until %v, want %v", list[0].SnoozeUntil, want)
	}
	if line := r.noticeLine(r.notices[0]); r.noticeList.Length() != 1 || !strings.HasPrefix(line, "Snoozed until Tue 24 Nov 08:00") {
		t.Errorf("row says %q", line)
	}

	// Done, Snooze and the On box are edits like any other: Ctrl+Z takes
	// the last one back.
	r.undos.run()
	if list, _ := st.Notices(ctx); len(list) != 2 {
		t.Fatalf("undoing Done left %d notices, want both", len(list))
	}
	open := r.notices
	for _, n := range open {
		if n.ID == first.ID {
			r.snooze(n, data.Snooze10Minutes)
		}
	}
	r.undos.run()
	if list, _ := st.Notices(ctx); !strings.Contains(fmt.Sprint(list), "snoozed") || list[1].SnoozeUntil.Hour() != 16 {
		t.Errorf("undoing the second snooze gave %+v, want the first snooze (until 16:00 UTC) back", list)
	}
	rems, _ := st.Reminders(ctx)
	r.setEnabled(rems[0], !rems[0].Enabled)
	r.undos.run()
	if again, _ := st.Reminders(ctx); again[0].Enabled != rems[0].Enabled {
		t.Errorf("undoing the On box left it %v", again[0].Enabled)
	}
}

func TestShowDeliveriesInApp(t *testing.T) {
	sh, _, _ := openReminders(t)
	ds := []remind.Delivery{{Notice: store.Notice{Title: "Pay the fee", Body: "USD 18,500"}, Err: errors.New("no notification service")}}
	if told := sh.showDeliveries(ds, false); !told {
		t.Fatal("showDeliveries did not report telling the user")
	}
	markup := test.RenderToMarkup(sh.Window.Canvas())
	if !strings.Contains(markup, "Pay the fee") || !strings.Contains(markup, "Desktop notifications are not available here") {
		t.Errorf("the in-app reminder:\n%s", markup)
	}
	test.Tap(dialogButton(t, sh.Window.Canvas(), "OK"))
	sh.showDeliveries(ds, true)
	if strings.Contains(test.RenderToMarkup(sh.Window.Canvas()), "Desktop notifications are not available") {
		t.Error("the reason was given a second time")
	}
}

func TestTrayMenuAndCard(t *testing.T) {
	sh, st, _ := openReminders(t)
	rem := data.NewReminder(data.ReminderStudy, data.NewDate(2026, 11, 23))
	if _, err := st.SaveReminder(context.Background(), rem); err != nil {
		t.Fatal(err)
	}
	m := sh.trayMenu()
	var labels []string
	for _, it := range m.Items {
		labels = append(labels, it.Label)
	}
	if got := strings.Join(labels, "|"); got != "Next: Mon 19:30 Study session||Start timer|Open MasterPlan||Quit" {
		t.Errorf("tray menu = %q", got)
	}
	m.Items[0].Action()
	if sh.SelectedTitle() != "Reminders" {
		t.Errorf("the tray's next reminder opened %q", sh.SelectedTitle())
	}
	sh.screens[3].(*studyScreen).tickEvery = 0 // no ticking goroutine to outlive the test
	m.Items[2].Action()
	if sc := sh.screens[3].(*studyScreen); sh.SelectedTitle() != "Study" || sc.timer.Phase() != data.TimerRunning {
		t.Errorf("the tray's Start timer opened %q with the timer %v", sh.SelectedTitle(), sh.screens[3].(*studyScreen).timer.Phase())
	}
	m.Items[2].Action() // a second time leaves the running timer alone
	if tm, _ := st.Timer(context.Background()); tm.Phase() != data.TimerRunning {
		t.Errorf("timer after the second Start timer: %v", tm.Phase())
	}
	s, err := summary.Build(context.Background(), st, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	if title, text := remindersCard(s); title != "Reminders" || text != "Next: Mon 23 Nov 19:30 Study session." {
		t.Errorf("card = %q, %q", title, text)
	}
}

// TestRemindersScreenMilestoneDueSoonAndOverdue holds the screen's half of
// issue 16 item 11: beside an open milestone due tomorrow it said "Nothing
// in the next year", and an overdue one was not mentioned. Tomorrow's
// milestone is coming up (on its due day), the overdue one is named.
func TestRemindersScreenMilestoneDueSoonAndOverdue(t *testing.T) {
	sh, st, r := openReminders(t)
	ctx := context.Background()
	rot, err := st.Rotation(ctx)
	if err != nil {
		t.Fatal(err)
	}
	today := data.DateOf(fixedNow, time.UTC)
	for _, m := range []data.Milestone{
		{RotationID: rot.ID, Title: "Flights booked", Due: today.AddDays(1)},
		{RotationID: rot.ID, Title: "Visa", Due: today.AddDays(-3)},
	} {
		if _, err := st.SaveMilestone(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	sh.Select(remindersIndex)
	r.refresh()
	if !r.nextEmpty.Hidden || len(r.next) == 0 || r.next[0].Title != "Flights booked" {
		t.Fatalf("coming up = %+v, empty label shown: %v", r.next, !r.nextEmpty.Hidden)
	}
	if r.overdue.Hidden || r.overdue.Text != "1 milestone overdue: Visa (OVERDUE by 3 days)." {
		t.Fatalf("overdue line = %q (hidden %v)", r.overdue.Text, r.overdue.Hidden)
	}
}

// Esc closes the "Add a reminder" chooser, whose first choice has the
// focus (keys go to it, not to the window), and Enter takes that choice.
func TestRemindersChooserClosesOnEsc(t *testing.T) {
	sh, _, r := openReminders(t)
	c := sh.Window.Canvas()
	r.newItem()
	if c.Overlays().Top() == nil || c.Focused() == nil {
		t.Fatal("the chooser is not open with a choice focused")
	}
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if c.Overlays().Top() != nil {
		t.Fatal("Esc left the chooser open")
	}
	r.newItem()
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if top := c.Overlays().Top(); top == nil || len(objectsIn(top)) == 0 {
		t.Fatal("Enter on the first choice opened nothing")
	}
	if findForm(t, c) == nil {
		t.Error("Enter on the first choice did not open its form")
	}
}
