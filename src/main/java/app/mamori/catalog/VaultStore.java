package app.mamori.catalog;

import app.mamori.model.Vault;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Where backups are kept: local folders and folders on SSH hosts. */
public final class VaultStore {
    private final CatalogConnection db;
    private final Clock clock;

    VaultStore(CatalogConnection db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public void add(Vault vault) {
        db.write(c -> {
            if (exists(c, vault.name())) {
                throw CatalogException.refused("vaultExists", "vault '" + vault.name() + "' already exists", vault.name());
            }
            if (vault.server().isPresent() && !ServerStore.exists(c, vault.server().get())) {
                throw new CatalogException("vault '" + vault.name() + "' is on server '" + vault.server().get()
                        + "', which does not exist; add the server first");
            }
            Rows.update(c, "INSERT INTO vaults (name, path, server, created) VALUES (?, ?, ?, ?)",
                    vault.name(), vault.path(), vault.server(), clock.instant());
            return null;
        });
    }

    public Optional<Vault> find(String name) {
        return db.autocommit(c -> Rows.queryOne(c, "SELECT name, path, server FROM vaults WHERE name = ?",
                VaultStore::vault, name));
    }

    public Vault get(String name) {
        return find(name).orElseThrow(() -> CatalogException.refused("vaultGone", "vault '" + name + "' does not exist",
                name));
    }

    public List<Vault> list() {
        return db.autocommit(c -> Rows.query(c, "SELECT name, path, server FROM vaults ORDER BY name", VaultStore::vault));
    }

    /** Forgets a vault no job uses any more; the backups in its folder are left alone. */
    public void remove(String name) {
        db.write(c -> {
            if (!exists(c, name)) {
                throw CatalogException.refused("vaultGone", "vault '" + name + "' does not exist", name);
            }
            List<String> jobs = Rows.names(c, "SELECT name FROM jobs WHERE vault = ? ORDER BY name", name);
            if (!jobs.isEmpty()) {
                throw CatalogException.refused("vaultInUse", "vault '" + name + "' is still used by job "
                        + Rows.quoted(jobs) + "; move or remove those jobs first", name, String.join(", ", jobs));
            }
            Rows.update(c, "DELETE FROM vaults WHERE name = ?", name);
            return null;
        });
    }

    static boolean exists(Connection c, String name) throws SQLException {
        return Rows.exists(c, "SELECT 1 FROM vaults WHERE name = ?", name);
    }

    private static Vault vault(ResultSet row) throws SQLException {
        return new Vault(row.getString("name"), row.getString("path"), Rows.optionalString(row, "server"));
    }
}
