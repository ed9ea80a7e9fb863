-- Mamori catalogue: checks of offsite copies (verify --from-vault): the copy in an object
-- vault read back, hashed and, with --drill, restored into scratch. Kept apart from
-- verifications, which are of the point in its own vault: a damaged copy must not make a
-- restore refuse the good local point, nor a good copy vouch for a damaged one.
CREATE TABLE copy_checks (
  id          INTEGER PRIMARY KEY,
  point       TEXT NOT NULL,
  vault       TEXT NOT NULL,
  source      TEXT NOT NULL,
  job         TEXT NOT NULL,
  time        INTEGER NOT NULL,
  method      TEXT NOT NULL,
  result      TEXT NOT NULL,
  detail      TEXT,
  duration_ms INTEGER NOT NULL
);
CREATE INDEX copy_checks_point ON copy_checks (point, vault);
