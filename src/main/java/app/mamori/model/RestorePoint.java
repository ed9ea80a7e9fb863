package app.mamori.model;

import java.time.Instant;
import java.util.List;

/** What one successful run left: one artifact per source, all taken at one moment. */
public record RestorePoint(String id, String server, String job, String vault, Instant time,
                           RunStatus status, String location, List<Artifact> artifacts) {
    public RestorePoint {
        artifacts = List.copyOf(artifacts);
    }
}
