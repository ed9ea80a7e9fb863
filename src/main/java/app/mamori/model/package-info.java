/**
 * The words of Mamori as immutable records: servers, sources, jobs, vaults, restore points
 * and artifacts. Depends on nothing; every other package speaks in these types.
 */
package app.mamori.model;
