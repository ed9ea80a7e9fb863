package app.mamori.catalog;

import java.util.List;

/**
 * What changed in one file-tree source between two points, as raw path bytes in path order.
 *
 * @param changed in both, with a different type, or (for anything but a directory) a different size or SHA-256
 */
public record TreeDiff(List<byte[]> added, List<byte[]> removed, List<byte[]> changed) {
    public TreeDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
    }
}
