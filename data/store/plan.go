package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/plan"
)

// planLookBack is how far back study counts towards a topic's practice
// when its latest score is older (or it has none).
const planLookBack = 28

// PlanInput reads everything the planner needs at instant now, in one read
// transaction so that the plan sees one state of the file: the settings
// and rotation, the reading list, exams, topics and their latest scores,
// the study sessions that measure speed and practice, and the planner's
// own settings (availability, days off, speeds).
func (s *Store) PlanInput(ctx context.Context, now time.Time) (plan.Input, error) {
	var in plan.Input
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		set, err := planSettings(ctx, tx)
		if err != nil {
			return err
		}
		loc := set.Location()
		in.Today = data.DateOf(now, loc)
		rot, err := rotation(ctx, tx)
		if err != nil {
			return err
		}
		for _, b := range rot.Blocks {
			in.Rotation = append(in.Rotation, plan.Span{Start: b.Start, End: b.End})
		}
		lead := data.DefaultReadingLeadDays
		if v, ok, err := setting(ctx, tx, KeyReadingLeadDays); err != nil {
			return err
		} else if n, err := strconv.Atoi(v); ok && err == nil && data.CheckReadingLeadDays(n) == nil {
			lead = n
		}
		if first, ok := rot.FirstBlock(); ok {
			in.ReadingDeadline = data.ReadingDeadline(first.Start, lead)
		}
		if in.Availability, err = planAvailability(ctx, tx, set.WeeklyGoalHours); err != nil {
			return err
		}
		if in.DaysOff, err = planDaysOff(ctx, tx, in.Today); err != nil {
			return err
		}
		if err := planReading(ctx, tx, &in); err != nil {
			return err
		}
		if in.Speeds, err = planSpeeds(ctx, tx, loc); err != nil {
			return err
		}
		return planPractice(ctx, tx, rot.ID, loc, &in)
	})
	if err != nil {
		return in, fmt.Errorf("read the plan's inputs: %w", err)
	}
	return in, nil
}

// planSettings reads the settings the plan uses (weekly goal, time zone)
// in the read transaction, defaults for what was never set.
func planSettings(ctx context.Context, q querier) (data.Settings, error) {
	set := data.DefaultSettings()
	if v, ok, err := setting(ctx, q, keyWeeklyGoal); err != nil {
		return set, err
	} else if f, err := strconv.ParseFloat(v, 64); ok && err == nil {
		set.WeeklyGoalHours = f
	}
	v, _, err := setting(ctx, q, keyTimeZone)
	set.TimeZone = v
	return set, err
}

// planAvailability is the weekly availability the user set, or the
// default made from the weekly goal.
func planAvailability(ctx context.Context, q querier, goal float64) (plan.Availability, error) {
	var a plan.Availability
	rows, err := q.QueryContext(ctx, `SELECT weekday, start_min, end_min FROM plan_availability ORDER BY weekday, start_min`)
	if err != nil {
		return a, classify(err)
	}
	defer rows.Close()
	any := false
	for rows.Next() {
		var wd int
		var r plan.Range
		if err := rows.Scan(&wd, &r.Start, &r.End); err != nil {
			return a, err
		}
		a[wd] = append(a[wd], r)
		any = true
	}
	if err := rows.Err(); err != nil {
		return a, err
	}
	if !any || a.Validate() != nil {
		return plan.DefaultAvailability(goal), nil
	}
	return a, nil
}

// planDaysOff lists the days off from today on.
func planDaysOff(ctx context.Context, q querier, today data.Date) ([]data.Date, error) {
	rows, err := q.QueryContext(ctx, `SELECT day FROM plan_days_off WHERE day >= ? ORDER BY day`, today.String())
	if err != nil {
		return nil, classify(err)
	}
	defer rows.Close()
	var out []data.Date
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		d, err := data.ParseDate("day off", v)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// planReading reads the items still to read.
func planReading(ctx context.Context, q querier, in *plan.Input) error {
	items, err := readingItems(ctx, q)
	if err != nil {
		return err
	}
	for _, it := range items {
		if it.Status == data.ReadingDone || it.Status == data.ReadingDropped || (it.Size > 0 && it.Left() == 0) {
			continue
		}
		in.Items = append(in.Items, plan.Item{ID: it.ID, Title: it.Title, Kind: it.Kind, Topic: it.Topic, Unit: it.Unit, Size: it.Size,
			Done: it.Done, Priority: it.Priority, Due: it.Due, AddedOn: it.AddedOn})
	}
	return nil
}

// planSpeeds measures each kind's speed from the days on which an item had
// both progress and study sessions linked to it, and adds the speeds the
// user set.
func planSpeeds(ctx context.Context, q querier, loc *time.Location) ([]plan.Speed, error) {
	type itemDay struct {
		item int64
		day  data.Date
	}
	progress := map[itemDay]int{}
	kinds := map[int64]plan.Kind{}
	rows, err := q.QueryContext(ctx, `SELECT p.item_id, p.day, sum(p.units), i.kind, i.unit FROM reading_progress p
		JOIN reading_items i ON i.id = p.item_id
		WHERE EXISTS (SELECT 1 FROM study_sessions s WHERE s.reading_item_id = p.item_id)
		GROUP BY p.item_id, p.day`)
	if err != nil {
		return nil, classify(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var day string
		var units int
		var k plan.Kind
		if err := rows.Scan(&id, &day, &units, &k.Kind, &k.Unit); err != nil {
			return nil, err
		}
		d, err := data.ParseDate("progress day", day)
		if err != nil {
			return nil, err
		}
		progress[itemDay{id, d}] = units
		kinds[id] = k
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	minutes := map[itemDay]float64{}
	srows, err := q.QueryContext(ctx, `SELECT reading_item_id, start_utc, duration_s FROM study_sessions
		WHERE reading_item_id IS NOT NULL`)
	if err != nil {
		return nil, classify(err)
	}
	defer srows.Close()
	var order []itemDay
	for srows.Next() {
		var id int64
		var start string
		var secs int
		if err := srows.Scan(&id, &start, &secs); err != nil {
			return nil, err
		}
		t, err := time.Parse(time.RFC3339, start)
		if err != nil {
			return nil, fmt.Errorf("study session start %q: %w", start, err)
		}
		key := itemDay{id, data.DateOf(t, loc)}
		if _, ok := progress[key]; !ok {
			continue
		}
		if _, seen := minutes[key]; !seen {
			order = append(order, key)
		}
		minutes[key] += float64(secs) / 60
	}
	if err := srows.Err(); err != nil {
		return nil, err
	}
	// In item and day order: the sums do not depend on the rows' order.
	slices.SortFunc(order, func(a, b itemDay) int {
		return cmp.Or(cmp.Compare(a.item, b.item), a.day.Time().Compare(b.day.Time()))
	})
	var samples []plan.Sample
	for _, key := range order {
		samples = append(samples, plan.Sample{Kind: kinds[key.item], Units: progress[key], Minutes: minutes[key]})
	}
	set, err := planSetSpeeds(ctx, q)
	if err != nil {
		return nil, err
	}
	var all []plan.Kind
	for _, k := range data.ReadingKinds() {
		all = append(all, plan.Kind{Kind: k, Unit: plan.DefaultUnit(k)})
	}
	return plan.Speeds(all, samples, set), nil
}

func planSetSpeeds(ctx context.Context, q querier) (map[plan.Kind]float64, error) {
	rows, err := q.QueryContext(ctx, `SELECT kind, unit, per_hour FROM plan_speeds`)
	if err != nil {
		return nil, classify(err)
	}
	defer rows.Close()
	out := map[plan.Kind]float64{}
	for rows.Next() {
		var k plan.Kind
		var v float64
		if err := rows.Scan(&k.Kind, &k.Unit, &v); err != nil {
			return nil, err
		}
		out[k] = v
	}
	return out, rows.Err()
}

// planPractice reads the exams not passed, each topic's weakness from its
// latest score (plan.TopicWeakness) and the practice done on it since, and
// what was studied today.
func planPractice(ctx context.Context, q querier, rotationID int64, loc *time.Location, in *plan.Input) error {
	exams, err := exams(ctx, q, rotationID)
	if err != nil {
		return err
	}
	topics, err := topics(ctx, q, rotationID)
	if err != nil {
		return err
	}
	attempts, err := attempts(ctx, q, rotationID)
	if err != nil {
		return err
	}
	byID := map[int64]data.Exam{}
	for _, e := range exams {
		byID[e.ID] = e
	}
	type latestScore struct {
		day   data.Date
		value float64
	}
	latest := map[int64]latestScore{}
	mockTime, mockCount := map[int64]time.Duration{}, map[int64]int{}
	lastMock := map[int64]data.Attempt{}
	for _, a := range attempts { // oldest first: the last one seen is the latest
		for _, sc := range a.Scores {
			if sc.PercentOnly || sc.Total > 0 {
				latest[sc.TopicID] = latestScore{a.Date, sc.Value()}
			}
		}
		if a.Duration > 0 {
			mockTime[a.ExamID] += a.Duration
			mockCount[a.ExamID]++
		}
		lastMock[a.ExamID] = a
	}
	names := map[int64]string{}
	for _, e := range exams {
		names[e.ID] = e.Name
		if e.Result == data.ExamPassed {
			continue
		}
		pe := plan.Exam{Name: e.Name, Date: e.Date}
		if n := mockCount[e.ID]; n > 0 {
			pe.MockMinutes = int((mockTime[e.ID] / time.Duration(n)).Minutes())
		} else if e.Kind == data.ExamLab {
			pe.MockMinutes = 2 * plan.DefaultMockMinutes
		}
		if a, ok := lastMock[e.ID]; ok {
			pe.LastMock = a.Date
			if overall, ok := a.Overall(); ok {
				pe.LastMockPassed = overall >= e.PassMark
			}
		}
		in.Exams = append(in.Exams, pe)
	}
	since := in.Today.AddDays(-planLookBack)
	studied, today, err := studyByTopicSince(ctx, q, since, in.Today, loc)
	if err != nil {
		return err
	}
	in.StudiedToday = today
	for _, t := range topics {
		pt := plan.Topic{Name: t.Name}
		pass := 0.0
		for _, id := range t.ExamIDs {
			e := byID[id]
			pt.Exams = append(pt.Exams, names[id])
			if e.Result != data.ExamPassed {
				pass = max(pass, e.PassMark)
			}
		}
		if pass == 0 {
			pass = data.DefaultPassMark
		}
		l, scored := latest[t.ID]
		pt.Weakness, pt.Note = plan.TopicWeakness(l.value, scored, pass)
		from := since
		if scored && l.day.After(from) {
			from = l.day.AddDays(1)
		}
		for day, m := range studied[data.TopicKey(t.Name)] {
			if !day.Before(from) {
				pt.Practiced += m
			}
		}
		in.Topics = append(in.Topics, pt)
	}
	return nil
}

// studyByTopicSince sums the study from day since on, by topic key and
// day, in minutes, and what was studied on day today.
func studyByTopicSince(ctx context.Context, q querier, since, today data.Date, loc *time.Location) (map[string]map[data.Date]int, int, error) {
	rows, err := q.QueryContext(ctx, `SELECT start_utc, duration_s, topic FROM study_sessions WHERE start_utc >= ?`,
		since.In(loc).UTC().Format("2006-01-02T15:04:05Z"))
	if err != nil {
		return nil, 0, classify(err)
	}
	defer rows.Close()
	out := map[string]map[data.Date]int{}
	todayMin := 0
	for rows.Next() {
		var start, topic string
		var secs int
		if err := rows.Scan(&start, &secs, &topic); err != nil {
			return nil, 0, err
		}
		t, err := time.Parse(time.RFC3339, start)
		if err != nil {
			return nil, 0, fmt.Errorf("study session start %q: %w", start, err)
		}
		day := data.DateOf(t, loc)
		if day == today {
			todayMin += secs / 60
		}
		key := data.TopicKey(topic)
		if out[key] == nil {
			out[key] = map[data.Date]int{}
		}
		out[key][day] += secs / 60
	}
	return out, todayMin, rows.Err()
}

// SetPlanAvailability stores the weekly availability, replacing the old.
func (s *Store) SetPlanAvailability(ctx context.Context, a plan.Availability) error {
	if err := a.Validate(); err != nil {
		return fmt.Errorf("save the availability: %w", err)
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM plan_availability`); err != nil {
			return err
		}
		for wd, ranges := range a {
			for _, r := range ranges {
				if _, err := tx.ExecContext(ctx, `INSERT INTO plan_availability (weekday, start_min, end_min) VALUES (?, ?, ?)`,
					wd, r.Start, r.End); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("save the availability: %w", err)
	}
	return nil
}

// MaxDaysOff bounds one change of days off: a year and a day.
const MaxDaysOff = 366

// SetDaysOff marks the days from..to (both included) off, or open again
// when off is false.
func (s *Store) SetDaysOff(ctx context.Context, from, to data.Date, off bool) error {
	switch {
	case from.IsZero() || to.IsZero():
		return fmt.Errorf("days off: %w", data.Invalid("days", "give the first and the last day as YYYY-MM-DD"))
	case to.Before(from):
		return fmt.Errorf("days off: %w", data.Invalid("last day", "%s is before the first day %s", to, from))
	case from.DaysUntil(to) >= MaxDaysOff:
		return fmt.Errorf("days off: %w", data.Invalid("last day", "that is %d days; mark at most %d at once", from.DaysUntil(to)+1, MaxDaysOff))
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if !off {
			_, err := tx.ExecContext(ctx, `DELETE FROM plan_days_off WHERE day BETWEEN ? AND ?`, from.String(), to.String())
			return err
		}
		for d := from; !d.After(to); d = d.AddDays(1) {
			if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO plan_days_off (day) VALUES (?)`, d.String()); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("save days off %s to %s: %w", from, to, err)
	}
	return nil
}

// SetPlanSpeed stores the user's speed of a kind of item in unit.
func (s *Store) SetPlanSpeed(ctx context.Context, k plan.Kind, perHour float64) error {
	if _, err := data.ParseReadingKind(k.Kind); err != nil {
		return fmt.Errorf("save the speed: %w", err)
	}
	if _, err := data.ParseReadingUnit(k.Unit); err != nil {
		return fmt.Errorf("save the speed: %w", err)
	}
	if err := plan.CheckSpeed(perHour); err != nil {
		return fmt.Errorf("save the speed: %w", err)
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO plan_speeds (kind, unit, per_hour) VALUES (?, ?, ?)
			ON CONFLICT (kind, unit) DO UPDATE SET per_hour = excluded.per_hour`, k.Kind, k.Unit, perHour)
		return err
	})
	if err != nil {
		return fmt.Errorf("save the speed of %s: %w", k.Kind, err)
	}
	return nil
}
