package transfer

import (
	"fmt"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/masterplan-app/masterplan/data"
)

// PlannedBlock is a stretch of the study plan, exported as a timed event
// when the user asks for the plan in the calendar (off by default).
type PlannedBlock struct {
	Day         data.Date
	Start, End  int    // minutes from midnight on the wall clock of CalendarInput.Zone; End may be 1440
	Title       string // "Study: Read ..., Practise ..."
	Description string // each task and why it is there
}

// addPlanned adds the planned blocks as busy timed events in UTC (so no
// VTIMEZONE is needed); UIDs name the day and start, so importing a newer
// export replaces the old plan's block of the same time.
func addPlanned(in CalendarInput, newEvent func(kind string, id int64) *ics.VEvent) {
	loc := in.Zone
	for _, b := range in.Planned {
		if loc == nil {
			break
		}
		id := int64(b.Day.DayNumber())*10000 + int64(b.Start/60*100+b.Start%60)
		e := newEvent("plan", id)
		e.SetStartAt(wallInstant(b.Day, b.Start, loc))
		e.SetEndAt(wallInstant(b.Day, b.End, loc))
		e.SetSummary(icsText(b.Title))
		if d := strings.TrimSpace(b.Description); d != "" {
			e.SetDescription(icsText(d))
		}
	}
}

// wallInstant is minute m of day on loc's wall clock, in UTC; minute 1440
// is the next day's midnight.
func wallInstant(day data.Date, m int, loc *time.Location) time.Time {
	day = day.AddDays(m / (24 * 60))
	m %= 24 * 60
	return data.LocalInstant(day, data.Clock{Hour: m / 60, Minute: m % 60}, loc).UTC()
}

// PlannedBlockOf names a block of tasks for the calendar.
func PlannedBlockOf(day data.Date, start, end int, titles, whys []string) PlannedBlock {
	var desc []string
	for i, t := range titles {
		desc = append(desc, fmt.Sprintf("%s (%s)", t, whys[i]))
	}
	return PlannedBlock{Day: day, Start: start, End: end,
		Title: "Study: " + strings.Join(titles, "; "), Description: strings.Join(desc, "\n")}
}
