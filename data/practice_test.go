package data

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"
	"time"
)

// prDay parses a YYYY-MM-DD date for practice tests.
func prDay(t *testing.T, s string) Date {
	t.Helper()
	v, err := ParseDate("test", s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// prCheckField asserts that err is nil when field is "", or holds a
// FieldError for field whose message contains msg.
func prCheckField(t *testing.T, err error, field, msg string) {
	t.Helper()
	if field == "" {
		if err != nil {
			t.Fatalf("want no error, got %v", err)
		}
		return
	}
	if !errors.Is(err, ErrInvalid) {
		t.Fatalf("want ErrInvalid on %s, got %v", field, err)
	}
	got := FieldMessage(err, field)
	if got == "" || !strings.Contains(got, msg) {
		t.Fatalf("field %s: want message containing %q, got %q (all: %v)", field, msg, got, err)
	}
}

func prExam(t *testing.T) Exam {
	t.Helper()
	return Exam{ID: 1, Name: "Written exam 1", Kind: ExamWritten, PassMark: 70, Date: prDay(t, "2009-01-20")}
}

func TestExamValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Exam)
		field  string
		msg    string
	}{
		{"valid", func(*Exam) {}, "", ""},
		{"valid without date", func(e *Exam) { e.Date = Date{} }, "", ""},
		{"valid lab at 100", func(e *Exam) { e.Kind, e.PassMark = ExamLab, 100 }, "", ""},
		{"valid passed", func(e *Exam) { e.Result, e.ResultDate = ExamPassed, e.Date }, "", ""},
		{"valid failed today", func(e *Exam) { e.Result, e.ResultDate = ExamFailed, e.Date.AddDays(10) }, "", ""},
		{"missing name", func(e *Exam) { e.Name = " " }, "name", "is required"},
		{"unknown kind", func(e *Exam) { e.Kind = "oral" }, "kind", "written or lab"},
		{"pass mark zero", func(e *Exam) { e.PassMark = 0 }, "pass mark", "is 0 %; enter a percentage above 0"},
		{"pass mark negative", func(e *Exam) { e.PassMark = -5 }, "pass mark", "is -5 %"},
		{"pass mark over 100", func(e *Exam) { e.PassMark = 100.5 }, "pass mark", "at most 100"},
		{"pass mark NaN", func(e *Exam) { e.PassMark = math.NaN() }, "pass mark", "NaN"},
		{"result without date", func(e *Exam) { e.Result = ExamFailed }, "result date", "is required with a result"},
		{"result in the future", func(e *Exam) { e.Result, e.ResultDate = ExamPassed, e.Date.AddDays(11) }, "result date", "after today"},
		{"date without result", func(e *Exam) { e.ResultDate = e.Date }, "result date", "no result"},
		{"unknown result", func(e *Exam) { e.Result, e.ResultDate = "withdrawn", e.Date }, "result", "choose passed, failed"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := prExam(t)
			tc.change(&e)
			prCheckField(t, e.Validate(prDay(t, "2009-01-30")), tc.field, tc.msg)
		})
	}
}

func TestDefaultExams(t *testing.T) {
	exams := DefaultExams()
	var names []string
	for _, e := range exams {
		names = append(names, e.Name)
		if e.PassMark != DefaultPassMark || DefaultPassMark != 70 {
			t.Errorf("%s: pass mark %v, want 70", e.Name, e.PassMark)
		}
		if err := e.Validate(prDay(t, "2026-01-01")); err != nil {
			t.Errorf("%s: %v", e.Name, err)
		}
	}
	if want := []string{"Written exam 1", "Written exam 2", "Written exam 3", "Lab exam"}; !slices.Equal(names, want) {
		t.Fatalf("names %v, want %v", names, want)
	}
	if exams[3].Kind != ExamLab || exams[0].Kind != ExamWritten {
		t.Fatalf("kinds %q, %q", exams[0].Kind, exams[3].Kind)
	}
}

func TestRetakeMilestone(t *testing.T) {
	e := prExam(t)
	if _, ok := e.RetakeMilestone(3); ok {
		t.Fatal("an exam not sat needs no retake")
	}
	e.Result, e.ResultDate = ExamPassed, e.Date
	if _, ok := e.RetakeMilestone(3); ok {
		t.Fatal("a passed exam needs no retake")
	}
	e.Result = ExamFailed
	m, ok := e.RetakeMilestone(3)
	if !ok {
		t.Fatal("a failed exam gets a retake milestone")
	}
	want := Milestone{RotationID: 3, Title: "Retake: Written exam 1", Due: prDay(t, "2009-02-19"), Kind: MilestoneRetake}
	if m != want {
		t.Fatalf("got %+v, want %+v", m, want)
	}
	if err := m.Validate(); err != nil {
		t.Fatal(err)
	}
}

func TestTopicValidate(t *testing.T) {
	tests := []struct {
		name  string
		topic Topic
		field string
		msg   string
	}{
		{"valid", Topic{Name: "Transport", ExamIDs: []int64{1, 4}}, "", ""},
		{"valid without exams", Topic{Name: "Transport"}, "", ""},
		{"missing name", Topic{Name: ""}, "name", "is required"},
		{"name too long", Topic{Name: strings.Repeat("x", MaxNameLen+1)}, "name", "limit is 200"},
		{"bad exam id", Topic{Name: "DNS", ExamIDs: []int64{0}}, "exams", "exam id 0"},
		{"exam twice", Topic{Name: "DNS", ExamIDs: []int64{2, 2}}, "exams", "twice"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			prCheckField(t, tc.topic.Validate(), tc.field, tc.msg)
		})
	}
	if !(Topic{ExamIDs: []int64{1, 4}}).Covers(4) || (Topic{ExamIDs: []int64{1}}).Covers(4) {
		t.Fatal("Covers")
	}
}

func TestTopicScoreValidate(t *testing.T) {
	tests := []struct {
		name  string
		score TopicScore
		field string
		msg   string
	}{
		{"valid", CountedScore(1, 8, 10), "", ""},
		{"valid all wrong", CountedScore(1, 0, 10), "", ""},
		{"valid all right", CountedScore(1, 10, 10), "", ""},
		{"valid percent", PercentScore(1, 72.5), "", ""},
		{"valid percent zero", PercentScore(1, 0), "", ""},
		{"valid percent 100", PercentScore(1, 100), "", ""},
		{"correct over total", CountedScore(1, 11, 10), "correct", "is 11, more than the total 10"},
		{"total zero", CountedScore(1, 0, 0), "total", "is 0; a score needs at least 1 question"},
		{"total negative", CountedScore(1, 0, -3), "total", "is -3"},
		{"total too big", CountedScore(1, 5, MaxQuestions+1), "total", "typing slip"},
		{"correct negative", CountedScore(1, -1, 10), "correct", "cannot be negative"},
		{"no topic", CountedScore(0, 1, 10), "topic", "is required"},
		{"percent over 100", PercentScore(1, 100.1), "percent", "from 0 to 100"},
		{"percent negative", PercentScore(1, -1), "percent", "is -1 %"},
		{"percent NaN", PercentScore(1, math.NaN()), "percent", "NaN"},
		{"percent and counts", TopicScore{TopicID: 1, Correct: 3, Total: 4, Percent: 75, PercentOnly: true}, "percent", "not both"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			prCheckField(t, tc.score.Validate(), tc.field, tc.msg)
		})
	}
}

func TestTopicScoreValue(t *testing.T) {
	tests := []struct {
		name  string
		score TopicScore
		want  float64
	}{
		{"exact seventy", CountedScore(1, 35, 50), 70},
		{"a third", CountedScore(1, 1, 3), 100.0 / 3},
		{"percent", PercentScore(1, 72.5), 72.5},
		{"invalid total", CountedScore(1, 3, 0), 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.score.Value(); got != tc.want {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestParseTopicScore(t *testing.T) {
	tests := []struct {
		name           string
		correct, total string
		want           TopicScore
		field, msg     string
	}{
		{"counts", "32", "40", CountedScore(0, 32, 40), "", ""},
		{"counts with spaces", " 7 ", " 9", CountedScore(0, 7, 9), "", ""},
		{"percent", "85%", "", PercentScore(0, 85), "", ""},
		{"percent with space and decimals", "72.5 %", " ", PercentScore(0, 72.5), "", ""},
		{"percent with total", "85%", "40", TopicScore{}, "total", "leave total empty"},
		{"percent not a number", "abc%", "", TopicScore{}, "correct", "not a percentage"},
		{"percent infinite", "Inf%", "", TopicScore{}, "correct", "not a percentage"},
		{"percent over 100", "120%", "", TopicScore{}, "percent", "from 0 to 100"},
		{"correct not a number", "eight", "10", TopicScore{}, "correct", "not a whole number"},
		{"correct empty", "", "10", TopicScore{}, "correct", "not a whole number"},
		{"total empty", "8", "", TopicScore{}, "total", "is empty"},
		{"total not a number", "8", "ten", TopicScore{}, "total", "not a whole number"},
		{"correct over total", "11", "10", TopicScore{}, "correct", "more than the total"},
		{"total zero", "0", "0", TopicScore{}, "total", "at least 1 question"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseTopicScore(tc.correct, tc.total)
			prCheckField(t, err, tc.field, tc.msg)
			if tc.field == "" && got != tc.want {
				t.Fatalf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestFormatTopicScoreRoundTrip(t *testing.T) {
	for _, s := range []TopicScore{CountedScore(0, 32, 40), PercentScore(0, 85), PercentScore(0, 72.25), PercentScore(0, 0)} {
		c, tot := FormatTopicScore(s)
		back, err := ParseTopicScore(c, tot)
		if err != nil || back != s {
			t.Errorf("%+v -> %q,%q -> %+v, %v", s, c, tot, back, err)
		}
	}
}

func prAttempt(t *testing.T) Attempt {
	t.Helper()
	return Attempt{ID: 7, ExamID: 1, Date: prDay(t, "2009-01-10"), Source: "MeasureUp", Duration: 90 * time.Minute,
		Scores: []TopicScore{CountedScore(10, 8, 10), PercentScore(11, 60)}}
}

func TestAttemptValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Attempt)
		field  string
		msg    string
	}{
		{"valid", func(*Attempt) {}, "", ""},
		{"valid without source or duration", func(a *Attempt) { a.Source, a.Duration = "", 0 }, "", ""},
		{"valid on the exam day", func(a *Attempt) { a.Date = prDay(t, "2009-01-20") }, "", ""},
		{"no exam", func(a *Attempt) { a.ExamID = 0 }, "exam", "is required"},
		{"other exam", func(a *Attempt) { a.ExamID = 2 }, "exam", "checked against Written exam 1"},
		{"no date", func(a *Attempt) { a.Date = Date{} }, "date", "is required"},
		{"after the exam", func(a *Attempt) { a.Date = prDay(t, "2009-01-21") }, "date", "after the date of Written exam 1 (2009-01-20)"},
		{"in the future", func(a *Attempt) { a.Date = prDay(t, "2009-02-01") }, "date", "after today"},
		{"negative duration", func(a *Attempt) { a.Duration = -time.Minute }, "duration", "cannot be negative"},
		{"duration over a day", func(a *Attempt) { a.Duration = 25 * time.Hour }, "duration", "at most 24 hours"},
		{"source too long", func(a *Attempt) { a.Source = strings.Repeat("s", MaxNameLen+1) }, "source", "limit is 200"},
		{"notes too long", func(a *Attempt) { a.Notes = strings.Repeat("n", MaxNoteLen+1) }, "notes", "limit is 4000"},
		{"no scores", func(a *Attempt) { a.Scores = nil }, "scores", "at least one topic"},
		{"topic twice", func(a *Attempt) { a.Scores = append(a.Scores, CountedScore(10, 1, 2)) }, "topic", "already scored in score 1"},
		{"bad score", func(a *Attempt) { a.Scores[0].Correct = 12 }, "correct", "more than the total 10"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := prAttempt(t)
			a.Scores = slices.Clone(a.Scores)
			tc.change(&a)
			prCheckField(t, a.Validate(prExam(t), prDay(t, "2009-01-30")), tc.field, tc.msg)
		})
	}
	t.Run("exam without date", func(t *testing.T) {
		a, e := prAttempt(t), prExam(t)
		e.Date, a.Date = Date{}, prDay(t, "2009-01-29")
		if err := a.Validate(e, prDay(t, "2009-01-30")); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("score errors say which score", func(t *testing.T) {
		a := prAttempt(t)
		a.Scores = []TopicScore{CountedScore(10, 1, 2), CountedScore(11, 0, 0)}
		err := a.Validate(prExam(t), prDay(t, "2009-01-30"))
		if err == nil || !strings.Contains(err.Error(), "score 2: total") {
			t.Fatalf("got %v", err)
		}
	})
}

func TestAttemptOverall(t *testing.T) {
	tests := []struct {
		name   string
		scores []TopicScore
		want   float64
		ok     bool
	}{
		{"weighted by totals", []TopicScore{CountedScore(1, 9, 10), CountedScore(2, 30, 50)}, 65, true},
		{"exactly seventy", []TopicScore{CountedScore(1, 20, 25), CountedScore(2, 15, 25)}, 70, true},
		{"percent only is the mean", []TopicScore{PercentScore(1, 80), PercentScore(2, 50)}, 65, true},
		// Counted 28/30 over two topics, so the average topic has 15 questions;
		// the 50 % topic weighs 15: (2800 + 50*15) / (30 + 15).
		{"percent weighs as the average counted topic", []TopicScore{CountedScore(1, 8, 10), CountedScore(2, 20, 20), PercentScore(3, 50)}, 3550.0 / 45, true},
		{"one of each weighs the same", []TopicScore{CountedScore(1, 90, 100), PercentScore(2, 50)}, 70, true},
		{"no scores", nil, 0, false},
		{"only a broken score", []TopicScore{CountedScore(1, 0, 0)}, 0, false},
		{"broken score ignored", []TopicScore{CountedScore(1, 0, 0), CountedScore(2, 3, 4)}, 75, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := Attempt{Scores: tc.scores}.Overall()
			if ok != tc.ok || math.Abs(got-tc.want) > 1e-9 {
				t.Fatalf("got %v, %v; want %v, %v", got, ok, tc.want, tc.ok)
			}
		})
	}
}

func TestCheckDuplicateAttempt(t *testing.T) {
	base := prAttempt(t)
	existing := []Attempt{base, {ID: 8, ExamID: 1, Date: base.Date, Source: ""}}
	tests := []struct {
		name     string
		change   func(*Attempt)
		conflict bool
	}{
		{"same key new attempt", func(a *Attempt) { a.ID = 0 }, true},
		{"source case and spacing ignored", func(a *Attempt) { a.ID, a.Source = 0, "  measureup " }, true},
		{"both without source", func(a *Attempt) { a.ID, a.Source = 0, " " }, true},
		{"editing itself", func(*Attempt) {}, false},
		{"editing into another's key", func(a *Attempt) { a.Source = "" }, true},
		{"other source", func(a *Attempt) { a.ID, a.Source = 0, "Transcender" }, false},
		{"other day", func(a *Attempt) { a.ID, a.Date = 0, a.Date.AddDays(1) }, false},
		{"other exam", func(a *Attempt) { a.ID, a.ExamID = 0, 2 }, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := base
			tc.change(&a)
			err := CheckDuplicateAttempt(a, existing)
			if got := errors.Is(err, ErrConflict); got != tc.conflict {
				t.Fatalf("conflict %v, want %v (%v)", got, tc.conflict, err)
			}
			if tc.conflict && !strings.Contains(err.Error(), "2009-01-10") {
				t.Fatalf("message should name the day: %v", err)
			}
		})
	}
}

func TestFindExamAndTopic(t *testing.T) {
	exams := DefaultExams()
	for i := range exams {
		exams[i].ID = int64(i + 1)
	}
	if e, ok := FindExam(exams, "  written   EXAM 2 "); !ok || e.ID != 2 {
		t.Fatalf("got %+v, %v", e, ok)
	}
	if _, ok := FindExam(exams, "Written exam 4"); ok {
		t.Fatal("found an exam that does not exist")
	}
	topics := []Topic{{ID: 5, Name: "Replication and sites"}, {ID: 6, Name: "DNS"}}
	if tp, ok := FindTopic(topics, "dns"); !ok || tp.ID != 6 {
		t.Fatalf("got %+v, %v", tp, ok)
	}
	if _, ok := FindTopic(topics, "Replication"); ok {
		t.Fatal("a prefix is not the same topic")
	}
}

func TestMergeTopicScores(t *testing.T) {
	day := prDay(t, "2009-01-05")
	attempts := []Attempt{
		{ID: 1, ExamID: 1, Date: day, Scores: []TopicScore{CountedScore(5, 6, 10), CountedScore(9, 3, 5)}},
		{ID: 2, ExamID: 1, Date: day.AddDays(7), Scores: []TopicScore{CountedScore(9, 4, 5)}},
		{ID: 3, ExamID: 1, Date: day.AddDays(14), Scores: []TopicScore{CountedScore(6, 8, 10)}},
		{ID: 4, ExamID: 1, Date: day.AddDays(21), Scores: []TopicScore{CountedScore(9, 8, 10), CountedScore(6, 1, 1), CountedScore(5, 7, 10)}},
		{ID: 5, ExamID: 1, Date: day.AddDays(28), Scores: []TopicScore{PercentScore(5, 40), CountedScore(9, 9, 10)}},
	}
	before := make([]float64, len(attempts))
	for i, a := range attempts {
		before[i], _ = a.Overall()
	}
	orig := slices.Clone(attempts[0].Scores)

	changed, err := MergeTopicScores(attempts, 9, 5)
	if err != nil {
		t.Fatal(err)
	}
	want := map[int64][]TopicScore{
		1: {CountedScore(5, 9, 15)},
		2: {CountedScore(5, 4, 5)},
		4: {CountedScore(5, 15, 20), CountedScore(6, 1, 1)},
		5: {PercentScore(5, 65)},
	}
	if len(changed) != len(want) {
		t.Fatalf("changed %d attempts, want %d: %+v", len(changed), len(want), changed)
	}
	for _, a := range changed {
		if !slices.Equal(a.Scores, want[a.ID]) {
			t.Errorf("attempt %d: scores %+v, want %+v", a.ID, a.Scores, want[a.ID])
		}
	}
	t.Run("counted overall scores unchanged", func(t *testing.T) {
		for _, a := range changed[:3] {
			got, _ := a.Overall()
			if math.Abs(got-before[a.ID-1]) > 1e-9 {
				t.Errorf("attempt %d: overall %v, was %v", a.ID, got, before[a.ID-1])
			}
		}
	})
	t.Run("input untouched", func(t *testing.T) {
		if !slices.Equal(attempts[0].Scores, orig) {
			t.Fatalf("input changed: %+v", attempts[0].Scores)
		}
	})
	t.Run("history kept in the forecast", func(t *testing.T) {
		merged := slices.Clone(attempts)
		for _, c := range changed {
			merged[c.ID-1] = c
		}
		f := ForecastTopics([]Topic{{ID: 5, Name: "Transport"}}, nil, merged, day, 0)
		if got := f[0].Attempts(); got != 4 {
			t.Fatalf("merged topic has %d scores, want 4 (attempts 1, 2, 4 and 5)", got)
		}
		if f[0].Points[1].AttemptID != 2 || f[0].Points[1].Percent != 80 {
			t.Fatalf("attempt 2's score of the merged topic lost: %+v", f[0].Points)
		}
	})
	for _, bad := range []struct {
		name       string
		from, into int64
	}{{"into itself", 5, 5}, {"no from", 0, 5}, {"no into", 5, -1}} {
		t.Run(bad.name, func(t *testing.T) {
			if _, err := MergeTopicScores(attempts, bad.from, bad.into); !errors.Is(err, ErrInvalid) {
				t.Fatalf("want ErrInvalid, got %v", err)
			}
		})
	}
}

func TestMergeTopicInto(t *testing.T) {
	into := Topic{ID: 5, Name: "Transport", ExamIDs: []int64{4, 1}}
	got := MergeTopicInto(into, Topic{ID: 9, Name: "Mail flow", ExamIDs: []int64{2, 4}})
	if got.ID != 5 || got.Name != "Transport" || !slices.Equal(got.ExamIDs, []int64{1, 2, 4}) {
		t.Fatalf("got %+v", got)
	}
	if !slices.Equal(into.ExamIDs, []int64{4, 1}) {
		t.Fatalf("input changed: %v", into.ExamIDs)
	}
}

func TestSuggestTopics(t *testing.T) {
	tracks := []string{
		"MCM: Exchange Server 2010", "MCM: Exchange Server 2007", "MCM: SQL Server 2008",
		"MCM: Windows Server 2008 R2: Directory", "MCM: Windows Server 2008 - Directory",
		"MCM: Lync Server 2010", "MCM: SharePoint Server 2010",
		"MCM: Office Communications Server 2007", "MCM: Office SharePoint Server 2007",
	}
	seen := map[string]string{}
	for _, tr := range tracks {
		t.Run(tr, func(t *testing.T) {
			got := SuggestTopics(tr)
			if len(got) < 5 || len(got) > 10 {
				t.Fatalf("%d topics, want a modest list of 5 to 10: %v", len(got), got)
			}
			names := map[string]bool{}
			for _, name := range got {
				if err := (Topic{Name: name}).Validate(); err != nil {
					t.Errorf("%q: %v", name, err)
				}
				if names[NameKey(name)] {
					t.Errorf("%q twice", name)
				}
				names[NameKey(name)] = true
			}
			seen[tr] = strings.Join(got, "|")
		})
	}
	if seen["MCM: Exchange Server 2010"] == seen["MCM: Exchange Server 2007"] {
		t.Error("Exchange 2010 and 2007 should differ (DAG vs CCR)")
	}
	if seen["MCM: SharePoint Server 2010"] == seen["MCM: Office SharePoint Server 2007"] {
		t.Error("SharePoint 2010 and MOSS 2007 should differ")
	}
	if got := SuggestTopics("exchange 2010"); strings.Join(got, "|") != seen["MCM: Exchange Server 2010"] {
		t.Errorf("loose name not matched: %v", got)
	}
	if got := SuggestTopics("MOSS 2007"); len(got) == 0 || got[1] != "Shared Services Providers" {
		t.Errorf("MOSS 2007: %v", got)
	}
	for _, none := range []string{"", "MCSM: Microsoft Certified Solutions Master", "Exchange Server 2013", "SQL Server 2012"} {
		if got := SuggestTopics(none); got != nil {
			t.Errorf("%q: want no suggestions, got %v", none, got)
		}
	}
}
