-- The audit log also records the retention job's deletions (action 'retention', no actor).
ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check
    CHECK (action IN ('export', 'digest', 'kit-upload', 'retention'));
