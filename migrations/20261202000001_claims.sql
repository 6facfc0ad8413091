-- Several bot processes may share one database (Postgres at scale; SQLite keeps the same
-- schema so one code path serves both). A due job is claimed by one worker until
-- `lease_until`; the worker renews the claim while it runs the job, and a worker that dies
-- lets its claims lapse so another takes the job over.
ALTER TABLE schedules ADD COLUMN claimed_by TEXT;
ALTER TABLE schedules ADD COLUMN lease_until TEXT;

-- Named leases for work one process at a time does on behalf of all (the breakout timers).
CREATE TABLE leases (
    name        TEXT    PRIMARY KEY,
    holder      TEXT    NOT NULL,
    until       TEXT    NOT NULL
);
