package app.mamori.it;

import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuilt catalogue holds, row for row, what the backups of a files job recorded (3 points of
 * 200 files over the test sshd), and a rebuild that cannot read one file list changes nothing.
 */
@ExtendWith(SshdExtension.class)
class CatalogRebuildRowsTest {
    private static final String POINTS = "SELECT id, job, server, vault, time, status, location, kind FROM restore_points"
            + " ORDER BY id";
    private static final String ARTIFACTS = "SELECT point, source, kind, path, size, sha256, files, manifest"
            + " FROM artifacts ORDER BY point, source";
    private static final String FILES = "SELECT point, source, path, type, mode, size, mtime_ns, sha256"
            + " FROM file_index ORDER BY point, source, path";
    private static final String CHECKS = "SELECT * FROM verifications ORDER BY id";
    private static final String RUN_LINKS = "SELECT id, run FROM restore_points ORDER BY id";

    private Path tmp;
    private Path vault;
    private Cli original;

    @BeforeEach
    void backUpThreeTimes(SshdServer sshd, @TempDir Path tmp) throws Exception {
        this.tmp = tmp;
        Path data = tmp.resolve("data");
        for (int f = 0; f < 200; f++) {
            Path file = data.resolve("d" + f % 4).resolve("f" + f + ".txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, "file " + f);
        }
        vault = tmp.resolve("vault");
        original = new Cli(tmp.resolve("home"));
        original.addServer("s", sshd);
        original.run("vault", "add", "v", "--path", vault.toString()).requireOk();
        original.run("source", "add", "docs", "--server", "s", "--kind", "files", "--path", data.toString())
                .requireOk();
        original.run("job", "add", "j", "--sources", "docs", "--vault", "v").requireOk();
        for (int k = 0; k < 3; k++) {
            Files.writeString(data.resolve("d0/f0.txt"), "changed " + k);
            Files.writeString(data.resolve("new-" + k + ".txt"), "new " + k);
            original.run("backup", "j").requireOk();
        }
        original.run("verify", "--job", "j").requireOk();
        assertThat(rows(original, FILES)).hasSizeGreaterThan(3 * 200);
        assertThat(rows(original, CHECKS)).isNotEmpty();
    }

    @Test
    void aRebuildIntoAnEmptyDataFolderRecordsThePointsArtifactsAndFileListsTheBackupsRecorded() throws Exception {
        Cli fresh = new Cli(tmp.resolve("home2"));
        fresh.run("vault", "add", "v", "--path", vault.toString()).requireOk();

        fresh.run("catalog", "rebuild", "--vault", "v").requireOk();

        assertThat(rows(fresh, POINTS)).hasSize(3).isEqualTo(rows(original, POINTS));
        assertThat(rows(fresh, ARTIFACTS)).isEqualTo(rows(original, ARTIFACTS));
        assertThat(rows(fresh, FILES)).isEqualTo(rows(original, FILES));
        assertThat(rows(fresh, "SELECT path FROM file_entries INDEXED BY file_entries_by_path WHERE path >= 0"))
                .hasSize(rows(original, FILES).size());
        assertThat(rows(fresh, "SELECT path FROM file_paths ORDER BY path")).as("each path once, none unused")
                .isEqualTo(rows(original, "SELECT DISTINCT path FROM file_index ORDER BY path"));
        assertThat(rows(fresh, "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'file_entries'"))
                .isEqualTo(List.of(List.of("file_paths_unused")));
    }

    @Test
    void aRebuildOverTheCatalogueKeepsEveryRowAndTheChecksOfItsPoints() throws Exception {
        List<List<Object>> points = rows(original, POINTS);
        List<List<Object>> artifacts = rows(original, ARTIFACTS);
        List<List<Object>> files = rows(original, FILES);
        List<List<Object>> checks = rows(original, CHECKS);
        List<List<Object>> runs = rows(original, RUN_LINKS);

        original.run("catalog", "rebuild", "--vault", "v").requireOk();

        assertThat(rows(original, POINTS)).isEqualTo(points);
        assertThat(rows(original, ARTIFACTS)).isEqualTo(artifacts);
        assertThat(rows(original, FILES)).isEqualTo(files);
        assertThat(rows(original, CHECKS)).isEqualTo(checks);
        assertThat(rows(original, RUN_LINKS)).isEqualTo(runs);
    }

    @Test
    void aFileListThatCannotBeReadLeavesTheCatalogueAsItWasAndNamesItsPoint() throws Exception {
        Path newest;
        try (Stream<Path> s = Files.list(vault.resolve("s/j"))) {
            newest = s.sorted().reduce((a, b) -> b).orElseThrow();
        }
        Path index = newest.resolve("docs/index.jsonl.zst");
        byte[] whole = Files.readAllBytes(index);
        Files.write(index, java.util.Arrays.copyOf(whole, whole.length / 2));
        Cli fresh = new Cli(tmp.resolve("home2"));
        fresh.run("vault", "add", "v", "--path", vault.toString()).requireOk();
        List<List<Object>> before = rows(original, FILES);

        Cli.Result overOriginal = original.run("catalog", "rebuild", "--vault", "v");
        Cli.Result intoFresh = fresh.run("catalog", "rebuild", "--vault", "v");

        String pointId = "j/" + newest.getFileName();
        assertThat(overOriginal.exit()).isNotZero();
        assertThat(overOriginal.err()).contains(pointId, "index.jsonl.zst", "Nothing was recorded");
        assertThat(rows(original, FILES)).isEqualTo(before);
        assertThat(rows(original, CHECKS)).isNotEmpty();
        assertThat(intoFresh.exit()).isNotZero();
        assertThat(intoFresh.err()).contains(pointId);
        assertThat(rows(fresh, POINTS)).isEmpty();
        assertThat(rows(fresh, FILES)).isEmpty();
    }

    /** Every row of {@code sql} in the CLI's catalogue, BLOBs as hex so rows compare by value. */
    private static List<List<Object>> rows(Cli cli, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + cli.home().resolve("catalog.db"));
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            List<List<Object>> out = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    Object v = rs.getObject(i);
                    row.add(v instanceof byte[] b ? HexFormat.of().formatHex(b) : v);
                }
                out.add(row);
            }
            return out;
        }
    }
}
