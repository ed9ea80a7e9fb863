package app.mamori.testenv;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * PostgreSQL 15 running in a container of the {@link DockerEngine}, as the {@code postgres}
 * user, in no network: only {@code docker exec} reaches it. Inside, the socket trusts local
 * users and TCP on 127.0.0.1 asks a scram-sha-256 password, so a dump with {@code --db-host
 * 127.0.0.1} really authenticates.
 */
public final class PostgresContainer {
    private static final String BIN = "/usr/lib/postgresql/15/bin";
    private static final String SOCKETS = "/tmp";
    private static final String MAMORI = "mamori";
    // Quotes, spaces, a backslash and shell syntax, as in PostgresServer.
    private static final String MAMORI_PASSWORD = "c'n \"t\" `y` $PATH \\ ;pw";

    private final DockerEngine docker;
    private final String name;

    private PostgresContainer(DockerEngine docker, String name) {
        this.docker = docker;
        this.name = name;
    }

    /** Starts a container with a fresh cluster and a {@code mamori} role; waits until it accepts connections. */
    public static PostgresContainer start(DockerEngine docker) {
        String image = docker.postgresImage();
        String name = docker.newName("pg");
        docker.runDetached(name, List.of("--user", "postgres"), image, "sh", "-c",
                BIN + "/initdb -D /tmp/pgdata -U postgres --auth-local=trust --auth-host=scram-sha-256"
                        + " -E UTF8 --no-locale > /tmp/initdb.log 2>&1"
                        + " && exec " + BIN + "/postgres -D /tmp/pgdata -k " + SOCKETS + " -c listen_addresses=127.0.0.1");
        PostgresContainer pg = new PostgresContainer(docker, name);
        pg.awaitReady();
        pg.execSql("postgres", "CREATE ROLE " + MAMORI + " LOGIN CREATEDB PASSWORD " + literal(MAMORI_PASSWORD) + ";");
        return pg;
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (docker.dockerExit("exec", name, BIN + "/pg_isready", "-q", "-h", SOCKETS) == 0) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for PostgreSQL in " + name, e);
            }
        }
        String log = docker.dockerExit("inspect", name) == 0 ? docker.podman("logs", name) : "(container gone)";
        throw new IllegalStateException("PostgreSQL in container " + name + " did not accept connections within 60 s:\n" + log);
    }

    public String name() {
        return name;
    }

    /** As seen from inside the container. */
    public String host() {
        return "127.0.0.1";
    }

    public String mamoriUser() {
        return MAMORI;
    }

    public String mamoriPassword() {
        return MAMORI_PASSWORD;
    }

    /** Creates a database owned by the mamori role. */
    public void createDatabase(String db) {
        execSql("postgres", "CREATE DATABASE " + db + " OWNER " + MAMORI + ";");
    }

    /** Runs SQL as the superuser over the container's socket; the SQL goes on stdin, never in argv. */
    public String execSql(String db, String sql) {
        return docker.dockerWithStdin(sql, "exec", "-i", name, BIN + "/psql", "-X", "-q", "-A", "-t",
                "-v", "ON_ERROR_STOP=1", "-h", SOCKETS, "-U", "postgres", "-d", db);
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
