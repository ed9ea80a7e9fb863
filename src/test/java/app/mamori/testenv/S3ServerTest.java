package app.mamori.testenv;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the test S3 server really enforces: the offsite tests only rely on these. */
@ExtendWith(S3Extension.class)
class S3ServerTest {

    @Test
    void aPartWhoseContentMd5DoesNotMatchIsRefused(S3Server s3) throws Exception {
        S3Client c = s3.client();
        String bucket = s3.newBucket("md5");
        byte[] data = "hello".getBytes();
        String wrong = Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest("other".getBytes()));

        assertThatThrownBy(() -> c.putObject(p -> p.bucket(bucket).key("k").contentMD5(wrong), RequestBody.fromBytes(data)))
                .isInstanceOf(S3Exception.class);
        assertThat(s3.keys(bucket)).isEmpty();
    }

    @Test
    void multipartUploadsAreListedWithTheirPartsUntilCompleted(S3Server s3) {
        S3Client c = s3.client();
        String bucket = s3.newBucket("mp");
        String id = c.createMultipartUpload(b -> b.bucket(bucket).key("big")).uploadId();
        byte[] part = new byte[5 << 20];
        String etag = c.uploadPart(b -> b.bucket(bucket).key("big").uploadId(id).partNumber(1),
                RequestBody.fromBytes(part)).eTag();

        assertThat(c.listMultipartUploads(b -> b.bucket(bucket)).uploads()).extracting(u -> u.uploadId()).containsExactly(id);
        assertThat(c.listParts(b -> b.bucket(bucket).key("big").uploadId(id)).parts()).extracting(p -> p.eTag())
                .containsExactly(etag);
        assertThat(etag).as("a part's ETag is its MD5, as on AWS without KMS").isEqualTo("\"" + md5Hex(part) + "\"");

        c.uploadPart(b -> b.bucket(bucket).key("big").uploadId(id).partNumber(2), RequestBody.fromBytes(new byte[10]));
        String etag2 = c.listParts(b -> b.bucket(bucket).key("big").uploadId(id)).parts().get(1).eTag();
        c.completeMultipartUpload(b -> b.bucket(bucket).key("big").uploadId(id).multipartUpload(m -> m.parts(
                CompletedPart.builder().partNumber(1).eTag(etag).build(),
                CompletedPart.builder().partNumber(2).eTag(etag2).build())));
        assertThat(c.getObject(g -> g.bucket(bucket).key("big"), ResponseTransformer.toBytes()).asByteArray())
                .hasSize((5 << 20) + 10);
        assertThat(c.listMultipartUploads(b -> b.bucket(bucket)).uploads()).isEmpty();
    }

    /**
     * S3Mock keeps an object's retention but does not enforce it: a locked object is deleted like
     * any other. So no test on S3Mock can prove that Object Lock protects a point: the Object Lock
     * tests run against moto's server ({@link MotoServer}, {@link MotoServerTest}), which enforces it.
     */
    @Test
    void objectLockRetentionIsKeptButNotEnforced(S3Server s3) {
        S3Client c = s3.client();
        String bucket = "lock-" + Long.toString(System.nanoTime(), 36);
        c.createBucket(b -> b.bucket(bucket).objectLockEnabledForBucket(true));
        byte[] data = "locked".getBytes();
        c.putObject(p -> p.bucket(bucket).key("k").contentMD5(md5(data)), RequestBody.fromBytes(data));
        c.putObjectRetention(b -> b.bucket(bucket).key("k").retention(r -> r.mode(ObjectLockRetentionMode.COMPLIANCE)
                .retainUntilDate(Instant.now().plus(1, ChronoUnit.DAYS))));
        assertThat(c.getObjectRetention(b -> b.bucket(bucket).key("k")).retention().mode())
                .isEqualTo(ObjectLockRetentionMode.COMPLIANCE);

        c.deleteObject(b -> b.bucket(bucket).key("k"));

        assertThat(s3.keys(bucket)).as("a real S3 would have refused or kept the locked version").isEmpty();
    }

    static String md5Hex(byte[] data) {
        return java.util.HexFormat.of().formatHex(Base64.getDecoder().decode(md5(data)));
    }

    static String md5(byte[] data) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
