-- An answer's replaced version moves to `answer_revisions` inside the database: a trigger on
-- the revision number, so a submission is one statement (a multi-row upsert) that is atomic
-- without a transaction, and the history cannot be skipped by any writer. A migration that
-- rebuilds `answers` must create this trigger again (the store contract tests check history).
CREATE TRIGGER answers_keep_history AFTER UPDATE OF revision ON answers
WHEN NEW.revision <> OLD.revision
BEGIN
    INSERT INTO answer_revisions (meeting_id, question_id, user_id, revision, value, replaced_at)
    VALUES (OLD.meeting_id, OLD.question_id, OLD.user_id, OLD.revision, OLD.value, NEW.updated_at);
END;
