package app.mamori.vault.s3;

import app.mamori.model.Note;
import app.mamori.model.ObjectVault;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Builds the SDK client the way every provider accepts it, and turns its errors into sentences. */
public final class S3Clients {
    private S3Clients() {
    }

    /**
     * Checksums only where an operation requires them: since SDK 2.30 a CRC32 header goes on every
     * PUT by default, which R2, GCS and Ceph refuse. Mamori sends Content-MD5 on each part instead,
     * which every provider checks. Path-style addressing whenever an endpoint is given: MinIO
     * needs it and B2, Wasabi, R2 and GCS accept it.
     */
    static S3Client build(ObjectVault v, String secretKey) {
        return build(v.endpoint(), v.region(), v.pathStyle(), v.accessKeyId(), secretKey);
    }

    /** The same client for any bucket, such as an application's bucket that a source backs up. */
    public static S3Client build(Optional<String> endpoint, String region, boolean pathStyle, String accessKeyId,
                                 String secretKey) {
        var b = S3Client.builder()
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId,
                        secretKey)))
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(20))
                        .socketTimeout(Duration.ofMinutes(2)).build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .forcePathStyle(pathStyle || endpoint.isPresent());
        endpoint.ifPresent(e -> b.endpointOverride(URI.create(e)));
        return b.build();
    }

    /** What went wrong talking to the vault, and what to do, for a person. */
    static String describe(ObjectVault v, RuntimeException e) {
        return describe("vault " + v.name() + " (" + v.describe() + ")", v.bucket(), e);
    }

    /** The same as a failure whose reason the app says in its language: vault and bucket, then what went wrong. */
    static StorageException failure(ObjectVault v, RuntimeException e) {
        String english = describe(v, e);
        String name = v.name();
        String bucket = v.bucket();
        Note reason;
        if (e instanceof S3Exception s) {
            String code = s.awsErrorDetails() == null ? "" : String.valueOf(s.awsErrorDetails().errorCode());
            if (s.statusCode() == 403 || code.equals("InvalidAccessKeyId") || code.equals("SignatureDoesNotMatch")) {
                reason = Note.of("storageDenied", english, name, bucket, code);
            } else if (code.equals("NoSuchBucket") || s.statusCode() == 404 && code.isEmpty()) {
                reason = Note.of("storageNoBucket", english, name, bucket);
            } else if (code.equals("PermanentRedirect") || code.equals("AuthorizationHeaderMalformed")) {
                reason = Note.of("storageRegion", english, name, bucket, code);
            } else {
                reason = Note.of("storageRefused", english, name, bucket, code.isEmpty() ? "HTTP " + s.statusCode()
                        : code, s.awsErrorDetails() == null ? s.getMessage() : s.awsErrorDetails().errorMessage());
            }
        } else if (e instanceof SdkClientException) {
            reason = Note.of("storageUnreachable", english, name, bucket, e.getMessage());
        } else {
            reason = Note.of("storageFailed", english, name, bucket, e.getMessage());
        }
        return new StorageException(reason, e);
    }

    /**
     * What went wrong talking to a bucket, and what to do, for a person.
     *
     * @param where what the bucket is to the admin, e.g. {@code source uploads (s3://uploads/ at ...)}
     */
    public static String describe(String where, String bucket, RuntimeException e) {
        if (e instanceof S3Exception s) {
            String code = s.awsErrorDetails() == null ? "" : String.valueOf(s.awsErrorDetails().errorCode());
            if (s.statusCode() == 403 || code.equals("InvalidAccessKeyId") || code.equals("SignatureDoesNotMatch")) {
                return where + ": access denied (" + code + "); check the access key id and secret key, and that the"
                        + " key may read and write this bucket";
            }
            if (code.equals("NoSuchBucket") || s.statusCode() == 404 && code.isEmpty()) {
                return where + ": bucket " + bucket + " does not exist; create it at the provider first";
            }
            if (code.equals("PermanentRedirect") || code.equals("AuthorizationHeaderMalformed")) {
                return where + ": the bucket is in another region (" + code + "); give its region with --region";
            }
            return where + ": " + (code.isEmpty() ? "HTTP " + s.statusCode() : code) + ": "
                    + (s.awsErrorDetails() == null ? s.getMessage() : s.awsErrorDetails().errorMessage());
        }
        if (e instanceof SdkClientException) {
            return where + ": cannot reach the storage (" + e.getMessage() + "); check --endpoint and the network";
        }
        return where + ": " + e.getMessage();
    }
}
