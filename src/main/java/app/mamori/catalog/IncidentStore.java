package app.mamori.catalog;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Incidents and the holds they make. Opening one and holding its points is one transaction,
 * and so is closing it and letting go of exactly its own holds: a prune in another process sees
 * either none of it or all of it.
 */
public final class IncidentStore {
    private static final String SELECT = "SELECT i.id, i.opened, i.closed, i.what, i.went_wrong, i.title,"
            + " (SELECT group_concat(s.source, char(10)) FROM (SELECT source FROM incident_sources"
            + "  WHERE incident = i.id ORDER BY source) s) AS sources,"
            + " (SELECT count(*) FROM holds h WHERE h.incident = i.id) AS held FROM incidents i";

    private final CatalogConnection db;
    private final Clock clock;

    IncidentStore(CatalogConnection db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Opens an incident and holds every succeeded point (normal and pre-restore) with an artifact
     * of one of its sources, as the points are now; points made later are not held by it.
     */
    public Incident open(Incident.Opening opening) {
        if (opening.sources().isEmpty()) {
            throw new IllegalArgumentException("--sources: name at least one source the incident affects");
        }
        return db.write(c -> {
            for (String source : opening.sources()) {
                if (!Rows.exists(c, "SELECT 1 FROM sources WHERE name = ?", source)
                        && !Rows.exists(c, "SELECT 1 FROM artifacts WHERE source = ?", source)) {
                    throw new CatalogException("--sources: there is no source '" + source + "' and no point holds"
                            + " one; `mamori source list` shows the sources");
                }
            }
            Instant now = clock.instant();
            Rows.update(c, "INSERT INTO incidents (opened, closed, what, went_wrong, title) VALUES (?, NULL, ?, ?, ?)",
                    now, opening.what().id(), opening.wentWrong(), opening.title());
            long id = Rows.queryOne(c, "SELECT last_insert_rowid()", row -> row.getLong(1)).orElseThrow();
            for (String source : new java.util.TreeSet<>(opening.sources())) {
                Rows.update(c, "INSERT INTO incident_sources (incident, source) VALUES (?, ?)", id, source);
            }
            Rows.update(c, "INSERT INTO holds (point, reason, incident, created)"
                    + " SELECT DISTINCT p.id, ?, ?, ? FROM restore_points p JOIN artifacts a ON a.point = p.id"
                    + " JOIN incident_sources s ON s.source = a.source AND s.incident = ?"
                    + " WHERE p.status = 'succeeded'", "incident " + id + ": " + opening.title(), id, now, id);
            return load(c, id);
        });
    }

    /** Closes an open incident and drops exactly the holds it made; other holds on the same points stay. */
    public Incident close(long id) {
        return db.write(c -> {
            Incident incident = load(c, id);
            if (!incident.open()) {
                throw new CatalogException("incident " + id + " was already closed at " + incident.closed().get());
            }
            Rows.update(c, "DELETE FROM holds WHERE incident = ?", id);
            Rows.update(c, "UPDATE incidents SET closed = ? WHERE id = ?", clock.instant(), id);
            return load(c, id);
        });
    }

    public Optional<Incident> find(long id) {
        return db.autocommit(c -> Rows.queryOne(c, SELECT + " WHERE i.id = ?", IncidentStore::incident, id));
    }

    /** Open incidents, or all of them with {@code all}, newest first. */
    public List<Incident> list(boolean all) {
        return db.autocommit(c -> Rows.query(c, SELECT + (all ? "" : " WHERE i.closed IS NULL")
                + " ORDER BY i.opened DESC, i.id DESC", IncidentStore::incident));
    }

    private static Incident load(Connection c, long id) throws SQLException {
        return Rows.queryOne(c, SELECT + " WHERE i.id = ?", IncidentStore::incident, id)
                .orElseThrow(() -> new CatalogException("there is no incident " + id
                        + "; `mamori incident list --all` lists them"));
    }

    private static Incident incident(ResultSet row) throws SQLException {
        String sources = row.getString("sources");
        List<String> names = sources == null ? Collections.emptyList() : new ArrayList<>(List.of(sources.split("\n")));
        return new Incident(row.getLong("id"), Rows.instant(row, "opened"), Rows.optionalInstant(row, "closed"),
                IncidentKind.fromId(row.getString("what")), names, Rows.optionalInstant(row, "went_wrong"),
                row.getString("title"), row.getInt("held"));
    }
}
