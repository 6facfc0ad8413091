-- Unit answers (#17): a kit can collect one answer per unit per question (a service site's
-- checklist, an organisation's key figures). Any member of the unit writes or edits it; every
-- saved version is kept with who wrote it. And a kit can share the answers with everyone in
-- the meeting channel after the deadline ("what the units said").

-- `unit_answers`: 1 when the meeting collects one answer per unit instead of one per member.
-- `share_after_deadline`: 1 when "what the units said" is posted after the deadline.
ALTER TABLE meetings ADD COLUMN unit_answers INTEGER NOT NULL DEFAULT 0 CHECK (unit_answers IN (0, 1));
ALTER TABLE meetings ADD COLUMN share_after_deadline INTEGER NOT NULL DEFAULT 0 CHECK (share_after_deadline IN (0, 1));

-- A unit's current answer. `author_id` wrote the current version; NULL once that member asked
-- to be forgotten (the answer is the unit's and stays).
CREATE TABLE unit_answers (
    meeting_id  INTEGER NOT NULL,
    question_id TEXT    NOT NULL,
    unit_id     INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE,
    value       TEXT    NOT NULL CHECK (length(value) BETWEEN 1 AND 4000),
    revision    INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
    author_id   INTEGER,
    updated_at  TEXT    NOT NULL,
    PRIMARY KEY (meeting_id, question_id, unit_id),
    FOREIGN KEY (meeting_id, question_id) REFERENCES questions (meeting_id, id) ON DELETE CASCADE
);

-- Every version of a unit's answer, the current one included, with its author (NULL once
-- forgotten).
CREATE TABLE unit_answer_revisions (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL,
    question_id TEXT    NOT NULL,
    unit_id     INTEGER NOT NULL,
    revision    INTEGER NOT NULL,
    value       TEXT    NOT NULL,
    author_id   INTEGER,
    saved_at    TEXT    NOT NULL,
    FOREIGN KEY (meeting_id, question_id, unit_id)
        REFERENCES unit_answers (meeting_id, question_id, unit_id) ON DELETE CASCADE,
    UNIQUE (meeting_id, question_id, unit_id, revision)
);
