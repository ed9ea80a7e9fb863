package app.mamori.service;

import app.mamori.catalog.ServerStore;
import app.mamori.engine.discover.DiscoveryListener;
import app.mamori.engine.discover.ServerDiscovery;
import app.mamori.model.Refused;
import app.mamori.model.Server;
import app.mamori.model.Source;
import app.mamori.model.SourceKind;
import app.mamori.secret.SecretStore;
import app.mamori.source.discover.DiscoverOptions;
import app.mamori.source.discover.Discovery;
import app.mamori.source.discover.Finding;
import app.mamori.source.files.RemoteFolders;
import app.mamori.ssh.HostKeyException;
import app.mamori.ssh.HostKeyPolicy;
import app.mamori.ssh.JumpHostKey;
import app.mamori.ssh.RemoteShell;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Servers: add with a pinned host key, edit, test, discover, remove with what depends on them. */
public final class ServerService {
    private final Services services;

    ServerService(Services services) {
        this.services = services;
    }

    /** What the server presents, compared with what is pinned for its address. */
    public enum KeyState { PINNED, NEW_KEY, CHANGED }

    public record KeyCheck(KeyState state, String presented, String pinned, String message) {
    }

    /** The keys a connection accepted: the server's, and its jump host's when it has one. */
    public record Keys(String hostKey, Optional<JumpHostKey> jumpHostKey) {
    }

    /** A server that answered: its host key and the tools Mamori may use there, one per line. */
    public record Check(String fingerprint, String tools) {
    }

    public List<Server> list() {
        return services.catalog().servers().list();
    }

    public Optional<Server> find(String name) {
        return services.catalog().servers().find(name);
    }

    public Server get(String name) {
        return services.catalog().servers().get(name);
    }

    /**
     * Connects trusting nothing new, to see which key the server presents; pins nothing. A jump
     * host whose key is not pinned (or changed) is an error, never a key offered as the server's.
     */
    public KeyCheck checkHostKey(Server server) throws IOException {
        try (RemoteShell shell = services.ssh().connect(server, HostKeyPolicy.pinned(), null)) {
            return new KeyCheck(KeyState.PINNED, shell.hostKeyFingerprint(), shell.hostKeyFingerprint(), "");
        } catch (HostKeyException e) {
            if (e.jumpHost()) {
                throw e;
            }
            return new KeyCheck(e.pinned().isPresent() ? KeyState.CHANGED : KeyState.NEW_KEY, e.presented(),
                    e.pinned().orElse(""), e.getMessage());
        }
    }

    /**
     * Adds a server after one connection under {@code policy}, which pins the key it accepts.
     * A name already taken is refused before anything connects.
     *
     * @return the pinned key's fingerprint
     */
    public String add(Server server, HostKeyPolicy policy) throws IOException {
        return add(server, policy, HostKeyPolicy.forJumpHost(policy)).hostKey();
    }

    /** {@link #add(Server, HostKeyPolicy)} with the jump host's key vouched for on its own. */
    public Keys add(Server server, HostKeyPolicy policy, HostKeyPolicy jumpPolicy) throws IOException {
        if (find(server.name()).isPresent()) {
            throw Refused.of("serverExists", "server '" + server.name() + "' already exists", server.name());
        }
        try (RemoteShell shell = services.ssh().connect(server, policy, jumpPolicy, null)) {
            services.catalog().servers().add(server);
            return new Keys(shell.hostKeyFingerprint(), shell.jumpHostKey());
        }
    }

    /**
     * Changes a server's address, user, key file or jump host. It connects first with the new
     * settings: where the address changed, {@code policy} must accept (and so pin) the key the
     * new address presents; otherwise the pinned key must still match. A fingerprint given
     * ({@link HostKeyPolicy.Expect}) must match what the server presents in either case.
     */
    public String update(Server edited, HostKeyPolicy policy) throws IOException {
        return update(edited, policy, HostKeyPolicy.forJumpHost(policy)).hostKey();
    }

    /**
     * {@link #update(Server, HostKeyPolicy)} with the jump host's key vouched for on its own: a
     * new jump host is accepted under {@code jumpPolicy} even where the server's address stays.
     */
    public Keys update(Server edited, HostKeyPolicy policy, HostKeyPolicy jumpPolicy) throws IOException {
        Server before = get(edited.name());
        boolean sameAddress = before.hostKeyAlias().equals(edited.hostKeyAlias());
        HostKeyPolicy use = sameAddress && !(policy instanceof HostKeyPolicy.Expect) ? HostKeyPolicy.pinned() : policy;
        try (RemoteShell shell = services.ssh().connect(edited, use, jumpPolicy, null)) {
            services.catalog().servers().update(edited);
            return new Keys(shell.hostKeyFingerprint(), shell.jumpHostKey());
        }
    }

    /** Connects with the pinned key and asks which tools the server has. */
    public Check test(String name) throws IOException {
        Server server = get(name);
        try (RemoteShell shell = services.ssh().connect(server)) {
            return new Check(shell.hostKeyFingerprint(), shell.run(ToolVersions.SCRIPT));
        }
    }

    public Discovery discover(String name, DiscoverOptions options) throws IOException {
        return new ServerDiscovery(services.catalog(), services.ssh()).discover(name, options);
    }

    /**
     * Discovery for a server not saved yet (the wizard), accepting exactly the key the admin
     * confirmed, telling {@code listener} each step as it starts and ends.
     */
    public Discovery discover(Server unsaved, String confirmedFingerprint, DiscoverOptions options,
                              DiscoveryListener listener) throws IOException {
        try (RemoteShell shell = services.ssh().connect(unsaved, new HostKeyPolicy.Expect(confirmedFingerprint), null)) {
            return ServerDiscovery.discover(shell, unsaved.name(), options, listener);
        }
    }

    /**
     * What a second look at a saved server found: the findings none of its sources backs up yet
     * ({@code fresh}), those already backed up ({@code known}), and the options it looked with,
     * which {@link #addFound} needs for the database password.
     */
    public record Rediscovery(Discovery discovery, List<Finding> fresh, List<Finding> known, DiscoverOptions used) {
        public Rediscovery {
            fresh = List.copyOf(fresh);
            known = List.copyOf(known);
        }
    }

    /**
     * Looks at a saved server again, as the wizard did, telling {@code listener} each step. The
     * database logins are those its sources already use (with their stored passwords), so new
     * databases behind a password are found without asking; {@code postgres}, when given,
     * replaces the PostgreSQL one.
     */
    public Rediscovery rediscover(String name, Optional<DiscoverOptions.DbLogin> postgres, DiscoveryListener listener)
            throws IOException {
        DiscoverOptions used = savedLogins(name);
        if (postgres.isPresent()) {
            used = used.withPostgres(postgres.get());
        }
        Discovery d = new ServerDiscovery(services.catalog(), services.ssh()).discover(name, used, listener);
        List<Source> have = services.sources().onServer(name);
        List<Finding> fresh = new ArrayList<>();
        List<Finding> known = new ArrayList<>();
        for (Finding f : d.findings()) {
            (KnownSources.covered(have, f.suggested()) ? known : fresh).add(f);
        }
        return new Rediscovery(d, fresh, known, used);
    }

    /** The default places, with the PostgreSQL and MariaDB logins of the server's first source of each kind. */
    DiscoverOptions savedLogins(String name) throws IOException {
        get(name);
        DiscoverOptions o = DiscoverOptions.defaults();
        for (SourceKind kind : List.of(SourceKind.POSTGRES, SourceKind.MYSQL)) {
            Optional<Source.Database> db = services.sources().onServer(name).stream()
                    .filter(s -> s instanceof Source.Database d && d.kind() == kind && d.container().isEmpty())
                    .map(s -> (Source.Database) s).findFirst();
            if (db.isPresent()) {
                Source.Database d = db.get();
                Optional<String> pw = d.hasPassword()
                        ? services.secrets().get(SecretStore.sourcePasswordKey(d.name())) : Optional.empty();
                DiscoverOptions.DbLogin login = new DiscoverOptions.DbLogin(d.dbHost(), d.dbPort(), d.dbUser(), pw);
                o = kind == SourceKind.POSTGRES ? o.withPostgres(login) : o.withMysql(login);
            }
        }
        return o;
    }

    /**
     * Adds what the admin chose from a {@link Rediscovery} as sources, in one go. A suggested name
     * another source already has gets the server's name after it (then a number). A database
     * found with a password keeps that password in the secret store.
     *
     * @return the sources added, with the names they got
     */
    public List<Source> addFound(String server, List<Finding> chosen, DiscoverOptions used) throws IOException {
        get(server);
        List<Source> added = new ArrayList<>();
        for (Finding f : chosen) {
            Source s = renamed(f.suggested(), uniqueName(f.suggested().name(), server));
            Optional<String> pw = Optional.empty();
            if (s instanceof Source.Database d && d.hasPassword()) {
                pw = (d.kind() == SourceKind.POSTGRES ? used.postgres() : used.mysql()).password();
            }
            services.sources().add(s, pw);
            added.add(s);
        }
        return added;
    }

    private String uniqueName(String base, String server) {
        if (services.sources().find(base).isEmpty()) {
            return base;
        }
        String stem = (base + "-" + server).length() > 60 ? base.substring(0, Math.min(base.length(), 40)) + "-"
                + server.substring(0, Math.min(server.length(), 19)) : base + "-" + server;
        String n = stem;
        for (int i = 2; services.sources().find(n).isPresent(); i++) {
            n = stem + "-" + i;
        }
        return n;
    }

    private static Source renamed(Source s, String name) {
        if (s instanceof Source.Database d) {
            return new Source.Database(name, d.server(), d.kind(), d.database(), d.dbHost(), d.dbPort(), d.dbUser(),
                    d.container(), d.hasPassword());
        }
        if (s instanceof Source.Sqlite q) {
            return new Source.Sqlite(name, q.server(), q.path());
        }
        if (s instanceof Source.Files f) {
            return new Source.Files(name, f.server(), f.paths(), f.excludes());
        }
        if (s instanceof Source.Bucket b) {
            return new Source.Bucket(name, b.server(), b.bucket(), b.prefix(), b.endpoint(), b.region(), b.pathStyle(),
                    b.accessKeyId(), b.viaSsh());
        }
        Source.DockerVolume v = (Source.DockerVolume) s;
        return new Source.DockerVolume(name, v.server(), v.volume());
    }

    /** The folders directly inside {@code dir} on the server, with their sizes where du is quick; for Browse. */
    public RemoteFolders.Listing folders(String name, String dir) throws IOException {
        Server server = get(name);
        try (RemoteShell shell = services.ssh().connect(server)) {
            return RemoteFolders.list(shell, name, dir);
        }
    }

    /** What {@link #remove} would take along, to show before the admin confirms. */
    public ServerStore.Dependents dependents(String name) {
        get(name);
        return services.catalog().servers().dependents(name);
    }

    /**
     * Removes the server, its sources (and their stored passwords), the jobs that back them up
     * and the vaults kept on it. Runs, restore points and the backups themselves stay.
     */
    public ServerStore.Dependents remove(String name) throws IOException {
        ServerStore.Dependents gone = services.catalog().servers().removeWithDependents(name);
        SecretStore secrets = services.secrets();
        for (String source : gone.sources()) {
            secrets.remove(SecretStore.sourcePasswordKey(source));
        }
        return gone;
    }
}
