-- A round at tables in the room (`/breakout split channels:false`): the bot seats people and
-- posts a table plan, but creates no channels and moves nobody. The seating is kept as for
-- any round (rooms, room_members), so later rounds avoid repeats.
ALTER TABLE rounds ADD COLUMN in_person BOOLEAN NOT NULL DEFAULT FALSE;
