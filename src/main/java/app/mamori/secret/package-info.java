/**
 * Secrets (database passwords, SMTP passwords, storage keys) kept apart from settings: in the OS
 * keyring where there is one, else in a file under MAMORI_HOME readable by the user only; never
 * exported, never logged. Values are sent to servers on an SSH channel's stdin, never on a
 * command line.
 */
package app.mamori.secret;
