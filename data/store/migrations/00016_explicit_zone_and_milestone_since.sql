-- remind_from: from when a milestone's reminder counts (it was added, its due
-- date moved, or its own reminder setting changed). A milestone added after
-- its lead time has passed rings once at that moment instead of never
-- (data.MilestoneOccurrences). Milestones from before this migration have
-- none and keep the plain schedule.
--
-- The same version makes the user's time zone explicit: "" meant each
-- process's own TZ, so the GUI and cron computed different occurrence keys
-- and days. SQL cannot read the zone in force, so the store writes the
-- system's IANA zone into a set-up file whose time_zone is empty right after
-- migrating (store.settleTimeZone).

-- +goose Up
ALTER TABLE milestones ADD COLUMN remind_from TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE milestones DROP COLUMN remind_from;
