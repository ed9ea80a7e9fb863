package app.mamori.testenv;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What moto enforces that S3Mock does not ({@link S3ServerTest}): the Object Lock tests rely on it. */
@ExtendWith(MotoExtension.class)
class MotoServerTest {

    @Test
    void aLockedVersionCannotBeDeletedByAnyoneUntilItsDate(MotoServer moto) {
        S3Client c = moto.client();
        String bucket = moto.newLockedBucket("lock");
        byte[] data = "locked".getBytes();
        // whole seconds: with a fraction moto answers the delete with a 500 instead of checking the lock
        String version = c.putObject(p -> p.bucket(bucket).key("k").contentMD5(S3ServerTest.md5(data))
                        .objectLockMode(ObjectLockMode.COMPLIANCE)
                        .objectLockRetainUntilDate(Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS)),
                RequestBody.fromBytes(data)).versionId();

        assertThatThrownBy(() -> c.deleteObject(b -> b.bucket(bucket).key("k").versionId(version)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        assertThat(c.listObjectVersions(b -> b.bucket(bucket)).versions()).extracting(v -> v.versionId())
                .containsExactly(version);
    }

    @Test
    void aBucketMadeWithoutObjectLockHasNoLockConfiguration(MotoServer moto) {
        String bucket = moto.newBucket("plain");
        assertThatThrownBy(() -> moto.client().getObjectLockConfiguration(b -> b.bucket(bucket)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode())
                        .isEqualTo("ObjectLockConfigurationNotFoundError"));
    }
}
