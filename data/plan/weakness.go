package plan

import (
	"fmt"
	"math"

	"github.com/masterplan-app/masterplan/data"
)

// ReadyWeakness is the weakness at or below which a topic counts as ready
// for its exam: it gets a short review (ReviewMinutes) instead of practice
// in proportion to its weakness.
const ReadyWeakness = 0.2

// UnscoredWeakness is the weakness of a topic never scored: nothing says it
// is strong, nothing says it is the weakest.
const UnscoredWeakness = 0.5

// ReadyChance is the chance to pass, in percent, from which a topic counts
// as ready: weakness 1 - chance makes it ReadyWeakness.
const ReadyChance = 100 * (1 - ReadyWeakness)

// TopicWeakness is how much practice a topic needs, from 0 (ready) to 1
// (weakest), and the note the plan shows for it ("chance to pass 55 %"),
// from the topic's readiness forecast (issue 17's model, data.ForecastTopics):
// one minus its chance to pass, so a topic is ready from ReadyChance up.
// While the forecast is too early to tell (too few scores, or too close
// together) only the latest score speaks for the topic: ScoreWeakness.
func TopicWeakness(f data.TopicForecast) (weakness float64, note string) {
	if chance, ok := data.TopicPassChance(f); ok {
		chance = min(max(chance, 0), 100)
		return 1 - chance/100, fmt.Sprintf("chance to pass %s %%", trimFloat(chance))
	}
	return ScoreWeakness(f.Latest, f.Attempts() > 0, f.PassMark)
}

// ScoreWeakness is a topic's weakness read from its latest practice score
// against the pass mark of the exam it aims at: at or above the pass mark
// the topic is ready (weakness from ReadyWeakness down to 0 at 100 %),
// below it the weakness grows from ReadyWeakness to 1 at 0 %. A topic never
// scored is UnscoredWeakness.
func ScoreWeakness(latest float64, scored bool, passMark float64) (weakness float64, note string) {
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
