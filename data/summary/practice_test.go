package summary

import (
	"context"
	"encoding/json"
	"slices"
	"testing"
	"time"

	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/store"
	"github.com/masterplan-app/masterplan/data/store/storetest"
)

func day(t *testing.T, s string) data.Date {
	t.Helper()
	d, err := data.ParseDate("test", s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestLoadPracticeStudyHours(t *testing.T) {
	ctx := context.Background()
	st, rot, es, ts := practiceStore(t)
	now := time.Date(2026, 11, 23, 18, 0, 0, 0, time.UTC)
	dns := ts[0]
	for i, d := range []string{"2026-11-10", "2026-11-20"} {
		a := data.Attempt{ExamID: es[0].ID, Date: day(t, d), Scores: []data.TopicScore{data.CountedScore(dns.ID, 5+i, 10)}}
		if _, err := st.SaveAttempt(ctx, rot.ID, a, day(t, "2026-11-23")); err != nil {
			t.Fatal(err)
		}
	}
	set, _ := st.Settings(ctx)
	sessions := []data.StudySession{
		{Start: time.Date(2026, 11, 9, 12, 0, 0, 0, time.UTC), Duration: 5 * time.Hour, Topic: dns.Name}, // before the first attempt
		{Start: time.Date(2026, 11, 12, 12, 0, 0, 0, time.UTC), Duration: 2 * time.Hour, Topic: dns.Name},
	}
	if _, err := st.AddStudySessions(ctx, sessions); err != nil {
		t.Fatal(err)
	}
	p, err := LoadPractice(ctx, st, rot, set, now)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(p.Report.Topics, func(f data.TopicForecast) bool { return f.Topic.ID == dns.ID })
	if i < 0 || p.Report.Topics[i].StudyHours != 2 || p.Report.Topics[i].ScoreChange() != 10 {
		t.Errorf("topic forecast = %+v", p.Report.Topics[i])
	}
}

// practiceStore is a store set up with an Exchange 2010 rotation and its
// default exams and topics.
func practiceStore(t *testing.T) (*store.Store, data.Rotation, []data.Exam, []data.Topic) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, storetest.Path(t, "mp.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	set := data.DefaultSettings()
	set.TimeZone = "America/Los_Angeles"
	rot, err := st.Setup(ctx, data.Rotation{Track: "MCM: Exchange Server 2010", Blocks: []data.Block{
		{Start: day(t, "2027-03-01"), End: day(t, "2027-03-21"), Location: "Redmond", TimeZone: "America/Los_Angeles"}}}, set)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.EnsurePracticeDefaults(ctx, rot); err != nil {
		t.Fatal(err)
	}
	es, _ := st.Exams(ctx, rot.ID)
	ts, _ := st.Topics(ctx, rot.ID)
	return st, rot, es, ts
}

func TestPracticeStatusJSON(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 23, 18, 0, 0, 0, time.UTC)

	t.Run("no exams yet", func(t *testing.T) {
		st, err := store.Open(ctx, storetest.Path(t, "mp.db"))
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		if _, err := st.Setup(ctx, data.Rotation{Track: "T", Blocks: []data.Block{
			{Start: day(t, "2027-03-01"), End: day(t, "2027-03-21"), Location: "Redmond", TimeZone: "UTC"}}}, data.DefaultSettings()); err != nil {
			t.Fatal(err)
		}
		s, err := Build(ctx, st, now)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(s.Practice)
		if string(b) != `{"exams":[],"topics":[],"weakest_topics":[]}` {
			t.Errorf("practice = %s", b)
		}
	})

	t.Run("attempts", func(t *testing.T) {
		st, rot, es, ts := practiceStore(t)
		today := day(t, "2026-11-23")
		scores := map[string][2]int{"2026-11-01": {6, 5}, "2026-11-15": {7, 6}, "2026-11-22": {8, 6}}
		for d, s := range scores {
			a := data.Attempt{ExamID: es[0].ID, Date: day(t, d), Scores: []data.TopicScore{
				data.CountedScore(ts[0].ID, s[0], 10), data.CountedScore(ts[1].ID, s[1], 10)}}
			if _, err := st.SaveAttempt(ctx, rot.ID, a, today); err != nil {
				t.Fatal(err)
			}
		}
		// Study on the weakest topic: before its first attempt, then after.
		if _, err := st.AddStudySessions(ctx, []data.StudySession{
			{Start: time.Date(2026, 10, 30, 17, 0, 0, 0, time.UTC), Duration: time.Hour, Topic: ts[1].Name},
			{Start: time.Date(2026, 11, 10, 17, 0, 0, 0, time.UTC), Duration: 90 * time.Minute, Topic: ts[1].Name},
		}); err != nil {
			t.Fatal(err)
		}
		s, err := Build(ctx, st, now)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(s.Practice)
		var got map[string]any
		if err := json.Unmarshal(b, &got); err != nil {
			t.Fatal(err)
		}
		exams := got["exams"].([]any)
		first := exams[0].(map[string]any)
		// 60, 70, 80 % over 21 days, to 2026-11-23 (no exam date: today).
		if len(exams) != 4 || first["name"] != "Written exam 1" || first["pass_mark"] != 70.0 || first["latest"] != 70.0 ||
			first["projected"] == nil || first["low"] == nil || first["high"] == nil || first["pass_chance"] == nil ||
			first["points"] != 3.0 || first["pass_mark_assumed"] != true || first["readiness"] == "too early" {
			t.Errorf("first exam = %v", first)
		}
		if low, high := first["low"].(float64), first["high"].(float64); !(low < first["projected"].(float64) && first["projected"].(float64) < high) || high >= 100 {
			t.Errorf("range %v-%v around %v", low, high, first["projected"])
		}
		if len(first) != 10 {
			t.Errorf("exam entry has fields %v, want exactly name, pass_mark, pass_mark_assumed, latest, projected, low, high, pass_chance, points, readiness", first)
		}
		second := exams[1].(map[string]any)
		if second["latest"] != nil || second["projected"] != nil || second["low"] != nil || second["pass_chance"] != nil ||
			second["points"] != 0.0 || second["readiness"] != "too early" {
			t.Errorf("an exam without attempts = %v", second)
		}
		topics := got["topics"].([]any)
		if len(topics) != len(ts) {
			t.Fatalf("topics = %v, want all %d", topics, len(ts))
		}
		weakest := topics[0].(map[string]any)
		if weakest["name"] != ts[1].Name || weakest["pass_chance"] == nil || weakest["hours_since_first_attempt"] != 1.5 || len(weakest) != 8 {
			t.Errorf("weakest topic = %v", weakest)
		}
		weak := got["weakest_topics"].([]any)
		if len(weak) != 2 || weak[0] != ts[1].Name || weak[1] != ts[0].Name {
			t.Errorf("weakest = %v, want %s then %s", weak, ts[1].Name, ts[0].Name)
		}
	})
}
