-- Presenters and the speaking timer (issue #18): the presenters of a meeting's agenda items,
-- stored when the meeting is loaded (the kit may change later; the day runs as loaded), and
-- the running timer of an item, so a restarted process resumes it where it was.
CREATE TABLE speaking_timers (
    meeting_id  INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    -- The item's 0-based position in the kit's agenda (as agenda jobs `agenda:<n>` count).
    position    INTEGER NOT NULL CHECK (position >= 0),
    -- JSON: presenters as the kit spells them, minutes to talk and for questions, days to prepare.
    plan        TEXT    NOT NULL,
    -- JSON of the running timer; NULL until the item starts.
    timer       TEXT,
    -- The timer's step, compared before a write, so two writers never both move it.
    step        INTEGER,
    -- When the timer next has something to do; NULL before it starts and once it is finished.
    wake_at     TEXT,
    PRIMARY KEY (meeting_id, position)
);
CREATE INDEX speaking_timers_wake ON speaking_timers (wake_at) WHERE wake_at IS NOT NULL;
