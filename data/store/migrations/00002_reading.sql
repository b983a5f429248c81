-- The reading list and the log of progress that measures the reading pace.
-- Dates are calendar days as TEXT YYYY-MM-DD; '' means "no due date".

-- +goose Up
CREATE TABLE reading_items (
    id         INTEGER PRIMARY KEY,
    title      TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    author     TEXT NOT NULL DEFAULT '' CHECK (length(author) <= 200),
    kind       TEXT NOT NULL CHECK (kind IN ('book', 'whitepaper', 'documentation', 'blog post', 'video', 'lab guide')),
    topic      TEXT NOT NULL DEFAULT '' CHECK (length(topic) <= 200),
    url        TEXT NOT NULL DEFAULT '' CHECK (length(url) <= 2048),
    size       INTEGER NOT NULL DEFAULT 0 CHECK (size BETWEEN 0 AND 100000),
    unit       TEXT NOT NULL CHECK (unit IN ('pages', 'minutes', 'percent')),
    done       INTEGER NOT NULL DEFAULT 0 CHECK (done >= 0 AND (size = 0 AND done = 0 OR done <= size)),
    status     TEXT NOT NULL CHECK (status IN ('to read', 'reading', 'done', 'dropped')),
    priority   INTEGER NOT NULL DEFAULT 2 CHECK (priority BETWEEN 1 AND 3),
    due_date   TEXT NOT NULL DEFAULT '',
    notes      TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 4000),
    added_on   TEXT NOT NULL,
    -- Set when the item is deleted: the last deletion can be undone, so the
    -- row (and the study sessions that point at it) stay until the next
    -- deletion purges it.
    deleted_at TEXT
) STRICT;
CREATE INDEX reading_items_live ON reading_items (deleted_at, priority);

-- One row each time the progress of an item moves (negative when corrected
-- down): the actual pace is the sum over the last 14 days.
CREATE TABLE reading_progress (
    id      INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES reading_items (id) ON DELETE CASCADE,
    day     TEXT NOT NULL,
    units   INTEGER NOT NULL CHECK (units <> 0)
) STRICT;
CREATE INDEX reading_progress_by_day ON reading_progress (day);
CREATE INDEX reading_progress_by_item ON reading_progress (item_id);

-- +goose Down
DROP TABLE reading_progress;
DROP TABLE reading_items;
