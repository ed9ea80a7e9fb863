package app.mamori.source.files;

import app.mamori.ssh.RemoteShell;
import app.mamori.ssh.ShellQuote;
import app.mamori.util.CancelToken;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a snapshot in a vault on a server against its index: every regular file is hashed
 * there with {@code sha256sum} (names travel NUL-separated on stdin, see {@link HostHashes}) and
 * compared with the SHA-256 the index recorded.
 */
public final class HostSnapshotCheck {
    private HostSnapshotCheck() {
    }

    /** Prints the snapshot's index file, to be read and hashed on the workstation. */
    public static String readIndex(String snapshotDir) {
        return ShellQuote.command("cat", "--", snapshotDir + "/" + SnapshotIndex.FILE_NAME);
    }

    /** The command that hashes the files named on stdin, relative to the snapshot's tree. */
    public static String hashFiles(String snapshotDir) {
        return HostCommands.sha256(snapshotDir);
    }

    /**
     * @return the first file whose content is not what the index recorded; empty when all match
     * @throws IOException when the files cannot be hashed (one is missing, the server fails)
     */
    public static Optional<Mismatch> mismatch(RemoteShell shell, String snapshotDir, SnapshotIndex index,
                                            CancelToken cancel) throws IOException {
        Map<RawPath, IndexEntry> byHostPath = new LinkedHashMap<>();
        for (IndexEntry e : index.entries()) {
            if (e.type() == EntryType.FILE) {
                byHostPath.put(hostPath(e.stored()), e);
            }
        }
        Map<RawPath, String> sums = HostHashes.of(shell, snapshotDir, new ArrayList<>(byHostPath.keySet()), cancel);
        for (Map.Entry<RawPath, IndexEntry> f : byHostPath.entrySet()) {
            String sha = sums.get(f.getKey());
            if (!sha.equalsIgnoreCase(f.getValue().sha256())) {
                return Optional.of(new Mismatch(snapshotDir + "/" + SnapshotIndex.TREE + "/" + f.getKey(),
                        f.getValue().path().toString(), sha, f.getValue().sha256()));
            }
        }
        return Optional.empty();
    }

    /**
     * A stored file on the server whose content differs from the index.
     *
     * @param file where it is stored on the server
     * @param path the path it was backed up from
     */
    public record Mismatch(String file, String path, String sha256, String recorded) {
    }

    /** How many regular files {@link #mismatch} hashes. */
    public static long files(SnapshotIndex index) {
        return index.entries().stream().filter(e -> e.type() == EntryType.FILE).count();
    }

    /** The raw path below {@code tree/} on the host, where names are kept as rsync copied them. */
    private static RawPath hostPath(String stored) {
        var out = new ByteArrayOutputStream();
        List<String> parts = List.of(stored.split("/"));
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                out.write('/');
            }
            out.writeBytes(NameCodec.decodeComponent(parts.get(i)));
        }
        return RawPath.ofBytes(out.toByteArray());
    }
}
