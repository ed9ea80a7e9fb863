package app.mamori.engine.verify;

import app.mamori.model.Note;
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
import java.util.Optional;

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
            return Outcome.failed(Note.of("formatUndecodable", file + " cannot be decoded for " + what + ": "
                    + e.getMessage(), file, what, e.getMessage()));
        }
        return verdict(what, server(item), file.toString(), r, out.toString(StandardCharsets.UTF_8).strip());
    }

    /** A dump in a vault on the source's server: the check command reads the file there. */
    private static Outcome inServerVault(VerifyPlan.Item item, RemoteShell shell, CancelToken cancel) throws IOException {
        String file = item.file();
        var out = new ByteArrayOutputStream();
        ExecResult r = shell.exec(Exec.of(OnServerVault.formatCommand(item.source().orElseThrow(), item.artifact(), file))
                .stdout(out).cancel(cancel).build());
        String stdout = out.toString(StandardCharsets.UTF_8);
        return switch (item.artifact().kind()) {
            case POSTGRES -> verdict("pg_restore --list", server(item), file, r, stdout.strip());
            case SQLITE -> verdict("PRAGMA integrity_check", server(item), file, r, stdout.strip());
            case MYSQL -> r.ok() ? trailer(file, stdout).orElseGet(() -> Outcome.passed(Note.of("formatSqlReadOnServer",
                    "decoded all of " + file + " on server " + server(item) + ", ending with \"" + lastLine(stdout)
                            + "\"", file, server(item), lastLine(stdout))))
                    : Outcome.failed(Note.of("formatUndecodableOnServer", file + " cannot be decoded on server "
                    + server(item) + " (exit " + r.exitStatus() + "): " + r.lastStderrLine(), file, server(item),
                    r.exitStatus(), r.lastStderrLine()));
            default -> throw new IllegalStateException(item.artifact().kind() + " in a vault on a server");
        };
    }

    private static String server(VerifyPlan.Item item) {
        return item.server().map(s -> s.name()).orElse("?");
    }

    private static Outcome verdict(String what, String server, String file, ExecResult r, String stdout) {
        if (!r.ok()) {
            String said = r.stderr().isBlank() ? stdout : r.lastStderrLine();
            return Outcome.failed(Note.of("formatRejected", what + " on server " + server + " rejected " + file
                    + " (exit " + r.exitStatus() + "): " + said, what, server, file, r.exitStatus(), said));
        }
        if (what.startsWith("PRAGMA") && !stdout.equals("ok")) {
            return Outcome.failed(Note.of("formatSqliteDamaged", "PRAGMA integrity_check on server " + server
                    + " found " + file + " damaged: " + firstLine(stdout), server, file, firstLine(stdout)));
        }
        return Outcome.passed(Note.of("formatPassed", what + " on server " + server + " read all of " + file, what,
                server, file));
    }

    /** The last line of a MariaDB/MySQL dump must be the tool's "Dump completed" line: else the failure. */
    private static Optional<Outcome> trailer(String file, String tail) {
        String last = lastLine(tail);
        if (!last.startsWith(MYSQL_TRAILER)) {
            return Optional.of(Outcome.failed(Note.of("formatSqlIncomplete", file + " does not end with the dump"
                    + " tool's \"" + MYSQL_TRAILER + "\" line: the dump is incomplete (its last line: "
                    + abbreviate(last) + ")", file, abbreviate(last))));
        }
        return Optional.empty();
    }

    private static String lastLine(String tail) {
        String end = tail.stripTrailing();
        return end.substring(end.lastIndexOf('\n') + 1);
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
            return Outcome.failed(Note.of("formatZstdDamaged", file + " cannot be decoded (the zstd stream is damaged"
                    + " or cut short): " + e.getMessage(), file, e.getMessage()));
        }
        String end = new String(tail, 0, kept, StandardCharsets.UTF_8);
        long bytes = total;
        return trailer(file.toString(), end).orElseGet(() -> Outcome.passed(Note.of("formatSqlRead", "decoded all of "
                + file + " (" + bytes + " bytes of SQL), ending with \"" + lastLine(end) + "\"", file, bytes,
                lastLine(end))));
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
            return Outcome.failed(Note.of("formatTarUnreadable", file + " is not a readable tar archive (after "
                    + entries + " entries): " + e.getMessage(), file, entries, e.getMessage()));
        }
        return Outcome.passed(Note.of("formatTarPassed", "listed all " + entries + " entries of the tar archive "
                + file, entries, file));
    }

    /** Walks the index: every directory and symlink it lists is in the snapshot's tree as such. */
    private static Outcome tree(Path snapshot) throws IOException {
        SnapshotIndex index;
        try {
            index = SnapshotIndex.read(snapshot);
        } catch (IOException e) {
            return Outcome.failed(Note.of("formatIndexUnreadable", "the index of " + snapshot + " cannot be read: "
                    + e.getMessage(), snapshot, e.getMessage()));
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
                return Outcome.failed(notThere(stored, e));
            }
        }
        return Outcome.passed(Note.of("formatTreePassed", "walked the index of " + snapshot + ": all "
                + index.entries().size() + " entries are in the snapshot", snapshot, index.entries().size()));
    }

    private static Note notThere(Path stored, IndexEntry e) {
        String english = stored + " (" + e.path() + ", a " + e.type().name().toLowerCase(java.util.Locale.ROOT)
                + " in the index) is missing from the snapshot";
        return switch (e.type()) {
            case DIRECTORY -> Note.of("formatFolderMissing", english, stored, e.path());
            case SYMLINK -> Note.of("formatLinkMissing", english, stored, e.path());
            case FILE, OTHER -> Note.of("formatFileMissing", english, stored, e.path());
        };
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl) + " ...";
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
