package app.mamori.service;

import app.mamori.model.Refused;
import app.mamori.model.Source;
import app.mamori.secret.SecretStore;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** Sources on a server, with the database passwords kept in the secret store, never in the catalogue. */
public final class SourceService {
    private final Services services;

    SourceService(Services services) {
        this.services = services;
    }

    public List<Source> list() {
        return services.catalog().sources().list();
    }

    public List<Source> onServer(String server) {
        return services.catalog().sources().onServer(server);
    }

    public Optional<Source> find(String name) {
        return services.catalog().sources().find(name);
    }

    public Source get(String name) {
        return services.catalog().sources().get(name);
    }

    /**
     * Adds a source; a database password goes to the secret store. Every check runs before the
     * password is stored, so a refused source (a name already taken) never touches the
     * password of the source that has that name.
     */
    public void add(Source source, Optional<String> password) throws IOException {
        services.catalog().servers().get(source.server());
        if (find(source.name()).isPresent()) {
            throw Refused.of("sourceExists", "source '" + source.name() + "' already exists; choose another name"
                    + " (its password, if any, is unchanged)", source.name());
        }
        if (password.isPresent() && !(source instanceof Source.Database || source instanceof Source.Bucket)) {
            throw new IllegalArgumentException("--password-stdin: only postgres and mysql sources take a password");
        }
        if (password.isEmpty() && source instanceof Source.Bucket) {
            throw new IllegalArgumentException("--secret-access-key-stdin: an s3-bucket source needs its secret key");
        }
        String key = SecretStore.sourcePasswordKey(source.name());
        if (password.isPresent()) {
            services.secrets().put(key, password.get());
        }
        try {
            services.catalog().sources().add(source);
        } catch (RuntimeException e) {
            if (password.isPresent()) {
                services.secrets().remove(key);
            }
            throw e;
        }
    }

    /** Replaces a database source's settings; the stored password stays unless a new one is given. */
    public void update(Source source, Optional<String> password) throws IOException {
        Source before = get(source.name());
        if (!before.server().equals(source.server())) {
            throw new IllegalArgumentException("source '" + source.name() + "' is on server " + before.server()
                    + "; a source cannot move to another server, add a new one there");
        }
        if (password.isPresent()) {
            setPassword(source.name(), password.get());
        }
        services.catalog().sources().update(source);
    }

    /** Stores a database source's password (marking the source as having one), or a bucket source's secret key. */
    public void setPassword(String name, String password) throws IOException {
        Source s = get(name);
        if (s instanceof Source.Bucket) {
            services.secrets().put(SecretStore.sourcePasswordKey(name), password);
            return;
        }
        if (!(s instanceof Source.Database d)) {
            throw new IllegalArgumentException("source '" + name + "' is " + s.kind()
                    + "; only postgres, mysql and s3-bucket sources take a password or key");
        }
        services.secrets().put(SecretStore.sourcePasswordKey(name), password);
        if (!d.hasPassword()) {
            services.catalog().sources().update(new Source.Database(d.name(), d.server(), d.kind(), d.database(),
                    d.dbHost(), d.dbPort(), d.dbUser(), d.container(), true));
        }
    }

    /** Removes a source no job takes any more, and its stored password; its backups stay restorable. */
    public void remove(String name) throws IOException {
        services.catalog().sources().remove(name);
        services.secrets().remove(SecretStore.sourcePasswordKey(name));
    }
}
