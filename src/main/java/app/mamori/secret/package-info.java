/**
 * Secrets (database passwords) kept apart from settings: a file under MAMORI_HOME readable by
 * the user only, never exported, never logged. Values are sent to servers on an SSH channel's
 * stdin, never on a command line.
 */
package app.mamori.secret;
