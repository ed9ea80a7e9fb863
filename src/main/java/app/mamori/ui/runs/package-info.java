/**
 * Backups started from the app, live: one {@link app.mamori.ui.runs.RunViewModel} per running
 * job with per-source phase, bytes, throughput and ETA, the live log and Cancel.
 */
package app.mamori.ui.runs;
