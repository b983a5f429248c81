-- The foundation: the user's settings, the rotation with its blocks, and the
-- milestones that lead up to it. Dates are calendar days as TEXT YYYY-MM-DD.

-- +goose Up
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE rotations (
    id         INTEGER PRIMARY KEY,
    track      TEXT NOT NULL CHECK (length(track) BETWEEN 1 AND 200),
    catalog_id TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE blocks (
    id          INTEGER PRIMARY KEY,
    rotation_id INTEGER NOT NULL REFERENCES rotations (id) ON DELETE CASCADE,
    start_date  TEXT NOT NULL,
    end_date    TEXT NOT NULL,
    location    TEXT NOT NULL CHECK (length(location) BETWEEN 1 AND 200),
    time_zone   TEXT NOT NULL,
    CHECK (end_date >= start_date)
) STRICT;
CREATE INDEX blocks_by_rotation ON blocks (rotation_id, start_date);

CREATE TABLE milestones (
    id          INTEGER PRIMARY KEY,
    rotation_id INTEGER NOT NULL REFERENCES rotations (id) ON DELETE CASCADE,
    title       TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    due_date    TEXT NOT NULL,
    done        INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
    kind        TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX milestones_by_due ON milestones (rotation_id, due_date);

-- +goose Down
DROP TABLE milestones;
DROP TABLE blocks;
DROP TABLE rotations;
DROP TABLE settings;
