-- Plans with a life (issue #18): an owner who is a member, a status changed by the owner or
-- the unit's members, and every change kept. Decisions taken during a meeting day, with who
-- is responsible and by when.

-- The owner as a member (reminders go to them); NULL for plans made before owners were members.
ALTER TABLE plans ADD COLUMN owner_id INTEGER;
ALTER TABLE plans ADD COLUMN status TEXT NOT NULL DEFAULT 'not-started'
    CHECK (status IN ('not-started', 'in-progress', 'done', 'dropped'));
ALTER TABLE plans ADD COLUMN status_note TEXT CHECK (status_note IS NULL OR length(status_note) <= 300);

-- Every status change: who, when, and the meeting whose follow-up question it answered.
CREATE TABLE plan_changes (
    id          INTEGER PRIMARY KEY,
    plan_id     INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    status      TEXT    NOT NULL CHECK (status IN ('not-started', 'in-progress', 'done', 'dropped')),
    note        TEXT    CHECK (note IS NULL OR length(note) <= 300),
    changed_by  INTEGER NOT NULL,
    changed_at  TEXT    NOT NULL,
    asked_in    INTEGER REFERENCES meetings (id) ON DELETE SET NULL
);
CREATE INDEX plan_changes_by_plan ON plan_changes (plan_id);

CREATE TABLE decisions (
    id              INTEGER PRIMARY KEY,
    meeting_id      INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    text            TEXT    NOT NULL CHECK (length(trim(text)) BETWEEN 1 AND 1000),
    responsible     TEXT    NOT NULL CHECK (length(trim(responsible)) BETWEEN 1 AND 100),
    responsible_id  INTEGER,
    due             TEXT,
    created_by      INTEGER NOT NULL,
    created_at      TEXT    NOT NULL
);
CREATE INDEX decisions_by_meeting ON decisions (meeting_id);
