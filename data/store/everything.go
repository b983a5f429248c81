package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/masterplan-app/masterplan/data"
	"github.com/masterplan-app/masterplan/data/transfer"
)

// This file moves every record of the database to and from the JSON export
// (transfer.Export): all of it read in one transaction, all of it written
// in one. Reminder deliveries (reminder_claims, reminder_notices) and the
// running study timer are the machine's state, not the user's records, and
// stay out of the file.

// queryEach runs query in tx and calls scan for each row.
func queryEach(ctx context.Context, tx *sql.Tx, query string, scan func(*sql.Rows) error, args ...any) error {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// ExportAll reads every record into a transfer.Export stamped with the
// store's clock. Records keep their table order (by row id), and the file
// ids number each list from 1 in that order, so an export imported into an
// empty database exports again to the same file.
func (s *Store) ExportAll(ctx context.Context) (*transfer.Export, error) {
	x := &transfer.Export{Format: transfer.JSONFormat, Version: transfer.JSONVersion,
		ExportedAt: s.now().UTC().Format(transfer.InstantLayout)}
	err := s.inTx(ctx, func(tx *sql.Tx) error { return exportAll(ctx, tx, x) })
	if err != nil {
		return nil, fmt.Errorf("export everything: %w", err)
	}
	return x, nil
}

func exportAll(ctx context.Context, tx *sql.Tx, x *transfer.Export) error {
	x.Settings = []transfer.Setting{}
	if err := queryEach(ctx, tx, `SELECT key, value FROM settings ORDER BY key`, func(r *sql.Rows) error {
		var st transfer.Setting
		if err := r.Scan(&st.Key, &st.Value); err != nil {
			return err
		}
		if !data.MachineSetting(st.Key) { // this machine's state, not the user's data
			x.Settings = append(x.Settings, st)
		}
		return nil
	}); err != nil {
		return fmt.Errorf("read settings: %w", err)
	}
	// fileID maps each table's row ids to file ids, numbered in row order.
	rotations, milestones, items, exams, topics := map[int64]int64{}, map[int64]int64{}, map[int64]int64{}, map[int64]int64{}, map[int64]int64{}
	number := func(m map[int64]int64, id int64) int64 {
		m[id] = int64(len(m) + 1)
		return m[id]
	}
	x.Rotations = []transfer.JSONRotation{}
	if err := queryEach(ctx, tx, `SELECT id, track, catalog_id, created_at FROM rotations ORDER BY id`, func(r *sql.Rows) error {
		var id int64
		var rot transfer.JSONRotation
		if err := r.Scan(&id, &rot.Track, &rot.CatalogID, &rot.CreatedAt); err != nil {
			return err
		}
		rot.ID = number(rotations, id)
		rot.Blocks = []transfer.JSONBlock{}
		x.Rotations = append(x.Rotations, rot)
		return nil
	}); err != nil {
		return fmt.Errorf("read rotations: %w", err)
	}
	if err := queryEach(ctx, tx, `SELECT rotation_id, start_date, end_date, location, time_zone FROM blocks
		ORDER BY rotation_id, start_date, id`, func(r *sql.Rows) error {
		var rid int64
		var b transfer.JSONBlock
		if err := r.Scan(&rid, &b.Start, &b.End, &b.Location, &b.TimeZone); err != nil {
			return err
		}
		rot := &x.Rotations[rotations[rid]-1]
		rot.Blocks = append(rot.Blocks, b)
		return nil
	}); err != nil {
		return fmt.Errorf("read blocks: %w", err)
	}
	x.Milestones = []transfer.JSONMilestone{}
	if err := queryEach(ctx, tx, `SELECT id, rotation_id, title, due_date, done, kind FROM milestones ORDER BY id`, func(r *sql.Rows) error {
		var id, rid int64
		var m transfer.JSONMilestone
		if err := r.Scan(&id, &rid, &m.Title, &m.Due, &m.Done, &m.Kind); err != nil {
			return err
		}
		m.ID, m.Rotation = number(milestones, id), rotations[rid]
		x.Milestones = append(x.Milestones, m)
		return nil
	}); err != nil {
		return fmt.Errorf("read milestones: %w", err)
	}
	x.ReadingItems = []transfer.JSONReadingItem{}
	if err := queryEach(ctx, tx, `SELECT id, title, author, kind, topic, url, size, unit, done, status, priority, due_date, notes,
		added_on, coalesce(deleted_at, '') FROM reading_items ORDER BY id`, func(r *sql.Rows) error {
		var id int64
		var it transfer.JSONReadingItem
		if err := r.Scan(&id, &it.Title, &it.Author, &it.Kind, &it.Topic, &it.URL, &it.Size, &it.Unit, &it.Done, &it.Status,
			&it.Priority, &it.Due, &it.Notes, &it.AddedOn, &it.DeletedAt); err != nil {
			return err
		}
		it.ID = number(items, id)
		x.ReadingItems = append(x.ReadingItems, it)
		return nil
	}); err != nil {
		return fmt.Errorf("read reading items: %w", err)
	}
	x.ReadingProgress = []transfer.JSONProgress{}
	if err := queryEach(ctx, tx, `SELECT item_id, day, units FROM reading_progress ORDER BY id`, func(r *sql.Rows) error {
		var p transfer.JSONProgress
		err := r.Scan(&p.Item, &p.Day, &p.Units)
		p.Item = items[p.Item]
		x.ReadingProgress = append(x.ReadingProgress, p)
		return err
	}); err != nil {
		return fmt.Errorf("read reading progress: %w", err)
	}
	x.StudySessions = []transfer.JSONSession{}
	if err := queryEach(ctx, tx, `SELECT start_utc, duration_s, topic, coalesce(reading_item_id, 0), note FROM study_sessions ORDER BY id`,
		func(r *sql.Rows) error {
			var ss transfer.JSONSession
			err := r.Scan(&ss.Start, &ss.DurationS, &ss.Topic, &ss.ReadingItem, &ss.Note)
			ss.ReadingItem = items[ss.ReadingItem]
			x.StudySessions = append(x.StudySessions, ss)
			return err
		}); err != nil {
		return fmt.Errorf("read study sessions: %w", err)
	}
	if err := exportPractice(ctx, tx, x, rotations, exams, topics, number); err != nil {
		return err
	}
	x.BudgetItems = []transfer.JSONBudgetItem{}
	if err := queryEach(ctx, tx, `SELECT rotation_id, category, description, start_date, end_date, planned_amount, planned_currency,
		actual_amount, actual_currency, actual_home_amount, actual_home_currency, paid_by, employer_percent, reimbursement,
		reimbursement_date, refund FROM budget_items ORDER BY id`, func(r *sql.Rows) error {
		var b transfer.JSONBudgetItem
		err := r.Scan(&b.Rotation, &b.Category, &b.Description, &b.Start, &b.End, &b.PlannedAmount, &b.PlannedCurrency,
			&b.ActualAmount, &b.ActualCurrency, &b.ActualHomeAmount, &b.ActualHomeCurrency, &b.PaidBy, &b.EmployerPercent,
			&b.Reimbursement, &b.ReimbursementDate, &b.Refund)
		b.Rotation = rotations[b.Rotation]
		x.BudgetItems = append(x.BudgetItems, b)
		return err
	}); err != nil {
		return fmt.Errorf("read budget items: %w", err)
	}
	x.ExchangeRates = []transfer.JSONRate{}
	if err := queryEach(ctx, tx, `SELECT home, currency, to_home, as_of FROM exchange_rates ORDER BY id`, func(r *sql.Rows) error {
		var rt transfer.JSONRate
		err := r.Scan(&rt.Home, &rt.Currency, &rt.ToHome, &rt.AsOf)
		x.ExchangeRates = append(x.ExchangeRates, rt)
		return err
	}); err != nil {
		return fmt.Errorf("read exchange rates: %w", err)
	}
	x.Reminders = []transfer.JSONReminder{}
	if err := queryEach(ctx, tx, `SELECT kind, title, body, enabled, time_zone, rrule, day, at, days_before, saved_at
		FROM reminders ORDER BY id`, func(r *sql.Rows) error {
		var rm transfer.JSONReminder
		err := r.Scan(&rm.Kind, &rm.Title, &rm.Body, &rm.Enabled, &rm.TimeZone, &rm.RRule, &rm.Day, &rm.At, &rm.DaysBefore, &rm.SavedAt)
		x.Reminders = append(x.Reminders, rm)
		return err
	}); err != nil {
		return fmt.Errorf("read reminders: %w", err)
	}
	x.MilestoneReminders = []transfer.JSONMilestoneReminder{}
	if err := queryEach(ctx, tx, `SELECT milestone_id, off, days_before FROM milestone_reminders ORDER BY milestone_id`, func(r *sql.Rows) error {
		var m transfer.JSONMilestoneReminder
		err := r.Scan(&m.Milestone, &m.Off, &m.DaysBefore)
		m.Milestone = milestones[m.Milestone]
		x.MilestoneReminders = append(x.MilestoneReminders, m)
		return err
	}); err != nil {
		return fmt.Errorf("read milestone reminders: %w", err)
	}
	return nil
}

func exportPractice(ctx context.Context, tx *sql.Tx, x *transfer.Export, rotations, exams, topics map[int64]int64,
	number func(map[int64]int64, int64) int64) error {
	x.Exams = []transfer.JSONExam{}
	if err := queryEach(ctx, tx, `SELECT id, rotation_id, position, name, kind, pass_mark, pass_mark_assumed, exam_date, result, result_date
		FROM exams ORDER BY id`, func(r *sql.Rows) error {
		var id, rid int64
		var e transfer.JSONExam
		if err := r.Scan(&id, &rid, &e.Position, &e.Name, &e.Kind, &e.PassMark, &e.PassMarkAssumed, &e.Date, &e.Result, &e.ResultDate); err != nil {
			return err
		}
		e.ID, e.Rotation = number(exams, id), rotations[rid]
		x.Exams = append(x.Exams, e)
		return nil
	}); err != nil {
		return fmt.Errorf("read exams: %w", err)
	}
	x.Topics = []transfer.JSONTopic{}
	if err := queryEach(ctx, tx, `SELECT id, rotation_id, name FROM topics ORDER BY id`, func(r *sql.Rows) error {
		var id, rid int64
		t := transfer.JSONTopic{Exams: []int64{}}
		if err := r.Scan(&id, &rid, &t.Name); err != nil {
			return err
		}
		t.ID, t.Rotation = number(topics, id), rotations[rid]
		x.Topics = append(x.Topics, t)
		return nil
	}); err != nil {
		return fmt.Errorf("read topics: %w", err)
	}
	if err := queryEach(ctx, tx, `SELECT topic_id, exam_id FROM topic_exams ORDER BY topic_id, exam_id`, func(r *sql.Rows) error {
		var tid, eid int64
		if err := r.Scan(&tid, &eid); err != nil {
			return err
		}
		t := &x.Topics[topics[tid]-1]
		t.Exams = append(t.Exams, exams[eid])
		return nil
	}); err != nil {
		return fmt.Errorf("read topic exams: %w", err)
	}
	x.Attempts = []transfer.JSONAttempt{}
	attempts := map[int64]int{}
	if err := queryEach(ctx, tx, `SELECT id, exam_id, attempt_date, source, duration_s, notes FROM attempts ORDER BY id`, func(r *sql.Rows) error {
		var id int64
		a := transfer.JSONAttempt{Scores: []transfer.JSONScore{}}
		if err := r.Scan(&id, &a.Exam, &a.Date, &a.Source, &a.DurationS, &a.Notes); err != nil {
			return err
		}
		a.Exam = exams[a.Exam]
		attempts[id] = len(x.Attempts)
		x.Attempts = append(x.Attempts, a)
		return nil
	}); err != nil {
		return fmt.Errorf("read attempts: %w", err)
	}
	if err := queryEach(ctx, tx, `SELECT attempt_id, topic_id, correct, total, percent FROM scores
		ORDER BY attempt_id, position, topic_id`, func(r *sql.Rows) error {
		var aid int64
		var sc transfer.JSONScore
		var pct sql.NullFloat64
		if err := r.Scan(&aid, &sc.Topic, &sc.Correct, &sc.Total, &pct); err != nil {
			return err
		}
		sc.Topic = topics[sc.Topic]
		if pct.Valid {
			sc.Percent = &pct.Float64
		}
		a := &x.Attempts[attempts[aid]]
		a.Scores = append(a.Scores, sc)
		return nil
	}); err != nil {
		return fmt.Errorf("read scores: %w", err)
	}
	return nil
}

// ImportCount says how many records of one kind an import added, and how
// many it found already in the database and left as they were.
type ImportCount struct {
	Kind     string // plural: "reading items"
	One      string // singular: "reading item"
	Added    int
	Existing int
}

// Noun names n records of the count's kind: "1 reading item", "2 reading items".
func (c ImportCount) Noun(n int) string {
	if n == 1 {
		return "1 " + c.One
	}
	return strconv.Itoa(n) + " " + c.Kind
}

// importer carries one import's state: the map from the file's ids to the
// database's, and the counts.
type importer struct {
	ctx    context.Context
	tx     *sql.Tx
	now    time.Time
	counts []ImportCount
	// File id -> row id, per list.
	rotations, milestones, items, exams, topics map[int64]int64
	// Reading items that were already in the database: they keep their
	// own progress log.
	oldItems map[int64]bool
}

func (im *importer) count(kind string, added bool) {
	for i := range im.counts {
		if im.counts[i].Kind == kind {
			if added {
				im.counts[i].Added++
			} else {
				im.counts[i].Existing++
			}
			return
		}
	}
	c := ImportCount{Kind: kind, One: strings.TrimSuffix(kind, "s")}
	if kind == "progress entries" {
		c.One = "progress entry"
	}
	if added {
		c.Added = 1
	} else {
		c.Existing = 1
	}
	im.counts = append(im.counts, c)
}

// ImportAll writes the records of x into the database in one transaction:
// into an empty database it recreates them all (with new row ids, the
// relations kept); into one with records it adds only what is not there
// yet, each record recognised by its natural key (see the README). A
// record that breaks a rule refuses the whole import, naming the record,
// and nothing is written.
func (s *Store) ImportAll(ctx context.Context, x *transfer.Export) ([]ImportCount, error) {
	now := s.now()
	if err := errors.Join(x.Validate(now), checkSettings(x.Settings)); err != nil {
		return nil, fmt.Errorf("import: %w", err)
	}
	im := &importer{ctx: ctx, now: now, rotations: map[int64]int64{}, milestones: map[int64]int64{},
		items: map[int64]int64{}, exams: map[int64]int64{}, topics: map[int64]int64{}, oldItems: map[int64]bool{}}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		im.tx = tx
		for _, step := range []func(*transfer.Export) error{
			im.settings, im.rotationList, im.milestoneList, im.readingItems, im.progress, im.sessions,
			im.examList, im.topicList, im.attempts, im.budget, im.rates, im.reminders, im.milestoneReminders,
		} {
			if err := step(x); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("import: %w", err)
	}
	return im.counts, nil
}

// checkSettings checks the values of the settings this version reads, so
// that an import cannot store a home currency the app then misreads. Other
// keys are area settings whose readers fall back to defaults.
func checkSettings(list []transfer.Setting) error {
	set := data.DefaultSettings()
	var errs []error
	for i, st := range list {
		var err error
		switch st.Key {
		case keyHomeCurrency:
			set.HomeCurrency = st.Value
		case keyTimeZone:
			set.TimeZone = st.Value
		case keyTheme:
			set.Theme = st.Value
		case keyWeeklyGoal:
			if set.WeeklyGoalHours, err = strconv.ParseFloat(st.Value, 64); err != nil {
				err = data.Invalid("value", "%q is not a number of hours", st.Value)
			}
		case keyWeekStart:
			n, perr := strconv.Atoi(st.Value)
			if perr != nil || n < 0 || n > 6 {
				err = data.Invalid("value", "%q is not a day of the week (0 Sunday to 6 Saturday)", st.Value)
			}
			set.WeekStart = time.Weekday(n)
		case settingBackupKeep:
			_, err = data.ParseBackupKeep(st.Value)
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("setting %d (%s): %w", i+1, st.Key, err))
		}
	}
	if len(errs) == 0 {
		if err := set.Validate(); err != nil {
			errs = append(errs, fmt.Errorf("settings: %w", err))
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("check JSON: %w: %w", data.ErrInvalid, errors.Join(errs...))
	}
	return nil
}

// fail names the record a write refused; a broken table CHECK or
// uniqueness is the file's fault, so it matches data.ErrInvalid.
func fail(kind string, i int, err error) error {
	if strings.Contains(err.Error(), "constraint failed") {
		return fmt.Errorf("%s %d: %w: %w", kind, i+1, data.ErrInvalid, err)
	}
	return fmt.Errorf("%s %d: %w", kind, i+1, err)
}

// insert runs an INSERT and returns the new row id.
func (im *importer) insert(query string, args ...any) (int64, error) {
	res, err := im.tx.ExecContext(im.ctx, query, args...)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// keys runs query, whose rows are one text key each, into a set.
func (im *importer) keys(query string, args ...any) (map[string]int64, error) {
	out := map[string]int64{}
	err := queryEach(im.ctx, im.tx, query, func(r *sql.Rows) error {
		var k string
		var id int64
		err := r.Scan(&id, &k)
		if _, ok := out[k]; !ok {
			out[k] = id
		}
		return err
	}, args...)
	return out, err
}

// settings adds the settings the database does not have; its own values win.
func (im *importer) settings(x *transfer.Export) error {
	for i, st := range x.Settings {
		if data.MachineSetting(st.Key) {
			continue // the machine that wrote the file, not this one
		}
		res, err := im.tx.ExecContext(im.ctx, `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING`, st.Key, st.Value)
		if err != nil {
			return fail("setting", i, err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return fail("setting", i, err)
		}
		im.count("settings", n == 1)
	}
	return nil
}

// rotationKey is a rotation's natural key: its track and its blocks' days.
func rotationKey(track, catalogID string, blocks []string) string {
	return data.NameKey(track) + "|" + catalogID + "|" + strings.Join(blocks, ",")
}

func (im *importer) rotationList(x *transfer.Export) error {
	blocks := map[int64][]string{}
	if err := queryEach(im.ctx, im.tx, `SELECT rotation_id, start_date, end_date FROM blocks ORDER BY rotation_id, start_date`, func(r *sql.Rows) error {
		var id int64
		var start, end string
		err := r.Scan(&id, &start, &end)
		blocks[id] = append(blocks[id], start+".."+end)
		return err
	}); err != nil {
		return fmt.Errorf("read blocks: %w", err)
	}
	existing := map[string]int64{}
	if err := queryEach(im.ctx, im.tx, `SELECT id, track, catalog_id FROM rotations ORDER BY id`, func(r *sql.Rows) error {
		var id int64
		var track, cat string
		err := r.Scan(&id, &track, &cat)
		existing[rotationKey(track, cat, blocks[id])] = id
		return err
	}); err != nil {
		return fmt.Errorf("read rotations: %w", err)
	}
	for i, rot := range x.Rotations {
		dom, _ := rot.Domain() // checked by Validate
		var days []string
		for _, b := range data.SortedBlocks(dom.Blocks) {
			days = append(days, b.Start.String()+".."+b.End.String())
		}
		if id, ok := existing[rotationKey(rot.Track, rot.CatalogID, days)]; ok {
			im.rotations[rot.ID] = id
			im.count("rotations", false)
			continue
		}
		id, err := im.insert(`INSERT INTO rotations (track, catalog_id, created_at) VALUES (?, ?, ?)`, rot.Track, rot.CatalogID, rot.CreatedAt)
		if err != nil {
			return fail("rotation", i, err)
		}
		for j, b := range rot.Blocks {
			if _, err := im.insert(`INSERT INTO blocks (rotation_id, start_date, end_date, location, time_zone) VALUES (?, ?, ?, ?, ?)`,
				id, dom.Blocks[j].Start.String(), dom.Blocks[j].End.String(), b.Location, b.TimeZone); err != nil {
				return fail("rotation", i, fmt.Errorf("block %d: %w", j+1, err))
			}
		}
		im.rotations[rot.ID] = id
		im.count("rotations", true)
	}
	return nil
}

func (im *importer) milestoneList(x *transfer.Export) error {
	existing, err := im.keys(`SELECT id, rotation_id || '|' || title || '|' || due_date FROM milestones`)
	if err != nil {
		return fmt.Errorf("read milestones: %w", err)
	}
	for i, m := range x.Milestones {
		dom, _ := m.Domain()
		rid := im.rotations[m.Rotation]
		if id, ok := existing[fmt.Sprintf("%d|%s|%s", rid, m.Title, dom.Due)]; ok {
			im.milestones[m.ID] = id
			im.count("milestones", false)
			continue
		}
		id, err := im.insert(`INSERT INTO milestones (rotation_id, title, due_date, done, kind) VALUES (?, ?, ?, ?, ?)`,
			rid, m.Title, dom.Due.String(), m.Done, m.Kind)
		if err != nil {
			return fail("milestone", i, err)
		}
		im.milestones[m.ID] = id
		im.count("milestones", true)
	}
	return nil
}

func (im *importer) readingItems(x *transfer.Export) error {
	existing := map[string]int64{}
	if err := queryEach(im.ctx, im.tx, `SELECT id, title, author, url FROM reading_items ORDER BY id`, func(r *sql.Rows) error {
		var it data.ReadingItem
		err := r.Scan(&it.ID, &it.Title, &it.Author, &it.URL)
		if _, ok := existing[it.Key()]; !ok {
			existing[it.Key()] = it.ID
		}
		return err
	}); err != nil {
		return fmt.Errorf("read reading items: %w", err)
	}
	for i, it := range x.ReadingItems {
		dom, _ := it.Domain()
		if id, ok := existing[dom.Key()]; ok {
			im.items[it.ID] = id
			im.oldItems[id] = true
			im.count("reading items", false)
			continue
		}
		var deleted any
		if it.DeletedAt != "" {
			deleted = it.DeletedAt
		}
		id, err := im.insert(`INSERT INTO reading_items (title, author, kind, topic, url, size, unit, done, status, priority,
			due_date, notes, added_on, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			it.Title, it.Author, it.Kind, it.Topic, it.URL, it.Size, it.Unit, it.Done, it.Status, it.Priority,
			dateText(dom.Due), it.Notes, dom.AddedOn.String(), deleted)
		if err != nil {
			return fail("reading item", i, err)
		}
		im.items[it.ID] = id
		im.count("reading items", true)
	}
	return nil
}

// progress adds the log of the items this import added; an item that was
// already on the list keeps its own progress and log, which agree.
func (im *importer) progress(x *transfer.Export) error {
	for i, p := range x.ReadingProgress {
		id := im.items[p.Item]
		if im.oldItems[id] {
			im.count("progress entries", false)
			continue
		}
		day, _ := data.ParseDate("day", p.Day)
		if _, err := im.insert(`INSERT INTO reading_progress (item_id, day, units) VALUES (?, ?, ?)`, id, day.String(), p.Units); err != nil {
			return fail("reading progress", i, err)
		}
		im.count("progress entries", true)
	}
	return nil
}

// sessions adds the file's sessions: one repeating a stored session
// exactly (start to the second, length) is already there; one that
// overlaps another refuses the file, naming it, as every other way in does.
func (im *importer) sessions(x *transfer.Export) error {
	loc, err := userZone(im.ctx, im.tx)
	if err != nil {
		return err
	}
	var stored []data.StudySession
	if err := queryEach(im.ctx, im.tx, `SELECT `+sessionColumns+` FROM study_sessions`, func(r *sql.Rows) error {
		ss, err := scanSession(r)
		stored = append(stored, ss)
		return err
	}); err != nil {
		return fmt.Errorf("read study sessions: %w", err)
	}
	timeline := data.NewSessionTimeline(stored)
	var added []data.StudySession
	for i, ss := range x.StudySessions {
		dom, _ := ss.Domain()
		if o, ok := timeline.Overlap(dom); ok {
			if !dom.Repeats(o) {
				return fail("study session", i, data.OverlapError(dom, o, loc))
			}
			im.count("study sessions", false)
			continue
		}
		var item any
		if ss.ReadingItem != 0 {
			item = im.items[ss.ReadingItem]
		}
		if _, err := im.insert(`INSERT INTO study_sessions (start_utc, duration_s, topic, reading_item_id, note) VALUES (?, ?, ?, ?, ?)`,
			dom.Start.UTC().Format(transfer.InstantLayout), ss.DurationS, ss.Topic, item, ss.Note); err != nil {
			return fail("study session", i, err)
		}
		im.count("study sessions", true)
		timeline.Add(dom)
		added = append(added, data.StudySession{Start: dom.Start, Duration: dom.Duration, Topic: ss.Topic})
	}
	return adjustStudyDays(im.ctx, im.tx, nil, added)
}

func (im *importer) examList(x *transfer.Export) error {
	existing, err := im.keys(`SELECT id, rotation_id || '|' || name_key FROM exams`)
	if err != nil {
		return fmt.Errorf("read exams: %w", err)
	}
	for i, e := range x.Exams {
		dom, _ := e.Domain()
		rid := im.rotations[e.Rotation]
		if id, ok := existing[fmt.Sprintf("%d|%s", rid, data.NameKey(e.Name))]; ok {
			im.exams[e.ID] = id
			im.count("exams", false)
			continue
		}
		id, err := im.insert(`INSERT INTO exams (rotation_id, position, name, name_key, kind, pass_mark, pass_mark_assumed, exam_date, result, result_date)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, rid, e.Position, e.Name, data.NameKey(e.Name), e.Kind, e.PassMark, e.PassMarkAssumed,
			dateText(dom.Date), e.Result, dateText(dom.ResultDate))
		if err != nil {
			return fail("exam", i, err)
		}
		im.exams[e.ID] = id
		im.count("exams", true)
	}
	return nil
}

// topicList adds new topics, and to a topic already there the exam links
// it lacks.
func (im *importer) topicList(x *transfer.Export) error {
	existing, err := im.keys(`SELECT id, rotation_id || '|' || name_key FROM topics`)
	if err != nil {
		return fmt.Errorf("read topics: %w", err)
	}
	for i, t := range x.Topics {
		rid := im.rotations[t.Rotation]
		id, ok := existing[fmt.Sprintf("%d|%s", rid, data.NameKey(t.Name))]
		if !ok {
			if id, err = im.insert(`INSERT INTO topics (rotation_id, name, name_key) VALUES (?, ?, ?)`, rid, t.Name, data.NameKey(t.Name)); err != nil {
				return fail("topic", i, err)
			}
		}
		im.topics[t.ID] = id
		im.count("topics", !ok)
		for _, e := range t.Exams {
			if _, err := im.tx.ExecContext(im.ctx, `INSERT INTO topic_exams (topic_id, exam_id) VALUES (?, ?) ON CONFLICT DO NOTHING`,
				id, im.exams[e]); err != nil {
				return fail("topic", i, err)
			}
		}
	}
	return nil
}

func (im *importer) attempts(x *transfer.Export) error {
	existing, err := im.keys(`SELECT id, exam_id || '|' || attempt_date || '|' || source_key FROM attempts`)
	if err != nil {
		return fmt.Errorf("read attempts: %w", err)
	}
	for i, a := range x.Attempts {
		dom, _ := a.Domain()
		eid := im.exams[a.Exam]
		if _, ok := existing[fmt.Sprintf("%d|%s|%s", eid, dom.Date, data.NameKey(a.Source))]; ok {
			im.count("attempts", false)
			continue
		}
		id, err := im.insert(`INSERT INTO attempts (exam_id, attempt_date, source, source_key, duration_s, notes) VALUES (?, ?, ?, ?, ?, ?)`,
			eid, dom.Date.String(), a.Source, data.NameKey(a.Source), a.DurationS, a.Notes)
		if err != nil {
			return fail("attempt", i, err)
		}
		for j, sc := range a.Scores {
			var pct any
			if sc.Percent != nil {
				pct = *sc.Percent
			}
			if _, err := im.tx.ExecContext(im.ctx, `INSERT INTO scores (attempt_id, topic_id, position, correct, total, percent) VALUES (?, ?, ?, ?, ?, ?)`,
				id, im.topics[sc.Topic], j, sc.Correct, sc.Total, pct); err != nil {
				return fail("attempt", i, fmt.Errorf("score %d: %w", j+1, err))
			}
		}
		im.count("attempts", true)
	}
	return nil
}

// budgetRow is a budget item as stored, every field in order: the item's
// natural key is all of them.
func budgetRow(rotationID int64, it data.BudgetItem) []any {
	planned, plannedCur := moneyText(it.Planned)
	actual, actualCur := moneyText(it.Actual)
	home, homeCur := moneyText(it.ActualHome)
	return []any{rotationID, string(it.Category), it.Description, dateText(it.Date), dateText(it.EndDate), planned, plannedCur,
		actual, actualCur, home, homeCur, string(it.PaidBy), it.EmployerPercent, string(it.Reimbursement),
		dateText(it.ReimbursementDate), it.Refund}
}

func rowKey(row []any) string {
	parts := make([]string, len(row))
	for i, v := range row {
		switch t := v.(type) {
		case bool: // stored as 0/1
			v = map[bool]int{false: 0, true: 1}[t]
		case []byte:
			v = string(t)
		}
		parts[i] = fmt.Sprint(v)
	}
	return strings.Join(parts, "\x1f")
}

// rowKeys runs query, whose rows have n columns, into the set of their rowKey.
func (im *importer) rowKeys(query string, n int) (map[string]bool, error) {
	out := map[string]bool{}
	err := queryEach(im.ctx, im.tx, query, func(r *sql.Rows) error {
		row := make([]any, n)
		ptrs := make([]any, n)
		for i := range row {
			ptrs[i] = &row[i]
		}
		err := r.Scan(ptrs...)
		out[rowKey(row)] = true
		return err
	})
	return out, err
}

const budgetRowColumns = `rotation_id, category, description, start_date, end_date, planned_amount, planned_currency,
	actual_amount, actual_currency, actual_home_amount, actual_home_currency, paid_by, employer_percent, reimbursement,
	reimbursement_date, refund`

func (im *importer) budget(x *transfer.Export) error {
	existing, err := im.rowKeys(`SELECT `+budgetRowColumns+` FROM budget_items`, 16)
	if err != nil {
		return fmt.Errorf("read budget items: %w", err)
	}
	for i, b := range x.BudgetItems {
		dom, _ := b.Domain()
		row := budgetRow(im.rotations[b.Rotation], dom)
		if existing[rowKey(row)] {
			im.count("budget items", false)
			continue
		}
		if _, err := im.insert(`INSERT INTO budget_items (`+budgetRowColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, row...); err != nil {
			return fail("budget item", i, err)
		}
		im.count("budget items", true)
	}
	return nil
}

// rates adds the rates of days the database has none for; a rate already
// there for the same currency and day keeps its value.
func (im *importer) rates(x *transfer.Export) error {
	for i, r := range x.ExchangeRates {
		dom, _ := r.Domain()
		res, err := im.tx.ExecContext(im.ctx, `INSERT INTO exchange_rates (home, currency, to_home, as_of) VALUES (?, ?, ?, ?)
			ON CONFLICT (home, currency, as_of) DO NOTHING`, r.Home, r.Currency, dom.ToHome.String(), dom.AsOf.String())
		if err != nil {
			return fail("exchange rate", i, err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return fail("exchange rate", i, err)
		}
		im.count("exchange rates", n == 1)
	}
	return nil
}

// singleReminder reports whether kind has one reminder per database.
func singleReminder(kind string) bool {
	return kind == data.ReminderMilestone || kind == data.ReminderNudgeReading || kind == data.ReminderNudgeStudy
}

// reminders adds the reminders not there yet (same fields, the time of
// the last save aside). The milestone reminder and the nudges exist once:
// the file's replaces the database's while that one is still the untouched
// default (never saved), and otherwise the user's own choice stays.
func (im *importer) reminders(x *transfer.Export) error {
	existing, err := im.rowKeys(`SELECT kind, title, body, enabled, time_zone, rrule, day, at, days_before FROM reminders`, 9)
	if err != nil {
		return fmt.Errorf("read reminders: %w", err)
	}
	for i, r := range x.Reminders {
		dom, _ := r.Domain()
		args := []any{r.Kind, r.Title, r.Body, r.Enabled, r.TimeZone, r.RRule, dateText(dom.Day), formatClock(dom.At), r.DaysBefore, r.SavedAt}
		known := existing[rowKey(args[:len(args)-1])]
		if singleReminder(r.Kind) {
			var id int64
			var saved string
			err := im.tx.QueryRowContext(im.ctx, `SELECT id, saved_at FROM reminders WHERE kind = ?`, r.Kind).Scan(&id, &saved)
			switch {
			case errors.Is(err, sql.ErrNoRows): // gone: added below
			case err != nil:
				return fail("reminder", i, err)
			case saved != "" || known && r.SavedAt == "":
				im.count("reminders", false)
				continue
			default:
				if _, err := im.tx.ExecContext(im.ctx, `UPDATE reminders SET kind = ?, title = ?, body = ?, enabled = ?, time_zone = ?,
					rrule = ?, day = ?, at = ?, days_before = ?, saved_at = ? WHERE id = ?`, append(args, id)...); err != nil {
					return fail("reminder", i, err)
				}
				im.count("reminders", true)
				continue
			}
		} else if known {
			im.count("reminders", false)
			continue
		}
		if _, err := im.insert(`INSERT INTO reminders (kind, title, body, enabled, time_zone, rrule, day, at, days_before, saved_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, args...); err != nil {
			return fail("reminder", i, err)
		}
		im.count("reminders", true)
	}
	return nil
}

func (im *importer) milestoneReminders(x *transfer.Export) error {
	for i, m := range x.MilestoneReminders {
		res, err := im.tx.ExecContext(im.ctx, `INSERT INTO milestone_reminders (milestone_id, off, days_before) VALUES (?, ?, ?)
			ON CONFLICT (milestone_id) DO NOTHING`, im.milestones[m.Milestone], m.Off, m.DaysBefore)
		if err != nil {
			return fail("milestone reminder", i, err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return fail("milestone reminder", i, err)
		}
		im.count("milestone reminders", n == 1)
	}
	return nil
}
