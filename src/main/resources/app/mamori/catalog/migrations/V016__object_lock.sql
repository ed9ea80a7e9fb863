-- Mamori catalogue, schema version 16: S3 Object Lock on object vaults.
--
-- object_lock_days: every object of a copied point is written with COMPLIANCE retention until
-- the copy's time plus this many days; 0: no retention. locked_until: until when the copy's
-- objects are locked (NULL: not locked); the offsite retention removes no copy before then.
ALTER TABLE object_vaults ADD COLUMN object_lock_days INTEGER NOT NULL DEFAULT 0 CHECK (object_lock_days >= 0);
ALTER TABLE point_copies ADD COLUMN locked_until INTEGER;
