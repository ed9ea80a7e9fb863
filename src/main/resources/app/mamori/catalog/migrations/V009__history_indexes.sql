-- Indexes for reading one source's history without walking every check (the restore wizard's
-- list of a source's points and their newest checks).
CREATE INDEX verifications_by_source ON verifications(source, id);
