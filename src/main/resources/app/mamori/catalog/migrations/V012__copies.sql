-- Mamori catalogue, schema version 11: offsite copies to S3-compatible object storage.
--
-- An object vault is where copies of points go (not yet where a job writes its points): a
-- bucket, maybe a prefix in it, and how to reach it. No secret is stored here: the secret
-- access key and the encryption passphrase are in the secret store.
CREATE TABLE object_vaults (
  name          TEXT PRIMARY KEY,
  bucket        TEXT NOT NULL,
  -- '' or a prefix ending in '/'
  prefix        TEXT NOT NULL,
  -- NULL: AWS S3 itself
  endpoint      TEXT,
  region        TEXT NOT NULL,
  path_style    INTEGER NOT NULL CHECK (path_style IN (0, 1)),
  access_key_id TEXT NOT NULL,
  encrypted     INTEGER NOT NULL CHECK (encrypted IN (0, 1)),
  created       INTEGER NOT NULL
);

-- Where a job's points are copied after each successful backup, and how many copies are kept
-- there (all rules 0: every copy is kept).
CREATE TABLE job_copies (
  job          TEXT PRIMARY KEY REFERENCES jobs(name) ON DELETE CASCADE,
  vault        TEXT NOT NULL REFERENCES object_vaults(name),
  keep_last    INTEGER NOT NULL DEFAULT 0 CHECK (keep_last >= 0),
  keep_hourly  INTEGER NOT NULL DEFAULT 0 CHECK (keep_hourly >= 0),
  keep_daily   INTEGER NOT NULL DEFAULT 0 CHECK (keep_daily >= 0),
  keep_weekly  INTEGER NOT NULL DEFAULT 0 CHECK (keep_weekly >= 0),
  keep_monthly INTEGER NOT NULL DEFAULT 0 CHECK (keep_monthly >= 0),
  keep_yearly  INTEGER NOT NULL DEFAULT 0 CHECK (keep_yearly >= 0)
);

-- The newest attempt to copy a point to an object vault. Names the point as plain text with no
-- foreign key, like holds: a copy outlives the local point when the local retention prunes it,
-- and a rebuild re-inserts points without dropping their copies.
CREATE TABLE point_copies (
  point      TEXT NOT NULL,
  vault      TEXT NOT NULL,
  -- the point's folder relative to a vault's root (SERVER/JOB/POINT) and when it was taken: what
  -- the offsite retention needs once the local point is gone
  location   TEXT NOT NULL,
  point_time INTEGER NOT NULL,
  status     TEXT NOT NULL CHECK (status IN ('copied', 'failed')),
  time       INTEGER NOT NULL,
  error      TEXT,
  PRIMARY KEY (point, vault)
) WITHOUT ROWID;
CREATE INDEX point_copies_by_vault ON point_copies(vault);
