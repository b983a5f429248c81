-- Study per topic, kept with the per-day totals of 00008 by the same
-- statements: the study screen, the dashboard and `masterplan status`
-- read twenty rows instead of grouping every day of every topic (4 ms on
-- ten years of data, docs/performance.md). A topic's name and first day
-- still come from study_day_topics, one index seek each.
-- Filled from the per-day totals, which stay valid.

-- +goose Up
CREATE TABLE study_topics (
    topic_key TEXT PRIMARY KEY,  -- data.TopicKey of the sessions' topics
    seconds   INTEGER NOT NULL CHECK (seconds > 0)
) STRICT, WITHOUT ROWID;
INSERT INTO study_topics SELECT topic_key, sum(seconds) FROM study_day_topics GROUP BY topic_key;

-- +goose Down
DROP TABLE study_topics;
