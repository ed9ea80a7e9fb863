package app.mamori.it;

import app.mamori.testenv.DockerEngine;
import app.mamori.testenv.DockerExtension;
import app.mamori.testenv.MariadbContainer;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.luben.zstd.ZstdInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backs up MariaDB running inside a Docker (Podman) container, through {@code docker exec}
 * over a real sshd, with password authentication on the container's loopback.
 */
@ExtendWith(DockerExtension.class)
class MariadbContainerBackupTest {
    private static MariadbContainer db;

    private Cli cli;
    private Path vault;

    @BeforeAll
    static void startMariadb(DockerEngine docker) {
        db = MariadbContainer.start(docker);
    }

    @BeforeEach
    void setUp(DockerEngine docker, @TempDir Path tmp) {
        cli = new Cli(tmp.resolve("home"));
        vault = tmp.resolve("vault");
        cli.addServer("wphost", docker.sshd());
        cli.run("vault", "add", "local", "--path", vault.toString()).requireOk();
    }

    @Test
    void backupThroughDockerExecLeavesACompressedSqlDumpAndNoPasswordInAnyCommandLine() throws Exception {
        String name = "wp_" + System.nanoTime();
        db.execSql("CREATE DATABASE " + name + ";\nCREATE TABLE " + name + ".posts(id int primary key, title text);\n"
                + "INSERT INTO " + name + ".posts VALUES (1, 'hello container');\n");
        addSourceAndJob(db.name(), name);

        Cli.Result result;
        List<String> seen;
        try (ProcessWatch watch = new ProcessWatch()) {
            result = cli.run("backup", "wp", "--json");
            seen = List.copyOf(watch.commandLines());
        }

        result.requireOk();
        JsonNode run = result.json();
        assertThat(run.get("status").asText()).isEqualTo("succeeded");
        Path file = Path.of(run.get("point").get("artifacts").get(0).get("path").asText());
        assertThat(file).startsWith(vault).hasFileName("wpdb.sql.zst");
        String sql;
        try (InputStream in = new ZstdInputStream(Files.newInputStream(file))) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(sql).contains("CREATE TABLE `posts`").contains("hello container").contains("-- Dump completed");
        assertThat(Damage.recordedStats(file.getParent(), "wpdb")).as("counted in the container")
                .containsEntry("tables", java.util.Map.of("posts", 1)).containsEntry("tableCounts", "approximate");
        assertThat(cli.run("verify", "--job", "wp", "--drill").requireOk().out()).contains("drill (recovery time")
                .contains("all 1 tables match");

        assertThat(seen).as("the process watch saw the dump run in the container")
                .anyMatch(c -> c.contains("-dump") && c.contains(name));
        assertThat(seen).as("no command line carried the password").noneMatch(c -> c.contains(db.mamoriPassword()));
        assertThat(result.out() + result.err()).doesNotContain(db.mamoriPassword());
    }

    @Test
    void aStoppedContainerIsNamedInTheErrorAndLeavesNoPoint(DockerEngine docker) throws IOException {
        String stopped = docker.newName("stopped");
        docker.docker("create", "--name", stopped, "--network", "none", docker.busyboxImage(), "true");
        addSourceAndJob(stopped, "wp");

        Cli.Result result = cli.run("backup", "wp");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("container '" + stopped + "' does not exist or is not running on server wphost");
        assertThat(cli.run("points", "--json").requireOk().json()).isEmpty();
    }

    private void addSourceAndJob(String container, String database) {
        cli.runWithStdin(db.mamoriPassword() + "\n", "source", "add", "wpdb", "--server", "wphost", "--kind", "mysql",
                "--container", container, "--database", database, "--db-host", db.host(),
                "--db-user", db.mamoriUser(), "--password-stdin").requireOk();
        cli.run("job", "add", "wp", "--sources", "wpdb", "--vault", "local").requireOk();
    }
}
