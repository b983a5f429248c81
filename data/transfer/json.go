package transfer

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/masterplan-app/masterplan/data"
)

// JSONFormat and JSONVersion identify MasterPlan's whole-database JSON file.
// The version goes up whenever a reader of the old version could misread a
// new file; a reader refuses versions newer than its own. Version 2 added
// the budget items' ids, who fronted the money and the generator that made
// an item, and the milestones' links to budget items; a version 1 file
// reads as items fronted by you, made by hand and linked to nothing.
const (
	JSONFormat  = "masterplan"
	JSONVersion = 2
)

// InstantLayout is how instants (a session's start, the export time) are
// written: UTC to the second, the form the database keeps them in.
const InstantLayout = "2006-01-02T15:04:05Z"

// Export is every record of one database as the JSON file holds it. Dates
// are "YYYY-MM-DD" ("" when not known), amounts are decimal strings beside
// their ISO 4217 codes, and the "id" fields are numbers local to the file
// (1, 2, ... in each list) that the other records refer to; they are not
// the database's row ids, which an import renumbers.
type Export struct {
	Format     string `json:"format"`
	Version    int    `json:"version"`
	ExportedAt string `json:"exported_at"`

	Settings           []Setting               `json:"settings"`
	Rotations          []JSONRotation          `json:"rotations"`
	Milestones         []JSONMilestone         `json:"milestones"`
	ReadingItems       []JSONReadingItem       `json:"reading_items"`
	ReadingProgress    []JSONProgress          `json:"reading_progress"`
	StudySessions      []JSONSession           `json:"study_sessions"`
	Exams              []JSONExam              `json:"exams"`
	Topics             []JSONTopic             `json:"topics"`
	Attempts           []JSONAttempt           `json:"attempts"`
	BudgetItems        []JSONBudgetItem        `json:"budget_items"`
	ExchangeRates      []JSONRate              `json:"exchange_rates"`
	Reminders          []JSONReminder          `json:"reminders"`
	MilestoneReminders []JSONMilestoneReminder `json:"milestone_reminders"`
}

// Setting is one row of the settings table: the user-wide settings and each
// area's own (reading lead days, Pomodoro lengths, backups kept, ...).
type Setting struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// JSONRotation is a rotation with its blocks.
type JSONRotation struct {
	ID        int64       `json:"id"`
	Track     string      `json:"track"`
	CatalogID string      `json:"catalog_id"`
	CreatedAt string      `json:"created_at"`
	Blocks    []JSONBlock `json:"blocks"`
}

// JSONBlock is one stretch of on-site days.
type JSONBlock struct {
	Start    string `json:"start"`
	End      string `json:"end"`
	Location string `json:"location"`
	TimeZone string `json:"time_zone"`
}

// JSONMilestone is a milestone of rotation Rotation (a file id).
type JSONMilestone struct {
	ID       int64  `json:"id"`
	Rotation int64  `json:"rotation"`
	Title    string `json:"title"`
	Due      string `json:"due"`
	Done     bool   `json:"done"`
	Kind     string `json:"kind"`
	// BudgetItem is the file id of the budget item whose recorded spend
	// marks the milestone done; absent when it is ticked by hand.
	BudgetItem int64 `json:"budget_item,omitempty"`
}

// JSONReadingItem is an item of the reading list; DeletedAt is set for the
// item whose deletion can still be undone.
type JSONReadingItem struct {
	ID        int64  `json:"id"`
	Title     string `json:"title"`
	Author    string `json:"author"`
	Kind      string `json:"kind"`
	Topic     string `json:"topic"`
	URL       string `json:"url"`
	Size      int    `json:"size"`
	Unit      string `json:"unit"`
	Done      int    `json:"done"`
	Status    string `json:"status"`
	Priority  int    `json:"priority"`
	Due       string `json:"due"`
	Notes     string `json:"notes"`
	AddedOn   string `json:"added_on"`
	DeletedAt string `json:"deleted_at,omitempty"`
}

// JSONProgress is one entry of the reading progress log.
type JSONProgress struct {
	Item  int64  `json:"item"`
	Day   string `json:"day"`
	Units int    `json:"units"`
}

// JSONSession is a study session; ReadingItem is a file id, 0 for none.
type JSONSession struct {
	Start       string `json:"start"`
	DurationS   int64  `json:"duration_s"`
	Topic       string `json:"topic"`
	ReadingItem int64  `json:"reading_item,omitempty"`
	Note        string `json:"note"`
}

// JSONExam is an exam of rotation Rotation.
type JSONExam struct {
	ID       int64   `json:"id"`
	Rotation int64   `json:"rotation"`
	Position int     `json:"position"`
	Name     string  `json:"name"`
	Kind     string  `json:"kind"`
	PassMark float64 `json:"pass_mark"`
	// PassMarkAssumed: the pass mark is the app's assumption (see data.Exam).
	PassMarkAssumed bool   `json:"pass_mark_assumed,omitempty"`
	Date            string `json:"date"`
	Result          string `json:"result"`
	ResultDate      string `json:"result_date"`
}

// JSONTopic is a topic (exam domain) with the exams that cover it.
type JSONTopic struct {
	ID       int64   `json:"id"`
	Rotation int64   `json:"rotation"`
	Name     string  `json:"name"`
	Exams    []int64 `json:"exams"`
}

// JSONAttempt is a practice attempt for Exam with its scores in order.
type JSONAttempt struct {
	Exam      int64       `json:"exam"`
	Date      string      `json:"date"`
	Source    string      `json:"source"`
	DurationS int64       `json:"duration_s"`
	Notes     string      `json:"notes"`
	Scores    []JSONScore `json:"scores"`
}

// JSONScore is one topic's score: Correct of Total, or Percent alone.
type JSONScore struct {
	Topic   int64    `json:"topic"`
	Correct int      `json:"correct"`
	Total   int      `json:"total"`
	Percent *float64 `json:"percent,omitempty"`
}

// JSONBudgetItem is a budget item of rotation Rotation. ID is 0 in version
// 1 files, which nothing refers to.
type JSONBudgetItem struct {
	ID                 int64  `json:"id"`
	Rotation           int64  `json:"rotation"`
	Category           string `json:"category"`
	Description        string `json:"description"`
	Start              string `json:"start"`
	End                string `json:"end"`
	PlannedAmount      string `json:"planned_amount"`
	PlannedCurrency    string `json:"planned_currency"`
	ActualAmount       string `json:"actual_amount"`
	ActualCurrency     string `json:"actual_currency"`
	ActualHomeAmount   string `json:"actual_home_amount"`
	ActualHomeCurrency string `json:"actual_home_currency"`
	PaidBy             string `json:"paid_by"`
	EmployerPercent    int    `json:"employer_percent"`
	Reimbursement      string `json:"reimbursement"`
	ReimbursementDate  string `json:"reimbursement_date"`
	Refund             bool   `json:"refund"`
	FrontedBy          string `json:"fronted_by"`   // who paid at the till: "me" ("" in version 1) or "employer"
	GeneratedBy        string `json:"generated_by"` // "hotel", "meals" or "" for an item made by hand
}

// JSONRate is an exchange rate: one Currency is worth ToHome of Home.
type JSONRate struct {
	Home     string `json:"home"`
	Currency string `json:"currency"`
	ToHome   string `json:"to_home"`
	AsOf     string `json:"as_of"`
}

// JSONReminder is a reminder; At is "HH:MM:SS", SavedAt the instant of its
// last save ("" for the untouched defaults).
type JSONReminder struct {
	Kind       string `json:"kind"`
	Title      string `json:"title"`
	Body       string `json:"body"`
	Enabled    bool   `json:"enabled"`
	TimeZone   string `json:"time_zone"`
	RRule      string `json:"rrule"`
	Day        string `json:"day"`
	At         string `json:"at"`
	DaysBefore int    `json:"days_before"`
	SavedAt    string `json:"saved_at"`
}

// JSONMilestoneReminder is one milestone's own reminder choice.
type JSONMilestoneReminder struct {
	Milestone  int64 `json:"milestone"`
	Off        bool  `json:"off"`
	DaysBefore int   `json:"days_before"`
}

// WriteJSON writes x indented, with a final newline.
func WriteJSON(w io.Writer, x *Export) error {
	b, err := json.MarshalIndent(x, "", "  ")
	if err != nil {
		return fmt.Errorf("write JSON: %w", err)
	}
	if _, err := w.Write(append(b, '\n')); err != nil {
		return fmt.Errorf("write JSON: %w", err)
	}
	return nil
}

// ReadJSON parses a whole-database JSON file. It reads past a UTF-8 byte
// order mark and refuses what CheckInput refuses (UTF-16, binary, empty,
// too large), another format, a
// newer version (before looking further, since a newer file may hold what
// this version cannot read), a truncated file, unknown fields and values
// of the wrong type, saying where. It does not check the records: see
// Validate.
func ReadJSON(b []byte) (*Export, error) {
	if err := CheckInput(b); err != nil {
		return nil, fmt.Errorf("read JSON: %w", err)
	}
	b = Text(b)
	var head struct {
		Format  string `json:"format"`
		Version int    `json:"version"`
	}
	if err := json.Unmarshal(b, &head); err != nil {
		return nil, jsonError(b, err)
	}
	switch {
	case head.Format != JSONFormat:
		return nil, fmt.Errorf("read JSON: format is %q, not %q: this is not a MasterPlan export", head.Format, JSONFormat)
	case head.Version > JSONVersion:
		return nil, fmt.Errorf("read JSON: the file is version %d, written by a newer MasterPlan; this one reads version %d and older, so update the app to import it", head.Version, JSONVersion)
	case head.Version < 1:
		return nil, fmt.Errorf("read JSON: version %d is not a version of the format; it starts at 1", head.Version)
	}
	// The first pass read the whole text, so nothing follows the object.
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var x Export
	if err := dec.Decode(&x); err != nil {
		return nil, jsonError(b, err)
	}
	if x.Records() > MaxImportRows {
		return nil, fmt.Errorf("read JSON: %w", ErrTooManyRows)
	}
	return &x, nil
}

// Records counts the records of every list, for the import limit that the
// CSV importers apply to rows (MaxImportRows).
func (x *Export) Records() int {
	n := len(x.Settings) + len(x.Rotations) + len(x.Milestones) + len(x.ReadingItems) + len(x.ReadingProgress) +
		len(x.StudySessions) + len(x.Exams) + len(x.Topics) + len(x.Attempts) + len(x.BudgetItems) +
		len(x.ExchangeRates) + len(x.Reminders) + len(x.MilestoneReminders)
	for _, r := range x.Rotations {
		n += len(r.Blocks)
	}
	for _, a := range x.Attempts {
		n += len(a.Scores)
	}
	return n
}

// jsonError says where in b the decoder stopped, as a line and column.
func jsonError(b []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF),
		errors.As(err, &syn) && syn.Offset >= int64(len(bytes.TrimRight(b, " \t\r\n"))):
		return fmt.Errorf("read JSON: the file ends too early at %s (is it truncated?): %w", position(b, int64(len(b))), err)
	case syn != nil:
		return fmt.Errorf("read JSON: %s: %w", position(b, syn.Offset), err)
	case errors.As(err, &typ) && typ.Field == "":
		return fmt.Errorf("read JSON: the file holds a JSON %s, not the export's object", typ.Value)
	case typ != nil:
		return fmt.Errorf("read JSON: %s: %s is %s, expected %s", position(b, typ.Offset), typ.Field, typ.Value, typ.Type)
	}
	return fmt.Errorf("read JSON: %w", err)
}

func position(b []byte, offset int64) string {
	offset = min(max(offset, 0), int64(len(b)))
	before := b[:offset]
	line := bytes.Count(before, []byte("\n")) + 1
	col := int(offset) - bytes.LastIndexByte(before, '\n')
	return fmt.Sprintf("line %d, column %d", line, col)
}

// recordError names the record that is wrong: its list and its place in
// it, counted from 1 as people count.
func recordError(list string, i int, err error) error {
	return fmt.Errorf("%s %d: %w", list, i+1, err)
}

// Validate checks every record against the domain's rules at instant now
// and every reference between records, and returns all problems found,
// each naming its list and place. Rules that depend on the day a record
// was saved (a reminder must still ring, an attempt must precede its
// exam's current date) are not applied again: the exported database held
// those records legitimately, and later edits (an exam moved to its
// retake) do not make them wrong.
func (x *Export) Validate(now time.Time) error {
	var errs []error
	add := func(list string, i int, err error) {
		if err != nil {
			errs = append(errs, recordError(list, i, err))
		}
	}
	today := data.DateOf(now, time.UTC).AddDays(1) // the east-most zone's today
	rotations := ids("rotation", x.Rotations, func(r JSONRotation) int64 { return r.ID }, &errs)
	milestones := ids("milestone", x.Milestones, func(m JSONMilestone) int64 { return m.ID }, &errs)
	items := ids("reading item", x.ReadingItems, func(it JSONReadingItem) int64 { return it.ID }, &errs)
	exams := ids("exam", x.Exams, func(e JSONExam) int64 { return e.ID }, &errs)
	topics := ids("topic", x.Topics, func(t JSONTopic) int64 { return t.ID }, &errs)
	budget := budgetIDs(x.BudgetItems, &errs)
	ref := func(what string, set map[int64]int, id int64) error {
		if _, ok := set[id]; !ok {
			return data.Invalid(what, "refers to %s %d, which the file does not hold", what, id)
		}
		return nil
	}
	seenKey := map[string]bool{}
	for i, s := range x.Settings {
		switch {
		case strings.TrimSpace(s.Key) == "":
			add("setting", i, data.Invalid("key", "is required"))
		case seenKey[s.Key]:
			add("setting", i, data.Invalid("key", "%q is listed twice", s.Key))
		case data.MachineSetting(s.Key):
			// The machine that wrote the file ran its reminders then: an
			// import skips it (older exports hold it), so it is not checked.
		default:
			add("setting", i, data.CheckSetting(s.Key, s.Value))
		}
		seenKey[s.Key] = true
	}
	for i, r := range x.Rotations {
		_, err := r.Domain()
		add("rotation", i, err)
	}
	for i, m := range x.Milestones {
		_, err := m.Domain()
		err = errors.Join(err, ref("rotation", rotations, m.Rotation))
		if m.BudgetItem != 0 {
			if j, ok := budget[m.BudgetItem]; !ok {
				err = errors.Join(err, ref("budget_item", budget, m.BudgetItem))
			} else if x.BudgetItems[j].Rotation != m.Rotation {
				err = errors.Join(err, data.Invalid("budget_item", "%d is in another rotation's budget; a milestone links to its own rotation's items", m.BudgetItem))
			}
		}
		add("milestone", i, err)
	}
	for i, it := range x.ReadingItems {
		_, err := it.Domain()
		if it.DeletedAt != "" {
			if _, perr := time.Parse(InstantLayout, it.DeletedAt); perr != nil {
				err = errors.Join(err, data.Invalid("deleted_at", "%q is not an instant such as 2026-01-31T12:00:00Z", it.DeletedAt))
			}
		}
		add("reading item", i, err)
	}
	for i, p := range x.ReadingProgress {
		_, err := data.ParseDate("day", p.Day)
		if p.Units == 0 {
			err = errors.Join(err, data.Invalid("units", "is 0; a progress entry records a change"))
		}
		add("reading progress", i, errors.Join(err, ref("item", items, p.Item)))
	}
	sessions := data.NewSessionTimeline(nil) // one session at a time, in the file too
	for i, s := range x.StudySessions {
		sess, err := s.Domain()
		if err == nil {
			err = sess.Validate(now)
		}
		if err == nil {
			if o, ok := sessions.Overlap(sess); ok {
				err = data.OverlapError(sess, o, time.UTC)
			}
			sessions.Add(sess)
		}
		if s.ReadingItem != 0 {
			err = errors.Join(err, ref("reading_item", items, s.ReadingItem))
		}
		add("study session", i, err)
	}
	for i, e := range x.Exams {
		ex, err := e.Domain()
		if err == nil {
			err = ex.Validate(today)
		}
		add("exam", i, errors.Join(err, ref("rotation", rotations, e.Rotation)))
	}
	for i, t := range x.Topics {
		err := errors.Join(t.Domain().Validate(), ref("rotation", rotations, t.Rotation))
		for _, e := range t.Exams {
			err = errors.Join(err, ref("exam", exams, e))
		}
		add("topic", i, err)
	}
	for i, a := range x.Attempts {
		at, err := a.Domain()
		if err == nil {
			// Checked against an exam without a date: see the doc comment.
			err = at.Validate(data.Exam{ID: a.Exam, Name: "the exam"}, today)
		}
		err = errors.Join(err, ref("exam", exams, a.Exam))
		for j, s := range a.Scores {
			if rerr := ref("topic", topics, s.Topic); rerr != nil {
				err = errors.Join(err, fmt.Errorf("score %d: %w", j+1, rerr))
			}
		}
		add("attempt", i, err)
	}
	for i, b := range x.BudgetItems {
		it, err := b.Domain()
		if err == nil {
			err = it.Validate()
		}
		add("budget item", i, errors.Join(err, ref("rotation", rotations, b.Rotation)))
	}
	for i, r := range x.ExchangeRates {
		rate, err := r.Domain()
		if err == nil {
			err = rate.Validate(r.Home)
		}
		add("exchange rate", i, errors.Join(err, data.CheckCurrency("home", r.Home)))
	}
	for i, r := range x.Reminders {
		rem, err := r.Domain()
		if err == nil {
			// now zero: a reminder that has rung its last is still a record.
			err = rem.Validate(time.Time{}, time.UTC)
		}
		if r.SavedAt != "" {
			if _, perr := time.Parse(InstantLayout, r.SavedAt); perr != nil {
				err = errors.Join(err, data.Invalid("saved_at", "%q is not an instant such as 2026-01-31T12:00:00Z", r.SavedAt))
			}
		}
		add("reminder", i, err)
	}
	choices := map[int64]bool{}
	for i, m := range x.MilestoneReminders {
		err := errors.Join((data.MilestoneSetting{Off: m.Off, DaysBefore: m.DaysBefore}).Validate(), ref("milestone", milestones, m.Milestone))
		if choices[m.Milestone] {
			err = errors.Join(err, data.Invalid("milestone", "%d has two reminder choices; keep one", m.Milestone))
		}
		choices[m.Milestone] = true
		add("milestone reminder", i, err)
	}
	if len(errs) > 0 {
		return fmt.Errorf("check JSON: %w: %w", data.ErrInvalid, errors.Join(errs...))
	}
	return nil
}

// ids collects the file ids of list, reporting ids that are not positive
// or that repeat; the map gives each id's index.
func ids[T any](what string, list []T, id func(T) int64, errs *[]error) map[int64]int {
	out := make(map[int64]int, len(list))
	for i, v := range list {
		n := id(v)
		if n <= 0 {
			*errs = append(*errs, recordError(what, i, data.Invalid("id", "is %d; ids are 1 or more", n)))
			continue
		}
		if j, ok := out[n]; ok {
			*errs = append(*errs, recordError(what, i, data.Invalid("id", "%d is also the id of %s %d", n, what, j+1)))
			continue
		}
		out[n] = i
	}
	return out
}

// budgetIDs collects the budget items' file ids as ids does, but lets an
// item have none (0, as in version 1 files): nothing can refer to it.
func budgetIDs(list []JSONBudgetItem, errs *[]error) map[int64]int {
	out := map[int64]int{}
	for i, b := range list {
		switch j, seen := out[b.ID]; {
		case b.ID == 0:
		case b.ID < 0:
			*errs = append(*errs, recordError("budget item", i, data.Invalid("id", "is %d; ids are 1 or more", b.ID)))
		case seen:
			*errs = append(*errs, recordError("budget item", i, data.Invalid("id", "%d is also the id of budget item %d", b.ID, j+1)))
		default:
			out[b.ID] = i
		}
	}
	return out
}

// optionalDate reads a day that may be "" (not known).
func optionalDate(field, s string) (data.Date, error) {
	if s == "" {
		return data.Date{}, nil
	}
	return data.ParseDate(field, s)
}

// optionalMoney reads an amount that may be "" with its currency.
func optionalMoney(field, amount, currency string) (data.Money, error) {
	if amount == "" && currency == "" {
		return data.Money{}, nil
	}
	d, ok := plainDecimal(amount)
	if !ok {
		return data.Money{}, data.Invalid(field, "%q is not a decimal amount such as 1234.50", amount)
	}
	return data.Money{Amount: d, Currency: currency}, nil
}

// plainDecimal reads a decimal as the export writes it: an optional minus,
// digits and an optional point, at most 40 characters. Exponents are
// refused: "1e999999999" would make a number too large to compute with.
func plainDecimal(s string) (decimal.Decimal, bool) {
	if s == "" || len(s) > 40 || strings.Trim(s, "-0123456789.") != "" {
		return decimal.Decimal{}, false
	}
	d, err := decimal.NewFromString(s)
	return d, err == nil
}

// Domain turns the rotation into the domain's and checks it.
func (r JSONRotation) Domain() (data.Rotation, error) {
	out := data.Rotation{Track: r.Track, CatalogID: r.CatalogID}
	var errs []error
	if _, err := time.Parse(InstantLayout, r.CreatedAt); err != nil {
		errs = append(errs, data.Invalid("created_at", "%q is not an instant such as 2026-01-31T12:00:00Z", r.CreatedAt))
	}
	for i, b := range r.Blocks {
		start, err1 := data.ParseDate("start", b.Start)
		end, err2 := data.ParseDate("end", b.End)
		if err := errors.Join(err1, err2); err != nil {
			errs = append(errs, fmt.Errorf("block %d: %w", i+1, err))
			continue
		}
		out.Blocks = append(out.Blocks, data.Block{Start: start, End: end, Location: b.Location, TimeZone: b.TimeZone})
	}
	if len(errs) == 0 {
		errs = append(errs, out.Validate())
	}
	return out, errors.Join(errs...)
}

// RotationFromDomain is rotation r as the file holds it, with file id id,
// made at createdAt (an instant as InstantLayout writes it).
func RotationFromDomain(r data.Rotation, id int64, createdAt string) JSONRotation {
	out := JSONRotation{ID: id, Track: r.Track, CatalogID: r.CatalogID, CreatedAt: createdAt, Blocks: []JSONBlock{}}
	for _, b := range r.Blocks {
		out.Blocks = append(out.Blocks, JSONBlock{Start: b.Start.String(), End: b.End.String(), Location: b.Location, TimeZone: b.TimeZone})
	}
	return out
}

// Domain turns the milestone into the domain's and checks it.
func (m JSONMilestone) Domain() (data.Milestone, error) {
	due, err := data.ParseDate("due", m.Due)
	out := data.Milestone{Title: m.Title, Due: due, Done: m.Done, Kind: m.Kind}
	if err != nil {
		return out, err
	}
	return out, out.Validate()
}

// MilestoneFromDomain is milestone m with file ids id, rotation and
// budgetItem (0: not linked).
func MilestoneFromDomain(m data.Milestone, id, rotation, budgetItem int64) JSONMilestone {
	return JSONMilestone{ID: id, Rotation: rotation, Title: m.Title, Due: m.Due.String(), Done: m.Done, Kind: m.Kind, BudgetItem: budgetItem}
}

// Domain turns the item into the domain's and checks it.
func (it JSONReadingItem) Domain() (data.ReadingItem, error) {
	due, err1 := optionalDate("due", it.Due)
	added, err2 := data.ParseDate("added_on", it.AddedOn)
	out := data.ReadingItem{Title: it.Title, Author: it.Author, Kind: it.Kind, Topic: it.Topic, URL: it.URL,
		Size: it.Size, Unit: it.Unit, Done: it.Done, Status: it.Status, Priority: it.Priority, Due: due,
		Notes: it.Notes, AddedOn: added}
	if err := errors.Join(err1, err2); err != nil {
		return out, err
	}
	return out, out.Validate()
}

// ReadingItemFromDomain is item it with file id id; deletedAt is set while
// its delete can still be undone.
func ReadingItemFromDomain(it data.ReadingItem, id int64, deletedAt string) JSONReadingItem {
	return JSONReadingItem{ID: id, Title: it.Title, Author: it.Author, Kind: it.Kind, Topic: it.Topic, URL: it.URL, Size: it.Size,
		Unit: it.Unit, Done: it.Done, Status: it.Status, Priority: it.Priority, Due: it.Due.String(), Notes: it.Notes,
		AddedOn: it.AddedOn.String(), DeletedAt: deletedAt}
}

// ProgressFromDomain is log entry e of the item with file id item.
func ProgressFromDomain(e data.ProgressEntry, item int64) JSONProgress {
	return JSONProgress{Item: item, Day: e.Date.String(), Units: e.Units}
}

// Domain turns the session into the domain's (unchecked: its check needs
// the instant now). The reading item is left 0: file ids are not row ids.
func (s JSONSession) Domain() (data.StudySession, error) {
	start, err := time.Parse(InstantLayout, s.Start)
	if err != nil {
		return data.StudySession{}, data.Invalid("start", "%q is not a UTC instant such as 2026-01-31T18:30:00Z", s.Start)
	}
	return data.StudySession{Start: start, Duration: time.Duration(s.DurationS) * time.Second, Topic: s.Topic, Note: s.Note}, nil
}

// SessionFromDomain is session s, studying the item with file id item (0
// for none).
func SessionFromDomain(s data.StudySession, item int64) JSONSession {
	return JSONSession{Start: s.Start.UTC().Format(InstantLayout), DurationS: int64(s.Duration / time.Second), Topic: s.Topic,
		ReadingItem: item, Note: s.Note}
}

// Domain turns the exam into the domain's (unchecked).
func (e JSONExam) Domain() (data.Exam, error) {
	date, err1 := optionalDate("date", e.Date)
	result, err2 := optionalDate("result_date", e.ResultDate)
	return data.Exam{Name: e.Name, Kind: e.Kind, PassMark: e.PassMark, PassMarkAssumed: e.PassMarkAssumed, Date: date, Result: e.Result, ResultDate: result},
		errors.Join(err1, err2)
}

// ExamFromDomain is exam e with file ids id and rotation, at position in
// its rotation's list.
func ExamFromDomain(e data.Exam, id, rotation int64, position int) JSONExam {
	return JSONExam{ID: id, Rotation: rotation, Position: position, Name: e.Name, Kind: e.Kind, PassMark: e.PassMark,
		PassMarkAssumed: e.PassMarkAssumed, Date: e.Date.String(), Result: e.Result, ResultDate: e.ResultDate.String()}
}

// Domain turns the topic into the domain's, exam ids being file ids.
func (t JSONTopic) Domain() data.Topic {
	return data.Topic{Name: t.Name, ExamIDs: t.Exams}
}

// TopicFromDomain is topic t with file ids id and rotation, covered by the
// exams of file ids exams.
func TopicFromDomain(t data.Topic, id, rotation int64, exams []int64) JSONTopic {
	return JSONTopic{ID: id, Rotation: rotation, Name: t.Name, Exams: append([]int64{}, exams...)}
}

// Domain turns the attempt into the domain's (unchecked), ids being file ids.
func (a JSONAttempt) Domain() (data.Attempt, error) {
	date, err := data.ParseDate("date", a.Date)
	out := data.Attempt{ExamID: a.Exam, Date: date, Source: a.Source, Duration: time.Duration(a.DurationS) * time.Second, Notes: a.Notes}
	for _, s := range a.Scores {
		if s.Percent != nil {
			ps := data.PercentScore(s.Topic, *s.Percent)
			// Counts beside a percentage are refused by the score's check.
			ps.Correct, ps.Total = s.Correct, s.Total
			out.Scores = append(out.Scores, ps)
			continue
		}
		out.Scores = append(out.Scores, data.CountedScore(s.Topic, s.Correct, s.Total))
	}
	return out, err
}

// AttemptFromDomain is attempt a of the exam with file id exam, its scores'
// topics given by topic (row id to file id).
func AttemptFromDomain(a data.Attempt, exam int64, topic func(int64) int64) JSONAttempt {
	out := JSONAttempt{Exam: exam, Date: a.Date.String(), Source: a.Source, DurationS: int64(a.Duration / time.Second), Notes: a.Notes,
		Scores: []JSONScore{}}
	for _, s := range a.Scores {
		sc := JSONScore{Topic: topic(s.TopicID), Correct: s.Correct, Total: s.Total}
		if s.PercentOnly {
			p := s.Percent
			sc.Percent = &p
		}
		out.Scores = append(out.Scores, sc)
	}
	return out
}

// Domain turns the budget item into the domain's (unchecked).
func (b JSONBudgetItem) Domain() (data.BudgetItem, error) {
	start, err1 := optionalDate("start", b.Start)
	end, err2 := optionalDate("end", b.End)
	planned, err3 := optionalMoney("planned_amount", b.PlannedAmount, b.PlannedCurrency)
	actual, err4 := optionalMoney("actual_amount", b.ActualAmount, b.ActualCurrency)
	home, err5 := optionalMoney("actual_home_amount", b.ActualHomeAmount, b.ActualHomeCurrency)
	rdate, err6 := optionalDate("reimbursement_date", b.ReimbursementDate)
	return data.BudgetItem{Category: data.BudgetCategory(b.Category), Description: b.Description, Date: start, EndDate: end,
		Planned: planned, Actual: actual, ActualHome: home, PaidBy: data.Payer(b.PaidBy), EmployerPercent: b.EmployerPercent,
		Reimbursement: data.Reimbursement(b.Reimbursement), ReimbursementDate: rdate, Refund: b.Refund,
		FrontedBy: data.Payer(b.FrontedBy), GeneratedBy: data.Generator(b.GeneratedBy)}, errors.Join(err1, err2, err3, err4, err5, err6)
}

// BudgetItemFromDomain is item it with file id id, of the rotation with
// file id rotation.
func BudgetItemFromDomain(it data.BudgetItem, id, rotation int64) JSONBudgetItem {
	planned, plannedCur := it.Planned.Exact()
	actual, actualCur := it.Actual.Exact()
	home, homeCur := it.ActualHome.Exact()
	return JSONBudgetItem{ID: id, Rotation: rotation, Category: string(it.Category), Description: it.Description, Start: it.Date.String(),
		End: it.EndDate.String(), PlannedAmount: planned, PlannedCurrency: plannedCur, ActualAmount: actual, ActualCurrency: actualCur,
		ActualHomeAmount: home, ActualHomeCurrency: homeCur, PaidBy: string(it.PaidBy), EmployerPercent: it.EmployerPercent,
		Reimbursement: string(it.Reimbursement), ReimbursementDate: it.ReimbursementDate.String(), Refund: it.Refund,
		FrontedBy: string(it.FrontedBy), GeneratedBy: string(it.GeneratedBy)}
}

// Domain turns the rate into the domain's (unchecked).
func (r JSONRate) Domain() (data.Rate, error) {
	asOf, err := data.ParseDate("as_of", r.AsOf)
	to, ok := plainDecimal(r.ToHome)
	if !ok {
		err = errors.Join(err, data.Invalid("to_home", "%q is not a decimal rate such as 0.92", r.ToHome))
	}
	return data.Rate{Currency: r.Currency, ToHome: to, AsOf: asOf}, err
}

// RateFromDomain is rate r into home.
func RateFromDomain(r data.Rate, home string) JSONRate {
	return JSONRate{Home: home, Currency: r.Currency, ToHome: r.ToHome.String(), AsOf: r.AsOf.String()}
}

// Domain turns the reminder into the domain's (unchecked).
func (r JSONReminder) Domain() (data.Reminder, error) {
	day, err := optionalDate("day", r.Day)
	at, cerr := data.ParseClock("at", r.At)
	return data.Reminder{Kind: r.Kind, Title: r.Title, Body: r.Body, Enabled: r.Enabled, TimeZone: r.TimeZone,
		RRule: r.RRule, Day: day, At: at, DaysBefore: r.DaysBefore}, errors.Join(err, cerr)
}

// ReminderFromDomain is reminder r, last saved at savedAt ("" for an
// untouched default).
func ReminderFromDomain(r data.Reminder, savedAt string) JSONReminder {
	return JSONReminder{Kind: r.Kind, Title: r.Title, Body: r.Body, Enabled: r.Enabled, TimeZone: r.TimeZone, RRule: r.RRule,
		Day: r.Day.String(), At: fmt.Sprintf("%02d:%02d:%02d", r.At.Hour, r.At.Minute, r.At.Second), DaysBefore: r.DaysBefore, SavedAt: savedAt}
}

// MilestoneReminderFromDomain is the reminder choice of the milestone with
// file id milestone.
func MilestoneReminderFromDomain(ms data.MilestoneSetting, milestone int64) JSONMilestoneReminder {
	return JSONMilestoneReminder{Milestone: milestone, Off: ms.Off, DaysBefore: ms.DaysBefore}
}
