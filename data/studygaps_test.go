package data

import (
	"testing"
	"time"
)

func TestSessionGaps(t *testing.T) {
	at := func(h, m int) time.Time { return time.Date(2026, 12, 5, h, m, 0, 0, time.UTC) }
	sess := func(h, m int, d time.Duration) StudySession {
		return StudySession{Start: at(h, m), Duration: d, Topic: "HA"}
	}
	timer := sess(9, 0, 3*time.Hour) // 09:00-12:00
	for _, tc := range []struct {
		name   string
		others []StudySession
		want   []StudySession
	}{
		{"nothing logged", nil, []StudySession{timer}},
		{"one in the middle", []StudySession{sess(10, 0, time.Hour)}, []StudySession{sess(9, 0, time.Hour), sess(11, 0, time.Hour)}},
		{"one over the start", []StudySession{sess(8, 0, 2*time.Hour)}, []StudySession{sess(10, 0, 2*time.Hour)}},
		{"one over the end", []StudySession{sess(11, 30, time.Hour)}, []StudySession{sess(9, 0, 150*time.Minute)}},
		{"covered whole", []StudySession{sess(8, 0, 5*time.Hour)}, nil},
		{"two, a sliver between", []StudySession{sess(9, 0, 59*time.Minute+30*time.Second), sess(10, 0, 2*time.Hour)}, nil},
		{"one apart", []StudySession{sess(12, 0, time.Hour)}, []StudySession{timer}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := SessionGaps(timer, tc.others)
			if len(got) != len(tc.want) {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
			for i := range got {
				if !got[i].Start.Equal(tc.want[i].Start) || got[i].Duration != tc.want[i].Duration || got[i].Topic != "HA" {
					t.Errorf("piece %d = %v, want %v", i, got[i], tc.want[i])
				}
			}
		})
	}
}
