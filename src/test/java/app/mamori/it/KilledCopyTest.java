package app.mamori.it;

import app.mamori.testenv.PostgresExtension;
import app.mamori.testenv.PostgresServer;
import app.mamori.testenv.S3Extension;
import app.mamori.testenv.S3Server;
import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mamori copy} killed with kill -9 in the middle of a large upload to a real S3 API server
 * (issue 12's fault suite): no half copy counts as copied, the next copy resumes from the parts
 * already in the bucket, the result reads back whole, and the local point is untouched.
 */
@ExtendWith({SshdExtension.class, PostgresExtension.class, S3Extension.class})
class KilledCopyTest {
    private static final String PASSPHRASE = "a copy killed midway is not a copy";
    private static final Pattern SENT = Pattern.compile("\\(([0-9.]+) ((?:[KMG]i)?B) sent, ([0-9.]+) ((?:[KMG]i)?B) already there");

    @Test
    void aCopyKilledMidUploadIsNotRecordedAsCopiedAndTheNextOneResumesFromTheBucketsParts(
            SshdServer sshd, PostgresServer pg, S3Server s3, @TempDir Path tmp) throws Exception {
        Cli cli = new Cli(tmp.resolve("home"));
        cli.addServer("db1", sshd);
        cli.run("vault", "add", "local", "--path", tmp.resolve("vault").toString()).requireOk();
        String db = "killcopy_" + System.nanoTime();
        pg.createDatabase(db);
        // hex digests compress to about half: a dump of several 8 MiB parts
        pg.execSql(db, "CREATE TABLE orders(id int primary key, note text);"
                + " INSERT INTO orders SELECT g, md5(g::text) || md5((g * 7)::text) || md5((g * 13)::text)"
                + " FROM generate_series(1, 600000) g; ALTER TABLE orders OWNER TO mamori;");
        cli.runWithStdin(pg.mamoriPassword() + "\n", "source", "add", "shopdb", "--server", "db1", "--kind", "postgres",
                "--database", db, "--db-host", pg.host(), "--db-port", Integer.toString(pg.port()),
                "--db-user", pg.mamoriUser(), "--password-stdin").requireOk();
        cli.run("job", "add", "shop", "--sources", "shopdb", "--vault", "local").requireOk();
        String bucket = s3.newBucket("killed");
        cli.runWithStdin(S3Server.SECRET_ACCESS_KEY + "\n" + PASSPHRASE + "\n", "vault", "add", "offsite", "--s3",
                bucket + "/mamori", "--endpoint", s3.endpoint(), "--region", S3Server.REGION, "--access-key-id",
                S3Server.ACCESS_KEY_ID, "--secret-access-key-stdin", "--encrypt").requireOk();
        String point = cli.run("backup", "shop", "--json").requireOk().json().get("point").get("id").asText();
        cli.run("job", "set", "shop", "--copy-to", "offsite").requireOk();
        long size = cli.run("points", "shop", "--json").requireOk().json().get(0).get("artifacts").get(0)
                .get("size").asLong();
        assertThat(size).as("the dump spans several parts").isGreaterThan(3L * (8 << 20));

        // slowed down so that the kill lands between parts, not after the last
        Path output = tmp.resolve("copy.out");
        Process copy = cli.start(output, "copy", "shop", "--limit-rate", "6M");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        int partsBefore = 0;
        while (partsBefore < 2) {
            assertThat(copy.isAlive()).as("copy still running: " + Files.readString(output)).isTrue();
            assertThat(Instant.now()).isBefore(deadline);
            Thread.sleep(50);
            partsBefore = parts(s3, bucket);
        }
        copy.destroyForcibly(); // SIGKILL: no shutdown hook, no cancel, no abort of the upload
        assertThat(copy.waitFor(10, TimeUnit.SECONDS)).isTrue();
        partsBefore = parts(s3, bucket);

        JsonNode copies = cli.run("points", "shop", "--json").requireOk().json().get(0).get("copies");
        assertThat(copies).as("a killed copy is never a good copy").noneMatch(c -> c.get("status").asText()
                .equals("copied"));
        assertThat(s3.keys(bucket)).as("no manifest, so the bucket lists no point").noneMatch(k -> k.startsWith(
                "mamori/points/"));

        Cli.Result resumed = cli.run("copy", "shop").requireOk();

        Matcher m = SENT.matcher(resumed.out());
        assertThat(m.find()).as(resumed.out()).isTrue();
        assertThat(bytes(m.group(3), m.group(4))).as("resumed from the parts the killed copy sent")
                .isGreaterThanOrEqualTo((long) partsBefore * (8 << 20) - (1 << 20));
        assertThat(bytes(m.group(1), m.group(2)) + bytes(m.group(3), m.group(4))).isGreaterThan(size - (2 << 20));
        assertThat(s3.client().listMultipartUploads(b -> b.bucket(bucket)).uploads()).as("completed").isEmpty();
        JsonNode after = cli.run("points", "shop", "--json").requireOk().json().get(0).get("copies").get(0);
        assertThat(after.get("status").asText()).isEqualTo("copied");
        assertThat(cli.run("copy", "shop", "--verify").requireOk().out()).contains("1 of 1 copies of job shop verified");
        assertThat(cli.run("verify", point).requireOk().out()).doesNotContain("FAILED");
    }

    /** Parts sent so far of the one unfinished upload in the bucket; 0 while there is none. */
    private static int parts(S3Server s3, String bucket) {
        List<MultipartUpload> uploads = s3.client().listMultipartUploads(b -> b.bucket(bucket)).uploads();
        if (uploads.isEmpty()) {
            return 0;
        }
        MultipartUpload u = uploads.get(0);
        return s3.client().listParts(b -> b.bucket(bucket).key(u.key()).uploadId(u.uploadId())).parts().size();
    }

    /** "12.5 MiB" as bytes, as Bytes.human writes it. */
    private static long bytes(String n, String unit) {
        double f = Double.parseDouble(n);
        int shift = switch (unit.charAt(0)) {
            case 'K' -> 10;
            case 'M' -> 20;
            case 'G' -> 30;
            default -> 0;
        };
        return (long) (f * (1L << shift));
    }
}
