package app.mamori.source.discover;

import java.util.List;

/**
 * What discovery found on one server.
 *
 * @param tools    backup-related programs present on the server (pg_dump, sqlite3, docker...)
 * @param findings what can be backed up, each with its suggested source
 * @param notes    what could not be looked at and why, and what to do ("PostgreSQL: needs credentials...")
 */
public record Discovery(String server, List<String> tools, List<Finding> findings, List<String> notes) {
    public Discovery {
        tools = List.copyOf(tools);
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
    }
}
