package plan

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/masterplan-app/masterplan/data"
)

func TestParseAvailability(t *testing.T) {
	tests := []struct {
		name, in, want string
		week           int // minutes a week
		err            string
	}{
		{name: "the issue's example", in: "Mon-Fri 19:00-21:00; Sat 09:00-13:00", want: "Mon-Fri 19:00-21:00; Sat 09:00-13:00", week: 5*120 + 240},
		{name: "lists and two ranges", in: "tue,thu 18:30-20:00 21:00-22:00", want: "Tue 18:30-20:00 21:00-22:00; Thu 18:30-20:00 21:00-22:00", week: 2 * 150},
		{name: "until midnight", in: "Sun 22:00-24:00", want: "Sun 22:00-24:00", week: 120},
		{name: "a day named twice", in: "Mon 08:00-09:00; Mon-Tue 19:00-20:00", want: "Mon 08:00-09:00 19:00-20:00; Tue 19:00-20:00", week: 180},
		{name: "whole week groups", in: "Mon-Sun 07:00-07:30", want: "Mon-Sun 07:00-07:30", week: 7 * 30},
		{name: "empty", in: " ", err: "is empty"},
		{name: "no range", in: "Mon", err: "has no time range"},
		{name: "not a day", in: "Xyz 10:00-11:00", err: "not a day"},
		{name: "backwards days", in: "Fri-Mon 10:00-11:00", err: "runs backwards"},
		{name: "end before start", in: "Mon 21:00-19:00", err: "end must come after"},
		{name: "overlap", in: "Mon 19:00-21:00 20:00-22:00", err: "overlaps"},
		{name: "not a time", in: "Mon 7pm-9pm", err: "not a time of day"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := ParseAvailability(tc.in)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) || !errors.Is(err, data.ErrInvalid) {
					t.Fatalf("ParseAvailability(%q) = %v, want an invalid-input error with %q", tc.in, err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := a.String(); got != tc.want {
				t.Errorf("String() = %q, want %q", got, tc.want)
			}
			if got := a.WeekMinutes(); got != tc.week {
				t.Errorf("WeekMinutes() = %d, want %d", got, tc.week)
			}
			again, err := ParseAvailability(a.String())
			if err != nil || again.String() != a.String() {
				t.Errorf("String() does not read back: %v", err)
			}
		})
	}
}

func TestDefaultAvailability(t *testing.T) {
	tests := []struct {
		goal float64
		want string
	}{
		{10, "Mon-Fri 19:00-20:30; Sat 09:00-11:30"},
		{0.5, "Sat 09:00-09:30"},
		{20, "Mon-Fri 19:00-21:45; Sat 09:00-15:15"},
		{100, "Mon-Fri 19:00-24:00; Sat-Sun 09:00-24:00"},
	}
	for _, tc := range tests {
		a := DefaultAvailability(tc.goal)
		if got := a.String(); got != tc.want {
			t.Errorf("DefaultAvailability(%g) = %q, want %q", tc.goal, got, tc.want)
		}
		if err := a.Validate(); err != nil {
			t.Errorf("DefaultAvailability(%g) is invalid: %v", tc.goal, err)
		}
	}
}

func TestScoreWeakness(t *testing.T) {
	tests := []struct {
		name         string
		latest, pass float64
		scored       bool
		want         float64
		ready        bool
		note         string
	}{
		{"not scored", 0, 70, false, UnscoredWeakness, false, "not scored yet"},
		{"at the pass mark", 70, 70, true, ReadyWeakness, true, "latest 70 %"},
		{"perfect", 100, 70, true, 0, true, "latest 100 %"},
		{"zero", 0, 70, true, 1, false, "latest 0 %"},
		{"just below", 55, 70, true, ReadyWeakness + 0.8*15/70, false, "latest 55 %"},
		{"pass mark 100", 100, 100, true, 0, true, "latest 100 %"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w, note := ScoreWeakness(tc.latest, tc.scored, tc.pass)
			if d := w - tc.want; d > 1e-9 || d < -1e-9 || note != tc.note {
				t.Errorf("ScoreWeakness = %g, %q; want %g, %q", w, note, tc.want, tc.note)
			}
			if (w <= ReadyWeakness) != tc.ready {
				t.Errorf("ready = %v, want %v", w <= ReadyWeakness, tc.ready)
			}
		})
	}
	// Lower latest score, never lower weakness.
	prev := -1.0
	for s := 100.0; s >= 0; s -= 0.5 {
		w, _ := ScoreWeakness(s, true, 70)
		if w < prev {
			t.Fatalf("weakness falls from %g to %g as the score drops to %g", prev, w, s)
		}
		prev = w
	}
}

func TestPracticeMinutesGrowWithWeakness(t *testing.T) {
	if got := PracticeMinutes(0.1); got != ReviewMinutes {
		t.Errorf("a ready topic gets %d, want the review %d", got, ReviewMinutes)
	}
	if got := PracticeMinutes(1); got != PracticeBase+PracticePerWeakness {
		t.Errorf("the weakest topic gets %d", got)
	}
	prev := 0
	for w := 0.0; w <= 1; w += 0.01 {
		if m := PracticeMinutes(w); m < prev {
			t.Fatalf("PracticeMinutes(%g) = %d, less than %d", w, m, prev)
		} else {
			prev = m
		}
	}
}

func TestSpeeds(t *testing.T) {
	book := Kind{data.ReadingBook, data.ReadingPages}
	video := Kind{data.ReadingVideo, data.ReadingMinutes}
	two := []Sample{{book, 30, 60}, {book, 10, 60}}
	three := append(two, Sample{book, 50, 60})
	tests := []struct {
		name    string
		samples []Sample
		set     map[Kind]float64
		want    Speed
	}{
		{"default until three sessions", two, nil, Speed{Kind: book, PerHour: 20, Source: SpeedDefault, Sessions: 2}},
		{"measured from three", three, nil, Speed{Kind: book, PerHour: 30, Source: SpeedMeasured, Sessions: 3}},
		{"set wins", three, map[Kind]float64{book: 25}, Speed{Kind: book, PerHour: 25, Source: SpeedSet, Sessions: 3}},
		{"corrections are no samples", append(two, Sample{book, -5, 60}, Sample{book, 5, 0}), nil, Speed{Kind: book, PerHour: 20, Source: SpeedDefault, Sessions: 2}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Speeds([]Kind{book, video}, tc.samples, tc.set)
			if len(got) != 2 || got[0] != tc.want {
				t.Fatalf("Speeds = %+v, want first %+v", got, tc.want)
			}
			if got[1] != (Speed{Kind: video, PerHour: 60, Source: SpeedDefault}) {
				t.Errorf("video = %+v, want the default 60 minutes an hour", got[1])
			}
		})
	}
}

// day is a date of the plans below: Monday 2026-03-02 plus n days.
func day(n int) data.Date { return data.NewDate(2026, time.March, 2).AddDays(n) }

func evenings(t *testing.T) Availability {
	t.Helper()
	a, err := ParseAvailability("Mon-Fri 19:00-21:00")
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestMakeReadsABookOverEvenings(t *testing.T) {
	in := Input{Today: day(0), Availability: evenings(t),
		Items: []Item{{ID: 7, Title: "SQL Server 2008 Internals", Kind: data.ReadingBook, Unit: data.ReadingPages,
			Size: 400, Done: 250, Priority: 1, Due: day(10)}}}
	p := Make(in)
	if !p.Feasible || p.ReadingFinish != day(3) {
		t.Fatalf("plan: feasible %v, reading finished %s; want true, %s (%s)", p.Feasible, p.ReadingFinish, day(3), p.Summary)
	}
	first := p.Tonight().Tasks
	want := "Read SQL Server 2008 Internals, pp. 251-290 (40 pages, about 2 h)"
	if len(first) != 1 || first[0].Title != want || first[0].From != 251 || first[0].To != 290 || first[0].Minutes != 120 {
		t.Fatalf("tonight = %+v, want %q", first, want)
	}
	if first[0].Why != "due "+day(10).String()+", priority 1" {
		t.Errorf("why = %q", first[0].Why)
	}
	if last := p.Days[3].Tasks; len(last) != 1 || last[0].To != 400 || last[0].Minutes != 90 {
		t.Errorf("the fourth evening = %+v, want pp. 371-400 in 90 min", last)
	}
}

func TestMakeSkipsDaysOffAndTheRotation(t *testing.T) {
	in := Input{Today: day(0), Availability: evenings(t), DaysOff: []data.Date{day(0), day(1)},
		Rotation: []Span{{day(3), day(20)}},
		Items:    []Item{{ID: 1, Title: "Book", Kind: data.ReadingBook, Unit: data.ReadingPages, Size: 40, Priority: 2}}}
	p := Make(in)
	if p.Days[0].Closed != ClosedDayOff || p.Days[3].Closed != ClosedRotation || p.Days[2].Closed != "" {
		t.Fatalf("closed days: %q %q %q", p.Days[0].Closed, p.Days[2].Closed, p.Days[3].Closed)
	}
	if len(p.Days[2].Tasks) != 1 || p.Days[2].Tasks[0].To != 40 {
		t.Fatalf("the one open day before the rotation = %+v", p.Days[2])
	}
}

func TestMakeSaysWhenItDoesNotFit(t *testing.T) {
	// 100 pages at 20 an hour is 5 h; two evenings of 2 h before the due date.
	in := Input{Today: day(0), Availability: evenings(t),
		Items: []Item{
			{ID: 1, Title: "Must read", Kind: data.ReadingBook, Unit: data.ReadingPages, Size: 100, Priority: 1, Due: day(1)},
			{ID: 2, Title: "Nice to read", Kind: data.ReadingBook, Unit: data.ReadingPages, Size: 20, Priority: 3, Due: day(1)},
		}}
	p := Make(in)
	if p.Feasible {
		t.Fatal("a plan that cannot fit says it fits")
	}
	if p.ShortfallMinutes != 120 || p.ShortfallHours() != 2 {
		t.Errorf("shortfall = %d min (%g h), want 120 (2 h)", p.ShortfallMinutes, p.ShortfallHours())
	}
	if !strings.Contains(p.Summary, "2 h more") {
		t.Errorf("summary = %q", p.Summary)
	}
	joined := strings.Join(p.Options, "\n")
	for _, want := range []string{"Add about 2 hours a week until " + day(1).String(), "Move the reading deadline to " + day(2).String(), `Leave out 2 low-priority item(s): "Nice to read" (20 pages), "Must read" (100 pages)`} {
		if !strings.Contains(joined, want) {
			t.Errorf("options %q lack %q", p.Options, want)
		}
	}
	for _, d := range p.Days {
		if d.Planned() > d.Available {
			t.Fatalf("%s overfull", d.Date)
		}
	}
}

func TestMakePractiseWeakTopicsBeforeTheirExam(t *testing.T) {
	exam := Exam{Name: "Written exam 1", Date: day(20), MockMinutes: 90}
	weak, _ := ScoreWeakness(55, true, 70)
	ready, _ := ScoreWeakness(90, true, 70)
	in := Input{Today: day(0), Availability: evenings(t), Exams: []Exam{exam},
		Topics: []Topic{
			{Name: "Transport", Exams: []string{exam.Name}, Weakness: weak, Note: "latest 55 %"},
			{Name: "Recovery", Exams: []string{exam.Name}, Weakness: ready, Note: "latest 90 %"},
		}}
	p := Make(in)
	if !p.Feasible {
		t.Fatalf("not feasible: %s", p.Summary)
	}
	var transport, recovery, mocks int
	var why string
	for _, d := range p.Days {
		for _, task := range d.Tasks {
			switch {
			case task.Kind == TaskMock:
				mocks++
				if d.Date.Before(day(6)) || !d.Date.Before(day(20)) {
					t.Errorf("mock on %s, outside the 14 days before the exam", d.Date)
				}
			case task.Topic == "Transport":
				transport += task.Minutes
				why = task.Why
			case task.Topic == "Recovery":
				recovery += task.Minutes
			}
		}
	}
	if transport != PracticeMinutes(weak) || recovery != ReviewMinutes || mocks != 1 {
		t.Errorf("transport %d, recovery %d, mocks %d; want %d, %d, 1", transport, recovery, mocks, PracticeMinutes(weak), ReviewMinutes)
	}
	if !strings.HasPrefix(why, "weakest topic, latest 55 %, Written exam 1 in ") {
		t.Errorf("why = %q", why)
	}
}

func TestMakeEdges(t *testing.T) {
	t.Run("empty", func(t *testing.T) {
		p := Make(Input{Today: day(0), Availability: evenings(t)})
		if !p.Feasible || len(p.Days) != DefaultDays || !strings.HasPrefix(p.Summary, "Nothing to plan") {
			t.Fatalf("empty plan: %+v", p)
		}
	})
	t.Run("leap day", func(t *testing.T) {
		in := Input{Today: data.NewDate(2028, time.February, 28), Availability: DefaultAvailability(10)}
		p := Make(in)
		if p.Days[1].Date != data.NewDate(2028, time.February, 29) || p.Days[1].Available != 90 {
			t.Fatalf("leap day = %+v", p.Days[1])
		}
	})
	t.Run("rotation in the past", func(t *testing.T) {
		in := Input{Today: day(0), Availability: evenings(t), Rotation: []Span{{day(-40), day(-20)}}, ReadingDeadline: day(-47),
			Items: []Item{{ID: 1, Title: "Late", Kind: data.ReadingBook, Unit: data.ReadingPages, Size: 10, Priority: 1}}}
		p := Make(in)
		// Late already: due tonight, the first day it can still be read.
		if !p.Feasible || !strings.Contains(p.Days[0].Tasks[0].Why, "the reading list was due "+day(-47).String()) {
			t.Fatalf("late list: %+v %s", p.Days[0].Tasks, p.Summary)
		}
	})
	t.Run("every day closed", func(t *testing.T) {
		var off []data.Date
		for i := range 400 {
			off = append(off, day(i))
		}
		in := Input{Today: day(0), Availability: evenings(t), DaysOff: off,
			Items: []Item{{ID: 1, Title: "Book", Kind: data.ReadingBook, Unit: data.ReadingPages, Size: 10, Priority: 1}}}
		p := Make(in)
		if p.Feasible || len(p.Options) == 0 || p.ShortfallMinutes != 30 {
			t.Fatalf("closed plan: feasible %v, options %q, shortfall %d", p.Feasible, p.Options, p.ShortfallMinutes)
		}
	})
	t.Run("studied today", func(t *testing.T) {
		p := Make(Input{Today: day(0), Availability: evenings(t), StudiedToday: 90})
		if p.Days[0].Available != 30 {
			t.Fatalf("tonight has %d min, want 30", p.Days[0].Available)
		}
	})
	t.Run("units", func(t *testing.T) {
		in := Input{Today: day(0), Availability: evenings(t), Items: []Item{
			{ID: 1, Title: "Talk", Kind: data.ReadingVideo, Unit: data.ReadingMinutes, Size: 50, Done: 20, Priority: 1},
			{ID: 2, Title: "Post", Kind: data.ReadingBlogPost, Unit: data.ReadingPercent, Size: 100, Done: 50, Priority: 1},
		}}
		got := Make(in).Tonight().Tasks
		if len(got) != 2 || got[0].Title != "Watch Talk, 0:20-0:50 (30 min)" || got[1].Title != "Read Post, 50-100 % (about 15 min)" {
			t.Fatalf("tonight = %+v", got)
		}
	})
}

func TestBlocksFillTheRangesInOrder(t *testing.T) {
	a, _ := ParseAvailability("Mon 07:00-07:30 19:00-21:00")
	p := Plan{Days: []Day{{Date: day(0), Available: 150, Tasks: []Task{
		{Kind: TaskReading, Title: "A", Minutes: 40}, {Kind: TaskPractice, Title: "B", Minutes: 60}}}}}
	got := p.Blocks(a, 1)
	if len(got) != 2 || got[0].Start != 7*60 || got[0].End != 7*60+30 || got[1].Start != 19*60 || got[1].End != 19*60+70 {
		t.Fatalf("blocks = %+v", got)
	}
	if got[0].Tasks[0].Minutes != 30 || got[1].Tasks[0].Minutes != 10 || got[1].Tasks[1].Minutes != 60 {
		t.Errorf("task parts = %+v / %+v", got[0].Tasks, got[1].Tasks)
	}
}
