package summary

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/store"
)

// PracticeStatus is the practice part of the summary (status --json
// "practice"): each exam's readiness, every topic's weakest first, and the
// names of the weakest.
type PracticeStatus struct {
	Exams         []PracticeExam  `json:"exams"`
	Topics        []PracticeTopic `json:"topics"`
	WeakestTopics []string        `json:"weakest_topics"`
}

// PracticeExam is one exam's readiness (see data.ForecastScores). Latest
// is null without attempts; Projected, Low, High (the 80 % range) and
// PassChance are null without a projection. Percentages are rounded to
// the tenth. Points is the number of attempts the model fitted.
type PracticeExam struct {
	Name            string    `json:"name"`
	PassMark        float64   `json:"pass_mark"`
	PassMarkAssumed bool      `json:"pass_mark_assumed"`
	Latest          *float64  `json:"latest"`
	Projected       *float64  `json:"projected"`
	Low             *float64  `json:"low"`
	High            *float64  `json:"high"`
	PassChance      *float64  `json:"pass_chance"`
	Points          int       `json:"points"`
	Readiness       string    `json:"readiness"`
	Summary         string    `json:"-"` // the line the text status shows
	Date            data.Date `json:"-"` // the sitting's day; zero when not known (the dashboard counts down to it)
}

// PracticeTopic is one topic's readiness, as PracticeExam's, with the
// hours studied on it since its first attempt.
type PracticeTopic struct {
	Name                   string   `json:"name"`
	Latest                 *float64 `json:"latest"`
	Projected              *float64 `json:"projected"`
	Low                    *float64 `json:"low"`
	High                   *float64 `json:"high"`
	PassChance             *float64 `json:"pass_chance"`
	Readiness              string   `json:"readiness"`
	HoursSinceFirstAttempt float64  `json:"hours_since_first_attempt"`
}

// WeakestShown is how many weak topics the dashboard and status name.
const WeakestShown = 3

// Practice is everything the practice screen shows: the records, today in
// the user's zone, and the forecasts computed from them.
type Practice struct {
	Rotation data.Rotation
	Exams    []data.Exam
	Topics   []data.Topic
	Attempts []data.Attempt
	Today    data.Date
	Location *time.Location
	Report   data.PracticeReport
}

// LoadPractice reads rotation rot's exams, topics and attempts and
// forecasts them at instant now in the zone of set.
// Study hours logged since the first attempt go next to each topic's score
// change.
func LoadPractice(ctx context.Context, st *store.Store, rot data.Rotation, set data.Settings, now time.Time) (Practice, error) {
	p, err := readPractice(ctx, st, rot, set, now)
	if err != nil {
		return p, err
	}
	// Each topic's study counts from the day of its first attempt: the
	// store sums it from its per-day totals, one small read per topic.
	firsts := firstScoredDays(p.Attempts)
	asks := make([]data.TopicDay, 0, len(firsts))
	for _, t := range p.Topics {
		if d, ok := firsts[t.ID]; ok {
			asks = append(asks, data.TopicDay{Topic: t.Name, Day: d})
		}
	}
	since, err := st.StudySince(ctx, p.Location, asks)
	if err != nil {
		return p, err
	}
	p.Report = data.PracticeReadiness(p.input(func(topic string, from data.Date) time.Duration {
		return since[data.TopicDay{Topic: topic, Day: from}]
	}))
	return p, nil
}

// readPractice reads the records LoadPractice forecasts.
func readPractice(ctx context.Context, st *store.Store, rot data.Rotation, set data.Settings, now time.Time) (Practice, error) {
	p := Practice{Rotation: rot, Location: set.Location()}
	p.Today = data.DateOf(now, p.Location)
	var err error
	if p.Exams, err = st.Exams(ctx, rot.ID); err != nil {
		return p, err
	}
	if p.Topics, err = st.Topics(ctx, rot.ID); err != nil {
		return p, err
	}
	p.Attempts, err = st.Attempts(ctx, rot.ID)
	return p, err
}

// input is what the forecast needs of p, with study (nil for none) to show
// next to each topic.
func (p Practice) input(study data.StudySince) data.PracticeInput {
	return data.PracticeInput{Exams: p.Exams, Topics: p.Topics, Attempts: p.Attempts, Study: study, Today: p.Today}
}

// firstScoredDays is the day of each scored topic's first score, as the
// readiness forecast finds it (its first point), by topic ID.
func firstScoredDays(attempts []data.Attempt) map[int64]data.Date {
	first := map[int64]data.Date{}
	for _, a := range attempts {
		for _, sc := range a.Scores {
			if _, ok := first[sc.TopicID]; !ok && (sc.PercentOnly || sc.Total > 0) {
				first[sc.TopicID] = a.Date
			}
		}
	}
	return first
}

// Status is the summary's view of p.
func (p Practice) Status() *PracticeStatus {
	st := &PracticeStatus{Exams: []PracticeExam{}, Topics: []PracticeTopic{}, WeakestTopics: []string{}}
	for _, f := range p.Report.Exams {
		e := PracticeExam{Name: f.Exam.Name, PassMark: f.PassMark, PassMarkAssumed: f.PassMarkAssumed,
			Points: len(f.Fitted), Readiness: string(f.Readiness), Summary: f.Summary(), Date: f.Exam.Date}
		e.Latest, e.Projected, e.Low, e.High, e.PassChance = forecastFigures(f.Forecast)
		st.Exams = append(st.Exams, e)
	}
	for _, f := range p.Report.Topics {
		t := PracticeTopic{Name: f.Topic.Name, Readiness: string(f.Readiness), HoursSinceFirstAttempt: tenth(f.StudyHours)}
		t.Latest, t.Projected, t.Low, t.High, t.PassChance = forecastFigures(f.Forecast)
		st.Topics = append(st.Topics, t)
	}
	for _, t := range p.Report.Weakest(WeakestShown) {
		st.WeakestTopics = append(st.WeakestTopics, t.Topic.Name)
	}
	return st
}

// forecastFigures are f's numbers for JSON: null where f has none.
func forecastFigures(f data.Forecast) (latest, projected, low, high, chance *float64) {
	if f.Attempts() > 0 {
		latest = ptr(f.Latest)
	}
	if f.HasProjection {
		projected, low, high, chance = ptr(f.Projected), ptr(f.Low), ptr(f.High), ptr(f.PassChance)
	}
	return latest, projected, low, high, chance
}

func ptr(v float64) *float64 { return &v }

// Text renders the status for a terminal: one line per exam, then the
// weakest topics.
func (s *PracticeStatus) Text() string {
	if len(s.Exams) == 0 {
		return "Practice: no exams yet (open Practice in the app, or run `masterplan import practice FILE`)\n"
	}
	var b strings.Builder
	b.WriteString("Practice:\n")
	assumed := 0.0
	for _, e := range s.Exams {
		fmt.Fprintf(&b, "  %s: %s, %s (pass mark %s, latest %s)\n", e.Name, e.Readiness, e.Summary, data.PassMarkText(e.PassMark, e.PassMarkAssumed), percentText(e.Latest))
		if e.PassMarkAssumed {
			assumed = e.PassMark
		}
	}
	if assumed > 0 {
		fmt.Fprintf(&b, "  Assumed pass marks: %s.\n", data.AssumedPassMarkWhy(assumed))
	}
	if len(s.WeakestTopics) > 0 {
		fmt.Fprintf(&b, "  Weakest topics: %s\n", strings.Join(s.WeakestTopics, ", "))
	}
	return b.String()
}

// percentText writes an optional percentage: "72.5 %" or "none".
func percentText(p *float64) string {
	if p == nil {
		return "none"
	}
	return fmt.Sprintf("%.1f %%", *p)
}

// buildPractice is the practice part of the summary. Its figures need
// only each exam's and topic's newest scores (data.RecentPoints), so only
// the newest attempts are read, with each topic's first day for the hours
// studied since: the plan reads them (store.PlanInputAndPractice) and
// hands them over in read.
func buildPractice(a area, read store.PlanPractice) (*PracticeStatus, error) {
	p := Practice{Rotation: a.rotation, Location: a.settings.Location(), Today: a.today, Exams: read.Exams}
	recent := read.Recent
	p.Topics, p.Attempts = recent.Topics(read.Topics), recent.Attempts
	asks := make([]data.TopicDay, 0, len(recent.FirstScored))
	for _, t := range p.Topics {
		if d, ok := recent.FirstScored[t.ID]; ok {
			asks = append(asks, data.TopicDay{Topic: t.Name, Day: d})
		}
	}
	since, err := a.st.StudySince(a.ctx, p.Location, asks)
	if err != nil {
		return nil, fmt.Errorf("practice: %w", err)
	}
	in := p.input(func(topic string, from data.Date) time.Duration { return since[data.TopicDay{Topic: topic, Day: from}] })
	in.FirstScored = recent.FirstScored
	p.Report = data.PracticeReadiness(in)
	return p.Status(), nil
}
