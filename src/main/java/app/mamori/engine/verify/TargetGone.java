package app.mamori.engine.verify;

import java.util.List;
import java.util.Locale;

/**
 * Whether a drill's restore failed because the database server went away under it (a reboot,
 * a crash, an administrator's shutdown) rather than because of what was restored. Only the
 * second is evidence against a backup; the first means the drill could not run. The phrases
 * are the clients' own: libpq's and the MariaDB/MySQL client's.
 */
final class TargetGone {
    private static final List<String> SIGNS = List.of(
            "server closed the connection unexpectedly",
            "terminating connection due to administrator command",
            "terminating connection due to unexpected postmaster exit",
            "the database system is shutting down",
            "the database system is starting up",
            "the database system is in recovery mode",
            "could not connect to server",
            "connection to server at",
            "no connection to the server",
            "lost connection to mysql server",
            "lost connection to server",
            "mysql server has gone away",
            "server has gone away",
            "can't connect to mysql server",
            "can't connect to local mysql server",
            "can't connect to server");

    private TargetGone() {
    }

    static boolean said(String stderr) {
        String s = stderr == null ? "" : stderr.toLowerCase(Locale.ROOT);
        return SIGNS.stream().anyMatch(s::contains);
    }
}
