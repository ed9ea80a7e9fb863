package app.mamori.service;

import app.mamori.catalog.FileEntry;
import app.mamori.catalog.FileIndex;
import app.mamori.catalog.HistoryQueries;
import app.mamori.catalog.PointRef;
import app.mamori.catalog.RecordedPoint;
import app.mamori.catalog.TreeDiff;
import app.mamori.model.Artifact;
import app.mamori.model.SourceKind;
import app.mamori.source.files.NameCodec;
import app.mamori.source.files.RawPath;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * File history and point comparison, read from the catalogue only (nothing connects to a
 * server or opens a vault). Runs on the calling thread; safe from any worker thread.
 */
public final class HistoryService {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Long>> TABLES = new TypeReference<>() { };

    private final Services services;

    HistoryService(Services services) {
        this.services = services;
    }

    /**
     * Every file matching {@code pattern} in the file-tree sources' file lists, each with its
     * versions oldest first (see {@link FileHistory}). The pattern is a glob ({@code *}, {@code ?},
     * {@code **}) matched against the file's name, or against the whole path when it starts with
     * '/', or the path's end when it has '/' elsewhere. Ordered by source, then path.
     *
     * @param source only this source
     * @throws IllegalArgumentException for an empty pattern, or a source with no file lists (the message says so)
     */
    public List<FileHistory> find(String pattern, Optional<String> source) {
        PathPattern glob = PathPattern.of(pattern);
        HistoryQueries history = services.catalog().history();
        Map<String, List<PointRef>> pointsOf = new HashMap<>();
        source.ifPresent(s -> {
            if (pointsOf.computeIfAbsent(s, history::indexedPoints).isEmpty()) {
                throw new IllegalArgumentException("--source: source '" + s + "' has no point with a file list;"
                        + " find searches file-tree sources (kind files) that have been backed up");
            }
        });
        List<String> sources = source.map(List::of).orElseGet(history::indexedSources);
        List<FileHistory> found = new ArrayList<>();
        for (byte[] raw : history.paths(glob.lowerBound(), glob.upperBound())) {
            String shown = NameCodec.display(raw);
            if (!glob.matches(shown)) {
                continue;
            }
            for (String s : sources) {
                List<FileHistory.Version> versions = VersionChanges.of(
                        pointsOf.computeIfAbsent(s, history::indexedPoints), history.entriesOf(s, raw));
                if (!versions.isEmpty()) {
                    found.add(new FileHistory(s, shown, versions));
                }
            }
        }
        found.sort(java.util.Comparator.comparing(FileHistory::source));
        return found;
    }

    /**
     * What changed in one source from point {@code pointA} to point {@code pointB}: for a database,
     * each table's row counts as the two backups recorded them; for a file tree, the paths added,
     * removed and changed, computed from the two file lists.
     *
     * @param source which source; needed when the points hold more than one
     * @throws IllegalArgumentException when a point does not exist, does not hold the source, the source
     *                                  must be named, or the points lack what a comparison needs (the message
     *                                  says which and what to do)
     */
    public PointDiff diff(String pointA, String pointB, Optional<String> source) {
        RecordedPoint a = point(pointA);
        RecordedPoint b = point(pointB);
        String s = source.orElseGet(() -> onlySource(a, b));
        Artifact artifactA = artifact(a, s);
        artifact(b, s);
        if (artifactA.kind().isSnapshot()) {
            TreeDiff d = services.catalog().history().diff(a.id(), b.id(), s);
            return new PointDiff.Files(s, shown(d.added()), shown(d.removed()), shown(d.changed()));
        }
        if (artifactA.kind() == SourceKind.DOCKER_VOLUME) {
            throw new IllegalArgumentException("source '" + s + "' is a Docker volume, whose files the catalogue"
                    + " does not list; diff compares databases (tables) and file trees (paths)");
        }
        Map<String, Long> tablesA = tables(a, s);
        Map<String, Long> tablesB = tables(b, s);
        List<PointDiff.Table> tables = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(tablesA.keySet());
        names.addAll(tablesB.keySet());
        for (String name : names) {
            tables.add(new PointDiff.Table(name, count(tablesA, name), count(tablesB, name)));
        }
        return new PointDiff.Tables(s, tables);
    }

    /**
     * One folder of {@code source}'s snapshot in point {@code pointId}, read from the catalogue's
     * file index one folder at a time (a snapshot of 50,000 files is never loaded whole): folders
     * first, then files, each by name.
     *
     * @param folder the folder to open; empty for the top, the folders the source backs up
     */
    public List<FolderEntry> folder(String pointId, String source, Optional<RawPath> folder) {
        FileIndex index = services.catalog().fileIndex();
        List<FolderEntry> out = new ArrayList<>();
        if (folder.isPresent()) {
            index.children(pointId, source, folder.get().bytes()).forEach(c -> out.add(entry(c)));
        } else {
            Optional<FileEntry> root = index.entry(pointId, source, ROOT);
            if (root.isPresent()) {
                out.add(entry(new FileIndex.Child(ROOT, root.get())));
            } else {
                tops(index, pointId, source, ROOT, out);
            }
        }
        out.sort(java.util.Comparator.comparing((FolderEntry e) -> !e.folder()).thenComparing(FolderEntry::path));
        return out;
    }

    private static final byte[] ROOT = {'/'};

    /** The snapshot's roots below {@code above}: the folders leading to them are not in the index, so walk through them. */
    private static void tops(FileIndex index, String pointId, String source, byte[] above, List<FolderEntry> out) {
        for (FileIndex.Child c : index.children(pointId, source, above)) {
            if (c.entry() == null) {
                tops(index, pointId, source, c.path(), out);
            } else {
                out.add(entry(c));
            }
        }
    }

    private static FolderEntry entry(FileIndex.Child c) {
        FileEntry e = c.entry();
        boolean folder = e == null || e.type() == app.mamori.catalog.FileType.DIRECTORY;
        return new FolderEntry(RawPath.ofBytes(c.path()), NameCodec.display(c.path()), folder,
                e == null || folder ? 0 : e.size(), e == null ? null : java.time.Instant.ofEpochSecond(0, e.mtimeNs()));
    }

    private RecordedPoint point(String id) {
        return services.catalog().points().find(id).orElseThrow(() -> new IllegalArgumentException(
                "restore point '" + id + "' does not exist; `mamori points` lists them"));
    }

    private static String onlySource(RecordedPoint a, RecordedPoint b) {
        TreeSet<String> sources = new TreeSet<>();
        a.point().artifacts().forEach(x -> sources.add(x.source()));
        b.point().artifacts().forEach(x -> sources.add(x.source()));
        if (sources.size() != 1) {
            throw new IllegalArgumentException("--source: the points hold " + sources.size() + " sources ("
                    + String.join(", ", sources) + "); say which one to compare with --source");
        }
        return sources.first();
    }

    private static Artifact artifact(RecordedPoint p, String source) {
        return p.point().artifacts().stream().filter(x -> x.source().equals(source)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--source: restore point '" + p.id() + "' holds no"
                        + " artifact of source '" + source + "'; it holds " + p.point().artifacts().stream()
                        .map(Artifact::source).collect(Collectors.joining(", "))));
    }

    /** The row counts the backup recorded (catalogue field {@code tables}, JSON, from the manifest's stats). */
    /**
     * The tables of {@code source} with the row counts its backup in {@code pointId} recorded.
     *
     * @throws IllegalArgumentException when the point does not exist or recorded no counts (the message says why)
     */
    public Map<String, Long> tablesOf(String pointId, String source) {
        return tables(point(pointId), source);
    }

    private static Map<String, Long> tables(RecordedPoint p, String source) {
        String json = p.manifest(source).get("tables");
        if (json == null) {
            throw new IllegalArgumentException("restore point '" + p.id() + "' has no table row counts of source '"
                    + source + "' in the catalogue: the backup could not count them, or was recorded before Mamori"
                    + " kept them there (`mamori catalog rebuild " + p.point().vault() + "` reads them from the"
                    + " vault's manifests)");
        }
        try {
            return JSON.readValue(json, TABLES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("restore point '" + p.id() + "' has unreadable table counts in the"
                    + " catalogue; `mamori catalog rebuild " + p.point().vault() + "` writes them again", e);
        }
    }

    private static OptionalLong count(Map<String, Long> tables, String name) {
        Long rows = tables.get(name);
        return rows == null ? OptionalLong.empty() : OptionalLong.of(rows);
    }

    private static List<String> shown(List<byte[]> paths) {
        return paths.stream().map(NameCodec::display).toList();
    }
}
