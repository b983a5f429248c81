-- Pass marks the user did not enter are assumptions: the program publishes
-- none. Every exam created by the app started at 70 %, and nothing told an
-- entered 70 from the default, so an exam at exactly 70 is marked assumed
-- (the app says so next to it; editing the mark makes it the user's).

-- +goose Up
ALTER TABLE exams ADD COLUMN pass_mark_assumed INTEGER NOT NULL DEFAULT 0 CHECK (pass_mark_assumed IN (0, 1));
UPDATE exams SET pass_mark_assumed = 1 WHERE pass_mark = 70;

-- +goose Down
ALTER TABLE exams DROP COLUMN pass_mark_assumed;
