package data

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func timerBase() time.Time { return time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC) }

func timerMins(n int) time.Duration { return time.Duration(n) * time.Minute }

func TestTimerLifecycle(t *testing.T) {
	t0 := timerBase()
	var tm TimerState
	if tm.Phase() != TimerIdle {
		t.Fatalf("zero timer is %s", tm.Phase())
	}
	if err := tm.Start(t0, "Exchange", 4, Pomodoro{}); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name    string
		do      func() error
		phase   TimerPhase
		at      time.Time
		elapsed time.Duration
	}{
		{"running", func() error { return nil }, TimerRunning, t0.Add(timerMins(20)), timerMins(20)},
		{"start again refused", func() error { return tm.Start(t0.Add(timerMins(20)), "", 0, Pomodoro{}) }, TimerRunning, t0.Add(timerMins(20)), timerMins(20)},
		{"resume while running refused", func() error { return tm.Resume(t0.Add(timerMins(20))) }, TimerRunning, t0.Add(timerMins(20)), timerMins(20)},
		{"pause", func() error { return tm.Pause(t0.Add(timerMins(30))) }, TimerPaused, t0.Add(timerMins(90)), timerMins(30)},
		{"pause again refused", func() error { return tm.Pause(t0.Add(timerMins(40))) }, TimerPaused, t0.Add(timerMins(90)), timerMins(30)},
		{"resume", func() error { return tm.Resume(t0.Add(timerMins(100))) }, TimerRunning, t0.Add(timerMins(115)), timerMins(45)},
		{"clock set back counts nothing more", func() error { return nil }, TimerRunning, t0.Add(timerMins(95)), timerMins(30)},
	}
	wantErr := map[string]bool{"start again refused": true, "resume while running refused": true, "pause again refused": true}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			err := st.do()
			if wantErr[st.name] {
				if FieldMessage(err, "timer") == "" {
					t.Fatalf("err = %v, want a timer error", err)
				}
			} else if err != nil {
				t.Fatal(err)
			}
			if tm.Phase() != st.phase {
				t.Errorf("phase = %s, want %s", tm.Phase(), st.phase)
			}
			if got := tm.Elapsed(st.at); got != st.elapsed {
				t.Errorf("Elapsed = %v, want %v", got, st.elapsed)
			}
		})
	}
	s, err := tm.Stop(t0.Add(timerMins(130)))
	if err != nil {
		t.Fatal(err)
	}
	want := StudySession{Start: t0, Duration: timerMins(60), Topic: "Exchange", ReadingItemID: 4}
	if s != want {
		t.Fatalf("Stop = %+v, want %+v", s, want)
	}
	if tm != (TimerState{}) {
		t.Fatalf("timer not idle after Stop: %+v", tm)
	}
	if _, err := tm.Stop(t0.Add(timerMins(140))); FieldMessage(err, "timer") == "" {
		t.Fatalf("Stop on idle = %v, want a timer error", err)
	}
	if err := tm.Pause(t0); FieldMessage(err, "timer") == "" {
		t.Fatalf("Pause on idle = %v", err)
	}
	if err := tm.Resume(t0); FieldMessage(err, "timer") == "" {
		t.Fatalf("Resume on idle = %v", err)
	}
}

func TestTimerStopWhilePaused(t *testing.T) {
	t0 := timerBase()
	var tm TimerState
	if err := tm.Start(t0, "", 0, Pomodoro{}); err != nil {
		t.Fatal(err)
	}
	if err := tm.Pause(t0.Add(timerMins(45))); err != nil {
		t.Fatal(err)
	}
	s, err := tm.Stop(t0.Add(5 * time.Hour))
	if err != nil || s.Duration != timerMins(45) || !s.Start.Equal(t0) {
		t.Fatalf("Stop = %+v, %v; want 45m from %v", s, err, t0)
	}
}

func TestTimerSurvivesARestart(t *testing.T) {
	t0 := timerBase()
	var tm TimerState
	if err := tm.Start(t0.In(studyZone(t, "Asia/Tokyo")), "SQL", 9, DefaultPomodoro()); err != nil {
		t.Fatal(err)
	}
	if err := tm.Pause(t0.Add(timerMins(10))); err != nil {
		t.Fatal(err)
	}
	if err := tm.Resume(t0.Add(timerMins(15))); err != nil {
		t.Fatal(err)
	}
	saved, err := json.Marshal(tm)
	if err != nil {
		t.Fatal(err)
	}
	var back TimerState
	if err := json.Unmarshal(saved, &back); err != nil {
		t.Fatal(err)
	}
	if back != tm || back.Validate() != nil {
		t.Fatalf("after a round trip through JSON: %+v (valid: %v), want %+v", back, back.Validate(), tm)
	}
	if back.StartedAt.Location() != time.UTC {
		t.Errorf("start kept in %v, want UTC", back.StartedAt.Location())
	}
	if got := back.Elapsed(t0.Add(timerMins(25))); got != timerMins(20) {
		t.Errorf("Elapsed after restart = %v, want 20m", got)
	}
}

func TestTimerCrashRecovery(t *testing.T) {
	t0 := timerBase()
	var tm TimerState
	if err := tm.Start(t0, "AD", 0, Pomodoro{}); err != nil {
		t.Fatal(err)
	}
	before := tm
	// The app crashed and comes back two days later: keeping the session
	// "until now" would log 48 hours.
	_, err := tm.Stop(t0.Add(48 * time.Hour))
	if msg := FieldMessage(err, "duration"); !strings.Contains(msg, "at most 24 hours") {
		t.Fatalf("Stop two days later = %v, want a duration error", err)
	}
	if tm != before {
		t.Fatalf("a refused Stop changed the timer: %+v", tm)
	}
	// The user says they stopped at 11:30.
	s, err := tm.Stop(t0.Add(150 * time.Minute))
	if err != nil || s.Duration != 150*time.Minute {
		t.Fatalf("Stop at the confirmed time = %+v, %v", s, err)
	}
	var quick TimerState
	if err := quick.Start(t0, "", 0, Pomodoro{}); err != nil {
		t.Fatal(err)
	}
	if _, err := quick.Stop(t0.Add(400 * time.Millisecond)); FieldMessage(err, "duration") == "" {
		t.Fatalf("Stop after under a second = %v, want a duration error", err)
	}
}

func TestTimerStartValidates(t *testing.T) {
	t0 := timerBase()
	var tm TimerState
	if err := tm.Start(t0, strings.Repeat("x", MaxNameLen+1), 0, Pomodoro{}); FieldMessage(err, "topic") == "" {
		t.Fatalf("long topic: %v", err)
	}
	if err := tm.Start(t0, "", 0, Pomodoro{Work: 30 * time.Second, Break: timerMins(5)}); FieldMessage(err, "work") == "" {
		t.Fatalf("short work: %v", err)
	}
	if err := tm.Start(time.Time{}, "", 0, Pomodoro{}); FieldMessage(err, "timer") == "" {
		t.Fatalf("start at the zero time: %v", err)
	}
	if tm.Phase() != TimerIdle {
		t.Fatalf("a refused start left the timer %s", tm.Phase())
	}
}

func TestTimerStateValidate(t *testing.T) {
	t0 := timerBase()
	tests := []struct {
		name  string
		state TimerState
		field string
	}{
		{"idle", TimerState{}, ""},
		{"running", TimerState{StartedAt: t0, RunningSince: t0.Add(time.Hour), Accumulated: timerMins(30)}, ""},
		{"paused", TimerState{StartedAt: t0, Accumulated: timerMins(30)}, ""},
		{"idle with leftovers", TimerState{Topic: "x"}, "timer"},
		{"resumed before the start", TimerState{StartedAt: t0, RunningSince: t0.Add(-time.Minute)}, "timer"},
		{"negative count", TimerState{StartedAt: t0, Accumulated: -time.Minute}, "timer"},
		{"negative item", TimerState{StartedAt: t0, ReadingItemID: -2}, "reading item"},
		{"bad pomodoro", TimerState{StartedAt: t0, Pomodoro: Pomodoro{Work: timerMins(25)}}, "break"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.state.Validate()
			if tc.field == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if FieldMessage(err, tc.field) == "" {
				t.Fatalf("Validate = %v, want an error for %s", err, tc.field)
			}
		})
	}
}

func TestPomodoroValidate(t *testing.T) {
	tests := []struct {
		name  string
		p     Pomodoro
		field string
	}{
		{"off", Pomodoro{}, ""},
		{"default", DefaultPomodoro(), ""},
		{"long", Pomodoro{Work: 4 * time.Hour, Break: time.Hour}, ""},
		{"work too short", Pomodoro{Work: 59 * time.Second, Break: timerMins(5)}, "work"},
		{"work too long", Pomodoro{Work: 4*time.Hour + time.Minute, Break: timerMins(5)}, "work"},
		{"no break", Pomodoro{Work: timerMins(25)}, "break"},
		{"break too long", Pomodoro{Work: timerMins(25), Break: 61 * time.Minute}, "break"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.p.Validate()
			if (tc.field == "") != (err == nil) || (tc.field != "" && FieldMessage(err, tc.field) == "") {
				t.Fatalf("Validate = %v, want error on %q", err, tc.field)
			}
		})
	}
}

func TestPomodoroAt(t *testing.T) {
	t0 := timerBase()
	var tm TimerState
	if err := tm.Start(t0, "", 0, DefaultPomodoro()); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		at      time.Duration
		want    PomodoroStatus
		studied time.Duration
	}{
		{"start", 0, PomodoroStatus{Round: 1, Left: timerMins(25), NextSwitch: t0.Add(timerMins(25))}, 0},
		{"end of work", timerMins(25) - time.Second, PomodoroStatus{Round: 1, Left: time.Second, NextSwitch: t0.Add(timerMins(25))}, timerMins(25) - time.Second},
		{"break begins", timerMins(25), PomodoroStatus{OnBreak: true, Round: 1, Left: timerMins(5), NextSwitch: t0.Add(timerMins(30))}, timerMins(25)},
		{"in the break", timerMins(28), PomodoroStatus{OnBreak: true, Round: 1, Left: timerMins(2), NextSwitch: t0.Add(timerMins(30))}, timerMins(25)},
		{"second round", timerMins(30), PomodoroStatus{Round: 2, Left: timerMins(25), NextSwitch: t0.Add(timerMins(55))}, timerMins(25)},
		{"third round", timerMins(62), PomodoroStatus{Round: 3, Left: timerMins(23), NextSwitch: t0.Add(timerMins(85))}, timerMins(52)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := tm.PomodoroAt(t0.Add(tc.at))
			if !ok || got != tc.want {
				t.Fatalf("PomodoroAt(+%v) = %+v, %v; want %+v", tc.at, got, ok, tc.want)
			}
			if s := tm.Studied(t0.Add(tc.at)); s != tc.studied {
				t.Errorf("Studied = %v, want %v (breaks left out)", s, tc.studied)
			}
		})
	}
	t.Run("paused does not switch", func(t *testing.T) {
		p := tm
		if err := p.Pause(t0.Add(timerMins(10))); err != nil {
			t.Fatal(err)
		}
		got, ok := p.PomodoroAt(t0.Add(timerMins(60)))
		if !ok || got != (PomodoroStatus{Round: 1, Left: timerMins(15)}) {
			t.Fatalf("paused PomodoroAt = %+v, %v", got, ok)
		}
	})
	t.Run("stop logs work only", func(t *testing.T) {
		p := tm
		s, err := p.Stop(t0.Add(timerMins(62)))
		if err != nil || s.Duration != timerMins(52) {
			t.Fatalf("Stop = %+v, %v; want 52m", s, err)
		}
	})
	t.Run("off", func(t *testing.T) {
		var plain TimerState
		if err := plain.Start(t0, "", 0, Pomodoro{}); err != nil {
			t.Fatal(err)
		}
		if _, ok := plain.PomodoroAt(t0.Add(timerMins(30))); ok {
			t.Fatal("PomodoroAt reported a phase without Pomodoro")
		}
		if _, ok := (TimerState{}).PomodoroAt(t0); ok {
			t.Fatal("PomodoroAt reported a phase on an idle timer")
		}
	})
}

func TestTimerPhaseString(t *testing.T) {
	for p, want := range map[TimerPhase]string{TimerIdle: "idle", TimerRunning: "running", TimerPaused: "paused"} {
		if p.String() != want {
			t.Errorf("%d.String() = %q, want %q", p, p.String(), want)
		}
	}
}
