-- Privacy by design: sharing in rooms is opt-in, questions can be anonymous (who answered is
-- kept apart from what was answered), organisers' reads of data are audited, and a guild can
-- have its meetings' answers deleted some days after they end (retention).

-- Sharing one's answers in breakout rooms becomes opt-in. Re-creating the column resets every
-- existing member to "not shared" and makes "not shared" the default for new members.
-- `consent_asked`: the one-time question was put to the member (at their first answer).
ALTER TABLE members DROP COLUMN share_in_rooms;
ALTER TABLE members ADD COLUMN share_in_rooms INTEGER NOT NULL DEFAULT 0 CHECK (share_in_rooms IN (0, 1));
ALTER TABLE members ADD COLUMN consent_asked INTEGER NOT NULL DEFAULT 0 CHECK (consent_asked IN (0, 1));

-- Whether a question's answers are shown with a name: `named`, `anonymous` (the unit is
-- kept), or `anonymous-no-unit` (the unit is hidden too).
ALTER TABLE questions ADD COLUMN anonymity TEXT NOT NULL DEFAULT 'named'
    CHECK (anonymity IN ('named', 'anonymous', 'anonymous-no-unit'));

-- Answers to anonymous questions. No user id: `author_key` is a keyed hash (HMAC-SHA256 under
-- the server's secret) of guild, meeting and member, so the member can edit their answer and
-- forget-me can find it, while nobody reading the database can tell whose it is. No time of
-- first answer either, which could be matched against other records.
CREATE TABLE anonymous_answers (
    meeting_id  INTEGER NOT NULL,
    question_id TEXT    NOT NULL,
    author_key  TEXT    NOT NULL CHECK (length(author_key) = 64),
    unit_id     INTEGER REFERENCES units (id) ON DELETE SET NULL,
    value       TEXT    NOT NULL CHECK (length(value) BETWEEN 1 AND 4000),
    revision    INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
    updated_at  TEXT    NOT NULL,
    PRIMARY KEY (meeting_id, question_id, author_key),
    FOREIGN KEY (meeting_id, question_id) REFERENCES questions (meeting_id, id) ON DELETE CASCADE
);

CREATE TABLE anonymous_answer_revisions (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL,
    question_id TEXT    NOT NULL,
    author_key  TEXT    NOT NULL,
    revision    INTEGER NOT NULL,
    value       TEXT    NOT NULL,
    replaced_at TEXT    NOT NULL,
    FOREIGN KEY (meeting_id, question_id, author_key)
        REFERENCES anonymous_answers (meeting_id, question_id, author_key) ON DELETE CASCADE,
    UNIQUE (meeting_id, question_id, author_key, revision)
);

-- Who answered an anonymous question (for reminders and the response rate), never what.
CREATE TABLE anonymous_respondents (
    meeting_id  INTEGER NOT NULL,
    question_id TEXT    NOT NULL,
    guild_id    INTEGER NOT NULL,
    user_id     INTEGER NOT NULL,
    PRIMARY KEY (meeting_id, question_id, user_id),
    FOREIGN KEY (meeting_id, question_id) REFERENCES questions (meeting_id, id) ON DELETE CASCADE,
    FOREIGN KEY (guild_id, user_id) REFERENCES members (guild_id, user_id) ON DELETE CASCADE
);

-- Organisers' reads and writes of the group's data: exports, digests, kit uploads. `actor_id`
-- becomes NULL when that person asks to be forgotten (the entry stays: "a removed member").
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    guild_id    INTEGER NOT NULL REFERENCES guilds (id) ON DELETE CASCADE,
    at          TEXT    NOT NULL,
    actor_id    INTEGER,
    action      TEXT    NOT NULL CHECK (action IN ('export', 'digest', 'kit-upload')),
    meeting_id  INTEGER REFERENCES meetings (id) ON DELETE SET NULL,
    detail      TEXT    NOT NULL DEFAULT '' CHECK (length(detail) <= 200)
);
CREATE INDEX audit_log_by_guild ON audit_log (guild_id, at);

-- Retention: answers, notes and summaries of meetings that ended more than `retention_days`
-- ago are deleted (NULL: kept). `ended_at` is when the meeting ended; `purged_at` when its
-- words were deleted. The key figures the series comparison needs are kept in `key_figures`.
ALTER TABLE guilds ADD COLUMN retention_days INTEGER CHECK (retention_days IS NULL OR retention_days BETWEEN 1 AND 3650);
ALTER TABLE meetings ADD COLUMN ended_at TEXT;
ALTER TABLE meetings ADD COLUMN purged_at TEXT;

-- A unit's key figure (its members' mean for a number question), saved before the answers
-- are deleted so the next meeting of the series still compares with it. The value is kept as
-- text in Rust's shortest round-trip form, so both stores (and `samrad copy`) keep it exactly.
CREATE TABLE key_figures (
    meeting_id  INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    question_id TEXT    NOT NULL,
    unit_id     INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE,
    value       TEXT    NOT NULL,
    PRIMARY KEY (meeting_id, question_id, unit_id)
);
