package app.mamori.catalog;

import app.mamori.model.JumpHost;
import app.mamori.model.Server;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The SSH hosts the admin has added. */
public final class ServerStore {
    private static final String COLUMNS = "name, host, port, user, identity, jump";

    private final CatalogConnection db;
    private final Clock clock;

    ServerStore(CatalogConnection db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public void add(Server server) {
        db.write(c -> {
            if (exists(c, server.name())) {
                throw CatalogException.refused("serverExists", "server '" + server.name() + "' already exists", server.name());
            }
            Rows.update(c, "INSERT INTO servers (" + COLUMNS + ", created) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    server.name(), server.host(), server.port(), server.user(), server.identity(),
                    server.jump().map(ServerStore::jumpColumn), clock.instant());
            return null;
        });
    }

    public Optional<Server> find(String name) {
        return db.autocommit(c -> Rows.queryOne(c, "SELECT " + COLUMNS + " FROM servers WHERE name = ?",
                ServerStore::server, name));
    }

    /** The server called {@code name}; fails with a message naming it when there is none. */
    public Server get(String name) {
        return find(name).orElseThrow(() -> CatalogException.refused("serverGone", "server '" + name + "' does not exist",
                name));
    }

    public List<Server> list() {
        return db.autocommit(c -> Rows.query(c, "SELECT " + COLUMNS + " FROM servers ORDER BY name",
                ServerStore::server));
    }

    /** Removes a server that no source or vault uses any more. */
    public void remove(String name) {
        db.write(c -> {
            if (!exists(c, name)) {
                throw CatalogException.refused("serverGone", "server '" + name + "' does not exist", name);
            }
            List<String> users = new ArrayList<>();
            Rows.names(c, "SELECT name FROM sources WHERE server = ? ORDER BY name", name)
                    .forEach(s -> users.add("source '" + s + "'"));
            Rows.names(c, "SELECT name FROM vaults WHERE server = ? ORDER BY name", name)
                    .forEach(v -> users.add("vault '" + v + "'"));
            if (!users.isEmpty()) {
                throw CatalogException.refused("serverInUse", "server '" + name + "' is still used by "
                        + String.join(", ", users) + "; remove those first", name, String.join(", ", users));
            }
            Rows.update(c, "DELETE FROM servers WHERE name = ?", name);
            return null;
        });
    }

    /** What removing a server takes along: the jobs of its sources, its sources, and the vaults kept on it. */
    public record Dependents(List<String> jobs, List<String> sources, List<String> vaults) {
    }

    public Dependents dependents(String name) {
        return db.autocommit(c -> dependents(c, name));
    }

    private static Dependents dependents(Connection c, String name) throws SQLException {
        return new Dependents(
                Rows.names(c, "SELECT DISTINCT js.job FROM job_sources js JOIN sources s ON s.name = js.source"
                        + " WHERE s.server = ? ORDER BY js.job", name),
                Rows.names(c, "SELECT name FROM sources WHERE server = ? ORDER BY name", name),
                Rows.names(c, "SELECT name FROM vaults WHERE server = ? ORDER BY name", name));
    }

    /**
     * Changes an existing server's address, user, key or jump host, in one step. Its sources,
     * jobs and history stay; the caller has pinned the host key for the new address first.
     */
    public void update(Server server) {
        db.write(c -> {
            if (Rows.update(c, "UPDATE servers SET host = ?, port = ?, user = ?, identity = ?, jump = ? WHERE name = ?",
                    server.host(), server.port(), server.user(), server.identity(),
                    server.jump().map(ServerStore::jumpColumn), server.name()) == 0) {
                throw CatalogException.refused("serverGone", "server '" + server.name() + "' does not exist", server.name());
            }
            return null;
        });
    }

    /**
     * Removes a server with its jobs, sources and the vaults kept on it, all in one transaction.
     * Runs, restore points and the backups in the vaults stay. Refused while a job of another
     * server keeps its backups in a vault on this one.
     */
    public Dependents removeWithDependents(String name) {
        return db.write(c -> {
            if (!exists(c, name)) {
                throw CatalogException.refused("serverGone", "server '" + name + "' does not exist", name);
            }
            Dependents d = dependents(c, name);
            for (String vault : d.vaults()) {
                List<String> others = new ArrayList<>(Rows.names(c, "SELECT name FROM jobs WHERE vault = ? ORDER BY name", vault));
                others.removeAll(d.jobs());
                if (!others.isEmpty()) {
                    throw CatalogException.refused("serverKeepsVault", "server '" + name + "' keeps vault '" + vault
                            + "', which job " + Rows.quoted(others) + " still uses; move those jobs to another vault"
                            + " first", name, vault, String.join(", ", others));
                }
            }
            for (String job : d.jobs()) {
                Rows.update(c, "DELETE FROM jobs WHERE name = ?", job);
            }
            for (String source : d.sources()) {
                Rows.update(c, "DELETE FROM sources WHERE name = ?", source);
            }
            for (String vault : d.vaults()) {
                Rows.update(c, "DELETE FROM vaults WHERE name = ?", vault);
            }
            Rows.update(c, "DELETE FROM servers WHERE name = ?", name);
            return d;
        });
    }

    static boolean exists(Connection c, String name) throws SQLException {
        return Rows.exists(c, "SELECT 1 FROM servers WHERE name = ?", name);
    }

    private static Server server(ResultSet row) throws SQLException {
        return new Server(row.getString("name"), row.getString("host"), row.getInt("port"), row.getString("user"),
                Rows.optionalString(row, "identity"), Rows.optionalString(row, "jump").map(ServerStore::jumpHost));
    }

    // Always with the port, so an IPv6 address's colons can never be read as one:
    // JumpHost's own user@host[:port] form leaves "u@::1" ambiguous.
    private static String jumpColumn(JumpHost jump) {
        return jump.user() + "@" + jump.host() + ":" + jump.port();
    }

    private static JumpHost jumpHost(String column) {
        int at = column.indexOf('@');
        int colon = column.lastIndexOf(':');
        return new JumpHost(column.substring(0, at), column.substring(at + 1, colon),
                Integer.parseInt(column.substring(colon + 1)));
    }
}
