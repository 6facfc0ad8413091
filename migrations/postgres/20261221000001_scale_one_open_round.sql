-- One open round per meeting, held by the database so two facilitators splitting at once get
-- one round and one refusal. Rounds left open side by side before this (the older ones) are
-- closed first, at their start.
UPDATE rounds SET closed_at = started_at
WHERE closed_at IS NULL
  AND id NOT IN (SELECT MAX(id) FROM rounds WHERE closed_at IS NULL GROUP BY meeting_id);

CREATE UNIQUE INDEX rounds_one_open_per_meeting ON rounds (meeting_id) WHERE closed_at IS NULL;
