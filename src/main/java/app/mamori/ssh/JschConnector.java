package app.mamori.ssh;

import app.mamori.model.JumpHost;
import app.mamori.model.Server;
import com.jcraft.jsch.ConfigRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.OpenSSHConfig;
import com.jcraft.jsch.Session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Opens SSH sessions with JSch. Host keys are checked against Mamori's own known_hosts under
 * a {@link HostKeyPolicy}; strict checking is never turned off. Every connect builds its own
 * {@link JSch} so concurrent connects cannot see each other's keys or policies.
 */
public final class JschConnector implements SshConnector {
    static final int CONNECT_TIMEOUT_MS = 20_000;
    static final int KEEPALIVE_MS = 15_000;
    static final int KEEPALIVE_COUNT_MAX = 4;
    /** AES-GCM runs on the JDK's AES-NI intrinsics; JSch's chacha20 is pure Java, ~3x slower. */
    static final String CIPHERS = "aes128-gcm@openssh.com,aes256-gcm@openssh.com,aes128-ctr,aes192-ctr,aes256-ctr,"
            + "chacha20-poly1305@openssh.com";

    private final KnownHostsFile knownHosts;
    private final Path sshConfig;
    private final UnaryOperator<String> env;

    /**
     * @param knownHosts Mamori's known_hosts (under MAMORI_HOME); created 0600 when first pinned to
     * @param sshConfig  the user's {@code ~/.ssh/config}, or null to ignore it; a missing file is fine
     */
    public JschConnector(Path knownHosts, Path sshConfig) {
        this(knownHosts, sshConfig, System::getenv);
    }

    /** Tests pass their own environment to choose HOME (default keys) and SSH_AUTH_SOCK. */
    JschConnector(Path knownHosts, Path sshConfig, UnaryOperator<String> env) {
        this.knownHosts = new KnownHostsFile(knownHosts);
        this.sshConfig = sshConfig;
        this.env = env;
    }

    /** The user's {@code ~/.ssh/config}, or null when there is none. */
    public static Path defaultSshConfig() {
        Path p = Path.of(System.getProperty("user.home"), ".ssh", "config");
        return Files.isRegularFile(p) ? p : null;
    }

    @Override
    public RemoteShell connect(Server server, HostKeyPolicy policy, HostKeyPolicy jumpPolicy, char[] passphrase)
            throws SshException {
        ConfigRepository config = readConfig();
        List<String> identity = server.identity().map(List::of).orElse(List.of());
        SshTarget target = SshTarget.resolve(server.name(), false, server.host(), server.port(), server.user(), identity,
                config, env);
        Session jump = null;
        try {
            // the server's own --jump wins; else the ProxyJump that ~/.ssh/config gives its host
            Optional<JumpHost> jumpHost = server.jump().isPresent() ? server.jump()
                    : configJump(server.host(), config);
            if (jumpHost.isEmpty() && jumpPolicy instanceof HostKeyPolicy.Expect) {
                throw new SshException("a --jump-host-key was given, but server '" + server.name() + "' has no jump "
                        + "host (no --jump, and no ProxyJump for " + server.host() + " in ~/.ssh/config); nothing was "
                        + "pinned. Give --jump USER@HOST[:PORT] too, or leave --jump-host-key out.");
            }
            Opened hopOpened = null;
            if (jumpHost.isPresent()) {
                JumpHost j = jumpHost.get();
                SshTarget hop = SshTarget.resolve(server.name(), true, j.host(), j.port(), j.user(),
                        identity, config, env);
                hopOpened = open(hop, jumpPolicy, passphrase, null);
                jump = hopOpened.session;
            }
            Opened opened = open(target, policy, passphrase, jump);
            // pins only once both hops are up: a server refused behind its jump host leaves no pin for the hop
            JumpHostKey jumpKey = hopOpened == null ? null
                    : hopOpened.asJumpHostKey(commitPin(hopOpened, opened.session));
            commitPin(opened, opened.session);
            return new JschShell(server.name(), opened.session, jump, opened.fingerprint(), jumpKey);
        } catch (SshException | RuntimeException e) {
            if (jump != null) {
                jump.disconnect();
            }
            throw e;
        }
    }

    /** A session that is up, with the key it accepted not pinned yet. */
    private record Opened(SshTarget target, Session session, PolicyHostKeys hostKeys) {
        String fingerprint() {
            return hostKeys.presentedFingerprint();
        }

        JumpHostKey asJumpHostKey(boolean pinnedNow) {
            return new JumpHostKey(target.user() + "@" + target.hostName() + ":" + target.port(), fingerprint(),
                    pinnedNow);
        }
    }

    /** Pins what {@code opened} accepted; on failure closes the server's session {@code toClose}. */
    private boolean commitPin(Opened opened, Session toClose) throws SshException {
        try {
            return opened.hostKeys.commitPin();
        } catch (IOException e) {
            toClose.disconnect();
            throw new SshException("connected to " + opened.target.where() + " but could not pin its host key in "
                    + knownHosts.path() + ": " + e.getMessage(), e);
        }
    }

    private Opened open(SshTarget t, HostKeyPolicy policy, char[] passphrase, Session via) throws SshException {
        JSch jsch = new JSch();
        Credentials.Offered offered = Credentials.apply(jsch, t, passphrase, env);
        PolicyHostKeys hostKeys = new PolicyHostKeys(knownHosts, t, policy);
        jsch.setHostKeyRepository(hostKeys);
        Session session;
        try {
            session = jsch.getSession(t.user(), t.hostName(), t.port());
            session.setHostKeyAlias(t.alias());
            session.setConfig("StrictHostKeyChecking", "yes");
            session.setConfig("PreferredAuthentications", "publickey");
            session.setConfig("cipher.s2c", CIPHERS);
            session.setConfig("cipher.c2s", CIPHERS);
            session.setConfig("aes128-gcm@openssh.com", NativeAesGcm.Aes128.class.getName());
            session.setConfig("aes256-gcm@openssh.com", NativeAesGcm.Aes256.class.getName());
            session.setServerAliveInterval(KEEPALIVE_MS);
            session.setServerAliveCountMax(KEEPALIVE_COUNT_MAX);
            session.setDaemonThread(true);
            if (via != null) {
                session.setProxy(new JumpProxy(via));
            }
            session.connect(CONNECT_TIMEOUT_MS);
        } catch (JSchException e) {
            throw JschErrors.connectFailed(e, t, hostKeys, offered, CONNECT_TIMEOUT_MS);
        }
        return new Opened(t, session, hostKeys);
    }

    /**
     * The one hop a {@code ProxyJump} line of the config names for {@code host}, if any:
     * {@code [user@]host[:port]}, the hop itself possibly an alias of the config. {@code none}
     * means no jump; a chain of hops is refused, since Mamori connects through one.
     */
    static Optional<JumpHost> configJump(String host, ConfigRepository config) throws SshException {
        ConfigRepository.Config c = config == null ? null : config.getConfig(host);
        String spec = c == null ? null : c.getValue("ProxyJump");
        if (spec == null || spec.isBlank() || spec.strip().equalsIgnoreCase("none")) {
            return Optional.empty();
        }
        spec = spec.strip();
        if (spec.contains(",")) {
            throw new SshException("~/.ssh/config gives host '" + host + "' a chain of jump hosts (ProxyJump " + spec
                    + "); Mamori connects through one: give the server '--jump USER@HOST[:PORT]' for the last hop, "
                    + "with the others reachable from it, or simplify the config");
        }
        if (spec.startsWith("ssh://")) {
            spec = spec.substring("ssh://".length());
        }
        try {
            return Optional.of(spec.indexOf('@') > 0 ? JumpHost.parse(spec)
                    : JumpHost.parse("@" + spec.replaceFirst("^@", ""), false));
        } catch (IllegalArgumentException e) {
            throw new SshException("~/.ssh/config: ProxyJump for host '" + host + "' is not [USER@]HOST[:PORT]: "
                    + spec, e);
        }
    }

    private ConfigRepository readConfig() throws SshException {
        if (sshConfig == null || !Files.isRegularFile(sshConfig)) {
            return null;
        }
        try {
            return OpenSSHConfig.parseFile(sshConfig.toString());
        } catch (IOException | RuntimeException e) {
            throw new SshException("cannot read the SSH config " + sshConfig + ": " + e.getMessage(), e);
        }
    }
}
