-- Mamori catalogue, schema version 1.
--
-- Times are INTEGER milliseconds since the Unix epoch (UTC) in every table: they sort and
-- compare as numbers, need no parsing, and cannot be written in two time zones by mistake.
-- Sub-millisecond precision is dropped.
--
-- Configuration (servers, sources, vaults, jobs) is linked with foreign keys. History (runs,
-- restore points, artifacts, events) names jobs, servers and vaults as plain text with no
-- foreign key, because a backup outlives the configuration that made it: removing a job must
-- not remove, or be blocked by, the restore points it left in the vault.

CREATE TABLE servers (
  name     TEXT PRIMARY KEY,
  host     TEXT NOT NULL,
  port     INTEGER NOT NULL,
  user     TEXT NOT NULL,
  identity TEXT,
  jump     TEXT,
  created  INTEGER NOT NULL
);

CREATE TABLE sources (
  name     TEXT PRIMARY KEY,
  server   TEXT NOT NULL REFERENCES servers(name),
  kind     TEXT NOT NULL,
  -- kind-specific settings as a JSON object; never a secret (passwords live in the secret store)
  settings TEXT NOT NULL,
  created  INTEGER NOT NULL
);
CREATE INDEX sources_by_server ON sources(server);

CREATE TABLE vaults (
  name    TEXT PRIMARY KEY,
  path    TEXT NOT NULL,
  server  TEXT REFERENCES servers(name),
  created INTEGER NOT NULL
);
CREATE INDEX vaults_by_server ON vaults(server);

CREATE TABLE jobs (
  name    TEXT PRIMARY KEY,
  vault   TEXT NOT NULL REFERENCES vaults(name),
  created INTEGER NOT NULL
);
CREATE INDEX jobs_by_vault ON jobs(vault);

CREATE TABLE job_sources (
  job      TEXT NOT NULL REFERENCES jobs(name) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  source   TEXT NOT NULL REFERENCES sources(name),
  PRIMARY KEY (job, position),
  UNIQUE (job, source)
);
CREATE INDEX job_sources_by_source ON job_sources(source);

CREATE TABLE runs (
  id            INTEGER PRIMARY KEY,
  job           TEXT NOT NULL,
  started       INTEGER NOT NULL,
  ended         INTEGER,
  status        TEXT NOT NULL
                CHECK (status IN ('running', 'succeeded', 'failed', 'interrupted', 'cancelled')),
  pid           INTEGER NOT NULL,
  error         TEXT,
  error_details TEXT
);
CREATE INDEX runs_by_job ON runs(job, started);
CREATE INDEX runs_still_running ON runs(status) WHERE status = 'running';

CREATE TABLE restore_points (
  id       TEXT PRIMARY KEY,
  run      INTEGER REFERENCES runs(id) ON DELETE SET NULL,
  job      TEXT NOT NULL,
  server   TEXT NOT NULL,
  vault    TEXT NOT NULL,
  time     INTEGER NOT NULL,
  status   TEXT NOT NULL,
  -- folder of the point, relative to the vault's root
  location TEXT NOT NULL,
  kind     TEXT NOT NULL CHECK (kind IN ('normal', 'pre-restore'))
);
CREATE INDEX points_by_job_time ON restore_points(job, time);
CREATE INDEX points_by_vault ON restore_points(vault);
CREATE INDEX points_by_time ON restore_points(time);

CREATE TABLE artifacts (
  point    TEXT NOT NULL REFERENCES restore_points(id) ON DELETE CASCADE,
  source   TEXT NOT NULL,
  kind     TEXT NOT NULL,
  -- relative to the restore point's folder
  path     TEXT NOT NULL,
  size     INTEGER NOT NULL,
  sha256   TEXT NOT NULL,
  -- manifest fields (tool version, command, ...) as a JSON object of strings, or NULL
  manifest TEXT,
  PRIMARY KEY (point, source)
);
CREATE INDEX artifacts_by_source ON artifacts(source);

CREATE TABLE file_index (
  point    TEXT NOT NULL,
  source   TEXT NOT NULL,
  -- the raw bytes the server's file system uses: Linux names need not be UTF-8
  path     BLOB NOT NULL,
  type     TEXT NOT NULL CHECK (type IN ('file', 'directory', 'symlink', 'other')),
  mode     INTEGER NOT NULL,
  size     INTEGER NOT NULL,
  mtime_ns INTEGER NOT NULL,
  -- NULL for anything but a regular file
  sha256   TEXT,
  PRIMARY KEY (point, source, path),
  FOREIGN KEY (point, source) REFERENCES artifacts(point, source) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX file_index_by_path ON file_index(path);

CREATE TABLE events (
  id      INTEGER PRIMARY KEY,
  time    INTEGER NOT NULL,
  level   TEXT NOT NULL CHECK (level IN ('info', 'warning', 'error')),
  server  TEXT,
  job     TEXT,
  run     INTEGER,
  kind    TEXT NOT NULL,
  message TEXT NOT NULL
);
CREATE INDEX events_by_time ON events(time);
CREATE INDEX events_by_job_time ON events(job, time);
CREATE INDEX events_by_server_time ON events(server, time);
CREATE INDEX events_by_run ON events(run);
