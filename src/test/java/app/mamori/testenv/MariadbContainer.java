package app.mamori.testenv;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * MariaDB running in a container of the {@link DockerEngine}, in no network: only {@code docker
 * exec} reaches it. Root logs in through the socket; the {@code mamori} user needs its
 * password over TCP on the container's 127.0.0.1, so a dump with {@code --db-host 127.0.0.1}
 * really authenticates.
 */
public final class MariadbContainer {
    private static final String SOCKET = "/tmp/mysqld.sock";
    private static final String MAMORI = "mamori";
    private static final String MAMORI_PASSWORD = "c'm \"d\" `z` $PATH \\ ;pw";

    private final DockerEngine docker;
    private final String name;

    private MariadbContainer(DockerEngine docker, String name) {
        this.docker = docker;
        this.name = name;
    }

    /** Starts a container with a fresh data folder and a {@code mamori} user; waits until it answers. */
    public static MariadbContainer start(DockerEngine docker) {
        String image = docker.mariadbImage();
        String name = docker.newName("mariadb");
        docker.runDetached(name, List.of(), image, "sh", "-c",
                "mariadb-install-db --no-defaults --user=root --datadir=/tmp/db --auth-root-authentication-method=socket"
                        + " --skip-test-db > /tmp/install-db.log 2>&1"
                        + " && exec mariadbd --no-defaults --user=root --datadir=/tmp/db --bind-address=127.0.0.1"
                        + " --socket=" + SOCKET + " --skip-name-resolve");
        MariadbContainer db = new MariadbContainer(docker, name);
        db.awaitReady();
        String account = literal(MAMORI) + "@" + literal("127.0.0.1");
        db.execSql("CREATE USER " + account + " IDENTIFIED BY " + literal(MAMORI_PASSWORD) + ";\n"
                + "GRANT ALL PRIVILEGES ON *.* TO " + account + ";\nFLUSH PRIVILEGES;\n");
        return db;
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (docker.dockerExit("exec", name, "mariadb", "--no-defaults", "--socket=" + SOCKET, "-u", "root",
                    "-e", "SELECT 1") == 0) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for MariaDB in " + name, e);
            }
        }
        String log = docker.dockerExit("inspect", name) == 0 ? docker.podman("logs", name) : "(container gone)";
        throw new IllegalStateException("MariaDB in container " + name + " did not answer within 60 s:\n" + log);
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

    /** Runs SQL as root over the container's socket; the SQL goes on stdin, never in argv. */
    public String execSql(String sql) {
        return docker.dockerWithStdin(sql, "exec", "-i", name, "mariadb", "--no-defaults", "--socket=" + SOCKET,
                "-u", "root", "--batch");
    }

    private static String literal(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
