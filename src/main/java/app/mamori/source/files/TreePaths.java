package app.mamori.source.files;

import java.io.IOException;
import java.nio.file.Path;

/** Where a stored name lands below a folder, checked: the one containment rule for snapshots and restores. */
public final class TreePaths {
    private TreePaths() {
    }

    /**
     * {@code base/stored}, or an exception if the stored name would lead out of {@code base}
     * (through {@code ..}, an absolute name, or anything the file system reads as a separator).
     * An empty name is {@code base} itself.
     */
    public static Path inside(Path base, String stored) throws IOException {
        Path b = base.normalize();
        if (stored.isEmpty()) {
            return b;
        }
        Path p = b.resolve(stored).normalize();
        if (!p.startsWith(b) || p.equals(b)) {
            throw new IOException("'" + stored + "' would be written outside " + b + "; nothing more was written");
        }
        return p;
    }
}
