package store

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/transfer"
)

// practiceToday is "today" for the practice tests: before the rotation's
// first block (2026-06-01), so the default exams lie ahead.
func practiceToday(t testing.TB) data.Date { return date(t, "2026-03-08") }

// withDefaults sets the store up and adds the default exams and topics.
func withDefaults(t *testing.T, s *Store) (data.Rotation, []data.Exam, []data.Topic) {
	t.Helper()
	ctx := context.Background()
	r := setUp(t, s)
	if added, err := s.EnsurePracticeDefaults(ctx, r); err != nil || !added {
		t.Fatalf("EnsurePracticeDefaults = %v, %v; want added", added, err)
	}
	es, err := s.Exams(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	ts, err := s.Topics(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	return r, es, ts
}

func TestPracticeMigrationFromFoundation(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "masterplan.db")
	s := foundationStore(t, path)
	r := setUp(t, s)
	s.Close()

	s = openAt(t, path)
	if added, err := s.EnsurePracticeDefaults(ctx, r); err != nil || !added {
		t.Fatalf("defaults on the migrated file = %v, %v", added, err)
	}
	if es, err := s.Exams(ctx, r.ID); err != nil || len(es) != 4 {
		t.Fatalf("exams on the migrated file = %d, %v", len(es), err)
	}
	if baks, _ := filepath.Glob(path + "*.bak"); len(baks) != 1 {
		t.Errorf("backups before the migration = %v, want one", baks)
	}
	if rot, err := s.Rotation(ctx); err != nil || rot.ID != r.ID {
		t.Errorf("rotation after the migration = %+v, %v", rot, err)
	}
}

func TestEnsurePracticeDefaults(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTemp(t)
	r, es, ts := withDefaults(t, s)
	var names []string
	for _, e := range es {
		names = append(names, e.Name+"@"+e.Date.String())
	}
	// The split rotation: 7 + 14 on-site days; written exams spread over
	// them, the lab on the last day (data.SuggestMilestones).
	want := []string{"Written exam 1@2026-06-05", "Written exam 2@2026-09-09", "Written exam 3@2026-09-14", "Lab exam@2026-09-20"}
	if !slices.Equal(names, want) {
		t.Errorf("default exams = %v, want %v", names, want)
	}
	if es[3].Kind != data.ExamLab || es[0].PassMark != data.DefaultPassMark {
		t.Errorf("lab exam = %+v", es[3])
	}
	if len(ts) != len(data.SuggestTopics(r.Track)) || len(ts[0].ExamIDs) != 4 {
		t.Errorf("topics = %+v, want the track's suggestions covered by all 4 exams", ts)
	}
	if added, err := s.EnsurePracticeDefaults(ctx, r); err != nil || added {
		t.Errorf("second call added %v, %v", added, err)
	}
	for _, tp := range ts {
		if _, err := s.DeleteTopic(ctx, tp.ID); err != nil {
			t.Fatal(err)
		}
	}
	for _, e := range es {
		if _, err := s.DeleteExam(ctx, e.ID); err != nil {
			t.Fatal(err)
		}
	}
	if added, err := s.EnsurePracticeDefaults(ctx, r); err != nil || added {
		t.Errorf("defaults came back after the user deleted them: %v, %v", added, err)
	}

	t.Run("dates from the rotation's own exam milestones", func(t *testing.T) {
		s, _ := openTemp(t)
		r := setUp(t, s)
		if _, err := s.SaveMilestone(ctx, data.Milestone{RotationID: r.ID, Title: "Lab exam", Due: date(t, "2026-09-19"), Kind: data.MilestoneLab}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.EnsurePracticeDefaults(ctx, r); err != nil {
			t.Fatal(err)
		}
		es, _ := s.Exams(ctx, r.ID)
		if got := es[3].Date.String(); got != "2026-09-19" {
			t.Errorf("lab exam date = %s, want the milestone's 2026-09-19", got)
		}
	})
}

func TestSaveExam(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	today := practiceToday(t)
	s, _ := openTemp(t)
	r, es, ts := withDefaults(t, s)

	tests := []struct {
		name  string
		exam  data.Exam
		field string
		err   error
	}{
		{"pass mark above 100", data.Exam{Name: "Mock", Kind: data.ExamWritten, PassMark: 101}, "pass mark", data.ErrInvalid},
		{"pass mark 0", data.Exam{Name: "Mock", Kind: data.ExamWritten, PassMark: 0}, "pass mark", data.ErrInvalid},
		{"duplicate name", data.Exam{Name: "  written EXAM 1", Kind: data.ExamWritten, PassMark: 70}, "name", data.ErrConflict},
		{"result from the future", data.Exam{Name: "Mock", Kind: data.ExamWritten, PassMark: 70, Result: data.ExamPassed, ResultDate: today.AddDays(1)}, "result date", data.ErrInvalid},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := s.SaveExam(ctx, r.ID, tc.exam, today)
			if !errors.Is(err, tc.err) || data.FieldMessage(err, tc.field) == "" {
				t.Errorf("SaveExam = %v, want %v on %s", err, tc.err, tc.field)
			}
			if got, _ := s.Exams(ctx, r.ID); len(got) != 4 {
				t.Errorf("%d exams after a refused save", len(got))
			}
		})
	}

	t.Run("failed result adds one retake milestone", func(t *testing.T) {
		e := es[0]
		e.Date, e.Result, e.ResultDate = today.AddDays(-2), data.ExamFailed, today.AddDays(-2)
		_, retake, err := s.SaveExam(ctx, r.ID, e, today)
		if err != nil || retake == nil {
			t.Fatalf("SaveExam failed = %v, %v", retake, err)
		}
		if retake.Title != "Retake: Written exam 1" || retake.Due != today.AddDays(28) || retake.Kind != data.MilestoneRetake {
			t.Errorf("retake = %+v", retake)
		}
		e.PassMark = 75 // saving again keeps the one retake
		if _, again, err := s.SaveExam(ctx, r.ID, e, today); err != nil || again != nil {
			t.Errorf("second save = %v, %v", again, err)
		}
		if got := titles(t, s, r.ID); !slices.Equal(got, []string{"Retake: Written exam 1"}) {
			t.Errorf("milestones = %v", got)
		}
	})

	t.Run("exam date before an attempt", func(t *testing.T) {
		a := attemptOf(es[1], today.AddDays(-3), "Vendor", data.CountedScore(ts[0].ID, 7, 10))
		if _, err := s.SaveAttempt(ctx, r.ID, a, today); err != nil {
			t.Fatal(err)
		}
		e := es[1]
		e.Date = today.AddDays(-4)
		if _, _, err := s.SaveExam(ctx, r.ID, e, today); data.FieldMessage(err, "date") == "" {
			t.Errorf("moving the exam before its practice: %v", err)
		}
	})
}

func attemptOf(e data.Exam, d data.Date, source string, scores ...data.TopicScore) data.Attempt {
	return data.Attempt{ExamID: e.ID, Date: d, Source: source, Scores: scores}
}

func TestSaveAttempt(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	today := practiceToday(t)
	s, _ := openTemp(t)
	r, es, ts := withDefaults(t, s)

	good := attemptOf(es[0], today, "  MeasureUp ", data.CountedScore(ts[0].ID, 32, 40), data.PercentScore(ts[1].ID, 72.5))
	good.Duration, good.Notes = 90*time.Minute+400*time.Millisecond, "timed run"
	saved, err := s.SaveAttempt(ctx, r.ID, good, today)
	if err != nil {
		t.Fatal(err)
	}
	all, err := s.Attempts(ctx, r.ID)
	if err != nil || len(all) != 1 {
		t.Fatalf("attempts = %v, %v", all, err)
	}
	got := all[0]
	if got.ID != saved.ID || got.Source != "MeasureUp" || got.Duration != 90*time.Minute || got.Notes != "timed run" ||
		!slices.Equal(got.Scores, []data.TopicScore{data.CountedScore(ts[0].ID, 32, 40), data.PercentScore(ts[1].ID, 72.5)}) {
		t.Errorf("stored attempt = %+v", got)
	}

	tests := []struct {
		name    string
		attempt data.Attempt
		want    error
		field   string
	}{
		{"correct above total", attemptOf(es[0], today, "B", data.CountedScore(ts[0].ID, 11, 10)), data.ErrInvalid, "correct"},
		{"total zero", attemptOf(es[0], today, "B", data.CountedScore(ts[0].ID, 0, 0)), data.ErrInvalid, "total"},
		{"after today", attemptOf(es[0], today.AddDays(1), "B", data.CountedScore(ts[0].ID, 1, 2)), data.ErrInvalid, "date"},
		{"after the exam", data.Attempt{}, data.ErrInvalid, "date"},
		{"no scores", attemptOf(es[0], today, "B"), data.ErrInvalid, "scores"},
		{"unknown topic", attemptOf(es[0], today, "B", data.CountedScore(9999, 1, 2)), data.ErrInvalid, "topic"},
		{"duplicate", attemptOf(es[0], today, "measureup", data.CountedScore(ts[2].ID, 1, 2)), data.ErrConflict, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.name == "after the exam" {
				// The exams lie ahead; move one into the past for this case.
				tc.attempt = attemptOf(es[2], today, "B", data.CountedScore(ts[0].ID, 1, 2))
				e3 := es[2]
				e3.Date = today.AddDays(-1)
				if _, _, err := s.SaveExam(ctx, r.ID, e3, today); err != nil {
					t.Fatal(err)
				}
				defer func() {
					if _, _, err := s.SaveExam(ctx, r.ID, es[2], today); err != nil {
						t.Fatal(err)
					}
				}()
			}
			_, err := s.SaveAttempt(ctx, r.ID, tc.attempt, today)
			if !errors.Is(err, tc.want) || (tc.field != "" && data.FieldMessage(err, tc.field) == "") {
				t.Errorf("SaveAttempt = %v, want %v on %q", err, tc.want, tc.field)
			}
			if n := count(t, s, "attempts"); n != 1 {
				t.Errorf("%d attempts stored after a refused save", n)
			}
			if n := count(t, s, "scores"); n != 2 {
				t.Errorf("%d scores stored after a refused save", n)
			}
		})
	}

	t.Run("edit replaces the scores", func(t *testing.T) {
		got.Scores = []data.TopicScore{data.CountedScore(ts[2].ID, 5, 5)}
		if _, err := s.SaveAttempt(ctx, r.ID, got, today); err != nil {
			t.Fatal(err)
		}
		all, _ := s.Attempts(ctx, r.ID)
		if len(all) != 1 || len(all[0].Scores) != 1 || all[0].Scores[0].TopicID != ts[2].ID {
			t.Errorf("after edit = %+v", all)
		}
	})

	t.Run("delete and undo", func(t *testing.T) {
		gone, err := s.DeleteAttempt(ctx, r.ID, saved.ID)
		if err != nil || gone.ID != saved.ID || len(gone.Scores) != 1 {
			t.Fatalf("DeleteAttempt = %+v, %v", gone, err)
		}
		if n := count(t, s, "scores"); n != 0 {
			t.Errorf("%d scores left after delete", n)
		}
		gone.ID = 0
		if _, err := s.SaveAttempt(ctx, r.ID, gone, today); err != nil {
			t.Fatalf("undo: %v", err)
		}
		if _, err := s.DeleteAttempt(ctx, r.ID, 9999); !errors.Is(err, data.ErrNotFound) {
			t.Errorf("delete a missing attempt: %v", err)
		}
	})
}

func TestTopicsRenameAndMerge(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	today := practiceToday(t)
	s, _ := openTemp(t)
	r, es, _ := withDefaults(t, s)
	dns, err := s.SaveTopic(ctx, r.ID, data.Topic{Name: "DNS", ExamIDs: []int64{es[0].ID}})
	if err != nil {
		t.Fatal(err)
	}
	names, err := s.SaveTopic(ctx, r.ID, data.Topic{Name: "Name resolution", ExamIDs: []int64{es[1].ID}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveTopic(ctx, r.ID, data.Topic{Name: "dns"}); !errors.Is(err, data.ErrConflict) || data.FieldMessage(err, "name") == "" {
		t.Errorf("a second DNS topic: %v", err)
	}
	for _, a := range []data.Attempt{
		attemptOf(es[0], today.AddDays(-2), "A", data.CountedScore(dns.ID, 8, 10), data.CountedScore(names.ID, 5, 10)),
		attemptOf(es[0], today.AddDays(-1), "A", data.CountedScore(dns.ID, 9, 10)),
	} {
		if _, err := s.SaveAttempt(ctx, r.ID, a, today); err != nil {
			t.Fatal(err)
		}
	}
	dns.Name = "DNS and WINS"
	if _, err := s.SaveTopic(ctx, r.ID, dns); err != nil {
		t.Fatalf("rename: %v", err)
	}
	if _, err := s.MergeTopics(ctx, r.ID, dns.ID, names.ID); err != nil {
		t.Fatalf("merge: %v", err)
	}
	all, _ := s.Attempts(ctx, r.ID)
	want := [][]data.TopicScore{{data.CountedScore(names.ID, 13, 20)}, {data.CountedScore(names.ID, 9, 10)}}
	for i, a := range all {
		if !slices.Equal(a.Scores, want[i]) {
			t.Errorf("attempt %d after merge = %+v, want %+v", i, a.Scores, want[i])
		}
	}
	ts, _ := s.Topics(ctx, r.ID)
	i := slices.IndexFunc(ts, func(t data.Topic) bool { return t.ID == names.ID })
	if slices.ContainsFunc(ts, func(t data.Topic) bool { return t.ID == dns.ID }) || i < 0 ||
		!slices.Equal(ts[i].ExamIDs, []int64{es[0].ID, es[1].ID}) {
		t.Errorf("topics after merge = %+v", ts)
	}
	if _, err := s.MergeTopics(ctx, r.ID, names.ID, names.ID); !errors.Is(err, data.ErrInvalid) {
		t.Errorf("merge into itself: %v", err)
	}
}

func TestImportPractice(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	today := practiceToday(t)
	csv := "date,exam,topic,correct,total,source\n" +
		"2026-03-01,Written exam 1,Client access,8,10,Vendor\n" +
		"2026-03-01,Written exam 1,Public folders,70%,,Vendor\n" +
		"2026-03-02,Mock lab,Client access,6,10,own lab\n"
	preview := func(t *testing.T, s *Store, r data.Rotation) transfer.PracticePreview {
		t.Helper()
		es, _ := s.Exams(ctx, r.ID)
		ts, _ := s.Topics(ctx, r.ID)
		ex, _ := s.Attempts(ctx, r.ID)
		p, err := transfer.ImportPractice("p.csv", []byte(csv), transfer.PracticeImport{Exams: es, Topics: ts, Existing: ex, Today: today})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}

	t.Run("creates the missing exam and topic", func(t *testing.T) {
		s, _ := openTemp(t)
		r, _, _ := withDefaults(t, s)
		p := preview(t, s, r)
		if !slices.Equal(p.UnknownExams, []string{"Mock lab"}) || !slices.Equal(p.UnknownTopics, []string{"Public folders"}) {
			t.Fatalf("unknown = %v %v", p.UnknownExams, p.UnknownTopics)
		}
		n, err := s.ImportPractice(ctx, r, p.Batch(), today)
		if err != nil || n != 2 {
			t.Fatalf("ImportPractice = %d, %v", n, err)
		}
		es, _ := s.Exams(ctx, r.ID)
		if last := es[len(es)-1]; last.Name != "Mock lab" || last.Kind != data.ExamLab || last.PassMark != data.DefaultPassMark {
			t.Errorf("created exam = %+v", last)
		}
		ts, _ := s.Topics(ctx, r.ID)
		pf, ok := data.FindTopic(ts, "public folders")
		if !ok || !slices.Equal(pf.ExamIDs, []int64{es[0].ID}) {
			t.Errorf("created topic = %+v, %v", pf, ok)
		}
		again := preview(t, s, r)
		if len(again.Accepted) != 0 || again.RejectedLines() != 0 || again.Repeats != 2 {
			t.Errorf("a second import accepts %d, rejects %d lines, skips %d; want both attempts skipped as repeats",
				len(again.Accepted), again.RejectedLines(), again.Repeats)
		}
	})

	t.Run("a bad attempt writes nothing", func(t *testing.T) {
		s, _ := openTemp(t)
		r, _, _ := withDefaults(t, s)
		p := preview(t, s, r)
		bad := p.Accepted[0]
		bad.Attempt.Scores = slices.Clone(bad.Attempt.Scores)
		bad.Attempt.Scores[0] = data.CountedScore(bad.Attempt.Scores[0].TopicID, 11, 10)
		p.Accepted = append(p.Accepted, bad)
		p.Lines = append(p.Lines, 9)
		if _, err := s.ImportPractice(ctx, r, p.Batch(), today); err == nil {
			t.Fatal("an import with a bad attempt succeeded")
		}
		if n := count(t, s, "attempts"); n != 0 {
			t.Errorf("%d attempts half-imported", n)
		}
		if es, _ := s.Exams(ctx, r.ID); len(es) != 4 {
			t.Errorf("%d exams after a failed import, want the 4 defaults", len(es))
		}
	})
}
