-- Verification results, one row per check of one artifact: a checksum, a format check or a
-- restore drill. The newest row of an artifact is its current state: the verifier checks in
-- the order checksum, format, drill and stops at the first failure, so a failure is never
-- followed by a pass of a weaker check in the same verification.
--
-- Rows go with their artifact (pruning a point forgets its verifications); a catalogue rebuild
-- from the vault starts without any, and `mamori verify` records them again.
CREATE TABLE verifications (
  id          INTEGER PRIMARY KEY,
  point       TEXT NOT NULL,
  source      TEXT NOT NULL,
  job         TEXT NOT NULL,
  time        INTEGER NOT NULL,
  method      TEXT NOT NULL CHECK (method IN ('checksum', 'format', 'drill')),
  result      TEXT NOT NULL CHECK (result IN ('verified', 'failed')),
  -- what was checked, or what failed and in which file
  detail      TEXT NOT NULL,
  duration_ms INTEGER NOT NULL,
  -- drills only: the measured recovery time (restore into the scratch target), in milliseconds
  recovery_ms INTEGER,
  FOREIGN KEY (point, source) REFERENCES artifacts(point, source) ON DELETE CASCADE
);
CREATE INDEX verifications_by_artifact ON verifications(point, source, id);
CREATE INDEX verifications_by_job ON verifications(job, time);
