package data

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// scoresOn builds a history from days after start and scores, attempt IDs
// 1, 2, ...
func scoresOn(start Date, days []int, scores ...float64) []ScorePoint {
	out := make([]ScorePoint, len(scores))
	for i, v := range scores {
		out[i] = ScorePoint{AttemptID: int64(i + 1), Date: start.AddDays(days[i]), Percent: v}
	}
	return out
}

// near reports whether got is within 0.1 point of want.
func near(got, want float64) bool { return math.Abs(got-want) <= 0.1 }

// TestReadinessModelAgainstReference compares the model with a reference
// computed independently, in plain Python: the same formulas written out
// by hand, with Student's t density integrated numerically by Simpson's
// rule (20,000 steps) and its quantile found by bisection, sharing no code
// with ours. The script's output, for each case (days, scores, days from
// the last score to the exam, pass mark 70):
//
//	case     days        scores           exam   x*   projected  low     high    chance
//	hand     0,30,61     60,70,80          +60   121  91.1991    62.0805 98.4983 87.8294
//	perfect  0,7,14,21   60,65,70,75       +14    35  82.4957    65.5552 92.1076 85.9365
//	flat     0..28 by 7  68,72,70,69,71    +14    42  71.1722    55.4444 83.0458 54.9409
//	high     0..28 by 7  85,88,86,87,89    +14    42  89.6147    81.3059 94.4812 97.3893
//	zero100  0,10,20,30  0,100,0,100       +10    40  99.0      0.0003  100.0   63.8536
//	far      0,30,60     60,66,72         +120   120  81.4507    40.6426 96.5706 75.7328
//
// "hand" can be followed on paper: y = ln(p/(100-p)) gives ln 1.5 = 0.4055,
// ln(7/3) = 0.8473 and ln 4 = 1.3863; mean x 30.33, Σ(x-x̄)² = 1860.67, b = 0.01612, a =
// 0.3917; residuals are tiny, so s is the floor 0.25; the exam is 60 days
// after the last score and the history spans 61, so x* = 121; y* = 2.3425,
// se = 0.25·sqrt(1 + 1/3 + 90.67²/1860.67) = 0.5995, t(0.9, 1) = 3.0777,
// range 2.3425 ± 1.8451 → 62.1 % to 98.5 %, projected 91.2 %.
func TestReadinessModelAgainstReference(t *testing.T) {
	start := prDay(t, "2026-09-01")
	tests := []struct {
		name                         string
		days                         []int
		scores                       []float64
		examAfter                    int
		horizon                      int // x*, days after the first score
		projected, low, high, chance float64
		readiness                    Readiness
	}{
		{"hand", []int{0, 30, 61}, []float64{60, 70, 80}, 60, 121, 91.1991, 62.0805, 98.4983, 87.8294, ReadinessBorderline},
		// Scores on a straight line: no residual at all, yet the floor keeps
		// the range 27 points wide.
		{"perfect rising line", []int{0, 7, 14, 21}, []float64{60, 65, 70, 75}, 14, 35, 82.4957, 65.5552, 92.1076, 85.9365, ReadinessBorderline},
		{"flat around the pass mark", []int{0, 7, 14, 21, 28}, []float64{68, 72, 70, 69, 71}, 14, 42, 71.1722, 55.4444, 83.0458, 54.9409, ReadinessBorderline},
		{"steady high", []int{0, 7, 14, 21, 28}, []float64{85, 88, 86, 87, 89}, 14, 42, 89.6147, 81.3059, 94.4812, 97.3893, ReadinessReady},
		// 0 and 100 are clamped to 1 and 99: finite, and a wide range.
		{"scores of 0 and 100", []int{0, 10, 20, 30}, []float64{0, 100, 0, 100}, 10, 40, 99.0, 0.0003, 100.0, 63.8536, ReadinessBorderline},
		// Two months of history, exam four months after: the trend stops
		// two months after the last score.
		{"exam far beyond the history", []int{0, 30, 60}, []float64{60, 66, 72}, 120, 120, 81.4507, 40.6426, 96.5706, 75.7328, ReadinessBorderline},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pts := scoresOn(start, tc.days, tc.scores...)
			last := pts[len(pts)-1].Date
			f := ForecastScores(pts, 70, last, last.AddDays(tc.examAfter), 0)
			if !f.HasProjection {
				t.Fatalf("no projection: %s", f.Explanation)
			}
			if got := start.DaysUntil(f.Horizon); got != tc.horizon {
				t.Errorf("horizon x* = %d days, want %d", got, tc.horizon)
			}
			if !near(f.Projected, tc.projected) || !near(f.Low, tc.low) || !near(f.High, tc.high) || !near(f.PassChance, tc.chance) {
				t.Errorf("projected %v (%v-%v) chance %v; want %.1f (%.1f-%.1f) chance %.1f",
					f.Projected, f.Low, f.High, f.PassChance, tc.projected, tc.low, tc.high, tc.chance)
			}
			if f.Readiness != tc.readiness {
				t.Errorf("readiness %q, want %q", f.Readiness, tc.readiness)
			}
			if f.Low > f.Projected || f.Projected > f.High {
				t.Errorf("range %v-%v does not hold %v", f.Low, f.High, f.Projected)
			}
		})
	}
}

func TestReadinessTooEarly(t *testing.T) {
	start := prDay(t, "2026-09-01")
	tests := []struct {
		name    string
		points  []ScorePoint
		missing string
	}{
		{"no attempts", nil, "3 more attempts and attempts at least 14 days apart"},
		{"two points", scoresOn(start, []int{-7, 13}, 65.9, 74.4), "1 more attempt"},
		{"three points 13 days apart", scoresOn(start, []int{0, 6, 13}, 60, 70, 80), "attempts at least 14 days apart"},
		// Older than 180 days: they no longer count.
		{"old history", scoresOn(start, []int{-300, -250, -200}, 60, 70, 80), "3 more attempts and attempts at least 14 days apart"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			today := start.AddDays(13)
			f := ForecastScores(tc.points, 70, today, today.AddDays(30), 0)
			if f.HasProjection || f.Readiness != ReadinessTooEarly || f.Missing != tc.missing {
				t.Fatalf("projection %v readiness %q missing %q; want too early, %q", f.HasProjection, f.Readiness, f.Missing, tc.missing)
			}
			// The verdict "too early" is shown next to the summary, which
			// says only what is missing (not "TOO EARLY, too early to tell").
			if !strings.Contains(f.Explanation, tc.missing) || f.Summary() != "needs "+tc.missing {
				t.Fatalf("explanation %q, summary %q", f.Explanation, f.Summary())
			}
		})
	}
	t.Run("three points exactly 14 days apart", func(t *testing.T) {
		pts := scoresOn(start, []int{0, 7, 14}, 60, 70, 80)
		if f := ForecastScores(pts, 70, start.AddDays(14), start.AddDays(30), 0); !f.HasProjection {
			t.Fatalf("no projection: %s", f.Explanation)
		}
	})
}

// The issue's example: two practice tests no longer make an exam "READY,
// projected 100.0 %".
func TestTwoAttemptsAreNotReady(t *testing.T) {
	start := prDay(t, "2026-11-01")
	f := ForecastScores(scoresOn(start, []int{0, 7}, 65.9, 74.4), 70, start.AddDays(7), start.AddDays(60), 0)
	if f.Readiness != ReadinessTooEarly || f.Projected == 100 {
		t.Fatalf("%q projected %v", f.Readiness, f.Projected)
	}
}

func TestReadinessUsesTheLastEightWithinHalfAYear(t *testing.T) {
	start := prDay(t, "2026-01-01")
	days := []int{0, 1, 2, 3, 4, 100, 107, 114, 121, 128, 135, 142, 149}
	scores := []float64{10, 10, 10, 10, 10, 70, 71, 72, 73, 74, 75, 76, 77}
	f := ForecastScores(scoresOn(start, days, scores...), 70, start.AddDays(150), start.AddDays(150), 0)
	if len(f.Fitted) != 8 || f.Fitted[0].Percent != 70 {
		t.Fatalf("fitted %v", f.Fitted)
	}
	if len(f.Points) != 13 {
		t.Fatalf("points %d: the chart keeps every score", len(f.Points))
	}
	// 250 days on, only the scores from day 70 on are within 180 days.
	f = ForecastScores(scoresOn(start, days, scores...), 70, start.AddDays(250), Date{}, 0)
	if len(f.Fitted) != 8 || f.Target != start.AddDays(250) {
		t.Fatalf("fitted %d, target %s", len(f.Fitted), f.Target)
	}
}

func TestForecastSummaryAndBand(t *testing.T) {
	start := prDay(t, "2026-09-01")
	pts := scoresOn(start, []int{0, 30, 61}, 60, 70, 80)
	f := ForecastScores(pts, 70, start.AddDays(61), start.AddDays(121), 0)
	want := "projected 91 % (80 % range 62-98 %) on 2026-12-31, chance to pass about 88 %, from 3 attempts over 61 days"
	if f.Summary() != want {
		t.Fatalf("summary %q\nwant    %q", f.Summary(), want)
	}
	// The band starts narrow near the scores and widens to the range.
	_, lo0, hi0, _ := f.RangeAt(start.AddDays(61))
	mid, lo, hi, ok := f.RangeAt(f.Target)
	if !ok || !near(mid, f.Projected) || !near(lo, f.Low) || !near(hi, f.High) || hi0-lo0 >= hi-lo {
		t.Fatalf("band at the last score %v-%v, at the exam %v (%v-%v)", lo0, hi0, mid, lo, hi)
	}
	// Carried no further than observed: flat after the horizon.
	far := ForecastScores(pts, 70, start.AddDays(61), start.AddDays(400), 0)
	m1, _, _, _ := far.RangeAt(start.AddDays(122))
	m2, _, _, _ := far.RangeAt(start.AddDays(400))
	if m1 != m2 || far.Horizon != start.AddDays(122) || !strings.Contains(far.Explanation, "held flat") {
		t.Fatalf("after the horizon %v then %v; horizon %s; %s", m1, m2, far.Horizon, far.Explanation)
	}
}

func TestForecastSortsItsInput(t *testing.T) {
	start := prDay(t, "2009-01-05")
	pts := []ScorePoint{
		{AttemptID: 3, Date: start.AddDays(14), Percent: 64},
		{AttemptID: 2, Date: start, Percent: 61},
		{AttemptID: 1, Date: start, Percent: 60},
		{AttemptID: 4, Date: start.AddDays(7), Percent: 62},
	}
	f := ForecastScores(pts, 70, start.AddDays(14), start.AddDays(28), 0)
	var ids []int64
	for _, p := range f.Points {
		ids = append(ids, p.AttemptID)
	}
	if !slices.Equal(ids, []int64{1, 2, 4, 3}) {
		t.Fatalf("order %v, want by date then attempt", ids)
	}
	if pts[0].AttemptID != 3 {
		t.Fatal("input reordered")
	}
	if f.Latest != 64 || f.ScoreChange() != 4 {
		t.Fatalf("latest %v change %v", f.Latest, f.ScoreChange())
	}
}

// The verdict follows the range: at or above the pass mark is ready, all
// below is not ready.
func TestReadinessVerdictFollowsTheRange(t *testing.T) {
	start := prDay(t, "2026-09-01")
	days := []int{0, 7, 14, 21}
	flat := func(v float64) []ScorePoint { return scoresOn(start, days, v, v, v, v) }
	for _, tc := range []struct {
		name   string
		points []ScorePoint
		pass   float64
		want   Readiness
	}{
		{"far above", flat(95), 70, ReadinessReady},
		{"far below", flat(40), 70, ReadinessNotReady},
		{"at the pass mark", flat(70), 70, ReadinessBorderline},
		{"pass mark 100", flat(99), 100, ReadinessNotReady},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := ForecastScores(tc.points, tc.pass, start.AddDays(21), start.AddDays(28), 0)
			if f.Readiness != tc.want {
				t.Fatalf("%q (range %v-%v), want %q", f.Readiness, f.Low, f.High, tc.want)
			}
			if (f.Readiness == ReadinessReady) != (f.Low >= tc.pass) || (f.Readiness == ReadinessNotReady) != (f.High < tc.pass) {
				t.Fatalf("verdict %q does not match the range %v-%v", f.Readiness, f.Low, f.High)
			}
		})
	}
}

func TestBelowPass(t *testing.T) {
	start := prDay(t, "2009-01-05")
	for _, tc := range []struct {
		name   string
		points []ScorePoint
		want   bool
	}{
		{"below", scoresOn(start, []int{0, 7}, 80, 69.9), true},
		{"exactly at the pass mark", scoresOn(start, []int{0, 7}, 50, 70), false},
		{"no scores", nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := ForecastScores(tc.points, 70, start.AddDays(7), Date{}, 0).BelowPass(); got != tc.want {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestForecastExam(t *testing.T) {
	today := prDay(t, "2009-01-30")
	attempts := []Attempt{
		{ID: 1, ExamID: 1, Date: prDay(t, "2009-01-05"), Scores: []TopicScore{CountedScore(1, 6, 10), CountedScore(2, 30, 40)}}, // 72
		{ID: 2, ExamID: 2, Date: prDay(t, "2009-01-06"), Scores: []TopicScore{CountedScore(1, 1, 10)}},
		{ID: 3, ExamID: 1, Date: prDay(t, "2009-01-12"), Scores: []TopicScore{CountedScore(1, 8, 10), CountedScore(2, 30, 40)}}, // 76
		{ID: 4, ExamID: 1, Date: prDay(t, "2009-01-26"), Scores: []TopicScore{CountedScore(1, 8, 10), CountedScore(2, 32, 40)}}, // 80
	}
	base := Exam{ID: 1, Name: "Lab exam", Kind: ExamLab, PassMark: 70, Date: prDay(t, "2009-02-15")}
	tests := []struct {
		name      string
		change    func(*Exam)
		readiness Readiness
		target    string // "" without projection
		why       string
	}{
		{"upcoming", func(*Exam) {}, ReadinessBorderline, "2009-02-15", "straight line"},
		{"no date: today", func(e *Exam) { e.Date = Date{} }, ReadinessBorderline, "2009-01-30", "has no date, so this is today's forecast"},
		{"date passed without result", func(e *Exam) { e.Date = prDay(t, "2009-01-29") }, ReadinessTooEarly, "", "was on 2009-01-29: record the result"},
		{"failed", func(e *Exam) {
			e.Date, e.Result, e.ResultDate = prDay(t, "2009-01-29"), ExamFailed, prDay(t, "2009-01-29")
		}, ReadinessNotReady, "", "was failed on 2009-01-29: set the retake date"},
		{"failed with retake date set", func(e *Exam) { e.Result, e.ResultDate = ExamFailed, prDay(t, "2009-01-28") },
			ReadinessBorderline, "2009-02-15", "straight line"},
		{"passed", func(e *Exam) { e.Result, e.ResultDate = ExamPassed, prDay(t, "2009-01-29") }, ReadinessReady, "", "was passed on 2009-01-29"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := base
			tc.change(&e)
			f := ForecastExam(e, attempts, today, 0)
			if f.Attempts() != 3 || f.Latest != 80 {
				t.Fatalf("attempts %d latest %v: other exams' attempts must not count", f.Attempts(), f.Latest)
			}
			if f.Readiness != tc.readiness || (tc.target != "") != f.HasProjection ||
				(f.HasProjection && f.Target.String() != tc.target) || !strings.Contains(f.Explanation, tc.why) {
				t.Fatalf("got %q %v (%v on %s): %s", f.Readiness, f.Projected, f.HasProjection, f.Target, f.Explanation)
			}
			if f.Taken() == f.HasProjection {
				t.Fatalf("taken %v with projection %v", f.Taken(), f.HasProjection)
			}
			// The one-line summary the Practice rows show: an exam with
			// no date is forecast for today, not "sat on : record the result".
			if sum := f.Summary(); f.HasProjection && strings.Contains(sum, "record the result") {
				t.Errorf("summary of a forecast exam = %q", sum)
			}
		})
	}
}

func TestForecastTopics(t *testing.T) {
	today := prDay(t, "2009-01-19")
	exams := []Exam{
		{ID: 1, Name: "Written exam 1", Kind: ExamWritten, PassMark: 70, Date: prDay(t, "2009-01-20"), PassMarkAssumed: true},
		{ID: 2, Name: "Written exam 2", Kind: ExamWritten, PassMark: 80, Date: prDay(t, "2009-01-10"), Result: ExamPassed, ResultDate: prDay(t, "2009-01-10")},
		{ID: 4, Name: "Lab exam", Kind: ExamLab, PassMark: 60, Date: prDay(t, "2009-01-30")},
		{ID: 5, Name: "Mock", Kind: ExamWritten, PassMark: 90},
	}
	topics := []Topic{
		{ID: 10, Name: "Transport", ExamIDs: []int64{1, 4}}, // next: exam 1 on 01-20, pass 70 assumed
		{ID: 11, Name: "DNS", ExamIDs: []int64{2}},          // exam 2 passed; its attempts are for the lab (pass 60)
		{ID: 12, Name: "PKI", ExamIDs: []int64{5}},          // only an undated exam: today, pass 90
		{ID: 13, Name: "Kerberos"},                          // scored by nothing
		{ID: 14, Name: "Group Policy"},                      // scored for an exam that is gone: default pass mark, assumed
	}
	day := prDay(t, "2009-01-01")
	attempts := []Attempt{
		{ID: 1, ExamID: 1, Date: day, Scores: []TopicScore{CountedScore(10, 6, 10)}},
		{ID: 2, ExamID: 4, Date: day.AddDays(7), Scores: []TopicScore{CountedScore(10, 7, 10), CountedScore(11, 50, 100)}},
		{ID: 3, ExamID: 4, Date: day.AddDays(14), Scores: []TopicScore{CountedScore(10, 8, 10), CountedScore(11, 55, 100)}},
		{ID: 4, ExamID: 5, Date: day, Scores: []TopicScore{CountedScore(12, 5, 10)}},
		{ID: 5, ExamID: 5, Date: day.AddDays(7), Scores: []TopicScore{CountedScore(12, 6, 10)}},
		{ID: 8, ExamID: 5, Date: day.AddDays(14), Scores: []TopicScore{CountedScore(12, 6, 10)}},
		{ID: 6, ExamID: 99, Date: day, Scores: []TopicScore{CountedScore(14, 9, 10)}},
		{ID: 7, ExamID: 99, Date: day.AddDays(7), Scores: []TopicScore{PercentScore(14, 95)}},
	}
	got := ForecastTopics(topics, exams, attempts, today, 0)
	var order []string
	for _, f := range got {
		order = append(order, f.Topic.Name)
	}
	// Projected first by chance (PKI against 90 is lowest), then the
	// too-early ones by latest score, then the unscored.
	if want := []string{"PKI", "Transport", "DNS", "Group Policy", "Kerberos"}; !slices.Equal(order, want) {
		t.Fatalf("order %v, want %v", order, want)
	}
	by := map[string]TopicForecast{}
	for _, f := range got {
		by[f.Topic.Name] = f
	}
	for _, c := range []struct {
		topic   string
		pass    float64
		assumed bool
		target  string
		latest  float64
		proj    bool
	}{
		{"Transport", 70, true, "2009-01-20", 80, true},
		{"DNS", 60, false, "2009-01-30", 55, false},
		{"PKI", 90, false, "2009-01-19", 60, true},
		{"Kerberos", 70, true, "2009-01-19", 0, false},
		{"Group Policy", 70, true, "2009-01-19", 95, false},
	} {
		t.Run(c.topic, func(t *testing.T) {
			f := by[c.topic]
			if f.PassMark != c.pass || f.PassMarkAssumed != c.assumed || f.Target.String() != c.target || f.Latest != c.latest || f.HasProjection != c.proj {
				t.Fatalf("pass %v assumed %v target %q latest %v projected %v (%s)", f.PassMark, f.PassMarkAssumed, f.Target, f.Latest, f.HasProjection, f.Explanation)
			}
		})
	}
	if !strings.Contains(by["PKI"].Explanation, "No upcoming exam date covers this topic") {
		t.Errorf("PKI: %s", by["PKI"].Explanation)
	}
	if c, ok := TopicPassChance(by["PKI"]); !ok || c != by["PKI"].PassChance || c >= 50 {
		t.Errorf("PKI chance %v %v", c, ok)
	}
	if _, ok := TopicPassChance(by["DNS"]); ok {
		t.Error("DNS has a chance while too early")
	}
}

func TestPracticeReadiness(t *testing.T) {
	first := prDay(t, "2009-01-10")
	exams := []Exam{{ID: 1, Name: "Written exam 1", Kind: ExamWritten, PassMark: 70, Date: prDay(t, "2009-01-31")},
		{ID: 2, Name: "Lab exam", Kind: ExamLab, PassMark: 70}}
	topics := []Topic{{ID: 10, Name: "Replication & Sites", ExamIDs: []int64{1}}, {ID: 11, Name: "DNS", ExamIDs: []int64{1}}, {ID: 12, Name: "PKI"}}
	attempts := []Attempt{
		{ID: 1, ExamID: 1, Date: first, Scores: []TopicScore{CountedScore(10, 5, 10), CountedScore(11, 9, 10)}},
		{ID: 2, ExamID: 1, Date: first.AddDays(7), Scores: []TopicScore{CountedScore(10, 7, 10), CountedScore(11, 9, 10)}},
	}
	asked := map[string]Date{}
	study := func(topic string, from Date) time.Duration {
		asked[topic] = from
		if topic == "Replication & Sites" {
			return 150 * time.Minute
		}
		return 0
	}
	r := PracticeReadiness(PracticeInput{Exams: exams, Topics: topics, Attempts: attempts, Study: study, Today: prDay(t, "2009-01-20")})
	if len(r.Exams) != 2 || r.Exams[0].Exam.ID != 1 || r.Exams[1].Readiness != ReadinessTooEarly {
		t.Fatalf("exams: %+v", r.Exams)
	}
	if r.Exams[0].Latest != 80 || r.Exams[0].HasProjection || r.Exams[0].Missing != "1 more attempt and attempts at least 14 days apart" {
		t.Fatalf("written exam 1: latest %v projection %v missing %q", r.Exams[0].Latest, r.Exams[0].HasProjection, r.Exams[0].Missing)
	}
	if len(asked) != 2 || asked["Replication & Sites"] != first || asked["DNS"] != first {
		t.Fatalf("study asked for %v; want each scored topic from its first attempt (%s), PKI not at all", asked, first)
	}
	by := map[string]TopicForecast{}
	for _, f := range r.Topics {
		by[f.Topic.Name] = f
	}
	if rep := by["Replication & Sites"]; rep.StudyHours != 2.5 || rep.ScoreChange() != 20 {
		t.Fatalf("replication: %v hours, change %v; want 2.5 hours since the first attempt and +20", rep.StudyHours, rep.ScoreChange())
	}
	if w := r.Weakest(3); len(w) != 2 || w[0].Topic.Name != "Replication & Sites" {
		t.Fatalf("weakest: %+v", w)
	}
}

func TestPassMarkText(t *testing.T) {
	if got := PassMarkText(70, true); got != "70 % (assumed)" {
		t.Errorf("assumed: %q", got)
	}
	if got := PassMarkText(72.5, false); got != "72.5 %" {
		t.Errorf("the user's: %q", got)
	}
	if why := AssumedPassMarkWhy(70); !strings.Contains(why, "no pass mark") || !strings.Contains(why, "70 % is assumed") {
		t.Errorf("why: %q", why)
	}
	for _, e := range DefaultExams() {
		if !e.PassMarkAssumed {
			t.Errorf("%s: the default pass mark is not marked assumed", e.Name)
		}
	}
}

// A report made from only the attempts RecentPoints wants, newest first,
// with the exams each topic was scored in, has every figure of the report
// made from all of them but the points: over random histories with exams
// past, ahead, passed and undated, topics never scored or scored in exams
// that do not list them, and several attempts on one day.
func TestRecentPointsGiveTheWholeForecast(t *testing.T) {
	today := NewDate(2026, 3, 8)
	r := rand.New(rand.NewPCG(8, 14))
	for run := range 300 {
		var exams []Exam
		for i := range 1 + r.IntN(4) {
			e := Exam{ID: int64(i + 1), Name: fmt.Sprintf("Exam %d", i+1), PassMark: float64(50 + r.IntN(40))}
			switch r.IntN(4) {
			case 0:
				e.Date = today.AddDays(10 + r.IntN(100))
			case 1:
				e.Date = today.AddDays(-r.IntN(30))
			case 2:
				e.Date, e.Result, e.ResultDate = today.AddDays(-5), ExamPassed, today.AddDays(-4)
			}
			exams = append(exams, e)
		}
		var topics []Topic
		for i := range 1 + r.IntN(8) {
			tp := Topic{ID: int64(100 + i), Name: fmt.Sprintf("Topic %c", 'A'+i)}
			for _, e := range exams {
				if r.IntN(3) == 0 {
					tp.ExamIDs = append(tp.ExamIDs, e.ID)
				}
			}
			topics = append(topics, tp)
		}
		var attempts []Attempt
		for i := range r.IntN(60) {
			a := Attempt{ID: int64(1000 - i), ExamID: exams[r.IntN(len(exams))].ID, Date: today.AddDays(-r.IntN(40))}
			for _, k := range r.Perm(len(topics))[:1+r.IntN(len(topics))] {
				if r.IntN(2) == 0 {
					a.Scores = append(a.Scores, PercentScore(topics[k].ID, float64(r.IntN(101))))
				} else {
					a.Scores = append(a.Scores, CountedScore(topics[k].ID, r.IntN(11), 10))
				}
			}
			attempts = append(attempts, a)
		}
		window := r.IntN(9)
		whole := PracticeReadiness(PracticeInput{Exams: exams, Topics: topics, Attempts: attempts, Today: today, Window: window})

		// What the store reads: counts and scored-in pairs from every
		// attempt, then attempts newest first until enough.
		examAttempts, topicScores := map[int64]int{}, map[int64]int{}
		recent := RecentPractice{ScoredIn: map[int64][]int64{}}
		for _, a := range attempts {
			examAttempts[a.ExamID]++
			for _, sc := range a.Scores {
				topicScores[sc.TopicID]++
				if !slices.Contains(recent.ScoredIn[sc.TopicID], a.ExamID) {
					recent.ScoredIn[sc.TopicID] = append(recent.ScoredIn[sc.TopicID], a.ExamID)
				}
			}
		}
		newestFirst := slices.Clone(attempts)
		slices.SortFunc(newestFirst, func(a, b Attempt) int {
			return cmp.Or(b.Date.Time().Compare(a.Date.Time()), cmp.Compare(b.ID, a.ID))
		})
		need := NewRecentPoints(window, examAttempts, topicScores)
		for _, a := range newestFirst {
			if need.Enough() {
				break
			}
			need.Add(a)
			recent.Attempts = append(recent.Attempts, a)
		}
		slices.Reverse(recent.Attempts)
		part := PracticeReadiness(PracticeInput{Exams: exams, Topics: recent.Topics(topics), Attempts: recent.Attempts, Today: today, Window: window})

		withoutPoints := func(f Forecast) Forecast {
			f.Points = nil
			return f
		}
		for i := range whole.Exams {
			w, p := whole.Exams[i], part.Exams[i]
			if w.Exam.ID != p.Exam.ID || !reflect.DeepEqual(withoutPoints(w.Forecast), withoutPoints(p.Forecast)) {
				t.Fatalf("run %d: exam forecast from %d of %d attempts\n%+v\nwant\n%+v", run, len(recent.Attempts), len(attempts), p, w)
			}
		}
		for i := range whole.Topics {
			w, p := whole.Topics[i], part.Topics[i]
			if w.Topic.ID != p.Topic.ID || !reflect.DeepEqual(withoutPoints(w.Forecast), withoutPoints(p.Forecast)) || (w.Attempts() == 0) != (p.Attempts() == 0) {
				t.Fatalf("run %d: topic forecast from %d of %d attempts\n%+v\nwant\n%+v", run, len(recent.Attempts), len(attempts), p, w)
			}
		}
	}
}
