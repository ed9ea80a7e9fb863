package app.mamori.vault;

import app.mamori.util.NativeCrypto;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Counts and SHA-256-hashes the bytes passing through on their way to {@code out}. */
public final class HashingOutputStream extends FilterOutputStream {
    private final MessageDigest digest;
    private long count;

    public HashingOutputStream(OutputStream out) {
        super(out);
        this.digest = NativeCrypto.sha256();
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        digest.update((byte) b);
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        digest.update(b, off, len);
        count += len;
    }

    public long count() {
        return count;
    }

    /** The hex digest; call once, after the last write. */
    public String sha256Hex() {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The hex SHA-256 of a whole file, read in 1 MiB blocks. */
    public static String sha256Of(java.nio.file.Path file) throws IOException {
        HashingOutputStream h = new HashingOutputStream(OutputStream.nullOutputStream());
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 20];
            for (int n; (n = in.read(buf)) > 0; ) {
                h.write(buf, 0, n);
            }
        }
        return h.sha256Hex();
    }
}
