package app.mamori.vault;

import com.github.luben.zstd.ZstdInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class LocalVaultTest {
    private static final Instant T = Instant.parse("2026-11-24T15:30:12Z");

    @TempDir
    Path root;

    private static Manifest manifest(String id) {
        return new Manifest(Manifest.FORMAT, id, "s", "h", "SHA256:x", "j", "v", T, T, "test", List.of());
    }

    @Test
    void aCommittedPointHasItsArtifactsAndManifestUnderServerJobAndTime() throws Exception {
        Path dir;
        StoredFile f;
        try (PointWriter w = new LocalVault(root).begin("s", "j", T)) {
            try (ArtifactOutput out = w.create("db.pgdump", false)) {
                out.write("PGDMP data".getBytes(StandardCharsets.US_ASCII));
                f = out.finish();
            }
            dir = w.commit(manifest(w.id()));
        }

        assertThat(dir).isEqualTo(root.resolve("s/j/20261124T153012Z"));
        assertThat(dir.resolve("db.pgdump")).hasContent("PGDMP data");
        assertThat(f.sha256()).isEqualTo(sha256("PGDMP data".getBytes(StandardCharsets.US_ASCII)));
        assertThat(f.size()).isEqualTo(10);
        assertThat(Json.mapper().readValue(dir.resolve("manifest.json").toFile(), Manifest.class).id())
                .isEqualTo("20261124T153012Z");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("db.pgdump"))))
                .isEqualTo("rw-------");
        assertThat(new LocalVault(root).points("s", "j")).containsExactly(dir);
        assertThat(new LocalVault(root).manifests()).singleElement()
                .satisfies(m -> assertThat(m.location()).isEqualTo("s/j/20261124T153012Z"));
    }

    @Test
    void aPointClosedWithoutCommitLeavesNothingBehind() throws Exception {
        try (PointWriter w = new LocalVault(root).begin("s", "j", T)) {
            try (ArtifactOutput out = w.create("db.sql.zst", true)) {
                out.write(new byte[1000]);
            }
        }
        try (Stream<Path> s = Files.walk(root.resolve("s/j"))) {
            assertThat(s.skip(1).toList()).isEmpty();
        }
        assertThat(new LocalVault(root).manifests()).isEmpty();
    }

    @Test
    void compressedArtifactsHashTheStoredBytesAndDecompressToTheOriginal() throws Exception {
        byte[] data = "CREATE TABLE t(a int);\n".repeat(10_000).getBytes(StandardCharsets.UTF_8);
        Path dir;
        StoredFile f;
        try (PointWriter w = new LocalVault(root).begin("s", "j", T)) {
            try (ArtifactOutput out = w.create("db.sql.zst", true)) {
                out.write(data);
                f = out.finish();
            }
            dir = w.commit(manifest(w.id()));
        }
        Path file = dir.resolve("db.sql.zst");
        assertThat(f.rawSize()).isEqualTo(data.length);
        assertThat(f.size()).isEqualTo(Files.size(file)).isLessThan(data.length / 10);
        assertThat(f.sha256()).isEqualTo(sha256(Files.readAllBytes(file)));
        try (InputStream in = new ZstdInputStream(Files.newInputStream(file))) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
    }

    @Test
    void twoRunsInTheSameSecondGetDistinctPoints() throws Exception {
        LocalVault vault = new LocalVault(root);
        Path a;
        Path b;
        try (PointWriter w = vault.begin("s", "j", T)) {
            a = w.commit(manifest(w.id()));
        }
        try (PointWriter w = vault.begin("s", "j", T)) {
            b = w.commit(manifest(w.id()));
        }
        assertThat(a).isNotEqualTo(b);
        assertThat(vault.points("s", "j")).containsExactly(b, a);
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
