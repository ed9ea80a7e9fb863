package app.mamori.source.discover;

import app.mamori.model.Note;
import app.mamori.model.Source;

import java.util.List;

/**
 * Something on the server that can be backed up.
 *
 * @param what      for a person: "PostgreSQL database shop", "SQLite file /srv/app/data.db"
 * @param said      more for a person (a container's image, a folder's size), which the app says
 *                  in its own language as {@code discover.note.KEY}; its English may be empty
 * @param suggested the source that backs it up, named after it
 */
public record Finding(String what, Note said, Source suggested) {
    /** With a detail that reads the same in every language (a size), or none. */
    public Finding(String what, String detail, Source suggested) {
        this(what, asIs(detail), suggested);
    }

    /** A detail that reads the same in every language: the app shows it as it is. */
    static Note asIs(String detail) {
        return new Note("asIs", List.of(detail), detail);
    }

    /** The detail in English, as the command line prints it; empty when there is none. */
    public String detail() {
        return said.english();
    }
}
