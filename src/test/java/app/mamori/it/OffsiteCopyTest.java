package app.mamori.it;

import app.mamori.testenv.CuttingProxy;
import app.mamori.testenv.PostgresExtension;
import app.mamori.testenv.PostgresServer;
import app.mamori.testenv.S3Extension;
import app.mamori.testenv.S3Server;
import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Offsite copies to a real S3 API server: vault add --s3, job set --copy-to, copy, restore --from-vault. */
@ExtendWith({SshdExtension.class, PostgresExtension.class, S3Extension.class})
class OffsiteCopyTest {
    private static final String PASSPHRASE = "fire in the office is not the end";
    private static final String ORDERS = "SELECT string_agg(id || ':' || note, ',' ORDER BY id) FROM orders";

    private Cli cli;
    private PostgresServer pg;
    private SshdServer sshd;
    private S3Server s3;
    private String db;
    private String bucket;
    private Path tmp;

    @BeforeEach
    void setUp(SshdServer sshd, PostgresServer pg, S3Server s3, @TempDir Path tmp) {
        this.pg = pg;
        this.sshd = sshd;
        this.s3 = s3;
        this.tmp = tmp;
        cli = new Cli(tmp.resolve("home"));
        db = "shop_o_" + System.nanoTime();
        pg.createDatabase(db);
        pg.execSql(db, "CREATE TABLE orders(id int primary key, note text);"
                + " INSERT INTO orders SELECT g, 'order note ' || g FROM generate_series(1, 2000) g;"
                + " ALTER TABLE orders OWNER TO mamori;");
        bucket = s3.newBucket("office");
        addServerAndSource(cli);
        cli.run("vault", "add", "local", "--path", tmp.resolve("vault").toString()).requireOk();
        cli.run("job", "add", "shop", "--sources", "shopdb", "--vault", "local").requireOk();
    }

    private void addServerAndSource(Cli c) {
        c.addServer("db1", sshd);
        c.runWithStdin(pg.mamoriPassword() + "\n", "source", "add", "shopdb", "--server", "db1", "--kind", "postgres",
                "--database", db, "--db-host", pg.host(), "--db-port", Integer.toString(pg.port()),
                "--db-user", pg.mamoriUser(), "--password-stdin").requireOk();
    }

    private Cli.Result addOffsite(Cli c, String passphrase) {
        return c.runWithStdin(S3Server.SECRET_ACCESS_KEY + "\n" + passphrase + "\n", "vault", "add", "offsite",
                "--s3", bucket + "/mamori", "--endpoint", s3.endpoint(), "--region", S3Server.REGION,
                "--access-key-id", S3Server.ACCESS_KEY_ID, "--secret-access-key-stdin", "--encrypt");
    }

    @Test
    void eachBackupIsCopiedEncryptedUnderNamesThatSayNothingAndPointsShowTheCopy() throws IOException {
        addOffsite(cli, PASSPHRASE).requireOk();
        cli.run("job", "set", "shop", "--copy-to", "offsite", "--copy-keep-monthly", "12").requireOk();

        cli.run("backup", "shop").requireOk();

        JsonNode point = cli.run("points", "shop", "--json").requireOk().json().get(0);
        JsonNode copy = point.get("copies").get(0);
        assertThat(copy.get("vault").asText()).isEqualTo("offsite");
        assertThat(copy.get("status").asText()).isEqualTo("copied");
        assertThat(copy.get("time").asText()).isNotBlank();

        Map<String, byte[]> objects = s3.objects(bucket);
        assertThat(objects).hasSize(3);
        // a keyed hash and nothing else: no server, job, source, database or file name
        assertThat(objects.keySet()).allSatisfy(k -> assertThat(k)
                .matches("mamori/(mamori-key\\.json|points/[0-9a-f]{64}|data/[0-9a-f]{64})"));
        byte[] dump = onlyArtifact(tmp.resolve("vault"));
        for (int at = 0; at + 64 <= dump.length; at += Math.max(64, dump.length / 16)) {
            byte[] window = Arrays.copyOfRange(dump, at, at + 64);
            for (byte[] o : objects.values()) {
                assertThat(contains(o, window)).as("bytes %d.. of the dump in an object", at).isFalse();
            }
        }
        assertThat(cli.run("points", "shop").requireOk().out()).contains("\tcopied to offsite");
        assertThat(cli.run("copy", "shop").requireOk().out()).contains("nothing to copy");
        assertSecretOnlyInTheSecretStore();
    }

    @Test
    void verifyReadsTheCopiesBackAndCatchesAFlippedByteWhichAnotherCopyRepairs() {
        addOffsite(cli, PASSPHRASE).requireOk();
        cli.run("job", "set", "shop", "--copy-to", "offsite").requireOk();
        cli.run("backup", "shop").requireOk();
        assertThat(cli.run("copy", "shop", "--verify").requireOk().out()).contains("1 of 1 copies of job shop verified");

        String data = s3.keys(bucket).stream().filter(k -> k.startsWith("mamori/data/")).findFirst().orElseThrow();
        byte[] bytes = s3.objects(bucket).get(data);
        bytes[bytes.length / 2] ^= 0x10;
        s3.client().putObject(b -> b.bucket(bucket).key(data),
                software.amazon.awssdk.core.sync.RequestBody.fromBytes(bytes));

        Cli.Result damaged = cli.run("copy", "shop", "--verify");
        assertThat(damaged.exit()).isEqualTo(1);
        assertThat(damaged.err()).contains("is damaged").contains("fails authentication");
        assertThat(damaged.out()).contains("0 of 1 copies of job shop verified; 1 damaged");

        String id = cli.run("points", "shop", "--json").requireOk().json().get(0).get("id").asText();
        cli.run("copy", "shop", "--point", id).requireOk();
        assertThat(cli.run("copy", "shop", "--verify").requireOk().out()).contains("1 of 1 copies of job shop verified");
    }

    @Test
    void withNothingButTheBucketAndThePassphraseTheDatabaseComesBackWithIdenticalRows() throws IOException {
        addOffsite(cli, PASSPHRASE).requireOk();
        cli.run("backup", "shop").requireOk();
        cli.run("job", "set", "shop", "--copy-to", "offsite").requireOk();
        assertThat(cli.run("copy", "shop").requireOk().out()).contains("copied shop/").contains("to vault offsite");
        String rows = pg.query(db, ORDERS);

        Cli fresh = new Cli(tmp.resolve("new-workstation"));
        addServerAndSource(fresh);
        Cli.Result wrong = addOffsite(fresh, "not the passphrase we chose");
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.err()).contains("passphrase does not open this vault's key");
        // the runbook printed on the old workstation says how: its own line adds the vault again
        String runbook = cli.run("runbook", "--lang", "en", "--format", "md").requireOk().out();
        assertThat(runbook).contains("Offsite copies").contains("mamori catalog rebuild --vault offsite")
                .contains("--encrypt").doesNotContain(PASSPHRASE).doesNotContain(S3Server.SECRET_ACCESS_KEY);
        // and so does the one-page recovery sheet kept away from the office, with the host keys to check
        String sheet = cli.run("runbook", "--recovery-sheet", "--lang", "en", "--format", "md").requireOk().out();
        assertThat(sheet).contains("offsite recovery sheet").contains("SHA256:").doesNotContain(PASSPHRASE)
                .doesNotContain(S3Server.SECRET_ACCESS_KEY).doesNotContain("## Server");
        String add = sheet.lines().map(String::strip).filter(l -> l.startsWith("mamori vault add offsite "))
                .findFirst().orElseThrow();
        assertThat(runbook).contains(add);
        fresh.runWithStdin(S3Server.SECRET_ACCESS_KEY + "\n" + PASSPHRASE + "\n",
                add.substring("mamori ".length()).split(" ")).requireOk();
        assertThat(fresh.run("catalog", "rebuild", "--vault", "offsite").requireOk().out())
                .contains("1 restore point(s) found");
        assertThat(fresh.run("verify", "--all").exit()).as("points only in the bucket are left out, not an error")
                .isZero();
        String copyDb = db + "_back";

        fresh.run("restore", "--source", "shopdb", "--from-vault", "offsite", "--to-database", copyDb, "--yes")
                .requireOk();

        assertThat(pg.query(copyDb, ORDERS)).isEqualTo(rows).contains("2000:order note 2000");
        try (Stream<Path> left = Files.list(fresh.home().resolve("offsite-restore"))) {
            assertThat(left).as("the download is deleted, the report kept")
                    .containsExactly(fresh.home().resolve("offsite-restore").resolve("reports"));
        }
    }

    @Test
    void aDrillFromTheCopyRestoresTheDownloadedDumpIntoAScratchDatabaseAndIsRecordedAsTheCopys() {
        addOffsite(cli, PASSPHRASE).requireOk();
        cli.run("job", "set", "shop", "--copy-to", "offsite").requireOk();
        cli.run("backup", "shop").requireOk();

        Cli.Result drill = cli.run("verify", "--job", "shop", "--from-vault", "offsite", "--drill").requireOk();

        assertThat(drill.out()).contains("drill").contains("checks of the copies of 1 point(s) in vault offsite passed");
        assertThat(cli.run("points", "shop").requireOk().out()).contains("\tcopied to offsite, copy drilled")
                .doesNotContain("\tverified");
        assertThat(pg.query("postgres", "SELECT count(*) FROM pg_database WHERE datname LIKE 'mamori_drill_%'"))
                .as("the scratch database is dropped").isEqualTo("0");
    }

    @Test
    void aCopyThatFailsAfterABackupIsRecordedTheBackupStillSucceedsAndCopyFinishesItLater() {
        try (CuttingProxy proxy = new CuttingProxy(s3.port())) {
            cli.runWithStdin(S3Server.SECRET_ACCESS_KEY + "\n", "vault", "add", "offsite", "--s3", bucket,
                    "--endpoint", proxy.endpoint(), "--access-key-id", S3Server.ACCESS_KEY_ID,
                    "--secret-access-key-stdin").requireOk();
            cli.run("job", "set", "shop", "--copy-to", "offsite").requireOk();
            proxy.cutAfter(0);

            cli.run("backup", "shop").requireOk();

            JsonNode copy = cli.run("points", "shop", "--json").requireOk().json().get(0).get("copies").get(0);
            assertThat(copy.get("status").asText()).isEqualTo("failed");
            assertThat(copy.get("error").asText()).contains("vault offsite");
            assertThat(s3.keys(bucket)).isEmpty();
            assertThat(cli.run("points", "shop").requireOk().out()).contains("\tcopy to offsite FAILED");

            proxy.heal();
            Cli.Result copied = cli.run("copy", "shop", "--limit-rate", "10M").requireOk();

            assertThat(copied.out()).contains("copied shop/");
            assertThat(cli.run("points", "shop", "--json").requireOk().json().get(0).get("copies").get(0)
                    .get("status").asText()).isEqualTo("copied");
            assertThat(s3.keys(bucket)).hasSize(2).anySatisfy(k -> assertThat(k).startsWith("points/db1/shop/"));
            assertThat(cli.run("vault", "list").requireOk().out()).contains("offsite\ts3://" + bucket + "/");
            assertThat(cli.run("vault", "remove", "offsite").exit()).as("still the job's copy vault").isEqualTo(1);
        }
    }

    @Test
    void theOffsiteRetentionKeepsItsOwnCountAndOutlivesTheLocalPoints() {
        cli.runWithStdin(S3Server.SECRET_ACCESS_KEY + "\n", "vault", "add", "offsite", "--s3", bucket, "--endpoint",
                s3.endpoint(), "--access-key-id", S3Server.ACCESS_KEY_ID, "--secret-access-key-stdin").requireOk();
        cli.run("job", "set", "shop", "--keep-last", "1", "--copy-to", "offsite", "--copy-keep-last", "2").requireOk();

        for (int i = 0; i < 3; i++) {
            cli.run("backup", "shop").requireOk();
        }

        assertThat(cli.run("points", "shop", "--json").requireOk().json()).as("local: keep-last 1").hasSize(1);
        List<String> manifests = s3.keys(bucket).stream().filter(k -> k.startsWith("points/")).toList();
        assertThat(manifests).as("offsite: copy-keep-last 2").hasSize(2);
        assertThat(s3.keys(bucket).stream().filter(k -> k.startsWith("data/"))).as("the oldest copy's dump is gone too")
                .hasSize(2);
    }

    @Test
    void aPointInAVaultOnTheServerIsCopiedAndRestoredFromTheCopy() {
        cli.run("vault", "add", "onserver", "--server", "db1", "--path", tmp.resolve("server-vault").toString())
                .requireOk();
        cli.run("job", "add", "shop-there", "--sources", "shopdb", "--vault", "onserver").requireOk();
        addOffsite(cli, PASSPHRASE).requireOk();
        cli.run("job", "set", "shop-there", "--copy-to", "offsite").requireOk();

        cli.run("backup", "shop-there").requireOk();

        assertThat(cli.run("points", "shop-there").requireOk().out()).contains("\tcopied to offsite");
        assertThat(cli.home().resolve("offsite-stage")).as("the fetched dump is deleted").isEmptyDirectory();
        String copyDb = db + "_there";
        cli.run("restore", "--source", "shopdb", "--from-vault", "offsite", "--to-database", copyDb, "--yes")
                .requireOk();
        assertThat(pg.query(copyDb, ORDERS)).isEqualTo(pg.query(db, ORDERS));
    }

    @Test
    void mistakesOnTheCommandLineNameTheOptionAndChangeNothing() {
        Cli.Result badBucket = cli.runWithStdin("k\n", "vault", "add", "offsite", "--s3", "Bad_Bucket", "--endpoint",
                s3.endpoint(), "--access-key-id", "id", "--secret-access-key-stdin");
        assertThat(badBucket.exit()).isEqualTo(2);
        assertThat(badBucket.err()).contains("--s3: 'Bad_Bucket' is not a bucket name");

        Cli.Result noStdin = cli.run("vault", "add", "offsite", "--s3", bucket, "--access-key-id", "id");
        assertThat(noStdin.exit()).isEqualTo(2);
        assertThat(noStdin.err()).contains("--secret-access-key-stdin");

        Cli.Result shortPass = addOffsite(cli, "short");
        assertThat(shortPass.exit()).isEqualTo(2);
        assertThat(shortPass.err()).contains("--encrypt").contains("at least 8 characters");

        Cli.Result noVault = cli.run("job", "set", "shop", "--copy-to", "nowhere");
        assertThat(noVault.exit()).isEqualTo(2);
        assertThat(noVault.err()).contains("--copy-to: 'nowhere' is not an object vault");

        Cli.Result badRate = cli.run("copy", "shop", "--limit-rate", "fast");
        assertThat(badRate.exit()).isEqualTo(2);
        assertThat(badRate.err()).contains("--limit-rate: 'fast' is not a rate");

        assertThat(cli.run("vault", "list").requireOk().out()).doesNotContain("offsite");
        assertThat(s3.keys(bucket)).isEmpty();
    }

    private void assertSecretOnlyInTheSecretStore() throws IOException {
        try (Stream<Path> files = Files.walk(cli.home())) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                if (f.getFileName().toString().equals("secrets.json")) {
                    assertThat(text).contains(S3Server.SECRET_ACCESS_KEY).contains(PASSPHRASE);
                } else {
                    assertThat(text).as(f.toString()).doesNotContain(S3Server.SECRET_ACCESS_KEY)
                            .doesNotContain(PASSPHRASE);
                }
            }
        }
    }

    private static byte[] onlyArtifact(Path vault) throws IOException {
        try (Stream<Path> files = Files.walk(vault)) {
            Path dump = files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().equals("manifest.json")).findFirst().orElseThrow();
            return Files.readAllBytes(dump);
        }
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
