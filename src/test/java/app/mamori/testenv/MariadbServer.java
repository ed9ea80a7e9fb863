package app.mamori.testenv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away MariaDB server on 127.0.0.1 and a free port, with data, socket, pid file and
 * error log in one temp folder. Root logs in through the socket only; the {@code mamori}
 * user has a password and every privilege. Start it through {@link MariadbExtension}.
 */
public final class MariadbServer implements AutoCloseable {
    private static final String MAMORI = "mamori";
    private static final String MAMORI_PASSWORD = "m'db \"q\" `x` $HOME \\ ;pw";
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final Path dir;
    private final Path data;
    private final Path socket;
    private final Path log;
    private int port;
    private Process process;

    private MariadbServer(Path dir, int port) {
        this.dir = dir;
        this.data = dir.resolve("data");
        this.socket = dir.resolve("mysqld.sock");
        this.log = dir.resolve("mariadb.log");
        this.port = port;
    }

    /** Creates a data folder, starts mariadbd and waits until it answers; throws with the log tail otherwise. */
    public static MariadbServer start() {
        Tools.require("/usr/bin/mariadb-install-db", "mariadb-server");
        Tools.require("/usr/sbin/mariadbd", "mariadb-server");
        Tools.require("/usr/bin/mariadb", "mariadb-client");
        Path dir;
        try {
            dir = Files.createTempDirectory("mamori-mariadb-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MariadbServer db = new MariadbServer(dir, Tools.freePort());
        try {
            db.initAndStart();
            return db;
        } catch (RuntimeException e) {
            String tail = Proc.tail(db.log, 30);
            db.close();
            throw new IllegalStateException("MariaDB did not start in " + dir + ": " + e.getMessage()
                    + "\n--- log tail ---\n" + tail, e);
        }
    }

    private void initAndStart() {
        String user = Tools.isRoot() ? "root" : System.getProperty("user.name");
        Proc.check(List.of("/usr/bin/mariadb-install-db", "--no-defaults", "--user=" + user, "--datadir=" + data,
                "--auth-root-authentication-method=socket", "--skip-test-db"), Map.of(), null, TIMEOUT);
        // A port free when picked can be taken before mariadbd binds it (another test JVM, another
        // run): then it exits saying so, and it is started again on another.
        for (int attempt = 1; ; attempt++) {
            ProcessBuilder pb = new ProcessBuilder("/usr/sbin/mariadbd", "--no-defaults", "--user=" + user,
                    "--datadir=" + data, "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + socket,
                    "--pid-file=" + dir.resolve("mariadb.pid"), "--log-error=" + log, "--skip-name-resolve")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mariadbd.out").toFile()));
            try {
                process = pb.start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not run mariadbd", e);
            }
            try {
                waitUntilAnswering();
                break;
            } catch (IllegalStateException e) {
                if (attempt >= Tools.PORT_ATTEMPTS || process.isAlive()
                        || !Proc.tail(log, 10).contains("Bind on TCP/IP port")) {
                    throw e;
                }
                port = Tools.freePort();
            }
        }
        String ddl = userDdl("127.0.0.1") + userDdl("localhost") + "FLUSH PRIVILEGES;\n";
        Proc.check(rootClient(), Map.of(), ddl, TIMEOUT);
    }

    private static String userDdl(String host) {
        String account = literal(MAMORI) + "@" + literal(host);
        return "CREATE USER " + account + " IDENTIFIED BY " + literal(MAMORI_PASSWORD) + ";\n"
                + "GRANT ALL PRIVILEGES ON *.* TO " + account + " WITH GRANT OPTION;\n";
    }

    private void waitUntilAnswering() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mariadbd exited with status " + process.exitValue());
            }
            if (Files.exists(socket) && Proc.run(rootClient(), Map.of(), "SELECT 1;", TIMEOUT).exit() == 0) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for mariadbd", e);
            }
        }
        throw new IllegalStateException("mariadbd did not answer within 60 s");
    }

    // Root authenticates by the socket's peer credentials, so it needs no password at all.
    private List<String> rootClient() {
        return List.of("/usr/bin/mariadb", "--no-defaults", "--socket=" + socket, "-u", "root", "--batch");
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    public Path socket() {
        return socket;
    }

    public String mamoriUser() {
        return MAMORI;
    }

    public String mamoriPassword() {
        return MAMORI_PASSWORD;
    }

    /** The folder holding data, socket and logs. */
    public Path dir() {
        return dir;
    }

    /** Creates a database; any name MariaDB accepts works. */
    public void createDatabase(String name) {
        execSql(null, "CREATE DATABASE " + identifier(name) + " CHARACTER SET utf8mb4;");
    }

    /** Runs SQL as {@code mamori} over TCP; the password travels in the environment ({@code MYSQL_PWD}). */
    public void execSql(String database, String sql) {
        Proc.check(client(database), env(), sql, TIMEOUT);
    }

    /** Runs one query and returns its tab-separated rows without the header line, trimmed. */
    public String query(String database, String sql) {
        List<String> cmd = new ArrayList<>(client(database));
        cmd.add("--skip-column-names");
        return Proc.check(cmd, env(), sql, TIMEOUT).strip();
    }

    private List<String> client(String database) {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/mariadb", "--no-defaults", "--protocol=TCP",
                "-h", host(), "-P", Integer.toString(port), "-u", MAMORI, "--batch", "--connect-timeout=10"));
        if (database != null) {
            cmd.add("--database=" + database);
        }
        return cmd;
    }

    private static Map<String, String> env() {
        return Map.of("MYSQL_PWD", MAMORI_PASSWORD);
    }

    public static String identifier(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    // MariaDB reads backslash escapes in string literals (unless NO_BACKSLASH_ESCAPES), so both are escaped.
    public static String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /** Stops mariadbd (SIGTERM is a clean shutdown) and deletes its folder. */
    @Override
    public synchronized void close() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
            process = null;
        }
        Tools.deleteTree(dir);
    }
}
