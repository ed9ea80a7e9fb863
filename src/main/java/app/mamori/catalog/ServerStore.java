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
                throw new CatalogException("server '" + server.name() + "' already exists");
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
        return find(name).orElseThrow(() -> new CatalogException("server '" + name + "' does not exist"));
    }

    public List<Server> list() {
        return db.autocommit(c -> Rows.query(c, "SELECT " + COLUMNS + " FROM servers ORDER BY name",
                ServerStore::server));
    }

    /** Removes a server that no source or vault uses any more. */
    public void remove(String name) {
        db.write(c -> {
            if (!exists(c, name)) {
                throw new CatalogException("server '" + name + "' does not exist");
            }
            List<String> users = new ArrayList<>();
            Rows.names(c, "SELECT name FROM sources WHERE server = ? ORDER BY name", name)
                    .forEach(s -> users.add("source '" + s + "'"));
            Rows.names(c, "SELECT name FROM vaults WHERE server = ? ORDER BY name", name)
                    .forEach(v -> users.add("vault '" + v + "'"));
            if (!users.isEmpty()) {
                throw new CatalogException("server '" + name + "' is still used by " + String.join(", ", users)
                        + "; remove those first");
            }
            Rows.update(c, "DELETE FROM servers WHERE name = ?", name);
            return null;
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
