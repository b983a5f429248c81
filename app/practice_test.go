package app

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/masterplan-app/masterplan/app/widgets"
	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/store"
)

// practiceIndex is the Practice screen's place in the navigation.
const practiceIndex = 4

// openPractice sets a rotation up, starts the shell and shows Practice.
func openPractice(t *testing.T) (*Shell, *store.Store, *practiceScreen) {
	t.Helper()
	sh, st := newTestShell(t)
	setUpRotation(t, st, block("2027-03-01", "2027-03-21"))
	sh.Start()
	sh.Window.Canvas().(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(ctrl(fyne.Key5))
	if got := sh.SelectedTitle(); got != "Practice" {
		t.Fatalf("Ctrl+5 shows %q", got)
	}
	return sh, st, sh.screens[practiceIndex].(*practiceScreen)
}

func pressEnter(e fyne.Focusable) { e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) }

func TestPracticeDefaultsAndEmptyState(t *testing.T) {
	_, st, ps := openPractice(t)
	ctx := context.Background()
	rot, _ := st.Rotation(ctx)
	es, _ := st.Exams(ctx, rot.ID)
	ts, _ := st.Topics(ctx, rot.ID)
	if len(es) != 4 || len(ts) != len(data.SuggestTopics(rot.Track)) {
		t.Fatalf("first open made %d exams and %d topics", len(es), len(ts))
	}
	if !ps.attemptEmpty.Visible() || !ps.readyEmpty.Visible() || !strings.Contains(ps.readyEmpty.Text, "Ctrl+N") {
		t.Errorf("empty states: attempts %v, readiness %v %q", ps.attemptEmpty.Visible(), ps.readyEmpty.Visible(), ps.readyEmpty.Text)
	}
	if ps.examList.Length() != 4 || ps.manageTopics.Length() != len(ts) {
		t.Errorf("lists show %d exams and %d topics", ps.examList.Length(), ps.manageTopics.Length())
	}
	if !strings.Contains(ps.explain.Text, "Too early to tell") || !strings.Contains(ps.explain.Text, "3 more attempts") || !strings.Contains(ps.explain.Text, "70 % (assumed)") {
		t.Errorf("explanation = %q", ps.explain.Text)
	}
}

func TestPracticeRecordAttemptByKeyboard(t *testing.T) {
	sh, st, ps := openPractice(t)
	ctx := context.Background()
	c := sh.Window.Canvas()
	c.(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(ctrl(fyne.KeyN))
	forms := inDialog[*widget.Form](t, c)
	if len(forms) != 2 {
		t.Fatalf("the attempt dialog has %d forms, want the attempt's and the scores'", len(forms))
	}
	main, scores := forms[0], forms[1]
	if got := main.Items[0].Widget.(*widgets.DateEntry).Text; got != "2026-11-23" {
		t.Errorf("date defaults to %q, want today", got)
	}
	test.Type(main.Items[2].Widget.(*widgets.SelectEntry), "MeasureUp")
	test.Type(main.Items[3].Widget.(*widgets.Entry), "90")
	first := scores.Items[0].Widget.(*widgets.Entry)
	second := scores.Items[1].Widget.(*widgets.Entry)
	test.Type(first, "32/40")
	test.Type(second, "85%")
	pressEnter(second)

	if c.Overlays().Top() != nil {
		t.Fatalf("the dialog stayed open after Enter:\n%s", test.RenderToMarkup(c))
	}
	rot, _ := st.Rotation(ctx)
	all, _ := st.Attempts(ctx, rot.ID)
	ts, _ := st.Topics(ctx, rot.ID)
	if len(all) != 1 {
		t.Fatalf("%d attempts stored", len(all))
	}
	a := all[0]
	want := []data.TopicScore{data.CountedScore(ts[0].ID, 32, 40), data.PercentScore(ts[1].ID, 85)}
	if a.Source != "MeasureUp" || a.Duration.Minutes() != 90 || !slices.Equal(a.Scores, want) || a.Date.String() != "2026-11-23" {
		t.Errorf("stored attempt = %+v", a)
	}
	if ps.attemptList.Length() != 1 || ps.attemptEmpty.Visible() {
		t.Errorf("attempt list shows %d rows", ps.attemptList.Length())
	}
	if !strings.Contains(ps.attemptLine(a), "MeasureUp") || !strings.Contains(ps.attemptLine(a), "overall") {
		t.Errorf("attempt row = %q", ps.attemptLine(a))
	}
	if !strings.Contains(ps.explain.Text, "2 more attempts") {
		t.Errorf("explanation after one attempt = %q", ps.explain.Text)
	}
}

func TestPracticeBadInputSavesNothing(t *testing.T) {
	sh, st, ps := openPractice(t)
	ctx := context.Background()
	c := sh.Window.Canvas()
	rot, _ := st.Rotation(ctx)

	t.Run("correct above total", func(t *testing.T) {
		ps.newItem()
		forms := inDialog[*widget.Form](t, c)
		e := forms[1].Items[0].Widget.(*widgets.Entry)
		test.Type(e, "11/10")
		if err := e.Validate(); err == nil || !strings.Contains(err.Error(), "more than the total") {
			t.Errorf("field message = %v", err)
		}
		pressEnter(e)
		if all, _ := st.Attempts(ctx, rot.ID); len(all) != 0 {
			t.Fatalf("saved %+v", all)
		}
		if !strings.Contains(test.RenderToMarkup(c), "more than the total") {
			t.Error("the dialog does not say what is wrong")
		}
		c.Overlays().Top().Hide()
	})
	t.Run("no score at all", func(t *testing.T) {
		ps.newItem()
		forms := inDialog[*widget.Form](t, c)
		forms[0].OnSubmit()
		if all, _ := st.Attempts(ctx, rot.ID); len(all) != 0 {
			t.Fatalf("saved %+v", all)
		}
		if !strings.Contains(test.RenderToMarkup(c), "enter a score for at least one topic") {
			t.Error("the dialog does not ask for a score")
		}
		c.Overlays().Top().Hide()
	})
	t.Run("pass mark above 100", func(t *testing.T) {
		es, _ := st.Exams(ctx, rot.ID)
		ps.editExam(es[0])
		form := inDialog[*widget.Form](t, c)[0]
		pass := form.Items[2].Widget.(*widgets.Entry)
		pass.SetText("")
		test.Type(pass, "150")
		pressEnter(pass)
		if err := pass.Validate(); err == nil || !strings.Contains(err.Error(), "at most 100") {
			t.Errorf("pass mark message = %v", err)
		}
		if got, _ := st.Exams(ctx, rot.ID); got[0].PassMark != 70 {
			t.Errorf("pass mark saved as %v", got[0].PassMark)
		}
		c.Overlays().Top().Hide()
	})
}

func TestPracticeDeleteAndUndo(t *testing.T) {
	_, st, ps := openPractice(t)
	ctx := context.Background()
	rot, _ := st.Rotation(ctx)
	es, _ := st.Exams(ctx, rot.ID)
	ts, _ := st.Topics(ctx, rot.ID)
	a, err := st.SaveAttempt(ctx, rot.ID, data.Attempt{ExamID: es[0].ID, Date: ps.p.Today, Source: "own lab",
		Scores: []data.TopicScore{data.CountedScore(ts[0].ID, 5, 10)}}, ps.p.Today)
	if err != nil {
		t.Fatal(err)
	}
	ps.refresh()
	ps.deleteAttempt(ps.shown[0])
	if all, _ := st.Attempts(ctx, rot.ID); len(all) != 0 {
		t.Fatalf("attempt not deleted: %+v", all)
	}
	if !ps.undos.bar.Visible() || !strings.Contains(ps.undos.label.Text, "Deleted the attempt") {
		t.Fatalf("undo bar: %v %q", ps.undos.bar.Visible(), ps.undos.label.Text)
	}
	test.Tap(ps.undos.bar.Objects[1].(*widget.Button))
	all, _ := st.Attempts(ctx, rot.ID)
	if len(all) != 1 || all[0].Source != a.Source || !slices.Equal(all[0].Scores, a.Scores) {
		t.Errorf("after undo = %+v", all)
	}
	if ps.undos.bar.Visible() || ps.attemptList.Length() != 1 {
		t.Error("the undo bar stayed, or the list did not come back")
	}
}

func TestPracticeFailedExamAddsRetake(t *testing.T) {
	sh, st, ps := openPractice(t)
	ctx := context.Background()
	c := sh.Window.Canvas()
	rot, _ := st.Rotation(ctx)
	ps.recordResult()
	form := inDialog[*widget.Form](t, c)[0]
	form.Items[4].Widget.(*widget.Select).SetSelected(resultFailed)
	if got := form.Items[5].Widget.(*widgets.DateEntry).Text; got != "2026-11-23" {
		t.Errorf("result date defaults to %q, want today", got)
	}
	form.OnSubmit()
	es, _ := st.Exams(ctx, rot.ID)
	if es[0].Result != data.ExamFailed {
		t.Fatalf("exam = %+v", es[0])
	}
	ms, _ := st.Milestones(ctx, rot.ID)
	if !slices.ContainsFunc(ms, func(m data.Milestone) bool {
		return m.Title == "Retake: Written exam 1" && m.Due.String() == "2026-12-23"
	}) {
		t.Errorf("milestones = %+v, want the retake", ms)
	}
	if !ps.notice.Visible() || !strings.Contains(ps.notice.Text, "Retake: Written exam 1") {
		t.Error("the user is not told about the retake milestone")
	}
}

func TestPracticeTopicsWeakestAndMerge(t *testing.T) {
	sh, st, ps := openPractice(t)
	ctx := context.Background()
	rot, _ := st.Rotation(ctx)
	es, _ := st.Exams(ctx, rot.ID)
	ts, _ := st.Topics(ctx, rot.ID)
	for i, d := range []string{"2026-11-01", "2026-11-15"} {
		day, _ := data.ParseDate("d", d)
		if _, err := st.SaveAttempt(ctx, rot.ID, data.Attempt{ExamID: es[0].ID, Date: day, Scores: []data.TopicScore{
			data.CountedScore(ts[0].ID, 4+i, 10), data.CountedScore(ts[1].ID, 8+i, 10)}}, ps.p.Today); err != nil {
			t.Fatal(err)
		}
	}
	ps.refresh()
	weakest := ps.p.Report.Topics[0]
	if weakest.Topic.ID != ts[0].ID {
		t.Fatalf("weakest topic = %s, want %s", weakest.Topic.Name, ts[0].Name)
	}
	icon, head, detail := topicLine(weakest)
	if icon != theme.WarningIcon() || !strings.Contains(head, "BELOW PASS (50.0 % < 70 % (assumed))") || !strings.Contains(detail, "+10.0 points") {
		t.Errorf("weakest row = %v %q %q", icon, head, detail)
	}
	if _, head, _ := topicLine(ps.p.Report.Topics[1]); strings.Contains(head, "BELOW PASS") {
		t.Errorf("a passing topic is marked: %q", head)
	}
	if !strings.Contains(test.RenderToMarkup(sh.Window.Canvas()), "BELOW PASS") {
		t.Error("the topic list does not show the below-pass mark")
	}

	ps.mergeTopic(ts[0])
	c := sh.Window.Canvas()
	inDialog[*widget.Select](t, c)[0].SetSelected(ts[1].Name)
	for _, b := range inDialog[*widget.Button](t, c) {
		if b.Text == "Merge" {
			test.Tap(b)
		}
	}
	after, _ := st.Topics(ctx, rot.ID)
	if len(after) != len(ts)-1 {
		t.Fatalf("%d topics after merge, want %d", len(after), len(ts)-1)
	}
	all, _ := st.Attempts(ctx, rot.ID)
	if got := all[0].Scores; len(got) != 1 || got[0] != data.CountedScore(ts[1].ID, 12, 20) {
		t.Errorf("scores after merge = %+v", got)
	}
}

// After three attempts over three weeks the Practice screen and the
// dashboard show the forecast's range and chance, and the assumed pass
// mark as assumed, never "projected 100.0 %".
func TestPracticeAndDashboardShowRangeAndChance(t *testing.T) {
	sh, st, ps := openPractice(t)
	ctx := context.Background()
	rot, _ := st.Rotation(ctx)
	es, _ := st.Exams(ctx, rot.ID)
	ts, _ := st.Topics(ctx, rot.ID)
	today := data.NewDate(2026, 11, 23)
	for i, d := range []data.Date{data.NewDate(2026, 11, 1), data.NewDate(2026, 11, 10), data.NewDate(2026, 11, 22)} {
		a := data.Attempt{ExamID: es[0].ID, Date: d, Scores: []data.TopicScore{data.CountedScore(ts[0].ID, 26+3*i, 40)}}
		if _, err := st.SaveAttempt(ctx, rot.ID, a, today); err != nil {
			t.Fatal(err)
		}
	}
	ps.refresh()
	_, head, detail := examLine(ps.p.Report.Exams[0])
	for _, want := range []string{"80 % range", "chance to pass about", "from 3 attempts over 21 days", "pass mark 70 % (assumed)"} {
		if !strings.Contains(detail, want) {
			t.Errorf("exam row %q · %q lacks %q", head, detail, want)
		}
	}
	if strings.Contains(detail, "100.0 %") {
		t.Errorf("exam row projects 100.0 %%: %q", detail)
	}
	sh.Window.Canvas().(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(ctrl(fyne.Key1))
	d := sh.screens[0].(*dashboardScreen)
	all := cardText(t, d, "Readiness")
	for _, want := range []string{"Written exam 1: projected", "80 % range", "chance about", "(pass mark 70 % (assumed))"} {
		if !strings.Contains(all, want) {
			t.Errorf("dashboard cards lack %q:\n%s", want, all)
		}
	}
}

// rowDeleteButton is the delete button (the last of the row's buttons) of
// the row of list whose text starts with name.
func rowDeleteButton(t *testing.T, list *widget.List, name string) *widget.Button {
	t.Helper()
	for _, o := range objectsIn(list) {
		row, ok := o.(*fyne.Container)
		if !ok || len(row.Objects) != 2 {
			continue
		}
		l, ok := row.Objects[0].(*widget.Label)
		buttons, isBox := row.Objects[1].(*fyne.Container)
		if ok && isBox && strings.HasPrefix(l.Text, name+" ") {
			return buttons.Objects[len(buttons.Objects)-1].(*widget.Button)
		}
	}
	t.Fatalf("no row of %q in the list", name)
	return nil
}

// Deleting an exam or a topic asks nothing: it goes at once, with what
// hangs on it (the exam's attempts, the topic's scores), and Ctrl+Z
// brings it all back as it was.
func TestPracticeDeleteExamAndTopicAtOnceWithUndo(t *testing.T) {
	sh, st, ps := openPractice(t)
	ctx := context.Background()
	c := sh.Window.Canvas()
	rot, _ := st.Rotation(ctx)
	es, _ := st.Exams(ctx, rot.ID)
	ts, _ := st.Topics(ctx, rot.ID)
	for _, day := range []data.Date{ps.p.Today.AddDays(-3), ps.p.Today} {
		if _, err := st.SaveAttempt(ctx, rot.ID, data.Attempt{ExamID: es[0].ID, Date: day, Source: "own lab",
			Scores: []data.TopicScore{data.CountedScore(ts[0].ID, 5, 10), data.PercentScore(ts[1].ID, 60)}}, ps.p.Today); err != nil {
			t.Fatal(err)
		}
	}
	before, _ := st.Attempts(ctx, rot.ID)
	ps.refresh()
	ps.tabs.SelectIndex(2)
	ctrlZ := func() {
		c.Unfocus()
		c.(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutUndo{})
	}
	backAsBefore := func(t *testing.T) {
		t.Helper()
		if got, _ := st.Exams(ctx, rot.ID); !slices.Equal(got, es) {
			t.Errorf("exams after Ctrl+Z = %+v, want %+v", got, es)
		}
		if got, _ := st.Topics(ctx, rot.ID); !slices.EqualFunc(got, ts, func(a, b data.Topic) bool {
			return a.ID == b.ID && a.Name == b.Name && slices.Equal(a.ExamIDs, b.ExamIDs)
		}) {
			t.Errorf("topics after Ctrl+Z = %+v, want %+v", got, ts)
		}
		if got, _ := st.Attempts(ctx, rot.ID); !slices.EqualFunc(got, before, func(a, b data.Attempt) bool {
			return a.ID == b.ID && a.ExamID == b.ExamID && a.Date == b.Date && slices.Equal(a.Scores, b.Scores)
		}) {
			t.Errorf("attempts after Ctrl+Z = %+v, want %+v", got, before)
		}
		if ps.undos.bar.Visible() || ps.manageExams.Length() != len(es) || ps.attemptList.Length() != len(before) {
			t.Errorf("after Ctrl+Z: undo bar %v, %d exams and %d attempts listed", ps.undos.bar.Visible(), ps.manageExams.Length(), ps.attemptList.Length())
		}
	}

	t.Run("exam", func(t *testing.T) {
		test.Tap(rowDeleteButton(t, ps.manageExams, es[0].Name))
		if c.Overlays().Top() != nil {
			t.Fatalf("deleting an exam asked a question:\n%s", test.RenderToMarkup(c))
		}
		if got, _ := st.Exams(ctx, rot.ID); len(got) != len(es)-1 {
			t.Errorf("%d exams after the delete, want %d", len(got), len(es)-1)
		}
		if got, _ := st.Attempts(ctx, rot.ID); len(got) != 0 {
			t.Errorf("%d attempts left after deleting their exam", len(got))
		}
		if want := `Deleted the exam "` + es[0].Name + `" with its 2 practice attempts.`; !ps.undos.bar.Visible() || ps.undos.label.Text != want {
			t.Errorf("undo bar %v %q, want %q", ps.undos.bar.Visible(), ps.undos.label.Text, want)
		}
		if ps.manageExams.Length() != len(es)-1 {
			t.Errorf("the list shows %d exams", ps.manageExams.Length())
		}
		ctrlZ()
		backAsBefore(t)
	})
	t.Run("topic", func(t *testing.T) {
		test.Tap(rowDeleteButton(t, ps.manageTopics, ts[1].Name))
		if c.Overlays().Top() != nil {
			t.Fatalf("deleting a topic asked a question:\n%s", test.RenderToMarkup(c))
		}
		all, _ := st.Attempts(ctx, rot.ID)
		if len(all) != 2 || len(all[0].Scores) != 1 {
			t.Errorf("attempts after deleting a topic = %+v, want both with one score left", all)
		}
		if want := `Deleted the topic "` + ts[1].Name + `" with its 2 scores.`; ps.undos.label.Text != want {
			t.Errorf("undo bar %q, want %q", ps.undos.label.Text, want)
		}
		ctrlZ()
		backAsBefore(t)
	})
}

// Adding an exam or a topic is a change: the offer to undo a delete made
// before it goes (a new row may take the deleted one's id).
func TestPracticeAddForgetsTheDeleteUndo(t *testing.T) {
	sh, st, ps := openPractice(t)
	ctx := context.Background()
	c := sh.Window.Canvas()
	rot, _ := st.Rotation(ctx)
	for _, add := range []struct {
		name string
		del  func()
		open func()
	}{
		{"exam", func() { ps.deleteExam(ps.p.Exams[len(ps.p.Exams)-1]) }, func() { ps.editExam(data.Exam{Kind: data.ExamWritten, PassMark: data.DefaultPassMark}) }},
		{"topic", func() { ps.deleteTopic(ps.p.Topics[len(ps.p.Topics)-1]) }, func() { ps.editTopic(data.Topic{}) }},
	} {
		t.Run(add.name, func(t *testing.T) {
			add.del()
			if !ps.undos.pending() {
				t.Fatal("the delete offers no undo")
			}
			add.open()
			form := inDialog[*widget.Form](t, c)[0]
			form.Items[0].Widget.(interface{ SetText(string) }).SetText("Mock " + add.name)
			form.OnSubmit()
			if c.Overlays().Top() != nil {
				t.Fatalf("the form stayed open:\n%s", test.RenderToMarkup(c))
			}
			if ps.undos.pending() || ps.undos.bar.Visible() {
				t.Errorf("the undo of the delete is still offered after adding the %s", add.name)
			}
		})
	}
	if es, _ := st.Exams(ctx, rot.ID); !slices.ContainsFunc(es, func(e data.Exam) bool { return e.Name == "Mock exam" }) {
		t.Errorf("exams = %+v, want the one added", es)
	}
}
