package app.mamori.source.files;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A snapshot as one tar stream for {@code tar -x} on the server: every selected entry of the
 * index with its exact name bytes (GNU long names, ISO-8859-1 so each byte stays a byte),
 * true mode (setuid and all), owner and group by number and name, and mtime to the
 * nanosecond (a PAX {@code mtime} record). Contents come from the vault's {@code tree/};
 * names are relative to {@code /}, so {@code tar -C DIR} puts {@code /srv/x} at {@code DIR/srv/x}.
 */
public final class TreeTar {

    /** What went into the stream. */
    public record Written(long entries, long files, long bytes, List<String> skipped) {
    }

    private TreeTar() {
    }

    public static Written write(Path snapshotDir, SnapshotIndex index, Predicate<RawPath> selected, OutputStream out)
            throws IOException {
        Path tree = snapshotDir.resolve(SnapshotIndex.TREE);
        long entries = 0;
        long files = 0;
        long bytes = 0;
        List<String> skipped = new ArrayList<>();
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out, 64 * 1024, "ISO-8859-1");
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_GNU);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        for (IndexEntry e : index.entries()) {
            if (!selected.test(e.path())) {
                continue;
            }
            String name = relative(e.path());
            if (name.isEmpty()) {
                continue; // "/" itself: tar -C DIR has it
            }
            TarArchiveEntry t;
            switch (e.type()) {
                case DIRECTORY -> t = new TarArchiveEntry(name + "/", TarConstants.LF_DIR, true);
                case SYMLINK -> {
                    t = new TarArchiveEntry(name, TarConstants.LF_SYMLINK, true);
                    t.setLinkName(e.linkTarget().latin1());
                }
                case FILE -> {
                    t = new TarArchiveEntry(name, TarConstants.LF_NORMAL, true);
                    t.setSize(e.size());
                }
                default -> {
                    skipped.add(NameCodec.display(e.path().bytes()) + " (a fifo, socket or device: not kept)");
                    continue;
                }
            }
            t.setMode(e.mode());
            t.setUserId(e.uid());
            t.setGroupId(e.gid());
            t.setUserName(e.user());
            t.setGroupName(e.group());
            // whole seconds in the entry, the nanoseconds in a PAX record of our own: the library
            // would round a sub-second time to 100 ns
            t.setModTime(e.mtimeSeconds() * 1000L);
            paxMtime(tar, e);
            tar.putArchiveEntry(t);
            if (e.type() == EntryType.FILE) {
                Path stored = tree.resolve(e.stored());
                long size = Files.size(stored);
                if (size != e.size() || Files.isSymbolicLink(stored)) {
                    throw new IOException("the vault's copy of " + NameCodec.display(e.path().bytes()) + " (" + stored
                            + ") is " + size + " bytes, the index says " + e.size() + "; the snapshot is damaged:"
                            + " run mamori verify on this point");
                }
                try (InputStream in = Files.newInputStream(stored, LinkOption.NOFOLLOW_LINKS)) {
                    in.transferTo(tar);
                }
                files++;
                bytes += size;
            }
            tar.closeArchiveEntry();
            entries++;
        }
        tar.finish();
        tar.flush();
        return new Written(entries, files, bytes, skipped);
    }

    /**
     * The snapshot as a tar to read, written by a helper thread into a pipe (an SSH channel
     * reads its stdin; the tar is written). A failure while writing ends the stream early and
     * surfaces as an IOException on the reader's last read, so the remote tar never takes a
     * truncated stream for a whole one.
     */
    public static InputStream pipe(Path snapshotDir, Predicate<RawPath> selected,
                                   java.util.function.Consumer<Written> done) throws IOException {
        SnapshotIndex index = SnapshotIndex.read(snapshotDir);
        java.io.PipedInputStream in = new java.io.PipedInputStream(1 << 20);
        java.io.PipedOutputStream out = new java.io.PipedOutputStream(in);
        java.util.concurrent.atomic.AtomicReference<IOException> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Thread writer = new Thread(() -> {
            try (out) {
                done.accept(write(snapshotDir, index, selected, out));
            } catch (IOException e) {
                failure.set(e);
            }
        }, "mamori-tar-writer");
        writer.setDaemon(true);
        writer.start();
        return new InputStream() {
            @Override
            public int read() throws IOException {
                return check(in.read());
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                return check(in.read(buf, off, len));
            }

            private int check(int n) throws IOException {
                if (n < 0 && failure.get() != null) {
                    throw failure.get();
                }
                return n;
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    /** An extended header ("x") for the entry that follows, holding its mtime to the nanosecond. */
    private static void paxMtime(TarArchiveOutputStream tar, IndexEntry e) throws IOException {
        String value = e.mtimeSeconds() + "." + String.format("%09d", e.mtimeNanos());
        String body = " mtime=" + value + "\n";
        int len = body.length();
        len += Integer.toString(len + Integer.toString(len).length()).length();
        byte[] record = (len + body).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        TarArchiveEntry x = new TarArchiveEntry("./PaxHeaders/" + e.path().hashCode(),
                TarConstants.LF_PAX_EXTENDED_HEADER_LC, true);
        x.setSize(record.length);
        x.setModTime(e.mtimeSeconds() * 1000L);
        tar.putArchiveEntry(x);
        tar.write(record);
        tar.closeArchiveEntry();
    }

    /** The path without its leading slash, each byte as one ISO-8859-1 char. */
    static String relative(RawPath absolute) {
        String s = absolute.latin1();
        while (s.startsWith("/")) {
            s = s.substring(1);
        }
        return s;
    }
}
