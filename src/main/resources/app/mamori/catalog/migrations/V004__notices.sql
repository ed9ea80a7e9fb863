-- Notices that must go out once: an overdue episode of a job (key: job and the time its lapse
-- counts from), a day's digest (key: the local date). Inserting the row claims the notice, so
-- the app and run-due never both send it.
CREATE TABLE notices_sent (
  kind TEXT NOT NULL CHECK (kind IN ('overdue', 'digest')),
  key  TEXT NOT NULL,
  time INTEGER NOT NULL,
  PRIMARY KEY (kind, key)
) WITHOUT ROWID;
