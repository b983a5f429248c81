package data

import (
	"sort"
	"time"
)

// Overlapping returns the sessions of others whose time overlaps s's, by
// start.
func Overlapping(s StudySession, others []StudySession) []StudySession {
	var out []StudySession
	for _, o := range others {
		if overlaps(s, o) {
			out = append(out, o)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start.Before(out[j].Start) })
	return out
}

// SessionGaps is s without the time others already hold: the pieces of s
// that no other session covers, in order, each at least a minute (shorter
// slivers are dropped). Keeping both an overlapping session and the one
// already logged this way counts every minute once.
func SessionGaps(s StudySession, others []StudySession) []StudySession {
	var out []StudySession
	from := s.Start
	for _, o := range Overlapping(s, others) {
		if o.Start.After(from) {
			out = appendPiece(out, s, from, o.Start)
		}
		if o.End().After(from) {
			from = o.End()
		}
	}
	if s.End().After(from) {
		out = appendPiece(out, s, from, s.End())
	}
	return out
}

func appendPiece(out []StudySession, s StudySession, from, to time.Time) []StudySession {
	if to.Sub(from) < time.Minute {
		return out
	}
	p := s
	p.ID, p.Start, p.Duration = 0, from, to.Sub(from)
	return append(out, p)
}
