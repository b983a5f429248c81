package data

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
)

// Readiness is the verdict of a forecast against the pass mark.
type Readiness string

// Readiness bands. With p the pass mark, P the projected score at the exam
// date and L the latest score (both rounded to 0.1 first, so the verdict
// agrees with the numbers shown) and m = ReadinessMargin:
//   - ready:      P >= min(p+m, 100) and L >= p (the trend clears the bar
//     with room, and the candidate already passes today);
//   - not ready:  P < p-m;
//   - borderline: everything between: p-m <= P < p+m, or P >= p+m while L
//     is still below p (a steep climb that has not arrived yet);
//   - unknown:    no projection (fewer than two attempts, all on one day,
//     or no upcoming exam date).
const (
	ReadinessReady      Readiness = "ready"
	ReadinessBorderline Readiness = "borderline"
	ReadinessNotReady   Readiness = "not ready"
	ReadinessUnknown    Readiness = "unknown"
)

// Forecast settings. Six attempts are about what a candidate takes in the
// last weeks before an exam: enough for a median to shrug off one bad day,
// recent enough to follow the learning. The margin is the half-width of
// the borderline band: practice tests differ from the real exam by about
// that much, so a forecast closer than 5 points to the bar proves nothing.
const (
	DefaultFitWindow = 6
	ReadinessMargin  = 5.0
)

// ScorePoint is one score in a history: an attempt's overall score, or its
// score on one topic.
type ScorePoint struct {
	AttemptID int64
	Date      Date
	Percent   float64
}

// Forecast is where a history of scores stands and where it is heading.
// Percentages are rounded to 0.1 (the verdict is taken on the rounded
// values, see Readiness).
type Forecast struct {
	Points        []ScorePoint // every score, oldest first: the chart's points
	Latest        float64      // the most recent score; 0 without points
	Average3      float64      // mean of the last three (or fewer) scores
	Trend         float64      // Theil–Sen slope, percentage points per week; valid with HasTrend
	HasTrend      bool
	Projected     float64 // fitted score at Target, clamped to 0..100; valid with HasProjection
	HasProjection bool
	Target        Date    // the exam date projected to; zero without one
	PassMark      float64 // the bar the verdict is taken against
	Readiness     Readiness
	Explanation   string // one sentence for the UI
}

// Attempts is the number of scores in the history.
func (f Forecast) Attempts() int { return len(f.Points) }

// BelowPass reports that the latest score is under the pass mark: the flag
// the UI shows next to a weak topic (as a word or icon, not colour alone).
func (f Forecast) BelowPass() bool { return len(f.Points) > 0 && f.Latest < f.PassMark }

// ScoreChange is the latest score minus the first, rounded to 0.1; 0 with
// fewer than two scores.
func (f Forecast) ScoreChange() float64 {
	if len(f.Points) < 2 {
		return 0
	}
	return round1(f.Points[len(f.Points)-1].Percent - f.Points[0].Percent)
}

// ForecastScores measures a history against passMark and projects it to
// target (the exam date; zero when there is none). The trend is a Theil–Sen
// fit (the median of the slopes between every pair of attempts on different
// days, and the median intercept) over the last window scores
// (DefaultFitWindow when window < 1; at least 2): one disastrous or lucky
// attempt moves it far less than a least-squares line. Scores of the same
// day count as separate points. The trend is per week because the
// projection runs over calendar time to a date; the projection is clamped
// to 0..100 since a straight line leaves that range but scores cannot.
func ForecastScores(points []ScorePoint, passMark float64, target Date, window int) Forecast {
	return forecast(points, passMark, target, "No exam date: set the exam's date to get a forecast.", window)
}

// fitWindow is how many of the last points a fit over window takes.
func fitWindow(window int) int {
	if window < 1 {
		return DefaultFitWindow
	}
	return max(window, 2)
}

// forecastReads is how many of the newest points a forecast over window
// looks at (the fit's and the average's). A forecast of only those many
// is the forecast of them all but for its Points.
func forecastReads(window int) int { return max(fitWindow(window), 3) }

// forecast is ForecastScores with the sentence to give when target is zero.
func forecast(points []ScorePoint, passMark float64, target Date, noTarget string, window int) Forecast {
	pts := slices.Clone(points)
	slices.SortStableFunc(pts, func(a, b ScorePoint) int {
		return cmp.Or(a.Date.Time().Compare(b.Date.Time()), cmp.Compare(a.AttemptID, b.AttemptID))
	})
	f := Forecast{Points: pts, Target: target, PassMark: passMark, Readiness: ReadinessUnknown}
	n := len(pts)
	if n == 0 {
		f.Explanation = "No attempts yet: record a practice test to get a forecast."
		return f
	}
	f.Latest = round1(pts[n-1].Percent)
	var sum float64
	last3 := pts[max(0, n-3):]
	for _, p := range last3 {
		sum += p.Percent
	}
	f.Average3 = round1(sum / float64(len(last3)))
	recent := pts[max(0, n-fitWindow(window)):]
	slope, intercept, ok := theilSen(recent)
	if ok {
		f.Trend, f.HasTrend = round1(slope*7), true
	}
	switch {
	case n == 1:
		f.Explanation = fmt.Sprintf("Only one attempt so far (%.1f %%); a forecast needs at least two.", f.Latest)
		return f
	case !ok:
		f.Explanation = fmt.Sprintf("The last %d attempts were all on %s; a trend needs attempts on two different days.", len(recent), pts[n-1].Date)
		return f
	case target.IsZero():
		f.Explanation = noTarget
		return f
	}
	x := float64(recent[0].Date.DaysUntil(target))
	f.Projected = round1(min(100, max(0, intercept+slope*x)))
	f.HasProjection = true
	f.Readiness, f.Explanation = verdict(f.Projected, f.Latest, passMark, target)
	return f
}

// theilSen fits y = intercept + slope*x to points, x in days since the
// first point: slope is the median of the pairwise slopes of points on
// different days, intercept the median of y - slope*x. ok is false when no
// two points are on different days.
func theilSen(points []ScorePoint) (slope, intercept float64, ok bool) {
	if len(points) < 2 {
		return 0, 0, false
	}
	x := make([]float64, len(points))
	for i, p := range points {
		x[i] = float64(points[0].Date.DaysUntil(p.Date))
	}
	var slopes []float64
	for i := range points {
		for j := i + 1; j < len(points); j++ {
			if x[i] != x[j] {
				slopes = append(slopes, (points[j].Percent-points[i].Percent)/(x[j]-x[i]))
			}
		}
	}
	if len(slopes) == 0 {
		return 0, 0, false
	}
	slope = median(slopes)
	rest := make([]float64, len(points))
	for i, p := range points {
		rest[i] = p.Percent - slope*x[i]
	}
	return slope, median(rest), true
}

// median of values (sorted in place); values is not empty.
func median(values []float64) float64 {
	slices.Sort(values)
	n := len(values)
	if n%2 == 1 {
		return values[n/2]
	}
	return (values[n/2-1] + values[n/2]) / 2
}

// verdict bands a projection (see Readiness) and says why in one sentence.
func verdict(projected, latest, pass float64, target Date) (Readiness, string) {
	p, m := formatPercent(pass), ReadinessMargin
	bar := min(pass+m, 100) // a pass mark above 95 is cleared by a perfect score
	head := fmt.Sprintf("Projected %.1f %% by %s", projected, target)
	switch {
	case projected < pass-m:
		return ReadinessNotReady, fmt.Sprintf("%s, more than %g points below the pass mark of %s.", head, m, p)
	case projected >= bar && latest >= pass:
		return ReadinessReady, fmt.Sprintf("%s, clear of the pass mark of %s, and the latest score %.1f %% already passes.", head, p, latest)
	case projected >= bar:
		return ReadinessBorderline, fmt.Sprintf("%s, but the latest score %.1f %% is still below the pass mark of %s.", head, latest, p)
	}
	return ReadinessBorderline, fmt.Sprintf("%s, within %g points of the pass mark of %s: it could go either way.", head, m, p)
}

func round1(v float64) float64 { return math.Round(v*10) / 10 }

// ExamForecast is the forecast of an exam's overall score.
type ExamForecast struct {
	Exam Exam
	Forecast
}

// ForecastExam forecasts exam from the overall scores of its attempts (see
// Attempt.Overall) on day today. The projection aims at the exam's date;
// there is none when the exam has no date, has been passed, or its date is
// before today (the exam is over: after a failure the user sets the retake
// date, which is what the next forecast aims at).
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
	target, noTarget := exam.Date, ""
	switch {
	case exam.Result == ExamPassed:
		target, noTarget = Date{}, fmt.Sprintf("Passed on %s: no forecast needed.", exam.ResultDate)
	case exam.Date.IsZero():
		noTarget = fmt.Sprintf("No exam date: set the date of %s to get a forecast.", strings.TrimSpace(exam.Name))
	case exam.Date.Before(today) && exam.Result == ExamFailed:
		target, noTarget = Date{}, fmt.Sprintf("Failed on %s: set the retake date to get a forecast.", exam.ResultDate)
	case exam.Date.Before(today):
		target, noTarget = Date{}, fmt.Sprintf("The exam was on %s: record the result, or set the retake date to get a forecast.", exam.Date)
	}
	return ExamForecast{Exam: exam, Forecast: forecast(pts, exam.PassMark, target, noTarget, window)}
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
// exam there is no projection, and the pass mark is the highest of the
// covering exams (DefaultPassMark when none covers it), so the below-pass
// flag still works.
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
		var next *Exam
		pass, anyExam := 0.0, false
		for id := range covering {
			e, ok := byID[id]
			if !ok {
				continue
			}
			pass, anyExam = max(pass, e.PassMark), true
			if e.Result == ExamPassed || e.Date.IsZero() || e.Date.Before(today) {
				continue
			}
			if next == nil || e.Date.Before(next.Date) || (e.Date == next.Date && e.PassMark > next.PassMark) {
				next = &e
			}
		}
		if !anyExam {
			pass = DefaultPassMark
		}
		target := Date{}
		if next != nil {
			target, pass = next.Date, next.PassMark
		}
		f := forecast(pts, pass, target, "No upcoming exam date for this topic: set the date of an exam that covers it to get a forecast.", window)
		out = append(out, TopicForecast{Topic: t, Forecast: f})
	}
	SortWeakest(out)
	return out
}

// SortWeakest orders topic forecasts weakest first: topics with scores by
// latest score, ties by projected score (a topic without projection after
// those with one), then by name; topics never scored come last, by name.
func SortWeakest(topics []TopicForecast) {
	slices.SortStableFunc(topics, func(a, b TopicForecast) int {
		aNone, bNone := a.Attempts() == 0, b.Attempts() == 0
		if aNone != bNone {
			return boolOrder(aNone, bNone)
		}
		if !aNone {
			if c := cmp.Compare(a.Latest, b.Latest); c != 0 {
				return c
			}
			if a.HasProjection != b.HasProjection {
				return boolOrder(!a.HasProjection, !b.HasProjection)
			}
			if c := cmp.Compare(a.Projected, b.Projected); c != 0 {
				return c
			}
		}
		return cmp.Compare(NameKey(a.Topic.Name), NameKey(b.Topic.Name))
	})
}

// boolOrder sorts false before true.
func boolOrder(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
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
		if t := &r.Topics[i]; t.Attempts() > 0 {
			t.StudyHours = in.Study(t.Topic.Name, t.Points[0].Date).Hours()
		}
	}
	return r
}

// RecentPractice is the newest of a rotation's attempts, as many as the
// forecasts of PracticeReadiness look at (see RecentPoints), with the
// exams each topic was ever scored in.
type RecentPractice struct {
	Attempts []Attempt         // oldest first, as PracticeInput takes them
	ScoredIn map[int64][]int64 // topic ID: the exams whose attempts scored it
}

// Topics is topics with the exams each was scored in joined to its
// ExamIDs: ForecastTopics aims a topic at the exams that cover it, which
// it finds among every attempt, and the recent ones may not name them all.
func (r RecentPractice) Topics(topics []Topic) []Topic {
	out := make([]Topic, len(topics))
	for i, t := range topics {
		t.ExamIDs = slices.Clone(t.ExamIDs)
		for _, id := range r.ScoredIn[t.ID] {
			if !slices.Contains(t.ExamIDs, id) {
				t.ExamIDs = append(t.ExamIDs, id)
			}
		}
		out[i] = t
	}
	return out
}

// RecentPoints tells, over attempts given newest first (by day, then ID),
// when they hold every point the forecasts over window look at: the newest
// few of each exam's attempts and of each topic's scores, or all of them
// when it has fewer. A report made from those attempts alone has every
// figure of the report made from all of them, but for the points
// themselves and what is read from them (Attempts, ScoreChange, StudyHours).
type RecentPoints struct {
	exams, topics map[int64]int // points still wanted
	wanted        int           // their sum
}

// NewRecentPoints wants, for a forecast over window, points from exams
// with examAttempts[id] attempts and topics with topicScores[id] scores.
// Counts that are too high only make it want more.
func NewRecentPoints(window int, examAttempts, topicScores map[int64]int) *RecentPoints {
	n := forecastReads(window)
	r := &RecentPoints{exams: make(map[int64]int, len(examAttempts)), topics: make(map[int64]int, len(topicScores))}
	for id, c := range examAttempts {
		r.exams[id] = min(n, c)
		r.wanted += r.exams[id]
	}
	for id, c := range topicScores {
		r.topics[id] = min(n, c)
		r.wanted += r.topics[id]
	}
	return r
}

// Add counts the points of a, the next attempt back.
func (r *RecentPoints) Add(a Attempt) {
	if _, ok := a.Overall(); ok {
		r.take(r.exams, a.ExamID)
	}
	for _, s := range a.Scores {
		if s.PercentOnly || s.Total > 0 {
			r.take(r.topics, s.TopicID)
		}
	}
}

func (r *RecentPoints) take(wanted map[int64]int, id int64) {
	if wanted[id] > 0 {
		wanted[id]--
		r.wanted--
	}
}

// Enough reports whether the attempts added hold every point wanted.
func (r *RecentPoints) Enough() bool { return r.wanted <= 0 }

// Weakest returns up to n of the report's weakest scored topics.
func (r PracticeReport) Weakest(n int) []TopicForecast { return WeakestTopics(r.Topics, n) }
