package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/masterplan-app/masterplan/data"
)

// KeyReadingLeadDays is the setting "finish the reading list N days before
// the first block".
const KeyReadingLeadDays = "reading.deadline_lead_days"

const readingColumns = `id, title, author, kind, topic, url, size, unit, done, status, priority, due_date, notes, added_on`

func scanReadingItem(r interface{ Scan(dest ...any) error }) (data.ReadingItem, error) {
	var it data.ReadingItem
	var due, added string
	if err := r.Scan(&it.ID, &it.Title, &it.Author, &it.Kind, &it.Topic, &it.URL, &it.Size, &it.Unit,
		&it.Done, &it.Status, &it.Priority, &due, &it.Notes, &added); err != nil {
		return it, err
	}
	var err error
	if due != "" {
		if it.Due, err = storedDate("due", due); err != nil {
			return it, fmt.Errorf("reading item %d: %w", it.ID, err)
		}
	}
	if it.AddedOn, err = storedDate("added", added); err != nil {
		return it, fmt.Errorf("reading item %d: %w", it.ID, err)
	}
	return it, nil
}

// ReadingItems lists the reading list (deleted items excluded) in the order
// the list shows it: see data.SortReading.
func (s *Store) ReadingItems(ctx context.Context) ([]data.ReadingItem, error) {
	items, err := readingItems(ctx, s.db)
	if err != nil {
		return nil, fmt.Errorf("read the reading list: %w", err)
	}
	return items, nil
}

// ReadingChoices lists the reading list as ReadingItems does, each item
// with only what names it in a choice (ID, title, topic) and what orders it
// (priority, due and added dates): what the study screen offers, at a
// third of the cost on a list of thousands.
func (s *Store) ReadingChoices(ctx context.Context) ([]data.ReadingItem, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, title, topic, priority, due_date, added_on FROM reading_items WHERE deleted_at IS NULL`)
	if err != nil {
		return nil, fmt.Errorf("read the reading list: %w", classify(err))
	}
	defer rows.Close()
	items := []data.ReadingItem{}
	for rows.Next() {
		var it data.ReadingItem
		var due, added string
		if err := rows.Scan(&it.ID, &it.Title, &it.Topic, &it.Priority, &due, &added); err != nil {
			return nil, fmt.Errorf("read the reading list: %w", classify(err))
		}
		if it.Due, err = optionalDate("due", due); err == nil {
			it.AddedOn, err = storedDate("added", added)
		}
		if err != nil {
			return nil, fmt.Errorf("reading item %d: %w", it.ID, err)
		}
		items = append(items, it)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read the reading list: %w", classify(err))
	}
	data.SortReading(items)
	return items, nil
}

func readingItems(ctx context.Context, q querier) ([]data.ReadingItem, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+readingColumns+` FROM reading_items WHERE deleted_at IS NULL`)
	if err != nil {
		return nil, classify(err)
	}
	defer rows.Close()
	items := []data.ReadingItem{}
	for rows.Next() {
		it, err := scanReadingItem(rows)
		if err != nil {
			return nil, classify(err)
		}
		items = append(items, it)
	}
	if err := rows.Err(); err != nil {
		return nil, classify(err)
	}
	data.SortReading(items)
	return items, nil
}

// ReadingPaceTally counts the reading list with data.TallyReading, the one
// count of the reading pace, and reads the progress log of its items from
// day since on, in their units: what data.PaceOfTally needs. The dashboard,
// `status` and the reminders' nudge read only the four fields the tally
// counts of each item.
func (s *Store) ReadingPaceTally(ctx context.Context, since data.Date) (data.ReadingTally, []data.UnitProgress, error) {
	var items []data.ReadingItem
	var log []data.UnitProgress
	var firstProgress data.Date
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		err := queryEach(ctx, tx, `SELECT status, unit, size, done, due_date FROM reading_items WHERE deleted_at IS NULL`, func(rows *sql.Rows) error {
			var it data.ReadingItem
			var due string
			if err := rows.Scan(&it.Status, &it.Unit, &it.Size, &it.Done, &due); err != nil {
				return err
			}
			if due != "" {
				var err error
				if it.Due, err = storedDate("due date", due); err != nil {
					return err
				}
			}
			items = append(items, it)
			return nil
		})
		if err != nil {
			return err
		}
		var first sql.NullString
		if err := tx.QueryRowContext(ctx, firstProgressQuery).Scan(&first); err != nil {
			return err
		}
		if first.Valid {
			if firstProgress, err = storedDate("day", first.String); err != nil {
				return err
			}
		}
		return queryEach(ctx, tx, recentUnitProgressQuery, func(rows *sql.Rows) error {
			var unit sql.NullString
			var day string
			var e data.UnitProgress
			if err := rows.Scan(&unit, &day, &e.Units); err != nil || !unit.Valid {
				return err // an entry of a deleted item does not count
			}
			e.Unit = unit.String
			var err error
			if e.Date, err = storedDate("day", day); err != nil {
				return err
			}
			log = append(log, e)
			return nil
		}, since.String())
	})
	if err != nil {
		return data.ReadingTally{}, nil, fmt.Errorf("read the reading pace: %w", err)
	}
	t := data.TallyReading(items)
	t.FirstProgress = firstProgress
	return t, log, nil
}

// firstProgressQuery is the day of the first progress of an item on the
// list, which says how long the candidate has been reading.
const firstProgressQuery = `SELECT min(p.day) FROM reading_progress p
	WHERE EXISTS (SELECT 1 FROM reading_items i WHERE i.id = p.item_id AND i.deleted_at IS NULL)`

// ReadingItem returns one item of the reading list, or data.ErrNotFound when
// there is none with that id (or it was deleted).
func (s *Store) ReadingItem(ctx context.Context, id int64) (data.ReadingItem, error) {
	it, err := readingItem(ctx, s.db, id)
	if err != nil {
		return it, fmt.Errorf("read reading item %d: %w", id, err)
	}
	return it, nil
}

func readingItem(ctx context.Context, q querier, id int64) (data.ReadingItem, error) {
	it, err := scanReadingItem(q.QueryRowContext(ctx, `SELECT `+readingColumns+` FROM reading_items WHERE id = ? AND deleted_at IS NULL`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return it, data.ErrNotFound
	}
	return it, classify(err)
}

// SaveReadingItem adds (ID 0) or changes an item after filling its defaults
// and validating it. A new item joins the list on today unless it says
// otherwise. When a change moves the progress, the difference is logged on
// today, so that correcting the page in the form counts in the pace like
// the quick update does. The progress an item is added with is not logged:
// when it was read is unknown, and counting it today would inflate the pace.
func (s *Store) SaveReadingItem(ctx context.Context, it data.ReadingItem, today data.Date) (data.ReadingItem, error) {
	it.ApplyDefaults()
	if it.AddedOn.IsZero() {
		it.AddedOn = today
	}
	if err := it.Validate(); err != nil {
		return it, fmt.Errorf("save reading item %q: %w", it.Title, err)
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if it.ID == 0 {
			stmt, err := tx.PrepareContext(ctx, insertReadingSQL)
			if err != nil {
				return err
			}
			defer stmt.Close()
			it.ID, err = insertReadingItem(ctx, stmt, it)
			return err
		}
		old, err := readingItem(ctx, tx, it.ID)
		if err != nil {
			return err
		}
		if err := expectOne(tx.ExecContext(ctx, `UPDATE reading_items SET title = ?, author = ?, kind = ?, topic = ?, url = ?,
			size = ?, unit = ?, done = ?, status = ?, priority = ?, due_date = ?, notes = ?, added_on = ?
			WHERE id = ? AND deleted_at IS NULL`,
			it.Title, it.Author, it.Kind, it.Topic, it.URL, it.Size, it.Unit, it.Done, it.Status, it.Priority,
			it.Due.String(), it.Notes, it.AddedOn.String(), it.ID)); err != nil {
			return err
		}
		// A change of unit makes the old progress incomparable: nothing to log.
		if old.Unit == it.Unit {
			return logProgress(ctx, tx, data.ProgressEntry{ItemID: it.ID, Date: today, Units: it.Done - old.Done})
		}
		return nil
	})
	if err != nil {
		return it, fmt.Errorf("save reading item %q: %w", it.Title, err)
	}
	return it, nil
}

const insertReadingSQL = `INSERT INTO reading_items (title, author, kind, topic, url, size, unit, done, status, priority, due_date, notes, added_on)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

// insertReadingItem adds it with stmt, a prepared insertReadingSQL: an
// import prepares it once for all its rows, which is several times faster
// for a list of thousands.
func insertReadingItem(ctx context.Context, stmt *sql.Stmt, it data.ReadingItem) (int64, error) {
	res, err := stmt.ExecContext(ctx,
		it.Title, it.Author, it.Kind, it.Topic, it.URL, it.Size, it.Unit, it.Done, it.Status, it.Priority,
		it.Due.String(), it.Notes, it.AddedOn.String())
	if err != nil {
		return 0, fmt.Errorf("add %q: %w", it.Title, err)
	}
	return res.LastInsertId()
}

func logProgress(ctx context.Context, tx *sql.Tx, e data.ProgressEntry) error {
	if e.Units == 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO reading_progress (item_id, day, units) VALUES (?, ?, ?)`,
		e.ItemID, e.Date.String(), e.Units); err != nil {
		return fmt.Errorf("log progress of item %d: %w", e.ItemID, err)
	}
	return nil
}

// SetReadingProgress moves item id to done units on today (see
// data.ReadingItem.SetProgress: reaching the size marks it done) and logs
// the difference for the pace. It returns the item as now stored.
func (s *Store) SetReadingProgress(ctx context.Context, id int64, done int, today data.Date) (data.ReadingItem, error) {
	return s.changeReading(ctx, id, "update progress of", func(it *data.ReadingItem) (data.ProgressEntry, error) {
		return it.SetProgress(done, today)
	})
}

// SetReadingStatus changes the status of item id on today (marking it done
// fills its progress, and that counts in the pace).
func (s *Store) SetReadingStatus(ctx context.Context, id int64, status string, today data.Date) (data.ReadingItem, error) {
	return s.changeReading(ctx, id, "change status of", func(it *data.ReadingItem) (data.ProgressEntry, error) {
		return it.SetStatus(status, today)
	})
}

// changeReading reads item id, applies change and stores the item and the
// progress entry change returns, in one transaction.
func (s *Store) changeReading(ctx context.Context, id int64, what string, change func(*data.ReadingItem) (data.ProgressEntry, error)) (data.ReadingItem, error) {
	var it data.ReadingItem
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		if it, err = readingItem(ctx, tx, id); err != nil {
			return err
		}
		entry, err := change(&it)
		if err != nil {
			return err
		}
		if err := expectOne(tx.ExecContext(ctx, `UPDATE reading_items SET done = ?, status = ? WHERE id = ?`, it.Done, it.Status, id)); err != nil {
			return err
		}
		return logProgress(ctx, tx, entry)
	})
	if err != nil {
		return it, fmt.Errorf("%s reading item %d: %w", what, id, err)
	}
	return it, nil
}

// DeleteReadingItem takes item id off the list. The deletion can be undone
// with UndeleteReadingItem until the next deletion (or PurgeDeletedReading),
// which removes the earlier item for good with its progress log.
func (s *Store) DeleteReadingItem(ctx context.Context, id int64) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM reading_items WHERE deleted_at IS NOT NULL AND id <> ?`, id); err != nil {
			return err
		}
		return expectOne(tx.ExecContext(ctx, `UPDATE reading_items SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL`,
			s.now().UTC().Format("2006-01-02T15:04:05Z"), id))
	})
	if err != nil {
		return fmt.Errorf("delete reading item %d: %w", id, err)
	}
	return nil
}

// UndeleteReadingItem puts back the item deleted last, with its progress
// log; data.ErrNotFound when id is not that item.
func (s *Store) UndeleteReadingItem(ctx context.Context, id int64) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		return expectOne(tx.ExecContext(ctx, `UPDATE reading_items SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL`, id))
	})
	if err != nil {
		return fmt.Errorf("undo the deletion of reading item %d: %w", id, err)
	}
	return nil
}

// PurgeDeletedReading removes for good the items deleted earlier, so a new
// session of the app does not offer to undo a deletion from an older one.
func (s *Store) PurgeDeletedReading(ctx context.Context) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM reading_items WHERE deleted_at IS NOT NULL`)
		return err
	})
	if err != nil {
		return fmt.Errorf("purge deleted reading items: %w", err)
	}
	return nil
}

// recentProgressQuery reads the progress log from a day on, of the items
// not deleted. Written as a join, SQLite chose to read every live item's
// whole log and sort it (2 ms on ten years); EXISTS keeps the day's index
// the way in (0.1 ms).
const recentProgressQuery = `SELECT p.item_id, p.day, p.units FROM reading_progress p
	WHERE p.day >= ? AND EXISTS (SELECT 1 FROM reading_items i WHERE i.id = p.item_id AND i.deleted_at IS NULL)
	ORDER BY p.day, p.id`

// recentUnitProgressQuery is recentProgressQuery with each entry's unit,
// NULL for an item deleted: a join would lose the day's index the same way.
const recentUnitProgressQuery = `SELECT (SELECT i.unit FROM reading_items i WHERE i.id = p.item_id AND i.deleted_at IS NULL),
	p.day, p.units FROM reading_progress p WHERE p.day >= ? ORDER BY p.day, p.id`

// ReadingProgress returns the progress log of the items on the list from
// day since on, oldest first: what data.Pace needs (pass
// data.PaceLogSince(today)).
func (s *Store) ReadingProgress(ctx context.Context, since data.Date) ([]data.ProgressEntry, error) {
	rows, err := s.db.QueryContext(ctx, recentProgressQuery, since.String())
	if err != nil {
		return nil, fmt.Errorf("read reading progress: %w", classify(err))
	}
	defer rows.Close()
	out := []data.ProgressEntry{}
	for rows.Next() {
		var e data.ProgressEntry
		var day string
		if err := rows.Scan(&e.ItemID, &day, &e.Units); err != nil {
			return nil, fmt.Errorf("read reading progress: %w", classify(err))
		}
		if e.Date, err = storedDate("day", day); err != nil {
			return nil, fmt.Errorf("read reading progress of item %d: %w", e.ItemID, err)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read reading progress: %w", classify(err))
	}
	return out, nil
}

// ReadingImport is what ImportReadingItems did.
type ReadingImport struct {
	Added    []data.ReadingItem // with their new IDs
	Existing int                // items skipped because the list already had them
}

// ImportReadingItems adds items (an import preview's accepted rows) in one
// transaction: every item is validated first and one bad item adds none.
// Items whose data.ReadingItem.Key is already on the list, or repeats an
// earlier item of the same call, are skipped, so importing the same file
// twice adds nothing even if the list changed since the preview.
func (s *Store) ImportReadingItems(ctx context.Context, items []data.ReadingItem, today data.Date) (ReadingImport, error) {
	var out ReadingImport
	for i := range items {
		items[i].ApplyDefaults()
		if items[i].AddedOn.IsZero() {
			items[i].AddedOn = today
		}
		if err := items[i].Validate(); err != nil {
			return ReadingImport{}, fmt.Errorf("import reading list: item %d %q: %w", i+1, items[i].Title, err)
		}
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		out = ReadingImport{}
		have, err := readingItems(ctx, tx)
		if err != nil {
			return err
		}
		keys := data.ReadingKeys(have)
		stmt, err := tx.PrepareContext(ctx, insertReadingSQL)
		if err != nil {
			return err
		}
		defer stmt.Close()
		for _, it := range items {
			k := it.Key()
			if keys[k] {
				out.Existing++
				continue
			}
			keys[k] = true
			if it.ID, err = insertReadingItem(ctx, stmt, it); err != nil {
				return err
			}
			out.Added = append(out.Added, it)
		}
		return nil
	})
	if err != nil {
		return ReadingImport{}, fmt.Errorf("import reading list: %w", err)
	}
	return out, nil
}

// ReadingLeadDays is how many days before the first block the reading list
// should be finished: the setting, or data.DefaultReadingLeadDays.
func (s *Store) ReadingLeadDays(ctx context.Context) (int, error) {
	v, ok, err := s.Setting(ctx, KeyReadingLeadDays)
	if err != nil || !ok {
		return data.DefaultReadingLeadDays, err
	}
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || data.CheckReadingLeadDays(n) != nil {
		// A hand-edited or damaged value must not stop the app: fall back.
		return data.DefaultReadingLeadDays, nil
	}
	return n, nil
}

// SetReadingLeadDays validates and stores the reading deadline setting.
func (s *Store) SetReadingLeadDays(ctx context.Context, days int) error {
	if err := data.CheckReadingLeadDays(days); err != nil {
		return fmt.Errorf("save the reading deadline: %w", err)
	}
	return s.SetSetting(ctx, KeyReadingLeadDays, strconv.Itoa(days))
}
