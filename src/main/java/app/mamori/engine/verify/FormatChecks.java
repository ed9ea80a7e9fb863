package app.mamori.engine.verify;

import app.mamori.source.files.IndexEntry;
import app.mamori.source.files.SnapshotIndex;
import app.mamori.ssh.Exec;
import app.mamori.ssh.ExecResult;
import app.mamori.ssh.RemoteShell;
import app.mamori.util.CancelToken;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Checks that an artifact is what its tool can read: every byte is decoded (zstd to its end)
 * and handed to the tool or walked as an archive or index. In a local vault the artifact is
 * read here; a dump in a vault on the source's own server is read there
 * ({@link OnServerVault}).
 */
final class FormatChecks {
    private static final String MYSQL_TRAILER = "-- Dump completed";

    private FormatChecks() {
    }

    static Outcome check(VerifyPlan.Item item, RemoteShell sourceShell, CancelToken cancel) throws IOException {
        if (item.vault().isRemote()) {
            return inServerVault(item, sourceShell, cancel);
        }
        Path file = Path.of(item.file());
        return switch (item.artifact().kind()) {
            case POSTGRES -> onServer(item, file, sourceShell, cancel, "pg_restore --list");
            case SQLITE -> onServer(item, file, sourceShell, cancel, "PRAGMA integrity_check");
            case MYSQL -> mysql(item, file, cancel);
            case DOCKER_VOLUME -> tar(item, file, cancel);
            case FILES, S3_BUCKET -> tree(file);
        };
    }

    /** Streams the decoded artifact into the check command on the source's server. */
    private static Outcome onServer(VerifyPlan.Item item, Path file, RemoteShell shell, CancelToken cancel, String what)
            throws IOException {
        var out = new ByteArrayOutputStream();
        ExecResult r;
        try (InputStream in = ArtifactStreams.decoded(file, ArtifactStreams.zstd(item))) {
            r = shell.exec(Exec.of(item.commands().get(0)).stdin(in).stdout(out).cancel(cancel).build());
        } catch (CancelToken.CancelledException e) {
            throw e;
        } catch (IOException e) {
            return Outcome.failed(file + " cannot be decoded for " + what + ": " + e.getMessage());
        }
        return verdict(what, where(item), file.toString(), r, out.toString(StandardCharsets.UTF_8).strip());
    }

    /** A dump in a vault on the source's server: the check command reads the file there. */
    private static Outcome inServerVault(VerifyPlan.Item item, RemoteShell shell, CancelToken cancel) throws IOException {
        String file = item.file();
        var out = new ByteArrayOutputStream();
        ExecResult r = shell.exec(Exec.of(OnServerVault.formatCommand(item.source().orElseThrow(), item.artifact(), file))
                .stdout(out).cancel(cancel).build());
        String stdout = out.toString(StandardCharsets.UTF_8);
        return switch (item.artifact().kind()) {
            case POSTGRES -> verdict("pg_restore --list", where(item), file, r, stdout.strip());
            case SQLITE -> verdict("PRAGMA integrity_check", where(item), file, r, stdout.strip());
            case MYSQL -> r.ok() ? trailer(file, stdout, "decoded all of " + file + where(item))
                    : Outcome.failed(file + " cannot be decoded" + where(item) + " (exit " + r.exitStatus() + "): "
                    + r.lastStderrLine());
            default -> throw new IllegalStateException(item.artifact().kind() + " in a vault on a server");
        };
    }

    private static String where(VerifyPlan.Item item) {
        return " on server " + item.server().map(s -> s.name()).orElse("?");
    }

    private static Outcome verdict(String what, String where, String file, ExecResult r, String stdout) {
        if (!r.ok()) {
            return Outcome.failed(what + where + " rejected " + file + " (exit " + r.exitStatus() + "): "
                    + (r.stderr().isBlank() ? stdout : r.lastStderrLine()));
        }
        if (what.startsWith("PRAGMA") && !stdout.equals("ok")) {
            return Outcome.failed("PRAGMA integrity_check" + where + " found " + file + " damaged: " + firstLine(stdout));
        }
        return Outcome.passed(what + where + " read all of " + file);
    }

    /** The last line of a MariaDB/MySQL dump must be the tool's "Dump completed" line. */
    private static Outcome trailer(String file, String tail, String read) {
        String end = tail.stripTrailing();
        String last = end.substring(end.lastIndexOf('\n') + 1);
        if (!last.startsWith(MYSQL_TRAILER)) {
            return Outcome.failed(file + " does not end with the dump tool's \"" + MYSQL_TRAILER + "\" line: the dump"
                    + " is incomplete (its last line: " + abbreviate(last) + ")");
        }
        return Outcome.passed(read + ", ending with \"" + last + "\"");
    }

    private static Outcome mysql(VerifyPlan.Item item, Path file, CancelToken cancel) throws IOException {
        byte[] tail = new byte[4096];
        int kept = 0;
        long total = 0;
        try (InputStream in = ArtifactStreams.decoded(file, ArtifactStreams.zstd(item))) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                cancel.throwIfCancelled();
                total += n;
                if (n >= tail.length) {
                    System.arraycopy(buf, n - tail.length, tail, 0, tail.length);
                    kept = tail.length;
                } else {
                    int keep = Math.min(kept, tail.length - n);
                    System.arraycopy(tail, kept - keep, tail, 0, keep);
                    System.arraycopy(buf, 0, tail, keep, n);
                    kept = keep + n;
                }
            }
        } catch (CancelToken.CancelledException e) {
            throw e;
        } catch (IOException e) {
            return Outcome.failed(file + " cannot be decoded (the zstd stream is damaged or cut short): "
                    + e.getMessage());
        }
        return trailer(file.toString(), new String(tail, 0, kept, StandardCharsets.UTF_8),
                "decoded all of " + file + " (" + total + " bytes of SQL)");
    }

    private static Outcome tar(VerifyPlan.Item item, Path file, CancelToken cancel) throws IOException {
        int entries = 0;
        try (TarArchiveInputStream tar = new TarArchiveInputStream(ArtifactStreams.decoded(file,
                ArtifactStreams.zstd(item)))) {
            for (TarArchiveEntry e; (e = tar.getNextTarEntry()) != null; ) {
                cancel.throwIfCancelled();
                tar.transferTo(java.io.OutputStream.nullOutputStream());
                entries++;
            }
        } catch (CancelToken.CancelledException e) {
            throw e;
        } catch (IOException e) {
            return Outcome.failed(file + " is not a readable tar archive (after " + entries + " entries): "
                    + e.getMessage());
        }
        return Outcome.passed("listed all " + entries + " entries of the tar archive " + file);
    }

    /** Walks the index: every directory and symlink it lists is in the snapshot's tree as such. */
    private static Outcome tree(Path snapshot) throws IOException {
        SnapshotIndex index;
        try {
            index = SnapshotIndex.read(snapshot);
        } catch (IOException e) {
            return Outcome.failed("the index of " + snapshot + " cannot be read: " + e.getMessage());
        }
        Path tree = snapshot.resolve(SnapshotIndex.TREE);
        for (IndexEntry e : index.entries()) {
            Path stored = tree.resolve(e.stored());
            boolean there = switch (e.type()) {
                case DIRECTORY -> Files.isDirectory(stored, LinkOption.NOFOLLOW_LINKS);
                case SYMLINK -> Files.isSymbolicLink(stored);
                case FILE -> Files.isRegularFile(stored, LinkOption.NOFOLLOW_LINKS);
                case OTHER -> true;
            };
            if (!there) {
                return Outcome.failed(stored + " (" + e.path() + ", a " + e.type().name().toLowerCase(java.util.Locale.ROOT)
                        + " in the index) is missing from the snapshot");
            }
        }
        return Outcome.passed("walked the index of " + snapshot + ": all " + index.entries().size()
                + " entries are in the snapshot");
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl) + " ...";
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
