-- Kits organisers upload from Discord (`/kit upload`), per guild, and the kit each meeting was
-- loaded from.

-- Every uploaded version of a guild's kits is kept: uploading a kit whose id exists adds the
-- next version; the newest version is the kit. `/kit delete` removes all versions of an id.
-- `uploaded_by` is NULL once the uploader asked to be forgotten.
CREATE TABLE guild_kits (
    guild_id    INTEGER NOT NULL REFERENCES guilds (id) ON DELETE CASCADE,
    kit_id      TEXT    NOT NULL CHECK (length(kit_id) BETWEEN 1 AND 64),
    version     INTEGER NOT NULL CHECK (version >= 1),
    title       TEXT    NOT NULL,
    language    TEXT    NOT NULL CHECK (language IN ('nb', 'sv', 'en')),
    -- The TOML as uploaded (UTF-8, at most 256 KiB) and its SHA-256 in hex, so uploading the
    -- same file twice is noticed.
    source      TEXT    NOT NULL CHECK (length(source) BETWEEN 1 AND 262144),
    sha256      TEXT    NOT NULL CHECK (length(sha256) = 64),
    uploaded_by INTEGER,
    uploaded_at TEXT    NOT NULL,
    PRIMARY KEY (guild_id, kit_id, version)
);

-- The kit text a meeting was loaded from: the agenda, breakout plans and meeting-day questions
-- come from here, so a later upload (or an edited file in the kits folder) does not change a
-- running meeting. `version` is the guild kit's version; NULL for a shipped kit.
CREATE TABLE meeting_kits (
    meeting_id  INTEGER PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
    kit_id      TEXT    NOT NULL CHECK (length(kit_id) BETWEEN 1 AND 64),
    version     INTEGER CHECK (version IS NULL OR version >= 1),
    source      TEXT    NOT NULL
);
