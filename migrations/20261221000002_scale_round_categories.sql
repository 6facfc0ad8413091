-- A round larger than one category (50 channels) spreads its rooms over several categories,
-- all of them kept here in order; rounds.category_id held the one category before.
CREATE TABLE round_categories (
    round_id    INTEGER NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL CHECK (position >= 1),
    category_id INTEGER NOT NULL,
    PRIMARY KEY (round_id, position)
);
INSERT INTO round_categories (round_id, position, category_id)
SELECT id, 1, category_id FROM rounds WHERE category_id IS NOT NULL;
ALTER TABLE rounds DROP COLUMN category_id;

-- Archived rooms are deleted `room_retention_days` after their round closed (their notes and
-- summaries stay); `channels_deleted_at` says it was done.
ALTER TABLE rounds ADD COLUMN channels_deleted_at TEXT;
ALTER TABLE guilds ADD COLUMN room_retention_days INTEGER NOT NULL DEFAULT 7
    CHECK (room_retention_days BETWEEN 0 AND 3650);
