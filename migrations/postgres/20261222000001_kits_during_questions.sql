-- Questions asked on the meeting day, as `migrations/20261222000001_kits_during_questions.sql`
-- (Postgres alters the CHECK in place; no table is rebuilt).

ALTER TABLE questions DROP CONSTRAINT questions_phase_check;
ALTER TABLE questions ADD CONSTRAINT questions_phase_check CHECK (phase IN ('reflection', 'evaluation', 'during'));

ALTER TABLE agenda_items ADD COLUMN ask_questions TEXT NOT NULL DEFAULT '';
