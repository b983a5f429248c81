-- The live reading items in the order the reading pace groups them, with
-- the fields it adds up (deleted_at too, so that nothing is looked up in
-- the table): the dashboard and `masterplan status` count the list from
-- this index alone (readingTallyQuery) instead of reading every item's
-- fields, 2,000 rows on ten years (docs/performance.md).

-- +goose Up
CREATE INDEX reading_items_tally ON reading_items (status, unit, size, done, deleted_at) WHERE deleted_at IS NULL;

-- +goose Down
DROP INDEX reading_items_tally;
