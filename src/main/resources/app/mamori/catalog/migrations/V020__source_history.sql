-- One source's history in time order, for the restore wizard: a page of the newest points of a
-- source, the page around a point, and the last known good point before an incident, each a
-- range of one index. An artifact carries its point's time (kept by triggers, for every writer),
-- so that (source, time) is one index instead of every point of the source gathered and sorted.
ALTER TABLE artifacts ADD COLUMN time INTEGER;

UPDATE artifacts SET time = (SELECT time FROM restore_points WHERE id = artifacts.point);

CREATE INDEX artifacts_by_source_time ON artifacts(source, time, point);

CREATE TRIGGER artifact_time AFTER INSERT ON artifacts WHEN NEW.time IS NULL
BEGIN
  UPDATE artifacts SET time = (SELECT time FROM restore_points WHERE id = NEW.point) WHERE rowid = NEW.rowid;
END;

CREATE TRIGGER artifact_time_moved AFTER UPDATE OF time ON restore_points
BEGIN
  UPDATE artifacts SET time = NEW.time WHERE point = NEW.id;
END;
