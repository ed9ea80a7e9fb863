package app.mamori.engine;

import app.mamori.model.Note;
import app.mamori.vault.Manifest;

import java.util.Optional;

/**
 * How one source of a run ended.
 *
 * @param entry   the manifest entry when it succeeded, else null
 * @param error   the admin-facing message when it failed, else null
 * @param details remote stderr or other detail for the log, may be empty
 * @param reason  the failure's reason as a keyed note ({@code reason.}), when it has one, so the
 *                app can say it in its own language
 */
public record SourceResult(String source, Manifest.Entry entry, String error, String details, Optional<Note> reason) {
    public SourceResult {
        reason = reason == null ? Optional.empty() : reason;
    }

    public SourceResult(String source, Manifest.Entry entry, String error, String details) {
        this(source, entry, error, details, Optional.empty());
    }

    public boolean ok() {
        return error == null;
    }
}
