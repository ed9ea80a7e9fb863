-- Mamori catalogue, schema version 22: a source's newest drill and a job's safety copies, found at once.
--
-- The dashboard and `status` read each source's newest drill that measured a recovery time,
-- for its recovery-time objective. Through verifications_by_source they walked every newer
-- check of the source (hourly checksums and format checks) to reach it; this index holds the
-- drills alone, so the read is one index search whatever the history.
CREATE INDEX verifications_drills ON verifications(source, id) WHERE method = 'drill' AND recovery_ms IS NOT NULL;

-- The Restore page and the incident's holds read a job's (or a source's) pre-restore safety
-- points, released or not. They are a handful among a job's points (26,000 for an hourly job
-- over three years), which these reads walked through points_by_job_time.
CREATE INDEX points_safety ON restore_points(kind, released, job) WHERE kind = 'pre-restore';
