/**
 * Restore: restore points per job and the restore dialog (point, target, plan review,
 * confirm, progress). {@link app.mamori.ui.restore.RestorePointViewModel} and
 * {@link app.mamori.ui.restore.RestorePlanViewModel} are what the coming timeline wizard reuses.
 */
package app.mamori.ui.restore;
