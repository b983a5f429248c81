package data

import (
	"fmt"
	"sort"
	"time"
)

// One person studies one thing at a time: a session whose time overlaps
// another's is refused where it is entered (log, timer, form, import). A
// session ending when the next starts does not overlap it.

// overlaps reports whether a and b share some time; a session edited is
// not compared with itself (same nonzero ID).
func overlaps(a, b StudySession) bool {
	if a.ID != 0 && a.ID == b.ID {
		return false
	}
	return a.Start.Before(b.End()) && b.Start.Before(a.End())
}

// Repeats reports whether s is an exact repeat of o: the same start to the
// second and the same length. An import skips such a session.
func (s StudySession) Repeats(o StudySession) bool {
	return s.Start.Truncate(time.Second).Equal(o.Start.Truncate(time.Second)) && s.Duration.Round(time.Second) == o.Duration.Round(time.Second)
}

// SessionTimeline holds sessions by start, to find the one a new session
// overlaps without comparing it with all of them (an import checks
// thousands against thousands).
type SessionTimeline struct{ byStart []StudySession }

// NewSessionTimeline holds a copy of sessions.
func NewSessionTimeline(sessions []StudySession) *SessionTimeline {
	t := &SessionTimeline{byStart: append([]StudySession(nil), sessions...)}
	sort.SliceStable(t.byStart, func(i, j int) bool { return t.byStart[i].Start.Before(t.byStart[j].Start) })
	return t
}

// Add holds s too.
func (t *SessionTimeline) Add(s StudySession) {
	i := sort.Search(len(t.byStart), func(i int) bool { return t.byStart[i].Start.After(s.Start) })
	t.byStart = append(t.byStart, StudySession{})
	copy(t.byStart[i+1:], t.byStart[i:])
	t.byStart[i] = s
}

// Overlap returns the earliest session held whose time overlaps s's.
// Sessions last at most MaxStudySession, so only those starting less than
// that before s can reach into it.
func (t *SessionTimeline) Overlap(s StudySession) (StudySession, bool) {
	from := sort.Search(len(t.byStart), func(i int) bool { return t.byStart[i].Start.After(s.Start.Add(-MaxStudySession)) })
	for _, o := range t.byStart[from:] {
		if !o.Start.Before(s.End()) {
			break
		}
		if overlaps(s, o) {
			return o, true
		}
	}
	return StudySession{}, false
}

// OverlapError is the refusal of s because it overlaps o, naming o's day,
// local time span (in loc) and topic so the user can find it.
func OverlapError(s, o StudySession, loc *time.Location) error {
	what := ""
	if o.Topic != "" {
		what = fmt.Sprintf(" (%s)", o.Topic)
	}
	start, end := o.Start.In(loc), o.End().In(loc)
	return Invalid("start", "overlaps the session of %s from %s to %s%s; one session at a time: change the start or the length, or edit that session",
		FormatStudyDuration(o.Duration), start.Format("2006-01-02 15:04"), end.Format("15:04"), what)
}

// CheckSessionOverlap refuses s when its time overlaps one of others (s
// itself, by ID, aside), naming that session in zone loc. The error
// matches ErrInvalid.
func CheckSessionOverlap(s StudySession, others []StudySession, loc *time.Location) error {
	for _, o := range others {
		if overlaps(s, o) {
			return OverlapError(s, o, loc)
		}
	}
	return nil
}
