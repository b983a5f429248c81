package app

import (
	"context"
	"fmt"
	"image"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/masterplan-app/masterplan/app/widgets"
	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/chart"
	"github.com/masterplan-app/masterplan/data/store"
	"github.com/masterplan-app/masterplan/data/summary"
)

// practiceScreen records practice tests and shows where each exam and
// topic stands: readiness per exam with its trend chart, topics weakest
// first, the attempts, and the exams and topics themselves.
type practiceScreen struct {
	shell *Shell
	p     summary.Practice
	loads loader[practiceData]
	exam  int // index of the exam selected on the readiness tab

	tabs         *container.AppTabs
	examList     *widget.List
	chart        *widgets.ChartImage
	explain      *widget.Label
	topicList    *widget.List
	readyEmpty   *widget.Label
	attemptList  *widget.List
	attemptEmpty *widget.Label
	filter       *widgets.Entry
	shown        []data.Attempt // the attempts listed: filtered, newest first
	undos        *undoer
	notice       *widget.Label // what a save did besides saving (a retake milestone added)
	manageExams  *widget.List
	manageTopics *widget.List
	topicOffer   *topicOfferBar
}

func newPracticeScreen(s *Shell) *practiceScreen {
	ps := &practiceScreen{shell: s, explain: widget.NewLabel("")}
	ps.undos = newUndoer(s, ps.refresh)
	ps.topicOffer = newTopicOfferBar(ps)
	ps.explain.Wrapping = fyne.TextWrapWord
	ps.notice = widget.NewLabel("")
	ps.notice.Wrapping = fyne.TextWrapWord
	ps.notice.Importance = widget.WarningImportance
	ps.notice.Hide()
	ps.chart = widgets.NewChartImage(fyne.NewSize(360, 160))
	ps.chart.OnError = s.showError

	ps.examList = widget.NewList(
		func() int { return len(ps.p.Report.Exams) },
		func() fyne.CanvasObject { return practiceRow() },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			icon, head, detail := examLine(ps.p.Report.Exams[id])
			setPracticeRow(o, icon, head, detail)
		})
	ps.examList.OnSelected = func(id widget.ListItemID) {
		ps.exam = id
		ps.showExam()
	}
	ps.topicList = widget.NewList(
		func() int { return len(ps.p.Report.Topics) },
		func() fyne.CanvasObject { return practiceRow() },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			icon, head, detail := topicLine(ps.p.Report.Topics[id])
			setPracticeRow(o, icon, head, detail)
		})
	ps.readyEmpty = widget.NewLabel("")
	ps.readyEmpty.Wrapping = fyne.TextWrapWord

	ps.attemptList = newEditList(func() []data.Attempt { return ps.shown },
		func(id int, a data.Attempt) string { return ps.attemptLine(a) },
		ps.editAttempt, ps.deleteAttempt)
	ps.attemptEmpty = widget.NewLabel("No practice attempts yet. Press Ctrl+N to record one: choose the exam, then type each topic's score as correct/total (32/40) or a percentage (85%).")
	ps.attemptEmpty.Wrapping = fyne.TextWrapWord
	ps.filter = widgets.NewEntry()
	ps.filter.SetPlaceHolder("Find attempts by exam, source, note or date")
	ps.filter.OnChanged = func(string) { ps.applyFilter() }

	ps.manageExams = newEditList(func() []data.Exam { return ps.p.Exams },
		func(id int, e data.Exam) string { return examSummary(e) },
		ps.editExam, ps.deleteExam)
	ps.manageTopics = widget.NewList(
		func() int { return len(ps.p.Topics) },
		func() fyne.CanvasObject {
			return container.NewBorder(nil, nil, nil,
				container.NewHBox(
					widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), nil),
					widget.NewButtonWithIcon("Merge…", theme.ContentPasteIcon(), nil),
					widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)),
				wrapRowLabel(widget.NewLabel("")))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			t := ps.p.Topics[id]
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Label).SetText(ps.topicSummary(t))
			buttons := row.Objects[1].(*fyne.Container)
			buttons.Objects[0].(*widget.Button).OnTapped = func() { ps.editTopic(t) }
			buttons.Objects[1].(*widget.Button).OnTapped = func() { ps.mergeTopic(t) }
			buttons.Objects[2].(*widget.Button).OnTapped = func() { ps.deleteTopic(t) }
		})
	return ps
}

// practiceRow is a list row: an icon, a bold first line and a detail
// line, both wrapped (the lists' rows follow their width: rowsFollowWidth).
func practiceRow() fyne.CanvasObject {
	head := wrapRowLabel(widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	detail := wrapRowLabel(widget.NewLabel(""))
	return container.NewBorder(nil, nil, widget.NewIcon(nil), nil, container.NewVBox(head, detail))
}

func setPracticeRow(o fyne.CanvasObject, icon fyne.Resource, head, detail string) {
	row := o.(*fyne.Container)
	lines := row.Objects[0].(*fyne.Container)
	lines.Objects[0].(*widget.Label).SetText(head)
	lines.Objects[1].(*widget.Label).SetText(detail)
	row.Objects[1].(*widget.Icon).SetResource(icon)
}

func practicePct(v float64) string { return fmt.Sprintf("%.1f %%", v) }

// readinessIcon and readinessWord show a verdict by icon and word, so it
// does not rest on colour alone.
func readinessIcon(r data.Readiness) fyne.Resource {
	switch r {
	case data.ReadinessReady:
		return theme.ConfirmIcon()
	case data.ReadinessBorderline:
		return theme.WarningIcon()
	case data.ReadinessNotReady:
		return theme.ErrorIcon()
	}
	return theme.QuestionIcon()
}

func readinessWord(r data.Readiness) string {
	return strings.ToUpper(string(r))
}

// examLine is an exam's row on the readiness tab: the verdict, then the
// forecast as data says it; the reason is in the sentence under the chart.
func examLine(f data.ExamForecast) (fyne.Resource, string, string) {
	head := fmt.Sprintf("%s: %s", f.Exam.Name, readinessWord(f.Readiness))
	var parts []string
	if f.Attempts() > 0 {
		parts = append(parts, "latest "+practicePct(f.Latest))
	} else {
		parts = append(parts, "no attempts")
	}
	parts = append(parts, f.Summary(), "pass mark "+f.PassMarkText())
	return readinessIcon(f.Readiness), head, strings.Join(parts, " · ")
}

// topicLine is a topic's row: a topic below its pass mark says so in words
// and with the warning icon, the others show a tick.
func topicLine(f data.TopicForecast) (fyne.Resource, string, string) {
	if f.Attempts() == 0 {
		return theme.QuestionIcon(), f.Topic.Name + ": not practised yet", "Score it in your next attempt to see where it stands."
	}
	icon, head := theme.ConfirmIcon(), f.Topic.Name
	if f.BelowPass() {
		icon, head = theme.WarningIcon(), fmt.Sprintf("%s: BELOW PASS (%s < %s)", f.Topic.Name, practicePct(f.Latest), f.PassMarkText())
	}
	head += " · " + readinessWord(f.Readiness)
	parts := []string{"latest " + practicePct(f.Latest), f.Summary()}
	study := "no study logged since the first attempt"
	if f.StudyHours > 0 {
		study = fmt.Sprintf("%.1f h studied since the first attempt", f.StudyHours)
	}
	if f.Attempts() > 1 {
		study = fmt.Sprintf("%+.1f points, %s", f.ScoreChange(), study)
	}
	return icon, head, strings.Join(append(parts, study), " · ")
}

func examSummary(e data.Exam) string {
	s := fmt.Sprintf("%s (%s) · pass mark %s", e.Name, e.Kind, data.PassMarkText(e.PassMark, e.PassMarkAssumed))
	if e.Date.IsZero() {
		s += " · no date yet"
	} else {
		s += " · on " + e.Date.String()
	}
	if e.Result != "" {
		s += fmt.Sprintf(" · %s on %s", strings.ToUpper(e.Result), e.ResultDate)
	}
	return s
}

func (ps *practiceScreen) topicSummary(t data.Topic) string {
	var names []string
	for _, e := range ps.p.Exams {
		if t.Covers(e.ID) {
			names = append(names, e.Name)
		}
	}
	if len(names) == 0 {
		return t.Name + " · no exam chosen"
	}
	return t.Name + " · " + strings.Join(names, ", ")
}

func (ps *practiceScreen) examName(id int64) string {
	for _, e := range ps.p.Exams {
		if e.ID == id {
			return e.Name
		}
	}
	return fmt.Sprintf("exam %d", id)
}

func (ps *practiceScreen) attemptLine(a data.Attempt) string {
	parts := []string{a.Date.String(), ps.examName(a.ExamID)}
	if a.Source != "" {
		parts = append(parts, a.Source)
	}
	if v, ok := a.Overall(); ok {
		parts = append(parts, "overall "+practicePct(v))
	}
	n := len(a.Scores)
	topics := fmt.Sprintf("%d topics", n)
	if n == 1 {
		topics = "1 topic"
	}
	parts = append(parts, topics)
	if a.Duration > 0 {
		parts = append(parts, data.FormatStudyDuration(a.Duration))
	}
	if a.Notes != "" {
		parts = append(parts, strings.ReplaceAll(a.Notes, "\n", " "))
	}
	return strings.Join(parts, " · ")
}

func (ps *practiceScreen) view() fyne.CanvasObject {
	record := widget.NewButtonWithIcon("Record attempt (Ctrl+N)", theme.ContentAddIcon(), ps.newItem)
	record.Importance = widget.HighImportance
	result := widget.NewButtonWithIcon("Record exam result…", theme.DocumentCreateIcon(), ps.recordResult)
	help := widget.NewLabel("Readiness projects each score to the exam date from the last 8 attempts within 180 days, with an 80 % range and the chance to pass; it needs 3 attempts over 14 days.")
	help.Wrapping = fyne.TextWrapWord

	examSide := container.NewBorder(nil, container.NewHBox(result), nil, nil, rowsFollowWidth(ps.examList))
	chartSide := container.NewBorder(nil, ps.explain, nil, nil, ps.chart)
	top := container.NewHSplit(examSide, chartSide)
	top.Offset = 0.42
	topics := container.NewBorder(
		widget.NewLabelWithStyle("Topics, weakest first (the warning sign and BELOW PASS mark a latest score under the pass mark)", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		nil, nil, nil, rowsFollowWidth(ps.topicList))
	split := container.NewVSplit(top, topics)
	split.Offset = 0.5
	readiness := container.NewBorder(container.NewVBox(ps.readyEmpty, help), nil, nil, nil, split)

	attempts := container.NewBorder(container.NewVBox(ps.filter, ps.attemptEmpty), nil, nil, nil, ps.attemptList)

	addExam := widget.NewButtonWithIcon("Add exam", theme.ContentAddIcon(), func() {
		ps.editExam(data.Exam{Kind: data.ExamWritten, PassMark: data.DefaultPassMark})
	})
	addTopic := widget.NewButtonWithIcon("Add topic", theme.ContentAddIcon(), func() { ps.editTopic(data.Topic{}) })
	exams := container.NewBorder(
		container.NewHBox(widget.NewLabelWithStyle("Exams", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), layoutSpacer(), addExam),
		nil, nil, nil, ps.manageExams)
	topicsManage := container.NewBorder(
		container.NewHBox(widget.NewLabelWithStyle("Topics (rename or merge keeps every score)", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), layoutSpacer(), addTopic),
		nil, nil, nil, rowsFollowWidth(ps.manageTopics))
	manage := container.NewVSplit(exams, topicsManage)
	manage.Offset = 0.35

	ps.tabs = container.NewAppTabs(
		container.NewTabItem("Readiness", readiness),
		container.NewTabItem("Attempts", attempts),
		container.NewTabItem("Exams and topics", manage),
	)
	// The undo bar sits under every tab: attempts and topics are undone alike.
	root := container.NewBorder(container.NewVBox(container.NewBorder(nil, nil, nil, record, ps.notice), ps.topicOffer.box),
		ps.undos.bar, nil, nil, ps.tabs)
	ps.topicOffer.relayout = root.Refresh
	return root
}

// refresh loads the practice records off the UI goroutine (see loader),
// adding the track's default exams and topics the first time, and redraws
// every tab.
func (ps *practiceScreen) refresh() {
	st, now := ps.shell.Store, ps.shell.Now()
	ps.loads.load(ps.shell, func(ctx context.Context) (practiceData, error) {
		rot, err := st.Rotation(ctx)
		if err != nil {
			return practiceData{}, err
		}
		if _, err := st.EnsurePracticeDefaults(ctx, rot); err != nil {
			return practiceData{}, err
		}
		set, err := st.Settings(ctx)
		if err != nil {
			return practiceData{}, err
		}
		p, err := summary.LoadPractice(ctx, st, rot, set, now)
		if err != nil {
			return practiceData{}, err
		}
		offers, err := st.TopicMergeOffers(ctx, rot.ID)
		return practiceData{p: p, offers: offers}, err
	}, func(d practiceData) {
		ps.show(d.p)
		ps.topicOffer.show(d.offers)
	})
}

// practiceData is what the practice screen reads off the UI goroutine: the
// records and the offers to merge similarly named topics.
type practiceData struct {
	p      summary.Practice
	offers []data.TopicMergeOffer
}

// show puts practice records p on every tab.
func (ps *practiceScreen) show(p summary.Practice) {
	ps.p = p
	if ps.exam >= len(p.Report.Exams) {
		ps.exam = 0
	}
	switch {
	case len(p.Exams) == 0:
		ps.readyEmpty.SetText("No exams yet. Add the exams you will sit on the \"Exams and topics\" tab.")
		ps.readyEmpty.Show()
	case len(p.Attempts) == 0:
		ps.readyEmpty.SetText("No practice attempts yet. Press Ctrl+N to record one; readiness needs at least two attempts on different days.")
		ps.readyEmpty.Show()
	default:
		ps.readyEmpty.Hide()
	}
	ps.examList.Refresh()
	if len(p.Report.Exams) > 0 {
		ps.examList.Select(ps.exam)
	}
	ps.showExam()
	ps.topicList.Refresh()
	ps.applyFilter()
	ps.manageExams.Refresh()
	ps.manageTopics.Refresh()
}

// showExam draws the selected exam's chart and its one-sentence forecast.
func (ps *practiceScreen) showExam() {
	if ps.exam >= len(ps.p.Report.Exams) {
		ps.chart.Draw = nil
		ps.chart.Refresh()
		ps.explain.SetText("")
		return
	}
	f, today := ps.p.Report.Exams[ps.exam], ps.p.Today
	ps.chart.Draw = func(w, h int, scale float32) (image.Image, error) {
		return chart.PracticeTrend(f, today, chartStyle(ps.shell.App, scale), w, h)
	}
	ps.chart.Refresh()
	text := f.Exam.Name + ": " + f.Explanation
	if f.PassMarkAssumed {
		text += "\nPass mark " + f.PassMarkText() + ": " + data.AssumedPassMarkWhy(f.PassMark) + "."
	}
	ps.explain.SetText(text)
}

// applyFilter lists the attempts matching the find text, newest first.
func (ps *practiceScreen) applyFilter() {
	q := data.NameKey(ps.filter.Text)
	ps.shown = ps.shown[:0]
	for i := len(ps.p.Attempts) - 1; i >= 0; i-- {
		a := ps.p.Attempts[i]
		if q == "" || strings.Contains(data.NameKey(ps.attemptLine(a)), q) {
			ps.shown = append(ps.shown, a)
		}
	}
	switch {
	case len(ps.p.Attempts) == 0:
		ps.attemptEmpty.SetText("No practice attempts yet. Press Ctrl+N to record one: choose the exam, then type each topic's score as correct/total (32/40) or a percentage (85%).")
		ps.attemptEmpty.Show()
	case len(ps.shown) == 0:
		ps.attemptEmpty.SetText(fmt.Sprintf("No attempt matches %q.", ps.filter.Text))
		ps.attemptEmpty.Show()
	default:
		ps.attemptEmpty.Hide()
	}
	ps.attemptList.Refresh()
}

func (ps *practiceScreen) newItem() {
	if len(ps.p.Exams) == 0 {
		ps.shell.showInfo("No exams yet", "Add the exam this practice test prepares for on the \"Exams and topics\" tab first.")
		return
	}
	a := data.Attempt{Date: ps.p.Today}
	if ps.exam < len(ps.p.Report.Exams) {
		a.ExamID = ps.p.Report.Exams[ps.exam].Exam.ID
	}
	if n := len(ps.p.Attempts); n > 0 {
		a.Source = ps.p.Attempts[n-1].Source
	}
	ps.editAttempt(a)
}

// deleteAttempt deletes at once and offers to undo, so a slip costs one click.
func (ps *practiceScreen) deleteAttempt(a data.Attempt) {
	gone, err := ps.shell.Store.DeleteAttempt(ps.shell.ctx(), ps.p.Rotation.ID, a.ID)
	if err != nil {
		ps.shell.showError(err)
		ps.shell.changed()
		return
	}
	ps.undos.offer(fmt.Sprintf("Deleted the attempt of %s (%s).", gone.Date, ps.examName(gone.ExamID)), func() error {
		gone.ID = 0
		_, err := ps.shell.Store.SaveAttempt(ps.shell.ctx(), ps.p.Rotation.ID, gone, ps.p.Today)
		return err
	})
	ps.shell.changed()
}

func (ps *practiceScreen) undoer() *undoer { return ps.undos }

// recordResult opens the selected exam's form, where its result is entered.
func (ps *practiceScreen) recordResult() {
	if ps.exam < len(ps.p.Report.Exams) {
		ps.editExam(ps.p.Report.Exams[ps.exam].Exam)
	}
}

// Labels of the result picker.
const (
	resultNotSat = "not sat yet"
	resultPassed = "passed"
	resultFailed = "failed"
)

// editExam opens the exam form: name, kind, pass mark, date and the real
// result. A failed result adds a retake milestone to the rotation.
func (ps *practiceScreen) editExam(e data.Exam) {
	ps.notice.Hide()
	name := widgets.NewEntry()
	name.SetText(e.Name)
	name.Validator = func(v string) error { return data.CheckText("name", v, true, data.MaxNameLen) }
	kind := widget.NewSelect([]string{data.ExamWritten, data.ExamLab}, nil)
	kind.SetSelected(e.Kind)
	pass := widgets.NewEntry()
	pass.SetText(strconv.FormatFloat(e.PassMark, 'f', -1, 64))
	pass.Validator = func(v string) error { _, err := parsePassMark(v); return err }
	day := ps.shell.dateEntry("date", true)
	day.SetDate(e.Date)
	result := widget.NewSelect([]string{resultNotSat, resultPassed, resultFailed}, nil)
	switch e.Result {
	case data.ExamPassed:
		result.SetSelected(resultPassed)
	case data.ExamFailed:
		result.SetSelected(resultFailed)
	default:
		result.SetSelected(resultNotSat)
	}
	resultDay := ps.shell.dateEntry("result date", true)
	resultDay.SetDate(e.ResultDate)
	result.OnChanged = func(v string) {
		if v != resultNotSat && resultDay.Text == "" {
			resultDay.SetDate(ps.p.Today)
		}
		if v == resultNotSat {
			resultDay.SetText("")
		}
	}
	fields := map[string]fyne.Validatable{"name": name, "pass mark": pass, "date": day, "result date": resultDay}
	save := func() error {
		ex := e
		ex.Name, ex.Kind = strings.TrimSpace(name.Text), kind.Selected
		p, err := parsePassMark(pass.Text)
		if err != nil {
			return err
		}
		if p != e.PassMark || e.ID == 0 {
			ex.PassMarkAssumed = false // entered by the user: theirs, not assumed
		}
		ex.PassMark, ex.Date, ex.ResultDate = p, day.Date(), resultDay.Date()
		ex.Result = ""
		if result.Selected != resultNotSat {
			ex.Result = result.Selected
		}
		_, retake, err := ps.shell.Store.SaveExam(ps.shell.ctx(), ps.p.Rotation.ID, ex, ps.p.Today)
		if err != nil {
			return err
		}
		// A change: what could be undone before it no longer can (a new
		// exam may have taken a deleted one's id); an edit can be undone
		// itself, with the retake milestone it added.
		ps.undos.forget()
		if e.ID != 0 {
			ps.undos.offer(fmt.Sprintf("Edited the exam %q.", e.Name), func() error {
				if _, _, err := ps.shell.Store.SaveExam(ps.shell.ctx(), ps.p.Rotation.ID, e, ps.p.Today); err != nil {
					return err
				}
				if retake != nil {
					_, err := ps.shell.Store.DeleteMilestone(ps.shell.ctx(), retake.ID)
					return err
				}
				return nil
			})
		}
		if retake != nil {
			// Said on the screen, not in a dialog: the form's closing would
			// take a dialog opened now down with it.
			ps.notice.SetText(fmt.Sprintf("Retake added: %q is now a milestone of your rotation, due %s (a first guess: change it on the Rotation screen). "+
				"Set the exam's date to the retake day to get a new forecast.", retake.Title, retake.Due))
			ps.notice.Show()
		}
		ps.shell.changed()
		return nil
	}
	title := "Edit exam"
	if e.ID == 0 {
		title = "Add an exam"
	}
	fd := showFormDialog(ps.shell.Window, title, "Save",
		[]*widget.FormItem{
			{Text: "Name", Widget: name},
			{Text: "Kind", Widget: kind},
			{Text: "Pass mark (%)", Widget: pass, HintText: "above 0 and at most 100"},
			{Text: "Exam date", Widget: day, HintText: "the (next) sitting; readiness projects to it"},
			{Text: "Result", Widget: result},
			{Text: "Result date", Widget: resultDay},
		}, fields, save)
	for _, en := range []*widget.Entry{&name.Entry, &pass.Entry, &day.Entry, &resultDay.Entry} {
		en.OnSubmitted = func(string) { fd.submit() }
	}
}

// parsePassMark reads a pass mark typed as "70" or "72.5 %".
func parsePassMark(s string) (float64, error) {
	t := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	v, err := strconv.ParseFloat(t, 64)
	if err != nil {
		return 0, data.Invalid("pass mark", "%q is not a number; enter a percentage such as 70", s)
	}
	return v, data.CheckPassMark(v)
}

// deleteExam deletes the exam at once, with its practice attempts, and
// offers to undo: the undo brings all of it back as it was.
func (ps *practiceScreen) deleteExam(e data.Exam) {
	gone, err := ps.shell.Store.DeleteExam(ps.shell.ctx(), e.ID)
	if err != nil {
		ps.shell.showError(err)
		ps.shell.changed()
		return
	}
	msg := fmt.Sprintf("Deleted the exam %q.", gone.Name)
	if gone.Attempts > 0 {
		msg = fmt.Sprintf("Deleted the exam %q with its %s.", gone.Name, data.Count(gone.Attempts, "practice attempt", "practice attempts"))
	}
	ps.offerRestore(msg, gone)
}

// offerRestore offers to undo the delete of an exam or a topic, and shows
// the screen without it meanwhile.
func (ps *practiceScreen) offerRestore(msg string, gone store.RemovedPractice) {
	ps.undos.offer(msg, func() error {
		return ps.shell.Store.RestorePractice(ps.shell.ctx(), gone)
	})
	ps.shell.changed()
}

// editTopic opens the topic form: its name and the exams that cover it.
// Renaming keeps the topic's scores.
func (ps *practiceScreen) editTopic(t data.Topic) {
	names, err := ps.shell.topicChoices()
	if err != nil {
		ps.shell.showError(err)
		return
	}
	// The one topic list: a study or reading topic typed here becomes an
	// exam topic under the same name, its hours with it.
	name := newTopicChoice(names)
	name.PlaceHolder = ""
	name.SetText(t.Name)
	name.Validator = func(v string) error { return data.CheckText("name", v, true, data.MaxNameLen) }
	var examNames []string
	var ticked []string
	for _, e := range ps.p.Exams {
		examNames = append(examNames, e.Name)
		if t.Covers(e.ID) || (t.ID == 0 && e.ID != 0) {
			ticked = append(ticked, e.Name)
		}
	}
	exams := widget.NewCheckGroup(examNames, nil)
	exams.SetSelected(ticked)
	fields := map[string]fyne.Validatable{"name": name}
	save := func() error {
		tp := t
		tp.Name, tp.ExamIDs = strings.TrimSpace(name.Text), nil
		for _, n := range exams.Selected {
			if e, ok := data.FindExam(ps.p.Exams, n); ok {
				tp.ExamIDs = append(tp.ExamIDs, e.ID)
			}
		}
		saved, change, err := ps.shell.Store.RenameTopic(ps.shell.ctx(), ps.p.Rotation.ID, tp)
		if err != nil {
			return err
		}
		if t.ID != 0 {
			ps.undos.offer(fmt.Sprintf("Saved the topic %q.", saved.Name), func() error {
				return ps.shell.Store.UndoTopicChange(ps.shell.ctx(), change)
			})
		} else {
			ps.undos.forget() // a new topic may have taken a deleted one's id
		}
		ps.shell.changed()
		return nil
	}
	title := "Edit topic"
	if t.ID == 0 {
		title = "Add a topic"
	}
	fd := showFormDialog(ps.shell.Window, title, "Save",
		[]*widget.FormItem{{Text: "Name", Widget: name}, {Text: "Covered by", Widget: exams}}, fields, save)
	name.OnSubmitted = func(string) { fd.submit() }
}

// mergeTopic merges t into another topic the user picks; every score of t
// moves there.
func (ps *practiceScreen) mergeTopic(t data.Topic) {
	var others []string
	for _, o := range ps.p.Topics {
		if o.ID != t.ID {
			others = append(others, o.Name)
		}
	}
	if len(others) == 0 {
		ps.shell.showInfo("Nothing to merge into", "Add another topic first.")
		return
	}
	into := widget.NewSelect(others, nil)
	into.PlaceHolder = "choose the topic to keep"
	d := dialog.NewForm(fmt.Sprintf("Merge %q into…", t.Name), "Merge", "Cancel",
		[]*widget.FormItem{{Text: "Keep", Widget: into, HintText: "its scores and " + strconv.Quote(t.Name) + "'s become one history"}},
		func(ok bool) {
			if !ok {
				return
			}
			target, found := data.FindTopic(ps.p.Topics, into.Selected)
			if !found {
				ps.shell.showError(data.Invalid("topic", "choose the topic to keep"))
				return
			}
			change, err := ps.shell.Store.MergeTopics(ps.shell.ctx(), ps.p.Rotation.ID, t.ID, target.ID)
			if err != nil {
				ps.shell.showError(err)
				return
			}
			ps.undos.offer(fmt.Sprintf("Merged %q into %q.", t.Name, target.Name), func() error {
				return ps.shell.Store.UndoTopicChange(ps.shell.ctx(), change)
			})
			ps.shell.changed()
		}, ps.shell.Window)
	passKeysOnAfterChoice(ps.shell.Window.Canvas(), into)
	d.Resize(fyne.NewSize(520, 220))
	d.Show()
}

// deleteTopic deletes the topic at once, with its scores in every attempt
// (and the attempts that scored only it), and offers to undo.
func (ps *practiceScreen) deleteTopic(t data.Topic) {
	gone, err := ps.shell.Store.DeleteTopic(ps.shell.ctx(), t.ID)
	if err != nil {
		ps.shell.showError(err)
		ps.shell.changed()
		return
	}
	msg := fmt.Sprintf("Deleted the topic %q.", gone.Name)
	switch {
	case gone.Attempts > 0:
		msg = fmt.Sprintf("Deleted the topic %q with its %s and the %s that scored only it.", gone.Name,
			data.Count(gone.Scores, "score", "scores"), data.Count(gone.Attempts, "practice attempt", "practice attempts"))
	case gone.Scores > 0:
		msg = fmt.Sprintf("Deleted the topic %q with its %s.", gone.Name, data.Count(gone.Scores, "score", "scores"))
	}
	ps.offerRestore(msg, gone)
}

var _ finder = (*practiceScreen)(nil)

// find shows the attempts and puts the cursor in their find box (Ctrl+F).
func (ps *practiceScreen) find() {
	if ps.tabs == nil {
		return
	}
	ps.tabs.SelectIndex(1)
	ps.shell.Window.Canvas().Focus(ps.filter)
}
