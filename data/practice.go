package data

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Exam is one exam the candidate will sit: a written exam or the final lab
// exam, with the score that passes it and, once sat, the real result.
//
// Date is the day of the (next) sitting; after a failed exam the user moves
// it to the retake, which is also what the readiness forecast aims at.
type Exam struct {
	ID       int64
	Name     string
	Kind     string  // ExamWritten or ExamLab
	PassMark float64 // percent, more than 0 and at most 100
	// PassMarkAssumed is set while PassMark is the app's assumption: the
	// program publishes no pass marks. Editing the mark makes it the user's.
	PassMarkAssumed bool
	Date            Date   // zero when not known yet
	Result          string // "", ExamPassed or ExamFailed
	ResultDate      Date   // the day of the result; required with a result
}

// Kinds of exam.
const (
	ExamWritten = "written"
	ExamLab     = "lab"
)

// Results of a sat exam. The empty string means "not sat yet".
const (
	ExamPassed = "passed"
	ExamFailed = "failed"
)

// DefaultPassMark is the pass mark a new exam starts with, in percent,
// marked as assumed (Exam.PassMarkAssumed). The program does not publish
// its pass marks; 70 is a common convention the user edits.
const DefaultPassMark = 70.0

// Practice limits. MaxQuestions is far beyond any real topic section of a
// practice test, so it only catches typing slips (a year in "total").
// MaxAttemptDuration matches the longest study session: a day.
const (
	MaxQuestions       = 1000
	MaxAttemptDuration = 24 * time.Hour
)

// DefaultExams are the exams of a rotation as the program runs them: up to
// three written exams in class, then the lab exam, each passed at
// DefaultPassMark. Dates are left for the user (or the rotation's
// milestones) to fill.
func DefaultExams() []Exam {
	return []Exam{
		{Name: "Written exam 1", Kind: ExamWritten, PassMark: DefaultPassMark, PassMarkAssumed: true},
		{Name: "Written exam 2", Kind: ExamWritten, PassMark: DefaultPassMark, PassMarkAssumed: true},
		{Name: "Written exam 3", Kind: ExamWritten, PassMark: DefaultPassMark, PassMarkAssumed: true},
		{Name: "Lab exam", Kind: ExamLab, PassMark: DefaultPassMark, PassMarkAssumed: true},
	}
}

// Validate checks the exam on day today (a result cannot come from the future).
func (e Exam) Validate(today Date) error {
	var errs []error
	if err := CheckText("name", e.Name, true, MaxNameLen); err != nil {
		errs = append(errs, err)
	}
	switch e.Kind {
	case ExamWritten, ExamLab:
	default:
		errs = append(errs, Invalid("kind", "%q is not a kind of exam; choose %s or %s", e.Kind, ExamWritten, ExamLab))
	}
	if err := CheckPassMark(e.PassMark); err != nil {
		errs = append(errs, err)
	}
	switch e.Result {
	case "":
		if !e.ResultDate.IsZero() {
			errs = append(errs, Invalid("result date", "is set but there is no result; choose passed or failed, or clear the date"))
		}
	case ExamPassed, ExamFailed:
		switch {
		case e.ResultDate.IsZero():
			errs = append(errs, Invalid("result date", "is required with a result; enter the day you sat the exam as YYYY-MM-DD"))
		case e.ResultDate.After(today):
			errs = append(errs, Invalid("result date", "%s is after today (%s); a result cannot come from the future", e.ResultDate, today))
		}
	default:
		errs = append(errs, Invalid("result", "%q is not a result; choose %s, %s or leave it empty", e.Result, ExamPassed, ExamFailed))
	}
	return errors.Join(errs...)
}

// CheckPassMark accepts a pass mark above 0 and at most 100 percent: 0 would
// pass every attempt, so it is always a slip (an empty entry).
func CheckPassMark(p float64) error {
	if math.IsNaN(p) || p <= 0 || p > 100 {
		return Invalid("pass mark", "is %s; enter a percentage above 0 and at most 100, e.g. %g", formatPercent(p), DefaultPassMark)
	}
	return nil
}

// RetakeDays is how far after a failed result the suggested retake
// milestone falls. The program includes one retake but publishes no delay,
// so this is only a placeholder date the user corrects.
const RetakeDays = 30

// RetakeMilestone proposes the retake milestone for a failed exam on
// rotation rotationID, due RetakeDays after the result; ok is false when
// the exam was not failed. Its kind and title make SuggestMilestones-style
// de-duplication work: one retake per exam.
func (e Exam) RetakeMilestone(rotationID int64) (Milestone, bool) {
	if e.Result != ExamFailed || e.ResultDate.IsZero() {
		return Milestone{}, false
	}
	return Milestone{
		RotationID: rotationID,
		Title:      "Retake: " + strings.TrimSpace(e.Name),
		Due:        e.ResultDate.AddDays(RetakeDays),
		Kind:       MilestoneRetake,
	}, true
}

// Topic is an exam domain ("Transport", "Replication and sites"). Topics
// belong to the track, and an exam covers several of them; a topic may be
// covered by more than one exam (the lab exam covers what the written exams
// do), so the link is many-to-many and kept on the topic.
type Topic struct {
	ID      int64
	Name    string
	ExamIDs []int64 // the exams that cover the topic; may be empty
}

// Validate checks the topic's name and exam links.
func (t Topic) Validate() error {
	var errs []error
	if err := CheckText("name", t.Name, true, MaxNameLen); err != nil {
		errs = append(errs, err)
	}
	seen := map[int64]bool{}
	for _, id := range t.ExamIDs {
		if id <= 0 {
			errs = append(errs, Invalid("exams", "holds the exam id %d; choose exams from the list", id))
		} else if seen[id] {
			errs = append(errs, Invalid("exams", "lists the exam id %d twice; list each exam once", id))
		}
		seen[id] = true
	}
	return errors.Join(errs...)
}

// Covers reports whether exam examID covers the topic.
func (t Topic) Covers(examID int64) bool { return slices.Contains(t.ExamIDs, examID) }

// TopicScore is the result of one topic in one attempt: Correct of Total
// questions, or only a percentage when that is all the practice test shows
// (PercentOnly, with Correct and Total 0).
type TopicScore struct {
	TopicID     int64
	Correct     int
	Total       int
	Percent     float64 // used only when PercentOnly
	PercentOnly bool
}

// CountedScore builds a correct/total score.
func CountedScore(topicID int64, correct, total int) TopicScore {
	return TopicScore{TopicID: topicID, Correct: correct, Total: total}
}

// PercentScore builds a score known only as a percentage.
func PercentScore(topicID int64, percent float64) TopicScore {
	return TopicScore{TopicID: topicID, Percent: percent, PercentOnly: true}
}

// Value is the score in percent. Counts are divided after multiplying, so
// 35 of 50 is exactly 70, not 69.99999999999999.
func (s TopicScore) Value() float64 {
	if s.PercentOnly {
		return s.Percent
	}
	if s.Total <= 0 {
		return 0
	}
	return 100 * float64(s.Correct) / float64(s.Total)
}

// Validate checks one score.
func (s TopicScore) Validate() error {
	var errs []error
	if s.TopicID <= 0 {
		errs = append(errs, Invalid("topic", "is required; choose a topic from the list"))
	}
	if s.PercentOnly {
		if s.Correct != 0 || s.Total != 0 {
			errs = append(errs, Invalid("percent", "a score is either correct/total or a percentage, not both; clear one of them"))
		}
		if math.IsNaN(s.Percent) || s.Percent < 0 || s.Percent > 100 {
			errs = append(errs, Invalid("percent", "is %s; enter a percentage from 0 to 100", formatPercent(s.Percent)))
		}
		return errors.Join(errs...)
	}
	switch {
	case s.Total <= 0:
		errs = append(errs, Invalid("total", "is %d; a score needs at least 1 question (enter the percentage instead if that is all you know)", s.Total))
	case s.Total > MaxQuestions:
		errs = append(errs, Invalid("total", "is %d; a topic has at most %d questions, check for a typing slip", s.Total, MaxQuestions))
	}
	switch {
	case s.Correct < 0:
		errs = append(errs, Invalid("correct", "is %d; it cannot be negative", s.Correct))
	case s.Total > 0 && s.Correct > s.Total:
		errs = append(errs, Invalid("correct", "is %d, more than the total %d; enter at most %d correct answers", s.Correct, s.Total, s.Total))
	}
	return errors.Join(errs...)
}

// ParseTopicScore reads a score as typed in two fields (or two CSV columns):
// correct "32" with total "40", or correct "85%" (or "85 %", "72.5%") with
// total empty for a percent-only score. The topic is left 0.
func ParseTopicScore(correct, total string) (TopicScore, error) {
	c, t := strings.TrimSpace(correct), strings.TrimSpace(total)
	if p, ok := strings.CutSuffix(c, "%"); ok {
		if t != "" {
			return TopicScore{}, Invalid("total", "is %q but correct is a percentage; leave total empty with a percentage, or enter correct as a count", t)
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return TopicScore{}, Invalid("correct", "%q is not a percentage; write it like 85%%", c)
		}
		s := PercentScore(0, v)
		return s, s.validateValues()
	}
	cn, err := strconv.Atoi(c)
	if err != nil {
		return TopicScore{}, Invalid("correct", "%q is not a whole number; enter the number of correct answers, or a percentage like 85%%", c)
	}
	if t == "" {
		return TopicScore{}, Invalid("total", "is empty; enter the number of questions, or write correct as a percentage like 85%%")
	}
	tn, err := strconv.Atoi(t)
	if err != nil {
		return TopicScore{}, Invalid("total", "%q is not a whole number; enter the number of questions", t)
	}
	s := CountedScore(0, cn, tn)
	return s, s.validateValues()
}

// validateValues is Validate without the topic, for parsing before the
// topic is known.
func (s TopicScore) validateValues() error {
	s.TopicID = 1
	return s.Validate()
}

// FormatTopicScore writes a score the way ParseTopicScore reads it: the
// correct and total cells ("32", "40"), or ("85%", "") for a percentage.
func FormatTopicScore(s TopicScore) (correct, total string) {
	if s.PercentOnly {
		return strconv.FormatFloat(s.Percent, 'f', -1, 64) + "%", ""
	}
	return strconv.Itoa(s.Correct), strconv.Itoa(s.Total)
}

// Attempt is one practice test taken (a vendor's test, an own lab, a mock
// exam), scored per topic.
type Attempt struct {
	ID       int64
	ExamID   int64
	Date     Date
	Source   string        // vendor or "own lab"; may be empty
	Duration time.Duration // 0 when not noted
	Notes    string
	Scores   []TopicScore
}

// Validate checks the attempt for exam (whose ID it must carry) on day
// today: a date not after today nor after the exam, a sensible duration, at
// least one score, and no topic scored twice.
func (a Attempt) Validate(exam Exam, today Date) error {
	var errs []error
	switch {
	case a.ExamID <= 0:
		errs = append(errs, Invalid("exam", "is required; choose the exam this practice test prepares for"))
	case a.ExamID != exam.ID:
		errs = append(errs, Invalid("exam", "the attempt is for exam %d but was checked against %s (exam %d); choose the exam again", a.ExamID, exam.Name, exam.ID))
	}
	switch {
	case a.Date.IsZero():
		errs = append(errs, Invalid("date", "is required; write it as YYYY-MM-DD"))
	case a.Date.After(today):
		errs = append(errs, Invalid("date", "%s is after today (%s); record an attempt once it is taken", a.Date, today))
	case !exam.Date.IsZero() && a.Date.After(exam.Date):
		errs = append(errs, Invalid("date", "%s is after the date of %s (%s); practice counts before the exam, so move the exam to its retake date first", a.Date, exam.Name, exam.Date))
	}
	if err := CheckText("source", a.Source, false, MaxNameLen); err != nil {
		errs = append(errs, err)
	}
	if err := CheckText("notes", a.Notes, false, MaxNoteLen); err != nil {
		errs = append(errs, err)
	}
	switch {
	case a.Duration < 0:
		errs = append(errs, Invalid("duration", "is %s; it cannot be negative (leave it 0 when not noted)", FormatStudyDuration(a.Duration)))
	case a.Duration > MaxAttemptDuration:
		errs = append(errs, Invalid("duration", "is %s; a practice test lasts at most 24 hours", FormatStudyDuration(a.Duration)))
	}
	if len(a.Scores) == 0 {
		errs = append(errs, Invalid("scores", "are empty; enter a score for at least one topic"))
	}
	seen := map[int64]int{}
	for i, s := range a.Scores {
		if err := s.Validate(); err != nil {
			errs = append(errs, fmt.Errorf("score %d: %w", i+1, err))
		}
		if first, ok := seen[s.TopicID]; ok && s.TopicID > 0 {
			errs = append(errs, fmt.Errorf("score %d: %w", i+1,
				Invalid("topic", "is already scored in score %d; enter each topic once per attempt (merge the two counts)", first)))
		}
		if _, ok := seen[s.TopicID]; !ok {
			seen[s.TopicID] = i + 1
		}
	}
	return errors.Join(errs...)
}

// Overall is the attempt's score in percent; ok is false when it has no
// usable score.
//
// Counted scores weigh by their number of questions, so 9/10 and 30/50 make
// 39/60 = 65 %, not the 75 % a plain mean would say. A percent-only score has
// no weight of its own: it weighs as much as the average counted topic of
// the same attempt (so it counts like a typical topic, neither drowned nor
// dominating). When every score is percent-only the result is their mean.
func (a Attempt) Overall() (float64, bool) {
	var correct, total, counted, percents int
	var percentSum float64
	for _, s := range a.Scores {
		switch {
		case s.PercentOnly:
			percentSum += s.Percent
			percents++
		case s.Total > 0:
			correct += s.Correct
			total += s.Total
			counted++
		}
	}
	switch {
	case counted == 0 && percents == 0:
		return 0, false
	case percents == 0:
		return 100 * float64(correct) / float64(total), true
	case counted == 0:
		return percentSum / float64(percents), true
	}
	weight := float64(total) / float64(counted)
	return (100*float64(correct) + percentSum*weight) / (float64(total) + float64(percents)*weight), true
}

// Score returns the attempt's score for topicID.
func (a Attempt) Score(topicID int64) (TopicScore, bool) {
	for _, s := range a.Scores {
		if s.TopicID == topicID {
			return s, true
		}
	}
	return TopicScore{}, false
}

// Key identifies an attempt for duplicate detection: its day, its exam and
// its source without case and spacing. Two attempts with the same key are
// the same practice test entered twice.
func (a Attempt) Key() string {
	return fmt.Sprintf("%s|%d|%s", a.Date, a.ExamID, NameKey(a.Source))
}

// CheckDuplicateAttempt refuses a that repeats an attempt in existing (same
// day, exam and source), other than itself (same ID) when editing. The error
// matches ErrConflict.
func CheckDuplicateAttempt(a Attempt, existing []Attempt) error {
	k := a.Key()
	for _, o := range existing {
		if (a.ID == 0 || o.ID != a.ID) && o.Key() == k {
			src := strings.TrimSpace(o.Source)
			if src == "" {
				src = "without source"
			} else {
				src = "from " + strconv.Quote(src)
			}
			return fmt.Errorf("%w: an attempt %s on %s is already recorded for this exam; edit that attempt instead, or give this one another source",
				ErrConflict, src, o.Date)
		}
	}
	return nil
}

// FindExam returns the exam called name, compared without case and with
// runs of spaces folded (the way an importer or a typed name matches).
func FindExam(exams []Exam, name string) (Exam, bool) {
	k := NameKey(name)
	for _, e := range exams {
		if NameKey(e.Name) == k {
			return e, true
		}
	}
	return Exam{}, false
}

// FindTopic returns the topic called name, compared as FindExam compares.
func FindTopic(topics []Topic, name string) (Topic, bool) {
	k := NameKey(name)
	for _, t := range topics {
		if NameKey(t.Name) == k {
			return t, true
		}
	}
	return Topic{}, false
}

// NameKey folds case and runs of spaces: how names of exams, topics and
// sources are compared, so an importer can group rows the way FindExam and
// CheckDuplicateAttempt match them.
func NameKey(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// MergeTopicScores remaps every score of topic from onto topic into, so
// that merging two topics keeps the whole history. It returns only the
// attempts that changed (new copies; the input is not modified), for the
// store to update in one transaction before it deletes topic from.
//
// When an attempt scored both topics the two scores become one: counts add
// up (8/10 and 5/10 make 13/20); if either is percent-only the result is
// percent-only, the mean of the two percentages, since a percentage carries
// no weight (the same rule as Overall).
func MergeTopicScores(attempts []Attempt, from, into int64) ([]Attempt, error) {
	if from <= 0 || into <= 0 {
		return nil, Invalid("topic", "choose both the topic to merge and the topic to keep")
	}
	if from == into {
		return nil, Invalid("topic", "a topic cannot be merged into itself; choose another topic to keep")
	}
	var changed []Attempt
	for _, a := range attempts {
		if _, ok := a.Score(from); !ok {
			continue
		}
		scores := make([]TopicScore, 0, len(a.Scores))
		at := -1 // index of the into score in scores
		for _, s := range a.Scores {
			if s.TopicID == from {
				s.TopicID = into
			}
			if s.TopicID != into {
				scores = append(scores, s)
				continue
			}
			if at < 0 {
				at = len(scores)
				scores = append(scores, s)
				continue
			}
			scores[at] = combineScores(scores[at], s)
		}
		a.Scores = scores
		changed = append(changed, a)
	}
	return changed, nil
}

func combineScores(a, b TopicScore) TopicScore {
	if a.PercentOnly || b.PercentOnly {
		return PercentScore(a.TopicID, (a.Value()+b.Value())/2)
	}
	return CountedScore(a.TopicID, a.Correct+b.Correct, a.Total+b.Total)
}

// MergeTopicInto returns into covering the exams of both topics, for the
// store to save when it merges from into it.
func MergeTopicInto(into, from Topic) Topic {
	ids := slices.Clone(into.ExamIDs)
	for _, id := range from.ExamIDs {
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	into.ExamIDs = ids
	return into
}

// SuggestTopics proposes exam domains for a track, matched loosely by its
// name ("MCM: Exchange Server 2010", "exchange 2010"). They are not taken
// from the program's (unpublished) exam outlines: they are the usual areas
// of each product, a starting list the user renames, merges and extends.
// An unknown track gets none.
func SuggestTopics(track string) []string {
	k := " " + normaliseWords(track) + " "
	has := func(words ...string) bool {
		for _, w := range words {
			if !strings.Contains(k, " "+w+" ") {
				return false
			}
		}
		return true
	}
	switch {
	case has("exchange", "2010"):
		return []string{"Client access", "Transport and message hygiene", "Mailbox databases and high availability (DAG)",
			"Unified Messaging", "Permissions and RBAC", "Compliance and records management",
			"Coexistence and migration", "Monitoring and troubleshooting"}
	case has("exchange", "2007"):
		return []string{"Client access", "Transport (Hub and Edge)", "Mailbox high availability (CCR, SCR)",
			"Unified Messaging", "Permissions and security", "Coexistence and migration",
			"Monitoring and troubleshooting"}
	case has("sql", "2008"):
		return []string{"Storage engine and database internals", "Query processing and tuning", "Indexes and statistics",
			"High availability (clustering, mirroring, log shipping)", "Backup and recovery", "Security",
			"Replication", "Monitoring and troubleshooting"}
	case has("directory", "2008"):
		return []string{"Forest and domain design", "Replication and sites", "DNS", "Group Policy",
			"Authentication and Kerberos", "Certificate Services (PKI)", "Backup and disaster recovery",
			"Troubleshooting"}
	case has("lync", "2010"):
		return []string{"Topology and infrastructure", "Enterprise Voice", "Conferencing", "External access and federation",
			"Clients and devices", "High availability and resiliency", "Monitoring and troubleshooting"}
	case has("office", "communications", "2007"), has("ocs", "2007"):
		return []string{"Topology and infrastructure", "Enterprise Voice", "Conferencing", "Edge and remote access",
			"Clients", "Monitoring and troubleshooting"}
	case has("sharepoint", "2010"):
		return []string{"Farm architecture and topology", "Service applications", "Search", "Authentication and security",
			"Backup, recovery and availability", "Solution deployment", "Performance and capacity", "Upgrade and migration"}
	case has("sharepoint", "2007"), has("moss", "2007"):
		return []string{"Farm architecture and topology", "Shared Services Providers", "Search", "Authentication and security",
			"Backup and recovery", "Solution deployment", "Performance and capacity"}
	}
	return nil
}

// formatPercent writes a percentage for a message: "70 %", "72.5 %", "NaN".
func formatPercent(p float64) string {
	return strconv.FormatFloat(p, 'f', -1, 64) + " %"
}
