-- Notification rules: which events of which job (all jobs when job is NULL) go to which channel.
-- settings is JSON without secrets: the SMTP password and the webhook URL are in the secret store.
CREATE TABLE notifiers (
  name     TEXT PRIMARY KEY,
  channel  TEXT NOT NULL CHECK (channel IN ('email', 'webhook')),
  settings TEXT NOT NULL,
  events   TEXT NOT NULL,
  job      TEXT REFERENCES jobs(name) ON DELETE CASCADE,
  created  INTEGER NOT NULL
);
