package data

import (
	"errors"
	"fmt"
	"math"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ReadingItem is one entry of the reading list: a book, a whitepaper, a
// video... with how big it is and how far the candidate got.
//
// Size and Done are counted in Unit. A Size of 0 means "size not known yet"
// (a Goodreads row without page count, a pasted URL): such an item can be
// listed and finished but it has no progress and the pace counts it
// separately. With Unit percent the size is always 100 (ApplyDefaults sets
// it), for e-books and pages where only a percentage is shown.
type ReadingItem struct {
	ID       int64
	Title    string
	Author   string
	Kind     string // one of ReadingKinds
	Topic    string
	URL      string
	Size     int    // in Unit; 0 = not known
	Unit     string // ReadingPages, ReadingMinutes or ReadingPercent
	Done     int    // progress in Unit, 0..Size
	Status   string // one of ReadingStatuses
	Priority int    // 1 (first) .. 3 (last)
	Due      Date   // optional: when the user wants this item read
	Notes    string
	AddedOn  Date // the day it joined the list; orders items of equal priority
}

// Kinds of reading item, as stored and as shown.
const (
	ReadingBook          = "book"
	ReadingWhitepaper    = "whitepaper"
	ReadingDocumentation = "documentation"
	ReadingBlogPost      = "blog post"
	ReadingVideo         = "video"
	ReadingLabGuide      = "lab guide"
)

// ReadingKinds lists the kinds in the order a picker shows them.
func ReadingKinds() []string {
	return []string{ReadingBook, ReadingWhitepaper, ReadingDocumentation, ReadingBlogPost, ReadingVideo, ReadingLabGuide}
}

// Statuses of a reading item.
const (
	ReadingToRead  = "to read"
	ReadingReading = "reading"
	ReadingDone    = "done"
	ReadingDropped = "dropped"
)

// ReadingStatuses lists the statuses in the order a picker shows them.
func ReadingStatuses() []string {
	return []string{ReadingToRead, ReadingReading, ReadingDone, ReadingDropped}
}

// Units in which an item's size and progress are counted.
const (
	ReadingPages   = "pages"
	ReadingMinutes = "minutes"
	ReadingPercent = "percent"
)

// ReadingUnits lists the units in the order a picker (and the pace report) shows them.
func ReadingUnits() []string {
	return []string{ReadingPages, ReadingMinutes, ReadingPercent}
}

// Limits of a reading item. MaxReadingSize is far beyond any real book
// (the longest printed references run to a few thousand pages) or course
// video, so it only catches typing slips such as an ISBN in the size.
const (
	MaxReadingSize  = 100000
	MaxURLLen       = 2048
	DefaultPriority = 2
)

// aliases maps what people (and Goodreads) write to our words.
var (
	kindAliases = map[string]string{
		"book": ReadingBook, "books": ReadingBook, "ebook": ReadingBook, "e-book": ReadingBook,
		"whitepaper": ReadingWhitepaper, "white paper": ReadingWhitepaper, "paper": ReadingWhitepaper,
		"documentation": ReadingDocumentation, "docs": ReadingDocumentation, "doc": ReadingDocumentation,
		"blog post": ReadingBlogPost, "blog": ReadingBlogPost, "blogpost": ReadingBlogPost, "blog-post": ReadingBlogPost, "article": ReadingBlogPost, "post": ReadingBlogPost,
		"video": ReadingVideo, "videos": ReadingVideo, "webcast": ReadingVideo,
		"lab guide": ReadingLabGuide, "lab": ReadingLabGuide, "labguide": ReadingLabGuide, "lab-guide": ReadingLabGuide,
	}
	statusAliases = map[string]string{
		"to read": ReadingToRead, "to-read": ReadingToRead, "toread": ReadingToRead, "todo": ReadingToRead, "to do": ReadingToRead, "planned": ReadingToRead,
		"reading": ReadingReading, "currently-reading": ReadingReading, "currently reading": ReadingReading, "in progress": ReadingReading, "started": ReadingReading,
		"done": ReadingDone, "read": ReadingDone, "finished": ReadingDone, "complete": ReadingDone, "completed": ReadingDone,
		"dropped": ReadingDropped, "abandoned": ReadingDropped, "did-not-finish": ReadingDropped, "dnf": ReadingDropped, "skipped": ReadingDropped,
	}
	unitAliases = map[string]string{
		"pages": ReadingPages, "page": ReadingPages, "p": ReadingPages, "pp": ReadingPages,
		"minutes": ReadingMinutes, "minute": ReadingMinutes, "min": ReadingMinutes, "mins": ReadingMinutes, "m": ReadingMinutes,
		"percent": ReadingPercent, "%": ReadingPercent, "pct": ReadingPercent,
	}
)

func readingAlias(table map[string]string, s string) (string, bool) {
	v, ok := table[strings.Join(strings.Fields(strings.ToLower(s)), " ")]
	return v, ok
}

// ParseReadingKind reads a kind the way people write it ("Blog", "white
// paper", "docs") and returns the stored word.
func ParseReadingKind(s string) (string, error) {
	if k, ok := readingAlias(kindAliases, s); ok {
		return k, nil
	}
	return "", Invalid("kind", "%q is not a kind; use one of: %s", s, strings.Join(ReadingKinds(), ", "))
}

// ParseReadingStatus reads a status, Goodreads shelf names included
// ("currently-reading", "read").
func ParseReadingStatus(s string) (string, error) {
	if v, ok := readingAlias(statusAliases, s); ok {
		return v, nil
	}
	return "", Invalid("status", "%q is not a status; use one of: %s", s, strings.Join(ReadingStatuses(), ", "))
}

// ParseReadingUnit reads a unit ("pages", "min", "%").
func ParseReadingUnit(s string) (string, error) {
	if v, ok := readingAlias(unitAliases, s); ok {
		return v, nil
	}
	return "", Invalid("unit", "%q is not a unit; use pages, minutes or percent", s)
}

// ApplyDefaults fills what a quick entry or an import leaves empty, so that
// typing only a title gives a valid item: a book (documentation when only a
// URL is known), counted in pages (minutes for a video), to read, priority 2.
// It also trims the text fields, reads kind, status and unit leniently (an
// unknown word is kept so Validate can name it) and sets the size of a
// percent item to 100. A done item with a known size gets its progress full.
func (it *ReadingItem) ApplyDefaults() {
	it.Title = strings.TrimSpace(it.Title)
	it.Author = strings.TrimSpace(it.Author)
	it.Topic = strings.TrimSpace(it.Topic)
	it.URL = strings.TrimSpace(it.URL)
	it.Notes = strings.TrimSpace(it.Notes)
	if it.Title == "" && it.URL != "" {
		it.Title = TitleFromURL(it.URL)
	}
	if k, ok := readingAlias(kindAliases, it.Kind); ok {
		it.Kind = k
	} else if strings.TrimSpace(it.Kind) == "" {
		it.Kind = ReadingBook
		if it.URL != "" {
			it.Kind = ReadingDocumentation
		}
	}
	if u, ok := readingAlias(unitAliases, it.Unit); ok {
		it.Unit = u
	} else if strings.TrimSpace(it.Unit) == "" {
		it.Unit = DefaultReadingUnit(it.Kind)
	}
	if s, ok := readingAlias(statusAliases, it.Status); ok {
		it.Status = s
	} else if strings.TrimSpace(it.Status) == "" {
		it.Status = ReadingToRead
		if it.Done > 0 {
			it.Status = ReadingReading
		}
	}
	if it.Priority == 0 {
		it.Priority = DefaultPriority
	}
	if it.Unit == ReadingPercent && it.Size == 0 {
		it.Size = 100
	}
	if it.Status == ReadingDone && it.Size > 0 && it.Done == 0 {
		it.Done = it.Size
	}
}

// TitleFromURL makes a readable title for an item known only by its
// address: the host and path without the scheme, cut to MaxNameLen.
func TitleFromURL(raw string) string {
	s := strings.TrimSpace(raw)
	if i := strings.Index(s, "://"); i >= 0 {
		s = s[i+3:]
	}
	s = strings.TrimPrefix(strings.TrimSuffix(s, "/"), "www.")
	if utf8.RuneCountInString(s) > MaxNameLen {
		s = string([]rune(s)[:MaxNameLen-1]) + "…"
	}
	return s
}

// Validate checks the item and says, for each wrong field, how to fix it.
func (it ReadingItem) Validate() error {
	var errs []error
	add := func(err error) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	add(CheckLine("title", it.Title, true, MaxNameLen))
	add(CheckLine("author", it.Author, false, MaxNameLen))
	add(CheckLine("topic", it.Topic, false, MaxNameLen))
	add(CheckText("notes", it.Notes, false, MaxNoteLen))
	add(CheckURL("url", it.URL))
	if !slices.Contains(ReadingKinds(), it.Kind) {
		add(Invalid("kind", "%q is not a kind; use one of: %s", it.Kind, strings.Join(ReadingKinds(), ", ")))
	}
	if !slices.Contains(ReadingStatuses(), it.Status) {
		add(Invalid("status", "%q is not a status; use one of: %s", it.Status, strings.Join(ReadingStatuses(), ", ")))
	}
	unitOK := slices.Contains(ReadingUnits(), it.Unit)
	if !unitOK {
		add(Invalid("unit", "%q is not a unit; use pages, minutes or percent", it.Unit))
	}
	switch {
	case it.Size < 0:
		add(Invalid("size", "is %d; the size must be at least 1 %s, or empty when you do not know it", it.Size, readingUnitWord(it.Unit, 1)))
	case it.Size > MaxReadingSize:
		add(Invalid("size", "is %d; the size is at most %d %s (is it an ISBN?)", it.Size, MaxReadingSize, readingUnitWord(it.Unit, 2)))
	case it.Unit == ReadingPercent && it.Size != 100:
		add(Invalid("size", "is %d; when progress is in percent the size is 100", it.Size))
	}
	add(CheckReadingDone(it.Done, it.Size, it.Unit))
	if it.Priority < 1 || it.Priority > 3 {
		add(Invalid("priority", "is %d; use 1 (read first), 2 or 3", it.Priority))
	}
	return errors.Join(errs...)
}

// CheckLine is CheckText for a one-line field (a title, a name, a topic): a
// line break, which a pasted or imported value may carry, is refused too.
func CheckLine(field, value string, required bool, max int) error {
	if err := CheckText(field, value, required, max); err != nil {
		return err
	}
	if strings.ContainsAny(value, "\r\n") {
		return Invalid(field, "runs over several lines; keep it on one line")
	}
	return nil
}

// CheckURL accepts "" or an absolute http(s) address with a host and no
// spaces: what a browser can open, which is all the app does with it.
func CheckURL(field, raw string) error {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return nil
	}
	if n := len(raw); n > MaxURLLen {
		return Invalid(field, "is %d characters long; the limit is %d", n, MaxURLLen)
	}
	if !utf8.ValidString(raw) || strings.IndexFunc(raw, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) >= 0 {
		return Invalid(field, "contains spaces or control characters; paste the address as the browser shows it")
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return Invalid(field, "%q is not a web address; it must start with http:// or https://", raw)
	}
	return nil
}

func readingUnitWord(unit string, n int) string {
	switch {
	case unit == ReadingMinutes && n == 1:
		return "minute"
	case unit == ReadingMinutes:
		return "minutes"
	case unit == ReadingPercent:
		return "percent"
	case n == 1:
		return "page"
	default:
		return "pages"
	}
}

// Key identifies an item for duplicate detection on import: the normalised
// URL when the item has one (two documentation pages may share a title such
// as "Overview"), else the normalised title and author. Normalising folds
// case, spacing and the punctuation between words, so "Exchange 2010: Best
// Practices" and "exchange 2010 best practices" are the same book, but keeps
// the punctuation that is part of a name (see nameWords): "C# in Depth" is
// not "C in Depth", nor ".NET Internals" "NET Internals".
func (it ReadingItem) Key() string {
	if u := strings.TrimSpace(it.URL); u != "" {
		return "url:" + normaliseURL(u)
	}
	return "title:" + nameWords(it.Title) + "|" + nameWords(it.Author)
}

// nameWords is normaliseWords keeping the marks that are part of a word in
// book titles: # and + next to a letter or digit ("C#", "C++", "F#") and a
// point followed by one (".NET", "ASP.NET", "2.0"). A point or colon
// ending a word ("Jagott.", "2010:") still separates.
func nameWords(s string) string {
	rs := []rune(strings.ToLower(s))
	word := func(i int) bool { return i >= 0 && i < len(rs) && (unicode.IsLetter(rs[i]) || unicode.IsDigit(rs[i])) }
	var b strings.Builder
	space, inWord := false, false
	for i, r := range rs {
		keep := word(i)
		switch r {
		case '#', '+':
			keep = inWord || word(i+1)
		case '.':
			keep = word(i + 1)
		}
		if !keep {
			space, inWord = true, false
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space, inWord = false, true
		b.WriteRune(r)
	}
	return b.String()
}

// ReadingKeys returns the set of keys of items, to pass to an importer as
// "already in the list".
func ReadingKeys(items []ReadingItem) map[string]bool {
	keys := make(map[string]bool, len(items))
	for _, it := range items {
		keys[it.Key()] = true
	}
	return keys
}

// TopicKey is how study topics are compared: without case or punctuation,
// so "Replication & Sites" and "replication sites" are one topic.
func TopicKey(s string) string { return normaliseWords(s) }

func normaliseWords(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
			continue
		}
		space = true
	}
	return b.String()
}

// normaliseURL ignores what does not change the page: scheme, case of the
// host, "www.", a trailing slash and the fragment.
func normaliseURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return strings.ToLower(raw)
	}
	host := strings.TrimPrefix(strings.ToLower(u.Host), "www.")
	path := strings.TrimSuffix(u.EscapedPath(), "/")
	out := host + path
	if u.RawQuery != "" {
		out += "?" + u.RawQuery
	}
	return out
}

// ProgressEntry records that the user moved an item's progress on a day by
// Units (negative when they corrected it down). The pace is measured from
// these entries.
type ProgressEntry struct {
	ItemID int64
	Date   Date
	Units  int
}

// SetProgress moves the item to done units on day today and returns the log
// entry to store (Units 0 when nothing changed). Reaching the size marks the
// item done; moving off zero marks a "to read" item as reading; moving back
// below the size reopens a done item.
func (it *ReadingItem) SetProgress(done int, today Date) (ProgressEntry, error) {
	switch {
	case done < 0:
		return ProgressEntry{}, Invalid("done", "is %d; progress cannot be negative", done)
	case it.Size == 0 && done > 0:
		return ProgressEntry{}, Invalid("done", "is %d but the size is not known; enter the size first", done)
	case done > it.Size:
		return ProgressEntry{}, Invalid("done", "is %d, more than the size %d; enter a number between 0 and %d", done, it.Size, it.Size)
	}
	entry := ProgressEntry{ItemID: it.ID, Date: today, Units: done - it.Done}
	it.Done = done
	switch {
	case it.Size > 0 && done == it.Size:
		it.Status = ReadingDone
	case it.Status == ReadingDone:
		it.Status = ReadingReading
	case done > 0 && it.Status == ReadingToRead:
		it.Status = ReadingReading
	}
	return entry, nil
}

// SetStatus changes the status on day today. Marking an item done fills its
// progress, and the returned entry logs the units that took (so finishing a
// book by ticking it counts in the pace); other changes keep the progress
// and return an entry of 0 units.
func (it *ReadingItem) SetStatus(status string, today Date) (ProgressEntry, error) {
	s, err := ParseReadingStatus(status)
	if err != nil {
		return ProgressEntry{}, err
	}
	entry := ProgressEntry{ItemID: it.ID, Date: today}
	if s == ReadingDone && it.Size > 0 {
		entry.Units = it.Size - it.Done
		it.Done = it.Size
	}
	it.Status = s
	return entry, nil
}

// Fraction is how much of the item is read, 0..1: 1 when done, Done/Size
// when the size is known, else 0. ok is false when the size is unknown and
// the item is not done, so the caller can show "?" instead of 0 %.
func (it ReadingItem) Fraction() (f float64, ok bool) {
	switch {
	case it.Status == ReadingDone:
		return 1, true
	case it.Size <= 0:
		return 0, false
	default:
		return min(1, max(0, float64(it.Done)/float64(it.Size))), true
	}
}

// PercentDone is Fraction as a percentage, 0 for an item without size.
func (it ReadingItem) PercentDone() float64 {
	f, _ := it.Fraction()
	return f * 100
}

// Left is the units still to read: 0 for done and dropped items and for
// items without size.
func (it ReadingItem) Left() int {
	if it.Status == ReadingDone || it.Status == ReadingDropped || it.Size <= 0 {
		return 0
	}
	return max(0, it.Size-it.Done)
}

// Overdue reports whether the item has a due date before today and is
// neither done nor dropped.
func (it ReadingItem) Overdue(today Date) bool {
	return !it.Due.IsZero() && it.Due.Before(today) && it.Status != ReadingDone && it.Status != ReadingDropped
}

// Reading pace settings: the list should be finished a week before the
// first block (the "reading list finished" milestone uses the same offset).
// The pace is measured over the last two weeks, with the last week and the
// last four weeks for its range: reading comes in bursts, and the spread
// between a week's pace and a month's shows how much. A verdict needs
// reading on PaceMinDays different days over at least PaceMinSpan days:
// one evening of 230 pages says nothing about the next month.
const (
	DefaultReadingLeadDays = 7
	MaxReadingLeadDays     = 365
	PaceWindowDays         = 14
	PaceShortDays          = 7
	PaceLongDays           = 28
	PaceMinDays            = 3
	PaceMinSpan            = 7
)

// PaceLogSince is the first day of the progress log a pace on today
// needs: the longest of its windows.
func PaceLogSince(today Date) Date { return today.AddDays(-(PaceLongDays - 1)) }

// ReadingDeadline is the day by which the list should be read: daysBefore
// days before the first block (a negative value counts as 0: the reading
// cannot be due after the rotation began). The zero Date, with no rotation.
func ReadingDeadline(firstBlockStart Date, daysBefore int) Date {
	if firstBlockStart.IsZero() {
		return Date{}
	}
	return firstBlockStart.AddDays(-max(0, daysBefore))
}

// CheckReadingLeadDays validates the setting "finish reading N days before
// the rotation".
func CheckReadingLeadDays(n int) error {
	if n < 0 || n > MaxReadingLeadDays {
		return Invalid("reading deadline", "is %d days before the rotation; enter between 0 and %d days", n, MaxReadingLeadDays)
	}
	return nil
}

// UnitPace is the pace of the items counted in one unit.
type UnitPace struct {
	Unit            string
	Total           int     // size of every sized item that is not dropped
	Left            int     // units still to read in open items
	PerDayNeeded    float64 // the largest need over the deadlines (see PaceReport); 0 with none
	Binding         Date    // the deadline whose need is PerDayNeeded; zero with none
	ActualPerDay    float64 // units read per day over the pace window
	ProjectedFinish Date    // when Left reaches 0 at the window's pace; today when nothing is left; zero when there is no pace
	FinishEarliest  Date    // the earliest and latest finish at the paces of the window and the
	FinishLatest    Date    // last 7 and 28 days (those that read something); zero without a pace
	BehindDays      int     // the most days a deadline is missed by at the window's pace
}

// PaceReport answers "will I finish the reading in time?" for a list (or the
// items of one topic) on one day.
//
// Units: pages, minutes and percent cannot be added up, so each unit is
// measured on its own (Units, in the order of ReadingUnits): what is left,
// the rate needed and the rate achieved. The list is projected to finish
// when its slowest unit does.
//
// The pace window is WindowDays long: the PaceWindowDays calendar days
// ending today, or the days since the first progress (inclusive) when
// fewer; days without progress count as zero. A verdict (a projected
// finish, on track or behind) needs progress on PaceMinDays different days
// and PaceMinSpan days since the first progress; before that TooEarly is
// set and Missing says what is missing. The finish is a date at the
// window's pace and a range, earliest to latest, over the paces of the
// window, of the last PaceShortDays and of the last PaceLongDays days (as
// many of those days as there are since the first progress).
//
// Every deadline binds: each open item must be read by its own due date
// (by the list's deadline when it has none or a later one), so the pace
// needed is the largest, over the item due dates and the list's deadline,
// of what is left on the items due by that date divided by the days left
// to it; Binding names that date, BindingIsList when it is the list's.
// Behind by N days: the most days by which some deadline is missed at the
// window's pace.
//
// The headline numbers that the dashboard and `status --json` show are:
//   - Items, DoneItems: counts of items that are not dropped, and of those done;
//   - Percent: the share of the list read, each item weighing the same and
//     counting by its own Fraction, so that units do not matter;
//   - Left, PerDayNeeded, ActualPerDay, LeftUnit, Binding: those of the
//     first unit (pages, then minutes, then percent) that still has
//     something left, so a list of books reads "340 pages, 12.1 per day";
//   - ProjectedFinish, FinishEarliest, FinishLatest, OnTrack, BehindDays:
//     for all units together.
//
// Items without size have nothing to measure: they are counted in Unsized
// and said so, never guessed.
type PaceReport struct {
	Today    Date
	Deadline Date // zero when there is no rotation date yet
	DaysLeft int  // from today to the deadline; 0 or less once it has come

	Items     int // items not dropped
	DoneItems int
	Dropped   int
	Unsized   int // open items whose size is not known
	Percent   float64

	Units         []UnitPace
	Left          float64
	PerDayNeeded  float64
	ActualPerDay  float64
	LeftUnit      string
	Binding       Date // the deadline that binds; zero with no deadline
	BindingIsList bool // Binding is the list's deadline, not an item's due date

	WindowDays   int  // the pace window's length; 0 before any progress
	ProgressDays int  // different days with progress (see PaceOfTally)
	TooEarly     bool // too little progress for a verdict
	Missing      string

	ProjectedFinish Date // zero when too early, or when something is left and nothing was read in the window
	FinishEarliest  Date
	FinishLatest    Date
	Finished        bool // every item that counts is done
	OnTrack         bool // finished, or every deadline met at the window's pace
	BehindDays      int
}

// Verdicts reports whether the report has a verdict: the list is finished,
// or there is a deadline and enough progress to judge.
func (r PaceReport) Verdicts() bool {
	return r.Items > 0 && (r.Finished || !r.Deadline.IsZero() && !r.TooEarly && !r.ProjectedFinish.IsZero())
}

// Pace measures the reading list on day today against deadline (see
// PaceReport) from its whole progress log. Entries after today and for
// unknown items are ignored.
func Pace(items []ReadingItem, progressLog []ProgressEntry, today Date, deadline Date) PaceReport {
	unitOf := make(map[int64]string, len(items))
	for _, it := range items {
		unitOf[it.ID] = it.Unit
	}
	var log []UnitProgress
	for _, e := range progressLog {
		if unit, ok := unitOf[e.ItemID]; ok {
			log = append(log, UnitProgress{Unit: unit, Date: e.Date, Units: e.Units})
		}
	}
	return PaceOfTally(TallyReading(items), log, today, deadline)
}

// ReadingTally is what Pace counts of a reading list's items.
type ReadingTally struct {
	Items, DoneItems, Dropped, Unsized int     // as in PaceReport
	Fractions                          float64 // the sum of Fraction over the items not dropped
	Units                              map[string]UnitTally
	// FirstProgress is the day of the list's first progress ever, when it
	// is older than the log given with the tally; zero when unknown.
	FirstProgress Date
}

// UnitTally is the size and what is left of the items of one unit that
// have a size and are not dropped, and of what is left how much is due by
// each item due date (items without one are due by the list's deadline).
type UnitTally struct {
	Total, Left int
	DueLeft     map[Date]int
}

// TallyReading counts items for Pace.
func TallyReading(items []ReadingItem) ReadingTally {
	t := ReadingTally{Units: map[string]UnitTally{}}
	for _, it := range items {
		if it.Status == ReadingDropped {
			t.Dropped++
			continue
		}
		t.Items++
		f, _ := it.Fraction()
		t.Fractions += f
		if it.Status == ReadingDone {
			t.DoneItems++
		} else if it.Size <= 0 {
			t.Unsized++
		}
		if it.Size > 0 {
			u := t.Units[it.Unit]
			u.Total += it.Size
			u.Left += it.Left()
			if !it.Due.IsZero() && it.Left() > 0 {
				if u.DueLeft == nil {
					u.DueLeft = map[Date]int{}
				}
				u.DueLeft[it.Due] += it.Left()
			}
			t.Units[it.Unit] = u
		}
	}
	return t
}

// UnitProgress is an entry of the progress log in its item's unit.
type UnitProgress struct {
	Unit  string
	Date  Date
	Units int
}

// PaceOfTally is Pace of the items tallied in t, whose progress log of the
// last PaceLongDays days (at least), entries of items not on the list left
// out, is log. It is pure: whichever way the tally and the log are
// counted, the rules are these. Progress days are the days with progress
// in the log, plus one when t.FirstProgress is older than the log.
func PaceOfTally(t ReadingTally, log []UnitProgress, today Date, deadline Date) PaceReport {
	r := PaceReport{Today: today, Deadline: deadline,
		Items: t.Items, DoneItems: t.DoneItems, Dropped: t.Dropped, Unsized: t.Unsized}
	if !deadline.IsZero() {
		r.DaysLeft = today.DaysUntil(deadline)
	}
	first := t.FirstProgress
	net := map[Date]int{} // a day counts when it moved forward, not for a correction
	var known []UnitProgress
	for _, e := range log {
		if e.Units != 0 && !e.Date.IsZero() && !e.Date.After(today) {
			known = append(known, e)
			net[e.Date] += e.Units
			if first.IsZero() || e.Date.Before(first) {
				first = e.Date
			}
		}
	}
	for _, units := range net {
		if units > 0 {
			r.ProgressDays++
		}
	}
	if !first.IsZero() && !first.After(today) && net[first] == 0 && first == t.FirstProgress {
		r.ProgressDays++ // the first day, older than the log
	}
	since := 0 // days since the first progress, inclusive
	if !first.IsZero() {
		since = first.DaysUntil(today) + 1
		r.WindowDays = min(PaceWindowDays, since)
	}
	r.TooEarly, r.Missing = paceTooEarly(r.ProgressDays, since)
	windows := []int{r.WindowDays, min(PaceShortDays, since), min(PaceLongDays, since)}
	if r.Items > 0 {
		r.Percent = t.Fractions / float64(r.Items) * 100
	}
	r.Finished = r.DoneItems == r.Items
	r.ProjectedFinish, r.FinishEarliest, r.FinishLatest = today, today, today
	for _, unit := range ReadingUnits() {
		tally, ok := t.Units[unit]
		if !ok {
			continue
		}
		read := make([]int, len(windows))
		for _, e := range known {
			if e.Unit != unit {
				continue
			}
			for i, w := range windows {
				if w > 0 && e.Date.DaysUntil(today) < w {
					read[i] += e.Units
				}
			}
		}
		up := unitPace(unit, tally, windows, read, today, deadline)
		if up.Left > 0 && r.LeftUnit == "" {
			r.LeftUnit, r.Left, r.PerDayNeeded, r.ActualPerDay, r.Binding = unit, float64(up.Left), up.PerDayNeeded, up.ActualPerDay, up.Binding
			r.BindingIsList = up.Binding == deadline
		}
		r.ProjectedFinish = laterFinish(r.ProjectedFinish, up.ProjectedFinish)
		r.FinishEarliest = laterFinish(r.FinishEarliest, up.FinishEarliest)
		r.FinishLatest = laterFinish(r.FinishLatest, up.FinishLatest)
		r.BehindDays = max(r.BehindDays, up.BehindDays)
		r.Units = append(r.Units, up)
	}
	if r.LeftUnit == "" {
		r.LeftUnit = ReadingPages
		if len(r.Units) > 0 {
			r.LeftUnit = r.Units[0].Unit
			r.ActualPerDay = r.Units[0].ActualPerDay
		}
	}
	if r.Left == 0 {
		// Nothing measurable is left (done, or only items without size):
		// there is nothing to forecast, so it is never too early.
		r.TooEarly, r.Missing = false, ""
	}
	switch {
	case r.Finished:
		r.OnTrack, r.BehindDays = true, 0
	case r.TooEarly:
		r.ProjectedFinish, r.FinishEarliest, r.FinishLatest, r.BehindDays = Date{}, Date{}, Date{}, 0
		for i := range r.Units {
			u := &r.Units[i]
			if u.Left > 0 {
				u.ProjectedFinish, u.FinishEarliest, u.FinishLatest, u.BehindDays = Date{}, Date{}, Date{}, 0
			}
		}
	case deadline.IsZero() || r.ProjectedFinish.IsZero():
		r.BehindDays = 0
	default:
		r.OnTrack = r.BehindDays == 0
	}
	return r
}

// laterFinish is the later of two finishes, where zero (no finish at that
// pace) is the latest of all.
func laterFinish(a, b Date) Date {
	if a.IsZero() || b.IsZero() {
		return Date{}
	}
	if b.After(a) {
		return b
	}
	return a
}

// paceTooEarly says whether progress on days different days, the first
// since days ago (inclusive), is too little for a verdict, and what is
// missing: "2 more days of reading".
func paceTooEarly(days, since int) (bool, string) {
	var missing []string
	if k := PaceMinDays - days; k > 0 {
		missing = append(missing, Count(k, "more day", "more days")+" of reading")
	}
	if k := PaceMinSpan - since; k > 0 && days > 0 {
		missing = append(missing, Count(k, "more day", "more days")+" since the first")
	}
	return len(missing) > 0, strings.Join(missing, " and ")
}

// unitPace measures one unit: windows[0] is the pace window, the others
// the range's; read[i] is what was read in windows[i] days.
func unitPace(unit string, tally UnitTally, windows, read []int, today, deadline Date) UnitPace {
	up := UnitPace{Unit: unit, Total: tally.Total, Left: tally.Left, ProjectedFinish: today, FinishEarliest: today, FinishLatest: today}
	if windows[0] > 0 && read[0] > 0 {
		up.ActualPerDay = float64(read[0]) / float64(windows[0])
	}
	if up.Left <= 0 {
		return up
	}
	// finish is when left units are read at the pace of window i:
	// ceil(left / (read/window)) in integers, so 140 pages at 10 a day is
	// exactly 14 days, never 15 by rounding. Zero when nothing was read.
	finish := func(left, i int) Date {
		if windows[i] <= 0 || read[i] <= 0 {
			return Date{}
		}
		return today.AddDays((left*windows[i] + read[i] - 1) / read[i])
	}
	up.ProjectedFinish = finish(up.Left, 0)
	up.FinishEarliest, up.FinishLatest = Date{}, Date{}
	for i := range windows {
		f := finish(up.Left, i)
		if f.IsZero() {
			continue
		}
		if up.FinishEarliest.IsZero() || f.Before(up.FinishEarliest) {
			up.FinishEarliest = f
		}
		if up.FinishLatest.IsZero() || f.After(up.FinishLatest) {
			up.FinishLatest = f
		}
	}
	for _, d := range unitDeadlines(tally, deadline) {
		need := float64(d.left) / float64(max(1, today.DaysUntil(d.due)))
		if need > up.PerDayNeeded {
			up.PerDayNeeded, up.Binding = need, d.due
		}
		if f := finish(d.left, 0); !f.IsZero() {
			up.BehindDays = max(up.BehindDays, d.due.DaysUntil(f))
		}
	}
	return up
}

// dueLeft is what is left on the items due by a date.
type dueLeft struct {
	due  Date
	left int
}

// unitDeadlines lists, earliest first, each deadline of a unit's items
// with what is left on the items due by it: the item due dates before the
// list's deadline, then the list's deadline with everything left (no
// deadline: the item due dates alone).
func unitDeadlines(tally UnitTally, deadline Date) []dueLeft {
	dates := make([]Date, 0, len(tally.DueLeft)+1)
	for d := range tally.DueLeft {
		if deadline.IsZero() || d.Before(deadline) {
			dates = append(dates, d)
		}
	}
	slices.SortFunc(dates, func(a, b Date) int { return a.Time().Compare(b.Time()) })
	out := make([]dueLeft, 0, len(dates)+1)
	sum := 0
	for _, d := range dates {
		sum += tally.DueLeft[d]
		out = append(out, dueLeft{due: d, left: sum})
	}
	if !deadline.IsZero() {
		out = append(out, dueLeft{due: deadline, left: tally.Left})
	}
	return out
}

// Verdict is the one-line answer the Reading screen, the dashboard,
// `status` and the report print.
func (r PaceReport) Verdict() string {
	var s string
	switch {
	case r.Items == 0:
		return "The reading list is empty"
	case r.Finished:
		return "All read"
	case r.WindowDays == 0:
		s = "No progress yet"
		if need := r.NeedText(); need != "" {
			s += ": " + need
		}
	case r.TooEarly:
		s = "Too early to tell: " + r.Missing + " needed for a forecast"
		if need := r.NeedText(); need != "" {
			s += "; " + need
		}
	case r.Deadline.IsZero():
		s = "No reading deadline yet: enter the rotation dates"
	case r.ProjectedFinish.IsZero():
		var stalled []string
		for _, u := range r.Units {
			if u.Left > 0 && u.ActualPerDay <= 0 {
				stalled = append(stalled, u.Unit)
			}
		}
		s = fmt.Sprintf("No progress in %s in the last %s: %s", strings.Join(stalled, " or "), Count(r.WindowDays, "day", "days"), r.NeedText())
	case r.OnTrack:
		s = fmt.Sprintf("On track: at this pace you finish on %s (%s); %s", r.ProjectedFinish, r.FinishRangeText(), r.NeedText())
	default:
		s = fmt.Sprintf("Behind by %s: at this pace you finish on %s (%s); %s",
			Count(r.BehindDays, "day", "days"), r.ProjectedFinish, r.FinishRangeText(), r.NeedText())
	}
	if r.Unsized > 0 {
		s += fmt.Sprintf("; %s without a size not counted", Count(r.Unsized, "item", "items"))
	}
	return s
}

// PaceText is the measured pace with its window named: "16.4 pages a day
// over the last 14 days".
func (r PaceReport) PaceText() string {
	if r.WindowDays == 0 {
		return "no progress yet"
	}
	return fmt.Sprintf("%s %s a day over the last %s", paceRate(r.ActualPerDay), r.LeftUnit, Count(r.WindowDays, "day", "days"))
}

// NeedText is the pace needed with the deadline that binds: "20 pages a
// day to finish by 2026-12-20 (the list's deadline)"; "" without a
// deadline or with nothing left.
func (r PaceReport) NeedText() string {
	if r.Binding.IsZero() || r.Left <= 0 {
		return ""
	}
	which := "an item's due date"
	if r.BindingIsList {
		which = "the list's deadline"
	}
	return fmt.Sprintf("%s %s a day needed to finish by %s (%s)", paceRate(math.Round(r.PerDayNeeded*10)/10), r.LeftUnit, r.Binding, which)
}

// FinishRangeText is the finish range: "between 2026-12-01 and
// 2027-01-10", "no later than ...": "" without one.
func (r PaceReport) FinishRangeText() string {
	switch {
	case r.FinishEarliest.IsZero():
		return ""
	case r.FinishEarliest == r.FinishLatest:
		return "range " + r.FinishEarliest.String()
	}
	return fmt.Sprintf("range %s to %s", r.FinishEarliest, r.FinishLatest)
}

func paceRate(v float64) string {
	if v == math.Trunc(v) {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(v, 'f', 1, 64)
}

// TopicPace is the pace of the items of one topic.
type TopicPace struct {
	Topic  string // as first written in the list; "" for items without topic
	Report PaceReport
}

// PaceByTopic runs Pace for each topic (compared without case and spacing),
// topics in alphabetical order and items without topic last.
func PaceByTopic(items []ReadingItem, progressLog []ProgressEntry, today Date, deadline Date) []TopicPace {
	type group struct {
		name  string
		items []ReadingItem
		ids   map[int64]bool
	}
	groups := map[string]*group{}
	var order []string
	for _, it := range items {
		k := normaliseWords(it.Topic)
		g, ok := groups[k]
		if !ok {
			g = &group{name: strings.TrimSpace(it.Topic), ids: map[int64]bool{}}
			groups[k] = g
			order = append(order, k)
		}
		g.items = append(g.items, it)
		g.ids[it.ID] = true
	}
	sort.Slice(order, func(i, j int) bool {
		if (order[i] == "") != (order[j] == "") {
			return order[j] == ""
		}
		return order[i] < order[j]
	})
	out := make([]TopicPace, 0, len(order))
	for _, k := range order {
		g := groups[k]
		var log []ProgressEntry
		for _, e := range progressLog {
			if g.ids[e.ItemID] {
				log = append(log, e)
			}
		}
		out = append(out, TopicPace{Topic: g.name, Report: Pace(g.items, log, today, deadline)})
	}
	return out
}

// SortReading orders items the way the list shows them: priority 1 first,
// then the earliest due date (items without one after), then the oldest on
// the list, then by title. It sorts in place and is stable.
func SortReading(items []ReadingItem) {
	sort.SliceStable(items, func(i, j int) bool {
		a, b := items[i], items[j]
		switch {
		case a.Priority != b.Priority:
			return a.Priority < b.Priority
		case a.Due != b.Due:
			return !a.Due.IsZero() && (b.Due.IsZero() || a.Due.Before(b.Due))
		case a.AddedOn != b.AddedOn:
			return a.AddedOn.Before(b.AddedOn)
		default:
			return strings.ToLower(a.Title) < strings.ToLower(b.Title)
		}
	})
}

// ReadingFilter narrows the list: by status ("" for all), by topic ("" for
// all, compared without case and punctuation) and by text found in the
// title, author, topic, URL or notes (without case).
type ReadingFilter struct {
	Status string
	Topic  string
	Text   string
}

// FilterReading returns the items that pass f, in their order.
func FilterReading(items []ReadingItem, f ReadingFilter) []ReadingItem {
	topic := normaliseWords(f.Topic)
	text := strings.ToLower(strings.TrimSpace(f.Text))
	var out []ReadingItem
	for _, it := range items {
		if f.Status != "" && it.Status != f.Status {
			continue
		}
		if f.Topic != "" && normaliseWords(it.Topic) != topic {
			continue
		}
		if text != "" && !strings.Contains(strings.ToLower(strings.Join([]string{it.Title, it.Author, it.Topic, it.URL, it.Notes}, "\n")), text) {
			continue
		}
		out = append(out, it)
	}
	return out
}
