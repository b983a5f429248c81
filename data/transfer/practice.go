package transfer

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/masterplan-app/masterplan/data"
)

// PracticeColumns are the columns of the practice CSV, in export order:
//
//	date          the day of the attempt, YYYY-MM-DD (required)
//	exam          the exam's name (required)
//	topic         the topic's name (required)
//	correct       correct answers, or a percentage such as "85%" when that
//	              is all the practice test shows (required)
//	total         the number of questions; empty with a percentage
//	source        the practice-test vendor or "own lab"; may be empty
//	duration_min  the attempt's length in minutes ("90", "37.5"; "1h30m"
//	              is read too); empty when not noted
//	notes         free text
//
// One row is one topic's score; the rows with the same date, exam and
// source (names compared without case or extra spaces) form one attempt,
// wherever they are in the file. On import the column names are
// case-insensitive and in any order; total, source, duration_min and notes
// may be missing.
func PracticeColumns() []string {
	return []string{"date", "exam", "topic", "correct", "total", "source", "duration_min", "notes"}
}

// practiceFieldColumns maps data's field names to the practice CSV's columns.
var practiceFieldColumns = map[string]string{"duration": "duration_min", "percent": "correct"}

// PracticeImport is what ImportPractice checks the file against.
type PracticeImport struct {
	Exams    []data.Exam
	Topics   []data.Topic
	Existing []data.Attempt // already stored: an attempt repeating one of them is a duplicate
	Today    data.Date      // an attempt cannot be after today
	// Strict rejects the rows naming an exam or topic that does not exist,
	// instead of listing them in the preview to be created.
	Strict bool
}

// ImportedAttempt is one attempt read from the file, its exam and topics
// known by name (see data.NamedAttempt).
type ImportedAttempt = data.NamedAttempt

// PracticePreview is what a practice import would add: the attempts
// (Accepted, with the first line of each in Lines), the rows rejected, and
// the exams and topics that the accepted attempts name but that do not
// exist yet, for the UI to offer to create (each once, as first written,
// in file order).
type PracticePreview struct {
	Preview[ImportedAttempt]
	UnknownExams  []string
	UnknownTopics []string
}

// Batch is what the store writes for the preview: the unknown exams and
// topics, then the accepted attempts.
func (p PracticePreview) Batch() data.PracticeBatch {
	return data.PracticeBatch{NewExams: p.UnknownExams, NewTopics: p.UnknownTopics, Attempts: p.Accepted, Lines: p.Lines}
}

// practiceRow is one row read from the file.
type practiceRow struct {
	line     int
	exam     string
	topic    string
	source   string
	notes    string
	score    data.TopicScore
	duration time.Duration
	hasDur   bool
	durText  string
	errs     []Rejected
}

// practiceGroup is the rows of one attempt.
type practiceGroup struct {
	date data.Date
	rows []*practiceRow
}

// ImportPractice reads a practice CSV named name (for messages) and returns
// the attempts it would add; nothing is written. An attempt is taken whole
// or not at all: when one of its rows is rejected, its other rows are
// rejected too, naming that line, so no attempt is half-imported with a
// wrong overall score. Rows are rejected, with their line and column, for a
// bad date, score or duration, a topic twice in one attempt, rows of one
// attempt disagreeing on the duration, an attempt after today or after its
// exam's date (data.Attempt.Validate), an attempt that shares its day,
// exam and source with a stored one but not its scores
// (data.CheckDuplicateAttempt), and, in strict mode, an unknown exam or
// topic. An exact repeat of a stored attempt (data.RepeatsAttempt) is
// skipped and counted in Repeats, so importing a file twice adds nothing. Notes of the rows of one attempt are joined, each distinct note
// once. The error is for a file refused as a whole: then nothing is accepted.
func ImportPractice(name string, b []byte, opt PracticeImport) (PracticePreview, error) {
	p, err := importPractice(b, opt)
	if err != nil {
		return PracticePreview{}, fmt.Errorf("import %s: %w", name, err)
	}
	return p, nil
}

func importPractice(b []byte, opt PracticeImport) (PracticePreview, error) {
	if opt.Today.IsZero() {
		return PracticePreview{}, fmt.Errorf("%w: today's date is needed to check the attempts' dates", data.ErrInvalid)
	}
	h, rows, err := readTable(b)
	if err != nil {
		return PracticePreview{}, err
	}
	for _, c := range []string{"date", "exam", "topic", "correct"} {
		if !h.Has(c) {
			return PracticePreview{}, fmt.Errorf("%w: the first line must name the columns, with at least date, exam, topic and correct (%s is missing); e.g. %s",
				data.ErrInvalid, c, strings.Join(PracticeColumns(), ","))
		}
	}
	if len(rows) == 0 {
		return PracticePreview{}, errNoRows
	}
	p := PracticePreview{Preview: Preview[ImportedAttempt]{Format: "csv"}}
	if u := h.Unknown(PracticeColumns()...); len(u) > 0 {
		p.Warnings = append(p.Warnings, fmt.Sprintf("ignored the columns %s: MasterPlan does not use them", strings.Join(u, ", ")))
	}
	columns := map[string]string{}
	for k, v := range practiceFieldColumns {
		columns[k] = h.Name(v)
	}
	for _, c := range PracticeColumns() {
		columns[c] = h.Name(c)
	}

	var groups []*practiceGroup
	byKey := map[string]*practiceGroup{}
	for _, rec := range rows {
		r, date, err := readPracticeRow(h, rec, columns)
		if err != nil {
			// Without its date or exam a row belongs to no attempt: it is
			// rejected alone.
			p.Rejected = append(p.Rejected, RejectError(rec.Line, err, columns)...)
			continue
		}
		k := date.String() + "|" + data.NameKey(r.exam) + "|" + data.NameKey(r.source)
		g, ok := byKey[k]
		if !ok {
			g = &practiceGroup{date: date}
			byKey[k] = g
			groups = append(groups, g)
		}
		g.rows = append(g.rows, r)
	}

	unknownExams, unknownTopics := newNameSet(), newNameSet()
	for _, g := range groups {
		ia, outcome := buildAttempt(g, opt, columns)
		switch outcome {
		case attemptRejected:
			p.Rejected = append(p.Rejected, groupRejections(g)...)
			continue
		case attemptRepeated:
			p.Repeats++
			continue
		}
		p.accept(ia.Lines[0], ia)
		if ia.Attempt.ExamID == 0 {
			unknownExams.add(ia.Exam)
		}
		for i, s := range ia.Attempt.Scores {
			if s.TopicID == 0 {
				unknownTopics.add(ia.Topics[i])
			}
		}
	}
	p.UnknownExams, p.UnknownTopics = unknownExams.names, unknownTopics.names
	slices.SortStableFunc(p.Rejected, func(a, b Rejected) int { return cmp.Compare(a.Line, b.Line) })
	return p, nil
}

// readPracticeRow reads one row. The error is for a row that cannot join an
// attempt (no valid date or exam); other problems are kept in the row's errs
// so the whole attempt is rejected with them.
func readPracticeRow(h Header, rec Record, columns map[string]string) (*practiceRow, data.Date, error) {
	get := func(col string) string { return h.Get(rec.Fields, col) }
	r := &practiceRow{line: rec.Line, exam: get("exam"), topic: get("topic"), source: get("source"), notes: NormaliseNewlines(get("notes"))}
	var head []error
	date, err := data.ParseDate("date", get("date"))
	if get("date") == "" {
		err = data.Invalid("date", "is required; write it as YYYY-MM-DD")
	}
	head = append(head, err, data.CheckText("exam", r.exam, true, data.MaxNameLen), data.CheckText("source", r.source, false, data.MaxNameLen))
	if err := errors.Join(head...); err != nil {
		return nil, data.Date{}, err
	}
	reject := func(err error) {
		if err != nil {
			r.errs = append(r.errs, RejectError(rec.Line, err, columns)...)
		}
	}
	reject(data.CheckText("topic", r.topic, true, data.MaxNameLen))
	reject(data.CheckText("notes", r.notes, false, data.MaxNoteLen))
	r.score, err = data.ParseTopicScore(get("correct"), get("total"))
	reject(err)
	r.durText = get("duration_min")
	r.duration, r.hasDur, err = parseAttemptMinutes(r.durText)
	reject(err)
	return r, date, nil
}

// parseAttemptMinutes reads duration_min: minutes with decimals ("37.5"),
// or a duration as the study log takes it ("1h30m"). Empty and "0" mean
// not noted.
func parseAttemptMinutes(s string) (time.Duration, bool, error) {
	if s == "" {
		return 0, false, nil
	}
	if v, err := strconv.ParseFloat(s, 64); err == nil {
		limit := data.MaxAttemptDuration.Minutes()
		switch {
		case math.IsNaN(v) || math.IsInf(v, 0):
		case v < 0:
			return 0, false, data.Invalid("duration", "%q is negative; write the minutes the attempt took, e.g. 90", s)
		case v > limit:
			return 0, false, data.Invalid("duration", "%q minutes is more than 24 hours; a practice test lasts at most %g minutes", s, limit)
		case v == 0:
			return 0, false, nil
		default:
			return time.Duration(math.Round(v*60)) * time.Second, true, nil
		}
	}
	d, err := data.ParseStudyDuration(s)
	if err != nil {
		return 0, false, data.Invalid("duration", "%q is not a duration; write the minutes, e.g. 90, or leave it empty", s)
	}
	return d, true, nil
}

// attemptOutcome is what an import does with one attempt of the file.
type attemptOutcome int

const (
	attemptAccepted attemptOutcome = iota
	attemptRejected                // a row is wrong: the rejections are in the rows' errs
	attemptRepeated                // an exact repeat of a stored attempt: skipped and counted
)

// buildAttempt checks and assembles the rows of one attempt.
func buildAttempt(g *practiceGroup, opt PracticeImport, columns map[string]string) (ImportedAttempt, attemptOutcome) {
	first := g.rows[0]
	ia := ImportedAttempt{Exam: strings.TrimSpace(first.exam)}
	a := data.Attempt{Date: g.date, Source: strings.TrimSpace(first.source)}
	exam, examKnown := data.FindExam(opt.Exams, first.exam)
	if examKnown {
		ia.Exam, a.ExamID = exam.Name, exam.ID
	} else if opt.Strict {
		first.errs = append(first.errs, Rejected{Line: first.line, Field: columns["exam"],
			Reason: fmt.Sprintf("%q is not an exam; create it first, or import without strict mode to have it created", ia.Exam)})
	}
	topicLine := map[string]int{}
	var durLine int
	var notes []string
	for _, r := range g.rows {
		ia.Lines = append(ia.Lines, r.line)
		if k := data.NameKey(r.topic); k != "" {
			if l, dup := topicLine[k]; dup {
				r.errs = append(r.errs, Rejected{Line: r.line, Field: columns["topic"],
					Reason: fmt.Sprintf("%q is already scored for this attempt on line %d; give each topic one row per attempt (add the counts up)", r.topic, l)})
			}
			topicLine[k] = r.line
		}
		s := r.score
		name := strings.TrimSpace(r.topic)
		if t, ok := data.FindTopic(opt.Topics, r.topic); ok {
			s.TopicID, name = t.ID, t.Name
		} else if opt.Strict && name != "" {
			r.errs = append(r.errs, Rejected{Line: r.line, Field: columns["topic"],
				Reason: fmt.Sprintf("%q is not a topic; create it first, or import without strict mode to have it created", name)})
		}
		a.Scores = append(a.Scores, s)
		ia.Topics = append(ia.Topics, name)
		if r.hasDur {
			switch {
			case durLine == 0:
				durLine, a.Duration = r.line, r.duration
			case r.duration != a.Duration:
				r.errs = append(r.errs, Rejected{Line: r.line, Field: columns["duration_min"],
					Reason: fmt.Sprintf("is %s here but %s on line %d; the rows of one attempt share its duration", r.durText, data.FormatStudyDuration(a.Duration), durLine)})
			}
		}
		if r.notes != "" && !slices.Contains(notes, r.notes) {
			notes = append(notes, r.notes)
		}
	}
	a.Notes = strings.Join(notes, "\n")
	if err := data.CheckText("notes", a.Notes, false, data.MaxNoteLen); err != nil && len(notes) > 1 {
		first.errs = append(first.errs, Rejected{Line: first.line, Field: columns["notes"],
			Reason: "the notes of this attempt's rows, joined, " + data.FieldMessage(err, "notes") + "; shorten them"})
	}
	if rowErrors(g) {
		return ImportedAttempt{}, attemptRejected
	}
	// Check what concerns the whole attempt with stand-in IDs for the exam
	// and topics still to create: scores were checked row by row already.
	check, examCheck := a, exam
	if !examKnown {
		examCheck = data.Exam{Name: ia.Exam}
	}
	check.ExamID, examCheck.ID = 1, 1
	check.Scores = slices.Clone(a.Scores)
	for i := range check.Scores {
		check.Scores[i].TopicID = int64(i + 1)
	}
	if examKnown && data.RepeatsAttempt(a, opt.Existing) {
		return ImportedAttempt{}, attemptRepeated
	}
	if err := check.Validate(examCheck, opt.Today); err != nil {
		first.errs = append(first.errs, RejectError(first.line, err, columns)...)
		return ImportedAttempt{}, attemptRejected
	}
	if examKnown {
		if err := data.CheckDuplicateAttempt(a, opt.Existing); err != nil {
			first.errs = append(first.errs, Rejected{Line: first.line, Reason: strings.TrimPrefix(err.Error(), data.ErrConflict.Error()+": ")})
			return ImportedAttempt{}, attemptRejected
		}
	}
	ia.Attempt = a
	return ia, attemptAccepted
}

func rowErrors(g *practiceGroup) bool {
	for _, r := range g.rows {
		if len(r.errs) > 0 {
			return true
		}
	}
	return false
}

// groupRejections lists the rejections of a rejected attempt: each faulty
// row's own, and for the others a pointer to the first faulty line.
func groupRejections(g *practiceGroup) []Rejected {
	bad := 0
	for _, r := range g.rows {
		if len(r.errs) > 0 {
			bad = r.line
			break
		}
	}
	var out []Rejected
	for _, r := range g.rows {
		if len(r.errs) > 0 {
			out = append(out, r.errs...)
			continue
		}
		out = append(out, Rejected{Line: r.line,
			Reason: fmt.Sprintf("belongs to the attempt on %s whose row on line %d was rejected; an attempt is imported whole or not at all", g.date, bad)})
	}
	return out
}

// nameSet collects names once each (compared as data.NameKey does), in
// the order first seen.
type nameSet struct {
	seen  map[string]bool
	names []string
}

func newNameSet() *nameSet { return &nameSet{seen: map[string]bool{}} }

func (s *nameSet) add(name string) {
	if k := data.NameKey(name); !s.seen[k] {
		s.seen[k] = true
		s.names = append(s.names, strings.TrimSpace(name))
	}
}

// ExportPractice writes attempts as the practice CSV (PracticeColumns),
// one row per topic score, attempts by date, exam name and source, safe to
// open in a spreadsheet (SafeCell). Each row repeats its attempt's
// duration and notes, so a filtered sheet still shows them; importing the
// file back gives the same attempts. Exams and topics name the attempts'
// IDs; a missing one is an error matching data.ErrNotFound.
func ExportPractice(w io.Writer, attempts []data.Attempt, exams []data.Exam, topics []data.Topic) error {
	examName := make(map[int64]string, len(exams))
	for _, e := range exams {
		examName[e.ID] = e.Name
	}
	topicName := make(map[int64]string, len(topics))
	for _, t := range topics {
		topicName[t.ID] = t.Name
	}
	sorted := slices.Clone(attempts)
	slices.SortStableFunc(sorted, func(a, b data.Attempt) int {
		return cmp.Or(a.Date.Time().Compare(b.Date.Time()), cmp.Compare(data.NameKey(examName[a.ExamID]), data.NameKey(examName[b.ExamID])),
			cmp.Compare(data.NameKey(a.Source), data.NameKey(b.Source)), cmp.Compare(a.ID, b.ID))
	})
	var rows [][]string
	for _, a := range sorted {
		exam, ok := examName[a.ExamID]
		if !ok {
			return fmt.Errorf("export practice: attempt %d on %s: exam %d: %w", a.ID, a.Date, a.ExamID, data.ErrNotFound)
		}
		dur := ""
		if a.Duration > 0 {
			// Two decimals keep the duration to the second: the import rounds
			// back to whole seconds.
			dur = strconv.FormatFloat(math.Round(a.Duration.Minutes()*100)/100, 'f', -1, 64)
		}
		for _, s := range a.Scores {
			topic, ok := topicName[s.TopicID]
			if !ok {
				return fmt.Errorf("export practice: attempt %d on %s: topic %d: %w", a.ID, a.Date, s.TopicID, data.ErrNotFound)
			}
			correct, total := data.FormatTopicScore(s)
			rows = append(rows, []string{a.Date.String(), exam, topic, correct, total, a.Source, dur, a.Notes})
		}
	}
	if err := WriteCSV(w, PracticeColumns(), rows); err != nil {
		return fmt.Errorf("export practice: %w", err)
	}
	return nil
}
