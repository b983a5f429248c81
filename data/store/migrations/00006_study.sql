-- Study hours: the sessions studied (timed or logged by hand) and the one
-- running timer, kept so that it survives a crash or restart.

-- +goose Up
-- start_utc is the session's first instant as UTC text 2006-01-02T15:04:05Z:
-- fixed width, so text order is time order and range queries use the index.
CREATE TABLE study_sessions (
    id              INTEGER PRIMARY KEY,
    start_utc       TEXT NOT NULL CHECK (length(start_utc) = 20 AND start_utc LIKE '____-__-__T__:__:__Z'),
    duration_s      INTEGER NOT NULL CHECK (duration_s BETWEEN 1 AND 86400),
    topic           TEXT NOT NULL DEFAULT '' CHECK (length(topic) <= 200),
    reading_item_id INTEGER REFERENCES reading_items (id) ON DELETE SET NULL,
    note            TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 4000)
) STRICT;
CREATE INDEX study_sessions_by_start ON study_sessions (start_utc);
CREATE INDEX study_sessions_by_item ON study_sessions (reading_item_id) WHERE reading_item_id IS NOT NULL;

-- The open timer as JSON (data.TimerState); at most one row, none when idle.
CREATE TABLE study_timer (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    state TEXT NOT NULL CHECK (json_valid(state))
) STRICT;

-- +goose Down
DROP TABLE study_timer;
DROP TABLE study_sessions;
