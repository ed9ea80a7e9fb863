-- Mamori catalogue, schema version 9: recovery objectives, and what the runbook prints besides
-- the configuration.
--
-- A job's recovery point objective (how much data it may lose: the age of its newest good
-- point) and recovery time objective (how long a restore of its sources may take, as drills
-- measured it). NULL: no objective of that kind. since: when the row was last set, so a job
-- that never backed up is in breach counting from there, as an overdue job counts from its
-- schedule's start.
CREATE TABLE job_objectives (
  job    TEXT PRIMARY KEY REFERENCES jobs(name) ON DELETE CASCADE,
  rpo_ms INTEGER CHECK (rpo_ms IS NULL OR rpo_ms > 0),
  rto_ms INTEGER CHECK (rto_ms IS NULL OR rto_ms > 0),
  since  INTEGER NOT NULL
);

-- Restore drills on a schedule: run-due (and the app) drills the job's newest good point when a
-- slot of expression is due, as it backs jobs up on job_schedules'. handled_until as there.
CREATE TABLE job_drills (
  job           TEXT PRIMARY KEY REFERENCES jobs(name) ON DELETE CASCADE,
  expression    TEXT NOT NULL,
  since         INTEGER NOT NULL,
  handled_until INTEGER NOT NULL
);

-- Who to call on a bad day, as the admin wrote them in Settings; printed in the runbook.
CREATE TABLE contacts (
  position INTEGER PRIMARY KEY,
  name     TEXT NOT NULL,
  role     TEXT NOT NULL DEFAULT '',
  phone    TEXT NOT NULL DEFAULT '',
  email    TEXT NOT NULL DEFAULT ''
);

-- The order a lost server's sources are restored in (databases before the applications that
-- use them); sources not listed follow, databases first.
CREATE TABLE restore_order (
  server   TEXT NOT NULL REFERENCES servers(name) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  source   TEXT NOT NULL REFERENCES sources(name) ON DELETE CASCADE,
  PRIMARY KEY (server, position),
  UNIQUE (server, source)
);

-- A breached objective is told once per breach, like an overdue job: notices_sent takes a third
-- kind. SQLite cannot change a CHECK in place, so the table is rebuilt with its rows.
CREATE TABLE notices_sent_new (
  kind TEXT NOT NULL CHECK (kind IN ('overdue', 'digest', 'objective')),
  key  TEXT NOT NULL,
  time INTEGER NOT NULL,
  PRIMARY KEY (kind, key)
) WITHOUT ROWID;
INSERT INTO notices_sent_new (kind, key, time) SELECT kind, key, time FROM notices_sent;
DROP TABLE notices_sent;
ALTER TABLE notices_sent_new RENAME TO notices_sent;
