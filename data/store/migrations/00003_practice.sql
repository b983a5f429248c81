-- Practice tests: the exams of the rotation, the topics (exam domains) they
-- cover, and the practice attempts scored per topic. Dates are calendar days
-- as TEXT YYYY-MM-DD ('' when not known). Names are unique per rotation as
-- data.NameKey compares them (name_key), so imports and forms match alike.

-- +goose Up
CREATE TABLE exams (
    id          INTEGER PRIMARY KEY,
    rotation_id INTEGER NOT NULL REFERENCES rotations (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL DEFAULT 0,
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    name_key    TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('written', 'lab')),
    pass_mark   REAL NOT NULL CHECK (pass_mark > 0 AND pass_mark <= 100),
    exam_date   TEXT NOT NULL DEFAULT '',
    result      TEXT NOT NULL DEFAULT '' CHECK (result IN ('', 'passed', 'failed')),
    result_date TEXT NOT NULL DEFAULT '',
    CHECK ((result = '') = (result_date = '')),
    UNIQUE (rotation_id, name_key)
) STRICT;

CREATE TABLE topics (
    id          INTEGER PRIMARY KEY,
    rotation_id INTEGER NOT NULL REFERENCES rotations (id) ON DELETE CASCADE,
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    name_key    TEXT NOT NULL,
    UNIQUE (rotation_id, name_key)
) STRICT;

-- Which exams cover a topic (many to many: the lab exam covers what the
-- written exams do).
CREATE TABLE topic_exams (
    topic_id INTEGER NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
    exam_id  INTEGER NOT NULL REFERENCES exams (id) ON DELETE CASCADE,
    PRIMARY KEY (topic_id, exam_id)
) STRICT;
CREATE INDEX topic_exams_by_exam ON topic_exams (exam_id);

-- An exam with attempts cannot be deleted (RESTRICT): its history would go
-- with it. The same day, exam and source is the same attempt entered twice.
CREATE TABLE attempts (
    id           INTEGER PRIMARY KEY,
    exam_id      INTEGER NOT NULL REFERENCES exams (id) ON DELETE RESTRICT,
    attempt_date TEXT NOT NULL CHECK (length(attempt_date) = 10),
    source       TEXT NOT NULL DEFAULT '' CHECK (length(source) <= 200),
    source_key   TEXT NOT NULL DEFAULT '',
    duration_s   INTEGER NOT NULL DEFAULT 0 CHECK (duration_s BETWEEN 0 AND 86400),
    notes        TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 4000),
    UNIQUE (exam_id, attempt_date, source_key)
) STRICT;
CREATE INDEX attempts_by_date ON attempts (attempt_date, id);

-- One topic's score in one attempt: correct of total, or a percentage only.
-- A topic with scores cannot be deleted (RESTRICT); merge it instead.
CREATE TABLE scores (
    attempt_id INTEGER NOT NULL REFERENCES attempts (id) ON DELETE CASCADE,
    topic_id   INTEGER NOT NULL REFERENCES topics (id) ON DELETE RESTRICT,
    position   INTEGER NOT NULL DEFAULT 0,
    correct    INTEGER NOT NULL DEFAULT 0,
    total      INTEGER NOT NULL DEFAULT 0,
    percent    REAL,
    PRIMARY KEY (attempt_id, topic_id),
    CHECK ((percent IS NULL AND total BETWEEN 1 AND 1000 AND correct BETWEEN 0 AND total)
        OR (percent IS NOT NULL AND correct = 0 AND total = 0 AND percent BETWEEN 0 AND 100))
) STRICT;
CREATE INDEX scores_by_topic ON scores (topic_id);

-- +goose Down
DROP TABLE scores;
DROP TABLE attempts;
DROP TABLE topic_exams;
DROP TABLE topics;
DROP TABLE exams;
