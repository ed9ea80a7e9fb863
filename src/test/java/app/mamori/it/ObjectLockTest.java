package app.mamori.it;

import app.mamori.testenv.MotoExtension;
import app.mamori.testenv.MotoServer;
import app.mamori.testenv.PostgresExtension;
import app.mamori.testenv.PostgresServer;
import app.mamori.testenv.SshdExtension;
import app.mamori.testenv.SshdServer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * vault add --object-lock-days against moto's S3 server, which (unlike S3Mock) enforces Object
 * Lock: the copies are locked, the bucket itself refuses to delete them, and the offsite
 * retention keeps them and says until when.
 */
@ExtendWith({SshdExtension.class, PostgresExtension.class, MotoExtension.class})
class ObjectLockTest {
    private Cli cli;
    private MotoServer moto;
    private Path tmp;

    @BeforeEach
    void setUp(SshdServer sshd, PostgresServer pg, MotoServer moto, @TempDir Path tmp) {
        this.moto = moto;
        this.tmp = tmp;
        cli = new Cli(tmp.resolve("home"));
        String db = "shop_l_" + System.nanoTime();
        pg.createDatabase(db);
        pg.execSql(db, "CREATE TABLE orders(id int primary key, note text);"
                + " INSERT INTO orders SELECT g, 'order ' || g FROM generate_series(1, 500) g;"
                + " ALTER TABLE orders OWNER TO mamori;");
        cli.addServer("db1", sshd);
        cli.runWithStdin(pg.mamoriPassword() + "\n", "source", "add", "shopdb", "--server", "db1", "--kind", "postgres",
                "--database", db, "--db-host", pg.host(), "--db-port", Integer.toString(pg.port()),
                "--db-user", pg.mamoriUser(), "--password-stdin").requireOk();
        cli.run("vault", "add", "local", "--path", tmp.resolve("vault").toString()).requireOk();
        cli.run("job", "add", "shop", "--sources", "shopdb", "--vault", "local").requireOk();
    }

    private Cli.Result addLocked(String bucket, int days) {
        return cli.runWithStdin(MotoServer.SECRET_ACCESS_KEY + "\n", "vault", "add", "offsite", "--s3",
                bucket + "/mamori", "--endpoint", moto.endpoint(), "--region", MotoServer.REGION, "--access-key-id",
                MotoServer.ACCESS_KEY_ID, "--secret-access-key-stdin", "--object-lock-days", Integer.toString(days));
    }

    @Test
    void vaultAddRefusesABucketWithoutObjectLockAndSaysHowToMakeOne() {
        Cli.Result r = addLocked(moto.newBucket("plain"), 30);

        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("does not have Object Lock enabled").contains("--object-lock-enabled-for-bucket");
        assertThat(cli.run("vault", "list").requireOk().out()).doesNotContain("offsite");
    }

    @Test
    void everyObjectOfACopyIsLockedAndTheBucketRefusesToDeleteIt() {
        String bucket = moto.newLockedBucket("locked");
        assertThat(addLocked(bucket, 30).requireOk().out()).contains("object lock 30 days");
        cli.run("job", "set", "shop", "--copy-to", "offsite").requireOk();
        Instant before = Instant.now();

        cli.run("backup", "shop").requireOk();

        JsonNode copy = cli.run("points", "shop", "--json").requireOk().json().get(0).get("copies").get(0);
        assertThat(copy.get("status").asText()).isEqualTo("copied");
        Instant until = Instant.parse(copy.get("lockedUntil").asText());
        assertThat(until).isBetween(before.plus(Duration.ofDays(30)), Instant.now().plus(Duration.ofDays(30))
                .plusSeconds(2));
        List<ObjectVersion> versions = moto.client().listObjectVersions(b -> b.bucket(bucket).prefix("mamori/"))
                .versions();
        assertThat(versions).extracting(ObjectVersion::key).anyMatch(k -> k.startsWith("mamori/points/"))
                .anyMatch(k -> k.startsWith("mamori/data/"));
        for (ObjectVersion v : versions) {
            var head = moto.client().headObject(b -> b.bucket(bucket).key(v.key()).versionId(v.versionId()));
            assertThat(head.objectLockMode()).as(v.key()).isEqualTo(ObjectLockMode.COMPLIANCE);
            assertThat(head.objectLockRetainUntilDate()).as(v.key()).isEqualTo(until);
            // the office's own keys, straight to the bucket: the server refuses
            assertThatThrownBy(() -> moto.client().deleteObject(b -> b.bucket(bucket).key(v.key())
                    .versionId(v.versionId())))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        }
        assertThat(moto.client().listObjectVersions(b -> b.bucket(bucket).prefix("mamori/")).versions())
                .hasSameSizeAs(versions);
        assertThat(cli.run("copy", "shop", "--verify").requireOk().out()).contains("1 of 1 copies of job shop verified");
    }

    @Test
    void theOffsiteRetentionKeepsLockedCopiesAndSaysUntilWhen() {
        String bucket = moto.newLockedBucket("keep");
        addLocked(bucket, 7).requireOk();
        cli.run("backup", "shop").requireOk();
        cli.run("backup", "shop").requireOk();
        cli.run("job", "set", "shop", "--copy-to", "offsite", "--copy-keep-last", "1").requireOk();

        Cli.Result copy = cli.run("copy", "shop").requireOk();

        JsonNode points = cli.run("points", "shop", "--json").requireOk().json();
        String older = points.get(1).get("id").asText();
        String until = points.get(1).get("copies").get(0).get("lockedUntil").asText();
        assertThat(copy.out()).contains("keeps the copy of " + older + " in vault offsite: it is under Object Lock until "
                + until);
        assertThat(copy.out()).doesNotContain("could not remove");
        for (JsonNode p : points) {
            assertThat(p.get("copies").get(0).get("status").asText()).as(p.get("id").asText()).isEqualTo("copied");
        }
        assertThat(cli.run("copy", "shop", "--verify").requireOk().out()).contains("2 of 2 copies of job shop verified");
        assertThat(cli.run("points", "shop").requireOk().out()).contains("copied to offsite (locked until " + until + ")");

        // a new computer with only the bucket learns the locks from it
        Cli fresh = new Cli(tmp.resolve("new-workstation"));
        fresh.runWithStdin(MotoServer.SECRET_ACCESS_KEY + "\n", "vault", "add", "offsite", "--s3", bucket + "/mamori",
                "--endpoint", moto.endpoint(), "--region", MotoServer.REGION, "--access-key-id",
                MotoServer.ACCESS_KEY_ID, "--secret-access-key-stdin", "--object-lock-days", "7").requireOk();
        fresh.run("catalog", "rebuild", "--vault", "offsite").requireOk();
        try (app.mamori.catalog.Catalog catalog = app.mamori.catalog.Catalog.open(fresh.home().resolve("catalog.db"))) {
            assertThat(catalog.copies().copy(older, "offsite").orElseThrow().lockedUntil())
                    .contains(Instant.parse(until));
        }
    }
}
