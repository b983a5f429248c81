-- One topic list (issue 17). Practice topics live in `topics`; reading
-- items and study sessions name their topic as text, compared with
-- data.TopicKey everywhere (the kept study totals are keyed by it), and the
-- one list is the store's TopicChoices over all three. This migration
-- maps today's data onto that list:
--   * exact names join: a reading or study topic spelled as a practice
--     topic up to case and spacing (the topic's name_key) takes the
--     practice topic's spelling, so the list offers it once and its hours
--     count next to its scores; the per-day study totals of 00008 are
--     regrouped under that spelling (topic_key, and so study_topics of
--     00012, is unchanged: the same name_key means the same TopicKey).
--   * the rest stay as they are: a study topic only similar to a practice
--     topic ("Backup/restore", "Backup & restore") is offered for merging
--     on the Practice screen, and the user's answer "no" is remembered in
--     topic_merge_dismissed.
-- name_key is NameKey (case, runs of white space); SQLite's lower() folds
-- ASCII only, so a non-ASCII name that differs from a practice topic in
-- case alone is not joined here and is offered for merging instead.
-- Down drops the remembered answers and keeps the joined spellings: they
-- name the same topics (same TopicKey), so nothing is lost either way.

-- +goose Up
CREATE TABLE topic_merge_dismissed (
    topic_id  INTEGER NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
    other_key TEXT NOT NULL,  -- data.TopicKey of the study topic not to offer again
    PRIMARY KEY (topic_id, other_key)
) STRICT, WITHOUT ROWID;

-- The practice spelling of each name_key (the newest rotation's first).
CREATE TEMP TABLE topic_join_spelling AS
    SELECT name_key, name FROM topics t
    WHERE id = (SELECT id FROM topics u WHERE u.name_key = t.name_key ORDER BY rotation_id DESC, id LIMIT 1);

-- name_key of a free-text topic: tabs and line breaks as spaces, runs of
-- spaces as one (nested, for runs of up to 32), trimmed, lower-cased.
CREATE TEMP VIEW topic_join_text AS
    SELECT 'reading' AS src, id, topic FROM reading_items WHERE topic <> ''
    UNION ALL SELECT 'study', id, topic FROM study_sessions WHERE topic <> '';
CREATE TEMP TABLE topic_join_map AS
    SELECT src, id, topic, s.name AS joined FROM (
        SELECT src, id, topic, lower(trim(
            replace(replace(replace(replace(replace(
                replace(replace(replace(topic, char(9), ' '), char(10), ' '), char(13), ' '),
                '  ', ' '), '  ', ' '), '  ', ' '), '  ', ' '), '  ', ' '))) AS k
        FROM topic_join_text) x
    JOIN topic_join_spelling s ON s.name_key = x.k
    WHERE x.topic <> s.name;

UPDATE reading_items SET topic = (SELECT joined FROM topic_join_map m WHERE m.src = 'reading' AND m.id = reading_items.id)
    WHERE id IN (SELECT id FROM topic_join_map WHERE src = 'reading');
UPDATE study_sessions SET topic = (SELECT joined FROM topic_join_map m WHERE m.src = 'study' AND m.id = study_sessions.id)
    WHERE id IN (SELECT id FROM topic_join_map WHERE src = 'study');

-- The kept per-day totals follow their sessions' new spelling.
CREATE TEMP TABLE topic_join_days AS
    SELECT d.day, coalesce(m.joined, d.topic) AS topic, max(d.topic_key) AS topic_key, sum(d.seconds) AS seconds
    FROM study_day_topics d
    LEFT JOIN (SELECT DISTINCT topic, joined FROM topic_join_map WHERE src = 'study') m ON m.topic = d.topic
    GROUP BY 1, 2;
DELETE FROM study_day_topics;
INSERT INTO study_day_topics (day, topic, topic_key, seconds) SELECT day, topic, topic_key, seconds FROM topic_join_days;

DROP TABLE topic_join_days;
DROP TABLE topic_join_map;
DROP VIEW topic_join_text;
DROP TABLE topic_join_spelling;

-- +goose Down
DROP TABLE topic_merge_dismissed;
