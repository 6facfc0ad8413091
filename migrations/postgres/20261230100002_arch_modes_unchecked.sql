-- Grouping modes are checked where rows are read and written (`domain::grouping::Mode`, one
-- list: `Mode::ALL`), no longer by a CHECK list here, so a new mode needs no migration.
ALTER TABLE rounds DROP CONSTRAINT rounds_mode_check;
ALTER TABLE agenda_items DROP CONSTRAINT agenda_items_plan_mode_check;
