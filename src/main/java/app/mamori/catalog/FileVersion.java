package app.mamori.catalog;

import java.time.Instant;

/** One file as it was in one restore point: what "show me every version of this file" lists. */
public record FileVersion(String point, Instant time, FileEntry entry) {
}
