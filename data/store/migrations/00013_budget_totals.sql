-- The budget totals per category, employer share and reimbursement state,
-- kept by triggers as the parts of 00009 are written and deleted (also
-- when an item's delete cascades to its part): the dashboard, `masterplan
-- status` and the budget screen read a few dozen rows instead of adding
-- up 12 columns of every part (4-5 ms on ten years, docs/performance.md).
-- The parts are worked out again at the next read, which fills the totals
-- through the triggers: adding up the old parts here could overflow where
-- the work-out falls back to summing the items.

-- +goose Up
DELETE FROM budget_parts;
DELETE FROM budget_parts_key;

CREATE TABLE budget_totals (
    rotation_id    INTEGER NOT NULL,
    category       TEXT NOT NULL,
    employer_share INTEGER NOT NULL,
    reimbursement  TEXT NOT NULL,
    items          INTEGER NOT NULL CHECK (items > 0),
    spent          INTEGER NOT NULL,
    unconverted    INTEGER NOT NULL,
    planned_units  INTEGER NOT NULL,
    planned_e8     INTEGER NOT NULL,
    planned_e16    INTEGER NOT NULL,
    actual_units   INTEGER NOT NULL,
    actual_e8      INTEGER NOT NULL,
    actual_e16     INTEGER NOT NULL,
    forecast_units INTEGER NOT NULL,
    forecast_e8    INTEGER NOT NULL,
    forecast_e16   INTEGER NOT NULL,
    PRIMARY KEY (rotation_id, category, employer_share, reimbursement)
) STRICT, WITHOUT ROWID;

-- +goose StatementBegin
CREATE TRIGGER budget_totals_add AFTER INSERT ON budget_parts BEGIN
    INSERT INTO budget_totals VALUES (NEW.rotation_id, NEW.category, NEW.employer_share, NEW.reimbursement,
        1, NEW.spent, NEW.unconverted,
        NEW.planned_units, NEW.planned_e8, NEW.planned_e16,
        NEW.actual_units, NEW.actual_e8, NEW.actual_e16,
        NEW.forecast_units, NEW.forecast_e8, NEW.forecast_e16)
    ON CONFLICT DO UPDATE SET items = items + 1, spent = spent + excluded.spent, unconverted = unconverted + excluded.unconverted,
        planned_units = planned_units + excluded.planned_units, planned_e8 = planned_e8 + excluded.planned_e8,
        planned_e16 = planned_e16 + excluded.planned_e16,
        actual_units = actual_units + excluded.actual_units, actual_e8 = actual_e8 + excluded.actual_e8,
        actual_e16 = actual_e16 + excluded.actual_e16,
        forecast_units = forecast_units + excluded.forecast_units, forecast_e8 = forecast_e8 + excluded.forecast_e8,
        forecast_e16 = forecast_e16 + excluded.forecast_e16;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER budget_totals_take AFTER DELETE ON budget_parts BEGIN
    DELETE FROM budget_totals WHERE rotation_id = OLD.rotation_id AND category = OLD.category
        AND employer_share = OLD.employer_share AND reimbursement = OLD.reimbursement AND items = 1;
    UPDATE budget_totals SET items = items - 1, spent = spent - OLD.spent, unconverted = unconverted - OLD.unconverted,
        planned_units = planned_units - OLD.planned_units, planned_e8 = planned_e8 - OLD.planned_e8,
        planned_e16 = planned_e16 - OLD.planned_e16,
        actual_units = actual_units - OLD.actual_units, actual_e8 = actual_e8 - OLD.actual_e8,
        actual_e16 = actual_e16 - OLD.actual_e16,
        forecast_units = forecast_units - OLD.forecast_units, forecast_e8 = forecast_e8 - OLD.forecast_e8,
        forecast_e16 = forecast_e16 - OLD.forecast_e16
    WHERE rotation_id = OLD.rotation_id AND category = OLD.category
        AND employer_share = OLD.employer_share AND reimbursement = OLD.reimbursement;
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER budget_totals_take;
DROP TRIGGER budget_totals_add;
DROP TABLE budget_totals;
