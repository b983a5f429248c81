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
	in, _, err := s.PlanInputAndPractice(ctx, now)
	return in, err
}

// PlanPractice is what PlanInput read of the practice: the current
// rotation's exams, topics and newest attempts (as recentAttempts reads
// them over data.DefaultFitWindow).
type PlanPractice struct {
	Exams  []data.Exam
	Topics []data.Topic
	Recent data.RecentPractice
}

// PlanInputAndPractice is PlanInput with the practice it read, for a
// caller that shows the practice beside the plan (the summary): the newest
// attempts and their scores, a third of the dashboard's reads on the heavy
// profile, are then read once instead of twice, in the same transaction.
func (s *Store) PlanInputAndPractice(ctx context.Context, now time.Time) (plan.Input, PlanPractice, error) {
	var in plan.Input
	var practice PlanPractice
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
		practice, err = planPractice(ctx, tx, rot.ID, loc, &in)
		return err
	})
	if err != nil {
		return in, practice, fmt.Errorf("read the plan's inputs: %w", err)
	}
	return in, practice, nil
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

// planReading reads the items still to read: the list's few open items,
// not the years of finished ones.
func planReading(ctx context.Context, q querier, in *plan.Input) error {
	rows, err := q.QueryContext(ctx, `SELECT `+readingColumns+` FROM reading_items
		WHERE deleted_at IS NULL AND status NOT IN (?, ?)`, data.ReadingDone, data.ReadingDropped)
	if err != nil {
		return classify(err)
	}
	defer rows.Close()
	var items []data.ReadingItem
	for rows.Next() {
		it, err := scanReadingItem(rows)
		if err != nil {
			return classify(err)
		}
		items = append(items, it)
	}
	if err := rows.Err(); err != nil {
		return classify(err)
	}
	data.SortReading(items)
	for _, it := range items {
		if it.Size > 0 && it.Left() == 0 {
			continue
		}
		in.Items = append(in.Items, plan.Item{ID: it.ID, Title: it.Title, Kind: it.Kind, Topic: it.Topic, Unit: it.Unit, Size: it.Size,
			Done: it.Done, Priority: it.Priority, Due: it.Due, AddedOn: it.AddedOn})
	}
	return nil
}

// speedPairsQuery pairs each study session linked to a reading item with
// the progress logged on that item within a day of the session's UTC date:
// the session's local day, in any zone, is one of those three days, and
// Go keeps the pairs on exactly that day. Walking the sessions by item
// (their partial index) and each item's progress (its index) reads only
// the linked sessions, and returns the few rows that can be samples
// instead of every linked session and every progress row.
const speedPairsQuery = `SELECT s.id, s.reading_item_id, s.start_utc, s.duration_s, p.id, p.day, p.units, i.kind, i.unit
	FROM study_sessions s
	JOIN reading_progress p ON p.item_id = s.reading_item_id
		AND p.day BETWEEN date(s.start_utc, '-1 day') AND date(s.start_utc, '+1 day')
	JOIN reading_items i ON i.id = s.reading_item_id
	WHERE s.reading_item_id IS NOT NULL`

// planSpeeds measures each kind's speed from the days on which an item had
// both progress and study sessions linked to it, and adds the speeds the
// user set.
func planSpeeds(ctx context.Context, q querier, loc *time.Location) ([]plan.Speed, error) {
	type itemDay struct {
		item int64
		day  data.Date
	}
	progress := map[itemDay]int{}
	minutes := map[itemDay]float64{}
	kinds := map[int64]plan.Kind{}
	seenSession, seenProgress := map[int64]bool{}, map[int64]bool{}
	rows, err := q.QueryContext(ctx, speedPairsQuery)
	if err != nil {
		return nil, classify(err)
	}
	defer rows.Close()
	for rows.Next() {
		var sessionID, item, progressID int64
		var start, day string
		var secs, units int
		var k plan.Kind
		if err := rows.Scan(&sessionID, &item, &start, &secs, &progressID, &day, &units, &k.Kind, &k.Unit); err != nil {
			return nil, err
		}
		t, err := time.Parse(time.RFC3339, start)
		if err != nil {
			return nil, fmt.Errorf("study session start %q: %w", start, err)
		}
		key := itemDay{item, data.DateOf(t, loc)}
		if key.day.String() != day {
			continue
		}
		if !seenProgress[progressID] {
			seenProgress[progressID] = true
			progress[key] += units
		}
		if !seenSession[sessionID] {
			seenSession[sessionID] = true
			minutes[key] += float64(secs) / 60
		}
		kinds[item] = k
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	// In item and day order: the sums do not depend on the rows' order.
	order := make([]itemDay, 0, len(minutes))
	for key := range minutes {
		order = append(order, key)
	}
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
// readiness forecast (plan.TopicWeakness) made from the newest attempts
// (recentAttempts: only what a forecast looks at, not ten years of
// attempts, as the Practice screen and the dashboard do), the practice
// done on it since its latest score, and what was studied today; it
// returns the exams, topics and attempts it read.
func planPractice(ctx context.Context, tx *sql.Tx, rotationID int64, loc *time.Location, in *plan.Input) (PlanPractice, error) {
	exams, err := exams(ctx, tx, rotationID)
	if err != nil {
		return PlanPractice{}, err
	}
	topics, err := topics(ctx, tx, rotationID)
	if err != nil {
		return PlanPractice{}, err
	}
	recent, err := recentAttempts(ctx, tx, rotationID, data.DefaultFitWindow)
	if err != nil {
		return PlanPractice{}, err
	}
	mocks, err := planMocks(ctx, tx, exams)
	if err != nil {
		return PlanPractice{}, err
	}
	names := map[int64]string{}
	for _, e := range exams {
		names[e.ID] = e.Name
		if e.Result != data.ExamPassed {
			in.Exams = append(in.Exams, mocks[e.ID].exam(e))
		}
	}
	forecasts := map[int64]data.TopicForecast{}
	for _, f := range data.ForecastTopics(recent.Topics(topics), exams, recent.Attempts, in.Today, data.DefaultFitWindow) {
		forecasts[f.Topic.ID] = f
	}
	since := in.Today.AddDays(-planLookBack)
	studied, today, err := studyByTopicSince(ctx, tx, since, in.Today, loc)
	if err != nil {
		return PlanPractice{}, err
	}
	in.StudiedToday = today
	for _, t := range topics {
		pt := plan.Topic{Name: t.Name}
		for _, id := range t.ExamIDs {
			pt.Exams = append(pt.Exams, names[id])
		}
		f := forecasts[t.ID]
		pt.Weakness, pt.Note = plan.TopicWeakness(f)
		// Practice counts from the day after the latest score: what was
		// done before it is already in the score.
		from := since
		if n := len(f.Points); n > 0 && f.Points[n-1].Date.After(from) {
			from = f.Points[n-1].Date.AddDays(1)
		}
		for day, m := range studied[data.TopicKey(t.Name)] {
			if !day.Before(from) {
				pt.Practiced += m
			}
		}
		in.Topics = append(in.Topics, pt)
	}
	return PlanPractice{Exams: exams, Topics: topics, Recent: recent}, nil
}

// examMocks is what the plan needs of an exam's practice tests: their
// mean length and the newest one.
type examMocks struct {
	timed   int           // attempts with a duration
	time    time.Duration // their total
	last    data.Attempt
	hasLast bool
}

// exam is e as the plan sees it: the length of a mock (the mean of the
// timed attempts, or twice the default for a lab) and the last mock's day
// and verdict.
func (m examMocks) exam(e data.Exam) plan.Exam {
	pe := plan.Exam{Name: e.Name, Date: e.Date}
	if m.timed > 0 {
		pe.MockMinutes = int((m.time / time.Duration(m.timed)).Minutes())
	} else if e.Kind == data.ExamLab {
		pe.MockMinutes = 2 * plan.DefaultMockMinutes
	}
	if m.hasLast {
		pe.LastMock = m.last.Date
		if overall, ok := m.last.Overall(); ok {
			pe.LastMockPassed = overall >= e.PassMark
		}
	}
	return pe
}

// planMocks reads each exam's timed attempts as one sum, and its newest
// attempt with its scores through the exam's (exam_id, attempt_date)
// index.
func planMocks(ctx context.Context, tx *sql.Tx, exams []data.Exam) (map[int64]examMocks, error) {
	out := make(map[int64]examMocks, len(exams))
	for _, e := range exams {
		var m examMocks
		var secs int64
		if err := tx.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(duration_s), 0) FROM attempts
			WHERE exam_id = ? AND duration_s > 0`, e.ID).Scan(&m.timed, &secs); err != nil {
			return nil, err
		}
		m.time = time.Duration(secs) * time.Second
		last, err := scanAttempts(tx.QueryContext(ctx, `SELECT `+attemptColumns+` FROM attempts a
			WHERE a.exam_id = ? ORDER BY a.attempt_date DESC, a.id DESC LIMIT 1`, e.ID))
		if err != nil {
			return nil, err
		}
		if len(last) == 1 {
			rows, err := tx.QueryContext(ctx, `SELECT attempt_id, position, topic_id, correct, total, percent
				FROM scores WHERE attempt_id = ?`, last[0].ID)
			if err != nil {
				return nil, err
			}
			if err := addScores(last, rows); err != nil {
				return nil, err
			}
			m.last, m.hasLast = last[0], true
		}
		out[e.ID] = m
	}
	return out, nil
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

// SetDaysOff marks the days from..to (both included) off, or open again
// when off is false.
func (s *Store) SetDaysOff(ctx context.Context, from, to data.Date, off bool) error {
	if err := plan.CheckDaysOff(from, to); err != nil {
		return fmt.Errorf("days off: %w", err)
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
