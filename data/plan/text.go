package plan

import (
	"fmt"

	"github.com/masterplan-app/masterplan/data"
)

// readingTask is the task of reading units of r's item from progress done.
func readingTask(r readingJob, done, units, minutes int) Task {
	it := r.item
	t := Task{Kind: TaskReading, Topic: it.Topic, ItemID: it.ID, Unit: it.Unit, Minutes: minutes, Why: r.why,
		From: done, To: done + units}
	verb := "Read"
	switch it.Kind {
	case data.ReadingVideo:
		verb = "Watch"
	case data.ReadingLabGuide:
		verb = "Work through"
	}
	var part string
	switch it.Unit {
	case data.ReadingPages:
		t.From = done + 1
		if units == 1 {
			part = fmt.Sprintf("p. %d (1 page", t.From)
		} else {
			part = fmt.Sprintf("pp. %d-%d (%d pages", t.From, t.To, units)
		}
		part += ", about " + Duration(minutes) + ")"
	case data.ReadingMinutes:
		part = fmt.Sprintf("%s-%s (%s)", clock(t.From), clock(t.To), Duration(minutes))
	default:
		part = fmt.Sprintf("%d-%d %% (about %s)", t.From, t.To, Duration(minutes))
	}
	t.Title = fmt.Sprintf("%s %s, %s", verb, it.Title, part)
	return t
}

// clock writes a position in a video as H:MM.
func clock(minutes int) string { return fmt.Sprintf("%d:%02d", minutes/60, minutes%60) }

// Duration writes minutes as people say them: "45 min", "2 h", "1 h 30 min".
func Duration(minutes int) string {
	h, m := minutes/60, minutes%60
	switch {
	case h == 0:
		return fmt.Sprintf("%d min", m)
	case m == 0:
		return fmt.Sprintf("%d h", h)
	}
	return fmt.Sprintf("%d h %d min", h, m)
}

func dayCount(n int) string { return data.Count(n, "day", "days") }

// hours writes minutes as hours with at most one decimal ("23.5 h").
func hours(minutes int) string {
	return trimFloat(float64((minutes+5)/6)/10) + " h"
}
