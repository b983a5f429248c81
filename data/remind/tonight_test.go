package remind

import (
	"context"
	"testing"
	"time"

	"github.com/masterplan-app/masterplan/data"
)

func TestStudyReminderSaysTonightsPlan(t *testing.T) {
	f := newFixture(t, at("2026-11-23", 8, 0)) // a Monday
	f.save(t, data.NewReminder(data.ReminderStudy, data.NewDate(2026, 11, 23)))
	f.save(t, oneOff(data.NewDate(2026, 11, 23), 19, 30, "Call the hotel"))
	f.once(t, at("2026-11-23", 8, 0))
	r := f.runner(f.st, "test")
	r.Sources.TonightPlan = func(context.Context, time.Time) (string, error) {
		return "Tonight: Read Internals, pp. 251-290 (40 pages, about 2 h)", nil
	}
	f.clock.set(at("2026-11-23", 19, 31))
	deliveries, err := r.Once(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	bodies := map[string]string{}
	for _, d := range deliveries {
		bodies[d.Notice.Title] = d.Notice.Body
	}
	if got := bodies["Study session"]; got != "Tonight: Read Internals, pp. 251-290 (40 pages, about 2 h)" {
		t.Errorf("study reminder body = %q", got)
	}
	if got := bodies["Call the hotel"]; got != "Bring the passport." {
		t.Errorf("a one-off reminder got the plan too: %q", got)
	}
}
