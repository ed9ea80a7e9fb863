package app.mamori.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Sends the JDK's logging (and so System.Logger) to {@code <home>/logs/mamori.log}, rotated,
 * and off the console: the console is for the one line a person reads. Calling it again with
 * another folder moves the log there (tests run many homes in one JVM).
 */
public final class Logs {
    private static Path current;
    private static FileHandler handler;
    private static final java.util.List<Logger> QUIET = java.util.List.of(Logger.getLogger("com.jcraft.jsch"),
            Logger.getLogger("org.freedesktop"));

    private Logs() {
    }

    public static synchronized void init(Path dir) {
        if (dir.equals(current)) {
            return;
        }
        current = dir;
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tL %4$s %3$s: %5$s%6$s%n");
        Logger root = Logger.getLogger("");
        for (var h : root.getHandlers()) {
            root.removeHandler(h);
            h.close();
        }
        try {
            app.mamori.vault.SecureFiles.createPrivateDirectories(dir);
            FileHandler file = new FileHandler(dir.resolve("mamori.%g.log").toString(), 10_000_000, 5, true);
            file.setFormatter(new SimpleFormatter());
            root.addHandler(file);
            handler = file;
            root.setLevel(Level.INFO);
            // JSch is chatty at INFO, and so are D-Bus and the Secret Service client under the OS
            // keyring (a line per signal); held here, since the JDK forgets a logger nobody holds, level and all
            QUIET.forEach(l -> l.setLevel(Level.WARNING));
        } catch (IOException e) {
            System.err.println("mamori: cannot write logs in " + dir + ": " + e.getMessage());
        }
    }
}
