package app.mamori.service;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Set;

/**
 * The bytes a folder takes on disk with each hard-linked file counted once, as {@code du}
 * does: snapshots link unchanged files to the previous one, so summing sizes per point
 * would count a file once per point that holds it.
 */
final class DiskUsage {
    private DiskUsage() {
    }

    static long of(Path dir) throws IOException {
        Set<Object> seen = new HashSet<>();
        long[] total = {0};
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                Object key = attrs.fileKey();
                if (attrs.isRegularFile() && (key == null || seen.add(key))) {
                    total[0] += attrs.size();
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                // a point being written or pruned meanwhile: measure what is there
                return FileVisitResult.CONTINUE;
            }
        });
        return total[0];
    }
}
