package app.mamori.testenv;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A throw-away Secret Service: a D-Bus session bus of its own ({@code dbus-daemon --session} on a
 * socket in a temp folder) with GNOME Keyring on it, its login collection created and unlocked
 * with {@link #PASSWORD} given on stdin. Its keyring files live in the temp folder, so
 * {@link #restart()} brings back what was stored, as a desktop does after a logout. Processes
 * reach it through {@link #env()}; {@link #lookup} reads an entry back with {@code secret-tool}.
 */
public final class SecretServiceDaemon implements AutoCloseable {
    public static final String PASSWORD = "test keyring password";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    /**
     * A session bus that starts nothing on demand (no service folders): the system's would start a
     * second GNOME Keyring, locked, when a call comes before ours is up, and a prompter for a locked one.
     */
    private static final String BUS_CONFIG = """
            <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
             "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
            <busconfig>
              <type>session</type>
              <listen>%s</listen>
              <auth>EXTERNAL</auth>
              <policy context="default">
                <allow send_destination="*" eavesdrop="true"/>
                <allow eavesdrop="true"/>
                <allow own="*"/>
              </policy>
            </busconfig>
            """;

    private final Path dir;
    private final String address;
    private final Process bus;
    private Process keyring;

    private SecretServiceDaemon(Path dir, String address, Process bus) {
        this.dir = dir;
        this.address = address;
        this.bus = bus;
    }

    public static SecretServiceDaemon start() {
        Path dbus = Tools.require("/usr/bin/dbus-daemon", "dbus");
        Tools.require("/usr/bin/gnome-keyring-daemon", "gnome-keyring");
        Tools.require("/usr/bin/secret-tool", "libsecret-tools");
        try {
            Path dir = Files.createTempDirectory("mamori-keyring-");
            Files.createDirectories(dir.resolve("run"), PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            String address = "unix:path=" + dir.resolve("bus");
            Files.writeString(dir.resolve("bus.conf"), BUS_CONFIG.formatted(address));
            Process bus = new ProcessBuilder(dbus.toString(), "--config-file=" + dir.resolve("bus.conf"), "--nofork")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("dbus.out").toFile()).start();
            SecretServiceDaemon d = new SecretServiceDaemon(dir, address, bus);
            d.waitFor(() -> Files.exists(dir.resolve("bus")) || !bus.isAlive(), "dbus-daemon's socket", "dbus.out");
            if (!bus.isAlive()) {
                throw new IllegalStateException("dbus-daemon exited: " + Proc.tail(dir.resolve("dbus.out"), 20));
            }
            d.startKeyring();
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a process needs to reach this Secret Service (and the keyring files in the temp folder). */
    public Map<String, String> env() {
        return Map.of("DBUS_SESSION_BUS_ADDRESS", address, "HOME", dir.toString(),
                "XDG_DATA_HOME", dir.resolve("data").toString(), "XDG_RUNTIME_DIR", dir.resolve("run").toString());
    }

    /** The secret stored under these attributes, as {@code secret-tool lookup} reads it; empty when there is none. */
    public Optional<String> lookup(String service, String account) {
        Proc.Result r = Proc.run(List.of("secret-tool", "lookup", "service", service, "account", account), env(), null,
                TIMEOUT);
        return r.exit() == 0 ? Optional.of(r.stdout()) : Optional.empty();
    }

    /** Locks the login collection, as a screen lock or a timeout does; only a prompt (none here) could open it. */
    public void lock() {
        Proc.check(List.of("dbus-send", "--session", "--dest=org.freedesktop.secrets", "--print-reply",
                "/org/freedesktop/secrets", "org.freedesktop.Secret.Service.Lock",
                "array:objpath:/org/freedesktop/secrets/collection/login"), env(), null, TIMEOUT);
    }

    /** Stops GNOME Keyring and starts it again on the same files, unlocked with the same password. */
    public void restart() throws IOException {
        stopKeyring();
        startKeyring();
    }

    private void startKeyring() throws IOException {
        ProcessBuilder pb = new ProcessBuilder("gnome-keyring-daemon", "--foreground", "--unlock",
                "--components=secrets").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("keyring.out").toFile()));
        pb.environment().putAll(env());
        keyring = pb.start();
        try (OutputStream in = keyring.getOutputStream()) {
            in.write(PASSWORD.getBytes(StandardCharsets.UTF_8));
        }
        // answering on the bus is the sign it is ready: a lookup of nothing exits 1 instead of failing to connect
        waitFor(() -> Proc.run(List.of("secret-tool", "search", "service", "none"), env(), null, TIMEOUT)
                .stderr().isBlank() || !keyring.isAlive(), "gnome-keyring-daemon on the bus", "keyring.out");
        if (!keyring.isAlive()) {
            throw new IllegalStateException("gnome-keyring-daemon exited: " + Proc.tail(dir.resolve("keyring.out"), 20));
        }
    }

    private void stopKeyring() {
        if (keyring != null) {
            keyring.destroy();
            try {
                keyring.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private interface Check {
        boolean ok() throws IOException;
    }

    private void waitFor(Check check, String what, String log) throws IOException {
        long end = System.nanoTime() + TIMEOUT.toNanos();
        while (!check.ok()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException(what + " did not come up in " + TIMEOUT.toSeconds() + " s: "
                        + Proc.tail(dir.resolve(log), 20));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() {
        stopKeyring();
        bus.destroy();
        try {
            bus.waitFor();
            Tools.deleteTree(dir);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
