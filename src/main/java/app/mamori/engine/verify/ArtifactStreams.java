package app.mamori.engine.verify;

import com.github.luben.zstd.ZstdInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Reading artifacts in a local vault: hashed as stored, or decoded as the tool wrote them. */
final class ArtifactStreams {
    private ArtifactStreams() {
    }

    /** The artifact's bytes as the dump tool wrote them (zstd decoded on the fly). */
    static InputStream decoded(Path file, boolean zstd) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 20);
        return zstd ? new ZstdInputStream(in) : in;
    }

    static boolean zstd(VerifyPlan.Item item) {
        return item.artifact().path().endsWith(".zst");
    }

    static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 20];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
