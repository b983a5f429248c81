package transfer

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/masterplan-app/masterplan/data"
)

func sessionZone(t testing.TB) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func TestImportSessions(t *testing.T) {
	ny := sessionZone(t)
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, ny)
	local := func(day, h, m, s int) time.Time { return time.Date(2026, 3, day, h, m, s, 0, ny).UTC() }
	in := "Date,Start,Duration,Topic,Note,Mood\n" +
		"2026-03-02,09:15,45,Exchange,\"read ch. 3\r\nthen labs\",ok\n" +
		"2026-03-03,,90,AD,,\n" +
		"2026-03-04,21:00,1h30m,,,\n" +
		"2026-03-05,07:00:30,37.5,SQL,,\n" +
		"2026-03-08,02:30,30,,spring forward,\n" +
		",10:00,30,,,\n" +
		"2026-02-30,10:00,30,,,\n" +
		"2026-03-06,10:00,0,,,\n" +
		"2026-03-06,10:00,-5,,,\n" +
		"2026-03-06,10:00,1500,,,\n" +
		"2026-03-06,25:00,30,,,\n" +
		"2026-03-10,11:30,60,,,\n" +
		"2026-03-11,,60,,,\n" +
		"2026-03-02,09:15,45,again,,\n" +
		"2026-03-06,10:00,30," + strings.Repeat("t", data.MaxNameLen+1) + ",,\n" +
		"2026-03-06,10:00,,,,\n"
	p, err := ImportSessions("sessions.csv", []byte(in), ny, now, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []data.StudySession{
		{Start: local(2, 9, 15, 0), Duration: 45 * time.Minute, Topic: "Exchange", Note: "read ch. 3\nthen labs"},
		{Start: local(3, 22, 30, 0), Duration: 90 * time.Minute, Topic: "AD"},
		{Start: local(4, 21, 0, 0), Duration: 90 * time.Minute},
		{Start: local(5, 7, 0, 30), Duration: 37*time.Minute + 30*time.Second, Topic: "SQL"},
		{Start: local(8, 3, 30, 0), Duration: 30 * time.Minute, Note: "spring forward"},
	}
	if len(p.Accepted) != len(want) {
		t.Fatalf("accepted %d, want %d: %+v\n%s", len(p.Accepted), len(want), p.Accepted, rejectedText(p.Rejected))
	}
	for i := range want {
		if p.Accepted[i] != want[i] {
			t.Errorf("session %d =\n%+v, want\n%+v", i, p.Accepted[i], want[i])
		}
	}
	wantRejected := []string{
		"line 8: Date: is required",
		"line 9: Date: \"2026-02-30\" is not a date",
		"line 10: Duration: \"0\" is zero",
		"line 11: Duration: \"-5\" is negative",
		"line 12: Duration: \"1500\" minutes is more than 24 hours",
		"line 13: Start: \"25:00\" is not a time of day",
		"line 14: Start: the session would end at 2026-03-10T16:30:00Z, after now",
		"line 15: Date: 2026-03-11 is after today (2026-03-10)",
		"line 17: Topic: is 201 characters long",
		"line 18: Duration: is required",
	}
	if len(p.Rejected) != len(wantRejected) {
		t.Fatalf("rejected:\n%s\nwant %d", rejectedText(p.Rejected), len(wantRejected))
	}
	for i, w := range wantRejected {
		if !strings.HasPrefix(p.Rejected[i].String(), w) {
			t.Errorf("rejected[%d] = %q, want %q...", i, p.Rejected[i], w)
		}
	}
	if len(p.Warnings) != 1 || !strings.Contains(p.Warnings[0], "Mood") {
		t.Errorf("warnings = %q", p.Warnings)
	}

	// Line 16 repeats line 2 exactly (start to the second, length): skipped.
	if p.Repeats != 1 {
		t.Errorf("repeats = %d, want 1 (line 16)", p.Repeats)
	}

	again, err := ImportSessions("sessions.csv", []byte(in), ny, now, p.Accepted)
	if err != nil || len(again.Accepted) != 0 || again.Repeats != 6 || len(again.Rejected) != len(wantRejected) {
		t.Fatalf("second import: %d accepted, %d repeats, %d rejected, %v", len(again.Accepted), again.Repeats, len(again.Rejected), err)
	}
}

// TestImportSessionsOverlap holds issue 16 item 7 for the importer: a row
// overlapping a stored session or an earlier row is rejected, naming it.
func TestImportSessionsOverlap(t *testing.T) {
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	stored := []data.StudySession{{ID: 1, Start: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC), Duration: time.Hour, Topic: "DNS"}}
	in := "date,start,duration_min\n2026-03-02,09:30,30\n2026-03-03,10:00,60\n2026-03-03,10:30,60\n2026-03-03,11:00:00,30\n"
	p, err := ImportSessions("s.csv", []byte(in), time.UTC, now, stored)
	if err != nil {
		t.Fatal(err)
	}
	got := rejectedText(p.Rejected)
	if len(p.Accepted) != 2 || !strings.Contains(got, "line 2: start: overlaps the session of 1h from 2026-03-02 09:00 to 10:00 (DNS)") ||
		!strings.Contains(got, "line 4: start: overlaps the session of 1h from 2026-03-03 10:00 to 11:00") || !strings.Contains(got, "(line 3 of the file)") {
		t.Errorf("accepted %d, rejected:\n%s", len(p.Accepted), got)
	}
}

func TestImportSessionsRefusesTheFile(t *testing.T) {
	ny := sessionZone(t)
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, ny)
	tests := []struct {
		name string
		in   string
		is   error
		msg  string
	}{
		{"empty", "", ErrEmptyFile, ""},
		{"binary", "date\x00", ErrNotText, ""},
		{"header only", "date,duration_min\n", data.ErrInvalid, "no rows"},
		{"no duration column", "date,topic\n2026-03-01,x\n", data.ErrInvalid, "date and duration_min"},
		{"no date column", "start,duration_min\n10:00,5\n", data.ErrInvalid, "date and duration_min"},
		{"bad quotes", "date,duration_min,note\n2026-03-01,5,\"open\n", data.ErrInvalid, "not closed"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := ImportSessions("s.csv", []byte(tc.in), ny, now, nil)
			if !errors.Is(err, tc.is) || !strings.HasPrefix(err.Error(), "import s.csv: ") || !strings.Contains(err.Error(), tc.msg) {
				t.Fatalf("err = %v, want %v saying %q", err, tc.is, tc.msg)
			}
			if len(p.Accepted)+len(p.Rejected) != 0 {
				t.Errorf("refused file gave a preview %+v", p)
			}
		})
	}
}

func TestExportSessionsRoundTrip(t *testing.T) {
	ny := sessionZone(t)
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, ny)
	sessions := []data.StudySession{
		{ID: 2, Start: time.Date(2026, 3, 4, 2, 15, 40, 0, time.UTC), Duration: 45*time.Minute + 20*time.Second, Topic: "=1+1", Note: "-note\nline 2"},
		{ID: 1, Start: time.Date(2026, 3, 1, 14, 0, 0, 0, time.UTC), Duration: 20 * time.Second, Topic: "AD"},
		{ID: 3, Start: time.Date(2025, 11, 2, 5, 30, 0, 0, time.UTC), Duration: 24 * time.Hour, ReadingItemID: 7},
	}
	var buf bytes.Buffer
	if err := ExportSessions(&buf, sessions, ny); err != nil {
		t.Fatal(err)
	}
	want := "date,start,duration_min,topic,note\n" +
		"2025-11-02,01:30,1440,,\n" +
		"2026-03-01,09:00,0.33,AD,\n" +
		"2026-03-03,21:15:40,45.33,'=1+1,\"'-note\nline 2\"\n" // the start to the second (issue 16 item 7)
	if got := buf.String(); got != want {
		t.Fatalf("export =\n%s\nwant\n%s", got, want)
	}
	p, err := ImportSessions("export.csv", buf.Bytes(), ny, now, nil)
	if err != nil || len(p.Accepted) != 3 {
		t.Fatalf("re-import: %d accepted, %v\n%s", len(p.Accepted), err, rejectedText(p.Rejected))
	}
	keys := data.StudySessionKeys(sessions, ny)
	for i, s := range p.Accepted {
		if !keys[s.Key(ny)] {
			t.Errorf("re-imported session %d (%+v) has a key not in the original", i, s)
		}
	}
	if p.Accepted[0].Duration != 24*time.Hour || p.Accepted[1].Duration != 20*time.Second || p.Accepted[2].Duration != sessions[0].Duration {
		t.Errorf("durations = %v %v %v", p.Accepted[0].Duration, p.Accepted[1].Duration, p.Accepted[2].Duration)
	}
	if !p.Accepted[2].Start.Equal(sessions[0].Start) {
		t.Errorf("start came back as %v, want %v", p.Accepted[2].Start, sessions[0].Start)
	}
	if p.Accepted[2].Topic != "=1+1" || p.Accepted[2].Note != "-note\nline 2" {
		t.Errorf("text came back as %q / %q", p.Accepted[2].Topic, p.Accepted[2].Note)
	}
	again, err := ImportSessions("export.csv", buf.Bytes(), ny, now, p.Accepted)
	if err != nil || len(again.Accepted) != 0 || len(again.Rejected) != 0 || again.Repeats != 3 {
		t.Fatalf("importing the export into the same log: %d accepted, %d rejected, %d repeats, %v", len(again.Accepted), len(again.Rejected), again.Repeats, err)
	}
}

func TestSessionsNilZoneIsUTC(t *testing.T) {
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	p, err := ImportSessions("s.csv", []byte("date,start,minutes\n2026-03-01,10:00,30\n"), nil, now, nil)
	if err != nil || len(p.Accepted) != 1 || !p.Accepted[0].Start.Equal(time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)) {
		t.Fatalf("nil zone: %+v, %v", p.Accepted, err)
	}
	var buf bytes.Buffer
	if err := ExportSessions(&buf, p.Accepted, nil); err != nil || !strings.Contains(buf.String(), "2026-03-01,10:00,30,,") {
		t.Fatalf("export with nil zone: %q, %v", buf.String(), err)
	}
}

func FuzzImportSessions(f *testing.F) {
	f.Add([]byte("date,start,duration_min,topic,note\n2026-03-02,09:15,45,Exchange,n\n2026-03-03,,1h30m,,\n2026-03-08,02:30,37.5,,\n"))
	f.Add([]byte("Date;Minutes\n2026-03-01;1440\n2026-03-11;5\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		ny := sessionZone(t)
		now := time.Date(2026, 3, 10, 12, 0, 0, 0, ny)
		existing := []data.StudySession{{Start: time.Date(2026, 3, 1, 14, 0, 0, 0, time.UTC), Duration: time.Hour}}
		p, err := ImportSessions("fuzz.csv", b, ny, now, existing)
		if err != nil {
			if !errors.Is(err, data.ErrInvalid) || len(p.Accepted)+len(p.Rejected) != 0 {
				t.Fatalf("refusal %v with preview %+v", err, p)
			}
			return
		}
		seen := map[string]bool{}
		for i, s := range p.Accepted {
			if err := s.Validate(now); err != nil {
				t.Fatalf("accepted session %d is invalid: %v", i, err)
			}
			if err := data.CheckSessionOverlap(s, append(existing, p.Accepted[:i]...), ny); err != nil {
				t.Fatalf("accepted session %d overlaps: %v", i, err)
			}
			seen[s.Key(ny)] = true
		}
		for _, r := range p.Rejected {
			if r.Line < 1 || r.Reason == "" {
				t.Fatalf("rejection without line or reason: %+v", r)
			}
		}
		if len(p.Accepted) == 0 {
			return
		}
		var buf bytes.Buffer
		if err := ExportSessions(&buf, p.Accepted, ny); err != nil {
			t.Fatal(err)
		}
		back, err := ImportSessions("export.csv", buf.Bytes(), ny, now, nil)
		if err != nil || len(back.Accepted) != len(p.Accepted) {
			t.Fatalf("re-importing the export: %d of %d, %v\n%s\n%q", len(back.Accepted), len(p.Accepted), err, rejectedText(back.Rejected), buf.String())
		}
		for _, s := range back.Accepted {
			if !seen[s.Key(ny)] {
				t.Fatalf("round trip changed a session: %+v", s)
			}
		}
	})
}
