package plan

import (
	"fmt"
	"math"
)

// ReadyWeakness is the weakness at or below which a topic counts as ready
// for its exam: it gets a short review (ReviewMinutes) instead of practice
// in proportion to its weakness.
const ReadyWeakness = 0.2

// UnscoredWeakness is the weakness of a topic never scored: nothing says it
// is strong, nothing says it is the weakest.
const UnscoredWeakness = 0.5

// TopicWeakness is how much practice a topic needs, from 0 (ready) to 1
// (weakest), and the note the plan shows for it ("latest 55 %").
//
// For now it is read from the topic's latest practice score against the
// pass mark of the next exam that covers it: at or above the pass mark the
// topic is ready (weakness from ReadyWeakness down to 0 at 100 %), below it
// the weakness grows from ReadyWeakness to 1 at 0 %. This is the one place
// to switch to the chance to pass once the readiness forecast gives one
// (weakness = 1 - chance, ready from 80 % chance up).
func TopicWeakness(latest float64, scored bool, passMark float64) (weakness float64, note string) {
	if !scored {
		return UnscoredWeakness, "not scored yet"
	}
	latest = min(max(latest, 0), 100)
	passMark = min(max(passMark, 1), 100)
	note = fmt.Sprintf("latest %s %%", trimFloat(latest))
	if latest >= passMark {
		if passMark >= 100 {
			return 0, note
		}
		return ReadyWeakness * (100 - latest) / (100 - passMark), note
	}
	return ReadyWeakness + (1-ReadyWeakness)*(passMark-latest)/passMark, note
}

// trimFloat writes v with at most one decimal ("55", "62.5").
func trimFloat(v float64) string {
	v = math.Round(v*10) / 10
	if v == math.Trunc(v) {
		return fmt.Sprintf("%.0f", v)
	}
	return fmt.Sprintf("%.1f", v)
}
