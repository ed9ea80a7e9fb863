package app.mamori.bench;

import app.mamori.engine.offsite.TreeCopy;
import app.mamori.model.ObjectVault;
import app.mamori.source.files.EntryType;
import app.mamori.source.files.IndexEntry;
import app.mamori.source.files.RawPath;
import app.mamori.source.files.SnapshotIndex;
import app.mamori.testenv.S3Server;
import app.mamori.util.CancelToken;
import app.mamori.vault.s3.S3Vault;
import app.mamori.vault.s3.TreeObjects;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * An offsite copy of a files snapshot (N small files of 1 to 8 KB and one large file):
 * {@link TreeCopy} into an encrypted vault (content hashed, small files packed, everything
 * encrypted, the listing written) against a plain upload of the same bytes with the same SDK
 * client (one PUT per small file, the large one in 8 MiB parts, nothing hashed or encrypted),
 * to the same S3Mock on loopback, alternating round by round; then the copy of the same
 * snapshot again, which finds every content in the bucket. Run it with {@code bench/offsite-tree}.
 */
public final class OffsiteTreeBench {
    private static final int PART = 8 << 20;

    private OffsiteTreeBench() {
    }

    public static void main(String[] args) throws Exception {
        int small = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        long bigMb = args.length > 1 ? Long.parseLong(args[1]) : 1024;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        Path snap = Files.createTempDirectory("mamori-tree-bench");
        try (S3Server s3 = S3Server.start()) {
            long t0 = System.nanoTime();
            String indexSha = makeSnapshot(snap, small, bigMb);
            long bytes = Files.walk(snap.resolve(SnapshotIndex.TREE)).filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length()).sum();
            System.out.printf("snapshot: %d small files and one of %d MB, %.1f MB in all, made in %.1f s; AES-GCM: %s%n",
                    small, bigMb, bytes / 1e6, (System.nanoTime() - t0) / 1e9,
                    app.mamori.vault.crypto.EncryptingInputStream.aesImplementation());
            String bucket = s3.newBucket("treebench");
            ObjectVault enc = new ObjectVault("enc", bucket, "enc/", Optional.of(s3.endpoint()), S3Server.REGION, true,
                    S3Server.ACCESS_KEY_ID, true);
            try (S3Vault vault = S3Vault.setUp(enc, S3Server.SECRET_ACCESS_KEY, Optional.of("benchmark passphrase"))) {
                S3Client raw = s3.client();
                copy(vault, snap, indexSha, "warm", Optional.empty()); // JIT before timing
                for (int round = 1; round <= rounds; round++) {
                    String id = "r" + round;
                    double[] c;
                    double u;
                    if (round % 2 == 1) {
                        c = copy(vault, snap, indexSha, id, Optional.empty());
                        u = upload(raw, bucket, snap, id);
                    } else {
                        u = upload(raw, bucket, snap, id);
                        c = copy(vault, snap, indexSha, id, Optional.empty());
                    }
                    TreeObjects objects = vault.trees("bench", id);
                    double[] again = copy(vault, snap, indexSha, id, TreeCopy.listing(objects, "bench/" + id + "/p",
                            "uploads"));
                    System.out.printf("[offsite-tree] round %d: encrypted copy %.1f s (%d objects, %.1f MB sent);"
                                    + " plain upload %.1f s (%d objects); copy/upload %.2f; copy again, nothing"
                                    + " changed: %.2f s (%d objects, %.0f bytes sent)%n", round, c[0], (long) c[1],
                            c[2] / 1e6, u, small + 1, c[0] / u, again[0], (long) again[1], again[2]);
                }
            }
        } finally {
            try (var all = Files.walk(snap)) {
                for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Seconds, objects written and bytes sent of one copy into the scope of job {@code id}. */
    private static double[] copy(S3Vault vault, Path snap, String indexSha, String id,
                                 Optional<app.mamori.engine.offsite.TreeListing> previous) throws Exception {
        long t = System.nanoTime();
        TreeCopy.Sent s = TreeCopy.start(vault.trees("bench", id), snap.resolve(SnapshotIndex.FILE_NAME), indexSha,
                "bench/" + id + "/p", "uploads", previous, Optional.empty(), CancelToken.none())
                .finish(snap.resolve(SnapshotIndex.TREE), (done, total) -> { });
        return new double[]{(System.nanoTime() - t) / 1e9, s.objects(), s.bytes()};
    }

    /** The same bytes, the same client: one PUT per small file, the large one in 8 MiB parts. */
    private static double upload(S3Client s3, String bucket, Path snap, String id) throws Exception {
        long t = System.nanoTime();
        Path tree = snap.resolve(SnapshotIndex.TREE);
        List<Path> files;
        try (var all = Files.walk(tree)) {
            files = all.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            String key = "baseline/" + id + "/" + tree.relativize(f);
            long size = Files.size(f);
            if (size <= PART) {
                s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(f));
                continue;
            }
            String upload = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
            List<CompletedPart> parts = new ArrayList<>();
            byte[] buf = new byte[PART];
            try (InputStream in = Files.newInputStream(f)) {
                for (int n, number = 1; (n = in.readNBytes(buf, 0, PART)) > 0; number++) {
                    int pn = number;
                    int len = n;
                    String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(upload).partNumber(pn)
                            .contentLength((long) len), RequestBody.fromBytes(java.util.Arrays.copyOf(buf, len))).eTag();
                    parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
                }
            }
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(upload)
                    .multipartUpload(m -> m.parts(parts)));
        }
        return (System.nanoTime() - t) / 1e9;
    }

    /** tree/ with the files, and an index of them; returns the index's SHA-256. */
    private static String makeSnapshot(Path snap, int small, long bigMb) throws Exception {
        Path tree = snap.resolve(SnapshotIndex.TREE);
        Files.createDirectories(tree);
        Random random = new Random(42);
        List<IndexEntry> entries = new ArrayList<>();
        for (int i = 0; i < small; i++) {
            String stored = "mail/" + (i / 500) + "/msg-" + i + ".eml";
            byte[] content = new byte[1024 + random.nextInt(7 * 1024)];
            random.nextBytes(content);
            Path f = tree.resolve(stored);
            Files.createDirectories(f.getParent());
            Files.write(f, content);
            entries.add(file(stored, content.length, sha256(content)));
        }
        Path big = tree.resolve("scans/archive.bin");
        Files.createDirectories(big.getParent());
        new ProcessBuilder("sh", "-c", "head -c " + bigMb + "M /dev/urandom > '" + big + "'").inheritIO().start()
                .waitFor();
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(big)) {
            byte[] buf = new byte[1 << 20];
            for (int n; (n = in.read(buf)) > 0; ) {
                d.update(buf, 0, n);
            }
        }
        entries.add(file("scans/archive.bin", Files.size(big), HexFormat.of().formatHex(d.digest())));
        return SnapshotIndex.write(snap, List.of("/srv"), entries);
    }

    private static IndexEntry file(String stored, long size, String sha) {
        return new IndexEntry(RawPath.ofUtf8("/srv/" + stored), stored, EntryType.FILE, 0644, size, 1_700_000_000L, 0,
                1000, 1000, "office", "office", RawPath.ofLatin1(""), sha, null);
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
