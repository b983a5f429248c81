package data

import "slices"

// RecentPractice is the newest of a rotation's attempts, as many as the
// forecasts of PracticeReadiness look at (see RecentPoints), with the
// exams each topic was ever scored in.
type RecentPractice struct {
	Attempts []Attempt         // oldest first, as PracticeInput takes them
	ScoredIn map[int64][]int64 // topic ID: the exams whose attempts scored it
	// FirstScored is the day of each topic's first score ever (topic ID):
	// the hours studied since then go next to its forecast.
	FirstScored map[int64]Date
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
	n := window
	if n < 1 {
		n = DefaultFitWindow
	}
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
