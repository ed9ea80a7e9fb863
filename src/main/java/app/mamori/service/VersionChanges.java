package app.mamori.service;

import app.mamori.catalog.FileEntry;
import app.mamori.catalog.FileType;
import app.mamori.catalog.PointRef;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** Turns one file's entries in a source's points into the points where it was added, changed or deleted. */
final class VersionChanges {
    private VersionChanges() {
    }

    /**
     * @param points  the source's points with a stored file list, oldest first: where the file could be
     * @param byPoint the file's entry in each point that has it
     */
    static List<FileHistory.Version> of(List<PointRef> points, Map<String, FileEntry> byPoint) {
        List<FileHistory.Version> out = new ArrayList<>();
        FileEntry previous = null;
        for (PointRef p : points) {
            FileEntry now = byPoint.get(p.id());
            if (now != null && (previous == null || differs(previous, now))) {
                out.add(new FileHistory.Version(p.id(), p.time(), OptionalLong.of(now.size()),
                        Optional.ofNullable(now.sha256()),
                        previous == null ? FileHistory.Change.ADDED : FileHistory.Change.CHANGED));
            } else if (now == null && previous != null) {
                out.add(new FileHistory.Version(p.id(), p.time(), OptionalLong.empty(), Optional.empty(),
                        FileHistory.Change.DELETED));
            }
            previous = now;
        }
        return out;
    }

    /**
     * The rule the catalogue's diff applies in SQL (HistoryQueries): a directory's size is the file
     * system's bookkeeping, so only its type counts; mode and modification time never do.
     */
    static boolean differs(FileEntry a, FileEntry b) {
        return a.type() != b.type() || b.type() != FileType.DIRECTORY
                && (a.size() != b.size() || !Objects.equals(a.sha256(), b.sha256()));
    }
}
