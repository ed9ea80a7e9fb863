-- Mamori catalogue, schema version 7: what the timeline reads one window of time at a time.
--
-- A server's points between two instants, and every job's runs between two instants, each read
-- through an index rather than a scan of the whole history (200,000 points must answer in
-- milliseconds). A job's points and runs already have theirs (points_by_job_time, runs_by_job).
CREATE INDEX points_by_server_time ON restore_points(server, time);
CREATE INDEX runs_by_started ON runs(started);

-- How many entries a file tree's index holds, written when the index is committed, so the
-- timeline's sparkline of file counts does not count a million rows per point. NULL for dumps
-- and for a tree whose index is not (yet) stored.
ALTER TABLE artifacts ADD COLUMN files INTEGER;
UPDATE artifacts SET files = (SELECT count(*) FROM file_index f
                              WHERE f.point = artifacts.point AND f.source = artifacts.source)
 WHERE EXISTS (SELECT 1 FROM file_index f WHERE f.point = artifacts.point AND f.source = artifacts.source);
