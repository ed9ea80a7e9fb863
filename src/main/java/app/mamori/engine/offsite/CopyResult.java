package app.mamori.engine.offsite;

import app.mamori.model.Note;

import java.util.Optional;

/**
 * One point's copy.
 *
 * @param sent    bytes sent to the vault by this copy
 * @param resumed bytes an interrupted earlier copy had already sent and this one kept
 * @param failure why it failed, keyed ({@code reason.copyPointFailed}, carrying the cause's own reason where it
 *                has one) for the app; its English is what the command line prints; empty when the copy is complete
 */
public record CopyResult(String point, String vault, long sent, long resumed, Optional<Note> failure) {
    public boolean ok() {
        return failure.isEmpty();
    }

    /** Why it failed, in English. */
    public Optional<String> error() {
        return failure.map(Note::english);
    }
}
