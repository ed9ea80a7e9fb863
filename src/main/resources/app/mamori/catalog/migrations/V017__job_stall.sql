-- Mamori catalogue: how long a job's dumps and tree copies may send nothing before they are
-- stopped as stalled (a dump waiting on a lock, a hung disk or NFS mount, a tool that never
-- ends). No row: the default of 30 minutes.
CREATE TABLE job_stall (
  job     TEXT PRIMARY KEY REFERENCES jobs(name) ON DELETE CASCADE,
  seconds INTEGER NOT NULL CHECK (seconds > 0)
);
