package app.mamori.engine.restore;

/** A restore stopped before it changed anything on the server, with the sentence a person reads. */
final class RestoreRefused extends Exception {
    RestoreRefused(String message) {
        super(message);
    }
}
