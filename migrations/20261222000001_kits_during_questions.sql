-- Questions asked on the meeting day (`phase = "during"` in a kit): the phase CHECK of
-- `questions` widens, and an agenda item remembers which of them it posts (`ask_questions`).
--
-- SQLite cannot alter a CHECK, so `questions` is rebuilt. sqlx runs a SQLite migration inside
-- a transaction, where `PRAGMA foreign_keys = OFF` does nothing, and dropping the old table
-- with foreign keys on would delete every answer through ON DELETE CASCADE. So the tables that
-- reference `questions` (answers, anonymous answers and respondents, unit answers, and the
-- revisions that reference those) are rebuilt with it: each new table refers to the new ones, the old ones
-- are dropped leaves first (nothing refers to them any more, so nothing cascades), and the
-- renames turn the `_new` references back into the usual names.

CREATE TABLE questions_new (
    meeting_id  INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    id          TEXT    NOT NULL CHECK (length(id) BETWEEN 1 AND 32),
    position    INTEGER NOT NULL,
    text        TEXT    NOT NULL,
    -- free | yes_no | scale:MIN:MAX | choice (options in options_json) | number
    kind        TEXT    NOT NULL,
    options_json TEXT   NOT NULL DEFAULT '[]',
    help        TEXT,
    required    INTEGER NOT NULL DEFAULT 1 CHECK (required IN (0, 1)),
    phase       TEXT    NOT NULL DEFAULT 'reflection' CHECK (phase IN ('reflection', 'evaluation', 'during')),
    anonymity   TEXT    NOT NULL DEFAULT 'named' CHECK (anonymity IN ('named', 'anonymous', 'anonymous-no-unit')),
    PRIMARY KEY (meeting_id, id)
);
INSERT INTO questions_new (meeting_id, id, position, text, kind, options_json, help, required, phase, anonymity)
    SELECT meeting_id, id, position, text, kind, options_json, help, required, phase, anonymity FROM questions;

CREATE TABLE answers_new (
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
    FOREIGN KEY (meeting_id, question_id) REFERENCES questions_new (meeting_id, id) ON DELETE CASCADE,
    FOREIGN KEY (guild_id, user_id) REFERENCES members (guild_id, user_id) ON DELETE CASCADE
);
INSERT INTO answers_new (meeting_id, question_id, guild_id, user_id, unit_id, value, revision, answered_at, updated_at)
    SELECT meeting_id, question_id, guild_id, user_id, unit_id, value, revision, answered_at, updated_at FROM answers;

CREATE TABLE answer_revisions_new (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL,
    question_id TEXT    NOT NULL,
    user_id     INTEGER NOT NULL,
    revision    INTEGER NOT NULL,
    value       TEXT    NOT NULL,
    replaced_at TEXT    NOT NULL,
    FOREIGN KEY (meeting_id, question_id, user_id)
        REFERENCES answers_new (meeting_id, question_id, user_id) ON DELETE CASCADE,
    UNIQUE (meeting_id, question_id, user_id, revision)
);
INSERT INTO answer_revisions_new (id, meeting_id, question_id, user_id, revision, value, replaced_at)
    SELECT id, meeting_id, question_id, user_id, revision, value, replaced_at FROM answer_revisions;

CREATE TABLE anonymous_answers_new (
    meeting_id  INTEGER NOT NULL,
    question_id TEXT    NOT NULL,
    author_key  TEXT    NOT NULL CHECK (length(author_key) = 64),
    unit_id     INTEGER REFERENCES units (id) ON DELETE SET NULL,
    value       TEXT    NOT NULL CHECK (length(value) BETWEEN 1 AND 4000),
    revision    INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
    updated_at  TEXT    NOT NULL,
    PRIMARY KEY (meeting_id, question_id, author_key),
    FOREIGN KEY (meeting_id, question_id) REFERENCES questions_new (meeting_id, id) ON DELETE CASCADE
);
INSERT INTO anonymous_answers_new (meeting_id, question_id, author_key, unit_id, value, revision, updated_at)
    SELECT meeting_id, question_id, author_key, unit_id, value, revision, updated_at FROM anonymous_answers;

CREATE TABLE anonymous_answer_revisions_new (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL,
    question_id TEXT    NOT NULL,
    author_key  TEXT    NOT NULL,
    revision    INTEGER NOT NULL,
    value       TEXT    NOT NULL,
    replaced_at TEXT    NOT NULL,
    FOREIGN KEY (meeting_id, question_id, author_key)
        REFERENCES anonymous_answers_new (meeting_id, question_id, author_key) ON DELETE CASCADE,
    UNIQUE (meeting_id, question_id, author_key, revision)
);
INSERT INTO anonymous_answer_revisions_new (id, meeting_id, question_id, author_key, revision, value, replaced_at)
    SELECT id, meeting_id, question_id, author_key, revision, value, replaced_at FROM anonymous_answer_revisions;

CREATE TABLE anonymous_respondents_new (
    meeting_id  INTEGER NOT NULL,
    question_id TEXT    NOT NULL,
    guild_id    INTEGER NOT NULL,
    user_id     INTEGER NOT NULL,
    PRIMARY KEY (meeting_id, question_id, user_id),
    FOREIGN KEY (meeting_id, question_id) REFERENCES questions_new (meeting_id, id) ON DELETE CASCADE,
    FOREIGN KEY (guild_id, user_id) REFERENCES members (guild_id, user_id) ON DELETE CASCADE
);
INSERT INTO anonymous_respondents_new (meeting_id, question_id, guild_id, user_id)
    SELECT meeting_id, question_id, guild_id, user_id FROM anonymous_respondents;

CREATE TABLE unit_answers_new (
    meeting_id  INTEGER NOT NULL,
    question_id TEXT    NOT NULL,
    unit_id     INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE,
    value       TEXT    NOT NULL CHECK (length(value) BETWEEN 1 AND 4000),
    revision    INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
    author_id   INTEGER,
    updated_at  TEXT    NOT NULL,
    PRIMARY KEY (meeting_id, question_id, unit_id),
    FOREIGN KEY (meeting_id, question_id) REFERENCES questions_new (meeting_id, id) ON DELETE CASCADE
);
INSERT INTO unit_answers_new (meeting_id, question_id, unit_id, value, revision, author_id, updated_at)
    SELECT meeting_id, question_id, unit_id, value, revision, author_id, updated_at FROM unit_answers;

CREATE TABLE unit_answer_revisions_new (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL,
    question_id TEXT    NOT NULL,
    unit_id     INTEGER NOT NULL,
    revision    INTEGER NOT NULL,
    value       TEXT    NOT NULL,
    author_id   INTEGER,
    saved_at    TEXT    NOT NULL,
    FOREIGN KEY (meeting_id, question_id, unit_id)
        REFERENCES unit_answers_new (meeting_id, question_id, unit_id) ON DELETE CASCADE,
    UNIQUE (meeting_id, question_id, unit_id, revision)
);
INSERT INTO unit_answer_revisions_new (id, meeting_id, question_id, unit_id, revision, value, author_id, saved_at)
    SELECT id, meeting_id, question_id, unit_id, revision, value, author_id, saved_at FROM unit_answer_revisions;

-- Leaves first: when a table is dropped, nothing refers to it any more.
DROP TABLE answer_revisions;
DROP TABLE anonymous_answer_revisions;
DROP TABLE unit_answer_revisions;
DROP TABLE answers;
DROP TABLE anonymous_answers;
DROP TABLE anonymous_respondents;
DROP TABLE unit_answers;
DROP TABLE questions;

ALTER TABLE questions_new RENAME TO questions;
ALTER TABLE answers_new RENAME TO answers;
ALTER TABLE answer_revisions_new RENAME TO answer_revisions;
ALTER TABLE anonymous_answers_new RENAME TO anonymous_answers;
ALTER TABLE anonymous_answer_revisions_new RENAME TO anonymous_answer_revisions;
ALTER TABLE anonymous_respondents_new RENAME TO anonymous_respondents;
ALTER TABLE unit_answers_new RENAME TO unit_answers;
ALTER TABLE unit_answer_revisions_new RENAME TO unit_answer_revisions;
CREATE INDEX answers_by_user ON answers (guild_id, user_id);

-- Question ids, comma-separated, as `plan_questions`.
ALTER TABLE agenda_items ADD COLUMN ask_questions TEXT NOT NULL DEFAULT '';
