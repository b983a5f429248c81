-- The plan's speeds (store.planSpeeds, speedPairsQuery) pair each study
-- session linked to a reading item with that item's progress within a day
-- of the session. Through the old indexes each of the linked sessions (a
-- quarter of them on ten years) and each progress row was also looked up
-- in its table for its start, duration and day; these two indexes hold
-- what the query reads, so it never leaves them. Each replaces the index
-- it extends (same leading column, same partial condition), so a write
-- keeps as many indexes as before.

-- +goose Up
CREATE INDEX study_sessions_by_item_times ON study_sessions (reading_item_id, start_utc, duration_s)
    WHERE reading_item_id IS NOT NULL;
DROP INDEX study_sessions_by_item;
CREATE INDEX reading_progress_by_item_day ON reading_progress (item_id, day, units);
DROP INDEX reading_progress_by_item;

-- +goose Down
CREATE INDEX reading_progress_by_item ON reading_progress (item_id);
DROP INDEX reading_progress_by_item_day;
CREATE INDEX study_sessions_by_item ON study_sessions (reading_item_id) WHERE reading_item_id IS NOT NULL;
DROP INDEX study_sessions_by_item_times;
