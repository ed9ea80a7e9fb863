-- Mamori catalogue, schema version 14: jobs the admin paused.
--
-- A paused job is skipped by run-due and the app's scheduler and is not reported overdue; a
-- backup started by hand still runs it. The row goes when the job is resumed (or removed), so
-- "paused" is exactly "has a row here". reason: as the admin wrote it, NULL when none was given.
CREATE TABLE job_pauses (
  job    TEXT PRIMARY KEY REFERENCES jobs(name) ON DELETE CASCADE,
  since  INTEGER NOT NULL,
  reason TEXT
);
