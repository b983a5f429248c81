package remind

import (
	"context"
	"strings"
	"time"

	"github.com/masterplan-app/masterplan/data"
)

// addTonight puts tonight's plan at the top of the due study reminders'
// text, so the notification says what to study. Without a plan (no
// source, or it fails) the reminders keep their own text.
func (r *Runner) addTonight(ctx context.Context, due []data.Occurrence, now time.Time) {
	if r.Sources.TonightPlan == nil {
		return
	}
	var tonight string
	for i := range due {
		if due[i].Kind != data.ReminderStudy {
			continue
		}
		if tonight == "" {
			text, err := r.Sources.TonightPlan(ctx, now)
			if err != nil {
				r.logf("reminders: tonight's plan: %v", err)
				return
			}
			tonight = text
		}
		due[i].Body = strings.TrimSpace(tonight + "\n" + due[i].Body)
	}
}
