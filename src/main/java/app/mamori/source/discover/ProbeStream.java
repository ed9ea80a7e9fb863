package app.mamori.source.discover;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads the probe script's frames as its stdout arrives and hands each step over when it
 * starts and when its whole output is in: {@code ###start ID\n}, and {@code ###done ID LENGTH\n}
 * followed by LENGTH bytes. A length, rather than a closing marker, because a SQLite file's
 * name may hold anything, {@code ###} and newlines included. Lines outside a frame (a login
 * script that prints a greeting) are skipped.
 */
public final class ProbeStream extends OutputStream {
    static final String MARK = "###";
    private static final int MAX_HEADER = 200;
    // the largest step output is 100 SQLite paths; anything near this is not the probe talking
    private static final int MAX_OUTPUT = 16 << 20;

    /** What the stream reports; called on the thread that writes into the stream, in order. */
    public interface Frames {
        void started(DiscoveryStep step);

        void finished(DiscoveryStep step, byte[] output);
    }

    private final Frames frames;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private DiscoveryStep payloadStep;
    private byte[] payload;
    private int payloadFilled;

    public ProbeStream(Frames frames) {
        this.frames = frames;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[]{(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        int i = off;
        int end = off + len;
        while (i < end) {
            if (payload != null) {
                int n = Math.min(end - i, payload.length - payloadFilled);
                System.arraycopy(b, i, payload, payloadFilled, n);
                payloadFilled += n;
                i += n;
                finishPayloadIfFull();
            } else {
                int nl = indexOf(b, i, end, (byte) '\n');
                int stop = nl < 0 ? end : nl;
                if (line.size() < MAX_HEADER) {
                    line.write(b, i, Math.min(stop - i, MAX_HEADER - line.size()));
                }
                i = stop;
                if (nl >= 0) {
                    i++;
                    header(line.toString(StandardCharsets.UTF_8));
                    line.reset();
                }
            }
        }
    }

    /** True once no frame is half read: a stream cut in the middle of a step's output is not. */
    public boolean complete() {
        return payload == null && line.size() == 0;
    }

    private void header(String text) throws IOException {
        if (!text.startsWith(MARK)) {
            return;
        }
        String[] f = text.substring(MARK.length()).split(" ");
        Optional<DiscoveryStep> step = f.length >= 2 ? DiscoveryStep.byId(f[1]) : Optional.empty();
        if (step.isEmpty()) {
            return;
        }
        if (f[0].equals("start") && f.length == 2) {
            frames.started(step.get());
        } else if (f[0].equals("done") && f.length == 3 && f[2].matches("\\d{1,9}")) {
            int length = Integer.parseInt(f[2]);
            if (length > MAX_OUTPUT) {
                throw new IOException("the discovery step '" + f[1] + "' printed " + length + " bytes, more than"
                        + " discovery ever expects; look at what the server prints on login");
            }
            payloadStep = step.get();
            payload = new byte[length];
            payloadFilled = 0;
            finishPayloadIfFull();
        }
    }

    private void finishPayloadIfFull() {
        if (payload != null && payloadFilled == payload.length) {
            byte[] done = payload;
            payload = null;
            frames.finished(payloadStep, done);
        }
    }

    private static int indexOf(byte[] b, int from, int to, byte x) {
        for (int i = from; i < to; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }
}
