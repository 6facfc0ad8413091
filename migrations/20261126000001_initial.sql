-- samrad's initial schema (SQLite). Forward-only; later changes get their own migration.
-- Ids from the chat platform (guild, user, channel, message) are stored as INTEGER: Discord
-- snowflakes fit in 63 bits. Times are RFC 3339 UTC text.

CREATE TABLE guilds (
    id                  INTEGER PRIMARY KEY,
    name                TEXT    NOT NULL DEFAULT '',
    organiser_role      INTEGER,
    facilitator_role    INTEGER,
    plenary_channel     INTEGER,
    plenary_voice       INTEGER,
    -- Where digests (which name missing members) go; only organisers should see it.
    organiser_channel   INTEGER,
    locale              TEXT    NOT NULL DEFAULT 'en' CHECK (locale IN ('nb', 'sv', 'en')),
    -- What happens to breakout rooms at close: archive (read-only) or delete.
    close_rooms         TEXT    NOT NULL DEFAULT 'archive' CHECK (close_rooms IN ('archive', 'delete')),
    created_at          TEXT    NOT NULL
);

-- Units (faculties, municipalities, agencies) belong to the coordination group (guild), so a
-- member keeps their unit across the meetings of a series.
CREATE TABLE units (
    id          INTEGER PRIMARY KEY,
    guild_id    INTEGER NOT NULL REFERENCES guilds (id) ON DELETE CASCADE,
    name        TEXT    NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 100),
    name_key    TEXT    NOT NULL,
    UNIQUE (guild_id, name_key)
);

CREATE TABLE members (
    guild_id        INTEGER NOT NULL REFERENCES guilds (id) ON DELETE CASCADE,
    user_id         INTEGER NOT NULL,
    display_name    TEXT    NOT NULL DEFAULT '',
    unit_id         INTEGER REFERENCES units (id) ON DELETE SET NULL,
    role            TEXT    CHECK (role IS NULL OR length(trim(role)) BETWEEN 1 AND 100),
    -- Whether the member's own pre-meeting answers may be shown in their breakout room.
    share_in_rooms  INTEGER NOT NULL DEFAULT 1 CHECK (share_in_rooms IN (0, 1)),
    locale          TEXT    CHECK (locale IS NULL OR locale IN ('nb', 'sv', 'en')),
    joined_at       TEXT    NOT NULL,
    PRIMARY KEY (guild_id, user_id)
);

CREATE TABLE meetings (
    id              INTEGER PRIMARY KEY,
    guild_id        INTEGER NOT NULL REFERENCES guilds (id) ON DELETE CASCADE,
    kit_id          TEXT    NOT NULL,
    title           TEXT    NOT NULL,
    language        TEXT    NOT NULL CHECK (language IN ('nb', 'sv', 'en')),
    timezone        TEXT    NOT NULL,
    meeting_date    TEXT    NOT NULL,
    state           TEXT    NOT NULL DEFAULT 'scheduled'
                            CHECK (state IN ('scheduled', 'open', 'closed', 'ended')),
    channel_id      INTEGER,
    deadline        TEXT,
    created_at      TEXT    NOT NULL
);
CREATE INDEX meetings_by_guild ON meetings (guild_id, id);

CREATE TABLE meeting_units (
    meeting_id  INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    unit_id     INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE,
    PRIMARY KEY (meeting_id, unit_id)
);

CREATE TABLE meeting_roles (
    meeting_id  INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    name        TEXT    NOT NULL,
    PRIMARY KEY (meeting_id, position)
);

CREATE TABLE questions (
    meeting_id  INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    id          TEXT    NOT NULL CHECK (length(id) BETWEEN 1 AND 32),
    position    INTEGER NOT NULL,
    text        TEXT    NOT NULL,
    -- free | yes_no | scale:MIN:MAX | choice (options in options_json) | number
    kind        TEXT    NOT NULL,
    options_json TEXT   NOT NULL DEFAULT '[]',
    help        TEXT,
    required    INTEGER NOT NULL DEFAULT 1 CHECK (required IN (0, 1)),
    phase       TEXT    NOT NULL DEFAULT 'reflection' CHECK (phase IN ('reflection', 'evaluation')),
    PRIMARY KEY (meeting_id, id)
);

-- The current answer; every earlier version is kept in answer_revisions.
CREATE TABLE answers (
    meeting_id  INTEGER NOT NULL,
    question_id TEXT    NOT NULL,
    guild_id    INTEGER NOT NULL,
    user_id     INTEGER NOT NULL,
    unit_id     INTEGER REFERENCES units (id) ON DELETE SET NULL,
    value       TEXT    NOT NULL CHECK (length(value) BETWEEN 1 AND 4000),
    revision    INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
    answered_at TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    PRIMARY KEY (meeting_id, question_id, user_id),
    FOREIGN KEY (meeting_id, question_id) REFERENCES questions (meeting_id, id) ON DELETE CASCADE,
    FOREIGN KEY (guild_id, user_id) REFERENCES members (guild_id, user_id) ON DELETE CASCADE
);
CREATE INDEX answers_by_user ON answers (guild_id, user_id);

CREATE TABLE answer_revisions (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL,
    question_id TEXT    NOT NULL,
    user_id     INTEGER NOT NULL,
    revision    INTEGER NOT NULL,
    value       TEXT    NOT NULL,
    replaced_at TEXT    NOT NULL,
    FOREIGN KEY (meeting_id, question_id, user_id)
        REFERENCES answers (meeting_id, question_id, user_id) ON DELETE CASCADE,
    UNIQUE (meeting_id, question_id, user_id, revision)
);

-- Scheduled work (open answering, reminders, deadline, digest, agenda items, room timers).
-- `key` makes scheduling idempotent: loading the same schedule twice adds nothing.
CREATE TABLE schedules (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    key         TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    due_at      TEXT    NOT NULL,
    state       TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'failed', 'cancelled')),
    attempts    INTEGER NOT NULL DEFAULT 0,
    last_error  TEXT,
    done_at     TEXT,
    UNIQUE (meeting_id, key)
);
CREATE INDEX schedules_due ON schedules (state, due_at);

-- Every message samrad sends for scheduled or bulk work, keyed so that a retry or a restart
-- finds it instead of posting again. `message_id` is NULL while a send is in flight.
CREATE TABLE posts (
    key         TEXT    PRIMARY KEY,
    channel_id  INTEGER,
    message_id  INTEGER,
    created_at  TEXT    NOT NULL,
    sent_at     TEXT
);

CREATE TABLE rounds (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    number      INTEGER NOT NULL,
    mode        TEXT    NOT NULL CHECK (mode IN ('random', 'roles', 'units', 'same-unit', 'pairs', 'choose')),
    plan_id     TEXT,
    category_id INTEGER,
    started_at  TEXT    NOT NULL,
    ends_at     TEXT    NOT NULL,
    closed_at   TEXT,
    warned      INTEGER NOT NULL DEFAULT 0 CHECK (warned IN (0, 1)),
    UNIQUE (meeting_id, number)
);

CREATE TABLE rooms (
    id              INTEGER PRIMARY KEY,
    round_id        INTEGER NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
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
CREATE INDEX rooms_by_text_channel ON rooms (text_channel);

CREATE TABLE room_members (
    room_id     INTEGER NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL,
    PRIMARY KEY (room_id, user_id)
);

CREATE TABLE notes (
    id          INTEGER PRIMARY KEY,
    room_id     INTEGER NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL,
    text        TEXT    NOT NULL CHECK (length(trim(text)) BETWEEN 1 AND 4000),
    created_at  TEXT    NOT NULL
);

-- A unit's take-home plan: what it will do after the meeting.
CREATE TABLE plans (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    unit_id     INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE,
    action      TEXT    NOT NULL CHECK (length(trim(action)) BETWEEN 1 AND 1000),
    owner       TEXT    NOT NULL CHECK (length(trim(owner)) BETWEEN 1 AND 100),
    due         TEXT,
    created_by  INTEGER NOT NULL,
    created_at  TEXT    NOT NULL
);
