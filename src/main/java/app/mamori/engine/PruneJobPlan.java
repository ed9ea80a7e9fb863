package app.mamori.engine;

import app.mamori.catalog.RecordedPoint;
import app.mamori.model.RetentionPolicy;
import app.mamori.retention.PrunePlan;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * A prune of one job, before anything is deleted: the retention plan and, for each point it
 * removes, the point as the catalogue knows it (vault, folder).
 */
public record PruneJobPlan(String job, RetentionPolicy policy, ZoneId zone, PrunePlan plan,
                           Map<String, RecordedPoint> points) {
    public PruneJobPlan {
        points = Map.copyOf(points);
    }

    public List<RecordedPoint> removals() {
        return plan.remove().stream().map(c -> points.get(c.id())).toList();
    }
}
