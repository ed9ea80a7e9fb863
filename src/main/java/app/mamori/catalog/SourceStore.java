package app.mamori.catalog;

import app.mamori.model.Source;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The things to back up, each on one server. */
public final class SourceStore {
    private static final String SELECT = "SELECT name, server, kind, settings FROM sources";

    private final CatalogConnection db;
    private final Clock clock;

    SourceStore(CatalogConnection db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public void add(Source source) {
        db.write(c -> {
            if (exists(c, source.name())) {
                throw CatalogException.refused("sourceExists", "source '" + source.name() + "' already exists", source.name());
            }
            if (!ServerStore.exists(c, source.server())) {
                throw new CatalogException("source '" + source.name() + "' is on server '" + source.server()
                        + "', which does not exist; add the server first");
            }
            Rows.update(c, "INSERT INTO sources (name, server, kind, settings, created) VALUES (?, ?, ?, ?, ?)",
                    source.name(), source.server(), source.kind().id(), SourceSettings.toJson(source),
                    clock.instant());
            return null;
        });
    }

    /** Replaces the settings of an existing source; it stays on its server and in its jobs. */
    public void update(Source source) {
        db.write(c -> {
            Source old = Rows.queryOne(c, SELECT + " WHERE name = ?", SourceStore::source, source.name())
                    .orElseThrow(() -> CatalogException.refused("sourceGone", "source '" + source.name() + "' does not exist",
                            source.name()));
            if (!old.server().equals(source.server()) || old.kind() != source.kind()) {
                throw new CatalogException("source '" + source.name() + "' is a " + old.kind() + " source on server '"
                        + old.server() + "'; to move it or change its kind, add a new source");
            }
            Rows.update(c, "UPDATE sources SET settings = ? WHERE name = ?", SourceSettings.toJson(source), source.name());
            return null;
        });
    }

    public Optional<Source> find(String name) {
        return db.autocommit(c -> Rows.queryOne(c, SELECT + " WHERE name = ?", SourceStore::source, name));
    }

    public Source get(String name) {
        return find(name).orElseThrow(() -> CatalogException.refused("sourceGone", "source '" + name + "' does not exist",
                name));
    }

    public List<Source> list() {
        return db.autocommit(c -> Rows.query(c, SELECT + " ORDER BY name", SourceStore::source));
    }

    public List<Source> onServer(String server) {
        return db.autocommit(c -> Rows.query(c, SELECT + " WHERE server = ? ORDER BY name", SourceStore::source, server));
    }

    /** Removes a source no job takes any more; its artifacts in the vaults stay restorable. */
    public void remove(String name) {
        db.write(c -> {
            if (!exists(c, name)) {
                throw CatalogException.refused("sourceGone", "source '" + name + "' does not exist", name);
            }
            List<String> jobs = Rows.names(c, "SELECT job FROM job_sources WHERE source = ? ORDER BY job", name);
            if (!jobs.isEmpty()) {
                throw CatalogException.refused("sourceInUse", "source '" + name + "' is still used by job "
                        + Rows.quoted(jobs) + "; take it out of the job first", name, String.join(", ", jobs));
            }
            Rows.update(c, "DELETE FROM sources WHERE name = ?", name);
            return null;
        });
    }

    static boolean exists(Connection c, String name) throws SQLException {
        return Rows.exists(c, "SELECT 1 FROM sources WHERE name = ?", name);
    }

    static Optional<String> serverOf(Connection c, String source) throws SQLException {
        return Rows.queryOne(c, "SELECT server FROM sources WHERE name = ?", row -> row.getString(1), source);
    }

    private static Source source(ResultSet row) throws SQLException {
        return SourceSettings.fromRow(row.getString("name"), row.getString("server"), row.getString("kind"),
                row.getString("settings"));
    }
}
