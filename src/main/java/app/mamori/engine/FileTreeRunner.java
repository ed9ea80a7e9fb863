package app.mamori.engine;

import app.mamori.model.Note;
import app.mamori.catalog.Catalog;
import app.mamori.catalog.FileEntry;
import app.mamori.catalog.FileIndexWriter;
import app.mamori.catalog.FileType;
import app.mamori.model.Source;
import app.mamori.source.files.FileTreeSnapshotter;
import app.mamori.source.files.IndexEntry;
import app.mamori.source.files.SnapshotIndex;
import app.mamori.source.files.SnapshotProgress;
import app.mamori.source.files.SnapshotResult;
import app.mamori.ssh.RemoteShell;
import app.mamori.util.CancelToken;
import app.mamori.vault.LocalVault;
import app.mamori.vault.Manifest;
import app.mamori.vault.PointWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Snapshots a {@code files} source into a point, hard-linking what did not change since the
 * job's previous point (the rsnapshot / {@code rsync --link-dest} layout), and puts the
 * snapshot's file list into the catalogue once the point is recorded.
 */
final class FileTreeRunner {
    private final Clock clock;
    private final Catalog catalog;

    FileTreeRunner(Clock clock, Catalog catalog) {
        this.clock = clock;
        this.catalog = catalog;
    }

    Manifest.Entry run(RemoteShell shell, Source.Files source, PointWriter point, LocalVault vault, BackupPlan.Step step,
                       BackupListener listener, CancelToken cancel, Consumer<List<IndexEntry>> written)
            throws IOException {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        Path previous = previousSnapshot(vault, source, step);
        listener.note(previous == null ? firstSnapshot(source)
                : Note.of("linkedFrom", source.name() + ": unchanged files are linked from "
                + previous.getParent().getFileName(), source.name(), previous.getParent().getFileName()));
        Path dir = point.createDirectory(source.name());
        SnapshotResult r = new FileTreeSnapshotter(shell).snapshot(source, previous, dir, new SnapshotProgress() {
            @Override
            public void fetched(long files, long bytes) {
                listener.progress(step, bytes, -1, System.nanoTime() - t0);
            }
        }, cancel);
        if (r.entries() != null) {
            written.accept(r.entries());
        }
        return snapshotEntry(source, r, "find + tar", started, clock.instant(), t0, listener);
    }

    static Note firstSnapshot(Source.Files source) {
        return Note.of("firstSnapshot", source.name() + ": first snapshot, every file is copied", source.name());
    }

    /** The manifest entry of a finished snapshot, local or on the server; warnings also go to the listener. */
    static Manifest.Entry snapshotEntry(Source source, SnapshotResult r, String tool, Instant started,
                                        Instant finished, long t0, BackupListener listener) {
        r.warnings().forEach(w -> listener.note(Note.of("warning", "warning: " + source.name() + ": " + w, source.name(), w)));
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("files", r.fileCount());
        stats.put("newFiles", r.newFiles());
        stats.put("changedFiles", r.changedFiles());
        stats.put("unchangedFiles", r.unchangedFiles());
        stats.put("deletedFiles", r.deletedFiles());
        stats.put("seconds", (System.nanoTime() - t0) / 1e9);
        if (!r.warnings().isEmpty()) {
            stats.put("warnings", r.warnings());
        }
        return new Manifest.Entry(source.name(), source.kind().id(), SourceSettings.of(source), source.name(),
                "none", r.totalBytes(), r.totalBytes(), r.indexSha256(), tool, null, started, finished, stats);
    }

    /** The same source's snapshot in the job's newest committed point, if it has a complete one. */
    static Path previousSnapshot(LocalVault vault, Source source, BackupPlan.Step step) throws IOException {
        for (Path p : vault.points(step.serverName(), step.job())) {
            Path snap = p.resolve(source.name());
            if (Files.isRegularFile(snap.resolve(SnapshotIndex.FILE_NAME))) {
                return snap;
            }
        }
        return null;
    }

    /** Copies a committed snapshot's index into the catalogue, for file search and single-file restores. */
    void indexInCatalogue(String pointId, Path snapshotOrIndex, Source source) throws IOException {
        indexInCatalogue(pointId, SnapshotIndex.read(snapshotOrIndex).entries(), source);
    }

    /** The same from the entries the snapshot wrote, kept in memory: a first copy need not read its index back. */
    void indexInCatalogue(String pointId, List<IndexEntry> entries, Source source) {
        try (FileIndexWriter w = catalog.fileIndex().writer(pointId, source.name())) {
            for (IndexEntry e : entries) {
                w.add(new FileEntry(e.path().bytes(), type(e), e.mode(), e.size(),
                        e.mtimeSeconds() * 1_000_000_000L + e.mtimeNanos(), e.sha256()));
            }
            w.commit();
        }
    }

    static FileType type(IndexEntry e) {
        switch (e.type()) {
            case FILE:
                return FileType.FILE;
            case DIRECTORY:
                return FileType.DIRECTORY;
            case SYMLINK:
                return FileType.SYMLINK;
            default:
                return FileType.OTHER;
        }
    }
}
