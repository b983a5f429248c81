package app

import (
	"errors"
	"fmt"
	"image/color"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/masterplan-app/masterplan/app/widgets"
	"github.com/masterplan-app/masterplan/data"
)

// attemptForm is the dialog that records or edits a practice attempt: the
// exam, and one entry per topic it covers, typed as 32/40 or 85%.
type attemptForm struct {
	ps   *practiceScreen
	base data.Attempt // the attempt edited (ID 0 records one)

	day      *widgets.DateEntry
	exam     *widget.Select
	source   *widgets.SelectEntry
	minutes  *widgets.Entry
	notes    *widgets.Entry
	scoreBox *fyne.Container
	scores   []scoreRow // the score entries of the exam chosen
	dlg      *formDialog
}

// scoreRow is one topic's score entry.
type scoreRow struct {
	topic data.Topic
	entry *widgets.Entry
}

// editAttempt opens the attempt form on a; Enter in any entry saves.
func (ps *practiceScreen) editAttempt(a data.Attempt) {
	ps.notice.Hide()
	newAttemptForm(ps, a).show()
}

// newAttemptForm makes the form's fields, filled from a.
func newAttemptForm(ps *practiceScreen, a data.Attempt) *attemptForm {
	f := &attemptForm{ps: ps, base: a, day: ps.shell.dateEntry("date", false), minutes: widgets.NewEntry(),
		notes: widgets.NewEntry(), scoreBox: container.NewVBox()}
	f.day.SetDate(a.Date)
	names := make([]string, len(ps.p.Exams))
	for i, e := range ps.p.Exams {
		names[i] = e.Name
	}
	f.exam = widget.NewSelect(names, nil)
	var sources []string
	for _, o := range ps.p.Attempts {
		if o.Source != "" && !slices.Contains(sources, o.Source) {
			sources = append(sources, o.Source)
		}
	}
	f.source = widgets.NewSelectEntry(sources)
	f.source.SetText(a.Source)
	f.source.Validator = func(v string) error { return data.CheckText("source", v, false, data.MaxNameLen) }
	f.minutes.SetPlaceHolder("minutes, e.g. 90 (optional)")
	if a.Duration > 0 {
		f.minutes.SetText(strconv.FormatFloat(a.Duration.Minutes(), 'f', -1, 64))
	}
	f.minutes.Validator = func(v string) error { _, err := parseAttemptMinutes(v); return err }
	f.notes.SetText(a.Notes)
	f.notes.Validator = func(v string) error { return data.CheckText("notes", v, false, data.MaxNoteLen) }
	f.exam.OnChanged = func(name string) {
		if e, ok := data.FindExam(ps.p.Exams, name); ok {
			f.fillScores(e.ID)
		}
	}
	if i := slices.IndexFunc(ps.p.Exams, func(e data.Exam) bool { return e.ID == a.ExamID }); i >= 0 {
		f.exam.SetSelected(names[i])
	} else if len(names) > 0 {
		f.exam.SetSelected(names[0])
	}
	return f
}

// fillScores asks a score for each topic the exam covers, keeping what was
// typed for topics that stay.
func (f *attemptForm) fillScores(examID int64) {
	typed := map[int64]string{}
	for _, r := range f.scores {
		typed[r.topic.ID] = r.entry.Text
	}
	f.scores = nil
	form := widget.NewForm()
	for _, t := range f.ps.attemptTopics(examID, f.base) {
		e := widgets.NewEntry()
		e.SetPlaceHolder("e.g. 32/40 or 85%")
		if s, ok := f.base.Score(t.ID); ok {
			e.SetText(formatScoreCell(s))
		}
		if v, ok := typed[t.ID]; ok {
			e.SetText(v)
		}
		e.Validator = func(v string) error { _, _, err := parseScoreCell(v); return err }
		e.OnSubmitted = func(string) { f.submit() }
		form.Append(t.Name, e)
		f.scores = append(f.scores, scoreRow{t, e})
	}
	f.scoreBox.Objects = []fyne.CanvasObject{form}
	if len(f.scores) == 0 {
		f.scoreBox.Objects = []fyne.CanvasObject{widget.NewLabel("This exam covers no topic yet: tick it for its topics on the \"Exams and topics\" tab.")}
	}
	f.scoreBox.Refresh()
}

// submit saves as the Save button does (Enter in a score entry).
func (f *attemptForm) submit() {
	if f.dlg != nil {
		f.dlg.submit()
	}
}

// show opens the form in a dialog.
func (f *attemptForm) show() {
	// The gutter keeps the scroll bar off the entries.
	gutter := canvas.NewRectangle(color.Transparent)
	gutter.SetMinSize(fyne.NewSize(theme.ScrollBarSize()+theme.Padding(), 0))
	scroll := container.NewVScroll(container.NewBorder(nil, nil, nil, gutter, f.scoreBox))
	scroll.SetMinSize(fyne.NewSize(0, 250))
	title := "Edit practice attempt"
	if f.base.ID == 0 {
		title = "Record a practice attempt"
	}
	fields := map[string]fyne.Validatable{"date": f.day, "source": f.source, "duration": f.minutes, "notes": f.notes}
	f.dlg = showFormDialog(f.ps.shell.Window, title, "Save",
		[]*widget.FormItem{
			{Text: "Date", Widget: f.day},
			{Text: "Exam", Widget: f.exam},
			{Text: "Source", Widget: f.source, HintText: "practice-test vendor or \"own lab\""},
			{Text: "Duration", Widget: f.minutes},
			{Text: "Scores", Widget: scroll, HintText: "per topic: correct/total (32/40) or a percentage (85%); leave a topic empty if not scored"},
			{Text: "Notes", Widget: f.notes},
		}, fields, f.save)
	for _, e := range []*widgets.Entry{f.minutes, f.notes} {
		e.OnSubmitted = func(string) { f.submit() }
	}
	f.day.OnSubmitted = func(string) { f.submit() }
	f.source.OnSubmitted = func(string) { f.submit() }
	f.dlg.dlg.Resize(fyne.NewSize(760, 600))
}

// attempt reads the form into a copy of the attempt edited; each score's
// error shows at its entry.
func (f *attemptForm) attempt() (data.Attempt, error) {
	at := f.base
	e, ok := data.FindExam(f.ps.p.Exams, f.exam.Selected)
	if !ok {
		return at, data.Invalid("exam", "is required; choose the exam this practice test prepares for")
	}
	at.ExamID, at.Date = e.ID, f.day.Date()
	if at.Date.IsZero() {
		return at, data.Invalid("date", "%q is not a date; write it as YYYY-MM-DD", f.day.Text)
	}
	at.Source, at.Notes = strings.TrimSpace(f.source.Text), strings.TrimSpace(f.notes.Text)
	d, err := parseAttemptMinutes(f.minutes.Text)
	if err != nil {
		return at, err
	}
	at.Duration = d
	at.Scores = nil
	var errs []error
	for _, r := range f.scores {
		s, ok, err := parseScoreCell(r.entry.Text)
		if err != nil {
			r.entry.SetValidationError(err)
			errs = append(errs, fmt.Errorf("%s: %w", r.topic.Name, err))
			continue
		}
		if ok {
			s.TopicID = r.topic.ID
			at.Scores = append(at.Scores, s)
		}
	}
	return at, errors.Join(errs...)
}

// save stores the attempt; the store validates it whole again.
func (f *attemptForm) save() error {
	at, err := f.attempt()
	if err != nil {
		return err
	}
	ps := f.ps
	if _, err := ps.shell.Store.SaveAttempt(ps.shell.ctx(), ps.p.Rotation.ID, at, ps.p.Today); err != nil {
		return err
	}
	if before := f.base; before.ID != 0 {
		ps.undos.offer(fmt.Sprintf("Edited the attempt of %s (%s).", at.Date, ps.examName(at.ExamID)), func() error {
			_, err := ps.shell.Store.SaveAttempt(ps.shell.ctx(), ps.p.Rotation.ID, before, ps.p.Today)
			return err
		})
	} else {
		ps.undos.forget()
	}
	ps.shell.changed()
	return nil
}

// parseScoreCell reads a score typed as "32/40", "85%" or "" (not scored).
func parseScoreCell(s string) (data.TopicScore, bool, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return data.TopicScore{}, false, nil
	}
	if c, t, ok := strings.Cut(s, "/"); ok {
		sc, err := data.ParseTopicScore(c, t)
		return sc, true, err
	}
	if strings.HasSuffix(s, "%") {
		sc, err := data.ParseTopicScore(s, "")
		return sc, true, err
	}
	return data.TopicScore{}, true, data.Invalid("score", "%q is neither correct/total nor a percentage; write it like 32/40 or 85%%, or leave it empty", s)
}

// formatScoreCell writes a score the way parseScoreCell reads it.
func formatScoreCell(s data.TopicScore) string {
	c, t := data.FormatTopicScore(s)
	if t == "" {
		return c
	}
	return c + "/" + t
}

// attemptTopics are the topics the attempt form asks a score for: those
// the exam covers, and any the attempt already scores.
func (ps *practiceScreen) attemptTopics(examID int64, a data.Attempt) []data.Topic {
	var out []data.Topic
	for _, t := range ps.p.Topics {
		if _, scored := a.Score(t.ID); t.Covers(examID) || scored {
			out = append(out, t)
		}
	}
	return out
}

// parseAttemptMinutes reads an attempt's duration in minutes ("90", "37.5");
// empty means not noted. Data validates the range again on save.
func parseAttemptMinutes(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v < 0 || v > data.MaxAttemptDuration.Minutes() {
		return 0, data.Invalid("duration", "%q is not a number of minutes from 0 to %g; write e.g. 90, or leave it empty", s, data.MaxAttemptDuration.Minutes())
	}
	return time.Duration(v * float64(time.Minute)).Round(time.Second), nil
}
