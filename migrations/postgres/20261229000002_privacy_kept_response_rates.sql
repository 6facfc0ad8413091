-- Each unit's response rate of a meeting whose answers were deleted under retention, kept
-- (like `key_figures`) so the next meeting of the series still compares with it. The rate is
-- kept as text in Rust's shortest round-trip form, so both stores keep it exactly.
CREATE TABLE kept_response_rates (
    meeting_id  BIGINT  NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    unit_id     BIGINT  NOT NULL REFERENCES units (id) ON DELETE CASCADE,
    rate        TEXT    NOT NULL,
    PRIMARY KEY (meeting_id, unit_id)
);
