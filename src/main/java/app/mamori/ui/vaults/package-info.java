/**
 * The Vaults page: every vault with where it is, the space its backups take (a hard-linked
 * file counted once) and the space left there; adding a local folder or a folder on a server,
 * and removing a vault no job uses.
 */
package app.mamori.ui.vaults;
