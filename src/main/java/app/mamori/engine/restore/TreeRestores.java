package app.mamori.engine.restore;

import app.mamori.source.files.LocalTreeRestore;
import app.mamori.source.files.Selection;
import app.mamori.source.files.SnapshotIndex;
import app.mamori.source.files.TreeTar;
import app.mamori.util.CancelToken;

import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/** Restores of files snapshots: the tar stream for the server, or the folder on this computer. */
final class TreeRestores {
    private TreeRestores() {
    }

    static void toLocal(RestorePlan plan, Path dir, RestoreListener listener) throws IOException {
        LocalTreeRestore.Written w = LocalTreeRestore.write(plan.artifactFile(), SnapshotIndex.read(plan.artifactFile()),
                Selection.of(plan.include()), dir);
        listener.log(w.files() + " files, " + w.bytes() + " bytes written into " + dir);
        w.skipped().forEach(x -> listener.log("not restored: " + x));
    }

    /**
     * The snapshot as a tar, written by a helper thread into a pipe that the SSH channel reads;
     * a failure while writing surfaces as a read error on the pipe, so the restore fails.
     */
    static InputStream tarStream(RestorePlan plan, RestoreListener listener, CancelToken cancel) throws IOException {
        SnapshotIndex index = SnapshotIndex.read(plan.artifactFile());
        PipedInputStream in = new PipedInputStream(1 << 20);
        PipedOutputStream out = new PipedOutputStream(in);
        AtomicReference<IOException> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try (out) {
                TreeTar.Written w = TreeTar.write(plan.artifactFile(), index, Selection.of(plan.include()), out);
                listener.log(w.files() + " files, " + w.bytes() + " bytes sent");
                w.skipped().forEach(x -> listener.log("not restored: " + x));
            } catch (IOException e) {
                failure.set(e); // closing the pipe ends the stream; the reader then throws this
            }
        }, "mamori-tar-writer");
        writer.setDaemon(true);
        writer.start();
        return new InputStream() {
            @Override
            public int read() throws IOException {
                int b = in.read();
                check(b);
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = in.read(buf, off, len);
                check(n);
                return n;
            }

            private void check(int n) throws IOException {
                if (n < 0 && failure.get() != null) {
                    throw failure.get();
                }
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }
}
