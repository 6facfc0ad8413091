-- An answer's replaced version moves to `answer_revisions` inside the database, as in
-- `migrations/20261229120001_perf_answer_history_trigger.sql`: a submission is one statement.
CREATE FUNCTION answers_keep_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO answer_revisions (meeting_id, question_id, user_id, revision, value, replaced_at)
    VALUES (OLD.meeting_id, OLD.question_id, OLD.user_id, OLD.revision, OLD.value, NEW.updated_at);
    RETURN NULL;
END
$$;

CREATE TRIGGER answers_keep_history AFTER UPDATE OF revision ON answers
    FOR EACH ROW WHEN (NEW.revision <> OLD.revision) EXECUTE FUNCTION answers_keep_history();
