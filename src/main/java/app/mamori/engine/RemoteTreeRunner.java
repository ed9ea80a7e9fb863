package app.mamori.engine;

import app.mamori.model.Note;
import app.mamori.model.Source;
import app.mamori.source.files.HostSnapshotter;
import app.mamori.source.files.SnapshotIndex;
import app.mamori.source.files.SnapshotProgress;
import app.mamori.source.files.SnapshotResult;
import app.mamori.ssh.RemoteShell;
import app.mamori.ssh.ShellQuote;
import app.mamori.util.CancelToken;
import app.mamori.vault.Manifest;
import app.mamori.vault.SecureFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Snapshots {@code files} sources into a point in a vault on the server, with rsync run there. */
final class RemoteTreeRunner {
    private final RemoteShell shell;
    private final String jobDir;
    private final String temp;
    private final Map<String, Path> localIndexes = new HashMap<>();
    private Path localDir;

    RemoteTreeRunner(RemoteShell shell, String jobDir, String temp) {
        this.shell = shell;
        this.jobDir = jobDir;
        this.temp = temp;
    }

    Manifest.Entry run(Source.Files source, BackupPlan.Step step, BackupListener listener, CancelToken cancel)
            throws IOException {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        String newDir = temp + "/" + source.name();
        RemotePointTarget.run(shell, "umask 077; mkdir " + ShellQuote.quote(newDir), "cannot create " + newDir);
        String previous = previousSnapshot(source);
        listener.note(previous == null ? FileTreeRunner.firstSnapshot(source)
                : Note.of("rsyncLinks", source.name() + ": rsync links unchanged files from " + previous, source.name(), previous));
        if (localDir == null) {
            localDir = Files.createTempDirectory("mamori-index-");
        }
        Path localIndex = localDir.resolve(source.name() + "-" + SnapshotIndex.FILE_NAME);
        SnapshotResult r = new HostSnapshotter(shell).snapshot(source, previous, newDir, localIndex,
                new SnapshotProgress() {
                    @Override
                    public void fetched(long files, long bytes) {
                        listener.progress(step, bytes, -1, System.nanoTime() - t0);
                    }
                }, cancel);
        localIndexes.put(source.name(), localIndex);
        return FileTreeRunner.snapshotEntry(source, r, "rsync", started, Instant.now(), t0, listener);
    }

    /** The newest committed point of the job that has a complete snapshot of this source, on the host. */
    private String previousSnapshot(Source.Files source) throws IOException {
        String script = "cd " + ShellQuote.quote(jobDir) + " || exit 1; for p in $(ls -1 | sort -r); do "
                + "if [ -f \"$p/manifest.json\" ] && [ -f \"$p/" + source.name() + "/" + SnapshotIndex.FILE_NAME + "\" ]; then "
                + "echo \"$PWD/$p/" + source.name() + "\"; break; fi; done";
        String out = RemotePointTarget.run(shell, script, "cannot look for the previous snapshot in " + jobDir).strip();
        return out.isEmpty() ? null : out;
    }

    Path localIndex(Source source) {
        return localIndexes.get(source.name());
    }

    void deleteLocalCopies() {
        if (localDir != null) {
            try {
                SecureFiles.deleteTree(localDir);
            } catch (IOException ignored) {
                // a temp folder; the OS cleans it
            }
        }
    }
}
