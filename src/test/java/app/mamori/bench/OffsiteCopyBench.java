package app.mamori.bench;

import app.mamori.model.ObjectVault;
import app.mamori.testenv.S3Server;
import app.mamori.util.CancelToken;
import app.mamori.vault.s3.S3Vault;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Copy throughput and client CPU per GB of an offsite copy ({@link S3Vault#putArtifact}:
 * SHA-256 of the plaintext, AES-256-GCM chunks when encrypted, 8 MiB parts with Content-MD5)
 * against a plain multipart upload of the same file with the same SDK client settings (8 MiB
 * parts, no hashing, no encryption), to the same S3Mock on loopback, alternating round by
 * round. Run it with {@code bench/offsite}.
 */
public final class OffsiteCopyBench {
    private static final int PART = 8 << 20;

    private OffsiteCopyBench() {
    }

    private record Leg(double mbps, double cpuPerGb) {
    }

    public static void main(String[] args) throws Exception {
        long sizeMb = args.length > 0 ? Long.parseLong(args[0]) : 512;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path file = Files.createTempFile("mamori-offsite-bench", ".bin");
        try (S3Server s3 = S3Server.start()) {
            long t0 = System.nanoTime();
            new ProcessBuilder("sh", "-c", "head -c " + sizeMb + "M /dev/urandom > '" + file + "'").inheritIO()
                    .start().waitFor();
            String sha = sha256(file);
            System.out.printf("source: %d MB of /dev/urandom, made and hashed in %.1f s; AES-GCM: %s%n", sizeMb,
                    (System.nanoTime() - t0) / 1e9, app.mamori.vault.crypto.EncryptingInputStream.aesImplementation());
            String bucket = s3.newBucket("bench");
            ObjectVault enc = new ObjectVault("enc", bucket, "enc/", Optional.of(s3.endpoint()), S3Server.REGION, true,
                    S3Server.ACCESS_KEY_ID, true);
            ObjectVault plain = new ObjectVault("plain", bucket, "plain/", Optional.of(s3.endpoint()), S3Server.REGION,
                    true, S3Server.ACCESS_KEY_ID, false);
            try (S3Vault e = S3Vault.setUp(enc, S3Server.SECRET_ACCESS_KEY, Optional.of("benchmark passphrase"));
                 S3Vault p = S3Vault.setUp(plain, S3Server.SECRET_ACCESS_KEY, Optional.empty())) {
                S3Client raw = s3.client();
                // warm-up: JIT the SDK, AES-GCM, SHA-256 and MD5 paths before anything is timed
                copy(e, file, sha, "warm");
                upload(raw, bucket, file, "warm");
                List<Leg> encrypted = new ArrayList<>();
                List<Leg> unencrypted = new ArrayList<>();
                List<Leg> baseline = new ArrayList<>();
                for (int round = 1; round <= rounds; round++) {
                    String id = "r" + round;
                    Leg a;
                    Leg b;
                    Leg c;
                    if (round % 2 == 1) {
                        a = copy(e, file, sha, id);
                        b = copy(p, file, sha, id);
                        c = upload(raw, bucket, file, id);
                    } else {
                        c = upload(raw, bucket, file, id);
                        b = copy(p, file, sha, id);
                        a = copy(e, file, sha, id);
                    }
                    encrypted.add(a);
                    unencrypted.add(b);
                    baseline.add(c);
                    System.out.printf("round %d: encrypted copy %.0f MB/s (%.2f CPU s/GB), plain copy %.0f MB/s"
                            + " (%.2f CPU s/GB), plain SDK upload %.0f MB/s (%.2f CPU s/GB)%n", round, a.mbps(),
                            a.cpuPerGb(), b.mbps(), b.cpuPerGb(), c.mbps(), c.cpuPerGb());
                }
                System.out.printf("[offsite] %d MB, median of %d: encrypted copy %.0f MB/s %.2f CPU s/GB; plain copy"
                                + " %.0f MB/s %.2f CPU s/GB; plain SDK upload %.0f MB/s %.2f CPU s/GB;"
                                + " encrypted/upload throughput %.2f%n", sizeMb, rounds,
                        median(encrypted, true), median(encrypted, false), median(unencrypted, true),
                        median(unencrypted, false), median(baseline, true), median(baseline, false),
                        median(encrypted, true) / median(baseline, true));
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static Leg copy(S3Vault vault, Path file, String sha, String id) throws Exception {
        long bytes = Files.size(file);
        long cpu = cpuNanos();
        long t = System.nanoTime();
        try (InputStream in = Files.newInputStream(file)) {
            vault.putArtifact("bench/" + id + "/p", "dump", in, bytes, sha, n -> { }, CancelToken.none());
        }
        return leg(bytes, System.nanoTime() - t, cpuNanos() - cpu);
    }

    /** The same SDK client settings, the same 8 MiB parts, nothing else. */
    private static Leg upload(S3Client s3, String bucket, Path file, String id) throws Exception {
        long bytes = Files.size(file);
        long cpu = cpuNanos();
        long t = System.nanoTime();
        String key = "baseline/" + id;
        String upload = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        List<CompletedPart> parts = new ArrayList<>();
        byte[] buf = new byte[PART];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n, number = 1; (n = in.readNBytes(buf, 0, PART)) > 0; number++) {
                int pn = number;
                int len = n;
                String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(upload).partNumber(pn)
                        .contentLength((long) len), RequestBody.fromBytes(java.util.Arrays.copyOf(buf, len))).eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            }
        }
        s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(upload).multipartUpload(m -> m.parts(parts)));
        return leg(bytes, System.nanoTime() - t, cpuNanos() - cpu);
    }

    private static Leg leg(long bytes, long nanos, long cpuNanos) {
        return new Leg(bytes / 1e6 / (nanos / 1e9), cpuNanos / 1e9 / (bytes / 1e9));
    }

    /** This JVM's CPU time: the client's; S3Mock is another process. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 20];
            for (int n; (n = in.read(buf)) > 0; ) {
                d.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(d.digest());
    }

    private static double median(List<Leg> legs, boolean mbps) {
        List<Double> v = new ArrayList<>(legs.stream().map(l -> mbps ? l.mbps() : l.cpuPerGb()).toList());
        v.sort(null);
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }
}
