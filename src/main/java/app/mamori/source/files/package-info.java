/**
 * The {@code files} source: pulls directories from a server as incremental snapshots in the
 * rsnapshot / {@code rsync --link-dest} layout, with only a remote {@code find} and {@code tar}.
 * Paths are raw bytes end to end; the snapshot index keeps them exact for restores.
 */
package app.mamori.source.files;
