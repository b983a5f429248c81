package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/plan"
)

// planButtons lists the buttons of tonight's card with the text.
func planButtons(c *tonightCard, text string) []*widget.Button {
	var out []*widget.Button
	for _, o := range objectsIn(c.card) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			out = append(out, b)
		}
	}
	return out
}

func TestTonightCardStartAndDone(t *testing.T) {
	sh, st := newTestShell(t)
	setUpRotation(t, st, block("2027-03-01", "2027-03-07"))
	ctx := context.Background()
	today := data.NewDate(2026, 11, 23)
	a, _ := plan.ParseAvailability("Mon-Fri 19:00-21:00")
	if err := st.SetPlanAvailability(ctx, a); err != nil {
		t.Fatal(err)
	}
	it, err := st.SaveReadingItem(ctx, data.ReadingItem{Title: "Internals", Kind: data.ReadingBook, Unit: data.ReadingPages,
		Size: 300, Done: 250, Status: data.ReadingReading, Priority: 1, Topic: "Storage", AddedOn: today}, today)
	if err != nil {
		t.Fatal(err)
	}
	sh.Start()
	sh.screen(3).(*studyScreen).tickEvery = 0 // the card's Start starts the timer: no ticking goroutine to outlive the test
	d := sh.screens[0].(*dashboardScreen)
	if first := objectsIn(d.view()); len(first) == 0 {
		t.Fatal("empty dashboard")
	}
	if !strings.Contains(d.tonight.hours.Text, "2 h of 2 h planned") {
		t.Errorf("tonight's hours = %q", d.tonight.hours.Text)
	}
	done := planButtons(d.tonight, "Done")
	if len(done) != 1 {
		t.Fatalf("%d Done buttons, want 1", len(done))
	}
	test.Tap(done[0])
	got, err := st.ReadingItem(ctx, it.ID)
	if err != nil || got.Done != 290 {
		t.Fatalf("after Done the item is at %d (%v), want 290: pp. 251-290 read", got.Done, err)
	}
	// Done moved the next pages to tonight.
	d.tonight.refresh()
	if !strings.Contains(labelsText(d.tonight.card), "pp. 291-300") {
		t.Errorf("after Done tonight shows %q", labelsText(d.tonight.card))
	}
	test.Tap(planButtons(d.tonight, "Start")[0])
	timer, err := st.Timer(ctx)
	if err != nil || timer.Phase() != data.TimerRunning || timer.ReadingItemID != it.ID || timer.Topic != "Storage" {
		t.Errorf("after Start the timer is %+v (%v)", timer, err)
	}
	if sh.SelectedTitle() != "Study" {
		t.Errorf("Start opened %q, want the Study screen", sh.SelectedTitle())
	}
}

// labelsText joins the texts of the labels under o.
func labelsText(c fyne.CanvasObject) string {
	var parts []string
	for _, x := range objectsIn(c) {
		if l, ok := x.(*widget.Label); ok {
			parts = append(parts, l.Text)
		}
	}
	return strings.Join(parts, "\n")
}

func TestPlanScreenEditsAvailabilityAndDaysOff(t *testing.T) {
	sh, st := newTestShell(t)
	setUpRotation(t, st, block("2027-03-01", "2027-03-07"))
	sh.Start()
	ps := newPlanScreen(sh)
	ps.view()
	ps.refresh()
	if ps.availability.Text != plan.DefaultAvailability(10).String() {
		t.Errorf("availability shows %q, want the default of the weekly goal", ps.availability.Text)
	}
	ps.availability.SetText("Mon-Fri 18:00-20:00")
	ps.onSaveAvailability()
	ps.offFrom.SetText("2026-11-24")
	ps.offTo.SetText("2026-11-25")
	ps.onDaysOff(true)
	in, err := st.PlanInput(context.Background(), fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	if in.Availability.String() != "Mon-Fri 18:00-20:00" || len(in.DaysOff) != 2 {
		t.Errorf("stored availability %q, days off %v", in.Availability, in.DaysOff)
	}
	if ps.plan.Days[1].Closed != plan.ClosedDayOff || !strings.Contains(dayText(ps.plan.Days[1]), "day off") {
		t.Errorf("day off not shown: %+v", ps.plan.Days[1])
	}
	if len(ps.grid.Objects) < 7+planDays || ps.list.Length() != planDays {
		t.Errorf("grid has %d cells, list %d rows", len(ps.grid.Objects), ps.list.Length())
	}
	if len(ps.speeds.Objects) != len(data.ReadingKinds()) {
		t.Errorf("%d speed rows", len(ps.speeds.Objects))
	}
}

// The app left open past midnight (in the zone from Settings) re-plans:
// the Plan screen and the dashboard's Tonight card show the new day's
// tasks once the shell sees the date turn, with no restart and no sleep
// (the test moves the clock and runs the check the ticker would).
func TestPlanAndTonightReplanWhenTheDayTurns(t *testing.T) {
	sh, st := newTestShell(t)
	setUpRotation(t, st, block("2027-03-01", "2027-03-07")) // zone America/Los_Angeles
	ctx := context.Background()
	loc, err := time.LoadLocation("America/Los_Angeles")
	if err != nil {
		t.Fatal(err)
	}
	today := data.NewDate(2026, 11, 23)
	clock := today.In(loc).Add(23*time.Hour + 59*time.Minute)
	sh.Now = func() time.Time { return clock }
	a, _ := plan.ParseAvailability("Mon-Sun 19:00-21:00")
	if err := st.SetPlanAvailability(ctx, a); err != nil {
		t.Fatal(err)
	}
	if err := st.SetDaysOff(ctx, today.AddDays(1), today.AddDays(1), true); err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveReadingItem(ctx, data.ReadingItem{Title: "Internals", Kind: data.ReadingBook, Unit: data.ReadingPages,
		Size: 300, Done: 250, Status: data.ReadingReading, Priority: 1, AddedOn: today}, today); err != nil {
		t.Fatal(err)
	}
	sh.Start()
	ps := sh.screen(screenIndex("Plan")).(*planScreen)
	ps.view()
	ps.refresh()
	d := sh.screen(screenIndex("Dashboard")).(*dashboardScreen)
	d.refresh()
	if ps.plan.Days[0].Date != today || !strings.Contains(labelsText(d.tonight.card), "pp. 251-290") {
		t.Fatalf("before midnight: plan from %s, tonight %q", ps.plan.Days[0].Date, labelsText(d.tonight.card))
	}
	sh.checkDay() // the same day: nothing to do
	clock = clock.Add(2 * time.Minute)
	sh.checkDay()
	if ps.plan.Days[0].Date != today.AddDays(1) {
		t.Errorf("after midnight the Plan screen starts on %s, want %s", ps.plan.Days[0].Date, today.AddDays(1))
	}
	if got := labelsText(d.tonight.card); !strings.Contains(got, "No study planned tonight (day off)") {
		t.Errorf("after midnight tonight shows %q, want the day off", got)
	}
}
