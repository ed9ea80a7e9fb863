-- Mamori catalogue, schema version 22: the newest restore drill of a source, found at once.
--
-- The dashboard and `status` read each source's newest drill that measured a recovery time,
-- for its recovery-time objective. Through verifications_by_source they walked every newer
-- check of the source (hourly checksums and format checks) to reach it; this index holds the
-- drills alone, so the read is one index search whatever the history.
CREATE INDEX verifications_drills ON verifications(source, id) WHERE method = 'drill' AND recovery_ms IS NOT NULL;
