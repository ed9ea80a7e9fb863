package app.mamori.vault.s3;

import app.mamori.util.CancelToken;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.Part;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Uploads one object in parts, each with its Content-MD5 so the provider checks it. An upload
 * left unfinished (a dropped connection, a killed process) is found again in the bucket's list
 * of multipart uploads: parts whose MD5 matches what this attempt would send are kept and not
 * sent again. That needs the same bytes in the same parts, which the deterministic encryption
 * and a part size fixed by the object's size give.
 */
final class ResumableUpload {
    static final int MIN_PART = 8 << 20;
    private static final int MAX_PARTS = 9_000;

    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final Optional<Instant> retainUntil;

    /** @param retainUntil when given, the object is written under COMPLIANCE Object Lock until then */
    ResumableUpload(S3Client s3, String bucket, String key, Optional<Instant> retainUntil) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.retainUntil = retainUntil;
    }

    /** The part size for an object of {@code size} bytes: 8 MiB, or more to stay under S3's 10,000 parts. */
    static int partSize(long size) {
        long mib = 1 << 20;
        long needed = (size + MAX_PARTS - 1) / MAX_PARTS;
        return (int) Math.max(MIN_PART, (needed + mib - 1) / mib * mib);
    }

    /**
     * Sends {@code in} ({@code size} bytes) to the key. {@code beforeComplete} runs once every
     * byte is read and before the object becomes visible; it throws to abandon the upload.
     */
    UploadResult send(InputStream in, long size, LongConsumer progress, CancelToken cancel, Check beforeComplete)
            throws IOException {
        int partSize = partSize(size);
        if (size <= partSize) {
            byte[] all = in.readNBytes((int) size);
            requireSize(all.length, size);
            requireEnd(in);
            beforeComplete.run();
            cancel.throwIfCancelled();
            s3.putObject(p -> ObjectLock.onPut(p.bucket(bucket).key(key).contentLength((long) all.length)
                            .contentMD5(md5Base64(all)), retainUntil), RequestBody.fromBytes(all));
            progress.accept(all.length);
            return new UploadResult(all.length, 0);
        }
        String uploadId = existingUpload().orElseGet(() -> s3.createMultipartUpload(b -> ObjectLock.onCreate(
                b.bucket(bucket).key(key), retainUntil)).uploadId());
        Map<Integer, Part> done = uploadedParts(uploadId);
        List<CompletedPart> parts = new ArrayList<>();
        byte[] buf = new byte[partSize];
        long sent = 0;
        long resumed = 0;
        long total = 0;
        for (int number = 1; total < size; number++) {
            cancel.throwIfCancelled();
            int n = in.readNBytes(buf, 0, (int) Math.min(partSize, size - total));
            requireSize(total + n, total + Math.min(partSize, size - total));
            total += n;
            byte[] md5 = md5(buf, n);
            String etag = "\"" + HexFormat.of().formatHex(md5) + "\"";
            Part there = done.get(number);
            if (there != null && etag.equalsIgnoreCase(there.eTag()) && there.size() != null && there.size() == n) {
                resumed += n;
                parts.add(CompletedPart.builder().partNumber(number).eTag(there.eTag()).build());
            } else {
                int partNumber = number;
                String md5b64 = Base64.getEncoder().encodeToString(md5);
                String tag = s3.uploadPart(p -> p.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber)
                        .contentLength((long) n).contentMD5(md5b64), RequestBody.fromBytes(java.util.Arrays.copyOf(buf, n)))
                        .eTag();
                sent += n;
                parts.add(CompletedPart.builder().partNumber(number).eTag(tag).build());
            }
            progress.accept(total);
        }
        requireEnd(in);
        try {
            beforeComplete.run();
        } catch (IOException | RuntimeException e) {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
            throw e;
        }
        String version = s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                .multipartUpload(m -> m.parts(parts))).versionId();
        if (retainUntil.isPresent() && resumed > 0) {
            // the upload was begun by an earlier attempt, with an earlier date: lengthen it to this copy's
            ObjectLock.extend(s3, bucket, key, version, retainUntil.get());
        }
        return new UploadResult(sent, resumed);
    }

    /** A check that may refuse to let the object become visible. */
    interface Check {
        void run() throws IOException;
    }

    private Optional<String> existingUpload() {
        return s3.listMultipartUploadsPaginator(b -> b.bucket(bucket).prefix(key)).uploads().stream()
                .filter(u -> u.key().equals(key))
                .max(Comparator.comparing(MultipartUpload::initiated, Comparator.nullsFirst(Comparator.naturalOrder())))
                .map(MultipartUpload::uploadId);
    }

    private Map<Integer, Part> uploadedParts(String uploadId) {
        Map<Integer, Part> out = new HashMap<>();
        s3.listPartsPaginator(b -> b.bucket(bucket).key(key).uploadId(uploadId)).parts()
                .forEach(p -> out.put(p.partNumber(), p));
        return out;
    }

    static void requireSize(long got, long expected) throws IOException {
        if (got != expected) {
            throw new StorageException(app.mamori.model.Note.of("copyFileShort", "the file ended after " + got
                    + " bytes, before the " + expected + " expected; it changed or was cut short in the vault", got,
                    expected), null);
        }
    }

    static void requireEnd(InputStream in) throws IOException {
        if (in.read() >= 0) {
            throw new StorageException(app.mamori.model.Note.of("copyFileLonger", "the file is longer than the"
                    + " catalogue recorded; it changed in the vault"), null);
        }
    }

    private static String md5Base64(byte[] all) {
        return Base64.getEncoder().encodeToString(md5(all, all.length));
    }

    private static byte[] md5(byte[] b, int n) {
        try {
            MessageDigest d = MessageDigest.getInstance("MD5");
            d.update(b, 0, n);
            return d.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is in every JDK", e);
        }
    }
}
