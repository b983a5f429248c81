package store

import (
	"context"
	"testing"
	"time"

	"github.com/masterplan-app/masterplan/data"
)

// TestEverySettingWrittenIsKnown keeps data's table of settings in step
// with the store: every key the store writes through its own methods must
// pass data.CheckSetting, or a JSON export of it would not import back.
func TestEverySettingWrittenIsKnown(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	withDefaults(t, s)
	steps := []error{
		s.SaveSettings(ctx, data.Settings{HomeCurrency: "GBP", WeeklyGoalHours: 12, TimeZone: "Europe/London", WeekStart: time.Monday, Theme: data.ThemeDark}),
		s.SaveStudyOptions(ctx, StudyOptions{StreakMinimum: 20 * time.Minute, Pomodoro: data.Pomodoro{Work: 25 * time.Minute, Break: 5 * time.Minute}, PomodoroEnabled: true}),
		s.SetReadingLeadDays(ctx, 21),
		s.SetDecimalMark(ctx, data.DecimalComma),
		s.SetAutoBackupKeep(ctx, 14),
		s.RememberRate(ctx, data.CategoryHotel, data.NewMoney("189.00", "USD")),
		s.RememberRate(ctx, data.CategoryMeals, data.NewMoney("60.00", "USD")),
		s.SaveScenario(ctx, data.Scenario{Label: "London", Nightly: data.NewMoney("165.00", "GBP"), Daily: data.NewMoney("60.00", "GBP")}),
		s.SaveReportInputs(ctx, data.ReportInputs{Why: "Fewer escalations.", Raise: "6000", OneOff: "2500"}),
	}
	_, err := s.Deliver(ctx, nil, time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC), time.UTC, "test")
	steps = append(steps, err)
	for i, err := range steps {
		if err != nil {
			t.Fatalf("step %d: %v", i+1, err)
		}
	}
	rows, err := s.db.QueryContext(ctx, `SELECT key, value FROM settings`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			t.Fatal(err)
		}
		n++
		if err := data.CheckSetting(k, v); err != nil {
			t.Errorf("the store wrote %s = %q, which data.CheckSetting refuses: %v", k, v, err)
		}
	}
	if n < 17 {
		t.Errorf("only %d settings written; the test should set every one", n)
	}
}
