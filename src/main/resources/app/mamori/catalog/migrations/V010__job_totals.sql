-- Per job, how many complete points it has and the bytes their artifacts take, kept up to date by
-- triggers in the same transaction as every point written or removed, so the dashboard reads one
-- row per job instead of every point of a three-year history.
--
-- A point's row is written before its artifacts and removed with them (ON DELETE CASCADE); an
-- artifact is never removed on its own. The removal trigger runs BEFORE the delete, while the
-- artifacts to subtract are still there.
CREATE TABLE job_totals (
  job    TEXT PRIMARY KEY,
  points INTEGER NOT NULL,
  bytes  INTEGER NOT NULL
) WITHOUT ROWID;

INSERT INTO job_totals (job, points, bytes)
  SELECT p.job, COUNT(DISTINCT p.id), COALESCE(SUM(a.size), 0)
  FROM restore_points p LEFT JOIN artifacts a ON a.point = p.id
  WHERE p.status = 'succeeded' GROUP BY p.job;

CREATE TRIGGER job_totals_point_added AFTER INSERT ON restore_points WHEN NEW.status = 'succeeded'
BEGIN
  INSERT INTO job_totals (job, points, bytes) VALUES (NEW.job, 1, 0)
    ON CONFLICT (job) DO UPDATE SET points = points + 1;
END;

CREATE TRIGGER job_totals_artifact_added AFTER INSERT ON artifacts
BEGIN
  UPDATE job_totals SET bytes = bytes + NEW.size
    WHERE job = (SELECT job FROM restore_points WHERE id = NEW.point AND status = 'succeeded');
END;

CREATE TRIGGER job_totals_point_removed BEFORE DELETE ON restore_points WHEN OLD.status = 'succeeded'
BEGIN
  UPDATE job_totals SET points = points - 1,
                        bytes = bytes - (SELECT COALESCE(SUM(size), 0) FROM artifacts WHERE point = OLD.id)
    WHERE job = OLD.job;
END;
