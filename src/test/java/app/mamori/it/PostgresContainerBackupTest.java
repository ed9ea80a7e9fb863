package app.mamori.it;

import app.mamori.testenv.DockerEngine;
import app.mamori.testenv.DockerExtension;
import app.mamori.testenv.PostgresContainer;
import app.mamori.testenv.Tools;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backs up PostgreSQL running inside a Docker (Podman) container, through {@code docker exec}
 * over a real sshd, with password authentication on the container's loopback.
 */
@ExtendWith(DockerExtension.class)
class PostgresContainerBackupTest {
    private static PostgresContainer pg;

    private Cli cli;
    private Path vault;

    @BeforeAll
    static void startPostgres(DockerEngine docker) {
        pg = PostgresContainer.start(docker);
    }

    @BeforeEach
    void setUp(DockerEngine docker, @TempDir Path tmp) {
        cli = new Cli(tmp.resolve("home"));
        vault = tmp.resolve("vault");
        cli.addServer("apphost", docker.sshd());
        cli.run("vault", "add", "local", "--path", vault.toString()).requireOk();
    }

    private void addSourceAndJob(String database, String password) {
        addSourceAndJob(pg.name(), database, password);
    }

    private void addSourceAndJob(String container, String database, String password) {
        cli.runWithStdin(password + "\n", "source", "add", "appdb", "--server", "apphost", "--kind", "postgres",
                "--container", container, "--database", database, "--db-host", pg.host(),
                "--db-user", pg.mamoriUser(), "--password-stdin").requireOk();
        cli.run("job", "add", "app", "--sources", "appdb", "--vault", "local").requireOk();
    }

    @Test
    void backupThroughDockerExecLeavesARestorableDumpAndNoPasswordInAnyCommandLine() throws Exception {
        String db = "app_" + System.nanoTime();
        pg.createDatabase(db);
        pg.execSql(db, "CREATE TABLE invoices(id int primary key, total numeric);"
                + " INSERT INTO invoices SELECT g, g * 1.5 FROM generate_series(1, 1000) g;"
                + " ALTER TABLE invoices OWNER TO mamori;");
        addSourceAndJob(db, pg.mamoriPassword());

        Cli.Result result;
        List<String> seen;
        try (ProcessWatch watch = new ProcessWatch()) {
            result = cli.run("backup", "app", "--json");
            seen = List.copyOf(watch.commandLines());
        }

        result.requireOk();
        JsonNode run = result.json();
        assertThat(run.get("status").asText()).isEqualTo("succeeded");
        Path file = Path.of(run.get("point").get("artifacts").get(0).get("path").asText());
        assertThat(file).startsWith(vault).hasFileName("appdb.pgdump");
        assertThat(Damage.recordedStats(file.getParent(), "appdb")).as("counted in the dump's snapshot, in the container")
                .containsEntry("tables", java.util.Map.of("public.invoices", 1000)).containsEntry("tableCounts", "exact");
        assertThat(cli.run("verify", "--job", "app", "--drill").requireOk().out())
                .as("pg_restore --list and the drill run in the container").contains("drill (recovery time")
                .contains("all 1 tables match");
        Process restore = new ProcessBuilder(Tools.postgresBin().resolve("pg_restore").toString(), "--list", file.toString())
                .redirectErrorStream(true).start();
        String listing = new String(restore.getInputStream().readAllBytes());
        assertThat(restore.waitFor()).as(listing).isZero();
        assertThat(listing).contains("TABLE public invoices").contains("TABLE DATA public invoices");

        assertThat(seen).as("the process watch saw pg_dump run in the container")
                .anyMatch(c -> c.contains("pg_dump") && c.contains(db));
        assertThat(seen).as("no command line carried the password").noneMatch(c -> c.contains(pg.mamoriPassword()));
        assertThat(result.out() + result.err()).doesNotContain(pg.mamoriPassword());
        assertThat(Files.readString(file.getParent().resolve("manifest.json"))).doesNotContain(pg.mamoriPassword());
    }

    @Test
    void aWrongPasswordInsideTheContainerIsReportedAsSuchWithoutEchoingIt() throws IOException {
        String db = "acct_" + System.nanoTime();
        pg.createDatabase(db);
        addSourceAndJob(db, "wrong-container-pw-7");

        Cli.Result result = cli.run("backup", "app");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("refused the password").contains("in container " + pg.name())
                .doesNotContain("wrong-container-pw-7");
        assertThat(cli.run("points", "--json").requireOk().json()).isEmpty();
    }

    @Test
    void aMissingContainerIsNamedInTheErrorAndLeavesNoPoint(DockerEngine docker) throws IOException {
        String gone = docker.newName("gone");
        addSourceAndJob(gone, "app", pg.mamoriPassword());

        Cli.Result result = cli.run("backup", "app");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("container '" + gone + "' does not exist or is not running on server apphost")
                .contains("docker ps");
        assertThat(cli.run("points", "--json").requireOk().json()).isEmpty();
    }
}
