package app.mamori.service;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One file's versions in one source, oldest first: only the points where it appeared, changed
 * or disappeared (points where it is unchanged are left out).
 *
 * @param path the path as the admin knows it on the server: UTF-8 as text, any other byte as {@code \xNN}
 */
public record FileHistory(String source, String path, List<Version> versions) {
    public FileHistory {
        versions = List.copyOf(versions);
    }

    /** What a point did to the file. */
    public enum Change {
        /** it is in this point and was not in the one before that had a file list (or it is the first) */
        ADDED,
        /** its type, size or SHA-256 (size and SHA-256 not for a directory) differ from the previous point's */
        CHANGED,
        /** the previous point had it; this one does not */
        DELETED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One point's version.
     *
     * @param size   absent when deleted
     * @param sha256 absent when deleted, and for anything but a regular file
     */
    public record Version(String point, Instant time, OptionalLong size, Optional<String> sha256, Change change) {
        public Version {
            Objects.requireNonNull(point, "point");
            Objects.requireNonNull(change, "change");
            size = size == null ? OptionalLong.empty() : size;
            sha256 = sha256 == null ? Optional.empty() : sha256;
        }
    }
}
