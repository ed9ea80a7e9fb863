package app.mamori.engine.verify;

import app.mamori.vault.HashingOutputStream;
import com.github.luben.zstd.ZstdInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

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
        return HashingOutputStream.sha256Of(file);
    }
}
