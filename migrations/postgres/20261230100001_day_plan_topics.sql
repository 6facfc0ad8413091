-- A `choose` breakout plan's topics (one room per topic), copied with the day's agenda:
-- a JSON array of strings, `[]` for numbered rooms.
ALTER TABLE agenda_items ADD COLUMN plan_topics TEXT NOT NULL DEFAULT '[]';
