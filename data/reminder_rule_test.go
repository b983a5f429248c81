package data_test

import (
	"testing"
	"time"

	"github.com/masterplan-app/masterplan/data"
)

// TestStudyRuleRefusesEmptyParts holds issue 16 item 14: COUNT=0 and
// INTERVAL=0 were accepted (rrule-go reads 0 as "not given", so the rule
// rang daily without end), and BYHOUR=25 was refused with rrule-go's
// lower-case words or, without BYMINUTE, as "does not say the time of
// day". Each is refused naming the part of the rule as the user wrote it.
func TestStudyRuleRefusesEmptyParts(t *testing.T) {
	now := remUTC(t, "2026-03-10T12:00:00Z")
	first := data.NewDate(2026, 3, 10)
	tests := []struct{ rule, want string }{
		{"FREQ=DAILY;COUNT=0;BYHOUR=9;BYMINUTE=0", "COUNT=0"},
		{"FREQ=DAILY;COUNT=-3;BYHOUR=9;BYMINUTE=0", "COUNT=-3"},
		{"FREQ=WEEKLY;INTERVAL=0;BYDAY=MO;BYHOUR=9;BYMINUTE=0", "INTERVAL=0"},
		{"freq=daily;interval=0;byhour=9;byminute=0", "INTERVAL=0"},
		{"FREQ=DAILY;BYHOUR=25;BYMINUTE=0", "BYHOUR=25: 25 is not an hour"},
		{"FREQ=DAILY;BYHOUR=25", "BYHOUR=25: 25 is not an hour"},
		{"FREQ=DAILY;BYHOUR=9,25;BYMINUTE=0", "BYHOUR=9,25: 25 is not an hour"},
		{"FREQ=DAILY;BYHOUR=9;BYMINUTE=60", "BYMINUTE=60: 60 is not a minute"},
		{"FREQ=DAILY;BYHOUR=9;BYMINUTE=0;BYSECOND=60", "BYSECOND=60: 60 is not a second"},
		{"FREQ=DAILY;BYHOUR=x;BYMINUTE=0", "BYHOUR=x: x is not an hour"},
	}
	for _, tc := range tests {
		t.Run(tc.rule, func(t *testing.T) {
			err := remStudy(tc.rule, first, "UTC").Validate(now, time.UTC)
			remWantError(t, err, "rule", tc.want)
		})
	}
	t.Run("COUNT=1 and INTERVAL=2 stay accepted", func(t *testing.T) {
		for _, rule := range []string{"FREQ=DAILY;COUNT=1;BYHOUR=19;BYMINUTE=0", "FREQ=DAILY;INTERVAL=2;BYHOUR=0,23;BYMINUTE=0,59"} {
			if err := remStudy(rule, first, "UTC").Validate(now, time.UTC); err != nil {
				t.Errorf("%s: %v", rule, err)
			}
		}
	})
}
