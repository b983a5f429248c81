-- The study planner's inputs the user sets (data/plan): when they can study
-- each week, the days they cannot, and the reading speeds they typed in.
-- With no availability row the plan uses data/plan.DefaultAvailability of
-- the weekly goal; a speed not set here is measured or the default.

-- +goose Up
CREATE TABLE plan_availability (
    weekday   INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),  -- time.Weekday
    start_min INTEGER NOT NULL CHECK (start_min BETWEEN 0 AND 1439),
    end_min   INTEGER NOT NULL CHECK (end_min BETWEEN 1 AND 1440 AND end_min > start_min),
    PRIMARY KEY (weekday, start_min)
) STRICT, WITHOUT ROWID;

CREATE TABLE plan_days_off (
    day TEXT PRIMARY KEY CHECK (length(day) = 10)
) STRICT, WITHOUT ROWID;

CREATE TABLE plan_speeds (
    kind     TEXT NOT NULL,
    unit     TEXT NOT NULL CHECK (unit IN ('pages', 'minutes', 'percent')),
    per_hour REAL NOT NULL CHECK (per_hour >= 1 AND per_hour <= 10000),
    PRIMARY KEY (kind, unit)
) STRICT, WITHOUT ROWID;

-- +goose Down
DROP TABLE plan_speeds;
DROP TABLE plan_days_off;
DROP TABLE plan_availability;
