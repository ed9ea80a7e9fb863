-- Mamori catalogue, schema version 24: the language a notifier's notices are written in.
--
-- en or ja. Notifiers added before this version keep the English they have always sent, so the
-- subjects admins' mail filters match stay as they were.
ALTER TABLE notifiers ADD COLUMN language TEXT NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'ja'));
