package data_test

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/masterplan-app/masterplan/data"
)

// TestNextIsTheSoonestOfTheHorizon holds Schedule.Next, which looks ahead
// a little further each time, to the first n of every occurrence within
// NextHorizon: daily and weekly rules, a monthly and a yearly one months
// away, one-offs next week and next year, milestones, repeats across
// reminders, a reminder off and a spoiled rule (the same error either
// way), across a change of clocks.
func TestNextIsTheSoonestOfTheHorizon(t *testing.T) {
	london := remZone(t, "Europe/London")
	rem := func(id int64, rule string, zone string) data.Reminder {
		r := remStudy(rule, data.NewDate(2025, 1, 1), zone)
		r.ID, r.Title = id, fmt.Sprintf("Reminder %d", id)
		return r
	}
	oneOff := func(id int64, day data.Date) data.Reminder {
		return data.Reminder{ID: id, Kind: data.ReminderOneOff, Title: "One-off", Enabled: true, Day: day, At: data.Clock{Hour: 9}}
	}
	off := rem(5, "FREQ=DAILY;BYHOUR=7;BYMINUTE=0", "")
	off.Enabled = false
	ms := data.NewReminder(data.ReminderMilestone, data.NewDate(2025, 1, 1))
	ms.ID = 9
	twin := ms
	twin.ID = 10
	all := []data.Reminder{
		rem(1, "FREQ=DAILY;BYHOUR=19;BYMINUTE=30", ""),
		rem(2, "FREQ=WEEKLY;BYDAY=SA;BYHOUR=1;BYMINUTE=30", "America/New_York"),
		rem(3, "FREQ=MONTHLY;BYMONTHDAY=28;BYHOUR=8;BYMINUTE=0", ""),
		rem(4, "FREQ=YEARLY;BYMONTH=9;BYMONTHDAY=1;BYHOUR=8;BYMINUTE=0", ""),
		off,
		oneOff(6, data.NewDate(2026, 3, 31)),
		oneOff(7, data.NewDate(2027, 2, 1)),
		ms, twin,
	}
	spoiled := rem(11, "FREQ=NEVER", "")
	milestones := []data.Milestone{
		{ID: 20, Title: "Flights booked", Due: data.NewDate(2026, 4, 2)},
		{ID: 21, Title: "Visa", Due: data.NewDate(2026, 11, 20)},
	}
	schedules := map[string][]data.Reminder{
		"all":               all,
		"far only":          {all[3], all[6]},
		"far and spoiled":   {all[3], spoiled, all[6]},
		"milestones only":   {ms, twin},
		"none":              nil,
		"only off":          {off},
		"daily and spoiled": {spoiled, all[0]},
	}
	for name, reminders := range schedules {
		s := data.Schedule{Reminders: reminders, Milestones: milestones, Zone: london}
		for _, now := range []string{"2026-03-25 12:00", "2026-03-29 00:30", "2026-10-24 23:59", "2027-01-30 09:00"} {
			at := remAt(t, london, now)
			whole, wholeErr := s.Between(at, at.Add(data.NextHorizon))
			for n := range 6 {
				got, err := s.Next(at, n)
				want := whole[:min(n, len(whole))]
				if !reflect.DeepEqual(got, want) && (len(got) != 0 || len(want) != 0) {
					t.Errorf("%s at %s, n=%d: Next = %v, want %v", name, now, n, remInstants(got), remInstants(want))
				}
				if fmt.Sprint(err) != fmt.Sprint(wholeErr) {
					t.Errorf("%s at %s, n=%d: error %v, want %v", name, now, n, err, wholeErr)
				}
			}
		}
	}
}
