-- The audit log also records the retention job's deletions (action 'retention', no actor).
-- SQLite cannot alter a CHECK: the table is rebuilt with its rows (nothing references it).
CREATE TABLE audit_log_new (
    id          INTEGER PRIMARY KEY,
    guild_id    INTEGER NOT NULL REFERENCES guilds (id) ON DELETE CASCADE,
    at          TEXT    NOT NULL,
    actor_id    INTEGER,
    action      TEXT    NOT NULL CHECK (action IN ('export', 'digest', 'kit-upload', 'retention')),
    meeting_id  INTEGER REFERENCES meetings (id) ON DELETE SET NULL,
    detail      TEXT    NOT NULL DEFAULT '' CHECK (length(detail) <= 200)
);
INSERT INTO audit_log_new (id, guild_id, at, actor_id, action, meeting_id, detail)
    SELECT id, guild_id, at, actor_id, action, meeting_id, detail FROM audit_log;
DROP TABLE audit_log;
ALTER TABLE audit_log_new RENAME TO audit_log;
CREATE INDEX audit_log_by_guild ON audit_log (guild_id, at);
