package transfer

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/masterplan-app/masterplan/data"
)

func practiceDay(t testing.TB, s string) data.Date {
	t.Helper()
	d, err := data.ParseDate("test", s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// practiceFixture is a database as the importer sees it: exam 1 on
// 2009-01-20, an undated lab exam, three topics, today 2009-01-30.
func practiceFixture(t testing.TB) PracticeImport {
	t.Helper()
	return PracticeImport{
		Exams: []data.Exam{
			{ID: 1, Name: "Written exam 1", Kind: data.ExamWritten, PassMark: 70, Date: practiceDay(t, "2009-01-20")},
			{ID: 4, Name: "Lab exam", Kind: data.ExamLab, PassMark: 70},
		},
		Topics: []data.Topic{{ID: 10, Name: "Transport"}, {ID: 11, Name: "Client access"}, {ID: 12, Name: "High availability"}},
		Today:  practiceDay(t, "2009-01-30"),
	}
}

func practiceRejectedText(rs []Rejected) string {
	var b strings.Builder
	for _, r := range rs {
		fmt.Fprintln(&b, r)
	}
	return b.String()
}

func TestImportPractice(t *testing.T) {
	in := "Date,EXAM,Topic,Correct,Total,Source,Duration_Min,Notes\n" +
		"2009-01-05,Written exam 1,Transport,8,10,MeasureUp,90,first try\n" +
		"2009-01-05,written  exam 1, client access ,60%,,measureup,90,first try\n" +
		"2009-01-12,Lab exam,Transport,30,40,own lab,,\n" +
		"2009-01-05,Written exam 1,High availability,5,10,Transcender,1h30m,\"'-tired, \"\"DAG\"\" again\"\n" +
		"\n" +
		"2009-01-05,Written exam 1,High Availability,7,10,MeasureUp,,ran out of time\n"
	p, err := ImportPractice("practice.csv", []byte(in), practiceFixture(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Rejected) != 0 || len(p.Warnings) != 0 || len(p.UnknownExams) != 0 || len(p.UnknownTopics) != 0 {
		t.Fatalf("rejected %s warnings %v unknown %v %v", practiceRejectedText(p.Rejected), p.Warnings, p.UnknownExams, p.UnknownTopics)
	}
	day := practiceDay(t, "2009-01-05")
	want := []ImportedAttempt{
		{Exam: "Written exam 1", Topics: []string{"Transport", "Client access", "High availability"}, Lines: []int{2, 3, 7},
			Attempt: data.Attempt{ExamID: 1, Date: day, Source: "MeasureUp", Duration: 90 * time.Minute, Notes: "first try\nran out of time",
				Scores: []data.TopicScore{data.CountedScore(10, 8, 10), data.PercentScore(11, 60), data.CountedScore(12, 7, 10)}}},
		{Exam: "Lab exam", Topics: []string{"Transport"}, Lines: []int{4},
			Attempt: data.Attempt{ExamID: 4, Date: day.AddDays(7), Source: "own lab", Scores: []data.TopicScore{data.CountedScore(10, 30, 40)}}},
		{Exam: "Written exam 1", Topics: []string{"High availability"}, Lines: []int{5},
			Attempt: data.Attempt{ExamID: 1, Date: day, Source: "Transcender", Duration: 90 * time.Minute, Notes: "-tired, \"DAG\" again",
				Scores: []data.TopicScore{data.CountedScore(12, 5, 10)}}},
	}
	if len(p.Accepted) != len(want) || !slices.Equal(p.Lines, []int{2, 4, 5}) {
		t.Fatalf("accepted %d on lines %v, want %d on 2, 4, 5", len(p.Accepted), p.Lines, len(want))
	}
	for i, w := range want {
		if !practiceSameImported(p.Accepted[i], w) {
			t.Errorf("attempt %d =\n%+v\nwant\n%+v", i, p.Accepted[i], w)
		}
		exam, _ := data.FindExam(practiceFixture(t).Exams, w.Exam)
		if err := p.Accepted[i].Attempt.Validate(exam, practiceFixture(t).Today); err != nil {
			t.Errorf("attempt %d invalid: %v", i, err)
		}
	}
}

func practiceSameImported(a, b ImportedAttempt) bool {
	return a.Exam == b.Exam && slices.Equal(a.Topics, b.Topics) && slices.Equal(a.Lines, b.Lines) && practiceSameAttempt(a.Attempt, b.Attempt)
}

func practiceSameAttempt(a, b data.Attempt) bool {
	return a.ID == b.ID && a.ExamID == b.ExamID && a.Date == b.Date && a.Source == b.Source && a.Duration == b.Duration &&
		a.Notes == b.Notes && slices.Equal(a.Scores, b.Scores)
}

func TestImportPracticeUnknownNames(t *testing.T) {
	in := "date,exam,topic,correct,total\n" +
		"2009-01-06,Written exam 2,DNS,7,10\n" +
		"2009-01-06,Written exam 2,Transport,6,10\n" +
		"2009-01-07,written exam 2,dns,8,10\n" +
		"2009-01-07,Written exam 1,Mail flow,9,10\n"
	opt := practiceFixture(t)
	t.Run("offered to create", func(t *testing.T) {
		p, err := ImportPractice("practice.csv", []byte(in), opt)
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Accepted) != 3 || len(p.Rejected) != 0 {
			t.Fatalf("accepted %d, rejected:\n%s", len(p.Accepted), practiceRejectedText(p.Rejected))
		}
		if !slices.Equal(p.UnknownExams, []string{"Written exam 2"}) || !slices.Equal(p.UnknownTopics, []string{"DNS", "Mail flow"}) {
			t.Fatalf("unknown exams %q topics %q", p.UnknownExams, p.UnknownTopics)
		}
		first := p.Accepted[0].Attempt
		if first.ExamID != 0 || first.Scores[0].TopicID != 0 || first.Scores[1].TopicID != 10 {
			t.Fatalf("IDs of unknown names must be 0 until created: %+v", first)
		}
		if _, err := p.Accepted[0].Resolve(opt.Exams, opt.Topics); !errors.Is(err, data.ErrNotFound) {
			t.Fatalf("resolve before creating: %v", err)
		}
		exams := append(slices.Clone(opt.Exams), data.Exam{ID: 2, Name: "Written exam 2", Kind: data.ExamWritten, PassMark: 70})
		topics := append(slices.Clone(opt.Topics), data.Topic{ID: 13, Name: "DNS"}, data.Topic{ID: 14, Name: "Mail flow"})
		got, err := p.Accepted[2].Resolve(exams, topics)
		if err != nil || got.ExamID != 1 || got.Scores[0].TopicID != 14 {
			t.Fatalf("resolved %+v, %v", got, err)
		}
		got, err = p.Accepted[1].Resolve(exams, topics)
		if err != nil || got.ExamID != 2 || got.Scores[0].TopicID != 13 {
			t.Fatalf("resolved %+v, %v", got, err)
		}
		if p.Accepted[1].Attempt.Scores[0].TopicID != 0 {
			t.Fatal("Resolve changed the preview")
		}
	})
	t.Run("strict", func(t *testing.T) {
		opt := opt
		opt.Strict = true
		p, err := ImportPractice("practice.csv", []byte(in), opt)
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Accepted) != 0 || len(p.UnknownExams)+len(p.UnknownTopics) != 0 {
			t.Fatalf("strict accepted %+v, unknown %v %v", p.Accepted, p.UnknownExams, p.UnknownTopics)
		}
		want := []Rejected{
			{2, "exam", `"Written exam 2" is not an exam; create it first`},
			{2, "topic", `"DNS" is not a topic; create it first`},
			{3, "", "belongs to the attempt on 2009-01-06 whose row on line 2 was rejected"},
			{4, "exam", `"written exam 2" is not an exam`},
			{4, "topic", `"dns" is not a topic`},
			{5, "topic", `"Mail flow" is not a topic`},
		}
		practiceWantRejected(t, p.Rejected, want)
	})
}

// practiceWantRejected compares rejections by line, field and a part of the reason.
func practiceWantRejected(t *testing.T, got, want []Rejected) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d rejections, want %d:\n%s", len(got), len(want), practiceRejectedText(got))
	}
	for i, w := range want {
		g := got[i]
		if g.Line != w.Line || g.Field != w.Field || !strings.Contains(g.Reason, w.Reason) {
			t.Errorf("rejection %d = %v\nwant line %d field %q reason containing %q", i, g, w.Line, w.Field, w.Reason)
		}
	}
}

func TestImportPracticeRejects(t *testing.T) {
	const head = "date,exam,topic,correct,total,source,duration_min,notes\n"
	row := func(date, topic, correct, total, source, dur string) string {
		return date + ",Written exam 1," + topic + "," + correct + "," + total + "," + source + "," + dur + ",\n"
	}
	existing := []data.Attempt{{ID: 3, ExamID: 1, Date: practiceDay(t, "2009-01-05"), Source: "MeasureUp",
		Scores: []data.TopicScore{data.CountedScore(10, 1, 2)}}}
	tests := []struct {
		name string
		rows string
		want []Rejected
	}{
		{"correct over total", row("2009-01-05", "Transport", "11", "10", "", ""),
			[]Rejected{{2, "correct", "is 11, more than the total 10"}}},
		{"total zero", row("2009-01-05", "Transport", "0", "0", "", ""),
			[]Rejected{{2, "total", "is 0; a score needs at least 1 question"}}},
		{"total missing", row("2009-01-05", "Transport", "8", "", "", ""),
			[]Rejected{{2, "total", "is empty"}}},
		{"percent over 100", row("2009-01-05", "Transport", "101%", "", "", ""),
			[]Rejected{{2, "correct", "from 0 to 100"}}},
		{"bad date", row("2009-02-30", "Transport", "8", "10", "", ""),
			[]Rejected{{2, "date", `"2009-02-30" is not a date`}}},
		{"no date", row("", "Transport", "8", "10", "", ""),
			[]Rejected{{2, "date", "is required"}}},
		{"no exam", "2009-01-05,,Transport,8,10,,,\n",
			[]Rejected{{2, "exam", "is required"}}},
		{"no topic", row("2009-01-05", " ", "8", "10", "", ""),
			[]Rejected{{2, "topic", "is required"}}},
		{"after the exam", row("2009-01-21", "Transport", "8", "10", "", ""),
			[]Rejected{{2, "date", "after the date of Written exam 1 (2009-01-20)"}}},
		{"in the future", "2009-01-31,Lab exam,Transport,8,10,,,\n",
			[]Rejected{{2, "date", "after today (2009-01-30)"}}},
		{"bad duration", row("2009-01-05", "Transport", "8", "10", "", "an hour"),
			[]Rejected{{2, "duration_min", `"an hour" is not a duration`}}},
		{"negative duration", row("2009-01-05", "Transport", "8", "10", "", "-5"),
			[]Rejected{{2, "duration_min", "is negative"}}},
		{"duration over a day", row("2009-01-05", "Transport", "8", "10", "", "1441"),
			[]Rejected{{2, "duration_min", "more than 24 hours"}}},
		{"durations disagree", row("2009-01-05", "Transport", "8", "10", "", "90") + row("2009-01-05", "DNS", "8", "10", "", "60"),
			[]Rejected{{2, "", "whose row on line 3 was rejected"}, {3, "duration_min", "is 60 here but 1h30m on line 2"}}},
		{"same duration written differently", row("2009-01-05", "Transport", "8", "10", "", "90") + row("2009-01-05", "Client access", "8", "10", "", "1h30m"),
			nil},
		{"topic twice", row("2009-01-05", "Transport", "8", "10", "", "") + row("2009-01-05", "transport", "2", "10", "", ""),
			[]Rejected{{2, "", "whose row on line 3 was rejected"}, {3, "topic", `"transport" is already scored for this attempt on line 2`}}},
		{"one bad row rejects the attempt", row("2009-01-05", "Transport", "8", "10", "", "") + row("2009-01-05", "Client access", "x", "10", "", "") +
			row("2009-01-06", "Transport", "8", "10", "", ""),
			[]Rejected{{2, "", "whose row on line 3 was rejected; an attempt is imported whole or not at all"}, {3, "correct", "not a whole number"}}},
		{"duplicate of a stored attempt", row("2009-01-05", "Transport", "8", "10", " measureup", "") + row("2009-01-05", "Client access", "8", "10", "MeasureUp", ""),
			[]Rejected{{2, "", `an attempt from "MeasureUp" on 2009-01-05 is already recorded for this exam`}, {3, "", "whose row on line 2 was rejected"}}},
		{"other source is no duplicate", row("2009-01-05", "Transport", "8", "10", "Transcender", ""), nil},
		{"source too long", row("2009-01-05", "Transport", "8", "10", strings.Repeat("s", data.MaxNameLen+1), ""),
			[]Rejected{{2, "source", "limit is 200"}}},
		{"joined notes too long", "2009-01-05,Written exam 1,Transport,8,10,,," + strings.Repeat("a", 3000) + "\n" +
			"2009-01-05,Written exam 1,DNS,8,10,,," + strings.Repeat("b", 3000) + "\n",
			[]Rejected{{2, "notes", "the notes of this attempt's rows, joined, is 6001 characters long"}, {3, "", "whose row on line 2 was rejected"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			opt := practiceFixture(t)
			opt.Existing = existing
			p, err := ImportPractice("practice.csv", []byte(head+tc.rows), opt)
			if err != nil {
				t.Fatal(err)
			}
			practiceWantRejected(t, p.Rejected, tc.want)
			rejected := map[int]bool{}
			for _, r := range p.Rejected {
				rejected[r.Line] = true
			}
			for _, ia := range p.Accepted {
				for _, l := range ia.Lines {
					if rejected[l] {
						t.Errorf("line %d both accepted and rejected", l)
					}
				}
			}
		})
	}
}

func TestImportPracticeHeaderNamesInRejections(t *testing.T) {
	in := "Notes;DATE;Exam;Topic;Correct;Total;Mood\n;2009-01-05;Written exam 1;Transport;9;8;ok\n;2009-01-05;Lab exam;Transport;45%;;fine\n"
	p, err := ImportPractice("practice.csv", []byte(in), practiceFixture(t))
	if err != nil {
		t.Fatal(err)
	}
	practiceWantRejected(t, p.Rejected, []Rejected{{2, "Correct", "more than the total 8"}})
	if len(p.Accepted) != 1 || p.Accepted[0].Attempt.Scores[0] != data.PercentScore(10, 45) {
		t.Fatalf("accepted %+v", p.Accepted)
	}
	if len(p.Warnings) != 1 || !strings.Contains(p.Warnings[0], "Mood") {
		t.Fatalf("warnings %v", p.Warnings)
	}
}

func TestImportPracticeDurations(t *testing.T) {
	tests := []struct {
		cell string
		want time.Duration
	}{
		{"", 0}, {"0", 0}, {"90", 90 * time.Minute}, {"37.5", 37*time.Minute + 30*time.Second},
		{"37.33", 37*time.Minute + 20*time.Second}, {"1h30m", 90 * time.Minute}, {"2:15", 135 * time.Minute},
	}
	for _, tc := range tests {
		t.Run(tc.cell, func(t *testing.T) {
			in := "date,exam,topic,correct,total,duration_min\n2009-01-05,Lab exam,Transport,1,2," + tc.cell + "\n"
			p, err := ImportPractice("practice.csv", []byte(in), practiceFixture(t))
			if err != nil || len(p.Accepted) != 1 {
				t.Fatalf("%v %s", err, practiceRejectedText(p.Rejected))
			}
			if got := p.Accepted[0].Attempt.Duration; got != tc.want {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestImportPracticeRefusesTheFile(t *testing.T) {
	tests := []struct {
		name string
		in   string
		opt  func(*PracticeImport)
		msg  string
	}{
		{"empty", "", nil, "empty"},
		{"blank", " \n\n", nil, "empty"},
		{"header only", "date,exam,topic,correct,total\n", nil, "no rows below it"},
		{"missing column", "date,exam,correct,total\n2009-01-05,Lab exam,1,2\n", nil, "(topic is missing)"},
		{"no header", "2009-01-05,Lab exam,Transport,1,2\n", nil, "(date is missing)"},
		{"column twice", "date,exam,topic,correct,Topic\n2009-01-05,Lab exam,a,1,b\n", nil, "twice"},
		{"binary", "date,exam,topic,correct\n\x00\x01\x02", nil, "binary"},
		{"not utf-8", "date,exam,topic,correct,total\n2009-01-05,Lab \xff,Transport,1,2\n", nil, "not UTF-8"},
		{"bad quotes", "date,exam,topic,correct\n2009-01-05,\"Lab,Transport,1\n", nil, "quoted field is not closed"},
		{"no today", "date,exam,topic,correct,total\n2009-01-05,Lab exam,Transport,1,2\n", func(o *PracticeImport) { o.Today = data.Date{} }, "today"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			opt := practiceFixture(t)
			if tc.opt != nil {
				tc.opt(&opt)
			}
			p, err := ImportPractice("practice.csv", []byte(tc.in), opt)
			if !errors.Is(err, data.ErrInvalid) || !strings.Contains(err.Error(), "import practice.csv") || !strings.Contains(err.Error(), tc.msg) {
				t.Fatalf("got %v, want ErrInvalid naming the file and containing %q", err, tc.msg)
			}
			if len(p.Accepted) != 0 {
				t.Fatal("a refused file accepted rows")
			}
		})
	}
}

func practiceExportFixture(t testing.TB) ([]data.Attempt, []data.Exam, []data.Topic) {
	t.Helper()
	opt := practiceFixture(t)
	day := practiceDay(t, "2009-01-05")
	attempts := []data.Attempt{
		{ID: 2, ExamID: 4, Date: day, Source: "=HYPERLINK(\"http://x\")", Duration: 37*time.Minute + 20*time.Second,
			Notes: "-tired\nline two", Scores: []data.TopicScore{data.PercentScore(11, 85.5)}},
		{ID: 1, ExamID: 1, Date: day, Source: "MeasureUp", Duration: 90 * time.Minute,
			Scores: []data.TopicScore{data.CountedScore(10, 8, 10), data.CountedScore(12, 0, 5)}},
		{ID: 3, ExamID: 1, Date: day.AddDays(-1), Scores: []data.TopicScore{data.CountedScore(10, 1, 2)}},
	}
	return attempts, opt.Exams, opt.Topics
}

func TestExportPractice(t *testing.T) {
	attempts, exams, topics := practiceExportFixture(t)
	var buf bytes.Buffer
	if err := ExportPractice(&buf, attempts, exams, topics); err != nil {
		t.Fatal(err)
	}
	want := "date,exam,topic,correct,total,source,duration_min,notes\n" +
		"2009-01-04,Written exam 1,Transport,1,2,,,\n" +
		"2009-01-05,Lab exam,Client access,85.5%,,\"'=HYPERLINK(\"\"http://x\"\")\",37.33,\"'-tired\nline two\"\n" +
		"2009-01-05,Written exam 1,Transport,8,10,MeasureUp,90,\n" +
		"2009-01-05,Written exam 1,High availability,0,5,MeasureUp,90,\n"
	if buf.String() != want {
		t.Fatalf("got\n%s\nwant\n%s", buf.String(), want)
	}
	t.Run("missing exam", func(t *testing.T) {
		if err := ExportPractice(&bytes.Buffer{}, attempts, exams[:1], topics); !errors.Is(err, data.ErrNotFound) || !strings.Contains(err.Error(), "exam 4") {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("missing topic", func(t *testing.T) {
		if err := ExportPractice(&bytes.Buffer{}, attempts, exams, topics[:2]); !errors.Is(err, data.ErrNotFound) || !strings.Contains(err.Error(), "topic 12") {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("nothing", func(t *testing.T) {
		var b bytes.Buffer
		if err := ExportPractice(&b, nil, nil, nil); err != nil || b.String() != "date,exam,topic,correct,total,source,duration_min,notes\n" {
			t.Fatalf("got %q, %v", b.String(), err)
		}
	})
}

func TestExportPracticeRoundTrip(t *testing.T) {
	attempts, exams, topics := practiceExportFixture(t)
	var buf bytes.Buffer
	if err := ExportPractice(&buf, attempts, exams, topics); err != nil {
		t.Fatal(err)
	}
	opt := practiceFixture(t)
	p, err := ImportPractice("export.csv", buf.Bytes(), opt)
	if err != nil || len(p.Rejected) != 0 {
		t.Fatalf("%v\n%s", err, practiceRejectedText(p.Rejected))
	}
	byDate := map[string]data.Attempt{}
	for _, ia := range p.Accepted {
		byDate[ia.Attempt.Date.String()+ia.Exam] = ia.Attempt
	}
	for _, a := range attempts {
		got, ok := byDate[a.Date.String()+map[int64]string{1: "Written exam 1", 4: "Lab exam"}[a.ExamID]]
		a.ID = 0
		if !ok || !practiceSameAttempt(got, a) {
			t.Errorf("round trip\n%+v\nwant\n%+v", got, a)
		}
	}
	t.Run("again adds nothing", func(t *testing.T) {
		opt.Existing = attempts
		p, err := ImportPractice("export.csv", buf.Bytes(), opt)
		// Every attempt is an exact repeat: skipped and counted, not rejected.
		if err != nil || len(p.Accepted) != 0 || p.RejectedLines() != 0 || p.Repeats != len(attempts) {
			t.Fatalf("accepted %d, rejected lines %d, repeats %d of %d, %v", len(p.Accepted), p.RejectedLines(), p.Repeats, len(attempts), err)
		}
	})
}

func FuzzPracticeCSV(f *testing.F) {
	f.Add([]byte("date,exam,topic,correct,total,source,duration_min,notes\n2009-01-05,Written exam 1,Transport,8,10,MeasureUp,90,first\n" +
		"2009-01-05,Written exam 1,DNS,60%,,MeasureUp,90,\n2009-01-06,Lab exam,Transport,3,4,,1h30m,\"'-x\"\n"))
	f.Add([]byte("DATE;Exam;Topic;Correct;Total\n2009-01-05;Written exam 2;dns;9;8\n2009-01-05;written exam 2;DNS;1;2\n"))
	attempts, exams, topics := practiceExportFixture(f)
	var buf bytes.Buffer
	if err := ExportPractice(&buf, attempts, exams, topics); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Fuzz(func(t *testing.T, b []byte) {
		opt := practiceFixture(t)
		opt.Existing = attempts[2:]
		for _, strict := range []bool{false, true} {
			opt.Strict = strict
			p, err := ImportPractice("fuzz.csv", b, opt)
			if err != nil {
				if !errors.Is(err, data.ErrInvalid) {
					t.Fatalf("file refused with an error that is not ErrInvalid: %v", err)
				}
				return
			}
			practiceFuzzCheck(t, p, opt)
		}
	})
}

// practiceFuzzCheck asserts what must hold for any preview: lines and
// reasons, valid and distinct attempts once the unknown names are created,
// and an export of them that imports back whole.
func practiceFuzzCheck(t *testing.T, p PracticePreview, opt PracticeImport) {
	t.Helper()
	if len(p.Lines) != len(p.Accepted) {
		t.Fatalf("%d lines for %d attempts", len(p.Lines), len(p.Accepted))
	}
	if opt.Strict && len(p.UnknownExams)+len(p.UnknownTopics) > 0 {
		t.Fatalf("strict import offers to create %v %v", p.UnknownExams, p.UnknownTopics)
	}
	rejected := map[int]bool{}
	for _, r := range p.Rejected {
		if r.Line < 2 || r.Reason == "" {
			t.Fatalf("rejection without line or reason: %+v", r)
		}
		rejected[r.Line] = true
	}
	exams, topics := slices.Clone(opt.Exams), slices.Clone(opt.Topics)
	for i, name := range p.UnknownExams {
		exams = append(exams, data.Exam{ID: int64(100 + i), Name: name, Kind: data.ExamWritten, PassMark: 70})
	}
	for i, name := range p.UnknownTopics {
		topics = append(topics, data.Topic{ID: int64(100 + i), Name: name})
	}
	var resolved []data.Attempt
	for i, ia := range p.Accepted {
		if ia.Lines[0] != p.Lines[i] || len(ia.Topics) != len(ia.Attempt.Scores) {
			t.Fatalf("attempt %d: lines %v vs %d, %d topics for %d scores", i, ia.Lines, p.Lines[i], len(ia.Topics), len(ia.Attempt.Scores))
		}
		for _, l := range ia.Lines {
			if rejected[l] {
				t.Fatalf("line %d both accepted and rejected", l)
			}
		}
		a, err := ia.Resolve(exams, topics)
		if err != nil {
			t.Fatalf("attempt of line %d does not resolve after creating the unknown names: %v", ia.Lines[0], err)
		}
		a.ID = int64(i + 1)
		exam, _ := data.FindExam(exams, ia.Exam)
		if err := a.Validate(exam, opt.Today); err != nil {
			t.Fatalf("accepted an invalid attempt %+v: %v", a, err)
		}
		if err := data.CheckDuplicateAttempt(a, append(slices.Clone(opt.Existing), resolved...)); err != nil {
			t.Fatalf("accepted a duplicate %+v: %v", a, err)
		}
		resolved = append(resolved, a)
	}
	if len(resolved) == 0 {
		return
	}
	var out bytes.Buffer
	if err := ExportPractice(&out, resolved, exams, topics); err != nil {
		t.Fatal(err)
	}
	back, err := ImportPractice("export.csv", out.Bytes(), PracticeImport{Exams: exams, Topics: topics, Today: opt.Today, Strict: true})
	if err != nil || len(back.Rejected) != 0 || len(back.Accepted) != len(resolved) {
		t.Fatalf("re-import of an export: %d of %d back, %v\n%s\n%s", len(back.Accepted), len(resolved), err, practiceRejectedText(back.Rejected), out.String())
	}
}

func TestResolveNeedsOneTopicPerScore(t *testing.T) {
	ia := ImportedAttempt{Exam: "Lab exam", Topics: []string{"Transport", "DNS"},
		Attempt: data.Attempt{Scores: []data.TopicScore{data.CountedScore(0, 1, 2)}}}
	opt := practiceFixture(t)
	if _, err := ia.Resolve(opt.Exams, opt.Topics); !errors.Is(err, data.ErrInvalid) {
		t.Fatalf("got %v", err)
	}
}
