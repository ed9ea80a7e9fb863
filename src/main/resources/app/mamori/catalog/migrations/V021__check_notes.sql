-- Mamori catalogue, schema version 21: what a check found, as a sentence key and its arguments.
--
-- detail stays the English sentence the CLI prints and old rows have; the app shows the
-- sentence for detail_key (under check. in its bundles) in the admin's language, with
-- detail_args (a JSON array of strings: file names, sizes, what a tool wrote) put in. NULL for
-- rows written before this version: the app then shows detail as stored.
ALTER TABLE verifications ADD COLUMN detail_key TEXT;
ALTER TABLE verifications ADD COLUMN detail_args TEXT;
ALTER TABLE copy_checks ADD COLUMN detail_key TEXT;
ALTER TABLE copy_checks ADD COLUMN detail_args TEXT;
