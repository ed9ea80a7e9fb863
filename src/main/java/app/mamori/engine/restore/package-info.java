/**
 * Restores: {@link app.mamori.engine.restore.RestorePlanner} turns a request into a
 * {@link app.mamori.engine.restore.RestorePlan} from the catalogue alone, which can be shown and
 * tested; {@link app.mamori.engine.restore.RestoreEngine} checks the artifact, takes the safety
 * backup, streams the artifact into the server and writes the restore report.
 */
package app.mamori.engine.restore;
