package app.mamori.cli;

import java.io.UncheckedIOException;

/** Turns an exception into the one line a person reads. */
final class Errors {
    private Errors() {
    }

    static String message(Throwable e) {
        Throwable t = e;
        while ((t instanceof UncheckedIOException || t.getMessage() == null) && t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m.strip();
    }
}
