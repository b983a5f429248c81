package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/plan"
)

// planStore is a store on 2026-03-02 at noon UTC, set up in zone with one
// rotation block 60 to 80 days ahead; it closes when the test ends.
func planStore(t *testing.T, zone string) (st *Store, rot data.Rotation, today data.Date, now time.Time) {
	t.Helper()
	ctx := context.Background()
	now = time.Date(2026, time.March, 2, 12, 0, 0, 0, time.UTC)
	st, err := Open(ctx, t.TempDir()+"/plan.db", WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	today = data.NewDate(2026, time.March, 2)
	set := data.DefaultSettings()
	set.TimeZone = zone
	rot, err = st.Setup(ctx, data.Rotation{Track: "MCM", Blocks: []data.Block{{Start: today.AddDays(60), End: today.AddDays(80),
		Location: "Redmond", TimeZone: "America/Los_Angeles"}}}, set)
	if err != nil {
		t.Fatal(err)
	}
	return st, rot, today, now
}

func TestPlanInputReadsWhatThePlannerNeeds(t *testing.T) {
	ctx := context.Background()
	st, rot, today, now := planStore(t, "UTC")
	book, err := st.SaveReadingItem(ctx, data.ReadingItem{Title: "Internals", Kind: data.ReadingBook, Unit: data.ReadingPages,
		Size: 300, Status: data.ReadingReading, Priority: 1, AddedOn: today}, today)
	if err != nil {
		t.Fatal(err)
	}
	// Three days of 30 pages in an hour on the book: measured, 30 an hour.
	for i := 3; i >= 1; i-- {
		day := today.AddDays(-i)
		if _, err := st.SetReadingProgress(ctx, book.ID, 30*(4-i), day); err != nil {
			t.Fatal(err)
		}
		if _, err := st.SaveStudySession(ctx, data.StudySession{Start: day.In(time.UTC).Add(19 * time.Hour), Duration: time.Hour, ReadingItemID: book.ID}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := st.SaveStudySession(ctx, data.StudySession{Start: now.Add(-2 * time.Hour), Duration: 45 * time.Minute, Topic: "Transport"}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveTopic(ctx, rot.ID, data.Topic{Name: "Transport"}); err != nil {
		t.Fatal(err)
	}
	if err := st.SetDaysOff(ctx, today.AddDays(3), today.AddDays(5), true); err != nil {
		t.Fatal(err)
	}
	if err := st.SetDaysOff(ctx, today.AddDays(5), today.AddDays(5), false); err != nil {
		t.Fatal(err)
	}
	a, _ := plan.ParseAvailability("Mon-Fri 19:00-21:00")
	if err := st.SetPlanAvailability(ctx, a); err != nil {
		t.Fatal(err)
	}
	video := plan.Kind{Kind: data.ReadingVideo, Unit: data.ReadingMinutes}
	if err := st.SetPlanSpeed(ctx, video, 90); err != nil {
		t.Fatal(err)
	}
	in, err := st.PlanInput(ctx, now)
	if err != nil {
		t.Fatal(err)
	}
	if in.Today != today || in.ReadingDeadline != today.AddDays(53) || len(in.Rotation) != 1 {
		t.Errorf("today %s, deadline %s, rotation %v", in.Today, in.ReadingDeadline, in.Rotation)
	}
	if in.Availability.String() != "Mon-Fri 19:00-21:00" {
		t.Errorf("availability %q", in.Availability)
	}
	if len(in.DaysOff) != 2 || in.DaysOff[0] != today.AddDays(3) || in.DaysOff[1] != today.AddDays(4) {
		t.Errorf("days off %v", in.DaysOff)
	}
	if len(in.Items) != 1 || in.Items[0].Done != 90 {
		t.Errorf("items %+v", in.Items)
	}
	speeds := map[plan.Kind]plan.Speed{}
	for _, s := range in.Speeds {
		speeds[s.Kind] = s
	}
	if got := speeds[plan.Kind{Kind: data.ReadingBook, Unit: data.ReadingPages}]; got.Source != plan.SpeedMeasured || got.PerHour != 30 || got.Sessions != 3 {
		t.Errorf("book speed %+v, want measured 30 from 3 sessions", got)
	}
	if got := speeds[video]; got.Source != plan.SpeedSet || got.PerHour != 90 {
		t.Errorf("video speed %+v", got)
	}
	if len(in.Topics) != 1 || in.Topics[0].Weakness != plan.UnscoredWeakness || in.Topics[0].Practiced != 45 || in.StudiedToday != 45 {
		t.Errorf("topics %+v, studied today %d", in.Topics, in.StudiedToday)
	}
	if p := plan.Make(in); len(p.Tonight().Tasks) == 0 {
		t.Errorf("no task tonight: %s", p.Summary)
	}
}

func TestPlanSettersValidate(t *testing.T) {
	ctx := context.Background()
	st, err := Open(ctx, t.TempDir()+"/plan.db")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	d := data.NewDate(2026, time.March, 2)
	for name, err := range map[string]error{
		"days backwards": st.SetDaysOff(ctx, d, d.AddDays(-1), true),
		"too many days":  st.SetDaysOff(ctx, d, d.AddDays(400), true),
		"speed too low":  st.SetPlanSpeed(ctx, plan.Kind{Kind: "book", Unit: "pages"}, 0),
		"unknown kind":   st.SetPlanSpeed(ctx, plan.Kind{Kind: "novel", Unit: "pages"}, 10),
		"empty week":     st.SetPlanAvailability(ctx, plan.Availability{}),
	} {
		if !errors.Is(err, data.ErrInvalid) {
			t.Errorf("%s: %v, want invalid input", name, err)
		}
	}
}

// The plan weighs a topic by its chance to pass (the readiness forecast the
// Practice screen shows), not by its latest score: a topic falling towards
// the pass mark is weaker than one rising towards it, whatever their latest
// scores; a topic too early to tell keeps its latest score; the practice of
// the rising topic after its latest score counts towards it.
func TestPlanInputWeighsTopicsByTheirChanceToPass(t *testing.T) {
	ctx := context.Background()
	st, rot, today, now := planStore(t, "UTC")
	exam, _, err := st.SaveExam(ctx, rot.ID, data.Exam{Name: "Written exam 1", Kind: data.ExamWritten, PassMark: 70, Date: today.AddDays(20)}, today)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]int64{}
	for _, name := range []string{"Falling", "Rising", "Once"} {
		tp, err := st.SaveTopic(ctx, rot.ID, data.Topic{Name: name, ExamIDs: []int64{exam.ID}})
		if err != nil {
			t.Fatal(err)
		}
		ids[name] = tp.ID
	}
	falling, rising := []float64{95, 86, 76}, []float64{40, 55, 68}
	for i, ago := range []int{40, 25, 10} {
		scores := []data.TopicScore{data.PercentScore(ids["Falling"], falling[i]), data.PercentScore(ids["Rising"], rising[i])}
		if i == 2 {
			scores = append(scores, data.PercentScore(ids["Once"], 60))
		}
		if _, err := st.SaveAttempt(ctx, rot.ID, data.Attempt{ExamID: exam.ID, Date: today.AddDays(-ago), Source: "MeasureUp", Scores: scores}, today); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := st.SaveStudySession(ctx, data.StudySession{Start: now.Add(-48 * time.Hour), Duration: 30 * time.Minute, Topic: "Rising"}); err != nil {
		t.Fatal(err)
	}
	in, err := st.PlanInput(ctx, now)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]plan.Topic{}
	for _, tp := range in.Topics {
		got[tp.Name] = tp
	}
	if got["Falling"].Weakness <= got["Rising"].Weakness {
		t.Errorf("falling (latest 76) weakness %g %q, rising (latest 68) %g %q: the falling topic has the lower chance",
			got["Falling"].Weakness, got["Falling"].Note, got["Rising"].Weakness, got["Rising"].Note)
	}
	for _, name := range []string{"Falling", "Rising"} {
		if note := got[name].Note; len(note) < 15 || note[:15] != "chance to pass " {
			t.Errorf("%s: note %q, want the chance to pass", name, note)
		}
	}
	if w, note := plan.ScoreWeakness(60, true, 70); got["Once"].Weakness != w || got["Once"].Note != note {
		t.Errorf("once scored: %g %q, want the latest score's %g %q", got["Once"].Weakness, got["Once"].Note, w, note)
	}
	if got["Rising"].Practiced != 30 || got["Falling"].Practiced != 0 {
		t.Errorf("practiced: rising %d, falling %d; want 30 and 0", got["Rising"].Practiced, got["Falling"].Practiced)
	}
}

// A reading speed sample is the progress and the linked sessions of one
// local day: in a zone far from UTC a session's UTC date is the day
// before or after, and still counts; a session on another local day does
// not.
func TestPlanSpeedsPairSessionsAndProgressByLocalDay(t *testing.T) {
	ctx := context.Background()
	st, _, today, now := planStore(t, "Pacific/Auckland") // UTC+13 in March
	loc, err := time.LoadLocation("Pacific/Auckland")
	if err != nil {
		t.Fatal(err)
	}
	book, err := st.SaveReadingItem(ctx, data.ReadingItem{Title: "Internals", Kind: data.ReadingBook, Unit: data.ReadingPages,
		Size: 500, Status: data.ReadingReading, Priority: 1, AddedOn: today.AddDays(-10)}, today)
	if err != nil {
		t.Fatal(err)
	}
	// Three mornings at 08:00 in Auckland (the evening before in UTC),
	// 40 pages in an hour each; and an hour the next evening with no
	// progress, which is no sample.
	for i := 3; i >= 1; i-- {
		day := today.AddDays(-2 * i)
		if _, err := st.SetReadingProgress(ctx, book.ID, 40*(4-i), day); err != nil {
			t.Fatal(err)
		}
		for _, at := range []time.Time{day.In(loc).Add(8 * time.Hour), day.In(loc).Add(32 * time.Hour)} {
			if _, err := st.SaveStudySession(ctx, data.StudySession{Start: at, Duration: time.Hour, ReadingItemID: book.ID}); err != nil {
				t.Fatal(err)
			}
		}
	}
	in, err := st.PlanInput(ctx, now)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range in.Speeds {
		if s.Kind == (plan.Kind{Kind: data.ReadingBook, Unit: data.ReadingPages}) && (s.Source != plan.SpeedMeasured || s.PerHour != 40 || s.Sessions != 3) {
			t.Errorf("book speed %+v, want measured 40 pages an hour from 3 days", s)
		}
	}
}
