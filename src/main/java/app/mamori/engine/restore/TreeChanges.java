package app.mamori.engine.restore;

import app.mamori.catalog.FileEntry;
import app.mamori.catalog.FileType;
import app.mamori.catalog.TreeDiff;
import app.mamori.source.files.EntryType;
import app.mamori.source.files.ListedEntry;
import app.mamori.source.files.RawPath;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed in a folder tree from a backup's file list to a listing of the server now. A
 * path is changed when its type differs or, for anything but a folder, its size or modification
 * time does: the check a backup makes before it copies a file again, and all a listing can tell
 * without reading the files. A folder's own time moves with every name added in it, so only its
 * type counts. Pure.
 */
public final class TreeChanges {
    private static final Comparator<byte[]> BYTE_ORDER = Arrays::compareUnsigned;

    private TreeChanges() {
    }

    /** Added: only on the server now; removed: only in the backup; each in path byte order. */
    public static TreeDiff since(List<FileEntry> backup, List<ListedEntry> live) {
        Map<RawPath, FileEntry> before = new HashMap<>(backup.size() * 2);
        backup.forEach(e -> before.put(RawPath.ofBytes(e.path()), e));
        List<byte[]> added = new ArrayList<>();
        List<byte[]> changed = new ArrayList<>();
        for (ListedEntry now : live) {
            FileEntry then = before.remove(now.path());
            if (then == null) {
                added.add(now.path().bytes());
            } else if (differs(then, now)) {
                changed.add(now.path().bytes());
            }
        }
        List<byte[]> removed = new ArrayList<>(before.size());
        before.values().forEach(e -> removed.add(e.path()));
        added.sort(BYTE_ORDER);
        removed.sort(BYTE_ORDER);
        changed.sort(BYTE_ORDER);
        return new TreeDiff(added, removed, changed);
    }

    private static boolean differs(FileEntry then, ListedEntry now) {
        FileType type = typeOf(now.type());
        if (then.type() != type) {
            return true;
        }
        return type != FileType.DIRECTORY && (then.size() != now.size()
                || then.mtimeNs() != now.mtimeSeconds() * 1_000_000_000L + now.mtimeNanos());
    }

    private static FileType typeOf(EntryType t) {
        return switch (t) {
            case FILE -> FileType.FILE;
            case DIRECTORY -> FileType.DIRECTORY;
            case SYMLINK -> FileType.SYMLINK;
            default -> FileType.OTHER;
        };
    }
}
