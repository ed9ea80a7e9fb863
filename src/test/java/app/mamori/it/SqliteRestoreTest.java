package app.mamori.it;

import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Restores SQLite backups over a real sshd through the CLI. */
@ExtendWith(SshdExtension.class)
class SqliteRestoreTest {
    private Cli cli;
    private Path dir;
    private Path dbFile;

    @BeforeEach
    void setUp(SshdServer sshd, @TempDir Path tmp) throws Exception {
        cli = new Cli(tmp.resolve("home"));
        cli.addServer("tools", sshd);
        cli.run("vault", "add", "local", "--path", tmp.resolve("vault").toString()).requireOk();
        dir = Files.createDirectories(tmp.resolve("app data 'live'"));
        dbFile = dir.resolve("tool.db");
        sql(dbFile, "CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT)",
                "INSERT INTO notes VALUES (1, 'first'), (2, 'second ''q'''), (3, 'caf\u00e9')");
        cli.run("source", "add", "tooldb", "--server", "tools", "--kind", "sqlite", "--path", dbFile.toString())
                .requireOk();
        cli.run("job", "add", "tool", "--sources", "tooldb", "--vault", "local").requireOk();
    }

    @Test
    void restoreToAPathWritesAnIntactCopyWithTheSameRows() throws Exception {
        String original = contents(dbFile);
        cli.run("backup", "tool").requireOk();
        Path copy = dir.resolve("restored copy.db");

        cli.run("restore", "--source", "tooldb", "--to-path", copy.toString(), "--yes").requireOk();

        assertThat(contents(copy)).isEqualTo(original);
        assertThat(leftovers()).as("no temp file is left").isZero();
    }

    @Test
    void dryRunPrintsThePlanAndWritesNothing() throws Exception {
        cli.run("backup", "tool").requireOk();
        Path copy = dir.resolve("dry.db");

        Cli.Result result = cli.run("restore", "--source", "tooldb", "--to-path", copy.toString(), "--dry-run");

        assertThat(result.requireOk().out()).contains("from point:    tool/").contains("new file " + copy)
                .contains("PRAGMA integrity_check").contains("safety backup: none");
        assertThat(copy).doesNotExist();
    }

    @Test
    void restoreToAnExistingPathIsRefusedAndTheFileIsUntouched() throws Exception {
        cli.run("backup", "tool").requireOk();
        Path other = dir.resolve("other.db");
        Files.writeString(other, "keep me");

        Cli.Result result = cli.run("restore", "--source", "tooldb", "--to-path", other.toString(), "--yes");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("already exists");
        assertThat(Files.readString(other)).isEqualTo("keep me");
        assertThat(leftovers()).isZero();

        // the app, through the same service layer, gets the reason in its own words (the restore wizard's result)
        try (app.mamori.service.Services services = app.mamori.service.Services.open(
                new app.mamori.engine.MamoriHome(cli.home()))) {
            var plan = services.points().planRestore(new app.mamori.engine.restore.RestorePlanner.Request("tooldb",
                    new app.mamori.engine.restore.PointChoice.Latest(),
                    new app.mamori.engine.restore.RestoreTarget.ToPath(other.toString()), false));
            var restored = services.points().restore(plan, app.mamori.engine.restore.RestoreListener.NONE,
                    app.mamori.util.CancelToken.none());
            assertThat(restored.ok()).isFalse();
            assertThat(restored.reason()).hasValueSatisfying(n -> {
                assertThat(n.key()).isEqualTo("restoreFileExists");
                assertThat(app.mamori.ui.fx.NoteWords.say(new app.mamori.ui.fx.I18n(java.util.Locale.JAPANESE),
                        "reason.", n)).contains(other.toString(), "すでにあります", "前に戻って");
            });
        }
        assertThat(Files.readString(other)).isEqualTo("keep me");
    }

    @Test
    void inPlaceRestoreReplacesTheFileAndTheSafetyPointHoldsTheReplacedState() throws Exception {
        String original = contents(dbFile);
        cli.run("backup", "tool").requireOk();
        sql(dbFile, "DELETE FROM notes WHERE id = 2", "UPDATE notes SET body = 'changed' WHERE id = 1");
        String changed = contents(dbFile);

        JsonNode result = cli.run("restore", "--source", "tooldb", "--in-place", "--yes", "--json").requireOk().json();

        assertThat(contents(dbFile)).isEqualTo(original);
        Path before = dir.resolve("before.db");
        cli.run("restore", "--source", "tooldb", "--point", result.get("safetyPoint").asText(), "--to-path",
                before.toString(), "--yes").requireOk();
        assertThat(contents(before)).isEqualTo(changed);
        cli.run("catalog", "rebuild", "--vault", "local").requireOk();
        JsonNode rebuilt = cli.run("points", "tool", "--json").requireOk().json();
        assertThat(rebuilt.get(0).get("id").asText()).isEqualTo(result.get("safetyPoint").asText());
        assertThat(rebuilt.get(0).get("kind").asText()).as("the manifest keeps the kind").isEqualTo("pre-restore");
        assertThat(rebuilt.get(1).get("kind").asText()).isEqualTo("normal");
        assertThat(leftovers()).isZero();
    }

    @Test
    void whenTheSafetyBackupFailsNothingIsRestoredUntilTheAdminSkipsIt() throws Exception {
        String original = contents(dbFile);
        cli.run("backup", "tool").requireOk();
        Files.writeString(dbFile, "this is not a database any more, and cannot be backed up");

        Cli.Result refused = cli.run("restore", "--source", "tooldb", "--in-place", "--yes");

        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("safety backup of tooldb failed, so nothing was restored")
                .contains("Nothing on the server was changed");
        assertThat(Files.readString(dbFile)).startsWith("this is not a database");
        assertThat(cli.run("points", "tool", "--json").requireOk().json()).hasSize(1);

        cli.run("restore", "--source", "tooldb", "--in-place", "--yes", "--no-safety-backup").requireOk();
        assertThat(contents(dbFile)).isEqualTo(original);
    }

    @Test
    void inPlaceRestoreIsRefusedWhileAWalFileHoldsDataAndSaysHowToGoBackToTheSafetyPoint() throws Exception {
        cli.run("backup", "tool").requireOk();
        Cli.Result result;
        try (Connection live = DriverManager.getConnection("jdbc:sqlite:" + dbFile);
             Statement s = live.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA wal_autocheckpoint=0");
            s.execute("INSERT INTO notes VALUES (4, 'written by the live app')");
            assertThat(Files.size(dir.resolve("tool.db-wal"))).isPositive();

            result = cli.run("restore", "--source", "tooldb", "--in-place", "--yes");
        }

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("tool.db-wal").contains("stop the application")
                .contains("The file was not changed");
        JsonNode points = cli.run("points", "tool", "--json").requireOk().json();
        String safety = points.get(0).get("id").asText();
        assertThat(points.get(0).get("kind").asText()).isEqualTo("pre-restore");
        assertThat(result.err()).contains("restore point " + safety)
                .contains("mamori restore --source tooldb --point " + safety + " --in-place --no-safety-backup --yes");
        assertThat(contents(dbFile)).contains("4:written by the live app");
    }

    private long leftovers() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".mamori-restore")).count();
        }
    }

    private static void sql(Path file, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static String contents(Path file) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            ResultSet ok = s.executeQuery("PRAGMA integrity_check");
            ok.next();
            assertThat(ok.getString(1)).isEqualTo("ok");
            ResultSet rows = s.executeQuery("SELECT group_concat(id || ':' || body, ',') FROM"
                    + " (SELECT * FROM notes ORDER BY id)");
            rows.next();
            return rows.getString(1);
        }
    }
}
