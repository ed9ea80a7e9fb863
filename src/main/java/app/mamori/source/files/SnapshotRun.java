package app.mamori.source.files;

import app.mamori.util.CancelToken;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state of one snapshot between listing and index: which files were linked, which must
 * be fetched, and the counts. One instance per snapshot, used by one thread.
 */
final class SnapshotRun {
    private final Path tree;
    private final SnapshotIndex previous;
    private final Path previousTree;
    private final SnapshotProgress progress;
    private final CancelToken cancel;

    private final List<ListedEntry> listed = new ArrayList<>();
    private final Map<RawPath, String> stored = new HashMap<>();
    private final Map<RawPath, String> linkedSha = new HashMap<>();
    private final List<TarFetcher.Wanted> wanted = new ArrayList<>();
    private final Set<Path> folders = new LinkedHashSet<>();
    final List<String> warnings = new ArrayList<>();
    private long newFiles;
    private long changedFiles;

    SnapshotRun(Path tree, SnapshotIndex previous, Path previousDir, SnapshotProgress progress, CancelToken cancel) {
        this.tree = tree;
        this.previous = previous;
        this.previousTree = previousDir == null ? null : previousDir.resolve(SnapshotIndex.TREE);
        this.progress = progress;
        this.cancel = cancel;
    }

    /**
     * Creates directories and symlinks, hard-links unchanged files and collects the rest to
     * fetch. Listing order puts every directory before its entries.
     */
    void build(List<ListedEntry> entries, List<String> roots) throws IOException {
        Set<RawPath> rootPaths = new HashSet<>();
        roots.forEach(r -> rootPaths.add(RawPath.ofUtf8(r)));
        ListingGuard guard = new ListingGuard(roots);
        int n = 0;
        for (ListedEntry e : entries) {
            if ((++n & 255) == 0) {
                cancel.throwIfCancelled();
            }
            guard.check(e);
            String s = NameCodec.encodePath(e.path().relativeToRoot());
            Path target = TreePaths.inside(tree, s);
            boolean root = rootPaths.contains(e.path());
            if (root && target.getParent() != null) {
                Files.createDirectories(target.getParent());
                for (Path p = target.getParent(); p != null && p.startsWith(tree.normalize()); p = p.getParent()) {
                    folders.add(p);
                }
            }
            listed.add(e);
            stored.put(e.path(), s);
            switch (e.type()) {
                // below a root the folder must be new: an existing name here would be a second listing of it
                case DIRECTORY -> {
                    if (root) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectory(target);
                    }
                    folders.add(target);
                }
                case SYMLINK -> createSymlink(target, e);
                case FILE -> linkOrWant(e, s, target);
                case OTHER -> {
                    // fifos, sockets, devices: recorded in the index only
                }
            }
        }
        progress.linked(linkedSha.size());
    }

    private void createSymlink(Path link, ListedEntry e) throws IOException {
        String target = NameCodec.decodeExactly(e.linkTarget().bytes(), java.nio.charset.Charset.forName(
                System.getProperty("sun.jnu.encoding", "UTF-8")));
        if (target == null) {
            target = NameCodec.encodeComponent(e.linkTarget().bytes());
            warnings.add("symlink target is not a valid name here, stored escaped (exact in the index): " + e.path());
        }
        Files.createSymbolicLink(link, Path.of(target));
        SnapshotFiles.applyLinkTime(link, e);
    }

    private void linkOrWant(ListedEntry e, String s, Path target) throws IOException {
        IndexEntry before = previous == null ? null : previous.get(e.path());
        if (before != null && before.type() == EntryType.FILE && before.sha256() != null && e.sameAs(before)) {
            try {
                Files.createLink(target, TreePaths.inside(previousTree, before.stored()));
                linkedSha.put(e.path(), before.sha256());
                if ((linkedSha.size() & 1023) == 0) {
                    progress.linked(linkedSha.size());
                }
                return;
            } catch (NoSuchFileException gone) {
                // the previous copy was removed from the vault: fetch it again rather than fail
            }
        }
        if (before == null || before.type() != EntryType.FILE) {
            newFiles++;
        } else {
            changedFiles++;
        }
        wanted.add(new TarFetcher.Wanted(e, target));
    }

    /**
     * Every folder this snapshot made, {@code tree/} and the roots' parents included: what must be
     * flushed for their names to be durable, known without walking (and stat-ing) the whole tree.
     */
    Set<Path> folders() {
        folders.add(tree.normalize());
        return folders;
    }

    TarFetcher.Outcome fetch(TarFetcher fetcher) throws IOException {
        if (wanted.isEmpty()) {
            return new TarFetcher.Outcome(Map.of(), List.of());
        }
        // the fetcher sets each fetched file's mode and mtime on its flushing threads
        return fetcher.fetch(wanted, progress, cancel);
    }

    /** Sets directory modes and times, deepest first and last of all, and returns the index entries. */
    List<IndexEntry> finish(Map<RawPath, TarFetcher.Fetched> fetched, OwnerNames names) throws IOException {
        for (int i = listed.size() - 1; i >= 0; i--) {
            ListedEntry e = listed.get(i);
            if (e.type() == EntryType.DIRECTORY) {
                String s = stored.get(e.path());
                SnapshotFiles.applyMetadata(s.isEmpty() ? tree : tree.resolve(s), e);
            }
        }
        List<IndexEntry> index = new ArrayList<>(listed.size());
        for (ListedEntry e : listed) {
            String s = stored.get(e.path());
            if (e.type() != EntryType.FILE) {
                index.add(IndexEntry.of(e, names, s, e.size(), null));
            } else if (linkedSha.containsKey(e.path())) {
                index.add(IndexEntry.of(e, names, s, e.size(), linkedSha.get(e.path())));
            } else if (fetched.containsKey(e.path())) {
                TarFetcher.Fetched f = fetched.get(e.path());
                index.add(IndexEntry.of(e, names, s, f.size(), f.sha256()));
            }
            // else it vanished before tar read it, and a warning says so
        }
        return index;
    }

    SnapshotResult result(Path indexFile, String indexSha, List<IndexEntry> index, List<String> allWarnings) {
        long files = 0;
        long bytes = 0;
        Set<RawPath> now = new HashSet<>();
        for (IndexEntry e : index) {
            if (e.type() == EntryType.FILE) {
                files++;
                bytes += e.size();
                now.add(e.path());
            }
        }
        long deleted = 0;
        if (previous != null) {
            for (IndexEntry e : previous.entries()) {
                if (e.type() == EntryType.FILE && !now.contains(e.path())) {
                    deleted++;
                }
            }
        }
        return new SnapshotResult(indexFile, indexSha, bytes, files, newFiles, changedFiles, linkedSha.size(),
                deleted, List.copyOf(allWarnings), java.util.Collections.unmodifiableList(index));
    }
}
