-- How many scores each topic has in each exam's attempts, kept by triggers
-- as scores and attempts are written. The dashboard and `masterplan status`
-- forecast from the newest attempts only (store.RecentAttempts); these
-- counts tell them when they have read enough, and which exams a topic
-- was ever scored in (a topic aims at the next exam that covers it)
-- without reading 5,000 scores (docs/performance.md).

-- +goose Up
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

-- An attempt moved to another exam moves its scores' counts with it.
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

-- The scores go before their attempt, while it still says which exam they
-- count in; the foreign key's cascade then finds none left.
-- +goose StatementBegin
CREATE TRIGGER topic_exam_scores_attempt_gone BEFORE DELETE ON attempts BEGIN
    DELETE FROM scores WHERE attempt_id = OLD.id;
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER topic_exam_scores_attempt_gone;
DROP TRIGGER topic_exam_scores_exam;
DROP TRIGGER topic_exam_scores_move;
DROP TRIGGER topic_exam_scores_take;
DROP TRIGGER topic_exam_scores_add;
DROP TABLE topic_exam_scores;
