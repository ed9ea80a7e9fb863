package app.mamori.source.files;

import app.mamori.ssh.Exec;
import app.mamori.ssh.ExecResult;
import app.mamori.ssh.RemoteShell;
import app.mamori.util.CancelToken;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hashes files of a new snapshot on the server, so their bytes never cross the network. Paths
 * go to {@code sha256sum} on stdin and come back in its output as raw bytes, both NUL-separated,
 * so no name is ever part of a command line or decoded as text.
 */
final class HostHashes {
    private HostHashes() {
    }

    /**
     * @param files paths relative to the snapshot's {@code tree/} folder
     * @return lowercase hex SHA-256 of each of {@code files}
     */
    static Map<RawPath, String> of(RemoteShell shell, String newDir, List<RawPath> files, CancelToken cancel)
            throws IOException {
        if (files.isEmpty()) {
            return Map.of();
        }
        var list = new ByteArrayOutputStream();
        for (RawPath f : files) {
            list.write(f.bytes());
            list.write(0);
        }
        Map<RawPath, String> sums = new HashMap<>();
        var parser = new Lines(sums);
        ExecResult r = shell.exec(Exec.of(HostCommands.sha256(newDir)).stdin(new ByteArrayInputStream(list.toByteArray()))
                .stdout(parser).cancel(cancel).build());
        cancel.throwIfCancelled();
        if (!r.ok()) {
            throw new IOException("computing SHA-256 of the new snapshot's files in " + newDir + " failed (exit "
                    + r.exitStatus() + "): " + r.lastStderrLine());
        }
        parser.finish();
        for (RawPath f : files) {
            if (!sums.containsKey(f)) {
                throw new IOException("sha256sum in " + newDir + " gave no checksum for " + f);
            }
        }
        return sums;
    }

    /** Parses {@code HEX␠␠NAME\0} records (a {@code *} instead of the second space marks binary mode). */
    static final class Lines extends OutputStream {
        private final Map<RawPath, String> sink;
        private final ByteArrayOutputStream record = new ByteArrayOutputStream(256);

        Lines(Map<RawPath, String> sink) {
            this.sink = sink;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int start = off;
            for (int i = off; i < off + len; i++) {
                if (b[i] == 0) {
                    record.write(b, start, i - start);
                    endRecord();
                    start = i + 1;
                }
            }
            record.write(b, start, off + len - start);
        }

        private void endRecord() throws IOException {
            byte[] r = record.toByteArray();
            record.reset();
            if (r.length < 67 || r[64] != ' ' || (r[65] != ' ' && r[65] != '*')) {
                throw new IOException("unexpected output from sha256sum: "
                        + NameCodec.display(java.util.Arrays.copyOf(r, Math.min(r.length, 100))));
            }
            String hex = new String(r, 0, 64, StandardCharsets.US_ASCII);
            if (!hex.matches("[0-9a-f]{64}")) {
                throw new IOException("unexpected checksum from sha256sum: " + hex);
            }
            sink.put(RawPath.ofBytes(java.util.Arrays.copyOfRange(r, 66, r.length)), hex);
        }

        /** Throws if the output stopped inside a record. */
        void finish() throws IOException {
            if (record.size() != 0) {
                throw new IOException("the output of sha256sum ended in the middle of a line");
            }
        }
    }
}
