package app.mamori.engine;

import app.mamori.vault.Manifest;

/**
 * How one source of a run ended.
 *
 * @param entry   the manifest entry when it succeeded, else null
 * @param error   the admin-facing message when it failed, else null
 * @param details remote stderr or other detail for the log, may be empty
 */
public record SourceResult(String source, Manifest.Entry entry, String error, String details) {
    public boolean ok() {
        return error == null;
    }
}
