package app.mamori.source.discover;

import app.mamori.model.Note;

import java.util.List;

/**
 * What discovery found on one server.
 *
 * @param tools    backup-related programs present on the server (pg_dump, sqlite3, docker...)
 * @param findings what can be backed up, each with its suggested source
 * @param said     what could not be looked at and why, and what to do ("PostgreSQL: needs credentials..."),
 *                 each with a key so that the app can say it in its own words
 */
public record Discovery(String server, List<String> tools, List<Finding> findings, List<Note> said) {
    public Discovery {
        tools = List.copyOf(tools);
        findings = List.copyOf(findings);
        said = List.copyOf(said);
    }

    /** The notes in English, as the command line prints them. */
    public List<String> notes() {
        return said.stream().map(Note::english).toList();
    }
}
