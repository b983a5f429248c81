-- Reminders: what rings and when, each milestone's own choice, and the record
-- of deliveries. A delivery claims its occurrence keys in reminder_claims in
-- one transaction before anything is shown, so the GUI and `masterplan remind`
-- running at once never deliver the same occurrence twice.

-- +goose Up
-- AUTOINCREMENT: an ID is never reused, since occurrence keys hold it and a
-- new reminder must not find an old one's claims.
CREATE TABLE reminders (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    kind        TEXT NOT NULL CHECK (kind IN ('study', 'milestone', 'one-off', 'nudge-reading', 'nudge-study')),
    title       TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    body        TEXT NOT NULL DEFAULT '' CHECK (length(body) <= 4000),
    enabled     INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
    time_zone   TEXT NOT NULL DEFAULT '',
    rrule       TEXT NOT NULL DEFAULT '',
    day         TEXT NOT NULL DEFAULT '',
    at          TEXT NOT NULL DEFAULT '00:00:00',
    days_before INTEGER NOT NULL DEFAULT 0 CHECK (days_before BETWEEN 0 AND 365),
    -- saved_at: occurrences before the last save are not "missed", so moving
    -- a study reminder to an earlier hour today does not ring for it; the
    -- defaults below have none.
    saved_at    TEXT NOT NULL DEFAULT ''
) STRICT;
-- One milestone reminder and one of each nudge: their keys name no reminder.
CREATE UNIQUE INDEX reminders_one_per_kind ON reminders (kind)
    WHERE kind IN ('milestone', 'nudge-reading', 'nudge-study');

-- A milestone's own choice, overriding the milestone reminder's days before.
CREATE TABLE milestone_reminders (
    milestone_id INTEGER PRIMARY KEY REFERENCES milestones (id) ON DELETE CASCADE,
    off          INTEGER NOT NULL DEFAULT 0 CHECK (off IN (0, 1)),
    days_before  INTEGER NOT NULL DEFAULT 3 CHECK (days_before BETWEEN 0 AND 365)
) STRICT;

-- What was delivered: one row per notification (a catch-up stands for many
-- occurrences), listed on the Reminders screen until Done or snoozed.
CREATE TABLE reminder_notices (
    id           INTEGER PRIMARY KEY,
    reminder_id  INTEGER REFERENCES reminders (id) ON DELETE SET NULL,
    title        TEXT NOT NULL,
    body         TEXT NOT NULL DEFAULT '',
    due_at       TEXT NOT NULL,
    delivered_at TEXT NOT NULL,
    first_key    TEXT NOT NULL,
    occurrences  INTEGER NOT NULL DEFAULT 1 CHECK (occurrences >= 1),
    state        TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'snoozed', 'done')),
    snooze_until TEXT NOT NULL DEFAULT '',
    -- in_app: the desktop had no notification service; the app shows it.
    in_app       INTEGER NOT NULL DEFAULT 0 CHECK (in_app IN (0, 1)),
    CHECK ((state = 'snoozed') = (snooze_until <> ''))
) STRICT;
CREATE INDEX reminder_notices_by_state ON reminder_notices (state, snooze_until);

-- Every occurrence key ever delivered; never deleted with its notice, so a
-- cleared list does not ring again.
CREATE TABLE reminder_claims (
    key        TEXT PRIMARY KEY,
    claimed_at TEXT NOT NULL,
    claimed_by TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- The defaults: milestone reminders on for every milestone; nudges opt-in.
INSERT INTO reminders (kind, title, enabled, at, days_before) VALUES
    ('milestone', 'Milestone coming up', 1, '09:00:00', 3),
    ('nudge-reading', 'Behind on reading', 0, '18:00:00', 0),
    ('nudge-study', 'Below the study goal this week', 0, '18:00:00', 0);

-- +goose Down
DROP TABLE reminder_claims;
DROP TABLE reminder_notices;
DROP TABLE milestone_reminders;
DROP TABLE reminders;
