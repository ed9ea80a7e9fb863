package app.mamori.catalog;

import java.time.Instant;

/** A restore point by id and time only: enough to order a file's versions. */
public record PointRef(String id, Instant time) {
}
