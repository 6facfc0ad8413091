-- Grouping modes are checked where rows are read and written (`domain::grouping::Mode`, one
-- list: `Mode::ALL`; an unknown mode read back is `StoreError::Corrupt`), no longer by CHECK
-- lists on `rounds.mode` and `agenda_items.plan_mode`, so a new mode needs no migration.
--
-- SQLite cannot drop a CHECK, so both tables are rebuilt. sqlx runs a SQLite migration inside a
-- transaction, where `PRAGMA foreign_keys = OFF` does nothing, and dropping `rounds` with
-- foreign keys on would delete every room, seat, note and category through ON DELETE CASCADE.
-- So the tables under `rounds` (rooms, room_members, notes, round_categories) are rebuilt with
-- it, as `20261222000001_kits_during_questions.sql` did for `questions`: each new table refers
-- to the new ones, the old ones are dropped leaves first (nothing refers to them any more, so
-- nothing cascades), and the renames turn the `_new` references back into the usual names.
-- Every row is copied as it was, ids included.

CREATE TABLE rounds_new (
    id                  INTEGER PRIMARY KEY,
    meeting_id          INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    number              INTEGER NOT NULL,
    mode                TEXT    NOT NULL,
    plan_id             TEXT,
    started_at          TEXT    NOT NULL,
    ends_at             TEXT    NOT NULL,
    closed_at           TEXT,
    warned              INTEGER NOT NULL DEFAULT 0 CHECK (warned IN (0, 1)),
    channels_deleted_at TEXT,
    in_person           INTEGER NOT NULL DEFAULT 0 CHECK (in_person IN (0, 1)),
    UNIQUE (meeting_id, number)
);
INSERT INTO rounds_new
    (id, meeting_id, number, mode, plan_id, started_at, ends_at, closed_at, warned, channels_deleted_at, in_person)
SELECT id, meeting_id, number, mode, plan_id, started_at, ends_at, closed_at, warned, channels_deleted_at, in_person
FROM rounds;

CREATE TABLE rooms_new (
    id              INTEGER PRIMARY KEY,
    round_id        INTEGER NOT NULL REFERENCES rounds_new (id) ON DELETE CASCADE,
    number          INTEGER NOT NULL,
    name            TEXT    NOT NULL,
    label           TEXT,
    cap             INTEGER,
    text_channel    INTEGER,
    voice_channel   INTEGER,
    summary         TEXT,
    summary_by      INTEGER,
    UNIQUE (round_id, number)
);
INSERT INTO rooms_new (id, round_id, number, name, label, cap, text_channel, voice_channel, summary, summary_by)
SELECT id, round_id, number, name, label, cap, text_channel, voice_channel, summary, summary_by FROM rooms;

CREATE TABLE room_members_new (
    room_id     INTEGER NOT NULL REFERENCES rooms_new (id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL,
    PRIMARY KEY (room_id, user_id)
);
INSERT INTO room_members_new (room_id, user_id) SELECT room_id, user_id FROM room_members;

CREATE TABLE notes_new (
    id          INTEGER PRIMARY KEY,
    room_id     INTEGER NOT NULL REFERENCES rooms_new (id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL,
    text        TEXT    NOT NULL CHECK (length(trim(text)) BETWEEN 1 AND 4000),
    created_at  TEXT    NOT NULL
);
INSERT INTO notes_new (id, room_id, user_id, text, created_at) SELECT id, room_id, user_id, text, created_at FROM notes;

CREATE TABLE round_categories_new (
    round_id    INTEGER NOT NULL REFERENCES rounds_new (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL CHECK (position >= 1),
    category_id INTEGER NOT NULL,
    PRIMARY KEY (round_id, position)
);
INSERT INTO round_categories_new (round_id, position, category_id)
SELECT round_id, position, category_id FROM round_categories;

DROP TABLE notes;
DROP TABLE room_members;
DROP TABLE round_categories;
DROP TABLE rooms;
DROP TABLE rounds;
ALTER TABLE rounds_new RENAME TO rounds;
ALTER TABLE rooms_new RENAME TO rooms;
ALTER TABLE room_members_new RENAME TO room_members;
ALTER TABLE notes_new RENAME TO notes;
ALTER TABLE round_categories_new RENAME TO round_categories;
CREATE UNIQUE INDEX rounds_one_open_per_meeting ON rounds (meeting_id) WHERE closed_at IS NULL;
CREATE INDEX rooms_by_text_channel ON rooms (text_channel);

-- Nothing refers to `agenda_items`: a plain rebuild.
CREATE TABLE agenda_items_new (
    meeting_id      INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL CHECK (position >= 0),
    starts_at       TEXT    NOT NULL,
    minutes         INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
    kind            TEXT    NOT NULL
                            CHECK (kind IN ('plenary', 'presentation', 'breakout', 'reflection', 'evaluation', 'break')),
    title           TEXT    NOT NULL,
    plan_id         TEXT,
    plan_title      TEXT,
    plan_mode       TEXT,
    plan_size       INTEGER CHECK (plan_size IS NULL OR plan_size >= 1),
    plan_minutes    INTEGER CHECK (plan_minutes IS NULL OR plan_minutes >= 1),
    -- Question ids, comma-separated (ids cannot contain commas).
    plan_questions  TEXT    NOT NULL DEFAULT '',
    ask_questions   TEXT    NOT NULL DEFAULT '',
    plan_topics     TEXT    NOT NULL DEFAULT '[]',
    PRIMARY KEY (meeting_id, position),
    CHECK (kind = 'breakout' OR plan_id IS NULL)
);
INSERT INTO agenda_items_new
    (meeting_id, position, starts_at, minutes, kind, title, plan_id, plan_title, plan_mode, plan_size,
     plan_minutes, plan_questions, ask_questions, plan_topics)
SELECT meeting_id, position, starts_at, minutes, kind, title, plan_id, plan_title, plan_mode, plan_size,
       plan_minutes, plan_questions, ask_questions, plan_topics
FROM agenda_items;
DROP TABLE agenda_items;
ALTER TABLE agenda_items_new RENAME TO agenda_items;
