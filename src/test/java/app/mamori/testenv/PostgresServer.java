package app.mamori.testenv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL cluster on 127.0.0.1 and a free port, with its data, socket and
 * log in one temp folder. Local socket connections are trusted; TCP connections need a
 * scram-sha-256 password, as on a real server. Start it through {@link PostgresExtension}.
 */
public final class PostgresServer implements AutoCloseable {
    private static final String SUPERUSER = "postgres";
    private static final String MAMORI = "mamori";
    // Quotes, spaces, a backslash and shell syntax: whatever passes these through a command line breaks.
    private static final String SUPER_PASSWORD = "su \"pg\" it's $(id) \\ pw";
    private static final String MAMORI_PASSWORD = "m'm \"q\" `x` $HOME \\ ;pw";
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final Path bin;
    private final Path dir;
    private final Path data;
    private final Path sockets;
    private final Path log;
    private int port;
    private boolean running;

    private PostgresServer(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.data = dir.resolve("data");
        this.sockets = dir.resolve("sock");
        this.log = dir.resolve("postgres.log");
        this.port = port;
    }

    /** Creates a cluster in a new temp folder and starts it; throws with the log tail if it does not come up. */
    public static PostgresServer start() {
        if (Tools.isRoot()) {
            Tools.require("/usr/sbin/runuser", "util-linux");
        }
        Path bin = Tools.postgresBin();
        Path dir;
        try {
            dir = Files.createTempDirectory("mamori-pg-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PostgresServer pg = new PostgresServer(bin, dir, Tools.freePort());
        try {
            pg.initAndStart();
            return pg;
        } catch (RuntimeException e) {
            String tail = Proc.tail(pg.log, 30);
            pg.close();
            throw new IllegalStateException("PostgreSQL did not start in " + dir + ": " + e.getMessage()
                    + "\n--- log tail ---\n" + tail, e);
        }
    }

    private void initAndStart() {
        try {
            Files.createDirectories(sockets);
            Path pwfile = dir.resolve("pwfile");
            Files.writeString(pwfile, SUPER_PASSWORD + "\n", StandardCharsets.UTF_8);
            if (Tools.isRoot()) {
                chownToPostgres(dir);
            }
            asPostgres(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", SUPERUSER,
                    "--pwfile=" + pwfile, "-E", "UTF8", "--no-locale",
                    "--auth-local=trust", "--auth-host=scram-sha-256"));
            Files.delete(pwfile);
            // Exactly the rules the tests rely on, not initdb's defaults (which also allow ::1 and replication).
            Files.writeString(data.resolve("pg_hba.conf"),
                    "local all all trust\nhost all all 127.0.0.1/32 scram-sha-256\n", StandardCharsets.UTF_8);
            startOnAFreePort();
            running = true;
            String ddl = "ALTER ROLE " + SUPERUSER + " PASSWORD " + literal(SUPER_PASSWORD) + ";\n"
                    + "CREATE ROLE " + MAMORI + " LOGIN CREATEDB PASSWORD " + literal(MAMORI_PASSWORD) + ";\n";
            asPostgres(List.of(bin.resolve("psql").toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1",
                    "-h", sockets.toString(), "-p", Integer.toString(port), "-U", SUPERUSER, "-d", "postgres"), ddl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code pg_ctl start -w} waits for this cluster's own postmaster. A port free when picked can
     * be taken before it binds (another test JVM, another run): then it is started on another.
     */
    private void startOnAFreePort() throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                asPostgres(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", log.toString(),
                        "-w", "-t", "60", "-o",
                        "-c listen_addresses=127.0.0.1 -p " + port + " -k " + sockets, "start"));
                return;
            } catch (IllegalStateException e) {
                String tail = Proc.tail(log, 10);
                if (attempt >= Tools.PORT_ATTEMPTS || !tail.contains("could not bind IPv4 address")) {
                    throw e;
                }
                port = Tools.freePort();
            }
        }
    }

    private static void chownToPostgres(Path dir) throws IOException {
        UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
        var owner = users.lookupPrincipalByName("postgres");
        var group = users.lookupPrincipalByGroupName("postgres");
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.toList()) {
                Files.setOwner(p, owner);
                Files.getFileAttributeView(p, java.nio.file.attribute.PosixFileAttributeView.class).setGroup(group);
            }
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }

    private void asPostgres(List<String> command) {
        asPostgres(command, null);
    }

    // PostgreSQL refuses to run as root, so as root every server-side tool runs as the postgres user.
    private void asPostgres(List<String> command, String stdin) {
        List<String> full = new ArrayList<>();
        if (Tools.isRoot()) {
            full.addAll(List.of("/usr/sbin/runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Proc.check(full, Map.of(), stdin, TIMEOUT);
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    public Path socketDir() {
        return sockets;
    }

    public String superuser() {
        return SUPERUSER;
    }

    public String superuserPassword() {
        return SUPER_PASSWORD;
    }

    public String mamoriUser() {
        return MAMORI;
    }

    public String mamoriPassword() {
        return MAMORI_PASSWORD;
    }

    /** The folder holding data, socket and log. */
    public Path dir() {
        return dir;
    }

    /** Creates a database owned by {@link #mamoriUser()}; any name PostgreSQL accepts works. */
    public void createDatabase(String name) {
        execSql("postgres", "CREATE DATABASE " + identifier(name) + " OWNER " + MAMORI);
    }

    /** Runs SQL as the superuser over TCP with password auth; the password travels in the environment. */
    public void execSql(String database, String sql) {
        Proc.check(psql(false), env(database), sql, TIMEOUT);
    }

    /** Runs one query and returns its unaligned, tuples-only output, trimmed (rows on lines, columns split by |). */
    public String query(String database, String sql) {
        return Proc.check(psql(true), env(database), sql, TIMEOUT).strip();
    }

    private List<String> psql(boolean tuplesOnly) {
        List<String> cmd = new ArrayList<>(List.of(bin.resolve("psql").toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1"));
        if (tuplesOnly) {
            cmd.addAll(List.of("-A", "-t"));
        }
        return cmd;
    }

    // PGDATABASE, unlike -d, is never parsed as a connection string, so hostile names stay names.
    private Map<String, String> env(String database) {
        return Map.of("PGHOST", host(), "PGPORT", Integer.toString(port), "PGUSER", SUPERUSER,
                "PGPASSWORD", SUPER_PASSWORD, "PGDATABASE", database, "PGCONNECT_TIMEOUT", "10");
    }

    /**
     * Holds a share lock on {@code table} from another session until closed, as an application
     * reading it would: anything that needs the table to itself (DROP, a restore over it) waits.
     */
    public AutoCloseable lockTable(String database, String table) throws IOException {
        ProcessBuilder b = new ProcessBuilder(psql(false)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        b.environment().putAll(env(database));
        Process p = b.start();
        String marker = "mamori_test_lock_" + System.nanoTime();
        p.getOutputStream().write(("BEGIN; LOCK TABLE " + identifier(table) + " IN ACCESS SHARE MODE;"
                + " SELECT pg_sleep(600) AS " + marker + ";\n").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().flush();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!query(database, "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation"
                + " WHERE c.relname = " + literal(table) + " AND l.mode = 'AccessShareLock' AND l.granted"
                + " AND l.pid <> pg_backend_pid()").equals("1")) {
            if (System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new IOException("psql did not take the lock on " + table + " within " + TIMEOUT);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        return () -> {
            execSql("postgres", "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE "
                    + literal("%" + marker + "%") + " AND pid <> pg_backend_pid()");
            p.destroyForcibly().waitFor();
        };
    }

    public static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** Stops the server as a power cut or a reboot would ({@code pg_ctl stop -m immediate}): no clean shutdown. */
    public synchronized void crash() {
        asPostgres(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"));
    }

    /** Starts the server again on its port after {@link #crash()}, as a rebooted machine does; it recovers its WAL. */
    public synchronized void startAgain() {
        asPostgres(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", log.toString(), "-w", "-t",
                "60", "-o", "-c listen_addresses=127.0.0.1 -p " + port + " -k " + sockets, "start"));
    }

    public static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** Stops the server ({@code pg_ctl stop -m fast}) and deletes its folder. */
    @Override
    public synchronized void close() {
        if (running) {
            running = false;
            try {
                asPostgres(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w",
                        "stop"));
            } catch (RuntimeException e) {
                System.err.println("PostgresServer: stop failed: " + e.getMessage());
            }
        }
        Tools.deleteTree(dir);
    }
}
