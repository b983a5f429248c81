-- The budget totals group the parts by category, employer share and
-- reimbursement state. Stored in that order (WITHOUT ROWID, the group
-- first in the key), SQLite adds them up in one pass instead of sorting
-- every part into a temporary tree first: 12 ms became 4 ms on ten years
-- of data (docs/performance.md). The currencies without a rate get a
-- partial index, so finding them reads only the parts that have one.
-- The rows are copied as they are: they and their key stay valid.

-- +goose Up
CREATE TABLE budget_parts_grouped (
    item_id        INTEGER NOT NULL REFERENCES budget_items (id) ON DELETE CASCADE,
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
    forecast_e16   INTEGER NOT NULL,
    PRIMARY KEY (rotation_id, category, employer_share, reimbursement, item_id)
) STRICT, WITHOUT ROWID;
INSERT INTO budget_parts_grouped SELECT * FROM budget_parts;
DROP TABLE budget_parts;
ALTER TABLE budget_parts_grouped RENAME TO budget_parts;
-- One part per item (INSERT OR REPLACE relies on it), and the cascade
-- from a deleted item finds its part through it.
CREATE UNIQUE INDEX budget_parts_by_item ON budget_parts (item_id);
CREATE INDEX budget_parts_missing ON budget_parts (rotation_id, missing) WHERE missing <> '';

-- +goose Down
CREATE TABLE budget_parts_by_rowid (
    item_id        INTEGER PRIMARY KEY REFERENCES budget_items (id) ON DELETE CASCADE,
    rotation_id    INTEGER NOT NULL,
    category       TEXT NOT NULL,
    employer_share INTEGER NOT NULL,
    reimbursement  TEXT NOT NULL,
    spent          INTEGER NOT NULL,
    unconverted    INTEGER NOT NULL,
    missing        TEXT NOT NULL,
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
INSERT INTO budget_parts_by_rowid SELECT * FROM budget_parts;
DROP TABLE budget_parts;
ALTER TABLE budget_parts_by_rowid RENAME TO budget_parts;
CREATE INDEX budget_parts_by_rotation ON budget_parts (rotation_id);
