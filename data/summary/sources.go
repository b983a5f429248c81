package summary

import (
	"context"
	"errors"
	"time"

	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/remind"
	"github.com/masterplan-app/masterplan/data/store"
	"github.com/masterplan-app/masterplan/data/transfer"
)

// ReminderSources gives the reminder runner what the other areas know: the
// reading pace and the week's study hours for the nudges, the exams for the
// calendar. Each reads the store afresh, so a change made in the app since
// the runner started counts at its next pass.
func ReminderSources(st *store.Store) remind.Sources {
	return remind.Sources{
		ReadingPace: func(ctx context.Context, today data.Date) (data.Date, data.Date, error) {
			rot, err := rotationOrZero(ctx, st)
			if err != nil {
				return data.Date{}, data.Date{}, err
			}
			r, err := paceOfList(ctx, st, rot, today)
			if err != nil {
				return data.Date{}, data.Date{}, err
			}
			if r.TooEarly {
				// Too little reading to judge: the nudge says nothing rather
				// than "nothing read lately" to someone who just began.
				return data.Date{}, data.Date{}, nil
			}
			return r.ProjectedFinish, r.Deadline, nil
		},
		WeekStudyHours: func(ctx context.Context, now time.Time) (float64, error) {
			set, err := st.Settings(ctx)
			if err != nil {
				return 0, err
			}
			// The week's hours as the dashboard and the study screen count them.
			today := data.DateOf(now, set.Location())
			totals, err := st.StudyTotals(ctx, set.Location(), today, 0)
			if err != nil {
				return 0, err
			}
			return data.WeekHoursOfDays(totals.Recent, today, set.WeekStart), nil
		},
		ExamDates: func(ctx context.Context) ([]transfer.ExamDate, error) {
			rot, err := rotationOrZero(ctx, st)
			if err != nil || rot.ID == 0 {
				return nil, err
			}
			exams, err := st.Exams(ctx, rot.ID)
			if err != nil {
				return nil, err
			}
			out := make([]transfer.ExamDate, 0, len(exams))
			for _, e := range exams {
				out = append(out, transfer.ExamDate{ID: e.ID, Name: e.Name, Date: e.Date})
			}
			return out, nil
		},
		TonightPlan: func(ctx context.Context, now time.Time) (string, error) {
			p, _, err := LoadPlan(ctx, st, now, 1)
			return TonightText(p), err
		},
	}
}

// rotationOrZero is the rotation, or the zero Rotation before setup.
func rotationOrZero(ctx context.Context, st *store.Store) (data.Rotation, error) {
	rot, err := st.Rotation(ctx)
	if errors.Is(err, data.ErrNotFound) {
		return data.Rotation{}, nil
	}
	return rot, err
}
