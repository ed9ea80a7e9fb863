package app.mamori.it;

import app.mamori.testenv.MotoExtension;
import app.mamori.testenv.MotoServer;
import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A files snapshot copied twice to a bucket with Object Lock (moto, which enforces it): the
 * content the second copy reuses is locked at least as long as the second copy itself.
 */
@ExtendWith({SshdExtension.class, MotoExtension.class})
class OffsiteFilesLockTest {

    @Test
    void contentReusedByALaterCopyIsLockedAsLongAsThatCopy(SshdServer sshd, MotoServer moto, @TempDir Path tmp)
            throws Exception {
        Path site = tmp.resolve("site");
        Files.createDirectories(site);
        Files.writeString(site.resolve("contract.txt"), "signed in March");
        Cli cli = new Cli(tmp.resolve("home"));
        cli.addServer("web", sshd);
        cli.run("source", "add", "uploads", "--server", "web", "--kind", "files", "--path", site.toString())
                .requireOk();
        cli.run("vault", "add", "local", "--path", tmp.resolve("vault").toString()).requireOk();
        cli.run("job", "add", "site", "--sources", "uploads", "--vault", "local").requireOk();
        String bucket = moto.newLockedBucket("treelock");
        cli.runWithStdin(MotoServer.SECRET_ACCESS_KEY + "\n", "vault", "add", "offsite", "--s3", bucket + "/mamori",
                "--endpoint", moto.endpoint(), "--region", MotoServer.REGION, "--access-key-id",
                MotoServer.ACCESS_KEY_ID, "--secret-access-key-stdin", "--object-lock-days", "1").requireOk();
        cli.run("job", "set", "site", "--copy-to", "offsite").requireOk();
        cli.run("backup", "site").requireOk();
        String pack = keys(moto, bucket).stream().filter(k -> k.contains("/trees/")).findFirst().orElseThrow();
        Instant first = retention(moto, bucket, pack);
        Thread.sleep(2100); // lock dates are kept to the second: the second copy's ends later

        cli.run("backup", "site").requireOk();

        assertThat(keys(moto, bucket).stream().filter(k -> k.contains("/trees/"))).as("nothing new to send")
                .containsExactly(pack);
        Instant second = cli.run("points", "site", "--json").requireOk().json().get(0).get("copies").get(0)
                .get("lockedUntil").asText().transform(Instant::parse);
        assertThat(second).isAfter(first);
        assertThat(retention(moto, bucket, pack)).as("lengthened to the later copy's").isAfterOrEqualTo(second);
    }

    private static List<String> keys(MotoServer moto, String bucket) {
        return moto.client().listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream().map(S3Object::key)
                .toList();
    }

    private static Instant retention(MotoServer moto, String bucket, String key) {
        return moto.client().headObject(b -> b.bucket(bucket).key(key)).objectLockRetainUntilDate();
    }
}
