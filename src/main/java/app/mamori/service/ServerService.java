package app.mamori.service;

import app.mamori.catalog.ServerStore;
import app.mamori.engine.discover.DiscoveryListener;
import app.mamori.engine.discover.ServerDiscovery;
import app.mamori.model.Server;
import app.mamori.secret.SecretStore;
import app.mamori.source.discover.DiscoverOptions;
import app.mamori.source.discover.Discovery;
import app.mamori.ssh.HostKeyException;
import app.mamori.ssh.HostKeyPolicy;
import app.mamori.ssh.JumpHostKey;
import app.mamori.ssh.RemoteShell;

import java.io.IOException;
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
            throw new IllegalArgumentException("server '" + server.name() + "' already exists");
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
