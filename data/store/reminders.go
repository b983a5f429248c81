package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/masterplan-app/masterplan/data"
)

// keyRemindLastRun records when reminders were last delivered (by the GUI or
// `masterplan remind`), so the next run delivers what came due since.
const keyRemindLastRun = "reminders.last_run"

// States of a delivered notice.
const (
	NoticeOpen    = "open"    // shown, waiting for Done or Snooze
	NoticeSnoozed = "snoozed" // rings again at SnoozeUntil
	NoticeDone    = "done"
)

// instantLayout stores instants as UTC text that sorts in time order.
const instantLayout = "2006-01-02T15:04:05Z"

// Notice is one delivered notification: what the desktop showed (or the app,
// when the desktop could not), kept until the user marks it done.
type Notice struct {
	ID          int64
	ReminderID  int64 // 0 once the reminder is deleted
	Title       string
	Body        string
	DueAt       time.Time // its latest occurrence
	DeliveredAt time.Time
	FirstKey    string // the first occurrence it stands for (snooze keys name it)
	Occurrences int    // how many occurrences it stands for (a catch-up has several)
	State       string
	SnoozeUntil time.Time // zero unless snoozed
	InApp       bool      // the desktop had no notification service
}

// ReminderPlan is everything that decides which occurrences are due.
type ReminderPlan struct {
	Schedule data.Schedule
	// Saved says when the user last saved each reminder: occurrences before
	// that are not missed. The defaults, never saved, are absent.
	Saved   map[int64]time.Time
	LastRun time.Time // zero before the first delivery
}

func formatInstant(t time.Time) string { return t.UTC().Truncate(time.Second).Format(instantLayout) }

func parseInstant(what, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(instantLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("read %s %q: %w", what, s, err)
	}
	return t, nil
}

func formatClock(c data.Clock) string {
	return fmt.Sprintf("%02d:%02d:%02d", c.Hour, c.Minute, c.Second)
}

const reminderColumns = `id, kind, title, body, enabled, time_zone, rrule, day, at, days_before, saved_at`

type rowScanner interface{ Scan(...any) error }

func scanReminder(row rowScanner) (data.Reminder, time.Time, error) {
	var r data.Reminder
	var day, at, saved string
	if err := row.Scan(&r.ID, &r.Kind, &r.Title, &r.Body, &r.Enabled, &r.TimeZone, &r.RRule, &day, &at, &r.DaysBefore, &saved); err != nil {
		return r, time.Time{}, err
	}
	var err error
	if day != "" {
		if r.Day, err = storedDate("day", day); err != nil {
			return r, time.Time{}, fmt.Errorf("read reminder %d: %w", r.ID, err)
		}
	}
	if r.At, err = data.ParseClock("time", at); err != nil {
		return r, time.Time{}, fmt.Errorf("read reminder %d: %w", r.ID, err)
	}
	savedAt, err := parseInstant("saved_at", saved)
	if err != nil {
		return r, time.Time{}, fmt.Errorf("read reminder %d: %w", r.ID, err)
	}
	return r, savedAt, nil
}

// Reminders lists every reminder, in the order they were added.
func (s *Store) Reminders(ctx context.Context) ([]data.Reminder, error) {
	rs, _, err := s.reminders(ctx, s.db)
	return rs, err
}

func (s *Store) reminders(ctx context.Context, q querier) ([]data.Reminder, map[int64]time.Time, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+reminderColumns+` FROM reminders ORDER BY id`)
	if err != nil {
		return nil, nil, fmt.Errorf("read reminders: %w", classify(err))
	}
	defer rows.Close()
	var out []data.Reminder
	saved := map[int64]time.Time{}
	for rows.Next() {
		r, at, err := scanReminder(rows)
		if err != nil {
			return nil, nil, fmt.Errorf("read reminders: %w", err)
		}
		out = append(out, r)
		if !at.IsZero() {
			saved[r.ID] = at
		}
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("read reminders: %w", classify(err))
	}
	return out, saved, nil
}

// Reminder returns one reminder, or data.ErrNotFound.
func (s *Store) Reminder(ctx context.Context, id int64) (data.Reminder, error) {
	r, _, err := scanReminder(s.db.QueryRowContext(ctx, `SELECT `+reminderColumns+` FROM reminders WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return r, fmt.Errorf("reminder %d: %w", id, data.ErrNotFound)
	}
	if err != nil {
		return r, fmt.Errorf("read reminder %d: %w", id, classify(err))
	}
	return r, nil
}

// SaveReminder validates r at the store's clock in the user's zone and adds
// it (ID 0) or replaces it. There is one milestone reminder and one of each
// nudge: a second is refused with data.ErrConflict.
func (s *Store) SaveReminder(ctx context.Context, r data.Reminder) (data.Reminder, error) {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		r, err = s.saveReminder(ctx, tx, r)
		return err
	})
	if err != nil {
		return r, fmt.Errorf("save reminder %q: %w", r.Title, err)
	}
	return r, nil
}

func (s *Store) saveReminder(ctx context.Context, tx *sql.Tx, r data.Reminder) (data.Reminder, error) {
	loc, err := userZone(ctx, tx)
	if err != nil {
		return r, err
	}
	r.Title, r.Body, r.TimeZone = strings.TrimSpace(r.Title), strings.TrimSpace(r.Body), strings.TrimSpace(r.TimeZone)
	r.RRule = strings.TrimSpace(r.RRule)
	if err := r.Validate(s.now(), loc); err != nil {
		return r, err
	}
	day := ""
	if !r.Day.IsZero() {
		day = r.Day.String()
	}
	args := []any{r.Kind, r.Title, r.Body, r.Enabled, r.TimeZone, r.RRule, day, formatClock(r.At), r.DaysBefore, formatInstant(s.now())}
	if r.ID == 0 {
		res, err := tx.ExecContext(ctx, `INSERT INTO reminders (kind, title, body, enabled, time_zone, rrule, day, at, days_before, saved_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, args...)
		if err != nil {
			return r, oneOfAKind(r.Kind, err)
		}
		r.ID, err = res.LastInsertId()
		return r, err
	}
	err = expectOne(tx.ExecContext(ctx, `UPDATE reminders SET kind = ?, title = ?, body = ?, enabled = ?, time_zone = ?, rrule = ?,
		day = ?, at = ?, days_before = ?, saved_at = ? WHERE id = ?`, append(args, r.ID)...))
	if errors.Is(err, data.ErrNotFound) {
		return r, fmt.Errorf("reminder %d: %w", r.ID, err)
	}
	if err != nil {
		return r, oneOfAKind(r.Kind, err)
	}
	return r, nil
}

// oneOfAKind explains the unique index on the kinds that may exist once.
func oneOfAKind(kind string, err error) error {
	if strings.Contains(err.Error(), "UNIQUE constraint failed") {
		return fmt.Errorf("%w: there is already a %s reminder; edit that one instead", data.ErrConflict, kind)
	}
	return err
}

// userZone reads the user's zone inside a transaction.
func userZone(ctx context.Context, tx *sql.Tx) (*time.Location, error) {
	name, _, err := setting(ctx, tx, keyTimeZone)
	if err != nil {
		return nil, err
	}
	return data.Settings{TimeZone: name}.Location(), nil
}

// SetReminderEnabled turns a reminder on or off. Turning on checks it again:
// a one-off in the past cannot ring, so it stays off with a message.
func (s *Store) SetReminderEnabled(ctx context.Context, id int64, on bool) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		r, _, err := scanReminder(tx.QueryRowContext(ctx, `SELECT `+reminderColumns+` FROM reminders WHERE id = ?`, id))
		if errors.Is(err, sql.ErrNoRows) {
			return data.ErrNotFound
		}
		if err != nil {
			return err
		}
		r.Enabled = on
		_, err = s.saveReminder(ctx, tx, r)
		return err
	})
	if err != nil {
		return fmt.Errorf("turn reminder %d %s: %w", id, map[bool]string{true: "on", false: "off"}[on], err)
	}
	return nil
}

// DeleteReminder removes a reminder. Its delivered notices stay listed
// until done, and its claims stay so nothing rings again.
func (s *Store) DeleteReminder(ctx context.Context, id int64) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		return expectOne(tx.ExecContext(ctx, `DELETE FROM reminders WHERE id = ?`, id))
	})
	if err != nil {
		return fmt.Errorf("delete reminder %d: %w", id, err)
	}
	return nil
}

// MilestoneReminderSettings returns each milestone's own reminder choice,
// by milestone ID; milestones that follow the default are absent.
func (s *Store) MilestoneReminderSettings(ctx context.Context) (map[int64]data.MilestoneSetting, error) {
	return milestoneSettings(ctx, s.db)
}

func milestoneSettings(ctx context.Context, q querier) (map[int64]data.MilestoneSetting, error) {
	rows, err := q.QueryContext(ctx, `SELECT milestone_id, off, days_before FROM milestone_reminders`)
	if err != nil {
		return nil, fmt.Errorf("read milestone reminders: %w", classify(err))
	}
	defer rows.Close()
	out := map[int64]data.MilestoneSetting{}
	for rows.Next() {
		var id int64
		var ms data.MilestoneSetting
		if err := rows.Scan(&id, &ms.Off, &ms.DaysBefore); err != nil {
			return nil, fmt.Errorf("read milestone reminders: %w", err)
		}
		out[id] = ms
	}
	return out, rows.Err()
}

// SetMilestoneReminder stores one milestone's own choice; nil returns it to
// the milestone reminder's default.
func (s *Store) SetMilestoneReminder(ctx context.Context, milestoneID int64, ms *data.MilestoneSetting) error {
	if ms != nil {
		if err := ms.Validate(); err != nil {
			return fmt.Errorf("milestone %d reminder: %w", milestoneID, err)
		}
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM milestones WHERE id = ?`, milestoneID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return data.ErrNotFound
		}
		if ms == nil {
			_, err := tx.ExecContext(ctx, `DELETE FROM milestone_reminders WHERE milestone_id = ?`, milestoneID)
			return err
		}
		// The milestone's reminder counts from now: more days before may
		// put its lead time in the past, and it still rings once.
		if _, err := tx.ExecContext(ctx, `UPDATE milestones SET remind_from = ? WHERE id = ?`, formatInstant(s.now()), milestoneID); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO milestone_reminders (milestone_id, off, days_before) VALUES (?, ?, ?)
			ON CONFLICT (milestone_id) DO UPDATE SET off = excluded.off, days_before = excluded.days_before`,
			milestoneID, ms.Off, ms.DaysBefore)
		return err
	})
	if err != nil {
		return fmt.Errorf("milestone %d reminder: %w", milestoneID, err)
	}
	return nil
}

// ReminderPlan reads the reminders, the rotation's milestones with their
// own settings, the user's zone and the last run, in one read transaction
// so they agree with each other.
func (s *Store) ReminderPlan(ctx context.Context) (ReminderPlan, error) {
	var p ReminderPlan
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return p, fmt.Errorf("read reminders: %w", classify(err))
	}
	defer tx.Rollback()
	if p.Schedule.Reminders, p.Saved, err = s.reminders(ctx, tx); err != nil {
		return p, err
	}
	if p.Schedule.MilestoneSettings, err = milestoneSettings(ctx, tx); err != nil {
		return p, err
	}
	if p.Schedule.Zone, err = userZone(ctx, tx); err != nil {
		return p, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT m.id, m.rotation_id, m.title, m.due_date, m.done, m.kind, m.remind_from, `+milestoneLinkColumns+`
		FROM milestones m `+milestoneLinkJoin+` WHERE m.rotation_id = (SELECT max(id) FROM rotations) ORDER BY m.due_date, m.id`)
	if err != nil {
		return p, fmt.Errorf("read milestones: %w", classify(err))
	}
	defer rows.Close()
	// A milestone's reminder counts from its own last change or the
	// milestone reminder's last save, whichever is later.
	var reminderSaved time.Time
	for _, r := range p.Schedule.Reminders {
		if r.Kind == data.ReminderMilestone {
			reminderSaved = p.Saved[r.ID]
		}
	}
	p.Schedule.MilestoneSince = map[int64]time.Time{}
	for rows.Next() {
		var m data.Milestone
		var due, from string
		var link milestoneLink
		if err := rows.Scan(append([]any{&m.ID, &m.RotationID, &m.Title, &due, &m.Done, &m.Kind, &from}, link.dest()...)...); err != nil {
			return p, fmt.Errorf("read milestones: %w", err)
		}
		link.apply(&m)
		if m.Due, err = storedDate("due", due); err != nil {
			return p, fmt.Errorf("read milestone %d: %w", m.ID, err)
		}
		since, err := parseInstant("remind_from", from)
		if err != nil {
			return p, fmt.Errorf("read milestone %d: %w", m.ID, err)
		}
		if since.Before(reminderSaved) {
			since = reminderSaved
		}
		if !since.IsZero() {
			p.Schedule.MilestoneSince[m.ID] = since
		}
		p.Schedule.Milestones = append(p.Schedule.Milestones, m)
	}
	if err := rows.Err(); err != nil {
		return p, fmt.Errorf("read milestones: %w", classify(err))
	}
	last, _, err := setting(ctx, tx, keyRemindLastRun)
	if err != nil {
		return p, err
	}
	if p.LastRun, err = parseInstant(keyRemindLastRun, last); err != nil {
		return p, err
	}
	return p, nil
}

// Deliver claims the occurrences in due that no one has delivered yet and
// records their notifications (grouped by data.CatchUp, times in loc), all
// in one transaction, and records now as the last run. It returns the
// notices to show: the caller notifies only after this commits, so two
// runners on one file (the GUI and `masterplan remind`) never show the same
// occurrence twice. by names the runner, for the record.
func (s *Store) Deliver(ctx context.Context, due []data.Occurrence, now time.Time, loc *time.Location, by string) ([]Notice, error) {
	var out []Notice
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		out = nil
		var fresh []data.Occurrence
		for _, o := range due {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM reminder_claims WHERE key = ?`, o.Key).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				fresh = append(fresh, o)
			}
		}
		for _, n := range data.CatchUp(fresh, now, loc) {
			notice := Notice{
				ReminderID: n.ReminderID, Title: n.Title, Body: n.Body, DueAt: n.At.UTC(), DeliveredAt: now.UTC(),
				FirstKey: n.Keys[0], Occurrences: len(n.Keys), State: NoticeOpen,
			}
			for _, k := range n.Keys {
				if _, err := tx.ExecContext(ctx, `INSERT INTO reminder_claims (key, claimed_at, claimed_by) VALUES (?, ?, ?)`,
					k, formatInstant(now), by); err != nil {
					return fmt.Errorf("claim %s: %w", k, err)
				}
			}
			var err error
			if notice.ID, notice.ReminderID, err = insertNotice(ctx, tx, notice); err != nil {
				return err
			}
			out = append(out, notice)
		}
		return putSetting(ctx, tx, keyRemindLastRun, formatInstant(now))
	})
	if err != nil {
		return nil, fmt.Errorf("deliver reminders: %w", err)
	}
	return out, nil
}

// insertNotice stores n and returns its ID and the reminder ID it keeps.
func insertNotice(ctx context.Context, tx *sql.Tx, n Notice) (id, reminderID int64, err error) {
	if n.ReminderID != 0 {
		// A nudge or milestone notice may outlive its reminder; the foreign
		// key is checked, so an ID that is gone is stored as none.
		var exists int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM reminders WHERE id = ?`, n.ReminderID).Scan(&exists); err != nil {
			return 0, 0, err
		}
		if exists > 0 {
			reminderID = n.ReminderID
		}
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO reminder_notices (reminder_id, title, body, due_at, delivered_at, first_key, occurrences, state)
		VALUES (nullif(?, 0), ?, ?, ?, ?, ?, ?, 'open')`,
		reminderID, n.Title, n.Body, formatInstant(n.DueAt), formatInstant(n.DeliveredAt), n.FirstKey, n.Occurrences)
	if err != nil {
		return 0, 0, fmt.Errorf("record notice %q: %w", n.Title, err)
	}
	id, err = res.LastInsertId()
	return id, reminderID, err
}

// WakeSnoozed claims the snoozed notices whose time has come (their
// snooze key, in one transaction) and opens them again; it returns them to
// show. A notice another runner woke first is not returned.
func (s *Store) WakeSnoozed(ctx context.Context, now time.Time, by string) ([]Notice, error) {
	var out []Notice
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		out = nil
		rows, err := tx.QueryContext(ctx, `SELECT `+noticeColumns+` FROM reminder_notices
			WHERE state = 'snoozed' AND snooze_until <= ? ORDER BY snooze_until, id`, formatInstant(now))
		if err != nil {
			return err
		}
		woken, err := scanNotices(rows)
		if err != nil {
			return err
		}
		for _, n := range woken {
			key := data.SnoozeKey(n.FirstKey, n.SnoozeUntil)
			res, err := tx.ExecContext(ctx, `INSERT INTO reminder_claims (key, claimed_at, claimed_by) VALUES (?, ?, ?)
				ON CONFLICT (key) DO NOTHING`, key, formatInstant(now), by)
			if err != nil {
				return fmt.Errorf("claim %s: %w", key, err)
			}
			if claimed, err := res.RowsAffected(); err != nil || claimed == 0 {
				continue
			}
			if _, err := tx.ExecContext(ctx, `UPDATE reminder_notices SET state = 'open', snooze_until = '', delivered_at = ?, in_app = 0 WHERE id = ?`,
				formatInstant(now), n.ID); err != nil {
				return err
			}
			n.State, n.SnoozeUntil, n.DeliveredAt, n.InApp = NoticeOpen, time.Time{}, now.UTC().Truncate(time.Second), false
			out = append(out, n)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("wake snoozed reminders: %w", err)
	}
	return out, nil
}

const noticeColumns = `id, coalesce(reminder_id, 0), title, body, due_at, delivered_at, first_key, occurrences, state, snooze_until, in_app`

func scanNotices(rows *sql.Rows) ([]Notice, error) {
	defer rows.Close()
	var out []Notice
	for rows.Next() {
		var n Notice
		var due, delivered, until string
		if err := rows.Scan(&n.ID, &n.ReminderID, &n.Title, &n.Body, &due, &delivered, &n.FirstKey, &n.Occurrences, &n.State, &until, &n.InApp); err != nil {
			return nil, err
		}
		var err error
		if n.DueAt, err = parseInstant("due_at", due); err != nil {
			return nil, err
		}
		if n.DeliveredAt, err = parseInstant("delivered_at", delivered); err != nil {
			return nil, err
		}
		if n.SnoozeUntil, err = parseInstant("snooze_until", until); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// Notices lists the notices not yet done: open ones first, newest first,
// then snoozed ones by when they ring again.
func (s *Store) Notices(ctx context.Context) ([]Notice, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+noticeColumns+` FROM reminder_notices WHERE state <> 'done'
		ORDER BY state = 'snoozed', CASE state WHEN 'open' THEN '' ELSE snooze_until END, due_at DESC, id DESC`)
	if err != nil {
		return nil, fmt.Errorf("read reminder notices: %w", classify(err))
	}
	out, err := scanNotices(rows)
	if err != nil {
		return nil, fmt.Errorf("read reminder notices: %w", classify(err))
	}
	return out, nil
}

// MarkNoticeInApp records that the desktop could not show notice id, so
// the app shows it instead.
func (s *Store) MarkNoticeInApp(ctx context.Context, id int64) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		return expectOne(tx.ExecContext(ctx, `UPDATE reminder_notices SET in_app = 1 WHERE id = ?`, id))
	})
	if err != nil {
		return fmt.Errorf("reminder notice %d: %w", id, err)
	}
	return nil
}

// SnoozeNotice puts an open or snoozed notice off until until.
func (s *Store) SnoozeNotice(ctx context.Context, id int64, until time.Time) error {
	if until.IsZero() {
		return fmt.Errorf("snooze reminder notice %d: %w", id, data.Invalid("snooze", "needs a time to ring again"))
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		return expectOne(tx.ExecContext(ctx, `UPDATE reminder_notices SET state = 'snoozed', snooze_until = ? WHERE id = ? AND state <> 'done'`,
			formatInstant(until), id))
	})
	if err != nil {
		return fmt.Errorf("snooze reminder notice %d: %w", id, err)
	}
	return nil
}

// DoneNotice marks notice id done: it leaves the list.
func (s *Store) DoneNotice(ctx context.Context, id int64) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		return expectOne(tx.ExecContext(ctx, `UPDATE reminder_notices SET state = 'done', snooze_until = '' WHERE id = ?`, id))
	})
	if err != nil {
		return fmt.Errorf("mark reminder notice %d done: %w", id, err)
	}
	return nil
}

// RestoreNotice puts notice n back as it was (open, or snoozed until
// n.SnoozeUntil): the undo of Done and Snooze.
func (s *Store) RestoreNotice(ctx context.Context, n Notice) error {
	until := ""
	if n.State == NoticeSnoozed {
		until = formatInstant(n.SnoozeUntil)
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		return expectOne(tx.ExecContext(ctx, `UPDATE reminder_notices SET state = ?, snooze_until = ? WHERE id = ?`, n.State, until, n.ID))
	})
	if err != nil {
		return fmt.Errorf("restore reminder notice %d: %w", n.ID, err)
	}
	return nil
}

// Claimed returns which of keys have been delivered.
func (s *Store) Claimed(ctx context.Context, keys []string) (map[string]bool, error) {
	out := map[string]bool{}
	for _, k := range keys {
		var n int
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM reminder_claims WHERE key = ?`, k).Scan(&n); err != nil {
			return nil, fmt.Errorf("read reminder deliveries: %w", classify(err))
		}
		if n > 0 {
			out[k] = true
		}
	}
	return out, nil
}
