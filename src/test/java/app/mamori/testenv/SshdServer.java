package app.mamori.testenv;

import app.mamori.model.Server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A key-only OpenSSH sshd on 127.0.0.1, started from a temp folder with its own host key and
 * a set of generated client keys, all authorized for the current user. Integration tests get
 * one through {@link SshdExtension}; the benchmark starts one directly.
 */
public final class SshdServer implements AutoCloseable {
    public static final String SSHD = "/usr/sbin/sshd";
    public static final String PASSPHRASE = "correct horse battery staple";

    private final Path dir;
    private final int port;
    private final String user;
    private final Path identity;
    private final Map<String, Path> otherKeys;
    private final Path unauthorizedKey;
    private final String hostKeyLine;
    private final Process process;

    private SshdServer(Path dir, int port, Path identity, Map<String, Path> otherKeys, Path unauthorizedKey,
                       String hostKeyLine, Process process) {
        this.dir = dir;
        this.port = port;
        this.user = System.getProperty("user.name");
        this.identity = identity;
        this.otherKeys = otherKeys;
        this.unauthorizedKey = unauthorizedKey;
        this.hostKeyLine = hostKeyLine;
        this.process = process;
    }

    /**
     * Set in every session unless asked otherwise: a bash started by sshd with SHLVL unset reads
     * {@code ~/.bashrc} before each command (Debian builds bash so), and the account running the
     * tests is not a server under test. Root's {@code ~/.bashrc} on these machines runs
     * {@code pyenv init}, 0.5 to 3 s per remote command, which was most of the integration
     * tests' time. With SHLVL=1 bash counts itself a nested shell and skips it.
     */
    private static final Map<String, String> NO_RC_FILES = Map.of("SHLVL", "1");

    /** Starts sshd; fails (never skips) with the package to install when sshd is missing. */
    public static SshdServer start() throws IOException, InterruptedException {
        return start(Map.of());
    }

    /**
     * Starts sshd whose sessions see {@code sessionEnv} (sshd_config {@code SetEnv}, OpenSSH 7.8+),
     * as a server's login environment would set DOCKER_HOST. Names and values must not contain
     * spaces or quotes. Sessions skip the login user's {@code ~/.bashrc} (see {@link #NO_RC_FILES}).
     */
    public static SshdServer start(Map<String, String> sessionEnv) throws IOException, InterruptedException {
        Map<String, String> env = new LinkedHashMap<>(NO_RC_FILES);
        env.putAll(sessionEnv);
        return startWith(env);
    }

    /**
     * Starts sshd whose sessions read the login user's {@code ~/.bashrc} before every command, as
     * on a server with a login script: for benchmarks that count that cost in.
     */
    public static SshdServer startWithLoginScripts() throws IOException, InterruptedException {
        return startWith(Map.of());
    }

    private static SshdServer startWith(Map<String, String> sessionEnv) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(SSHD)) || !Files.isExecutable(Path.of("/usr/bin/ssh-keygen"))) {
            throw new IllegalStateException(SSHD + " or ssh-keygen is missing: install them with "
                    + "'apt-get install openssh-server openssh-client'");
        }
        Path dir = Files.createTempDirectory("mamori-sshd-");
        Files.createDirectories(Path.of("/run/sshd"));
        Path hostKey = keygen(dir.resolve("host_ed25519"), "ed25519", "");
        Path identity = keygen(dir.resolve("id_ed25519"), "ed25519", "");
        Map<String, Path> others = new LinkedHashMap<>();
        others.put("ecdsa", keygen(dir.resolve("id_ecdsa"), "ecdsa", ""));
        others.put("rsa", keygen(dir.resolve("id_rsa"), "rsa", ""));
        others.put("ed25519-passphrase", keygen(dir.resolve("id_ed25519_pass"), "ed25519", PASSPHRASE));
        Path stranger = keygen(dir.resolve("id_stranger"), "ed25519", "");

        List<String> authorized = new ArrayList<>();
        authorized.add(Files.readString(pub(identity)).strip());
        for (Path k : others.values()) {
            authorized.add(Files.readString(pub(k)).strip());
        }
        Path authorizedKeys = dir.resolve("authorized_keys");
        Files.write(authorizedKeys, authorized, StandardCharsets.UTF_8);

        // A port free when picked can be taken before sshd binds it (another test JVM, another
        // run on the machine): then sshd exits saying so, and it is started again on another.
        for (int attempt = 1; ; attempt++) {
            int port = Tools.freePort();
            Path config = dir.resolve("sshd_config");
            Files.writeString(config, String.join("\n",
                    "Port " + port,
                    "ListenAddress 127.0.0.1",
                    "HostKey " + hostKey,
                    "PidFile " + dir.resolve("sshd.pid"),
                    "AuthorizedKeysFile " + authorizedKeys,
                    "PubkeyAuthentication yes",
                    "PasswordAuthentication no",
                    "KbdInteractiveAuthentication no",
                    "PermitRootLogin prohibit-password",
                    "UsePAM no",
                    "StrictModes no",
                    // the jump-host test opens a direct-tcpip channel through this sshd to itself
                    "AllowTcpForwarding yes",
                    "MaxSessions 50",
                    "MaxStartups 50",
                    "LogLevel VERBOSE",
                    setEnv(sessionEnv),
                    ""));
            Files.deleteIfExists(dir.resolve("sshd.log"));
            Process p = new ProcessBuilder(SSHD, "-D", "-f", config.toString(), "-E", dir.resolve("sshd.log").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("sshd.out").toFile())
                    .start();
            try {
                awaitListening(port, p, dir);
            } catch (PortTakenException e) {
                if (attempt < Tools.PORT_ATTEMPTS) {
                    continue;
                }
                throw new IOException(e.getMessage() + " (" + attempt + " ports tried)", e);
            }
            String hostPub = Files.readString(pub(hostKey)).strip();
            String[] parts = hostPub.split(" ");
            return new SshdServer(dir, port, identity, Map.copyOf(others), stranger, parts[0] + " " + parts[1], p);
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    /** The default client key (ed25519, no passphrase). */
    public Path identity() {
        return identity;
    }

    /** More authorized keys by kind: {@code ecdsa}, {@code rsa}, {@code ed25519-passphrase} (passphrase {@link #PASSPHRASE}). */
    public Map<String, Path> otherKeys() {
        return otherKeys;
    }

    /** A valid key the server does not accept. */
    public Path unauthorizedKey() {
        return unauthorizedKey;
    }

    public Path dir() {
        return dir;
    }

    /** The host key as {@code ssh-ed25519 BASE64}. */
    public String hostKeyLine() {
        return hostKeyLine;
    }

    public String hostKeyFingerprint() {
        try {
            byte[] blob = Base64.getDecoder().decode(hostKeyLine.split(" ")[1]);
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(sha);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String knownHostsAlias() {
        return "[" + host() + "]:" + port;
    }

    /** A server model for this sshd, logging in with the default key. */
    public Server server(String name) {
        return new Server(name, host(), port, user, Optional.of(identity.toString()), Optional.empty());
    }

    /** A fresh MAMORI_HOME-like folder whose {@code known_hosts} pins this sshd's host key. */
    public Path newHomeWithPinnedKey() throws IOException {
        Path home = newEmptyHome();
        Files.writeString(home.resolve("known_hosts"), knownHostsAlias() + " " + hostKeyLine + "\n");
        return home;
    }

    /** A fresh MAMORI_HOME-like folder with no known_hosts. */
    public Path newEmptyHome() throws IOException {
        return Files.createTempDirectory(dir, "home-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }

    public String log() throws IOException {
        return Files.readString(dir.resolve("sshd.log"));
    }

    /** Stops sshd and removes its folder (keys included), unless -Dmamori.test.keep=true for debugging. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!Boolean.getBoolean("mamori.test.keep")) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException ignored) {
                // a leftover temp folder is not worth failing the run for
            }
        }
    }

    private static String setEnv(Map<String, String> env) {
        if (env.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("SetEnv");
        env.forEach((k, v) -> {
            if (!(k + v).matches("[A-Za-z0-9_/:.=+-]*")) {
                throw new IllegalArgumentException("sshd SetEnv cannot carry " + k + "=" + v);
            }
            sb.append(' ').append(k).append('=').append(v);
        });
        return sb.toString();
    }

    private static Path pub(Path key) {
        return Path.of(key + ".pub");
    }

    private static Path keygen(Path file, String type, String passphrase) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ssh-keygen", "-q", "-t", type, "-N", passphrase,
                "-C", "mamori-test-" + file.getFileName(), "-f", file.toString()));
        if (type.equals("rsa")) {
            cmd.addAll(List.of("-b", "3072"));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("ssh-keygen failed for " + file + ": " + out);
        }
        return file;
    }

    /** sshd could not bind its port: someone took it after it was picked. */
    private static final class PortTakenException extends IOException {
        PortTakenException(String message) {
            super(message);
        }
    }

    /**
     * Waits for sshd's own "Server listening" line, not just for something to answer on the
     * port: a port taken by another server would answer too.
     */
    private static void awaitListening(int port, Process p, Path dir) throws IOException, InterruptedException {
        String listening = "Server listening on 127.0.0.1 port " + port + ".";
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            String log = readQuietly(dir.resolve("sshd.log"));
            if (log.contains(listening) && p.isAlive()) {
                return;
            }
            if (!p.isAlive()) {
                String out = log + readQuietly(dir.resolve("sshd.out"));
                if (out.contains("Bind to port " + port) || out.contains("Cannot bind any address")) {
                    throw new PortTakenException("sshd could not bind port " + port + ": " + out.strip());
                }
                throw new IOException("sshd exited with " + p.exitValue() + ": " + out);
            }
            Thread.sleep(20);
        }
        p.destroyForcibly();
        throw new IOException("sshd did not listen on port " + port + " within 15 s: "
                + readQuietly(dir.resolve("sshd.log")));
    }

    private static String readQuietly(Path f) {
        try {
            return Files.exists(f) ? Files.readString(f) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
