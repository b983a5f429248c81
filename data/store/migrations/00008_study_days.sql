-- Study per calendar day, and per day and topic, kept by the statements
-- that write the sessions, in the same transaction: the dashboard,
-- `masterplan status` and the study screen sum a few thousand days instead
-- of reading every session ever logged (docs/performance.md). Days are
-- data.Date.DayNumber (days since 1970-01-01) in one zone, the one whose
-- data.ZoneKey study_days_zone holds; with no row there (a new file, or
-- once the user's zone changed) the totals are summed again from the
-- sessions at the next read.

-- +goose Up
CREATE TABLE study_days (
    day     INTEGER PRIMARY KEY,
    seconds INTEGER NOT NULL CHECK (seconds > 0)
) STRICT;

CREATE TABLE study_day_topics (
    day       INTEGER NOT NULL,
    topic     TEXT NOT NULL,  -- as on the sessions
    topic_key TEXT NOT NULL,  -- data.TopicKey(topic): how topics are compared
    seconds   INTEGER NOT NULL CHECK (seconds > 0),
    PRIMARY KEY (day, topic)
) STRICT, WITHOUT ROWID;

-- Per topic, in all or from a day on, read from the index alone.
CREATE INDEX study_day_topics_by_key ON study_day_topics (topic_key, day, topic, seconds);

CREATE TABLE study_days_zone (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    zone TEXT NOT NULL
) STRICT;

-- +goose Down
DROP TABLE study_days_zone;
DROP TABLE study_day_topics;
DROP TABLE study_days;
