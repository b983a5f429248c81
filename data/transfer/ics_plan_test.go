package transfer

import (
	"strings"
	"testing"
	"time"

	"github.com/masterplan-app/masterplan/data"
)

func TestCalendarHasPlannedBlocksOnlyWhenAsked(t *testing.T) {
	in := calFixture(t)
	without, _ := calWrite(t, in)
	if strings.Contains(without, "plan-") {
		t.Fatalf("planned blocks in a calendar that did not ask for them")
	}
	berlin, _ := time.LoadLocation("Europe/Berlin")
	in.Zone = berlin
	day := data.NewDate(2026, 3, 29) // the clocks go forward in Berlin
	in.Planned = []PlannedBlock{PlannedBlockOf(day, 19*60, 24*60, []string{"Read Internals, pp. 1-40"}, []string{"due 2026-04-30, priority 1"})}
	text, cal := calWrite(t, in)
	var found bool
	for _, e := range cal.Events() {
		if !strings.HasPrefix(e.Id(), "plan-") {
			continue
		}
		found = true
		start, _ := e.GetStartAt()
		end, _ := e.GetEndAt()
		if !start.Equal(time.Date(2026, 3, 29, 17, 0, 0, 0, time.UTC)) || !end.Equal(time.Date(2026, 3, 29, 22, 0, 0, 0, time.UTC)) {
			t.Errorf("block from %v to %v, want 19:00 to midnight Berlin summer time", start, end)
		}
	}
	if !found || !strings.Contains(text, "SUMMARY:Study: Read Internals\\, pp. 1-40") {
		t.Errorf("no planned block in:\n%s", text)
	}
}
