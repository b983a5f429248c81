package app

import (
	"context"
	"testing"
	"time"

	"github.com/masterplan-app/masterplan/app/widgets"
)

// Every date field's calendar starts weeks on the day Settings says, read
// when it opens.
func TestDateFieldsStartWeeksOnTheSettingsDay(t *testing.T) {
	sh, st, r := openReading(t)
	for _, start := range []time.Weekday{time.Sunday, time.Monday, time.Saturday} {
		set, err := st.Settings(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		set.WeekStart = start
		if err := st.SaveSettings(context.Background(), set); err != nil {
			t.Fatal(err)
		}
		r.newItem()
		form := findForm(t, sh.Window.Canvas())
		due := form.Items[10].Widget.(*widgets.DateEntry)
		due.ShowCalendar()
		if got := due.Calendar().WeekStart(); got != start {
			t.Errorf("the due date's weeks start on %s, want %s", got, start)
		}
		for sh.Window.Canvas().Overlays().Top() != nil {
			sh.Window.Canvas().Overlays().Top().Hide()
		}
	}
}
