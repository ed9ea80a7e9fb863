package app.mamori.it;

import app.mamori.catalog.Catalog;
import app.mamori.catalog.EventFilter;
import app.mamori.catalog.Verification;
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
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Verifies and drills SQLite backups over a real sshd; damages the vault and watches verify and restore refuse it. */
@ExtendWith(SshdExtension.class)
class SqliteVerifyTest {
    private static final Pattern SCRATCH = Pattern.compile("/var/tmp/mamori_drill_[0-9a-f]+_\\d+\\.db");

    private Cli cli;
    private Path dir;
    private Path artifact;
    private Path pointDir;
    private String point;

    @BeforeEach
    void setUp(SshdServer sshd, @TempDir Path tmp) throws Exception {
        cli = new Cli(tmp.resolve("home"));
        cli.addServer("tools", sshd);
        cli.run("vault", "add", "local", "--path", tmp.resolve("vault").toString()).requireOk();
        dir = Files.createDirectories(tmp.resolve("app data"));
        Path db = dir.resolve("tool.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT)");
            s.executeUpdate("CREATE TABLE \"odd \"\"name\"\"\"(x)");
            s.executeUpdate("WITH RECURSIVE g(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM g WHERE v < 500)"
                    + " INSERT INTO notes SELECT v, 'note ' || v FROM g");
            s.executeUpdate("INSERT INTO \"odd \"\"name\"\"\" VALUES (1), (2)");
        }
        cli.run("source", "add", "tooldb", "--server", "tools", "--kind", "sqlite", "--path", db.toString())
                .requireOk();
        cli.run("job", "add", "tool", "--sources", "tooldb", "--vault", "local").requireOk();
        JsonNode p = cli.run("backup", "tool", "--json").requireOk().json().get("point");
        point = p.get("id").asText();
        artifact = Path.of(p.get("artifacts").get(0).get("path").asText());
        pointDir = artifact.getParent();
    }

    @Test
    void theBackupRecordsTheCopysTablesExactlyAndADrillFindsThemAndRecordsItsRecoveryTime() throws Exception {
        assertThat(Damage.recordedStats(pointDir, "tooldb")).containsEntry("tableCounts", "exact")
                .containsEntry("tables", Map.of("notes", 500, "odd \"name\"", 2));

        Cli.Result r = cli.run("verify", point, "--drill", "--json").requireOk();

        JsonNode checks = r.json().get("checks");
        assertThat(checks).extracting(c -> c.get("method").asText() + "=" + c.get("result").asText())
                .containsExactly("checksum=verified", "format=verified", "drill=verified");
        JsonNode drill = checks.get(2);
        assertThat(drill.get("recoveryMs").asLong()).isPositive();
        assertThat(drill.get("detail").asText()).contains("2 tables, 502 rows").contains("all 2 tables match");
        assertThat(Path.of(scratch(drill.get("detail").asText()))).as("the drill's temp file is removed").doesNotExist();
        assertThat(checks.get(1).get("detail").asText()).contains("PRAGMA integrity_check");
        assertThat(verifyTempFiles()).as("the format check's temp copy is removed").isEmpty();
        JsonNode listed = cli.run("points", "tool", "--json").requireOk().json().get(0).get("verification");
        assertThat(listed.get("result").asText()).isEqualTo("verified");
        assertThat(listed.get("checks").get(0).get("method").asText()).isEqualTo("drill");
    }

    @Test
    void aDrillThatFindsOtherRowCountsFailsAndStillRemovesItsTempFile() throws Exception {
        Damage.recordExactTables(pointDir, "tooldb", Map.of("notes", 499L, "odd \"name\"", 2L));

        Cli.Result r = cli.run("verify", point, "--drill", "--json");

        assertThat(r.exit()).isEqualTo(1);
        JsonNode drill = r.json().get("checks").get(2);
        assertThat(drill.get("result").asText()).isEqualTo("failed");
        assertThat(drill.get("detail").asText()).contains("table notes: 499 rows in the backup, 500 restored");
        assertThat(Path.of(scratch(drill.get("detail").asText()))).doesNotExist();
        assertThat(verifyTempFiles()).isEmpty();
        assertThat(r.err()).contains("drill FAILED");
    }

    @Test
    void aFlippedByteIsReportedWithTheFileNameRecordedAsFailedAndRestoreRefusesThePoint() throws Exception {
        Damage.flipByte(artifact, Files.size(artifact) / 2);

        Cli.Result r = cli.run("verify", "--job", "tool");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(artifact.toString()).contains("corrupted").contains("checksum FAILED");
        try (Catalog catalog = Catalog.open(cli.home().resolve("catalog.db"))) {
            Optional<Verification> last = catalog.verifications().latest(point, "tooldb");
            assertThat(last).get().extracting(Verification::method, Verification::result)
                    .containsExactly(Verification.Method.CHECKSUM, Verification.Result.FAILED);
            assertThat(catalog.events().list(EventFilter.all(), 20)).anyMatch(e -> e.kind().equals("verify-failed")
                    && e.message().contains(artifact.toString()));
        }
        Cli.Result restore = cli.run("restore", "--source", "tooldb", "--to-path", dir.resolve("copy.db").toString(),
                "--yes");
        assertThat(restore.exit()).isEqualTo(1);
        assertThat(restore.err()).contains("failed its last verification").contains(artifact.toString())
                .contains("mamori verify " + point);
        assertThat(dir.resolve("copy.db")).doesNotExist();
        assertThat(cli.run("points", "tool", "--json").json().get(0).get("verification").get("result").asText())
                .isEqualTo("failed");
        assertThat(cli.run("points", "tool").requireOk().out()).contains(point).contains("\tverify FAILED");
    }

    @Test
    void aTruncatedArtifactIsReportedAsTruncatedWithItsName() throws Exception {
        Damage.truncate(artifact);

        Cli.Result r = cli.run("verify", point, "--json");

        assertThat(r.exit()).isEqualTo(1);
        JsonNode checks = r.json().get("checks");
        assertThat(checks).hasSize(1);
        assertThat(checks.get(0).get("result").asText()).isEqualTo("failed");
        assertThat(checks.get(0).get("detail").asText()).contains(artifact.toString()).contains("truncated");
        assertThat(r.err()).contains(artifact.toString());
    }

    /** Temp files only verification makes, whoever made them: none may stay behind. */
    private static java.util.List<Path> verifyTempFiles() throws java.io.IOException {
        try (var s = Files.list(Path.of("/var/tmp"))) {
            return s.filter(p -> p.getFileName().toString().startsWith("mamori-verify.")
                    || p.getFileName().toString().startsWith("mamori_drill_")).toList();
        }
    }

    private static String scratch(String detail) {
        Matcher m = SCRATCH.matcher(detail);
        assertThat(m.find()).as("the drill names its temp file: " + detail).isTrue();
        return m.group();
    }
}
