-- Mamori catalogue, schema version 8: holds and incidents.
--
-- A hold keeps a restore point from every prune, in any process, and out of the retention
-- rules' counts, until it is released: by hand (incident NULL, at most one per point) or by an
-- incident, which holds every point of its sources when opened and lets go of exactly those
-- holds when closed. Holds name their point as plain text with no foreign key, like the rest of
-- the history: rebuilding a vault deletes and re-inserts its points, and must not drop the
-- holds on them.
CREATE TABLE incidents (
  id         INTEGER PRIMARY KEY,
  opened     INTEGER NOT NULL,
  -- NULL while the incident is open
  closed     INTEGER,
  what       TEXT NOT NULL CHECK (what IN ('database-changed', 'files-changed', 'server-lost', 'old-copy')),
  -- when the admin thinks things went wrong, if they said
  went_wrong INTEGER,
  title      TEXT NOT NULL
);
CREATE INDEX incidents_open ON incidents(closed) WHERE closed IS NULL;

CREATE TABLE incident_sources (
  incident INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
  source   TEXT NOT NULL,
  PRIMARY KEY (incident, source)
);

CREATE TABLE holds (
  id       INTEGER PRIMARY KEY,
  point    TEXT NOT NULL,
  reason   TEXT NOT NULL,
  incident INTEGER REFERENCES incidents(id),
  created  INTEGER NOT NULL
);
CREATE INDEX holds_by_point ON holds(point);
CREATE UNIQUE INDEX holds_by_hand ON holds(point) WHERE incident IS NULL;
CREATE UNIQUE INDEX holds_by_incident ON holds(incident, point) WHERE incident IS NOT NULL;
