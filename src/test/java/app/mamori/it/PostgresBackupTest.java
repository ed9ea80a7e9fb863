package app.mamori.it;

import app.mamori.testenv.PostgresExtension;
import app.mamori.testenv.PostgresServer;
import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Backs up a real PostgreSQL database over a real sshd through the CLI, as an admin would. */
@ExtendWith({SshdExtension.class, PostgresExtension.class})
class PostgresBackupTest {
    private Cli cli;
    private Path vault;
    private PostgresServer pg;

    @BeforeEach
    void setUp(SshdServer sshd, PostgresServer pg, @TempDir Path tmp) throws IOException {
        this.pg = pg;
        cli = new Cli(tmp.resolve("home"));
        vault = tmp.resolve("vault");
        cli.addServer("db1", sshd);
        cli.run("vault", "add", "local", "--path", vault.toString()).requireOk();
    }

    private void addSource(String name, String database, String password) {
        cli.runWithStdin(password + "\n", "source", "add", name, "--server", "db1", "--kind", "postgres",
                "--database", database, "--db-host", pg.host(), "--db-port", Integer.toString(pg.port()),
                "--db-user", pg.mamoriUser(), "--password-stdin").requireOk();
    }

    @Test
    void backupLeavesAVerifiedCustomFormatDumpAndAManifestWithoutThePassword() throws Exception {
        String db = "shop_" + System.nanoTime();
        pg.createDatabase(db);
        pg.execSql(db, "CREATE TABLE orders(id int primary key, note text);"
                + " INSERT INTO orders SELECT g, repeat('x', 200) || g FROM generate_series(1, 100000) g;"
                + " ALTER TABLE orders OWNER TO mamori;");
        addSource("shopdb", db, pg.mamoriPassword());
        cli.run("job", "add", "shop", "--sources", "shopdb", "--vault", "local").requireOk();

        Cli.Result result;
        List<String> seen;
        try (ProcessWatch watch = new ProcessWatch()) {
            result = cli.run("backup", "shop", "--json");
            seen = List.copyOf(watch.commandLines());
        }
        result.requireOk();
        JsonNode run = result.json();
        assertThat(run.get("status").asText()).isEqualTo("succeeded");
        JsonNode artifact = run.get("point").get("artifacts").get(0);
        Path file = Path.of(artifact.get("path").asText());
        assertThat(file).exists().startsWith(vault);
        assertThat(Files.size(file)).isEqualTo(artifact.get("size").asLong());
        assertThat(sha256(file)).isEqualTo(artifact.get("sha256").asText());

        String listing = new String(new ProcessBuilder(Path.of(pgBin(), "pg_restore").toString(), "--list", file.toString())
                .redirectErrorStream(true).start().getInputStream().readAllBytes());
        assertThat(listing).contains("TABLE public orders");

        Path manifest = file.getParent().resolve("manifest.json");
        String m = Files.readString(manifest);
        assertThat(m).contains("\"pg_dump (PostgreSQL) ").contains(db).doesNotContain(pg.mamoriPassword());
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        assertThat(seen).as("the process watch saw pg_dump run").anyMatch(c -> c.contains("pg_dump"));
        assertThat(seen).as("no command line carried the password").noneMatch(c -> c.contains(pg.mamoriPassword()));
        assertThat(result.out() + result.err()).doesNotContain(pg.mamoriPassword());
        assertThat(logs()).contains("backup of job shop").doesNotContain(pg.mamoriPassword());
        byte[] password = pg.mamoriPassword().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (String f : List.of("catalog.db", "catalog.db-wal")) {
            Path p = cli.home().resolve(f);
            if (Files.exists(p)) {
                assertThat(indexOf(Files.readAllBytes(p), password)).as(f + " holds no password").isEqualTo(-1);
            }
        }
        Path secrets = cli.home().resolve("secrets.json");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets)))
                .isEqualTo("rw-------");

        JsonNode points = cli.run("points", "shop", "--json").requireOk().json();
        assertThat(points).hasSize(1);
        assertThat(points.get(0).get("id").asText()).isEqualTo(run.get("point").get("id").asText());
        assertThat(points.get(0).get("artifacts").get(0).get("sha256").asText()).isEqualTo(artifact.get("sha256").asText());
    }

    @Test
    void aMissingDatabaseFailsWithAClearMessageAndLeavesNoPoint() throws IOException {
        addSource("ghostdb", "no_such_db_" + System.nanoTime(), pg.mamoriPassword());
        cli.run("job", "add", "ghost", "--sources", "ghostdb", "--vault", "local").requireOk();

        Cli.Result result = cli.run("backup", "ghost");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("does not exist").contains("ghostdb");
        assertThat(filesIn(vault)).noneMatch(p -> p.getFileName().toString().endsWith(".pgdump"))
                .noneMatch(p -> p.toString().contains(".tmp-"));
        assertThat(cli.run("points", "--json").requireOk().json()).isEmpty();
    }

    @Test
    void aWrongPasswordIsReportedAsSuchWithoutEchoingIt() throws IOException {
        String db = "acct_" + System.nanoTime();
        pg.createDatabase(db);
        addSource("acctdb", db, "not-the-password-42");
        cli.run("job", "add", "acct", "--sources", "acctdb", "--vault", "local").requireOk();

        Cli.Result result = cli.run("backup", "acct");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("refused the password").doesNotContain("not-the-password-42");
        try (app.mamori.catalog.Catalog catalog = app.mamori.catalog.Catalog.open(cli.home().resolve("catalog.db"))) {
            var failed = catalog.events().list(app.mamori.catalog.EventFilter.all().kind("run-failed"), 1).get(0);
            assertThat(failed.phrase()).as("the reason, for the app to say in its own words").hasValueSatisfying(
                    p -> assertThat(p.key() + " " + p.args()).isEqualTo("runFailedBecause [acct, acctdb, dbPasswordRefused,"
                            + " PostgreSQL, db1, acctdb]"));
        }
        assertThat(logs()).contains("password authentication failed").doesNotContain("not-the-password-42");

        cli.runWithStdin(pg.mamoriPassword() + "\n", "source", "set-password", "acctdb", "--password-stdin").requireOk();
        assertThat(cli.run("backup", "acct").exit()).as("the corrected password works").isZero();
    }

    private String logs() throws IOException {
        Path dir = cli.home().resolve("logs");
        StringBuilder sb = new StringBuilder();
        for (Path p : filesIn(dir)) {
            if (Files.isRegularFile(p) && p.getFileName().toString().endsWith(".log")) {
                sb.append(Files.readString(p));
            }
        }
        return sb.toString();
    }

    private static List<Path> filesIn(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.toList();
        }
    }

    private static String pgBin() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("/usr/lib/postgresql"))) {
            return s.sorted().reduce((a, b) -> b).orElseThrow().resolve("bin").toString();
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static String sha256(Path file) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
