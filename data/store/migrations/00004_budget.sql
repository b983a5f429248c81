-- The travel budget: the items of the rotation's costs and the exchange
-- rates the user types in. Money is never a float: amounts are TEXT decimals
-- beside their ISO 4217 code; '' means "not known yet" (no actual spend, no
-- date). Dates are calendar days as TEXT YYYY-MM-DD.

-- +goose Up
CREATE TABLE budget_items (
    id                   INTEGER PRIMARY KEY,
    rotation_id          INTEGER NOT NULL REFERENCES rotations (id) ON DELETE CASCADE,
    category             TEXT NOT NULL CHECK (category IN ('program_fee', 'application_fee', 'flights', 'hotel',
                             'meals', 'ground_transport', 'visa_insurance', 'materials', 'other')),
    description          TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 200),
    start_date           TEXT NOT NULL DEFAULT '',
    end_date             TEXT NOT NULL DEFAULT '',
    planned_amount       TEXT NOT NULL CHECK (planned_amount <> ''),
    planned_currency     TEXT NOT NULL CHECK (length(planned_currency) = 3),
    actual_amount        TEXT NOT NULL DEFAULT '',
    actual_currency      TEXT NOT NULL DEFAULT '' CHECK (actual_currency = '' OR length(actual_currency) = 3),
    actual_home_amount   TEXT NOT NULL DEFAULT '',
    actual_home_currency TEXT NOT NULL DEFAULT '' CHECK (actual_home_currency = '' OR length(actual_home_currency) = 3),
    paid_by              TEXT NOT NULL CHECK (paid_by IN ('me', 'employer', 'split')),
    employer_percent     INTEGER NOT NULL DEFAULT 0 CHECK (employer_percent BETWEEN 0 AND 100),
    reimbursement        TEXT NOT NULL DEFAULT 'not_claimed' CHECK (reimbursement IN ('not_claimed', 'claimed', 'reimbursed')),
    reimbursement_date   TEXT NOT NULL DEFAULT '',
    refund               INTEGER NOT NULL DEFAULT 0 CHECK (refund IN (0, 1)),
    CHECK (end_date = '' OR (start_date <> '' AND end_date >= start_date)),
    CHECK ((actual_amount = '') = (actual_currency = ''))
) STRICT;
CREATE INDEX budget_items_by_date ON budget_items (rotation_id, start_date, id);

-- A rate converts one unit of currency into home as of a day; rates keep
-- the home currency they were typed for, so changing the home currency
-- makes them "missing" instead of silently converting into the wrong unit.
CREATE TABLE exchange_rates (
    id       INTEGER PRIMARY KEY,
    home     TEXT NOT NULL CHECK (length(home) = 3),
    currency TEXT NOT NULL CHECK (length(currency) = 3 AND currency <> home),
    to_home  TEXT NOT NULL CHECK (to_home <> ''),
    as_of    TEXT NOT NULL CHECK (length(as_of) = 10),
    UNIQUE (home, currency, as_of)
) STRICT;

-- +goose Down
DROP TABLE exchange_rates;
DROP TABLE budget_items;
