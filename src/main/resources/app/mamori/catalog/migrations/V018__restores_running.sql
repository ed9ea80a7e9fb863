-- Mamori catalogue: restores under way. A row from the moment a restore may write into its
-- target until it ends, however it ends; a row whose process is gone at the next start is a
-- restore that was cut off (kill -9, a power cut), and the admin is told what may be half
-- restored and where the state before it is.
CREATE TABLE restores_running (
  id           INTEGER PRIMARY KEY,
  source       TEXT NOT NULL,
  point        TEXT NOT NULL,
  target       TEXT NOT NULL,
  safety_point TEXT,
  server       TEXT,
  job          TEXT,
  pid          INTEGER NOT NULL,
  started      INTEGER NOT NULL
);
