-- Indexes for the reads the dashboard, `masterplan status` and the screens
-- make on every refresh, measured on ten years of data (docs/performance.md).

-- +goose Up
-- The budget list's order (dated items first, by date, then the undated,
-- each in the order added): with the expression in the index the rows come
-- out sorted, instead of sorting every item on each refresh.
CREATE INDEX budget_items_in_order ON budget_items (rotation_id, start_date = '', start_date);

-- Every session's start, length and topic in start order, read from the
-- index alone: the dashboard's hours, streaks and topics need no more.
CREATE INDEX study_sessions_times ON study_sessions (start_utc, id, duration_s, topic);

-- +goose Down
DROP INDEX study_sessions_times;
DROP INDEX budget_items_in_order;
