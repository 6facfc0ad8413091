//! What `samrad copy` copies: every table, parents before children, with each column's
//! storage kind. `the_copy_plan_names_every_column_of_both_schemas` (tests/it/copy.rs) fails
//! when a migration adds a table or column this list does not know.

use Kind::{Bool, Date, Int, Text, Time};

/// How a column is stored: SQLite keeps times and dates as text and booleans as 0/1;
/// Postgres has its own types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Int,
    Text,
    Bool,
    Time,
    Date,
}

pub(super) struct Table {
    pub name: &'static str,
    pub columns: &'static [(&'static str, Kind)],
    pub key: &'static str,
    /// Has an identity `id` whose sequence must move past the copied ids on Postgres.
    pub identity: bool,
}

impl Table {
    /// A table keyed by an identity `id`.
    const fn identity(name: &'static str, columns: &'static [(&'static str, Kind)]) -> Self {
        Table { name, columns, key: "id", identity: true }
    }

    /// A table keyed by `key` (one column, or several separated by commas), with no identity.
    const fn keyed(name: &'static str, key: &'static str, columns: &'static [(&'static str, Kind)]) -> Self {
        Table { name, columns, key, identity: false }
    }
}

/// Every table, parents before children.
pub(super) const TABLES: &[Table] = &[
    Table::keyed(
        "guilds",
        "id",
        &[
            ("id", Int),
            ("name", Text),
            ("organiser_role", Int),
            ("facilitator_role", Int),
            ("plenary_channel", Int),
            ("plenary_voice", Int),
            ("organiser_channel", Int),
            ("locale", Text),
            ("close_rooms", Text),
            ("created_at", Time),
            ("retention_days", Int),
            ("room_retention_days", Int),
        ],
    ),
    Table::identity("units", &[("id", Int), ("guild_id", Int), ("name", Text), ("name_key", Text)]),
    Table::keyed(
        "members",
        "guild_id, user_id",
        &[
            ("guild_id", Int),
            ("user_id", Int),
            ("display_name", Text),
            ("unit_id", Int),
            ("role", Text),
            ("share_in_rooms", Bool),
            ("locale", Text),
            ("joined_at", Time),
            ("consent_asked", Bool),
        ],
    ),
    Table::identity(
        "meetings",
        &[
            ("id", Int),
            ("guild_id", Int),
            ("kit_id", Text),
            ("title", Text),
            ("language", Text),
            ("timezone", Text),
            ("meeting_date", Date),
            ("state", Text),
            ("channel_id", Int),
            ("deadline", Time),
            ("created_at", Time),
            ("ended_at", Time),
            ("purged_at", Time),
            ("unit_answers", Bool),
            ("share_after_deadline", Bool),
        ],
    ),
    Table::keyed("meeting_units", "meeting_id, unit_id", &[("meeting_id", Int), ("unit_id", Int)]),
    Table::keyed("meeting_roles", "meeting_id, position", &[("meeting_id", Int), ("position", Int), ("name", Text)]),
    Table::keyed(
        "questions",
        "meeting_id, id",
        &[
            ("meeting_id", Int),
            ("id", Text),
            ("position", Int),
            ("text", Text),
            ("kind", Text),
            ("options_json", Text),
            ("help", Text),
            ("required", Bool),
            ("phase", Text),
            ("anonymity", Text),
        ],
    ),
    Table::keyed(
        "answers",
        "meeting_id, question_id, user_id",
        &[
            ("meeting_id", Int),
            ("question_id", Text),
            ("guild_id", Int),
            ("user_id", Int),
            ("unit_id", Int),
            ("value", Text),
            ("revision", Int),
            ("answered_at", Time),
            ("updated_at", Time),
        ],
    ),
    Table::identity(
        "answer_revisions",
        &[
            ("id", Int),
            ("meeting_id", Int),
            ("question_id", Text),
            ("user_id", Int),
            ("revision", Int),
            ("value", Text),
            ("replaced_at", Time),
        ],
    ),
    Table::keyed(
        "unit_answers",
        "meeting_id, question_id, unit_id",
        &[
            ("meeting_id", Int),
            ("question_id", Text),
            ("unit_id", Int),
            ("value", Text),
            ("revision", Int),
            ("author_id", Int),
            ("updated_at", Time),
        ],
    ),
    Table::identity(
        "unit_answer_revisions",
        &[
            ("id", Int),
            ("meeting_id", Int),
            ("question_id", Text),
            ("unit_id", Int),
            ("revision", Int),
            ("value", Text),
            ("author_id", Int),
            ("saved_at", Time),
        ],
    ),
    Table::keyed(
        "anonymous_answers",
        "meeting_id, question_id, author_key",
        &[
            ("meeting_id", Int),
            ("question_id", Text),
            ("author_key", Text),
            ("unit_id", Int),
            ("value", Text),
            ("revision", Int),
            ("updated_at", Time),
        ],
    ),
    Table::identity(
        "anonymous_answer_revisions",
        &[
            ("id", Int),
            ("meeting_id", Int),
            ("question_id", Text),
            ("author_key", Text),
            ("revision", Int),
            ("value", Text),
            ("replaced_at", Time),
        ],
    ),
    Table::keyed(
        "anonymous_respondents",
        "meeting_id, question_id, user_id",
        &[("meeting_id", Int), ("question_id", Text), ("guild_id", Int), ("user_id", Int)],
    ),
    Table::identity(
        "audit_log",
        &[
            ("id", Int),
            ("guild_id", Int),
            ("at", Time),
            ("actor_id", Int),
            ("action", Text),
            ("meeting_id", Int),
            ("detail", Text),
        ],
    ),
    Table::keyed(
        "key_figures",
        "meeting_id, question_id, unit_id",
        &[("meeting_id", Int), ("question_id", Text), ("unit_id", Int), ("value", Text)],
    ),
    Table::keyed(
        "kept_response_rates",
        "meeting_id, unit_id",
        &[("meeting_id", Int), ("unit_id", Int), ("rate", Text)],
    ),
    Table::identity(
        "schedules",
        &[
            ("id", Int),
            ("meeting_id", Int),
            ("key", Text),
            ("kind", Text),
            ("due_at", Time),
            ("state", Text),
            ("attempts", Int),
            ("last_error", Text),
            ("done_at", Time),
            ("claimed_by", Text),
            ("lease_until", Time),
        ],
    ),
    Table::keyed(
        "posts",
        "key",
        &[("key", Text), ("channel_id", Int), ("message_id", Int), ("created_at", Time), ("sent_at", Time)],
    ),
    Table::keyed("leases", "name", &[("name", Text), ("holder", Text), ("until", Time)]),
    Table::identity(
        "rounds",
        &[
            ("id", Int),
            ("meeting_id", Int),
            ("number", Int),
            ("mode", Text),
            ("plan_id", Text),
            ("started_at", Time),
            ("ends_at", Time),
            ("closed_at", Time),
            ("warned", Bool),
            ("channels_deleted_at", Time),
            ("in_person", Bool),
        ],
    ),
    Table::keyed(
        "round_categories",
        "round_id, position",
        &[("round_id", Int), ("position", Int), ("category_id", Int)],
    ),
    Table::identity(
        "rooms",
        &[
            ("id", Int),
            ("round_id", Int),
            ("number", Int),
            ("name", Text),
            ("label", Text),
            ("cap", Int),
            ("text_channel", Int),
            ("voice_channel", Int),
            ("summary", Text),
            ("summary_by", Int),
        ],
    ),
    Table::keyed("room_members", "room_id, user_id", &[("room_id", Int), ("user_id", Int)]),
    Table::identity("notes", &[("id", Int), ("room_id", Int), ("user_id", Int), ("text", Text), ("created_at", Time)]),
    Table::identity(
        "plans",
        &[
            ("id", Int),
            ("meeting_id", Int),
            ("unit_id", Int),
            ("action", Text),
            ("owner", Text),
            ("due", Date),
            ("created_by", Int),
            ("created_at", Time),
            ("owner_id", Int),
            ("status", Text),
            ("status_note", Text),
        ],
    ),
    Table::identity(
        "plan_changes",
        &[
            ("id", Int),
            ("plan_id", Int),
            ("status", Text),
            ("note", Text),
            ("changed_by", Int),
            ("changed_at", Time),
            ("asked_in", Int),
        ],
    ),
    Table::identity(
        "decisions",
        &[
            ("id", Int),
            ("meeting_id", Int),
            ("text", Text),
            ("responsible", Text),
            ("responsible_id", Int),
            ("due", Date),
            ("created_by", Int),
            ("created_at", Time),
        ],
    ),
    Table::keyed(
        "agenda_items",
        "meeting_id, position",
        &[
            ("meeting_id", Int),
            ("position", Int),
            ("starts_at", Time),
            ("minutes", Int),
            ("kind", Text),
            ("title", Text),
            ("plan_id", Text),
            ("plan_title", Text),
            ("plan_mode", Text),
            ("plan_size", Int),
            ("plan_minutes", Int),
            ("plan_questions", Text),
            ("ask_questions", Text),
            ("plan_topics", Text),
        ],
    ),
    Table::keyed(
        "agenda_runs",
        "meeting_id",
        &[("meeting_id", Int), ("started_at", Time), ("shift_seconds", Int), ("paused_at", Time)],
    ),
    Table::keyed(
        "speaking_timers",
        "meeting_id, position",
        &[("meeting_id", Int), ("position", Int), ("plan", Text), ("timer", Text), ("step", Int), ("wake_at", Time)],
    ),
    Table::keyed("meeting_series", "meeting_id", &[("meeting_id", Int), ("previous_kit", Text)]),
    Table::keyed(
        "guild_kits",
        "guild_id, kit_id, version",
        &[
            ("guild_id", Int),
            ("kit_id", Text),
            ("version", Int),
            ("title", Text),
            ("language", Text),
            ("source", Text),
            ("sha256", Text),
            ("uploaded_by", Int),
            ("uploaded_at", Time),
        ],
    ),
    Table::keyed(
        "meeting_kits",
        "meeting_id",
        &[("meeting_id", Int), ("kit_id", Text), ("version", Int), ("source", Text)],
    ),
];
