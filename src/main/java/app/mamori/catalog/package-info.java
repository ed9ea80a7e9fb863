/**
 * The local SQLite catalogue: servers, sources, jobs and vaults as configured, and the history of
 * runs, restore points, artifacts, file indexes and events. It speaks in {@code app.mamori.model}
 * records, and everything in it except configuration can be rebuilt from the vaults' manifests.
 */
package app.mamori.catalog;
