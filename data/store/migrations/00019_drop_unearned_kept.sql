-- Kept data that did not earn its keep (issue 15, docs/performance.md):
-- on three years of heavy use the budget read from its 300 items and
-- their rates costs no more than the kept parts and group totals of
-- 00009, 00010 and 00013 (2.7 ms of CPU against 3.6 ms), the score counts
-- of 00014 are a grouped count over a thousand scores, and the reading
-- tally of 00015 is data.TallyReading over the items the reading screen
-- reads anyway. Each figure is now computed once, in package data, from
-- the records; the study per-day totals of 00008 and 00012 stay (6x
-- faster than the sessions on the heavy profile, 60x on ten years).
-- Dropping the triggers of 00014 leaves the foreign key's cascade to take
-- an attempt's scores with it.

-- +goose Up
DROP TRIGGER budget_totals_take;
DROP TRIGGER budget_totals_add;
DROP TABLE budget_totals;
DROP TABLE budget_parts_key;
DROP TABLE budget_parts;

DROP TRIGGER topic_exam_scores_attempt_gone;
DROP TRIGGER topic_exam_scores_exam;
DROP TRIGGER topic_exam_scores_move;
DROP TRIGGER topic_exam_scores_take;
DROP TRIGGER topic_exam_scores_add;
DROP TABLE topic_exam_scores;

DROP INDEX reading_items_tally;

-- +goose Down
-- The schema of 00010, 00013, 00014 and 00015 again. The budget parts
-- come back empty and without a key, which the code of that version
-- works out again at its first read; the score counts are counted here.
CREATE TABLE budget_parts (
    item_id        INTEGER NOT NULL REFERENCES budget_items (id) ON DELETE CASCADE,
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
    forecast_e16   INTEGER NOT NULL,
    PRIMARY KEY (rotation_id, category, employer_share, reimbursement, item_id)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX budget_parts_by_item ON budget_parts (item_id);
CREATE INDEX budget_parts_missing ON budget_parts (rotation_id, missing) WHERE missing <> '';

CREATE TABLE budget_parts_key (
    id  INTEGER PRIMARY KEY CHECK (id = 1),
    key TEXT NOT NULL
) STRICT;

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

CREATE TABLE topic_exam_scores (
    topic_id INTEGER NOT NULL,
    exam_id  INTEGER NOT NULL,
    scores   INTEGER NOT NULL CHECK (scores > 0),
    PRIMARY KEY (topic_id, exam_id)
) STRICT, WITHOUT ROWID;
INSERT INTO topic_exam_scores
    SELECT s.topic_id, a.exam_id, count(*) FROM scores s JOIN attempts a ON a.id = s.attempt_id GROUP BY 1, 2;

-- +goose StatementBegin
CREATE TRIGGER topic_exam_scores_add AFTER INSERT ON scores BEGIN
    INSERT INTO topic_exam_scores SELECT NEW.topic_id, exam_id, 1 FROM attempts WHERE id = NEW.attempt_id
    ON CONFLICT DO UPDATE SET scores = scores + 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER topic_exam_scores_take AFTER DELETE ON scores BEGIN
    DELETE FROM topic_exam_scores
    WHERE topic_id = OLD.topic_id AND exam_id = (SELECT exam_id FROM attempts WHERE id = OLD.attempt_id) AND scores = 1;
    UPDATE topic_exam_scores SET scores = scores - 1
    WHERE topic_id = OLD.topic_id AND exam_id = (SELECT exam_id FROM attempts WHERE id = OLD.attempt_id);
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER topic_exam_scores_move AFTER UPDATE OF attempt_id, topic_id ON scores BEGIN
    DELETE FROM topic_exam_scores
    WHERE topic_id = OLD.topic_id AND exam_id = (SELECT exam_id FROM attempts WHERE id = OLD.attempt_id) AND scores = 1;
    UPDATE topic_exam_scores SET scores = scores - 1
    WHERE topic_id = OLD.topic_id AND exam_id = (SELECT exam_id FROM attempts WHERE id = OLD.attempt_id);
    INSERT INTO topic_exam_scores SELECT NEW.topic_id, exam_id, 1 FROM attempts WHERE id = NEW.attempt_id
    ON CONFLICT DO UPDATE SET scores = scores + 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER topic_exam_scores_exam AFTER UPDATE OF exam_id ON attempts WHEN OLD.exam_id <> NEW.exam_id BEGIN
    DELETE FROM topic_exam_scores
    WHERE exam_id = OLD.exam_id AND topic_id IN (SELECT topic_id FROM scores WHERE attempt_id = NEW.id) AND scores = 1;
    UPDATE topic_exam_scores SET scores = scores - 1
    WHERE exam_id = OLD.exam_id AND topic_id IN (SELECT topic_id FROM scores WHERE attempt_id = NEW.id);
    INSERT INTO topic_exam_scores SELECT topic_id, NEW.exam_id, 1 FROM scores WHERE attempt_id = NEW.id
    ON CONFLICT DO UPDATE SET scores = scores + 1;
END;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE TRIGGER topic_exam_scores_attempt_gone BEFORE DELETE ON attempts BEGIN
    DELETE FROM scores WHERE attempt_id = OLD.id;
END;
-- +goose StatementEnd

CREATE INDEX reading_items_tally ON reading_items (status, unit, size, done, deleted_at) WHERE deleted_at IS NULL;
