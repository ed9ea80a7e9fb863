-- Mamori catalogue, schema version 15: what an event says, as a message key and its arguments.
--
-- message stays the English sentence the CLI prints and old rows have; the app shows the
-- sentence for message_key in the admin's language, with message_args (a JSON array of
-- strings) put in. NULL for rows written before this version and for kinds with no key yet:
-- the app then shows message as stored.
ALTER TABLE events ADD COLUMN message_key TEXT;
ALTER TABLE events ADD COLUMN message_args TEXT;
