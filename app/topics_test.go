package app

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/masterplan-app/masterplan/app/widgets"
	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/summary"
)

// offeredTopics opens the drop-down of a topic control and returns what it
// lists, as the user sees it, then closes it.
func offeredTopics(t *testing.T, c fyne.Canvas, e *widgets.SelectEntry) []string {
	t.Helper()
	test.Tap(e.ActionItem.(fyne.Tappable))
	menu := c.Overlays().Top()
	if !slices.ContainsFunc(objectsIn(menu), func(o fyne.CanvasObject) bool { _, ok := o.(*widget.PopUpMenu); return ok }) {
		t.Fatalf("the topic control opened no list:\n%s", test.RenderToMarkup(c))
	}
	var out []string
	for _, o := range objectsIn(menu) {
		if txt, ok := o.(*canvas.Text); ok && txt.Text != "" {
			out = append(out, txt.Text)
		}
	}
	c.Overlays().Remove(menu)
	return out
}

// topicControlIn returns the topic control of the open dialog.
func topicControlIn(t *testing.T, c fyne.Canvas) *widgets.SelectEntry {
	t.Helper()
	entries := inDialog[*widgets.SelectEntry](t, c)
	if len(entries) != 1 {
		t.Fatalf("the dialog has %d choice entries, want the topic alone", len(entries))
	}
	return entries[0]
}

// The reading form, the study timer, the study log and the practice topic
// form offer one list, from Store.TopicChoices: the practice topics first,
// then the user's own from reading and study.
func TestOneTopicListInEveryTopicControl(t *testing.T) {
	sh, st, ps := openPractice(t)
	ctx := context.Background()
	rot, _ := st.Rotation(ctx)
	if _, err := st.SaveReadingItem(ctx, data.ReadingItem{Title: "SQL Server internals", Topic: "Performance"}, ps.p.Today); err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveStudySession(ctx, data.StudySession{Start: fixedNow.Add(-3 * time.Hour), Duration: time.Hour, Topic: "Labs"}); err != nil {
		t.Fatal(err)
	}
	want, err := st.TopicChoices(ctx, rot.ID)
	if err != nil {
		t.Fatal(err)
	}
	ts, _ := st.Topics(ctx, rot.ID)
	if len(ts) == 0 || want[0] != ts[0].Name || !slices.Contains(want, "Performance") || !slices.Contains(want, "Labs") ||
		len(want) != len(ts)+2 {
		t.Fatalf("the one list %q: want the %d practice topics first, then Labs and Performance", want, len(ts))
	}
	c := sh.Window.Canvas()
	check := func(where string, e *widgets.SelectEntry) {
		t.Helper()
		if got := offeredTopics(t, c, e); !slices.Equal(got, want) {
			t.Errorf("%s offers %q,\nwant %q", where, got, want)
		}
	}

	ps.editTopic(data.Topic{})
	check("the practice topic form", topicControlIn(t, c))
	c.Overlays().Remove(c.Overlays().Top())

	sh.Select(2)
	r := sh.screens[2].(*readingScreen)
	r.editItem(data.ReadingItem{})
	check("the reading form", topicControlIn(t, c))
	c.Overlays().Remove(c.Overlays().Top())

	sh.Select(3)
	sc := sh.screens[3].(*studyScreen)
	check("the study timer", sc.topic)
	c.(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(ctrl(fyne.KeyN))
	check("the study log", topicControlIn(t, c))
}

// A merge on the Practice screen, then Ctrl+Z: both topics are back, each
// with its own scores, reading items and study sessions.
func TestMergeTopicsThenCtrlZ(t *testing.T) {
	sh, st, ps := openPractice(t)
	ctx := context.Background()
	rot, _ := st.Rotation(ctx)
	es, _ := st.Exams(ctx, rot.ID)
	ts, _ := st.Topics(ctx, rot.ID)
	day, _ := data.ParseDate("d", "2026-11-01")
	if _, err := st.SaveAttempt(ctx, rot.ID, data.Attempt{ExamID: es[0].ID, Date: day, Scores: []data.TopicScore{
		data.CountedScore(ts[0].ID, 4, 10), data.CountedScore(ts[1].ID, 8, 10)}}, ps.p.Today); err != nil {
		t.Fatal(err)
	}
	item, err := st.SaveReadingItem(ctx, data.ReadingItem{Title: "On " + ts[0].Name, Topic: ts[0].Name}, ps.p.Today)
	if err != nil {
		t.Fatal(err)
	}
	ss, err := st.SaveStudySession(ctx, data.StudySession{Start: fixedNow.Add(-3 * time.Hour), Duration: time.Hour, Topic: ts[1].Name})
	if err != nil {
		t.Fatal(err)
	}
	ps.refresh()
	attemptsBefore, _ := st.Attempts(ctx, rot.ID)

	ps.mergeTopic(ts[0])
	c := sh.Window.Canvas()
	inDialog[*widget.Select](t, c)[0].SetSelected(ts[1].Name)
	test.Tap(dialogButton(t, c, "Merge"))
	if after, _ := st.Topics(ctx, rot.ID); len(after) != len(ts)-1 {
		t.Fatalf("%d topics after the merge, want %d", len(after), len(ts)-1)
	}
	if got, _ := st.ReadingItem(ctx, item.ID); got.Topic != ts[1].Name {
		t.Fatalf("the reading item is on %q after the merge", got.Topic)
	}
	if !strings.Contains(test.RenderToMarkup(c), "Merged") {
		t.Error("the merge offers no undo")
	}

	c.(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutUndo{})
	after, _ := st.Topics(ctx, rot.ID)
	if !slices.EqualFunc(after, ts, func(a, b data.Topic) bool {
		return a.ID == b.ID && a.Name == b.Name && slices.Equal(a.ExamIDs, b.ExamIDs)
	}) {
		t.Errorf("topics after Ctrl+Z %+v,\nwant %+v", after, ts)
	}
	attempts, _ := st.Attempts(ctx, rot.ID)
	if !slices.EqualFunc(attempts, attemptsBefore, func(a, b data.Attempt) bool { return slices.Equal(a.Scores, b.Scores) }) {
		t.Errorf("scores after Ctrl+Z %+v, want %+v", attempts, attemptsBefore)
	}
	if got, _ := st.ReadingItem(ctx, item.ID); got.Topic != ts[0].Name {
		t.Errorf("the reading item is on %q after Ctrl+Z, want %q", got.Topic, ts[0].Name)
	}
	if got, err := st.StudySession(ctx, ss.ID); err != nil || got.Topic != ts[1].Name {
		t.Errorf("the session after Ctrl+Z: %+v, %v", got, err)
	}
	if len(ps.p.Topics) != len(ts) {
		t.Errorf("the screen lists %d topics after Ctrl+Z, want %d", len(ps.p.Topics), len(ts))
	}
}

// The Practice screen offers to merge a reading topic into the practice
// topic of a similar name; "Not the same" is remembered, Merge moves the
// reading item and Ctrl+Z moves it back.
func TestPracticeOffersToMergeSimilarTopics(t *testing.T) {
	sh, st, ps := openPractice(t)
	ctx := context.Background()
	indexes, err := st.SaveReadingItem(ctx, data.ReadingItem{Title: "Inside the index", Topic: "Indexes"}, ps.p.Today)
	if err != nil {
		t.Fatal(err)
	}
	backups, err := st.SaveReadingItem(ctx, data.ReadingItem{Title: "Restore drills", Topic: "Backups"}, ps.p.Today)
	if err != nil {
		t.Fatal(err)
	}
	ps.refresh()
	c := sh.Window.Canvas()
	offer := func() string {
		if !ps.topicOffer.box.Visible() {
			return ""
		}
		return ps.topicOffer.label.Text
	}
	if got := offer(); !strings.Contains(got, `"Backups"`) || !strings.Contains(got, `"Backup and recovery"`) {
		t.Fatalf("offer %q, want Backups into Backup and recovery", got)
	}
	test.Tap(findButton(t, ps.topicOffer.box, "Not the same"))
	if got := offer(); !strings.Contains(got, `"Indexes"`) || !strings.Contains(got, `"Indexes and statistics"`) {
		t.Fatalf("offer after dismissing %q, want Indexes into Indexes and statistics", got)
	}
	test.Tap(findButton(t, ps.topicOffer.box, "Merge"))
	if got, _ := st.ReadingItem(ctx, indexes.ID); got.Topic != "Indexes and statistics" {
		t.Errorf("the reading item is on %q after Merge", got.Topic)
	}
	if got := offer(); got != "" {
		t.Errorf("an offer is left after merging one and dismissing the other: %q", got)
	}
	c.(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutUndo{})
	if got, _ := st.ReadingItem(ctx, indexes.ID); got.Topic != "Indexes" {
		t.Errorf("the reading item is on %q after Ctrl+Z", got.Topic)
	}
	if got, _ := st.ReadingItem(ctx, backups.ID); got.Topic != "Backups" {
		t.Errorf("the dismissed topic's item moved to %q", got.Topic)
	}
	if got := offer(); !strings.Contains(got, `"Indexes"`) {
		t.Errorf("after Ctrl+Z the offer is %q, want Indexes again (Backups stays dismissed)", got)
	}
}

// findButton returns the button labelled text under o.
func findButton(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	for _, x := range objectsIn(o) {
		if b, ok := x.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no %q button", text)
	return nil
}

// Study logged through the Study screen on a practice topic, chosen from
// the one list, shows as hours since the first attempt on the Practice
// screen and in `status --json` (summary.Build, which the command prints).
func TestStudyOnAPracticeTopicShowsItsHours(t *testing.T) {
	sh, st, ps := openPractice(t)
	ctx := context.Background()
	rot, _ := st.Rotation(ctx)
	es, _ := st.Exams(ctx, rot.ID)
	ts, _ := st.Topics(ctx, rot.ID)
	day, _ := data.ParseDate("d", "2026-11-01")
	if _, err := st.SaveAttempt(ctx, rot.ID, data.Attempt{ExamID: es[0].ID, Date: day, Scores: []data.TopicScore{
		data.CountedScore(ts[0].ID, 5, 10)}}, ps.p.Today); err != nil {
		t.Fatal(err)
	}
	c := sh.Window.Canvas()
	sh.Select(3)
	c.(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(ctrl(fyne.KeyN))
	form := findForm(t, c)
	topic := topicControlIn(t, c)
	if !slices.Contains(offeredTopics(t, c, topic), ts[0].Name) {
		t.Fatalf("the log form does not offer the practice topic %q", ts[0].Name)
	}
	test.Type(form.Items[0].Widget.(fyne.Focusable), "1h30m")
	test.Type(form.Items[2].Widget.(fyne.Focusable), "07:00")
	test.Type(topic, ts[0].Name)
	form.OnSubmit()

	sh.Select(practiceIndex)
	i := slices.IndexFunc(ps.p.Report.Topics, func(f data.TopicForecast) bool { return f.Topic.ID == ts[0].ID })
	if i < 0 {
		t.Fatalf("topic %q not on the Practice screen", ts[0].Name)
	}
	if _, _, detail := topicLine(ps.p.Report.Topics[i]); !strings.Contains(detail, "1.5 h studied since the first attempt") {
		t.Errorf("Practice shows %q", detail)
	}
	s, err := summary.Build(ctx, st, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(s.Practice.Topics)
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf(`{"name":%q,`, ts[0].Name)
	j := strings.Index(string(b), want)
	if j < 0 || !strings.HasSuffix(string(b[j:j+strings.Index(string(b[j:]), "}")+1]), `"hours_since_first_attempt":1.5}`) {
		t.Errorf("status --json practice.topics: %s", b)
	}
}
