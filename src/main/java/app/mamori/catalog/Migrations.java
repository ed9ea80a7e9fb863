package app.mamori.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Brings a catalogue file up to this program's schema, one numbered SQL file at a time.
 *
 * <p>The schema version lives in SQLite's {@code PRAGMA user_version}, which is part of the
 * database header and so commits or rolls back with the migration that sets it.
 */
final class Migrations {

    /** In order; the last one's number is the schema version this program writes. Never edit a released one. */
    static final List<String> FILES = List.of("V001__init.sql", "V002__notifiers.sql", "V003__schedules.sql",
            "V004__notices.sql", "V005__verifications.sql", "V006__default_retention.sql",
            "V007__timeline.sql", "V008__holds.sql", "V009__history_indexes.sql",
            "V010__job_totals.sql", "V011__objectives.sql", "V012__copies.sql",
            "V013__timeline_cells.sql", "V014__job_pauses.sql", "V015__event_phrases.sql",
            "V016__object_lock.sql", "V017__job_stall.sql",
            "V018__restores_running.sql", "V019__copy_checks.sql",
            "V020__source_history.sql", "V021__check_notes.sql", "V022__drill_index.sql",
            "V023__file_lists.sql", "V024__notifier_language.sql");

    private static final String FOLDER = "/app/mamori/catalog/migrations/";

    private Migrations() {
    }

    static int latestVersion() {
        return FILES.size();
    }

    static void apply(CatalogConnection db) {
        int current = db.autocommit(Migrations::userVersion);
        if (current > latestVersion()) {
            throw new CatalogException("the catalogue " + db.file() + " was written by a newer Mamori (schema "
                    + current + "; this program knows up to " + latestVersion() + "). Update Mamori to open it,"
                    + " or point MAMORI_HOME at another folder.");
        }
        for (int version = current + 1; version <= latestVersion(); version++) {
            String sql = load(FILES.get(version - 1));
            int target = version;
            db.write(c -> {
                if (userVersion(c) >= target) {
                    return null; // another process opening the same file got here first
                }
                try (Statement statement = c.createStatement()) {
                    // sqlite-jdbc hands a plain Statement's text to sqlite3_exec, which runs every statement in it.
                    statement.executeUpdate(sql);
                    statement.executeUpdate("PRAGMA user_version = " + target);
                }
                return null;
            });
        }
    }

    static int userVersion(Connection c) throws SQLException {
        try (Statement statement = c.createStatement();
             var rows = statement.executeQuery("PRAGMA user_version")) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    private static String load(String name) {
        try (InputStream in = Migrations.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("migration " + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
