package app.mamori.vault.crypto;

import javax.crypto.Cipher;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;

/**
 * Reads a plaintext stream as its encrypted object ({@link ChunkFormat}), one chunk in memory
 * at a time. The same keys, salt, context and plaintext always give the same bytes.
 */
public final class EncryptingInputStream extends InputStream {
    private final InputStream plain;
    private final byte[] key;
    private final byte[] aad;
    private final byte[] chunk = new byte[ChunkFormat.CHUNK];
    private byte[] out;
    private int pos;
    private long index;
    private int pending = -1;
    private boolean done;

    public EncryptingInputStream(InputStream plain, DataKeys keys, byte[] salt, String context) {
        if (salt.length != ChunkFormat.SALT) {
            throw new IllegalArgumentException("a salt has " + ChunkFormat.SALT + " bytes");
        }
        this.plain = plain;
        this.key = keys.objectKey(salt);
        byte[] header = new byte[ChunkFormat.HEADER];
        System.arraycopy(ChunkFormat.MAGIC, 0, header, 0, ChunkFormat.MAGIC.length);
        System.arraycopy(salt, 0, header, ChunkFormat.MAGIC.length, ChunkFormat.SALT);
        this.aad = ChunkFormat.aad(header, context);
        this.out = header;
    }

    /** Which AES-GCM encrypts: "JDK", or Amazon Corretto Crypto Provider and its version. */
    public static String aesImplementation() {
        return ChunkFormat.implementation();
    }

    /** Bytes the encrypted object of {@code plainSize} plaintext bytes has. */
    public static long encryptedSize(long plainSize) {
        return ChunkFormat.encryptedSize(plainSize);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (pos == out.length) {
            if (done) {
                return -1;
            }
            nextChunk();
        }
        int n = Math.min(len, out.length - pos);
        System.arraycopy(out, pos, b, off, n);
        pos += n;
        return n;
    }

    private void nextChunk() throws IOException {
        int filled = 0;
        if (pending >= 0) {
            chunk[filled++] = (byte) pending;
            pending = -1;
        }
        filled += plain.readNBytes(chunk, filled, chunk.length - filled);
        boolean last = filled < chunk.length || (pending = plain.read()) < 0;
        try {
            out = ChunkFormat.cipher(Cipher.ENCRYPT_MODE, key, index++, last, aad).doFinal(chunk, 0, filled);
        } catch (GeneralSecurityException e) {
            throw new IOException("encryption failed: " + e.getMessage(), e);
        }
        pos = 0;
        done = last;
    }

    @Override
    public void close() throws IOException {
        plain.close();
    }
}
