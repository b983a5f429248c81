package data

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestSessionOverlap(t *testing.T) {
	at := func(h, m, s int) time.Time { return time.Date(2026, 11, 2, h, m, s, 0, time.UTC) }
	stored := []StudySession{
		{ID: 1, Start: at(10, 0, 0), Duration: 30 * time.Minute, Topic: "Transport"},
		{ID: 2, Start: at(14, 0, 0), Duration: time.Hour},
	}
	tl := NewSessionTimeline(stored)
	tests := []struct {
		name    string
		s       StudySession
		overlap int64 // the ID overlapped, 0 for none
	}{
		{"the same again", StudySession{Start: at(10, 0, 0), Duration: 30 * time.Minute}, 1},
		{"starts inside", StudySession{Start: at(10, 29, 59), Duration: time.Minute}, 1},
		{"holds it", StudySession{Start: at(13, 0, 0), Duration: 3 * time.Hour}, 2},
		{"ends as it starts", StudySession{Start: at(9, 30, 0), Duration: 30 * time.Minute}, 0},
		{"starts as it ends", StudySession{Start: at(10, 30, 0), Duration: 30 * time.Minute}, 0},
		{"itself, edited", StudySession{ID: 1, Start: at(10, 5, 0), Duration: 30 * time.Minute}, 0},
		{"a day before", StudySession{Start: at(10, 0, 0).AddDate(0, 0, -1), Duration: 23 * time.Hour}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			o, ok := tl.Overlap(tc.s)
			if ok != (tc.overlap != 0) || (ok && o.ID != tc.overlap) {
				t.Fatalf("Overlap = %v, %v; want session %d", o.ID, ok, tc.overlap)
			}
			err := CheckSessionOverlap(tc.s, stored, time.UTC)
			if (err != nil) != ok || (err != nil && !errors.Is(err, ErrInvalid)) {
				t.Errorf("CheckSessionOverlap = %v", err)
			}
		})
	}
	err := CheckSessionOverlap(StudySession{Start: at(10, 15, 0), Duration: 30 * time.Minute}, stored, time.UTC)
	if err == nil || !strings.Contains(err.Error(), "2026-11-02 10:00") || !strings.Contains(err.Error(), "Transport") {
		t.Errorf("the message does not name the overlap: %v", err)
	}
	tl.Add(StudySession{ID: 3, Start: at(12, 0, 0), Duration: time.Hour})
	if o, ok := tl.Overlap(StudySession{Start: at(12, 30, 0), Duration: time.Minute}); !ok || o.ID != 3 {
		t.Errorf("after Add: %v %v", o.ID, ok)
	}
	if !(StudySession{Start: at(10, 0, 0), Duration: 30 * time.Minute, Topic: "Other"}).Repeats(stored[0]) ||
		(StudySession{Start: at(10, 0, 1), Duration: 30 * time.Minute}).Repeats(stored[0]) {
		t.Error("Repeats: same start to the second and same length")
	}
}
