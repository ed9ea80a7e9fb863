package app.mamori.catalog;

import app.mamori.model.Refused;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * What the runbook prints that is not backup configuration: the contacts the admin entered, and
 * the order each server's sources are restored in when the whole server is lost.
 */
public final class RunbookStore {
    private final CatalogConnection db;

    RunbookStore(CatalogConnection db) {
        this.db = db;
    }

    /** Someone to call on a bad day. Empty fields are blank, never null. */
    public record Contact(String name, String role, String phone, String email) {
        public Contact {
            if (name == null || name.isBlank()) {
                throw Refused.of("contactName", "contact: give a name");
            }
            name = name.strip();
            role = role == null ? "" : role.strip();
            phone = phone == null ? "" : phone.strip();
            email = email == null ? "" : email.strip();
        }
    }

    public List<Contact> contacts() {
        return db.autocommit(c -> Rows.query(c, "SELECT name, role, phone, email FROM contacts ORDER BY position",
                RunbookStore::contact));
    }

    /** Replaces every contact, in this order. */
    public void setContacts(List<Contact> contacts) {
        db.write(c -> {
            Rows.update(c, "DELETE FROM contacts");
            int i = 0;
            for (Contact k : contacts) {
                Rows.update(c, "INSERT INTO contacts (position, name, role, phone, email) VALUES (?, ?, ?, ?, ?)",
                        i++, k.name(), k.role(), k.phone(), k.email());
            }
            return null;
        });
    }

    /** The sources of {@code server} in the order the admin set; empty when none was set. */
    public List<String> restoreOrder(String server) {
        return db.autocommit(c -> Rows.names(c, "SELECT source FROM restore_order WHERE server = ? ORDER BY position",
                server));
    }

    /** Sets the order; every name must be a source of {@code server}. An empty list clears it. */
    public void setRestoreOrder(String server, List<String> sources) {
        db.write(c -> {
            if (!Rows.exists(c, "SELECT 1 FROM servers WHERE name = ?", server)) {
                throw CatalogException.refused("serverGone", "server '" + server + "' does not exist; see: mamori server list",
                        server);
            }
            for (String s : sources) {
                if (!Rows.exists(c, "SELECT 1 FROM sources WHERE name = ? AND server = ?", s, server)) {
                    throw new IllegalArgumentException("--restore-order: '" + s + "' is not a source of server "
                            + server + "; see: mamori source list");
                }
            }
            if (sources.stream().distinct().count() != sources.size()) {
                throw new IllegalArgumentException("--restore-order: a source is listed twice");
            }
            Rows.update(c, "DELETE FROM restore_order WHERE server = ?", server);
            int i = 0;
            for (String s : sources) {
                Rows.update(c, "INSERT INTO restore_order (server, position, source) VALUES (?, ?, ?)", server, i++, s);
            }
            return null;
        });
    }

    private static Contact contact(ResultSet r) throws SQLException {
        return new Contact(r.getString(1), r.getString(2), r.getString(3), r.getString(4));
    }
}
