package app.mamori.catalog;

import app.mamori.model.RestorePoint;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A restore point as the catalogue knows it.
 *
 * @param point     the point and its artifacts; the catalogue keeps its time to the millisecond
 * @param run       the run that made it; absent when a rebuild found it in a vault and its run is not in this catalogue
 * @param kind      a job's normal point, or the safety copy taken before a restore
 * @param manifests by source name, the artifact's manifest fields (tool version, command, ...); may be empty
 */
public record RecordedPoint(RestorePoint point, OptionalLong run, PointKind kind,
                            Map<String, Map<String, String>> manifests) {

    public RecordedPoint {
        Map<String, Map<String, String>> copy = new HashMap<>();
        if (manifests != null) {
            manifests.forEach((source, fields) -> copy.put(source, Map.copyOf(fields)));
        }
        manifests = Map.copyOf(copy);
        run = run == null ? OptionalLong.empty() : run;
    }

    public RecordedPoint(RestorePoint point, long run, PointKind kind) {
        this(point, OptionalLong.of(run), kind, Map.of());
    }

    /** A point read back from a vault's manifests, for {@link PointStore#rebuildVault}. */
    public static RecordedPoint fromManifest(RestorePoint point, PointKind kind,
                                             Map<String, Map<String, String>> manifests) {
        return new RecordedPoint(point, OptionalLong.empty(), kind, manifests);
    }

    public String id() {
        return point.id();
    }

    public Map<String, String> manifest(String source) {
        return manifests.getOrDefault(source, Map.of());
    }
}
