-- The retention policy a new job starts with (at most one row). Copied into job_retention when
-- a job is added; changing it later does not touch existing jobs, so no point is ever deleted
-- because a default changed.
CREATE TABLE default_retention (
  id           INTEGER PRIMARY KEY CHECK (id = 1),
  keep_last    INTEGER NOT NULL DEFAULT 0 CHECK (keep_last >= 0),
  keep_hourly  INTEGER NOT NULL DEFAULT 0 CHECK (keep_hourly >= 0),
  keep_daily   INTEGER NOT NULL DEFAULT 0 CHECK (keep_daily >= 0),
  keep_weekly  INTEGER NOT NULL DEFAULT 0 CHECK (keep_weekly >= 0),
  keep_monthly INTEGER NOT NULL DEFAULT 0 CHECK (keep_monthly >= 0),
  keep_yearly  INTEGER NOT NULL DEFAULT 0 CHECK (keep_yearly >= 0)
);
