package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	ics "github.com/arran4/golang-ical"
)

// mustRun runs the CLI and fails the test unless it exits 0.
func mustRun(t *testing.T, db string, args ...string) string {
	t.Helper()
	r := runCLI(t, db, args...)
	if r.code != 0 {
		t.Fatalf("masterplan %s: exit %d: %s", strings.Join(args, " "), r.code, r.stderr)
	}
	return r.stdout
}

// noNotificationService makes beeep find neither a D-Bus session nor
// notify-send or kdialog, as on a server with no desktop.
func noNotificationService(t *testing.T) {
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path="+filepath.Join(t.TempDir(), "no-bus"))
	t.Setenv("PATH", t.TempDir())
}

// The CLI clock is 2026-11-23 12:00 UTC, a Monday.

func TestRemindAddListDelete(t *testing.T) {
	t.Parallel()
	db := setupDB(t)
	out := mustRun(t, db, "remind", "add", "study", "Evening study", "--days", "mon-thu,sat", "--at", "19:30", "--tz", "Europe/London")
	if !strings.Contains(out, "Evening study, Mon-Thu, Sat at 19:30") {
		t.Errorf("add study said %q", out)
	}
	mustRun(t, db, "remind", "add", "one-off", "Call the hotel", "--date", "2026-11-24", "--at", "09:15", "--tz", "UTC", "--note", "Ask for a quiet room")
	list := mustRun(t, db, "remind", "list")
	for _, want := range []string{
		"[on ] milestone     Milestone coming up: 3 days before each milestone and on its due day, at 09:00",
		"[off] nudge-reading",
		"Evening study: Mon-Thu, Sat at 19:30",
		"Call the hotel: 2026-11-24 at 09:15",
		"Mon 23 Nov 2026 19:30  Evening study",
		"Tue 24 Nov 2026 09:15  Call the hotel",
	} {
		if !strings.Contains(list, want) {
			t.Errorf("remind list lacks %q:\n%s", want, list)
		}
	}
	mustRun(t, db, "remind", "off", "4")
	if list := mustRun(t, db, "remind", "list"); !strings.Contains(list, "4 [off] study") {
		t.Errorf("after off:\n%s", list)
	}
	mustRun(t, db, "remind", "delete", "4")
	if list := mustRun(t, db, "remind", "list"); strings.Contains(list, "Evening study") {
		t.Errorf("after delete:\n%s", list)
	}
}

func TestRemindBadInput(t *testing.T) {
	t.Parallel()
	db := setupDB(t)
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no kind", []string{"remind", "add"}, exitUsage, "needs a kind"},
		{"one-off in the past", []string{"remind", "add", "one-off", "Late", "--date", "2026-11-22", "--at", "09:00", "--tz", "UTC"}, exitFail, "is in the past"},
		{"one-off without a time", []string{"remind", "add", "one-off", "Late", "--date", "2026-12-22"}, exitUsage, "needs --at"},
		{"a time that is no time", []string{"remind", "add", "study", "--at", "25:00"}, exitFail, "not a time of day"},
		{"days that are no days", []string{"remind", "add", "study", "--days", "someday"}, exitFail, "not a list of days"},
		{"a rule that never rings", []string{"remind", "add", "study", "--rrule", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;BYHOUR=9;BYMINUTE=0"}, exitFail, "never rings"},
		{"an unknown zone", []string{"remind", "add", "study", "--tz", "Mars/Olympus"}, exitFail, "not a known time zone"},
		{"a second milestone reminder is not a kind to add", []string{"remind", "add", "milestone"}, exitUsage, "needs a kind"},
		{"an ID that is no ID", []string{"remind", "delete", "x"}, exitUsage, "not a reminder ID"},
		{"an unknown reminder", []string{"remind", "on", "99"}, exitFail, "not found"},
		{"milestone with two choices", []string{"remind", "milestone", "1", "--off", "--days", "2"}, exitUsage, "exactly one"},
		{"an unknown snooze", []string{"remind", "snooze", "1", "forever"}, exitUsage, "10m|1h|morning"},
		{"an unknown command", []string{"remind", "later"}, exitUsage, "unknown remind command"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := runCLI(t, db, tc.args...)
			if r.code != tc.code || !strings.Contains(r.stderr, tc.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", r.code, r.stderr, tc.code, tc.want)
			}
		})
	}
}

// TestRemindOnceWithoutDesktop delivers a due reminder where no
// notification service runs: it is kept for the app, never lost, and a
// second run delivers nothing.
func TestRemindOnceWithoutDesktop(t *testing.T) {
	noNotificationService(t)
	db := setupDB(t)
	mustRun(t, db, "remind", "add", "one-off", "Pay the fee", "--date", "2026-11-23", "--at", "12:00", "--tz", "UTC")
	r := runCLI(t, db, "remind", "--once")
	if r.code != 0 || !strings.Contains(r.stdout, "Pay the fee  (kept for the app (no desktop notifications))") ||
		!strings.Contains(r.stderr, "reminders are kept for the app's Reminders screen") {
		t.Fatalf("first run: exit %d\nstdout %s\nstderr %s", r.code, r.stdout, r.stderr)
	}
	if out := mustRun(t, db, "remind", "--once"); out != "Nothing due.\n" {
		t.Errorf("second run said %q, want Nothing due.", out)
	}
	var status struct {
		Reminders struct {
			Next []struct {
				Title string `json:"title"`
				At    string `json:"at"`
			} `json:"next"`
			Missed int `json:"missed"`
			Open   int `json:"open"`
		} `json:"reminders"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, db, "status", "--json")), &status); err != nil {
		t.Fatal(err)
	}
	if status.Reminders.Open != 1 || status.Reminders.Missed != 0 {
		t.Errorf("status reminders = %+v, want 1 open, 0 missed", status.Reminders)
	}
	list := mustRun(t, db, "remind", "list")
	if !strings.Contains(list, "1 Pay the fee  (due Mon 23 Nov 12:00)") {
		t.Fatalf("the kept reminder is not listed:\n%s", list)
	}
	if out := mustRun(t, db, "remind", "snooze", "1", "1h"); !strings.Contains(out, "snoozed until Mon 23 Nov 13:00") {
		t.Errorf("snooze said %q", out)
	}
	mustRun(t, db, "remind", "done", "1")
	if list := mustRun(t, db, "remind", "list"); strings.Contains(list, "Waiting") {
		t.Errorf("a done notice is still waiting:\n%s", list)
	}
}

func TestStatusRemindersNextAndMissed(t *testing.T) {
	t.Parallel()
	db := setupDB(t)
	mustRun(t, db, "remind", "add", "study", "Evening study", "--days", "daily", "--at", "19:30", "--tz", "UTC")
	// No runner has run: the one-off due this minute counts as missed.
	mustRun(t, db, "remind", "add", "one-off", "Pay the fee", "--date", "2026-11-23", "--at", "12:00", "--tz", "UTC")
	out := mustRun(t, db, "status", "--json")
	var status struct {
		Reminders struct {
			Next []struct {
				Title string `json:"title"`
				At    string `json:"at"`
			} `json:"next"`
			Missed  int `json:"missed"`
			Enabled int `json:"enabled"`
		} `json:"reminders"`
	}
	if err := json.Unmarshal([]byte(out), &status); err != nil {
		t.Fatal(err)
	}
	next := status.Reminders.Next
	if len(next) != 3 || next[0].Title != "Evening study" || !strings.HasPrefix(next[0].At, "2026-11-23T19:30:00") ||
		!strings.HasPrefix(next[1].At, "2026-11-24T19:30:00") {
		t.Errorf("next = %+v", next)
	}
	if status.Reminders.Missed != 1 || status.Reminders.Enabled != 3 {
		t.Errorf("reminders = %+v, want 1 missed (the one-off at 12:00) and 3 on", status.Reminders)
	}
}

// TestExportICS writes the calendar and reads it back event by event.
func TestExportICS(t *testing.T) {
	t.Parallel()
	db := setupDB(t) // one block 2027-03-01 to 2027-03-07
	mustRun(t, db, "milestone", "add", "Flights booked", "--due", "2027-01-15")
	mustRun(t, db, "milestone", "add", "Hotel booked", "--due", "2027-01-20")
	mustRun(t, db, "remind", "milestone", "2", "--days", "5")
	mustRun(t, db, "remind", "add", "study", "Evening study", "--days", "mon-fri", "--at", "19:30", "--tz", "Europe/London")
	file := filepath.Join(t.TempDir(), "masterplan.ics")
	r := runCLI(t, db, "export", "ics", "-o", file)
	if r.code != 0 || !strings.Contains(r.stderr, "Exported the calendar to") {
		t.Fatalf("export ics: exit %d: %s", r.code, r.stderr)
	}
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cal, err := ics.ParseCalendar(f)
	if err != nil {
		t.Fatalf("the export does not parse: %v", err)
	}
	events := map[string]*ics.VEvent{}
	for _, e := range cal.Events() {
		events[e.Id()] = e
	}
	prop := func(e *ics.VEvent, p ics.ComponentProperty) string {
		if v := e.GetProperty(p); v != nil {
			return v.Value
		}
		return ""
	}
	if len(events) != 4 {
		t.Fatalf("events %v, want a block, two milestones and the study reminder", events)
	}
	block := events["block-1@masterplan"]
	if block == nil || prop(block, ics.ComponentPropertyDtStart) != "20270301" || prop(block, ics.ComponentPropertyDtEnd) != "20270308" ||
		prop(block, ics.ComponentPropertyLocation) != "Redmond, Washington" {
		t.Errorf("block event: %v", block)
	}
	for id, trigger := range map[string]string{"milestone-1@masterplan": "-P2DT15H", "milestone-2@masterplan": "-P4DT15H"} {
		m := events[id]
		if m == nil || len(m.Alarms()) != 2 {
			t.Fatalf("%s: %v, want an alarm before and one on the day", id, m)
		}
		if got := m.Alarms()[1].GetProperty(ics.ComponentPropertyTrigger); got == nil || got.Value != "PT9H" {
			t.Errorf("%s due-day alarm trigger %v, want PT9H", id, got)
		}
		if got := m.Alarms()[0].GetProperty(ics.ComponentPropertyTrigger); got == nil || got.Value != trigger {
			t.Errorf("%s alarm trigger %v, want %s", id, got, trigger)
		}
	}
	study := events["study-4@masterplan"]
	if study == nil || prop(study, ics.ComponentPropertyRrule) != "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=19;BYMINUTE=30" ||
		prop(study, ics.ComponentPropertyDtStart) != "20261123T193000" || prop(study, ics.ComponentPropertySummary) != "Evening study" {
		t.Errorf("study event: %v", study)
	}
	if tzid := study.GetProperty(ics.ComponentPropertyDtStart).ICalParameters["TZID"]; len(tzid) != 1 || tzid[0] != "Europe/London" {
		t.Errorf("study DTSTART TZID = %v", tzid)
	}
	// A second export gives the same UIDs, so a calendar updates its events.
	again := mustRun(t, db, "export", "ics")
	for id := range events {
		if !strings.Contains(again, "UID:"+id) {
			t.Errorf("the second export lacks UID %s", id)
		}
	}
}

func TestExportICSNotSetUp(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "new.db")
	r := runCLI(t, db, "export", "ics")
	if r.code != exitFail || !strings.Contains(r.stderr, "set it up first") {
		t.Errorf("export ics before setup: exit %d: %s", r.code, r.stderr)
	}
}
