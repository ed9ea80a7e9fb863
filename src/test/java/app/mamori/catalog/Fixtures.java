package app.mamori.catalog;

import app.mamori.model.Artifact;
import app.mamori.model.Job;
import app.mamori.model.RestorePoint;
import app.mamori.model.RunStatus;
import app.mamori.model.Server;
import app.mamori.model.Source;
import app.mamori.model.SourceKind;
import app.mamori.model.Vault;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Small, valid configuration that tests build on. */
public final class Fixtures {
    private Fixtures() {
    }

    static Server server(String name) {
        return new Server(name, name + ".office.lan", 22, "backup", Optional.empty(), Optional.empty());
    }

    static Source.Sqlite sqlite(String name, String server) {
        return new Source.Sqlite(name, server, "/srv/" + name + ".db");
    }

    static Vault localVault(String name) {
        return new Vault(name, "/mnt/nas/" + name, Optional.empty());
    }

    /** A catalogue with server {@code web}, sources {@code blog-db} and {@code uploads} on it, vault {@code nas} and job {@code blog}. */
    public static void addBlogJob(Catalog catalog) {
        catalog.servers().add(server("web"));
        catalog.sources().add(sqlite("blog-db", "web"));
        catalog.sources().add(new Source.Files("uploads", "web", List.of("/srv/uploads"), List.of()));
        catalog.vaults().add(localVault("nas"));
        catalog.jobs().add(new Job("blog", List.of("blog-db", "uploads"), "nas"));
    }

    static RestorePoint blogPoint(String id, Instant time, RunStatus status) {
        return new RestorePoint(id, "web", "blog", "nas", time, status, "blog/" + id, List.of(
                new Artifact("blog-db", SourceKind.SQLITE, "blog-db.sqlite.zst", 1234, "ab".repeat(32)),
                new Artifact("uploads", SourceKind.FILES, "uploads", 987_654, "cd".repeat(32))));
    }
}
