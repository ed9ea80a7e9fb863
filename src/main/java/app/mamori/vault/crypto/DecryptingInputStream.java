package app.mamori.vault.crypto;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * Reads an encrypted object ({@link ChunkFormat}) as its plaintext, one chunk in memory at a
 * time. No byte of a chunk is given out before its tag checked; a changed, reordered or missing
 * chunk, or an object cut short, ends the stream with {@link TamperedObjectException}.
 */
public final class DecryptingInputStream extends InputStream {
    private final InputStream in;
    private final DataKeys keys;
    private final String context;
    private final byte[] sealed = new byte[ChunkFormat.CHUNK + ChunkFormat.TAG];
    private byte[] key;
    private byte[] aad;
    private byte[] out = new byte[0];
    private int pos;
    private long index;
    private int pending = -1;
    private boolean done;

    public DecryptingInputStream(InputStream in, DataKeys keys, String context) {
        this.in = in;
        this.keys = keys;
        this.context = context;
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
        if (key == null) {
            readHeader();
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

    private void readHeader() throws IOException {
        byte[] header = in.readNBytes(ChunkFormat.HEADER);
        if (header.length < ChunkFormat.HEADER
                || !Arrays.equals(Arrays.copyOf(header, ChunkFormat.MAGIC.length), ChunkFormat.MAGIC)) {
            throw new TamperedObjectException(context + ": not a Mamori encrypted object (its header is missing or"
                    + " changed)");
        }
        key = keys.objectKey(Arrays.copyOfRange(header, ChunkFormat.MAGIC.length, ChunkFormat.HEADER));
        aad = ChunkFormat.aad(header, context);
    }

    private void nextChunk() throws IOException {
        int filled = 0;
        if (pending >= 0) {
            sealed[filled++] = (byte) pending;
            pending = -1;
        }
        filled += in.readNBytes(sealed, filled, sealed.length - filled);
        if (filled < ChunkFormat.TAG) {
            throw new TamperedObjectException(context + ": the object ends in the middle of chunk " + index
                    + " (cut short)");
        }
        boolean last = filled < sealed.length || (pending = in.read()) < 0;
        try {
            out = ChunkFormat.cipher(Cipher.DECRYPT_MODE, key, index, last, aad).doFinal(sealed, 0, filled);
        } catch (AEADBadTagException e) {
            throw new TamperedObjectException(context + ": chunk " + index + " fails authentication: the object"
                    + " was changed, cut short or reordered, or belongs to another name", e);
        } catch (GeneralSecurityException e) {
            throw new IOException("decryption failed: " + e.getMessage(), e);
        }
        index++;
        pos = 0;
        done = last;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
