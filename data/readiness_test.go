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

// prSeries builds a history starting on start, one score every `every`
// days, attempt IDs 1, 2, ...
func prSeries(start Date, every int, values ...float64) []ScorePoint {
	out := make([]ScorePoint, len(values))
	for i, v := range values {
		out[i] = ScorePoint{AttemptID: int64(i + 1), Date: start.AddDays(i * every), Percent: v}
	}
	return out
}

func TestForecastScores(t *testing.T) {
	start := prDay(t, "2009-01-05")
	lastOf6 := start.AddDays(35)
	tests := []struct {
		name      string
		points    []ScorePoint
		target    Date
		window    int
		trend     float64 // points per week; NaN when there is none
		projected float64 // NaN when there is none
		readiness Readiness
		latest    float64
		avg3      float64
		why       string // part of the explanation
	}{
		{"rising", prSeries(start, 7, 60, 62, 64, 66, 68, 70), lastOf6.AddDays(21),
			0, 2, 76, ReadinessReady, 70, 68, "clear of the pass mark of 70 %, and the latest score 70.0 % already passes."},
		{"rising but not there yet", prSeries(start, 7, 60, 62, 64, 66, 68, 70), lastOf6.AddDays(14),
			0, 2, 74, ReadinessBorderline, 70, 68, "within 5 points"},
		{"falling", prSeries(start, 7, 80, 78, 76, 74, 72, 70), lastOf6.AddDays(28),
			0, -2, 62, ReadinessNotReady, 70, 72, "more than 5 points below"},
		{"flat", prSeries(start, 7, 72, 72, 72, 72), start.AddDays(60),
			0, 0, 72, ReadinessBorderline, 72, 72, "Projected 72.0 % by 2009-03-06"},
		// One disastrous attempt in a steady climb: the median slope ignores
		// it, where least squares would bend the line down.
		{"noisy with an outlier", prSeries(start, 7, 60, 62, 20, 66, 68, 70), lastOf6.AddDays(21),
			0, 2, 76, ReadinessReady, 70, 68, "Projected 76.0 %"},
		{"noisy zigzag", prSeries(start, 7, 65, 75, 66, 76, 67, 77), lastOf6.AddDays(10),
			0, 0.5, 73, ReadinessBorderline, 77, 73.3, "Projected 73.0 %"},
		{"single point", prSeries(start, 7, 85), start.AddDays(30),
			0, math.NaN(), math.NaN(), ReadinessUnknown, 85, 85, "Only one attempt so far (85.0 %); a forecast needs at least two."},
		{"no attempts", nil, start,
			0, math.NaN(), math.NaN(), ReadinessUnknown, 0, 0, "No attempts yet"},
		{"two on one day", prSeries(start, 0, 60, 70), start.AddDays(30),
			0, math.NaN(), math.NaN(), ReadinessUnknown, 70, 65, "all on 2009-01-05; a trend needs attempts on two different days"},
		{"no exam date", prSeries(start, 7, 60, 70), Date{},
			0, 10, math.NaN(), ReadinessUnknown, 70, 65, "No exam date"},
		{"clamped at 100", prSeries(start, 7, 80, 90, 99), start.AddDays(100),
			0, 9.5, 100, ReadinessReady, 99, 89.7, "Projected 100.0 %"},
		{"clamped at 0", prSeries(start, 7, 30, 20, 10), start.AddDays(100),
			0, -10, 0, ReadinessNotReady, 10, 20, "Projected 0.0 %"},
		// The fit sees only the last three: the early slump is history.
		{"window drops old scores", prSeries(start, 7, 10, 20, 30, 80, 80, 80), lastOf6.AddDays(7),
			3, 0, 80, ReadinessReady, 80, 80, "Projected 80.0 %"},
		{"window of one still fits two", prSeries(start, 7, 60, 70), start.AddDays(14),
			1, 10, 80, ReadinessReady, 70, 65, "Projected 80.0 %"},
		// All ten points would give a rising fit; the last six are flat.
		{"default window is six", prSeries(start, 7, 55, 60, 65, 70, 75, 75, 75, 75, 75, 75), start.AddDays(70),
			0, 0, 75, ReadinessReady, 75, 75, "Projected 75.0 %"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := ForecastScores(tc.points, 70, tc.target, tc.window)
			if math.IsNaN(tc.trend) == f.HasTrend || (f.HasTrend && f.Trend != tc.trend) {
				t.Errorf("trend %v (has %v), want %v", f.Trend, f.HasTrend, tc.trend)
			}
			if math.IsNaN(tc.projected) == f.HasProjection || (f.HasProjection && f.Projected != tc.projected) {
				t.Errorf("projected %v (has %v), want %v", f.Projected, f.HasProjection, tc.projected)
			}
			if f.Readiness != tc.readiness {
				t.Errorf("readiness %q, want %q", f.Readiness, tc.readiness)
			}
			if f.Latest != tc.latest || f.Average3 != tc.avg3 {
				t.Errorf("latest %v avg3 %v, want %v and %v", f.Latest, f.Average3, tc.latest, tc.avg3)
			}
			if !strings.Contains(f.Explanation, tc.why) {
				t.Errorf("explanation %q, want it to contain %q", f.Explanation, tc.why)
			}
			if strings.Count(f.Explanation, ". ") > 0 || !strings.HasSuffix(f.Explanation, ".") {
				t.Errorf("explanation %q is not one sentence", f.Explanation)
			}
			if f.Attempts() != len(tc.points) || f.Target != tc.target || f.PassMark != 70 {
				t.Errorf("attempts %d target %s pass %v", f.Attempts(), f.Target, f.PassMark)
			}
		})
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
	f := ForecastScores(pts, 70, start.AddDays(28), 0)
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

// TestReadinessBands checks the verdict exactly at each edge. A flat history
// projects its own level, so level = projected = latest.
func TestReadinessBands(t *testing.T) {
	start := prDay(t, "2009-01-05")
	flat := func(v float64) []ScorePoint { return prSeries(start, 7, v, v, v) }
	tests := []struct {
		name   string
		points []ScorePoint
		pass   float64
		want   Readiness
		why    string
	}{
		{"exactly pass+5", flat(75), 70, ReadinessReady, "already passes"},
		{"just under pass+5", flat(74.9), 70, ReadinessBorderline, "within 5 points"},
		{"rounds up to pass+5", flat(74.96), 70, ReadinessReady, "Projected 75.0 %"},
		{"exactly the pass mark", flat(70), 70, ReadinessBorderline, "within 5 points of the pass mark of 70 %"},
		{"just under the pass mark", flat(69.9), 70, ReadinessBorderline, "within 5 points"},
		{"exactly pass-5", flat(65), 70, ReadinessBorderline, "within 5 points"},
		{"just under pass-5", flat(64.9), 70, ReadinessNotReady, "more than 5 points below"},
		{"rounds down under pass-5", flat(64.94), 70, ReadinessNotReady, "Projected 64.9 %"},
		{"fractional pass mark", flat(77.5), 72.5, ReadinessReady, "pass mark of 72.5 %"},
		{"pass mark 100 reachable", flat(100), 100, ReadinessReady, "already passes"},
		{"pass mark 97 needs 100", flat(99.9), 97, ReadinessBorderline, "within 5 points"},
		// 65 then 70 a week later: 5 points a week, 75 at the exam a week on,
		// with the latest exactly at the pass mark.
		{"projected pass+5 and latest exactly pass", prSeries(start, 7, 65, 70), 70, ReadinessReady, "latest score 70.0 % already passes"},
		{"projected clears but latest below", prSeries(start, 7, 60, 69.9), 70, ReadinessBorderline, "latest score 69.9 % is still below the pass mark of 70 %"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			last := tc.points[len(tc.points)-1].Date
			f := ForecastScores(tc.points, tc.pass, last.AddDays(7), 0)
			if f.Readiness != tc.want || !strings.Contains(f.Explanation, tc.why) {
				t.Fatalf("got %q (%s), want %q containing %q", f.Readiness, f.Explanation, tc.want, tc.why)
			}
		})
	}
}

func TestBelowPass(t *testing.T) {
	start := prDay(t, "2009-01-05")
	tests := []struct {
		name   string
		points []ScorePoint
		want   bool
	}{
		{"below", prSeries(start, 7, 80, 69.9), true},
		{"exactly at the pass mark", prSeries(start, 7, 50, 70), false},
		{"no scores", nil, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := ForecastScores(tc.points, 70, Date{}, 0).BelowPass(); got != tc.want {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestForecastExam(t *testing.T) {
	today := prDay(t, "2009-01-12")
	attempts := []Attempt{
		{ID: 1, ExamID: 1, Date: prDay(t, "2009-01-05"), Scores: []TopicScore{CountedScore(1, 6, 10), CountedScore(2, 30, 40)}}, // 72
		{ID: 2, ExamID: 2, Date: prDay(t, "2009-01-06"), Scores: []TopicScore{CountedScore(1, 1, 10)}},
		{ID: 3, ExamID: 1, Date: prDay(t, "2009-01-12"), Scores: []TopicScore{CountedScore(1, 8, 10), CountedScore(2, 30, 40)}}, // 76
	}
	base := Exam{ID: 1, Name: "Lab exam", Kind: ExamLab, PassMark: 70, Date: prDay(t, "2009-01-19")}
	tests := []struct {
		name      string
		change    func(*Exam)
		readiness Readiness
		projected float64 // NaN for none
		why       string
	}{
		{"upcoming", func(*Exam) {}, ReadinessReady, 80, "Projected 80.0 % by 2009-01-19"},
		{"on the exam day", func(e *Exam) { e.Date = today }, ReadinessReady, 76, "Projected 76.0 % by 2009-01-12"},
		{"no date", func(e *Exam) { e.Date = Date{} }, ReadinessUnknown, math.NaN(), "No exam date: set the date of Lab exam to get a forecast."},
		{"date passed without result", func(e *Exam) { e.Date = prDay(t, "2009-01-11") }, ReadinessUnknown, math.NaN(), "The exam was on 2009-01-11: record the result"},
		{"failed", func(e *Exam) {
			e.Date, e.Result, e.ResultDate = prDay(t, "2009-01-11"), ExamFailed, prDay(t, "2009-01-11")
		},
			ReadinessUnknown, math.NaN(), "Failed on 2009-01-11: set the retake date"},
		{"failed with retake date set", func(e *Exam) { e.Result, e.ResultDate = ExamFailed, prDay(t, "2009-01-09") },
			ReadinessReady, 80, "Projected 80.0 %"},
		{"passed", func(e *Exam) { e.Result, e.ResultDate = ExamPassed, prDay(t, "2009-01-11") }, ReadinessUnknown, math.NaN(), "Passed on 2009-01-11"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := base
			tc.change(&e)
			f := ForecastExam(e, attempts, today, 0)
			if f.Attempts() != 2 || f.Latest != 76 || f.Trend != 4 {
				t.Fatalf("attempts %d latest %v trend %v: other exams' attempts must not count", f.Attempts(), f.Latest, f.Trend)
			}
			if f.Readiness != tc.readiness || math.IsNaN(tc.projected) == f.HasProjection ||
				(f.HasProjection && f.Projected != tc.projected) || !strings.Contains(f.Explanation, tc.why) {
				t.Fatalf("got %q %v (%v): %s", f.Readiness, f.Projected, f.HasProjection, f.Explanation)
			}
			if f.Exam.Name != "Lab exam" {
				t.Fatal("exam not carried")
			}
		})
	}
}

func TestForecastTopics(t *testing.T) {
	today := prDay(t, "2009-01-12")
	exams := []Exam{
		{ID: 1, Name: "Written exam 1", Kind: ExamWritten, PassMark: 70, Date: prDay(t, "2009-01-20"), Result: ""},
		{ID: 2, Name: "Written exam 2", Kind: ExamWritten, PassMark: 80, Date: prDay(t, "2009-01-10"), Result: ExamPassed, ResultDate: prDay(t, "2009-01-10")},
		{ID: 4, Name: "Lab exam", Kind: ExamLab, PassMark: 60, Date: prDay(t, "2009-01-30")},
		{ID: 5, Name: "Mock", Kind: ExamWritten, PassMark: 90},
	}
	topics := []Topic{
		{ID: 10, Name: "Transport", ExamIDs: []int64{1, 4}}, // next: exam 1 on 01-20, pass 70
		{ID: 11, Name: "DNS", ExamIDs: []int64{2}},          // exam 2 passed; its attempts are for the lab (pass 60)
		{ID: 12, Name: "PKI", ExamIDs: []int64{5}},          // only an undated exam: no projection, pass 90
		{ID: 13, Name: "Kerberos"},                          // scored by nothing
		{ID: 14, Name: "Group Policy"},                      // scored for an exam that is gone: default pass mark
		{ID: 15, Name: "Backup", ExamIDs: []int64{4}},       // an attempt for exam 1 makes exam 1 its next
	}
	day := prDay(t, "2009-01-05")
	attempts := []Attempt{
		{ID: 1, ExamID: 1, Date: day, Scores: []TopicScore{CountedScore(10, 6, 10), CountedScore(15, 5, 10)}},
		{ID: 2, ExamID: 4, Date: day.AddDays(7), Scores: []TopicScore{CountedScore(10, 7, 10), CountedScore(11, 50, 100), CountedScore(15, 7, 10)}},
		{ID: 3, ExamID: 4, Date: day.AddDays(7), Scores: []TopicScore{CountedScore(11, 55, 100)}},
		{ID: 4, ExamID: 5, Date: day, Scores: []TopicScore{CountedScore(12, 5, 10)}},
		{ID: 5, ExamID: 5, Date: day.AddDays(7), Scores: []TopicScore{CountedScore(12, 6, 10)}},
		{ID: 6, ExamID: 99, Date: day, Scores: []TopicScore{CountedScore(14, 9, 10)}},
		{ID: 7, ExamID: 99, Date: day.AddDays(7), Scores: []TopicScore{PercentScore(14, 95)}},
	}
	got := ForecastTopics(topics, exams, attempts, today, 0)
	var order []string
	for _, f := range got {
		order = append(order, f.Topic.Name)
	}
	// DNS 55, PKI 60, Transport 70 (projected 81.4) before Backup 70
	// (projected 92.9), Group Policy 95, then the unscored Kerberos.
	if want := []string{"DNS", "PKI", "Transport", "Backup", "Group Policy", "Kerberos"}; !slices.Equal(order, want) {
		t.Fatalf("order %v, want %v", order, want)
	}
	by := map[string]TopicForecast{}
	for _, f := range got {
		by[f.Topic.Name] = f
	}
	checks := []struct {
		topic     string
		pass      float64
		target    string
		latest    float64
		projected float64 // NaN for none
		below     bool
		readiness Readiness
	}{
		// 60 then 70 a week later, projected 8 days on: 60 + 10/7*15.
		{"Transport", 70, "2009-01-20", 70, 81.4, false, ReadinessReady},
		// Two scores on one day: the later attempt is the latest, no trend.
		{"DNS", 60, "2009-01-30", 55, math.NaN(), true, ReadinessUnknown},
		{"PKI", 90, "", 60, math.NaN(), true, ReadinessUnknown},
		{"Kerberos", 70, "", 0, math.NaN(), false, ReadinessUnknown},
		{"Group Policy", 70, "", 95, math.NaN(), false, ReadinessUnknown},
		{"Backup", 70, "2009-01-20", 70, 92.9, false, ReadinessReady},
	}
	for _, c := range checks {
		t.Run(c.topic, func(t *testing.T) {
			f := by[c.topic]
			if f.PassMark != c.pass || f.Target.String() != c.target || f.Latest != c.latest || f.BelowPass() != c.below || f.Readiness != c.readiness {
				t.Fatalf("pass %v target %q latest %v below %v readiness %q (%s)", f.PassMark, f.Target, f.Latest, f.BelowPass(), f.Readiness, f.Explanation)
			}
			if math.IsNaN(c.projected) == f.HasProjection || (f.HasProjection && f.Projected != c.projected) {
				t.Fatalf("projected %v (has %v), want %v", f.Projected, f.HasProjection, c.projected)
			}
		})
	}
	if !strings.Contains(by["PKI"].Explanation, "No upcoming exam date for this topic") {
		t.Errorf("PKI: %s", by["PKI"].Explanation)
	}
}

func TestWeakestTopics(t *testing.T) {
	start := prDay(t, "2009-01-05")
	mk := func(name string, values ...float64) TopicForecast {
		return TopicForecast{Topic: Topic{Name: name}, Forecast: ForecastScores(prSeries(start, 7, values...), 70, start.AddDays(30), 0)}
	}
	topics := []TopicForecast{mk("Never"), mk("Strong", 90, 90), mk("Weak", 40, 50), mk("Middle", 60, 65), mk("Single", 50), mk("Also never")}
	tests := []struct {
		n    int
		want []string
	}{
		// Weak and Single tie at 50: Weak has a projection, so it comes first.
		{3, []string{"Weak", "Single", "Middle"}},
		{10, []string{"Weak", "Single", "Middle", "Strong"}},
		{0, nil},
	}
	for _, tc := range tests {
		var got []string
		for _, f := range WeakestTopics(topics, tc.n) {
			got = append(got, f.Topic.Name)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("n=%d: got %v, want %v", tc.n, got, tc.want)
		}
	}
	if topics[0].Topic.Name != "Never" {
		t.Fatal("WeakestTopics reordered its input")
	}
	if got := WeakestTopics(nil, 3); got != nil {
		t.Fatalf("empty: %v", got)
	}
	SortWeakest(topics)
	if topics[4].Topic.Name != "Also never" || topics[5].Topic.Name != "Never" {
		t.Fatalf("unscored topics by name at the end: %v, %v", topics[4].Topic.Name, topics[5].Topic.Name)
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
	// The study answers as the store would: per topic name, from a day on.
	asked := map[string]Date{}
	study := func(topic string, from Date) time.Duration {
		asked[topic] = from
		if topic == "Replication & Sites" {
			return 150 * time.Minute
		}
		return 0
	}
	r := PracticeReadiness(PracticeInput{Exams: exams, Topics: topics, Attempts: attempts, Study: study, Today: prDay(t, "2009-01-20")})
	if len(r.Exams) != 2 || r.Exams[0].Exam.ID != 1 || r.Exams[1].Readiness != ReadinessUnknown {
		t.Fatalf("exams: %+v", r.Exams)
	}
	if r.Exams[0].Latest != 80 || r.Exams[0].Projected != 100 || r.Exams[0].Readiness != ReadinessReady {
		t.Fatalf("written exam 1: latest %v projected %v %q", r.Exams[0].Latest, r.Exams[0].Projected, r.Exams[0].Readiness)
	}
	if len(asked) != 2 || asked["Replication & Sites"] != first || asked["DNS"] != first {
		t.Fatalf("study asked for %v; want each scored topic from its first attempt (%s), PKI not at all", asked, first)
	}
	by := map[string]TopicForecast{}
	for _, f := range r.Topics {
		by[f.Topic.Name] = f
	}
	rep := by["Replication & Sites"]
	if rep.StudyHours != 2.5 || rep.ScoreChange() != 20 {
		t.Fatalf("replication: %v hours, change %v; want 2.5 hours since the first attempt and +20", rep.StudyHours, rep.ScoreChange())
	}
	if by["DNS"].StudyHours != 0 || by["PKI"].StudyHours != 0 {
		t.Fatalf("DNS %v, PKI %v", by["DNS"].StudyHours, by["PKI"].StudyHours)
	}
	if w := r.Weakest(3); len(w) != 2 || w[0].Topic.Name != "Replication & Sites" || w[0].BelowPass() {
		t.Fatalf("weakest: %+v", w)
	}
	t.Run("no study given", func(t *testing.T) {
		r := PracticeReadiness(PracticeInput{Exams: exams, Topics: topics, Attempts: attempts, Today: prDay(t, "2009-01-20")})
		for _, f := range r.Topics {
			if f.StudyHours != 0 {
				t.Fatalf("%s: %v hours without study", f.Topic.Name, f.StudyHours)
			}
		}
	})
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
