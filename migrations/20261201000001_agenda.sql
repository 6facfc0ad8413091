-- The meeting day: the kit's agenda copied at `/agenda start`, the runner's state, and the link
-- from a meeting to the kit of the previous meeting in its series (for follow-up).

-- One row per agenda item, copied from the kit when the day starts, so a restart (or a kit file
-- edited mid-day) changes nothing. `starts_at` is the planned instant; the runner's shift
-- (delays, pauses, skips) is in agenda_runs. Breakout items carry their plan.
CREATE TABLE agenda_items (
    meeting_id      INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL CHECK (position >= 0),
    starts_at       TEXT    NOT NULL,
    minutes         INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
    kind            TEXT    NOT NULL
                            CHECK (kind IN ('plenary', 'presentation', 'breakout', 'reflection', 'evaluation', 'break')),
    title           TEXT    NOT NULL,
    plan_id         TEXT,
    plan_title      TEXT,
    plan_mode       TEXT    CHECK (plan_mode IS NULL OR plan_mode IN ('random', 'roles', 'units', 'same-unit', 'pairs', 'choose')),
    plan_size       INTEGER CHECK (plan_size IS NULL OR plan_size >= 1),
    plan_minutes    INTEGER CHECK (plan_minutes IS NULL OR plan_minutes >= 1),
    -- Question ids, comma-separated (ids cannot contain commas).
    plan_questions  TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (meeting_id, position),
    CHECK (kind = 'breakout' OR plan_id IS NULL)
);

-- The runner of a started day. `shift_seconds` moves every remaining item (delay, resume after
-- a pause, skip to the next item); `paused_at` is set while the agenda is paused.
CREATE TABLE agenda_runs (
    meeting_id      INTEGER PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
    started_at      TEXT    NOT NULL,
    shift_seconds   INTEGER NOT NULL DEFAULT 0,
    paused_at       TEXT
);

-- A meeting whose kit names a `previous` kit: the follow-up compares with the guild's latest
-- earlier meeting of that kit (plans to report on, key figures to compare).
CREATE TABLE meeting_series (
    meeting_id      INTEGER PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
    previous_kit    TEXT    NOT NULL CHECK (length(previous_kit) BETWEEN 1 AND 100)
);
