package plan

import (
	"testing"

	"github.com/masterplan-app/masterplan/data"
)

// topicForecast forecasts a topic scored percents on the given days, for an
// exam on target with pass mark 70, as data.ForecastTopics does.
func topicForecast(name string, days []int, percents []float64, target data.Date) data.TopicForecast {
	var pts []data.ScorePoint
	for i, d := range days {
		pts = append(pts, data.ScorePoint{AttemptID: int64(i + 1), Date: day(d), Percent: percents[i]})
	}
	return data.TopicForecast{Topic: data.Topic{Name: name}, Forecast: data.ForecastScores(pts, 70, day(0), target, 0)}
}

func TestTopicWeaknessIsOneMinusTheChanceToPass(t *testing.T) {
	f := topicForecast("Transport", []int{-40, -25, -10}, []float64{60, 66, 72}, day(20))
	chance, ok := data.TopicPassChance(f)
	if !ok {
		t.Fatalf("no projection: %s", f.Explanation)
	}
	w, note := TopicWeakness(f)
	if d := w - (1 - chance/100); d > 1e-9 || d < -1e-9 {
		t.Errorf("weakness %g, want 1 - %g %%", w, chance)
	}
	if want := "chance to pass " + trimFloat(chance) + " %"; note != want {
		t.Errorf("note %q, want %q", note, want)
	}
}

func TestTopicWeaknessTooEarlyFallsBackToTheLatestScore(t *testing.T) {
	f := topicForecast("Transport", []int{-3}, []float64{55}, day(20))
	if _, ok := data.TopicPassChance(f); ok {
		t.Fatal("one score gave a projection")
	}
	w, note := TopicWeakness(f)
	ww, wnote := ScoreWeakness(55, true, 70)
	if w != ww || note != wnote {
		t.Errorf("too early: %g %q, want the latest score's %g %q", w, note, ww, wnote)
	}
	if w, note := TopicWeakness(data.TopicForecast{Forecast: data.ForecastScores(nil, 70, day(0), day(20), 0)}); w != UnscoredWeakness || note != "not scored yet" {
		t.Errorf("never scored: %g %q", w, note)
	}
}

// A topic falling towards the pass mark is weaker than one rising towards
// it, whatever their latest scores say: the falling one, with the higher
// latest score, gets more practice time before the exam.
func TestLowChanceWithAHigherLatestScoreGetsMoreTime(t *testing.T) {
	exam := Exam{Name: "Written exam 1", Date: day(20), MockMinutes: 90}
	falling := topicForecast("Recovery", []int{-40, -25, -10}, []float64{95, 86, 76}, exam.Date)
	rising := topicForecast("Transport", []int{-40, -25, -10}, []float64{40, 55, 68}, exam.Date)
	if falling.Latest <= rising.Latest {
		t.Fatalf("latest %g vs %g: the falling topic must have the higher latest score", falling.Latest, rising.Latest)
	}
	if fc, _ := data.TopicPassChance(falling); fc >= rising.PassChance {
		t.Fatalf("chance %g vs %g: the falling topic must have the lower chance", fc, rising.PassChance)
	}
	var topics []Topic
	for _, f := range []data.TopicForecast{falling, rising} {
		w, note := TopicWeakness(f)
		topics = append(topics, Topic{Name: f.Topic.Name, Exams: []string{exam.Name}, Weakness: w, Note: note})
	}
	p := Make(Input{Today: day(0), Availability: evenings(t), Exams: []Exam{exam}, Topics: topics})
	minutes := map[string]int{}
	var why string
	for _, d := range p.Days {
		for _, task := range d.Tasks {
			if task.Kind == TaskPractice {
				minutes[task.Topic] += task.Minutes
				if task.Topic == "Recovery" && why == "" {
					why = task.Why
				}
			}
		}
	}
	if minutes["Recovery"] <= minutes["Transport"] {
		t.Errorf("practice: falling topic (latest %g, chance %g %%) %d min, rising topic (latest %g, chance %g %%) %d min; the falling one needs more",
			falling.Latest, falling.PassChance, minutes["Recovery"], rising.Latest, rising.PassChance, minutes["Transport"])
	}
	if want := "weakest topic, chance to pass"; len(why) < len(want) || why[:len(want)] != want {
		t.Errorf("why %q, want it to start %q", why, want)
	}
}
