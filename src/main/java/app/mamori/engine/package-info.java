/**
 * Runs jobs: plan first (what will be dumped, from where, into which vault), then execute,
 * reporting progress through {@link app.mamori.engine.BackupListener}, which the CLI and
 * the desktop app implement. Nothing here imports JavaFX.
 */
package app.mamori.engine;
