-- Mamori catalogue, schema version 3: schedules, catch-up state, retention policies and
-- released safety points. Times are INTEGER milliseconds since the epoch (UTC), as in V001.

CREATE TABLE job_schedules (
  job           TEXT PRIMARY KEY REFERENCES jobs(name) ON DELETE CASCADE,
  -- as the admin wrote it: a preset ('daily 02:30', 'weekly mon 02:30', 'hourly') or a cron expression
  expression    TEXT NOT NULL,
  -- when this schedule was set: a job that never succeeded is overdue counting from here
  since         INTEGER NOT NULL,
  -- every slot at or before this time has been run, or was passed over when the schedule was set
  handled_until INTEGER NOT NULL,
  -- after a failed scheduled run: the next attempt, not before this time
  retry_after   INTEGER,
  -- slots missed while the workstation was off, counted when their catch-up run started
  missed_total  INTEGER NOT NULL DEFAULT 0,
  last_missed   INTEGER
);

CREATE TABLE job_retention (
  job          TEXT PRIMARY KEY REFERENCES jobs(name) ON DELETE CASCADE,
  keep_last    INTEGER NOT NULL DEFAULT 0 CHECK (keep_last >= 0),
  keep_hourly  INTEGER NOT NULL DEFAULT 0 CHECK (keep_hourly >= 0),
  keep_daily   INTEGER NOT NULL DEFAULT 0 CHECK (keep_daily >= 0),
  keep_weekly  INTEGER NOT NULL DEFAULT 0 CHECK (keep_weekly >= 0),
  keep_monthly INTEGER NOT NULL DEFAULT 0 CHECK (keep_monthly >= 0),
  keep_yearly  INTEGER NOT NULL DEFAULT 0 CHECK (keep_yearly >= 0)
);

-- When a pre-restore safety point was released to retention; NULL while it is held.
ALTER TABLE restore_points ADD COLUMN released INTEGER;
