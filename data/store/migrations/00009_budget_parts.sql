-- Each budget item's part of the totals in the home currency (data.ItemPart),
-- kept by the statements that write the item, in the same transaction: the
-- dashboard, `masterplan status` and the budget screen add up parts in SQL
-- instead of reading and converting every item (docs/performance.md). The
-- parts hold for the home currency and rates whose hash budget_parts_key
-- holds; when those change (a rate added, the home currency changed) or the
-- key is missing, every part is worked out again at the next read.
--
-- Amounts are exact: a whole part and two parts of eight decimals each (all
-- with the amount's sign), so SQL adds integers and nothing is rounded.

-- +goose Up
CREATE TABLE budget_parts (
    item_id        INTEGER PRIMARY KEY REFERENCES budget_items (id) ON DELETE CASCADE,
    rotation_id    INTEGER NOT NULL,
    category       TEXT NOT NULL,
    employer_share INTEGER NOT NULL,
    reimbursement  TEXT NOT NULL,
    spent          INTEGER NOT NULL,
    unconverted    INTEGER NOT NULL,
    missing        TEXT NOT NULL,  -- currencies without a rate, space-separated
    planned_units  INTEGER NOT NULL,
    planned_e8     INTEGER NOT NULL,
    planned_e16    INTEGER NOT NULL,
    actual_units   INTEGER NOT NULL,
    actual_e8      INTEGER NOT NULL,
    actual_e16     INTEGER NOT NULL,
    forecast_units INTEGER NOT NULL,
    forecast_e8    INTEGER NOT NULL,
    forecast_e16   INTEGER NOT NULL
) STRICT;
CREATE INDEX budget_parts_by_rotation ON budget_parts (rotation_id);

CREATE TABLE budget_parts_key (
    id  INTEGER PRIMARY KEY CHECK (id = 1),
    key TEXT NOT NULL
) STRICT;

-- +goose Down
DROP TABLE budget_parts_key;
DROP TABLE budget_parts;
