package app.mamori.vault;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A restore point being written. Nothing is visible as a point until {@link #commit}; closing
 * without commit (failure, cancel) removes everything written.
 */
public interface PointWriter extends AutoCloseable {

    /** The point's id, e.g. {@code 20261124T153012Z}; also its folder name. */
    String id();

    /** A new file in the point; compress when the content is not compressed already. */
    ArtifactOutput create(String fileName, boolean compress) throws IOException;

    /** A new empty folder in the point, for a file-tree snapshot. */
    Path createDirectory(String name) throws IOException;

    /** Writes the manifest, makes everything durable and moves the point into place; returns its final folder. */
    Path commit(Manifest manifest) throws IOException;

    /** Removes an uncommitted point. Idempotent. */
    @Override
    void close();
}
