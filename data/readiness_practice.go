package data

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
)

// ExamForecast is the forecast of an exam's overall score.
type ExamForecast struct {
	Exam Exam
	Forecast
}

// Taken reports that the exam is behind the candidate: passed, failed
// with no retake date set, or its date before the day forecast. Such an
// exam shows its result, not a forecast.
func (f ExamForecast) Taken() bool {
	e := f.Exam
	return e.Result == ExamPassed || e.Result == ExamFailed && !e.Date.After(e.ResultDate) || e.taken(f.Target)
}

// taken reports that the exam's date is before today.
func (e Exam) taken(today Date) bool { return !e.Date.IsZero() && e.Date.Before(today) }

// Summary is the exam's forecast in one line (see Forecast.Summary), or its
// result once taken.
func (f ExamForecast) Summary() string {
	switch {
	case f.Exam.Result == ExamPassed:
		return "passed on " + f.Exam.ResultDate.String()
	case f.Exam.Result == ExamFailed && !f.Exam.Date.After(f.Exam.ResultDate):
		return "failed on " + f.Exam.ResultDate.String() + ": set the retake date to get a forecast"
	case f.Exam.taken(f.Target):
		return "sat on " + f.Exam.Date.String() + ": record the result"
	}
	return f.Forecast.Summary()
}

// ForecastExam forecasts exam from the overall scores of its attempts (see
// Attempt.Overall) on day today, to the exam's date (today when it has
// none). An exam already taken shows its result instead: passed is ready,
// failed is not ready (until the user sets the retake date, which the next
// forecast aims at), and a past date without a result is too early.
func ForecastExam(exam Exam, attempts []Attempt, today Date, window int) ExamForecast {
	var pts []ScorePoint
	for _, a := range attempts {
		if a.ExamID != exam.ID {
			continue
		}
		if v, ok := a.Overall(); ok {
			pts = append(pts, ScorePoint{AttemptID: a.ID, Date: a.Date, Percent: v})
		}
	}
	f := ForecastScores(pts, exam.PassMark, today, exam.Date, window)
	f.PassMarkAssumed = exam.PassMarkAssumed
	out := ExamForecast{Exam: exam, Forecast: f}
	name := strings.TrimSpace(exam.Name)
	switch {
	case exam.Result == ExamPassed:
		out.clearProjection(ReadinessReady, fmt.Sprintf("%s was passed on %s: no forecast needed.", name, exam.ResultDate))
	case exam.Result == ExamFailed && !exam.Date.After(exam.ResultDate):
		out.clearProjection(ReadinessNotReady, fmt.Sprintf("%s was failed on %s: set the retake date to get a forecast.", name, exam.ResultDate))
	case exam.taken(today):
		out.clearProjection(ReadinessTooEarly, fmt.Sprintf("%s was on %s: record the result, or set the retake date to get a forecast.", name, exam.Date))
	case exam.Date.IsZero() && f.HasProjection:
		out.Explanation = fmt.Sprintf("%s has no date, so this is today's forecast. %s", name, f.Explanation)
	}
	return out
}

// clearProjection replaces the forecast of a taken exam by its result.
func (f *ExamForecast) clearProjection(r Readiness, why string) {
	f.HasProjection, f.Projected, f.Low, f.High, f.PassChance = false, 0, 0, 0, 0
	f.Readiness, f.Missing, f.Explanation = r, "", why
}

// TopicForecast is the forecast of one topic's scores, across every exam
// whose attempts scored it.
type TopicForecast struct {
	Topic Topic
	Forecast
	StudyHours float64 // study on the topic since its first attempt (see PracticeReadiness)
}

// ForecastTopics forecasts every topic on day today, weakest first (see
// SortWeakest). A topic is measured on all its scores, whatever the exam.
// It aims at the next exam that covers it (listed in Topic.ExamIDs, or
// having attempts that scored it): the earliest one dated today or later
// and not passed, whose pass mark it is judged against. Without such an
// exam it is projected to today, against the highest pass mark of the
// exams that cover it (DefaultPassMark, assumed, when none does).
func ForecastTopics(topics []Topic, exams []Exam, attempts []Attempt, today Date, window int) []TopicForecast {
	byID := make(map[int64]Exam, len(exams))
	for _, e := range exams {
		byID[e.ID] = e
	}
	out := make([]TopicForecast, 0, len(topics))
	for _, t := range topics {
		covering := map[int64]bool{}
		for _, id := range t.ExamIDs {
			covering[id] = true
		}
		var pts []ScorePoint
		for _, a := range attempts {
			if s, ok := a.Score(t.ID); ok && (s.PercentOnly || s.Total > 0) {
				pts = append(pts, ScorePoint{AttemptID: a.ID, Date: a.Date, Percent: s.Value()})
				covering[a.ExamID] = true
			}
		}
		var next, highest *Exam
		for id := range covering {
			e, ok := byID[id]
			if !ok {
				continue
			}
			if highest == nil || e.PassMark > highest.PassMark || (e.PassMark == highest.PassMark && highest.PassMarkAssumed && !e.PassMarkAssumed) {
				highest = &e
			}
			if e.Result == ExamPassed || e.Date.IsZero() || e.Date.Before(today) {
				continue
			}
			if next == nil || e.Date.Before(next.Date) || (e.Date == next.Date && e.PassMark > next.PassMark) {
				next = &e
			}
		}
		pass, assumed, target := DefaultPassMark, true, Date{}
		switch {
		case next != nil:
			pass, assumed, target = next.PassMark, next.PassMarkAssumed, next.Date
		case highest != nil:
			pass, assumed = highest.PassMark, highest.PassMarkAssumed
		}
		f := ForecastScores(pts, pass, today, target, window)
		f.PassMarkAssumed = assumed
		if next == nil && f.HasProjection {
			f.Explanation = "No upcoming exam date covers this topic, so this is today's forecast. " + f.Explanation
		}
		out = append(out, TopicForecast{Topic: t, Forecast: f})
	}
	SortWeakest(out)
	return out
}

// SortWeakest orders topic forecasts weakest first: topics with a
// projection by their chance to pass (ties by latest score); then topics
// scored but too early to tell, by latest score; then topics never scored;
// the rest by name. A known low chance is the clearest weakness, so it
// comes before a guess from one or two scores.
func SortWeakest(topics []TopicForecast) {
	slices.SortStableFunc(topics, func(a, b TopicForecast) int {
		if c := cmp.Compare(weaknessRank(a), weaknessRank(b)); c != 0 {
			return c
		}
		if a.HasProjection {
			if c := cmp.Compare(a.PassChance, b.PassChance); c != 0 {
				return c
			}
		}
		if c := cmp.Compare(a.Latest, b.Latest); c != 0 {
			return c
		}
		return cmp.Compare(NameKey(a.Topic.Name), NameKey(b.Topic.Name))
	})
}

// weaknessRank groups topics for SortWeakest: projected, scored, never scored.
func weaknessRank(t TopicForecast) int {
	switch {
	case t.HasProjection:
		return 0
	case t.Attempts() > 0:
		return 1
	}
	return 2
}

// WeakestTopics returns up to n of the weakest scored topics, in order
// (the dashboard shows three).
func WeakestTopics(topics []TopicForecast, n int) []TopicForecast {
	sorted := slices.Clone(topics)
	SortWeakest(sorted)
	var out []TopicForecast
	for _, t := range sorted {
		if len(out) >= n || t.Attempts() == 0 {
			break
		}
		out = append(out, t)
	}
	return out
}

// TopicPassChance is how the study plan weighs a topic: the chance, 0-100,
// that the topic's score reaches its pass mark on the day it is forecast
// (see ForecastTopics), and whether there is one (false while it is too
// early to tell: then the plan has only the latest score to go by).
func TopicPassChance(f TopicForecast) (chance float64, ok bool) {
	return f.PassChance, f.HasProjection
}

// StudySince answers how long topic was studied on day from and after
// (topics compared with TopicKey): the store sums its per-day totals.
type StudySince func(topic string, from Date) time.Duration

// PracticeInput is everything PracticeReadiness needs.
type PracticeInput struct {
	Exams    []Exam
	Topics   []Topic
	Attempts []Attempt
	Study    StudySince // nil: no study is shown next to the topics
	Today    Date
	Window   int // attempts in the fit; DefaultFitWindow when < 1
	// FirstScored is the day of each topic's first score ever, by topic
	// ID, when Attempts holds only the recent attempts; nil: the first
	// score among Attempts.
	FirstScored map[int64]Date
}

// PracticeReport is the practice screen's and the dashboard's answer.
type PracticeReport struct {
	Exams  []ExamForecast  // in the order of the input
	Topics []TopicForecast // weakest first
}

// PracticeReadiness forecasts every exam and topic and puts next to each
// topic's score change the hours studied on it since the day of its first
// attempt.
func PracticeReadiness(in PracticeInput) PracticeReport {
	r := PracticeReport{Exams: make([]ExamForecast, 0, len(in.Exams))}
	for _, e := range in.Exams {
		r.Exams = append(r.Exams, ForecastExam(e, in.Attempts, in.Today, in.Window))
	}
	r.Topics = ForecastTopics(in.Topics, in.Exams, in.Attempts, in.Today, in.Window)
	if in.Study == nil {
		return r
	}
	for i := range r.Topics {
		t := &r.Topics[i]
		first, ok := in.FirstScored[t.Topic.ID]
		if !ok && t.Attempts() > 0 {
			first, ok = t.Points[0].Date, true
		}
		if ok {
			t.StudyHours = in.Study(t.Topic.Name, first).Hours()
		}
	}
	return r
}

// Weakest returns up to n of the report's weakest scored topics.
func (r PracticeReport) Weakest(n int) []TopicForecast { return WeakestTopics(r.Topics, n) }
