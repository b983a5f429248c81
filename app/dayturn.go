package app

import (
	"time"

	"github.com/masterplan-app/masterplan/data"
)

// The plan is made for a day: while the app stays open past midnight (in
// the user's zone from Settings), tonight's tasks and the Plan screen
// would still show yesterday's plan. The shell looks at the date every
// Deps.DayCheck and, when it turned, re-plans the screens that show the
// plan.

// dayScreens are the screens that show the plan of a day: the Plan screen
// and the dashboard's Tonight card.
var dayScreens = []string{"Plan", "Dashboard"}

// watchDay remembers today and, every Deps.DayCheck until the app closes,
// checks on the UI goroutine whether the day turned (checkDay). Without
// a DayCheck (tests) nothing ticks: tests call checkDay themselves.
func (s *Shell) watchDay() {
	s.checkDay()
	if s.DayCheck <= 0 {
		return
	}
	go func() {
		tick := time.NewTicker(s.DayCheck)
		defer tick.Stop()
		for {
			select {
			case <-tick.C:
				s.toUI(s.checkDay)
			case <-s.ctx().Done():
				return
			}
		}
	}()
}

// checkDay re-plans the screens that show the plan, those already made,
// when today (by the clock in Settings' zone) is not the day they were
// last planned for. Call it on the UI goroutine.
func (s *Shell) checkDay() {
	set, err := s.Store.Settings(s.ctx())
	if err != nil {
		return // the next check tries again; the screens report store errors themselves
	}
	today := data.DateOf(s.Now(), set.Location())
	if today == s.day {
		return
	}
	first := s.day.IsZero()
	s.day = today
	if first {
		return
	}
	for _, title := range dayScreens {
		if sc := s.screens[screenIndex(title)]; sc != nil {
			sc.refresh()
		}
	}
}
