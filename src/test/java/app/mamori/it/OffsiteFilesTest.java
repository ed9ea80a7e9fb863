package app.mamori.it;

import app.mamori.testenv.CuttingProxy;
import app.mamori.testenv.S3Extension;
import app.mamori.testenv.S3Server;
import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static app.mamori.it.TreeFixture.sh;
import static app.mamori.it.TreeFixture.state;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files snapshots copied offsite to a real S3 API server: deduplicated by content, encrypted
 * under names that say nothing, restored and rebuilt from the bucket alone, pruned by what the
 * remaining listings use, resumed after a cut connection, and verified object by object.
 */
@ExtendWith({SshdExtension.class, S3Extension.class})
class OffsiteFilesTest {
    private static final String PASSPHRASE = "the uploads leave the building";
    private static final String SECRET_TEXT = "CONFIDENTIAL board minutes: the Osaka office closes in March";

    private Cli cli;
    private SshdServer sshd;
    private S3Server s3;
    private String bucket;
    private Path tmp;
    private Path site;

    @BeforeEach
    void setUp(SshdServer sshd, S3Server s3, @TempDir Path tmp) throws Exception {
        this.sshd = sshd;
        this.s3 = s3;
        this.tmp = tmp;
        site = tmp.resolve("srv/site");
        TreeFixture.makeHostileTree(site);
        // over the packing threshold: one object of its own, streamed
        sh("head -c 1500000 /dev/urandom > \"$1/uploads/scan.pdf\"", site.toString());
        Files.writeString(site.resolve("uploads/minutes-of-the-board.txt"), SECRET_TEXT);
        bucket = s3.newBucket("files");
        cli = new Cli(tmp.resolve("home"));
        addServerAndSource(cli);
        cli.run("vault", "add", "local", "--path", tmp.resolve("vault").toString()).requireOk();
        cli.run("job", "add", "site", "--sources", "uploads", "--vault", "local").requireOk();
    }

    private void addServerAndSource(Cli c) {
        c.addServer("web", sshd);
        c.run("source", "add", "uploads", "--server", "web", "--kind", "files", "--path", site.toString()).requireOk();
    }

    private Cli.Result addOffsite(Cli c, String endpoint, boolean encrypt) {
        return encrypt ? c.runWithStdin(S3Server.SECRET_ACCESS_KEY + "\n" + PASSPHRASE + "\n", "vault", "add",
                "offsite", "--s3", bucket + "/mamori", "--endpoint", endpoint, "--region", S3Server.REGION,
                "--access-key-id", S3Server.ACCESS_KEY_ID, "--secret-access-key-stdin", "--encrypt")
                : c.runWithStdin(S3Server.SECRET_ACCESS_KEY + "\n", "vault", "add", "offsite", "--s3", bucket,
                "--endpoint", endpoint, "--access-key-id", S3Server.ACCESS_KEY_ID, "--secret-access-key-stdin");
    }

    @Test
    void theSecondCopySendsOnlyTheChangedFileAndNoObjectHoldsAFileOrItsName() throws Exception {
        addOffsite(cli, s3.endpoint(), true).requireOk();
        cli.run("backup", "site").requireOk();
        cli.run("job", "set", "site", "--copy-to", "offsite").requireOk();
        long rate = 1 << 20;
        long started = System.nanoTime();
        cli.run("copy", "site", "--limit-rate", "1M").requireOk();
        assertThat((System.nanoTime() - started) / 1e9).as("every file the copy sends is held to --limit-rate")
                .isGreaterThanOrEqualTo(0.95 * treeBytes() / rate);
        Map<String, byte[]> first = s3.objects(bucket);
        Files.writeString(site.resolve("uploads/minutes-of-the-board.txt"), SECRET_TEXT + " (amended)");

        cli.run("backup", "site").requireOk();

        Map<String, byte[]> second = s3.objects(bucket);
        Set<String> added = new HashSet<>(second.keySet());
        added.removeAll(first.keySet());
        assertThat(added).as("the manifest, the listing and one pack with the changed file").hasSize(3);
        assertThat(added).filteredOn(k -> k.contains("/trees/")).singleElement().satisfies(k -> assertThat(
                second.get(k).length).as("a pack of one small file").isLessThan(1000));
        assertThat(second.keySet()).allSatisfy(k -> assertThat(k).matches(
                "mamori/(mamori-key\\.json|points/[0-9a-f]{64}|data/[0-9a-f]{64}|trees/[0-9a-f]{64}/[bp]/[0-9a-f]{64})"));
        List<byte[]> secrets = List.of(SECRET_TEXT.getBytes(StandardCharsets.UTF_8),
                "minutes-of-the-board".getBytes(StandardCharsets.UTF_8), "scan.pdf".getBytes(StandardCharsets.UTF_8),
                "uploads".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(site.resolve("uploads/big.bin")));
        for (Map.Entry<String, byte[]> o : second.entrySet()) {
            for (byte[] s : secrets) {
                assertThat(contains(o.getValue(), s.length > 64 ? java.util.Arrays.copyOfRange(s, 1000, 1064) : s))
                        .as("%s holds %s", o.getKey(), new String(s, 0, Math.min(20, s.length), StandardCharsets.UTF_8))
                        .isFalse();
            }
        }
    }

    @Test
    void withNothingButTheBucketTheTreeComesBackIdenticalAndVerifyCatchesAFlippedByteNamingTheObject()
            throws Exception {
        addOffsite(cli, s3.endpoint(), true).requireOk();
        cli.run("job", "set", "site", "--copy-to", "offsite").requireOk();
        cli.run("backup", "site").requireOk();
        assertThat(cli.run("copy", "site", "--verify").requireOk().out()).contains("1 of 1 copies of job site verified");
        Path fromLocal = tmp.resolve("from-local");
        cli.run("restore", "--source", "uploads", "--to-local", fromLocal.toString(), "--yes").requireOk();

        Cli fresh = new Cli(tmp.resolve("new-workstation"));
        addServerAndSource(fresh);
        addOffsite(fresh, s3.endpoint(), true).requireOk();
        assertThat(fresh.run("catalog", "rebuild", "--vault", "offsite").requireOk().out())
                .contains("1 restore point(s) found");
        Path target = tmp.resolve("restored");
        fresh.run("restore", "--source", "uploads", "--from-vault", "offsite", "--to-local", target.toString(),
                "--yes").requireOk();

        String inside = site.toString().substring(1);
        assertThat(state(target.resolve(inside))).as("as a restore from the local vault writes it")
                .isEqualTo(state(fromLocal.resolve(inside)))
                .contains(sha256(site.resolve("uploads/scan.pdf")) + "  ./uploads/scan.pdf")
                .contains(sha256(site.resolve("uploads/big.bin")) + "  ./uploads/big.bin");

        String blob = s3.keys(bucket).stream().filter(k -> k.matches("mamori/trees/.*/b/.*")).findFirst()
                .orElseThrow();
        byte[] bytes = s3.objects(bucket).get(blob);
        bytes[bytes.length / 2] ^= 0x10;
        s3.client().putObject(b -> b.bucket(bucket).key(blob), RequestBody.fromBytes(bytes));
        Cli.Result damaged = cli.run("copy", "site", "--verify");
        assertThat(damaged.exit()).isEqualTo(1);
        assertThat(damaged.err()).contains("is damaged").contains(blob.substring("mamori/".length()));
    }

    @Test
    void verifyFromTheVaultChecksTheCopyApartFromThePointAndNamesAFlippedObject() throws Exception {
        addOffsite(cli, s3.endpoint(), true).requireOk();
        cli.run("job", "set", "site", "--copy-to", "offsite").requireOk();
        cli.run("backup", "site").requireOk();

        Cli.Result good = cli.run("verify", "--job", "site", "--from-vault", "offsite", "--drill").requireOk();

        assertThat(good.out()).contains("checks of the copies of 1 point(s) in vault offsite passed");
        assertThat(cli.run("points", "site").requireOk().out()).contains("\tcopied to offsite, copy drilled")
                .doesNotContain("\tverified\t");
        JsonNode point = cli.run("points", "site", "--json").requireOk().json().get(0);
        assertThat(point.at("/verification/result").asText()).as("the point's own checks").isEqualTo("unverified");
        JsonNode copyCheck = point.at("/copies/0/verification");
        assertThat(copyCheck.get("result").asText()).isEqualTo("verified");
        assertThat(copyCheck.at("/checks/0/method").asText()).isEqualTo("drill");
        assertThat(copyCheck.at("/checks/0/source").asText()).isEqualTo("uploads");
        assertThat(copyCheck.get("time").asText()).isEqualTo(copyCheck.at("/checks/0/time").asText());
        assertThat(timelineCopy().at("/checks/result").asText()).isEqualTo("drilled");
        String pack = s3.keys(bucket).stream().filter(k -> k.matches("mamori/trees/.*/p/.*")).findFirst().orElseThrow();
        byte[] bytes = s3.objects(bucket).get(pack);
        bytes[bytes.length - 20] ^= 0x01;
        s3.client().putObject(b -> b.bucket(bucket).key(pack), RequestBody.fromBytes(bytes));

        Cli.Result bad = cli.run("verify", "--job", "site", "--from-vault", "offsite");

        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("the copy in vault offsite of site/").contains("checksum FAILED")
                .contains(pack.substring("mamori/".length())).contains("mamori copy site --point");
        assertThat(cli.run("points", "site").requireOk().out()).contains("\tcopied to offsite, copy check FAILED");
        assertThat(cli.run("points", "site", "--json").requireOk().json().at("/0/copies/0/verification/result")
                .asText()).isEqualTo("failed");
        JsonNode damaged = timelineCopy();
        assertThat(damaged.at("/checks/result").asText()).isEqualTo("failed");
        assertThat(damaged.at("/checks/detail").asText()).contains(pack.substring("mamori/".length()));
        assertThat(cli.run("verify", "--job", "site").requireOk().out()).as("the local point is as good as it was")
                .contains("passed");
    }

    @Test
    void theOffsiteRetentionDeletesOnlyContentNoRemainingListingUses() throws Exception {
        addOffsite(cli, s3.endpoint(), false).requireOk();
        cli.run("job", "set", "site", "--copy-to", "offsite", "--copy-keep-last", "1").requireOk();
        cli.run("backup", "site").requireOk();
        Set<String> first = new HashSet<>(s3.keys(bucket));
        String oldScan = sha256(site.resolve("uploads/scan.pdf"));
        sh("head -c 1200000 /dev/urandom > \"$1/uploads/scan.pdf\"", site.toString());
        String newScan = sha256(site.resolve("uploads/scan.pdf"));

        cli.run("backup", "site").requireOk();

        List<String> keys = s3.keys(bucket);
        assertThat(keys.stream().filter(k -> k.startsWith("points/"))).as("copy-keep-last 1").hasSize(1);
        assertThat(keys).as("the replaced scan, used by the removed copy alone, is gone")
                .doesNotContain("trees/web/site/b/" + oldScan).contains("trees/web/site/b/" + newScan);
        assertThat(keys).as("the unchanged small files' pack is still used").containsAll(first.stream()
                .filter(k -> k.startsWith("trees/web/site/p/")).toList());
        assertThat(cli.run("copy", "site", "--verify").requireOk().out()).contains("1 of 1 copies of job site verified");
    }

    @Test
    void aCopyCutMidwayIsNotRecordedAndTheNextOneReusesWhatItSent() throws Exception {
        try (CuttingProxy proxy = new CuttingProxy(s3.port())) {
            addOffsite(cli, proxy.endpoint(), true).requireOk();
            cli.run("backup", "site").requireOk();
            cli.run("job", "set", "site", "--copy-to", "offsite").requireOk();
            // the scan goes first (index order: uploads/ before the pack is full); cut after it, before the listing
            proxy.cutAfter(1_700_000);

            Cli.Result cut = cli.run("copy", "site");

            assertThat(cut.exit()).isEqualTo(1);
            JsonNode copy = cli.run("points", "site", "--json").requireOk().json().get(0).get("copies").get(0);
            assertThat(copy.get("status").asText()).isEqualTo("failed");
            assertThat(s3.keys(bucket)).as("no listing, no manifest").noneMatch(k -> k.startsWith("mamori/points/")
                    || k.startsWith("mamori/data/")).anyMatch(k -> k.startsWith("mamori/trees/"));

            proxy.heal();
            String out = cli.run("copy", "site").requireOk().out();

            assertThat(out).contains("already there from an interrupted copy");
            assertThat(proxy.sent()).as("the scan was not sent again").isLessThan(1_000_000);
            assertThat(cli.run("copy", "site", "--verify").requireOk().out()).contains("1 of 1 copies");
        }
    }

    @Test
    void aSnapshotInAVaultOnTheServerIsCopiedWithOnlyItsNewContentFetchedAndRestoredFromTheCopy() throws Exception {
        cli.run("vault", "add", "onserver", "--server", "web", "--path", tmp.resolve("server-vault").toString())
                .requireOk();
        cli.run("job", "add", "site-there", "--sources", "uploads", "--vault", "onserver").requireOk();
        addOffsite(cli, s3.endpoint(), true).requireOk();
        cli.run("job", "set", "site-there", "--copy-to", "offsite").requireOk();

        cli.run("backup", "site-there").requireOk();

        assertThat(cli.run("points", "site-there").requireOk().out()).contains("\tcopied to offsite");
        assertThat(cli.home().resolve("offsite-stage")).as("the fetched files are deleted").isEmptyDirectory();
        Path fromServer = tmp.resolve("from-server");
        Path fromCopy = tmp.resolve("from-copy");
        cli.run("restore", "--source", "uploads", "--to-local", fromServer.toString(), "--yes").requireOk();
        cli.run("restore", "--source", "uploads", "--from-vault", "offsite", "--to-local", fromCopy.toString(), "--yes")
                .requireOk();
        String inside = site.toString().substring(1);
        assertThat(state(fromCopy.resolve(inside))).isEqualTo(state(fromServer.resolve(inside)))
                .contains(sha256(site.resolve("uploads/scan.pdf")) + "  ./uploads/scan.pdf");
    }

    /** The copy of the job's newest point, as {@code timeline --json} shows it on the source's lane. */
    private JsonNode timelineCopy() {
        JsonNode copies = cli.run("timeline", "--job", "site", "--json").requireOk().json()
                .at("/lanes/0/points/0/copies");
        assertThat(copies).hasSize(1);
        assertThat(copies.at("/0/vault").asText()).isEqualTo("offsite");
        assertThat(copies.at("/0/status").asText()).isEqualTo("copied");
        return copies.get(0);
    }

    private long treeBytes() throws Exception {
        try (var files = Files.walk(site)) {
            return files.filter(f -> Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(file)));
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
