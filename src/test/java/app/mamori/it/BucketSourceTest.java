package app.mamori.it;

import app.mamori.testenv.CuttingProxy;
import app.mamori.testenv.MotoExtension;
import app.mamori.testenv.MotoServer;
import app.mamori.testenv.S3Extension;
import app.mamori.testenv.S3Server;
import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application's bucket as a source, against a real S3 API server (S3Mock; moto where S3Mock
 * refuses a key) and a real sshd.
 */
@ExtendWith({SshdExtension.class, S3Extension.class, MotoExtension.class})
class BucketSourceTest {
    private static final int BIG = 300_000;

    private Cli cli;
    private S3Server s3;
    private SshdServer sshd;
    private CuttingProxy proxy;
    private String bucket;
    private Path tmp;

    @BeforeEach
    void setUp(SshdServer sshd, S3Server s3, @TempDir Path tmp) {
        this.s3 = s3;
        this.sshd = sshd;
        this.tmp = tmp;
        cli = new Cli(tmp.resolve("home"));
        // every byte between Mamori and the bucket passes this relay, which counts what comes back
        proxy = new CuttingProxy(s3.port());
        bucket = s3.newBucket("uploads");
        put("photos/2026/a.jpg", bytes(1, BIG));
        put("photos/2026/b.jpg", bytes(2, BIG));
        put("docs/readme.txt", "hello from the bucket\n".getBytes(StandardCharsets.UTF_8));
        cli.addServer("app1", sshd);
        cli.run("vault", "add", "local", "--path", tmp.resolve("vault").toString()).requireOk();
    }

    @AfterEach
    void tearDown() {
        proxy.close();
    }

    private void addSource(String endpoint, String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("source", "add", "uploads",
                "--server", "app1", "--kind", "s3-bucket", "--bucket", bucket, "--endpoint", endpoint,
                "--region", S3Server.REGION, "--access-key-id", S3Server.ACCESS_KEY_ID, "--secret-access-key-stdin"));
        args.addAll(java.util.List.of(more));
        cli.runWithStdin(S3Server.SECRET_ACCESS_KEY + "\n", args.toArray(String[]::new)).requireOk();
        cli.run("job", "add", "site", "--sources", "uploads", "--vault", "local").requireOk();
    }

    @Test
    void secondBackupDownloadsOnlyTheChangedObjectsLinksTheRestAndKeepsADeletedOneInTheOldPoint() throws IOException {
        addSource(proxy.endpoint());
        cli.run("backup", "site").requireOk();
        long first = proxy.received();
        assertThat(first).isGreaterThan(2L * BIG);
        Path one = onlySnapshot();
        assertThat(text(stored(one))).isEqualTo(text(s3.objects(bucket)));

        put("photos/2026/b.jpg", bytes(3, BIG));
        put("docs/new.txt", "new\n".getBytes(StandardCharsets.UTF_8));
        s3.client().deleteObject(b -> b.bucket(bucket).key("docs/readme.txt"));
        proxy.heal();
        cli.run("backup", "site").requireOk();

        long second = proxy.received();
        // the changed object and the new one travel; the unchanged 300 kB one does not
        assertThat(second).isGreaterThan(BIG).isLessThan(BIG + BIG / 2);
        Path two = newestSnapshot();
        assertThat(two).isNotEqualTo(one);
        assertThat(text(stored(two))).isEqualTo(text(s3.objects(bucket)));
        assertThat(Files.isSameFile(one.resolve("tree/photos/2026/a.jpg"), two.resolve("tree/photos/2026/a.jpg")))
                .as("unchanged object hard-linked").isTrue();
        assertThat(two.resolve("tree/docs/readme.txt")).doesNotExist();
        assertThat(one.resolve("tree/docs/readme.txt")).hasContent("hello from the bucket");

        JsonNode verified = cli.run("verify", "--job", "site", "--json").requireOk().json();
        assertThat(verified.get("ok").asBoolean()).isTrue();
        assertThat(verified.get("checks")).hasSize(4).allSatisfy(c -> assertThat(c.get("result").asText())
                .isEqualTo("verified"));
        assertThat(verified.get("checks").get(0).get("detail").asText()).contains("3 stored files match the index");
        assertThat(cli.run("find", "new.txt", "--source", "uploads").requireOk().out()).contains("/docs/new.txt");

        // a catalogue rebuilt from the vault alone lists the bucket's objects again
        Cli fresh = new Cli(tmp.resolve("home2"));
        fresh.run("vault", "add", "local", "--path", tmp.resolve("vault").toString()).requireOk();
        fresh.run("catalog", "rebuild", "--vault", "local").requireOk();
        try (app.mamori.catalog.Catalog c = app.mamori.catalog.Catalog.open(tmp.resolve("home2/catalog.db"))) {
            String newest = fresh.run("points", "--json").requireOk().json().get(0).get("id").asText();
            // the root, photos, photos/2026 and docs, and the three objects
            assertThat(c.fileIndex().count(newest, "uploads")).isEqualTo(7);
        }
    }

    @Test
    void aPrefixAndASingleObjectComeBackIntoAnotherBucketObjectForObject() throws IOException {
        s3.client().putObject(b -> b.bucket(bucket).key("docs/readme.txt").contentType("text/plain; charset=utf-8")
                .metadata(Map.of("owner", "soumu", "reviewed", "2026-11")), RequestBody.fromString("hello\n"));
        addSource(s3.endpoint());
        cli.run("backup", "site").requireOk();
        // the second point links every object: their metadata comes from the first
        cli.run("backup", "site").requireOk();
        Map<String, byte[]> before = s3.objects(bucket);

        String other = s3.newBucket("restored");
        cli.run("restore", "--source", "uploads", "--include", "photos/", "--to-bucket", other, "--yes").requireOk();
        assertThat(s3.objects(other)).containsOnlyKeys("photos/2026/a.jpg", "photos/2026/b.jpg");
        s3.objects(other).forEach((k, v) -> assertThat(v).as(k).isEqualTo(before.get(k)));

        String single = s3.newBucket("single");
        cli.run("restore", "--source", "uploads", "--include", "docs/readme.txt", "--to-bucket", single, "--yes")
                .requireOk();
        assertThat(s3.objects(single)).containsOnlyKeys("docs/readme.txt");
        assertThat(s3.objects(single).get("docs/readme.txt")).isEqualTo(before.get("docs/readme.txt"));
        var head = s3.client().headObject(b -> b.bucket(single).key("docs/readme.txt"));
        // as the source bucket gives it back (S3Mock drops the space before charset)
        assertThat(head.contentType()).startsWith("text/plain").isEqualTo(s3.client().headObject(b -> b.bucket(bucket)
                .key("docs/readme.txt")).contentType());
        assertThat(head.metadata()).isEqualTo(Map.of("owner", "soumu", "reviewed", "2026-11"));

        // and from an offsite copy of the point, whose listing carries the metadata
        cli.runWithStdin(S3Server.SECRET_ACCESS_KEY + "\n", "vault", "add", "offsite", "--s3", s3.newBucket("copies"),
                "--endpoint", s3.endpoint(), "--access-key-id", S3Server.ACCESS_KEY_ID, "--secret-access-key-stdin")
                .requireOk();
        cli.run("job", "set", "site", "--copy-to", "offsite").requireOk();
        cli.run("copy", "site").requireOk();
        String fromCopy = s3.newBucket("from-copy");
        cli.run("restore", "--source", "uploads", "--from-vault", "offsite", "--include", "docs/readme.txt",
                "--to-bucket", fromCopy, "--yes").requireOk();
        var copied = s3.client().headObject(b -> b.bucket(fromCopy).key("docs/readme.txt"));
        assertThat(copied.contentType()).isEqualTo(head.contentType());
        assertThat(copied.metadata()).isEqualTo(head.metadata());

        String whole = s3.newBucket("whole");
        cli.run("restore", "--source", "uploads", "--to-bucket", whole, "--yes").requireOk();
        assertThat(s3.objects(whole).keySet()).isEqualTo(before.keySet());
        s3.objects(whole).forEach((k, v) -> assertThat(v).as(k).isEqualTo(before.get(k)));
    }

    @Test
    void aRestoreNeverOverwritesAnotherBucketsObjectsAndInPlaceTakesASafetyBackupFirst() {
        addSource(s3.endpoint());
        cli.run("backup", "site").requireOk();
        String other = s3.newBucket("busy");
        s3.client().putObject(b -> b.bucket(other).key("photos/2026/a.jpg"), RequestBody.fromString("theirs"));

        Cli.Result refused = cli.run("restore", "--source", "uploads", "--to-bucket", other, "--yes");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("already holds 1 of the 3 objects").contains("photos/2026/a.jpg")
                .contains("nothing was written");
        assertThat(s3.objects(other)).containsOnlyKeys("photos/2026/a.jpg");
        assertThat(new String(s3.objects(other).get("photos/2026/a.jpg"), StandardCharsets.UTF_8)).isEqualTo("theirs");

        byte[] good = s3.objects(bucket).get("photos/2026/a.jpg");
        put("photos/2026/a.jpg", "ransomware was here".getBytes(StandardCharsets.UTF_8));
        Cli.Result back = cli.run("restore", "--source", "uploads", "--include", "photos/2026/a.jpg", "--in-place",
                "--yes").requireOk();
        assertThat(back.out()).contains("safety point: site/");
        assertThat(s3.objects(bucket).get("photos/2026/a.jpg")).isEqualTo(good);
        String safety = back.out().lines().filter(l -> l.startsWith("safety point: ")).findFirst().orElseThrow()
                .substring("safety point: ".length());
        Path safetyTree = tmp.resolve("vault").resolve("app1").resolve(safety).resolve("uploads/tree");
        assertThat(safetyTree.resolve("photos/2026/a.jpg")).hasContent("ransomware was here");
    }

    @Test
    void aDrillPutsEveryObjectIntoAScratchFolderReadsItBackAndLeavesTheBucketAsItWas() {
        addSource(s3.endpoint());
        cli.run("backup", "site").requireOk();
        var before = s3.keys(bucket);

        JsonNode r = cli.run("verify", "--job", "site", "--drill", "--json").requireOk().json();

        JsonNode drill = null;
        for (JsonNode c : r.get("checks")) {
            if (c.get("method").asText().equals("drill")) {
                drill = c;
            }
        }
        assertThat(drill).as(r.toString()).isNotNull();
        assertThat(drill.get("result").asText()).isEqualTo("verified");
        assertThat(drill.get("detail").asText()).contains("3 objects put into s3://" + bucket + "/.mamori-drill-")
                .contains("every SHA-256 matches the index");
        assertThat(drill.get("recoveryMs").asLong()).isPositive();
        assertThat(s3.keys(bucket)).isEqualTo(before);
    }

    @Test
    void keysWithABackslashAreBackedUpAndComeBackByteForByte(MotoServer moto) throws IOException {
        // S3Mock's web server answers 400 to a backslash in a path; moto keeps such keys, as S3 does
        String source = moto.newBucket("backslash");
        Map<String, String> objects = Map.of("a\\b.txt", "one", "..\\up\\x", "two", "docs/c:\\win\\", "three",
                "docs/plain.txt", "four");
        objects.forEach((k, v) -> moto.client().putObject(b -> b.bucket(source).key(k), RequestBody.fromString(v)));
        assertThat(motoObjects(moto, source)).isEqualTo(objects);
        cli.runWithStdin(MotoServer.SECRET_ACCESS_KEY + "\n", "source", "add", "uploads", "--server", "app1", "--kind",
                "s3-bucket", "--bucket", source, "--endpoint", moto.endpoint(), "--region", MotoServer.REGION,
                "--access-key-id", MotoServer.ACCESS_KEY_ID, "--secret-access-key-stdin").requireOk();
        cli.run("job", "add", "site", "--sources", "uploads", "--vault", "local").requireOk();

        cli.run("backup", "site").requireOk();

        Path tree = onlySnapshot().resolve("tree");
        assertThat(tree.resolve("a\\b.txt")).as("one file, named with its backslash").hasContent("one");
        assertThat(tree.resolve("..\\up\\x")).hasContent("two");
        try (Stream<Path> all = Files.walk(tmp.resolve("vault"))) {
            assertThat(all.filter(Files::isRegularFile)).as("every object inside tree/").allMatch(f -> f.startsWith(tree)
                    || f.getFileName().toString().matches("manifest\\.json|index\\.jsonl\\.zst|object-metadata.*"));
        }
        String other = moto.newBucket("backslash-restored");
        cli.run("restore", "--source", "uploads", "--to-bucket", other, "--yes").requireOk();
        assertThat(motoObjects(moto, other)).isEqualTo(objects);
    }

    private static Map<String, String> motoObjects(MotoServer moto, String bucket) {
        Map<String, String> out = new TreeMap<>();
        for (var o : moto.client().listObjectsV2Paginator(b -> b.bucket(bucket)).contents()) {
            out.put(o.key(), moto.client().getObjectAsBytes(b -> b.bucket(bucket).key(o.key())).asUtf8String());
        }
        return out;
    }

    @Test
    void hostileKeysAreRefusedWithAClearMessageAndNothingIsWrittenOutsideTheVault() throws IOException {
        for (String key : new String[] {"../x", "/abs", "a/../../x", ".."}) {
            String hostile = s3.newBucket("hostile");
            s3.client().putObject(b -> b.bucket(hostile).key("fine.txt"), RequestBody.fromString("fine"));
            s3.client().putObject(b -> b.bucket(hostile).key(key), RequestBody.fromString("escaped"));
            assertThat(s3.keys(hostile)).as("S3Mock kept key %s", key).contains(key);
            Cli home = new Cli(tmp.resolve("home-" + hostile));
            home.addServer("app1", sshd);
            Path vault = tmp.resolve("vaults").resolve(hostile).resolve("vault");
            home.run("vault", "add", "local", "--path", vault.toString()).requireOk();
            home.runWithStdin(S3Server.SECRET_ACCESS_KEY + "\n", "source", "add", "evil", "--server", "app1", "--kind",
                    "s3-bucket", "--bucket", hostile, "--endpoint", s3.endpoint(), "--access-key-id",
                    S3Server.ACCESS_KEY_ID, "--secret-access-key-stdin").requireOk();
            home.run("job", "add", "evil", "--sources", "evil", "--vault", "local").requireOk();

            Cli.Result r = home.run("backup", "evil");

            assertThat(r.exit()).as(key).isEqualTo(1);
            assertThat(r.err()).as(key).contains("'" + key + "'").contains("which a snapshot must not write")
                    .contains("Nothing was stored");
            try (Stream<Path> all = Files.walk(tmp.resolve("vaults").resolve(hostile))) {
                assertThat(all.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                        .as(key).doesNotContain("x", "abs", "fine.txt");
            }
            assertThat(tmp.resolve("vaults").resolve("x")).doesNotExist();
            assertThat(tmp.resolve("x")).doesNotExist();
        }
    }

    @Test
    void viaSshTheBucketOnTheServersLoopbackIsReachedThroughAPortForward() throws IOException {
        // as the server sees it; the SSH connection carries every request
        addSource("http://127.0.0.1:" + proxy.endpoint().substring(proxy.endpoint().lastIndexOf(':') + 1),
                "--via-ssh");
        int logBefore = sshd.log().length();
        cli.run("backup", "site").requireOk();
        assertThat(text(stored(onlySnapshot()))).isEqualTo(text(s3.objects(bucket)));
        // sshd counts what it carried for each connection: the objects went through it
        assertThat(java.util.regex.Pattern.compile("Transferred: sent (\\d+)").matcher(sshd.log().substring(logBefore))
                .results()
                .mapToLong(m -> Long.parseLong(m.group(1))).max().orElse(0)).isGreaterThan(2L * BIG);
        assertThat(proxy.received()).isGreaterThan(2L * BIG);

        String other = s3.newBucket("tunnelled");
        cli.run("restore", "--source", "uploads", "--include", "docs", "--to-bucket", other, "--yes").requireOk();
        assertThat(s3.objects(other)).containsOnlyKeys("docs/readme.txt");
    }

    @Test
    void theSecretKeyIsOnlyInTheSecretStoreNeverInLogsConfigExportOrACommandLine() throws IOException {
        addSource(s3.endpoint());
        cli.run("backup", "site").requireOk();
        String exported = cli.run("config", "export").requireOk().out();
        assertThat(exported).contains("s3-bucket").contains(S3Server.ACCESS_KEY_ID)
                .doesNotContain(S3Server.SECRET_ACCESS_KEY);
        try (Stream<Path> files = Files.walk(cli.home())) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                if (f.getFileName().toString().equals("secrets.json")) {
                    assertThat(text).contains(S3Server.SECRET_ACCESS_KEY);
                } else {
                    assertThat(text).as(f.toString()).doesNotContain(S3Server.SECRET_ACCESS_KEY);
                }
            }
        }
        assertThat(sshd.log()).doesNotContain(S3Server.SECRET_ACCESS_KEY);
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs.filter(p -> p.getFileName().toString().matches("\\d+"))::iterator) {
                try {
                    assertThat(new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.ISO_8859_1))
                            .doesNotContain(S3Server.SECRET_ACCESS_KEY);
                } catch (IOException gone) {
                    // the process ended while we looked
                }
            }
        }
    }

    /** Keys and Base64 of the bytes: maps of arrays compare by reference. */
    private static Map<String, String> text(Map<String, byte[]> objects) {
        Map<String, String> out = new TreeMap<>();
        objects.forEach((k, v) -> out.put(k, java.util.Base64.getEncoder().encodeToString(v)));
        return out;
    }

    private void put(String key, byte[] data) {
        s3.client().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(data));
    }

    private static byte[] bytes(long seed, int n) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private Path onlySnapshot() throws IOException {
        try (Stream<Path> s = snapshots()) {
            return s.collect(Collectors.collectingAndThen(Collectors.toList(), l -> {
                assertThat(l).hasSize(1);
                return l.get(0);
            }));
        }
    }

    /**
     * The snapshot written last. Not the greatest name: two backups within one second get
     * {@code 20261206T124210Z} and {@code 20261206T124210Z-2}, and '-' sorts before '/'.
     */
    private Path newestSnapshot() throws IOException {
        try (Stream<Path> s = snapshots()) {
            return s.max(java.util.Comparator.comparing(BucketSourceTest::written)).orElseThrow();
        }
    }

    private static java.nio.file.attribute.FileTime written(Path snapshot) {
        try {
            return Files.getLastModifiedTime(snapshot.getParent());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Stream<Path> snapshots() throws IOException {
        return Files.walk(tmp.resolve("vault")).filter(p -> p.getFileName().toString().equals("uploads")
                && Files.isDirectory(p.resolve("tree")));
    }

    /** Every object file of a snapshot, as key and bytes. */
    private static Map<String, byte[]> stored(Path snapshot) throws IOException {
        Path tree = snapshot.resolve("tree");
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(tree)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.put(tree.relativize(f).toString(), Files.readAllBytes(f));
            }
        }
        return out;
    }
}
