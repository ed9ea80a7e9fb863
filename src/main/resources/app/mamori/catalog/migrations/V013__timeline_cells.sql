-- The timeline's wide views (a year or three on screen) sum each lane's points per bucket. Summed
-- from the points themselves that reads every artifact in the window, 42,000 rows for 42 lanes
-- of three daily years. So each job's artifacts are also kept summed per cell of 2^28 ms (about
-- 3.1 days) since the epoch; a bucket of a power-of-two width of 2^28 ms or more, starting on a
-- multiple of its width, is a whole number of cells, and a wide window reads cells instead.
--
-- Triggers keep the cells right in the same transaction as every change to what they hold. The
-- frequent changes, an artifact written and a check recorded, add to their cell in place (a
-- backup or a `verify --all` over years of hourly points must not sum a cell again per row). The
-- rare ones, a point removed or changed (a safety copy released), a check removed, an artifact
-- changed, name the cell in timeline_dirty, and the one trigger there sums it again from its
-- points.

-- One row per artifact with what the timeline knows of it; `state` is its look, most urgent
-- first: 4 failed its newest check, 2 a pre-restore safety point, 0 drilled, 1 verified,
-- 3 not checked. The timeline's bucket query reads the same view. Readers that sum `state`
-- several times select from it with LIMIT -1, which keeps SQLite from inlining the view and
-- working the newest check out once per sum.
CREATE VIEW timeline_artifacts AS
  SELECT p.job, p.server, p.time, a.point, a.source, a.size,
         p.kind = 'pre-restore' AND p.released IS NULL AS held,
         coalesce((SELECT CASE WHEN v.result = 'failed' THEN 4 WHEN p.kind = 'pre-restore' THEN 2
                               WHEN v.method = 'drill' THEN 0 ELSE 1 END
                   FROM verifications v WHERE v.point = a.point AND v.source = a.source
                   ORDER BY v.id DESC LIMIT 1),
                  CASE WHEN p.kind = 'pre-restore' THEN 2 ELSE 3 END) AS state
  FROM restore_points p JOIN artifacts a ON a.point = p.id;

CREATE TABLE timeline_cells (
  job       TEXT NOT NULL,
  cell      INTEGER NOT NULL,   -- time / 268435456 (2^28 ms)
  source    TEXT NOT NULL,
  server    TEXT NOT NULL,
  points    INTEGER NOT NULL,
  first     INTEGER NOT NULL,
  last      INTEGER NOT NULL,
  min_size  INTEGER NOT NULL,
  max_size  INTEGER NOT NULL,
  failed    INTEGER NOT NULL,
  safety    INTEGER NOT NULL,
  held      INTEGER NOT NULL,
  unchecked INTEGER NOT NULL,
  verified  INTEGER NOT NULL,
  drilled   INTEGER NOT NULL,
  PRIMARY KEY (job, cell, source, server)
) WITHOUT ROWID;
CREATE INDEX timeline_cells_by_server ON timeline_cells(server, cell);

-- Names a cell to work out again; a row lives only inside the trigger that consumes it.
CREATE TABLE timeline_dirty (
  job  TEXT NOT NULL,
  cell INTEGER NOT NULL
);

CREATE TRIGGER timeline_cell_again AFTER INSERT ON timeline_dirty
BEGIN
  DELETE FROM timeline_cells WHERE job = NEW.job AND cell = NEW.cell;
  INSERT INTO timeline_cells
    SELECT job, NEW.cell, source, server, count(*), min(time), max(time), min(size), max(size),
           sum(state = 4), sum(state = 2), sum(held), sum(state = 3), sum(state = 1), sum(state = 0)
    FROM (SELECT * FROM timeline_artifacts
          WHERE job = NEW.job AND time >= NEW.cell * 268435456 AND time < (NEW.cell + 1) * 268435456
          LIMIT -1)
    GROUP BY source, server;
  DELETE FROM timeline_dirty WHERE rowid = NEW.rowid;
END;

-- A new artifact has no check yet (checks refer to their artifact): a safety copy's look, or
-- not checked.
CREATE TRIGGER timeline_artifact_added AFTER INSERT ON artifacts
BEGIN
  INSERT INTO timeline_cells (job, cell, source, server, points, first, last, min_size, max_size,
                              failed, safety, held, unchecked, verified, drilled)
    SELECT p.job, p.time / 268435456, NEW.source, p.server, 1, p.time, p.time, NEW.size, NEW.size,
           0, p.kind = 'pre-restore', p.kind = 'pre-restore' AND p.released IS NULL, p.kind <> 'pre-restore', 0, 0
    FROM restore_points p WHERE p.id = NEW.point
  ON CONFLICT (job, cell, source, server) DO UPDATE SET
    points = points + 1, first = min(first, excluded.first), last = max(last, excluded.last),
    min_size = min(min_size, excluded.min_size), max_size = max(max_size, excluded.max_size),
    safety = safety + excluded.safety, held = held + excluded.held, unchecked = unchecked + excluded.unchecked;
END;

CREATE TRIGGER timeline_artifact_changed AFTER UPDATE OF size, source, point ON artifacts
BEGIN
  INSERT INTO timeline_dirty SELECT job, time / 268435456 FROM restore_points WHERE id IN (OLD.point, NEW.point);
END;

-- A point's artifacts and checks go with it (ON DELETE CASCADE) before this trigger runs.
CREATE TRIGGER timeline_point_removed AFTER DELETE ON restore_points
BEGIN
  INSERT INTO timeline_dirty VALUES (OLD.job, OLD.time / 268435456);
END;

CREATE TRIGGER timeline_point_changed AFTER UPDATE OF job, server, time, kind, released ON restore_points
BEGIN
  INSERT INTO timeline_dirty VALUES (OLD.job, OLD.time / 268435456);
  INSERT INTO timeline_dirty SELECT NEW.job, NEW.time / 268435456
    WHERE NEW.job <> OLD.job OR NEW.time / 268435456 <> OLD.time / 268435456;
END;

-- A new check is its artifact's newest (ids grow): the artifact moves from the look the check
-- before it gave (or none) to this check's look, by the rule of timeline_artifacts.
CREATE TRIGGER timeline_check_added AFTER INSERT ON verifications
BEGIN
  UPDATE timeline_cells SET failed = failed + (c.now = 4) - (c.was = 4), safety = safety + (c.now = 2) - (c.was = 2),
                            unchecked = unchecked + (c.now = 3) - (c.was = 3),
                            verified = verified + (c.now = 1) - (c.was = 1), drilled = drilled + (c.now = 0) - (c.was = 0)
  FROM (SELECT p.job, p.time / 268435456 AS cell, p.server,
               CASE WHEN NEW.result = 'failed' THEN 4 WHEN p.kind = 'pre-restore' THEN 2
                    WHEN NEW.method = 'drill' THEN 0 ELSE 1 END AS now,
               coalesce((SELECT CASE WHEN v.result = 'failed' THEN 4 WHEN p.kind = 'pre-restore' THEN 2
                                     WHEN v.method = 'drill' THEN 0 ELSE 1 END
                         FROM verifications v WHERE v.point = NEW.point AND v.source = NEW.source AND v.id < NEW.id
                         ORDER BY v.id DESC LIMIT 1),
                        CASE WHEN p.kind = 'pre-restore' THEN 2 ELSE 3 END) AS was
        FROM restore_points p WHERE p.id = NEW.point) AS c
  WHERE timeline_cells.job = c.job AND timeline_cells.cell = c.cell AND timeline_cells.source = NEW.source
    AND timeline_cells.server = c.server;
END;

CREATE TRIGGER timeline_check_removed AFTER DELETE ON verifications
BEGIN
  INSERT INTO timeline_dirty SELECT job, time / 268435456 FROM restore_points WHERE id = OLD.point;
END;

INSERT INTO timeline_cells
  SELECT job, time / 268435456, source, server, count(*), min(time), max(time), min(size), max(size),
         sum(state = 4), sum(state = 2), sum(held), sum(state = 3), sum(state = 1), sum(state = 0)
  FROM (SELECT * FROM timeline_artifacts LIMIT -1)
  GROUP BY job, time / 268435456, source, server;

-- A lane marks its failed runs only: a wide window read them through runs_by_job, looking up
-- every run of three years (one a day per job) to keep the few that failed.
CREATE INDEX runs_failed_by_job ON runs(job, started) WHERE status NOT IN ('succeeded', 'running');
