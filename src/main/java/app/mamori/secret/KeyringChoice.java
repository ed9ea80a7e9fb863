package app.mamori.secret;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether this process keeps secrets in the OS keyring. On by default where one can answer: on
 * Linux and the BSDs only when a D-Bus session bus is set ({@code DBUS_SESSION_BUS_ADDRESS}), so
 * a server, cron or CI goes straight to the file without a connection attempt. {@code
 * MAMORI_KEYRING=off} (or the system property {@code mamori.keyring=off}, which wins) turns it
 * off for a process: the test suite does so, so that only the keyring's own tests need a daemon.
 */
public final class KeyringChoice {
    public static final String ENV = "MAMORI_KEYRING";
    public static final String PROPERTY = "mamori.keyring";
    private static final String BUS = "DBUS_SESSION_BUS_ADDRESS";
    /** Long enough for a desktop's keyring to start on first use, short enough not to stall a backup. */
    static final Duration LIMIT = Duration.ofSeconds(10);

    private KeyringChoice() {
    }

    /** The keyring to use, or why there is none. */
    record Choice(Optional<OsKeyring> keyring, Optional<SecretStorage.Reason> reason, String detail) {
        static Choice none(SecretStorage.Reason reason, String detail) {
            return new Choice(Optional.empty(), Optional.of(reason), detail);
        }
    }

    /** Decides for this process, connecting to the OS keyring when it may. */
    static Choice open(Map<String, String> env) {
        String setting = System.getProperty(PROPERTY, env.getOrDefault(ENV, ""));
        if (setting.trim().equalsIgnoreCase("off")) {
            return Choice.none(SecretStorage.Reason.TURNED_OFF, "");
        }
        if (needsSessionBus() && env.getOrDefault("DBUS_SESSION_BUS_ADDRESS", "").isBlank()) {
            Optional<Path> bus = userBus(env);
            if (bus.isEmpty()) {
                return Choice.none(SecretStorage.Reason.NO_SESSION_BUS, "");
            }
            // cron and OS timers start with no bus variable while the user's session bus sits in its
            // well-known place; dbus-java reads the property before the variable
            System.setProperty(BUS, "unix:path=" + bus.get());
        }
        try {
            return new Choice(Optional.of(JavaKeyring.open(LIMIT)), Optional.empty(), "");
        } catch (IOException e) {
            return Choice.none(SecretStorage.Reason.NO_KEYRING, String.valueOf(e.getMessage()));
        }
    }

    /**
     * The session bus of this user where systemd and dbus put it, {@code $XDG_RUNTIME_DIR/bus}
     * ({@code /run/user/UID/bus} when the variable is not set either): a backup started by cron
     * while the admin is logged in reaches the same keyring the app does.
     */
    static Optional<Path> userBus(Map<String, String> env) {
        try {
            String runtime = env.getOrDefault("XDG_RUNTIME_DIR", "");
            Path dir = runtime.isBlank() ? Path.of("/run/user", String.valueOf(Files.getAttribute(Path.of("/proc/self"),
                    "unix:uid"))) : Path.of(runtime);
            Path bus = dir.resolve("bus");
            return Files.exists(bus) ? Optional.of(bus) : Optional.empty();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Secret Service lives on D-Bus; Windows and macOS have their keyring in the OS itself. */
    private static boolean needsSessionBus() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        return !os.startsWith("windows") && !os.startsWith("mac");
    }
}
